-- 008: further Kursorte and the day of capture. A section may have several
-- Kursorte from interface version 2.0 on
-- (ITM 10.3.6): an announced change keeps the further ones beside the
-- Kursort, as a JSON array of Kennungen ('' for none). Plans and section
-- reports keep them in their stored XML already.

ALTER TABLE kursortaenderung ADD COLUMN weitere_kursorte TEXT NOT NULL DEFAULT '';

-- The day (on the sandbox's clock) a plan was captured, so that a plan
-- captured only on or after the course's start is known as such: the rule
-- that the plan had a participant the day before cannot apply to it.
ALTER TABLE kurs ADD COLUMN erfasst_tag TEXT NOT NULL DEFAULT '';
