package inge_test

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
		{path: "Kursplanung/Teilnehmer[3]/Ident/Aktenzeichen", value: "6100101-475"},
		{path: "Kursplanung/Teilnehmer[3]/Ident/Aktenzeichen/@Art", value: "ABH"},
		{path: "Kursplanung/Zusatzangaben/Gibtsnicht", clear: true},
	}
	for _, s := range steps {
		var err error
		if s.clear {
			err = inge.ClearField(req, s.path)
		} else {
			err = inge.SetField(req, s.path, s.value)
		}
		if err != nil && s.path != "Kursplanung/Zusatzangaben/Gibtsnicht" {
			t.Fatalf("field %s: error = %v", s.path, err)
		}
	}
	switch {
	case req.Mandant.Traegernummer != "10000001":
		t.Errorf("Traegernummer = %q", req.Mandant.Traegernummer)
	case len(req.Kursplanung.Teilnehmer) < 2 || req.Kursplanung.Teilnehmer[1].Ident.Geburtsdatum != "1990-01-02":
		t.Errorf("Teilnehmer = %+v", req.Kursplanung.Teilnehmer)
	case req.Kursplanung.TnrKursMax == nil || *req.Kursplanung.TnrKursMax != 12:
		t.Errorf("TnrKursMax = %v", req.Kursplanung.TnrKursMax)
	case !req.Rollback:
		t.Errorf("Rollback = false")
	case req.Kursplanung.Kursart != "":
		t.Errorf("Kursart = %q; want cleared", req.Kursplanung.Kursart)
	case len(req.Kursplanung.Teilnehmer) != 3 || *req.Kursplanung.Teilnehmer[2].Ident.Aktenzeichen != inge.Aktenzeichen{Art: "ABH", Wert: "6100101-475"}:
		t.Errorf("Teilnehmer[3] = %+v", req.Kursplanung.Teilnehmer)
	case req.Kursplanung.Zusatzangaben != nil:
		t.Errorf("clearing below a missing element allocated it: %+v", req.Kursplanung.Zusatzangaben)
	}
	for _, bad := range []string{"Kursplanung/Gibtsnicht", "Kursplanung/Kursart[1]", "Kursplanung/Teilnehmer[0]/Ident", "Kursplanung/TnrKursMax", "Kursplanung/@Kursart", "Kursplanung/Teilnehmer[1]/Ident"} {
		value := "x"
		if err := inge.SetField(req, bad, value); err == nil {
			t.Errorf("SetField(%s, %q) error = nil; want an error", bad, value)
		}
	}
}
