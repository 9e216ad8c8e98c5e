package mockstate_test

import (
	"encoding/xml"
	"reflect"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func TestKursauskunft(t *testing.T) {
	var v vorgaenge
	s := openStore(t)
	plan := validPlan(t)
	eigener := erfassen(t, s, &v, kt1, plan)
	fremder := erfassen(t, s, &v, kt2, planKP2(t))
	for _, r := range []*inge.KursplanungErfassenAntwort{eigener, fremder} {
		if r.Status != inge.StatusVerarbeitet {
			t.Fatalf("KursplanungErfassen: Status = %s, Meldungen %+v; want %s", r.Status, r.List(), inge.StatusVerarbeitet)
		}
	}

	t.Run("OK", func(t *testing.T) {
		a := auskunft(t, s, &v, kt1, eigener.Kurskennung)
		hasStatus(t, a, inge.StatusVerarbeitet)
		hasMeldungen(t, a.List())
		if a.Kurs == nil {
			t.Fatal("Kurs = nil; want the planned course")
		}
		p := plan.Kursplanung
		want := &inge.Kursdaten{
			Kurskennung:     eigener.Kurskennung,
			Traegernummer:   "10000001",
			Kursstatus:      inge.KursGeplant,
			Kursbeginn:      p.Kursbeginn,
			Kursende:        p.Kursende,
			Kursort:         p.Kursort,
			Wochenstunden:   p.Wochenstunden,
			Unterrichtszeit: p.Unterrichtszeit,
			TnrKursMax:      p.TnrKursMax,
			Abschnitt: []inge.AuskunftAbschnitt{
				{Kursabschnitt: "1", Beginn: "2027-05-03", Ende: "2027-06-04", Kursort: "KO-10000001-01", BeginnGemeldet: false},
				{Kursabschnitt: "2", Beginn: "2027-06-07", Ende: "2027-07-09", Kursort: "KO-10000001-02", BeginnGemeldet: false},
			},
			Teilnehmer: p.Teilnehmer,
			Lehrkraft:  p.Lehrkraft,
		}
		if !reflect.DeepEqual(a.Kurs, want) {
			t.Errorf("Kurs =\n%+v\nwant\n%+v", *a.Kurs, *want)
		}
	})
	t.Run("OK/OtherTraegerSeesOwnCourse", func(t *testing.T) {
		a := auskunft(t, s, &v, kt2, fremder.Kurskennung)
		hasStatus(t, a, inge.StatusVerarbeitet)
		if a.Kurs == nil || a.Kurs.Traegernummer != "10000002" || a.Kurs.Kursort != "KO-10000002-01" {
			t.Errorf("Kurs = %+v; want the course of Traeger 10000002 at KO-10000002-01", a.Kurs)
		}
	})

	// A course of another Traeger must be answered exactly like an unknown
	// one, text included, so that its existence does not leak.
	unbekannt := auskunft(t, s, &v, kt1, "K999999999")
	tests := []struct {
		name    string
		kennung string
		want    []meldung
	}{
		{"ErrKurskennungFehlt", "", []meldung{{inge.PflichtfeldFehlt, "Kurskennung"}}},
		{"ErrKursUnbekannt", "K999999999", []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{"ErrKursEinesAnderenTraegers", fremder.Kurskennung, []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := auskunft(t, s, &v, kt1, tt.kennung)
			hasStatus(t, a, inge.StatusAbgelehnt)
			hasMeldungen(t, a.List(), tt.want...)
			if a.Kurs != nil {
				t.Errorf("Kurs = %+v; want nil", a.Kurs)
			}
			gleicherTextWieUnbekannt(t, a.List(), unbekannt.List(), tt.kennung, "K999999999")
		})
	}
}

func TestKursauskunftNachBeginn(t *testing.T) {
	l := neuerKurs(t, nil)
	zusatz := &inge.Zusatzangaben{Barrierefreiheit: new(true), KursverguetungMindestbetrag: new(true)}
	l.beginnMelden(func(d *inge.Kursbeginndaten) {
		d.Zusatzangaben = zusatz
		d.Lehrwerk = []string{"LW-001", "LW-005"}
	})
	zweiter := l.abschnittsbeginn("2")
	zweiter.Abschnitt.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388", Familienname: "Demir", Vorname: "Murat"}}
	zweiter.Abschnitt.Lehrwerk = []string{"LW-005"}
	zweiter.Abschnitt.Teilnehmer = zweiter.Abschnitt.Teilnehmer[1:] // Al-Hassan left
	zweiter.Abschnitt.Zusatzangaben = &inge.Zusatzangaben{Barrierefreiheit: new(false)}
	l.heute("2027-06-08")
	mustSucceed(t, l.apply(zweiter))
	mustSucceed(t, l.apply(l.kursortaenderung("3", "KO-10000001-01")))

	resp := auskunft(t, l.s, l.v, kt1, l.kennung)
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.List())
	if resp.Kurs == nil {
		t.Fatal("Kurs = nil; want the course")
	}
	erster := l.kursbeginn().Kursbeginn
	erster.Lehrwerk = []string{"LW-001", "LW-005"}
	z := zweiter.Abschnitt
	var teilnehmer []inge.PlanTeilnehmer
	for _, tn := range z.Teilnehmer {
		teilnehmer = append(teilnehmer, inge.PlanTeilnehmer{Ident: &tn, Kursabschnitt: "2"})
	}
	want := &inge.Kursdaten{
		Kurskennung:     l.kennung,
		Traegernummer:   "10000001",
		Kursstatus:      inge.KursBegonnen,
		Kursbeginn:      "2027-05-03",
		Kursende:        "2027-12-17",
		Kursort:         "KO-10000001-02", // of the last section
		Wochenstunden:   z.Wochenstunden,
		Unterrichtszeit: z.Unterrichtszeit,
		TnrKursMax:      z.TnrKursMax,
		Abschnitt: []inge.AuskunftAbschnitt{
			{
				Kursabschnitt: "1", Beginn: "2027-05-03", Ende: "2027-06-04", Kursort: "KO-10000001-01", BeginnGemeldet: true,
				Lehrkraft: erster.Lehrkraft, Lehrwerk: erster.Lehrwerk, Teilnehmer: erster.Teilnehmer,
			},
			{
				Kursabschnitt: "2", Beginn: "2027-06-07", Ende: "2027-07-09", Kursort: "KO-10000001-02", BeginnGemeldet: true,
				Lehrkraft: z.Lehrkraft, Lehrwerk: z.Lehrwerk, Teilnehmer: z.Teilnehmer,
			},
			{Kursabschnitt: "3", Beginn: "2027-07-12", Kursort: "KO-10000001-01"},
		},
		Teilnehmer: teilnehmer,
		Lehrkraft:  z.Lehrkraft,
	}
	if !reflect.DeepEqual(resp.Kurs, want) {
		got, _ := xml.MarshalIndent(resp.Kurs, "", "  ")
		w, _ := xml.MarshalIndent(want, "", "  ")
		t.Errorf("Kurs =\n%s\nwant\n%s", got, w)
	}

	x, err := xml.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	for _, element := range []string{"Kursart", "BeginnKursabschnitt", "Zusatzangaben", "KursverguetungMindestbetrag", "Barrierefreiheit"} {
		if strings.Contains(string(x), "<"+element+">") || strings.Contains(string(x), "<"+element+" ") {
			t.Errorf("Kursauskunft holds <%s>; want none:\n%s", element, x)
		}
	}
}
