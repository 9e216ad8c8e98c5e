package testdaten_test

import (
	"strings"
	"testing"
	"testing/fstest"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
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

// Each kind of file is checked on its own terms; codes are those of the
// contract's code lists (inge.CodelisteByID) and Arten those of
// inge.AktenzeichenArt.
func TestReadProblemsByKind(t *testing.T) {
	for _, tc := range []struct {
		name     string
		file     string // file of ingetest.MinimalPaket to change
		old, new string // replace the first old by new in it
		wantErr  string // "": no problem
	}{
		{name: "OK"},
		{
			name: "ErrTraegerBundeslandNotInCodeliste",
			file: "traeger.json", old: `"Bundesland": "03"`, new: `"Bundesland": "17"`,
			wantErr: `traeger.json: Traeger[0] 20000001: Bundesland "17" is not in code list 010`,
		},
		{
			name: "ErrPersonBundeslandNotInCodeliste",
			file: "faelle/T-1.json", old: `"Staat": "000", "Bundesland": "03"`, new: `"Staat": "000", "Bundesland": "00"`,
			wantErr: `Personen[0] Yousef, Amina: Anschrift.Bundesland "00" is not in code list 010`,
		},
		{
			name: "ErrKennzifferArt",
			file: "faelle/T-1.json", old: `"Art": "ABH"`, new: `"Art": "AZR"`,
			wantErr: `Personen[1] Noori, Karim: Kennziffer Art "AZR" is not one of BAMF, ABH, BVA, TGS, WIED`,
		},
		{
			name: "ErrLehrwerkKursart",
			file: "lehrwerke.json", old: `["01", "05"]`, new: `["01", "99"]`,
			wantErr: `lehrwerke.json: Lehrwerke[0] LW-T1: Kursart "99" is not in code list 802`,
		},
		{
			name: "ErrLehrkraftName",
			file: "faelle/T-1.json", old: `"Familienname": "Muster"`, new: `"Familienname": "Muster3"`,
			wantErr: `Lehrkraefte[0] LK-T1: Familienname "Muster3": BAMF accepts no digits`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := ingetest.MinimalPaket()
			if tc.file != "" {
				fsys = ingetest.MinimalPaketWith(t, tc.file, tc.old, tc.new)
			}
			_, err := testdaten.Read(fsys)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("Read() error = %v; want none", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("Read() error = %v; want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestPersonIdent(t *testing.T) {
	p := testdaten.Person{Geburtsdatum: "1988-07-23", Kennziffern: []testdaten.Kennziffer{
		{Art: "ABH", Wert: "ABH-09-2023-004711"}, {Art: "BAMF", Wert: "6100103-163"},
	}}
	if got := p.Ident(); got.Geburtsdatum != "1988-07-23" || *got.Aktenzeichen != (inge.Aktenzeichen{Art: inge.AktenzeichenBAMF, Wert: "6100103-163"}) {
		t.Errorf("Ident = %+v, %+v; want the BAMF Personenkennziffer", got, got.Aktenzeichen)
	}
	p.Kennziffern = p.Kennziffern[:1]
	if got := p.Ident(); *got.Aktenzeichen != (inge.Aktenzeichen{Art: inge.AktenzeichenABH, Wert: "ABH-09-2023-004711"}) {
		t.Errorf("Ident without BAMF Kennziffer = %+v; want the first Kennziffer", got.Aktenzeichen)
	}
}
