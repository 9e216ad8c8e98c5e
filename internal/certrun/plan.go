package certrun

import (
	"fmt"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// ueProWoche is the teaching load of a planned week: a section of 100 UE
// takes four weeks.
const ueProWoche = 25

// vollstaendigeKursplanung builds a complete, valid plan of a course of the
// Kursart from a test case: every section of the Kursart in order, each at
// 25 UE a week from Monday to Friday (four weeks for 100 UE), at the case's
// first Kursort, with all its Lehrkraefte and all its persons from the
// first section on.
func vollstaendigeKursplanung(fall *testdaten.Fall, kursart string, beginn time.Time) (inge.Kursplanung, error) {
	struktur, ok := inge.KursstrukturOf(kursart)
	if !ok {
		return inge.Kursplanung{}, fmt.Errorf("Kursart %q hat keine Kursstruktur", kursart)
	}
	if len(fall.Kursorte) == 0 || len(fall.Personen) == 0 {
		return inge.Kursplanung{}, fmt.Errorf("Testfall %s hat keinen Kursort oder keine Personen", fall.ID)
	}
	ort := fall.Kursorte[0]
	k := inge.Kursplanung{
		Kursart:             kursart,
		BeginnKursabschnitt: struktur.Abschnitte[0],
		Kursbeginn:          inge.DatumOf(beginn),
		Kursort:             ort.Kennung,
		Wochenstunden:       new(ueProWoche),
		TnrKursMax:          new(max(20, len(fall.Personen))),
		Zusatzangaben:       &inge.Zusatzangaben{Barrierefreiheit: new(ort.Barrierefrei), Kinderbeaufsichtigung: new(false)},
	}
	start := beginn
	for _, a := range struktur.Abschnitte {
		ue := struktur.UE
		if a == "OK" {
			ue = struktur.UEOrientierung
		}
		wochen := max(1, (ue+ueProWoche-1)/ueProWoche)
		ende := start.AddDate(0, 0, 7*wochen-3) // the Friday of the last week
		k.Abschnitt = append(k.Abschnitt, inge.GeplanterAbschnitt{
			Kursabschnitt: a, Beginn: inge.DatumOf(start), Ende: inge.DatumOf(ende), Kursort: ort.Kennung,
		})
		k.Kursende = inge.DatumOf(ende)
		start = start.AddDate(0, 0, 7*wochen)
	}
	for _, tag := range []inge.Wochentag{"Mo", "Di", "Mi", "Do", "Fr"} {
		k.Unterrichtszeit = append(k.Unterrichtszeit, inge.Unterrichtszeit{
			Wochentag: tag, Beginn: "08:30", Ende: "12:45", PauseBeginn: "10:00", PauseEnde: "10:15", Unterrichtseinheiten: new(5),
		})
	}
	for _, p := range fall.Personen {
		k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: ident(p)})
	}
	for _, l := range fall.Lehrkraefte {
		k.Lehrkraft = append(k.Lehrkraft, inge.Lehrkraft{Lehrkraftkennung: l.Kennung, Familienname: l.Familienname, Vorname: l.Vorname})
	}
	return k, nil
}

// nextMonday returns t if it is a Monday, else the Monday after it.
func nextMonday(t time.Time) time.Time {
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}
