package certrun

import (
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func TestSetField(t *testing.T) {
	req := &inge.KursplanungErfassenAnfrage{}
	steps := []struct {
		path, value string
		clear       bool
	}{
		{path: "Mandant/Traegernummer", value: "10000001"},
		{path: "Kursplanung/Teilnehmer[2]/Ident/Geburtsdatum", value: "1990-01-02"},
		{path: "Kursplanung/TnrKursMax", value: "12"},
		{path: "Rollback", value: "true"},
		{path: "Kursplanung/Kursart", value: "01"},
		{path: "Kursplanung/Kursart", clear: true},
	}
	for _, s := range steps {
		if err := setField(req, s.path, s.value, s.clear); err != nil {
			t.Fatalf("setField(%s) error = %v", s.path, err)
		}
	}
	switch {
	case req.Mandant.Traegernummer != "10000001":
		t.Errorf("Traegernummer = %q", req.Mandant.Traegernummer)
	case len(req.Kursplanung.Teilnehmer) != 2 || req.Kursplanung.Teilnehmer[1].Ident.Geburtsdatum != "1990-01-02":
		t.Errorf("Teilnehmer = %+v", req.Kursplanung.Teilnehmer)
	case req.Kursplanung.TnrKursMax == nil || *req.Kursplanung.TnrKursMax != 12:
		t.Errorf("TnrKursMax = %v", req.Kursplanung.TnrKursMax)
	case !req.Rollback:
		t.Errorf("Rollback = false")
	case req.Kursplanung.Kursart != "":
		t.Errorf("Kursart = %q; want cleared", req.Kursplanung.Kursart)
	}
	for _, bad := range []string{"Kursplanung/Gibtsnicht", "Kursplanung/Kursart[1]", "Kursplanung/Teilnehmer[0]/Ident", "Kursplanung/TnrKursMax"} {
		value := "x"
		if err := setField(req, bad, value, false); err == nil {
			t.Errorf("setField(%s, %q) error = nil; want an error", bad, value)
		}
	}
}
