package inge_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func intp(n int) *int { return &n }

func validPlan() *inge.KursplanungErfassenAnfrage {
	return &inge.KursplanungErfassenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
		Kursplanung: inge.Kursplanung{
			Kursart: "01", BeginnKursabschnitt: "1",
			Kursbeginn: "2027-04-05", Kursende: "2027-12-17",
			Kursort:         "KO-10000001-01",
			Unterrichtszeit: []inge.Unterrichtszeit{{Wochentag: "Mo", Beginn: "08:30", Ende: "12:45", Unterrichtseinheiten: intp(5)}},
			TnrKursMax:      intp(20),
			Teilnehmer: []inge.PlanTeilnehmer{{Ident: &inge.TeilnehmerIdent{
				Geburtsdatum: "1990-01-02", Aktenzeichen: &inge.Aktenzeichen{Art: "BAMF", Wert: "710000001"}}}},
		},
	}
}

func TestCheck(t *testing.T) {
	type finding struct{ code, feld string }
	tests := []struct {
		name      string
		mutate    func(r *inge.KursplanungErfassenAnfrage)
		want      []finding
		violation string // field path of the expected *Violation, "" for none
	}{
		{name: "OK", mutate: func(r *inge.KursplanungErfassenAnfrage) {}},
		{
			name: "PflichtfelderFehlenAlleZugleich",
			mutate: func(r *inge.KursplanungErfassenAnfrage) {
				r.Kursplanung.Kursart = ""
				r.Kursplanung.Kursort = ""
				r.Kursplanung.TnrKursMax = nil
			},
			want: []finding{{"M1001", "Kursplanung/Kursart"}, {"M1001", "Kursplanung/Kursort"}, {"M1001", "Kursplanung/TnrKursMax"}},
		},
		{
			name:   "PflichtfeldInWiederholtemElement",
			mutate: func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Teilnehmer[0].Ident.Geburtsdatum = "" },
			want:   []finding{{"M1001", "Kursplanung/Teilnehmer[1]/Ident/Geburtsdatum"}},
		},
		{
			name:   "CodeNichtInListe",
			mutate: func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Kursart = "77" },
			want:   []finding{{"M1002", "Kursplanung/Kursart"}},
		},
		{
			name:      "DatumUngueltig",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Kursbeginn = "05.04.2027" },
			violation: "Kursplanung/Kursbeginn",
		},
		{
			name:      "DatumGibtEsNicht",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Kursende = "2027-02-30" },
			violation: "Kursplanung/Kursende",
		},
		{
			name:      "ZuLang",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Kursort = strings.Repeat("K", 31) },
			violation: "Kursplanung/Kursort",
		},
		{
			name:      "MusterVerletzt",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Mandant.Traegernummer = "1234" },
			violation: "Mandant/Traegernummer",
		},
		{
			name:      "EnumerationVerletzt",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Unterrichtszeit[0].Wochentag = "Montag" },
			violation: "Kursplanung/Unterrichtszeit[1]/Wochentag",
		},
		{
			name:      "PflichtElementDesSchemasFehlt",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Unterrichtszeit[0].Beginn = "" },
			violation: "Kursplanung/Unterrichtszeit[1]/Beginn",
		},
		{
			name: "ZuVieleVorkommen",
			mutate: func(r *inge.KursplanungErfassenAnfrage) {
				for i := 0; i < 7; i++ {
					r.Kursplanung.Unterrichtszeit = append(r.Kursplanung.Unterrichtszeit, r.Kursplanung.Unterrichtszeit[0])
				}
			},
			violation: "Kursplanung/Unterrichtszeit[8]",
		},
		{
			name:      "AttributFehlt",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.Teilnehmer[0].Ident.Aktenzeichen.Art = "" },
			violation: "Kursplanung/Teilnehmer[1]/Ident/Aktenzeichen/@Art",
		},
		{
			name:      "ZahlAusserhalbDesBereichs",
			mutate:    func(r *inge.KursplanungErfassenAnfrage) { r.Kursplanung.TnrKursMax = intp(-1) },
			violation: "Kursplanung/TnrKursMax",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := validPlan()
			tt.mutate(req)
			checked, err := inge.Check(req)
			if tt.violation != "" {
				var se *inge.SchemaError
				if !errors.As(err, &se) || se.Abweichungen[0].Feld != tt.violation {
					t.Fatalf("Check() error = %v; want a deviation at %s", err, tt.violation)
				}
				return
			}
			if err != nil {
				t.Fatalf("Check() error = %v; want none", err)
			}
			var got []finding
			for _, m := range checked.Befunde() {
				if m.Text == "" || m.Art != inge.ArtFehler {
					t.Errorf("Meldung %+v: want Art Fehler and a text", m)
				}
				got = append(got, finding{m.Code, m.Feld})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Check() = %v; want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Check()[%d] = %v; want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCheckChoice(t *testing.T) {
	req := &inge.LidTeilnehmendeMeldenAnfrage{
		Anfrage:         inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
		Pruefungsnummer: "L1",
		Pruefling:       []inge.LidPruefling{{}},
	}
	var se *inge.SchemaError
	if _, err := inge.Check(req); !errors.As(err, &se) || se.Abweichungen[0].Feld != "Pruefling[1]" {
		t.Errorf("Check(Pruefling without Ident or Selbstzahler) = %v; want a deviation at Pruefling[1]", err)
	}
}
