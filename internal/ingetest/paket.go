package ingetest

import (
	"strings"
	"testing"
	"testing/fstest"
)

// MinimalPaket returns a small valid Testdatenpaket, new on each call, for
// tests that break one thing at a time: Traeger 20000001 in Bundesland 03
// with user t1, Lehrwerk LW-T1, and test case T-1 with Kursort KO-T1,
// Lehrkraft LK-T1 and the persons Yousef, Amina (BAMF 0000001-475) and
// Noori, Karim (BAMF 0000002-423, ABH ABH-1).
func MinimalPaket() fstest.MapFS {
	return fstest.MapFS{
		"traeger.json": {Data: []byte(`{"Traeger": [{
			"Traegernummer": "20000001", "Name": "Testtraeger", "Bundesland": "03",
			"LidPruefstelle": false, "Verwaltungsstandort": "VS-1",
			"Benutzer": [{"Name": "t1", "Passwort": "p1"}]}]}`)},
		"lehrwerke.json": {Data: []byte(`{"Lehrwerke": [
			{"Kennung": "LW-T1", "Titel": "Titel", "Verlag": "Verlag", "Kursarten": ["01", "05"]}]}`)},
		"faelle/T-1.json": {Data: []byte(`{
			"ID": "T-1", "Titel": "Test", "Traegernummer": "20000001", "Vorbedingungen": "Keine.",
			"Kursorte": [{"Kennung": "KO-T1", "Bezeichnung": "Ort", "Strasse": "Weg 1", "Postleitzahl": "30000",
				"Ort": "Hannover", "Bundesland": "03", "Barrierefrei": true}],
			"Lehrkraefte": [{"Kennung": "LK-T1", "Familienname": "Muster", "Vorname": "Eva", "Geburtsdatum": "1970-01-01"}],
			"Personen": [
				{"Familienname": "Yousef", "Vorname": "Amina", "Geburtsdatum": "1990-01-31", "Geburtsort": "Damaskus",
				 "Geschlecht": "w", "Staatsangehoerigkeit": ["475"],
				 "Anschrift": {"Strasse": "Weg 2", "Postleitzahl": "30000", "Ort": "Hannover", "Staat": "000", "Bundesland": "03"},
				 "Kennziffern": [{"Art": "BAMF", "Wert": "0000001-475"}]},
				{"Familienname": "Noori", "Vorname": "Karim", "Geburtsdatum": "1980-12-01", "Geburtsort": "Kabul",
				 "Geschlecht": "m", "Staatsangehoerigkeit": ["423"],
				 "Anschrift": {"Strasse": "Weg 3", "Postleitzahl": "30000", "Ort": "Hannover", "Staat": "000", "Bundesland": "03"},
				 "Kennziffern": [{"Art": "BAMF", "Wert": "0000002-423"}, {"Art": "ABH", "Wert": "ABH-1"}]}
			]}`)},
	}
}

// MinimalPaketWith returns MinimalPaket with the first old in file replaced
// by new: a package with one thing broken. It stops the test if file does
// not contain old, so that a case cannot pass by breaking nothing.
func MinimalPaketWith(tb testing.TB, file, old, new string) fstest.MapFS {
	tb.Helper()
	fsys := MinimalPaket()
	f, ok := fsys[file]
	if !ok || !strings.Contains(string(f.Data), old) {
		tb.Fatalf("MinimalPaket: %s does not contain %s", file, old)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
	return fsys
}
