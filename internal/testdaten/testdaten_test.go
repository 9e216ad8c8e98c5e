package testdaten_test

import (
	"strings"
	"testing"
	"testing/fstest"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

func TestReadEmbedded(t *testing.T) {
	p, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		t.Fatalf("Read(embedded) error = %v", err)
	}
	if f, ok := p.Fall("KP-1"); !ok || f.Traegernummer != "10000001" || len(f.Personen) == 0 {
		t.Errorf("Fall(KP-1) = %+v, %v", f, ok)
	}
	if _, ok := p.Fall("GIBTS-NICHT"); ok {
		t.Errorf("Fall(GIBTS-NICHT) found")
	}
	if tr, ok := p.TraegerByNummer("10000002"); !ok || len(tr.Benutzer) == 0 {
		t.Errorf("TraegerByNummer(10000002) = %+v, %v", tr, ok)
	}
}

// Read reports every problem of a package at once.
func TestReadReportsAllProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"traeger.json":   {Data: []byte(`{"Traeger":[{"Traegernummer":"10000001","Name":"T","Bundesland":"99","Verwaltungsstandort":"VS","Benutzer":[{"Name":"u","Passwort":"p"}]}]}`)},
		"lehrwerke.json": {Data: []byte(`{"Lehrwerke":[]}`)},
		"faelle/X-1.json": {Data: []byte(`{"ID":"X-1","Titel":"t","Traegernummer":"10000009","Vorbedingungen":"v",
			"Personen":[{"Familienname":"Muster2","Vorname":"A","Geburtsdatum":"1990-13-01","Geburtsort":"O","Geschlecht":"q",
			"Staatsangehoerigkeit":["475"],"Anschrift":{"Strasse":"S 1","Postleitzahl":"12345","Ort":"O","Staat":"000","Bundesland":"09"},
			"Kennziffern":[{"Art":"BAMF","Wert":"1"}]}]}`)},
	}
	_, err := testdaten.Read(fsys)
	if err == nil {
		t.Fatal("Read() error = nil; want the problems of the package")
	}
	for _, want := range []string{`Bundesland "99"`, `Traegernummer "10000009"`, `"Muster2"`, `"1990-13-01"`, `Geschlecht "q"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Read() error lacks %s:\n%v", want, err)
		}
	}
}
