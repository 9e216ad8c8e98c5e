-- 011: indexes that keep the hot statements flat as a sandbox grows
-- (TestHotQueriesUseIndexes checks their plans, bench/skala.sh measures):
-- foreign keys to kursort and person, which SQLite checks by the child's
-- column when a parent row changes (loading the Testdatenpaket updates every
-- Kursort; re-registering a person deletes its Berechtigungen and visits),
-- and the journal by procedure, which the admin API and the console filter
-- by, newest first.
CREATE INDEX kurs_kursort ON kurs (kursort);
CREATE INDEX kursortaenderung_kursort ON kursortaenderung (kursort);
CREATE INDEX berechtigung_person ON berechtigung (person_id);
CREATE INDEX kursbesuch_person ON kursbesuch (person_id);
CREATE INDEX kurs_teilnehmer_person ON kurs_teilnehmer (person_id);
CREATE INDEX journal_operation ON journal (operation);
