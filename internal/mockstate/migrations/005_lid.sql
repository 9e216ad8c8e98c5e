-- 005: "Leben in Deutschland" exams and their candidates. An exam belongs to
-- the Traeger that registered it; no other Traeger can see or change it.

CREATE TABLE lid_pruefung (
    -- "L" and nine digits from lid_nummer, unique for ever.
    pruefungsnummer TEXT PRIMARY KEY,
    traegernummer   TEXT NOT NULL REFERENCES traeger (traegernummer),
    status          TEXT NOT NULL CHECK (status IN ('erfasst', 'storniert')),
    pruefungsdatum  TEXT NOT NULL,
    -- The LidPruefung as last sent, as the contract's XML.
    daten           BLOB NOT NULL,
    grund           TEXT NOT NULL DEFAULT '',
    erfasst_am      TEXT NOT NULL,
    geaendert_am    TEXT NOT NULL
) STRICT;

CREATE INDEX lid_pruefung_traeger ON lid_pruefung (traegernummer);

-- A candidate: an identified person (person_id) or a Selbstzahler with the
-- personal data a certificate needs (selbstzahler, the contract's XML).
CREATE TABLE lid_pruefling (
    pruefungsnummer TEXT NOT NULL REFERENCES lid_pruefung (pruefungsnummer) ON DELETE CASCADE,
    nr              INTEGER NOT NULL,
    person_id       INTEGER REFERENCES person (id),
    -- Identity of a Selbstzahler for the once-per-exam rule.
    selbstzahler_schluessel TEXT,
    selbstzahler    BLOB,
    gemeldet_am     TEXT NOT NULL,
    PRIMARY KEY (pruefungsnummer, nr),
    UNIQUE (pruefungsnummer, person_id),
    UNIQUE (pruefungsnummer, selbstzahler_schluessel),
    CHECK ((person_id IS NULL) != (selbstzahler IS NULL))
) STRICT;

CREATE TABLE lid_nummer (
    nummer INTEGER PRIMARY KEY AUTOINCREMENT
) STRICT;
