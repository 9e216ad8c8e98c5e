-- 004: what BAMF knows about participants beyond their identity, and what
-- providers report about them: entitlements and obligations with their
-- issuing authorities, earlier course visits, registrations with Traeger,
-- DTZ results, and reported language-test candidates.

ALTER TABLE person ADD COLUMN fruehere_namen TEXT NOT NULL DEFAULT ''; -- newline-separated
ALTER TABLE person ADD COLUMN regionalstelle TEXT NOT NULL DEFAULT '';

-- An entitlement (B), an obligation (V) or an admission for repetition (W).
-- One person may hold several, from different authorities (BAMF-KT, XA-TS).
CREATE TABLE berechtigung (
    id                     INTEGER PRIMARY KEY,
    person_id              INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    aktenzeichen_art       TEXT NOT NULL,
    aktenzeichen           TEXT NOT NULL,
    zulassungsart          TEXT NOT NULL,
    behoerde_art           TEXT NOT NULL,
    behoerde               TEXT NOT NULL,
    behoerden_aktenzeichen TEXT NOT NULL DEFAULT '',
    gueltig_ab             TEXT NOT NULL,
    gueltig_bis            TEXT NOT NULL DEFAULT '',
    stornierungsdatum      TEXT NOT NULL DEFAULT '',
    tn_typ                 TEXT NOT NULL DEFAULT '',
    kb_typ                 TEXT NOT NULL DEFAULT '',
    genehmigte_stunden     INTEGER NOT NULL,
    merkmale               TEXT NOT NULL DEFAULT '', -- newline-separated
    UNIQUE (aktenzeichen_art, aktenzeichen)
) STRICT;

-- Courses attended before, as the Testdatenpaket sets them up; courses
-- reported to this mock are in kursabschnitt/abschnitt_teilnehmer.
CREATE TABLE kursbesuch (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    traegernummer TEXT NOT NULL,
    kurskennung   TEXT NOT NULL DEFAULT '',
    kursart       TEXT NOT NULL,
    von           TEXT NOT NULL,
    bis           TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE kursbesuch_abschnitt (
    kursbesuch_id INTEGER NOT NULL REFERENCES kursbesuch (id) ON DELETE CASCADE,
    kursabschnitt TEXT NOT NULL,
    stunden       INTEGER NOT NULL,
    PRIMARY KEY (kursbesuch_id, kursabschnitt)
) STRICT;

-- A registration of a person with a Traeger, in the Erstverfahren or the
-- Wiederholerverfahren. daten is the request's registration as XML; it is
-- NULL for a registration the Testdatenpaket sets up.
CREATE TABLE anmeldung (
    person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    traegernummer TEXT NOT NULL REFERENCES traeger (traegernummer),
    verfahren     TEXT NOT NULL CHECK (verfahren IN ('Erst', 'Wiederholer')),
    anmeldedatum  TEXT NOT NULL,
    daten         BLOB,
    erfasst_am    TEXT NOT NULL,
    PRIMARY KEY (person_id, traegernummer, verfahren)
) STRICT;

CREATE TABLE dtz_ergebnis (
    person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    pruefungsdatum TEXT NOT NULL,
    ergebnis       TEXT NOT NULL,
    PRIMARY KEY (person_id, pruefungsdatum)
) STRICT;

-- Reported DTZ candidates. A Bogennummer is reported once, ever (Q-ST).
CREATE TABLE sprachtest_pruefling (
    bogennummer    TEXT PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES person (id),
    traegernummer  TEXT NOT NULL REFERENCES traeger (traegernummer),
    auftragsnummer TEXT NOT NULL,
    testdatum      TEXT NOT NULL,
    kurskennung    TEXT NOT NULL,
    ausweisnummer  TEXT NOT NULL,
    anschrift      BLOB,
    gemeldet_am    TEXT NOT NULL
) STRICT;
