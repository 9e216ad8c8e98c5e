package inge_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// feld finds the field at a path of names, "Kursplanung/Teilnehmer/Ident".
func feld(t *testing.T, felder []inge.Feld, path string) inge.Feld {
	t.Helper()
	var f inge.Feld
	for _, step := range strings.Split(path, "/") {
		found := false
		for _, c := range felder {
			if c.Name == step {
				f, felder, found = c, c.Felder, true
				break
			}
		}
		if !found {
			t.Fatalf("no field %s in %s", step, path)
		}
	}
	return f
}

func TestFelderFollowTheXSD(t *testing.T) {
	for _, p := range inge.Procedures() {
		felder := p.Felder()
		if len(felder) < 4 {
			t.Fatalf("%s: %d fields; want Mandant, Rollback, Asynchron and its own", p.Name, len(felder))
		}
		for i, name := range []string{"Mandant", "Rollback", "Asynchron"} {
			if felder[i].Name != name {
				t.Errorf("%s: field %d = %s; want %s (the base type's first)", p.Name, i, felder[i].Name, name)
			}
		}
	}
	felder := inge.KursplanungErfassen.Procedure().Felder()
	tn := feld(t, felder, "Kursplanung/Teilnehmer")
	if tn.Min != 0 || tn.Max != 100 || !tn.Wiederholbar() || tn.Typ != nil {
		t.Errorf("Teilnehmer: Min %d Max %d Typ %v; want 0, 100, element content", tn.Min, tn.Max, tn.Typ)
	}
	gd := feld(t, felder, "Kursplanung/Teilnehmer/Ident/Geburtsdatum")
	if !gd.Pflicht || gd.Typ == nil || gd.Typ.Basis != "xs:date" {
		t.Errorf("Geburtsdatum: Pflicht %v Typ %+v; want pflicht xs:date", gd.Pflicht, gd.Typ)
	}
	art := feld(t, felder, "Kursplanung/Teilnehmer/Ident/Aktenzeichen/@Art")
	if !art.Attribut() || art.Min != 1 || strings.Join(art.Typ.Werte, ",") != "BAMF,ABH,BVA,TGS,WIED" {
		t.Errorf("@Art: %+v; want a required attribute with the AktenzeichenArt enumeration", art)
	}
	if az := feld(t, felder, "Kursplanung/Teilnehmer/Ident/Aktenzeichen"); az.Typ == nil || az.Typ.MaxLaenge != 30 {
		t.Errorf("Aktenzeichen: Typ %+v; want simple content of Kennung (maxLength 30)", az.Typ)
	}
	if ka := feld(t, felder, "Kursplanung/Kursart"); ka.Codeliste != "802" || !ka.Pflicht {
		t.Errorf("Kursart: Codeliste %q Pflicht %v; want 802, pflicht", ka.Codeliste, ka.Pflicht)
	}
	tnr := feld(t, felder, "Mandant/Traegernummer")
	if tnr.Min != 1 || tnr.Typ.Muster != "[0-9]{8}" || tnr.Label != "Trägernummer" {
		t.Errorf("Traegernummer: %+v; want required, pattern [0-9]{8}, label Trägernummer", tnr)
	}
	if n := feld(t, inge.LidTeilnehmendeMelden.Procedure().Felder(), "Pruefling"); !n.Auswahl || len(n.Felder) != 2 {
		t.Errorf("Pruefling: Auswahl %v with %d alternatives; want the choice of Ident and Selbstzahler", n.Auswahl, len(n.Felder))
	}
}

func TestFelderKeepTheDocumentation(t *testing.T) {
	felder := inge.KursplanungErfassen.Procedure().Felder()
	for path, want := range map[string]string{
		"Kursplanung/Nachmeldungsgrund":     "Pflicht, wenn die Kursplanung nach Kursbeginn erfasst wird", // the element's
		"Kursplanung/Teilnehmer/Ident":      "Geburtsdatum und genau ein Aktenzeichen",                    // its complex type's
		"Mandant/Traegernummer":             "Kennziffer des Kurstraegers",                                // its simple type's
		"Kursplanung/Zusatzangaben/Vergabe": "§ 18 Abs. 4 IntV",
	} {
		if got := feld(t, felder, path).Doku; !strings.Contains(got, want) {
			t.Errorf("%s: Doku %q; want it to contain %q", path, got, want)
		}
	}
}

// TestBeschriftungen: no label keeps an umlaut written in ASCII, as the XSD
// writes its names.
func TestBeschriftungen(t *testing.T) {
	ascii := regexp.MustCompile(`(?i)ae|oe|ue`)
	var walk func(path string, felder []inge.Feld)
	walk = func(path string, felder []inge.Feld) {
		for _, f := range felder {
			if f.Label == "" || ascii.MatchString(f.Label) {
				t.Errorf("%s/%s: label %q; add it to internal/inge/beschriftungen.tsv", path, f.Name, f.Label)
			}
			walk(path+"/"+f.Name, f.Felder)
		}
	}
	for _, p := range inge.Procedures() {
		walk(p.Name, p.Felder())
	}
	if got := feld(t, inge.KursplanungErfassen.Procedure().Felder(), "Kursplanung/Unterrichtszeit/Unterrichtseinheiten").Label; got != "Unterrichtseinheiten" {
		t.Errorf("a one-word name is labelled %q; want it as it is", got)
	}
}
