package abnahme

import (
	"slices"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

func testKontext(t *testing.T, fall string) kontext {
	t.Helper()
	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	f, ok := paket.Fall(fall)
	if !ok {
		t.Fatalf("no case %s", fall)
	}
	return kontext{fall: f, paket: paket, bezug: map[string]string{"Kurskennung": "K000000007"}}
}

// A task's rows become the fields its request must carry: a person her
// data, and what she has not as fields that must not be sent; dates and
// booleans in wire form; a reference its value; a later row wins.
func TestFelderDer(t *testing.T) {
	k := testKontext(t, "TF-AN-02")
	got, err := felderDer("AnmeldungErstverfahren", []Angabe{
		{"Anmeldung", "Petrenko, Andrij (ABH)"},
		{"Anmeldung/Anmeldedatum", "12.04.2027"},
		{"Anmeldung/Niederschwellig", "nein"},
		{"Anmeldung/Anmeldedatum", "13.04.2027"},
	}, k)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Feldwert{
		"Anmeldung/Ident/Aktenzeichen":      {Wert: "ABH-09-2026-5010201"},
		"Anmeldung/Ident/Aktenzeichen/@Art": {Wert: "ABH"},
		"Anmeldung/Ident/Geburtsdatum":      {Wert: "1989-11-23"},
		"Anmeldung/Familienname":            {Wert: "Petrenko"},
		"Anmeldung/Geburtsname":             {Fehlt: true},
		"Anmeldung/Staatsangehoerigkeit[1]": {Wert: "166"},
		"Anmeldung/Staatsangehoerigkeit[2]": {Fehlt: true},
		"Anmeldung/Anschrift/Adresszusatz":  {Fehlt: true},
		"Anmeldung/Anschrift/Postleitzahl":  {Wert: "91999"},
		"Anmeldung/Anmeldedatum":            {Wert: "2027-04-13"},
		"Anmeldung/Niederschwellig":         {Wert: "false"},
	}
	byFeld := map[string]Feldwert{}
	for _, f := range got {
		if _, dup := byFeld[f.Feld]; dup {
			t.Errorf("%s twice", f.Feld)
		}
		byFeld[f.Feld] = Feldwert{Wert: f.Wert, Fehlt: f.Fehlt}
	}
	for path, w := range want {
		if g, ok := byFeld[path]; !ok || g != w {
			t.Errorf("%s = %+v (present %v); want %+v", path, g, ok, w)
		}
	}

	for _, bad := range []Angabe{{"Anmeldung/Gibtsnicht", "x"}, {"Anmeldung", "Niemand, Nirgends"}, {"Anmeldung/Anmeldedatum", "<Prüfungsnummer>"}} {
		if _, err := felderDer("AnmeldungErstverfahren", []Angabe{bad}, k); err == nil {
			t.Errorf("row %+v: no error", bad)
		}
	}
}

// A plan row stands for the case's complete plan, every field of it.
func TestFelderDerKursplan(t *testing.T) {
	k := testKontext(t, "TF-KP-01")
	got, err := felderDer("KursplanungErfassen", []Angabe{{"Kursplanung", "Kursplan des Testfalls ab 02.08.2027"}, {"Kursplanung/TnrKursMax", "12"}}, k)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range got {
		paths = append(paths, f.Feld+"="+f.Wert)
	}
	for _, want := range []string{"Kursplanung/Kursbeginn=2027-08-02", "Kursplanung/Abschnitt[7]/Kursabschnitt=OK", "Kursplanung/Teilnehmer[3]/Ident/Aktenzeichen=5050103-152",
		"Kursplanung/Unterrichtszeit[5]/Wochentag=Fr", "Kursplanung/TnrKursMax=12", "Kursplanung/Lehrkraft[1]/Lehrkraftkennung=LK-2020-505011"} {
		if !slices.Contains(paths, want) {
			t.Errorf("the plan's fields lack %s", want)
		}
	}
}

func TestGleich(t *testing.T) {
	for _, tt := range []struct {
		basis, got, want string
		eq               bool
	}{
		{"xs:date", "2027-04-12+02:00", "2027-04-12", true},
		{"xs:date", "2027-04-13", "2027-04-12", false},
		{"xs:boolean", "1", "true", true},
		{"xs:boolean", "0", "true", false},
		{"xs:int", "05", "5", true},
		{"xs:string", "05", "5", false},
		{"", "a", "a", true},
	} {
		if got := gleich(tt.basis, tt.got, tt.want); got != tt.eq {
			t.Errorf("gleich(%s, %q, %q) = %v; want %v", tt.basis, tt.got, tt.want, got, tt.eq)
		}
	}
}
