-- 001: reference data from the Testdatenpaket (Traeger, Benutzer, Testfaelle,
-- Kursorte, Lehrkraefte, Lehrwerke, Personen), the per-Traeger clock and the
-- journal of SOAP exchanges.
--
-- Tables are STRICT so that a wrong Go type in a later query fails loudly
-- instead of being stored with SQLite's type affinity. Dates are TEXT in the
-- form yyyy-mm-dd, instants TEXT in a fixed-width UTC form that sorts
-- chronologically (see timeLayout in the Go code).

CREATE TABLE traeger (
    traegernummer       TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    bundesland          TEXT NOT NULL CHECK (bundesland BETWEEN '01' AND '16' AND length(bundesland) = 2),
    lid_pruefstelle     INTEGER NOT NULL CHECK (lid_pruefstelle IN (0, 1)),
    -- Kennung of the Verwaltungsstandort, needed for LiD exams.
    verwaltungsstandort TEXT NOT NULL,
    -- Kennung of the site that receives LiD exam material; NULL: the
    -- Verwaltungsstandort receives it.
    lieferadresse       TEXT
) STRICT;

-- DeBeV-like users. The password is stored in clear text because verifying a
-- WS-Security PasswordDigest needs the password itself; these are published
-- test credentials, never those of real people.
CREATE TABLE benutzer (
    name          TEXT PRIMARY KEY,
    passwort      TEXT NOT NULL,
    traegernummer TEXT NOT NULL REFERENCES traeger (traegernummer)
) STRICT;

CREATE INDEX benutzer_traegernummer ON benutzer (traegernummer);

-- One BAMF-style test case of the Testdatenpaket (e.g. KP-1). Each case brings
-- its own Kursorte, Lehrkraefte and Personen, as in the official procedure.
CREATE TABLE testfall (
    id             TEXT PRIMARY KEY,
    titel          TEXT NOT NULL,
    traegernummer  TEXT NOT NULL REFERENCES traeger (traegernummer),
    vorbedingungen TEXT NOT NULL
) STRICT;

CREATE TABLE kursort (
    kennung       TEXT PRIMARY KEY,
    traegernummer TEXT NOT NULL REFERENCES traeger (traegernummer),
    bezeichnung   TEXT NOT NULL,
    strasse       TEXT NOT NULL,
    plz           TEXT NOT NULL,
    ort           TEXT NOT NULL,
    bundesland    TEXT NOT NULL CHECK (bundesland BETWEEN '01' AND '16' AND length(bundesland) = 2),
    barrierefrei  INTEGER NOT NULL CHECK (barrierefrei IN (0, 1)),
    testfall      TEXT REFERENCES testfall (id)
) STRICT;

CREATE INDEX kursort_traegernummer ON kursort (traegernummer);

-- Teachers approved by BAMF; the kennung is the Zulassungsnummer. Teachers are
-- not owned by a Traeger: one teacher may teach for several.
CREATE TABLE lehrkraft (
    kennung        TEXT PRIMARY KEY,
    familienname   TEXT NOT NULL,
    vorname        TEXT NOT NULL,
    geburtsdatum   TEXT NOT NULL,
    zugelassen_bis TEXT, -- NULL: approval without time limit
    testfall       TEXT REFERENCES testfall (id)
) STRICT;

-- Approved teaching materials and the Kursarten (code list 802) they are
-- approved for.
CREATE TABLE lehrwerk (
    kennung TEXT PRIMARY KEY,
    titel   TEXT NOT NULL,
    verlag  TEXT NOT NULL
) STRICT;

CREATE TABLE lehrwerk_kursart (
    lehrwerk TEXT NOT NULL REFERENCES lehrwerk (kennung) ON DELETE CASCADE,
    kursart  TEXT NOT NULL,
    PRIMARY KEY (lehrwerk, kursart)
) STRICT, WITHOUT ROWID;

-- Test participants. They are shared between Traeger, as in the real
-- registry; what a Traeger may see of them is decided by the rules.
CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    familienname TEXT NOT NULL,
    vorname      TEXT NOT NULL,
    geburtsname  TEXT,
    geburtsdatum TEXT NOT NULL,
    geburtsort   TEXT NOT NULL,
    geschlecht   TEXT NOT NULL, -- code list 005
    -- Anschrift (Wohnadresse; BAMF allows no differing postal address).
    strasse      TEXT NOT NULL,
    plz          TEXT NOT NULL,
    ort          TEXT NOT NULL,
    staat        TEXT NOT NULL, -- Destatis Staatsschluessel, 000 = Deutschland
    bundesland   TEXT NOT NULL,
    testfall     TEXT REFERENCES testfall (id)
) STRICT;

-- Staatsangehoerigkeiten (Destatis codes) in the order given; rang 1 is the
-- first one named.
CREATE TABLE person_staatsangehoerigkeit (
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    rang      INTEGER NOT NULL,
    code      TEXT NOT NULL,
    PRIMARY KEY (person_id, rang),
    UNIQUE (person_id, code)
) STRICT;

-- Every message identifies a person by Geburtsdatum plus one Kennziffer of
-- one Art: BAMF (Personenkennziffer), ABH (Auslaenderbehoerde), BVA
-- (Bundesverwaltungsamt), TGS (Traeger der Grundsicherung) or WIED (BAMF,
-- Wiederholerverfahren). A Kennziffer names exactly one person.
CREATE TABLE person_kennziffer (
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    art       TEXT NOT NULL CHECK (art IN ('BAMF', 'ABH', 'BVA', 'TGS', 'WIED')),
    wert      TEXT NOT NULL,
    UNIQUE (art, wert)
) STRICT;

CREATE INDEX person_kennziffer_person ON person_kennziffer (person_id);

-- The clock of each Traeger's sandbox. No row means real time. A row either
-- freezes the clock at frozen_at or shifts real time by offset_ns.
CREATE TABLE uhr (
    traegernummer TEXT PRIMARY KEY REFERENCES traeger (traegernummer) ON DELETE CASCADE,
    frozen_at     TEXT,
    offset_ns     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every SOAP exchange. No foreign keys on purpose: requests of unknown users
-- or for unknown Traeger must be journaled too. AUTOINCREMENT so that an id
-- shown to a user is never reused after entries are deleted.
CREATE TABLE journal (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    zeit           TEXT NOT NULL,
    traegernummer  TEXT,
    benutzer       TEXT,
    operation      TEXT NOT NULL,
    vorgangsnummer TEXT,
    ergebnis       TEXT NOT NULL, -- status word or SOAP fault code
    dauer_us       INTEGER NOT NULL,
    anfrage        BLOB,          -- request XML, secrets masked
    antwort        BLOB           -- response XML, secrets masked
) STRICT;

CREATE INDEX journal_traegernummer_zeit ON journal (traegernummer, zeit);
CREATE INDEX journal_zeit ON journal (zeit);
