-- 002: courses. A course belongs to the Traeger that planned it; no other
-- Traeger can read or change it. The last accepted Kursplanung is kept as the
-- contract's own XML, because the Kursauskunft returns what was sent.

CREATE TABLE kurs (
    -- "K" and nine digits from kurs_nummer; the number is unique for ever,
    -- also across Traeger and after a cancellation.
    kurskennung   TEXT PRIMARY KEY,
    traegernummer TEXT NOT NULL REFERENCES traeger (traegernummer),
    status        TEXT NOT NULL CHECK (status IN ('geplant', 'storniert', 'begonnen', 'beendet')),
    kursart       TEXT NOT NULL,
    kursbeginn    TEXT NOT NULL,
    kursort       TEXT NOT NULL REFERENCES kursort (kennung),
    planung       BLOB NOT NULL,
    erfasst_am    TEXT NOT NULL,
    geaendert_am  TEXT NOT NULL
) STRICT;

CREATE INDEX kurs_traeger ON kurs (traegernummer);

-- The participants of the active plan, each once per course.
CREATE TABLE kurs_teilnehmer (
    kurskennung   TEXT NOT NULL REFERENCES kurs (kurskennung) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES person (id),
    kursabschnitt TEXT NOT NULL,
    PRIMARY KEY (kurskennung, person_id)
) STRICT;

-- Source of Kurskennungen. AUTOINCREMENT never reuses a number, not even one
-- whose course row was deleted.
CREATE TABLE kurs_nummer (
    nummer INTEGER PRIMARY KEY AUTOINCREMENT
) STRICT;
