package ingetest

import (
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// Paket returns the embedded Testdatenpaket, read anew on each call so
// that a test may change it.
func Paket(tb testing.TB) *testdaten.Paket {
	tb.Helper()
	p, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		tb.Fatalf("embedded Testdatenpaket: %v", err)
	}
	return p
}

// Fall returns the test case id (e.g. "KP-1") of the embedded
// Testdatenpaket.
func Fall(tb testing.TB, id string) *testdaten.Fall {
	tb.Helper()
	f, ok := Paket(tb).Fall(id)
	if !ok {
		tb.Fatalf("Testfall %q is not in the embedded Testdatenpaket", id)
	}
	return f
}

// planTeilnehmer is how many persons of the test case Plan names.
const planTeilnehmer = 3

// Plan returns a complete, valid Kursplanung for the Traeger of test case
// fall (e.g. "KP-1" for KT1, "KP-2" for KT2), built from that case's data:
// an Allgemeiner Integrationskurs (Kursart 01) from section 1 on beginn to
// the Friday of its 33rd week, 25 hours a week, Monday to Friday 08:30 to
// 12:45 with a break from 10:00 to 10:15, at most 25 participants; two
// planned sections of five weeks each, the first at the case's first
// Kursort and the second at its second (or again the first); its first
// Lehrkraft; and its first three persons, registered with the Traeger, who
// join in the first section.
//
// The plan is stored as long as beginn is not before today on the store's
// clock (a plan begun before needs a Nachmeldungsgrund); against a store on
// real time, begin it e.g. inge.DatumOf(time.Now().AddDate(0, 0, 60)). Each
// call returns a new value, so a test may change it. For KP-1 the plan has
// Kursort KO-10000001-01 (and KO-10000001-02 for section 2), the
// participants Al-Hassan, Haidari and Öztürk, and Lehrkraft LK-2019-00417.
func Plan(tb testing.TB, fall string, beginn inge.Datum) inge.Kursplanung {
	tb.Helper()
	f := Fall(tb, fall)
	if len(f.Kursorte) == 0 || len(f.Lehrkraefte) == 0 || len(f.Personen) == 0 {
		tb.Fatalf("Testfall %s has no Kursort, Lehrkraft or person to plan a course with", fall)
	}
	b, err := beginn.Time()
	if err != nil {
		tb.Fatalf("Plan: beginn %q: %v", beginn, err)
	}
	tag := func(days int) inge.Datum { return inge.DatumOf(b.AddDate(0, 0, days)) }
	ort1, ort2 := f.Kursorte[0], f.Kursorte[0]
	if len(f.Kursorte) > 1 {
		ort2 = f.Kursorte[1]
	}
	l := f.Lehrkraefte[0]
	k := inge.Kursplanung{
		Kursart:             "01", // Allgemeiner Integrationskurs
		BeginnKursabschnitt: "1",
		Kursbeginn:          beginn,
		Kursende:            tag(33*7 - 3),
		Kursort:             ort1.Kennung,
		Wochenstunden:       new(25),
		TnrKursMax:          new(25),
		Abschnitt: []inge.GeplanterAbschnitt{
			{Kursabschnitt: "1", Beginn: beginn, Ende: tag(5*7 - 3), Kursort: ort1.Kennung},
			{Kursabschnitt: "2", Beginn: tag(5 * 7), Ende: tag(10*7 - 3), Kursort: ort2.Kennung},
		},
		Lehrkraft:     []inge.Lehrkraft{{Lehrkraftkennung: l.Kennung, Familienname: l.Familienname, Vorname: l.Vorname}},
		Zusatzangaben: &inge.Zusatzangaben{Barrierefreiheit: new(ort1.Barrierefrei)},
	}
	for _, w := range []inge.Wochentag{"Mo", "Di", "Mi", "Do", "Fr"} {
		k.Unterrichtszeit = append(k.Unterrichtszeit, inge.Unterrichtszeit{
			Wochentag: w, Beginn: "08:30", Ende: "12:45", PauseBeginn: "10:00", PauseEnde: "10:15", Unterrichtseinheiten: new(5),
		})
	}
	for _, p := range f.Personen[:min(planTeilnehmer, len(f.Personen))] {
		k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: p.Ident()})
	}
	return k
}
