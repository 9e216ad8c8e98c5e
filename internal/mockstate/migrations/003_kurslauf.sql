-- 003: the life of a course after its plan: the Kursbeginnmeldung, every
-- reported Kursabschnitt with its participants, and announced Kursort
-- changes. What was reported is kept as the contract's XML, because the
-- Kursauskunft returns what was last sent.

-- The Kursbeginndaten of the Kursbeginnmeldung; NULL while the course is
-- only planned.
ALTER TABLE kurs ADD COLUMN kursbeginn_meldung BLOB;

CREATE TABLE kursabschnitt (
    kurskennung   TEXT NOT NULL REFERENCES kurs (kurskennung) ON DELETE CASCADE,
    kursabschnitt TEXT NOT NULL,
    beginn        TEXT NOT NULL,
    -- Kursabschnittsdaten as last reported (begin or update).
    daten         BLOB NOT NULL,
    gemeldet_am   TEXT NOT NULL,
    geaendert_am  TEXT NOT NULL,
    PRIMARY KEY (kurskennung, kursabschnitt)
) STRICT;

-- The identified participants of a reported section; the Teilnehmerauskunft
-- derives course visits from it.
CREATE TABLE abschnitt_teilnehmer (
    kurskennung   TEXT NOT NULL,
    kursabschnitt TEXT NOT NULL,
    person_id     INTEGER NOT NULL REFERENCES person (id),
    PRIMARY KEY (kurskennung, kursabschnitt, person_id),
    FOREIGN KEY (kurskennung, kursabschnitt) REFERENCES kursabschnitt (kurskennung, kursabschnitt) ON DELETE CASCADE
) STRICT;

CREATE INDEX abschnitt_teilnehmer_person ON abschnitt_teilnehmer (person_id);

-- Announced Kursort changes of sections whose begin is not reported yet; a
-- later announcement for the same section replaces the earlier one.
CREATE TABLE kursortaenderung (
    kurskennung   TEXT NOT NULL REFERENCES kurs (kurskennung) ON DELETE CASCADE,
    kursabschnitt TEXT NOT NULL,
    kursort       TEXT NOT NULL REFERENCES kursort (kennung),
    gueltig_ab    TEXT NOT NULL,
    gemeldet_am   TEXT NOT NULL,
    PRIMARY KEY (kurskennung, kursabschnitt)
) STRICT;
