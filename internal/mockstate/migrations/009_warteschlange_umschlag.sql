-- 009: the envelope of a queued request as it was received (password
-- masked), so that its final journal entry holds the same form as every
-- other entry: the whole envelope, which verify's XPath expects
-- (/Envelope/Body/...). NULL for requests queued before this migration.

ALTER TABLE warteschlange ADD COLUMN umschlag BLOB;
