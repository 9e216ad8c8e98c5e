-- 010: contract profiles. A sandbox may speak a contract profile (package
-- profil) instead of our contract; its name is kept with the store, so that
-- the sandbox speaks it again after a restart. A setting is a row of its own,
-- so that the next one needs no migration of its own.
CREATE TABLE einstellung (
    schluessel TEXT PRIMARY KEY,
    wert       TEXT NOT NULL
) STRICT;

-- The journal keeps both forms of a profiled exchange: anfrage and antwort as
-- they went over the wire, in the profile's names; anfrage_kanonisch and
-- antwort_kanonisch as our contract writes them, which the rules applied and
-- the acceptance judges. NULL for an exchange in our contract.
ALTER TABLE journal ADD COLUMN profil TEXT;
ALTER TABLE journal ADD COLUMN anfrage_kanonisch BLOB;
ALTER TABLE journal ADD COLUMN antwort_kanonisch BLOB;
