package certrun

import (
	"fmt"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// vollstaendigeKursplanung builds a complete, valid Kursplanung of a general
// integration course from a test case: its first Kursort and Lehrkraft and
// all its persons, starting on the Monday at least weeks after heute.
func vollstaendigeKursplanung(fall *testdaten.Fall, heute time.Time, weeks int) (inge.Kursplanung, error) {
	if len(fall.Kursorte) == 0 || len(fall.Personen) == 0 {
		return inge.Kursplanung{}, fmt.Errorf("Testfall %s hat keinen Kursort oder keine Personen", fall.ID)
	}
	beginn := nextMonday(heute.AddDate(0, 0, 7*weeks))
	abschnitt2 := beginn.AddDate(0, 0, 7*5)
	ende := beginn.AddDate(0, 0, 7*30-3) // a Friday
	k := inge.Kursplanung{
		Kursart:             "01", // Allgemeiner Integrationskurs
		BeginnKursabschnitt: "1",
		Kursbeginn:          inge.DatumOf(beginn),
		Kursende:            inge.DatumOf(ende),
		Kursort:             fall.Kursorte[0].Kennung,
		Wochenstunden:       intp(25),
		TnrKursMax:          intp(max(20, len(fall.Personen))),
		Abschnitt: []inge.GeplanterAbschnitt{
			{Kursabschnitt: "1", Beginn: inge.DatumOf(beginn), Ende: inge.DatumOf(abschnitt2.AddDate(0, 0, -3))},
			{Kursabschnitt: "2", Beginn: inge.DatumOf(abschnitt2), Ende: inge.DatumOf(abschnitt2.AddDate(0, 0, 7*5-3))},
		},
		Zusatzangaben: &inge.Zusatzangaben{Barrierefreiheit: boolp(fall.Kursorte[0].Barrierefrei), Kinderbeaufsichtigung: boolp(false)},
	}
	for _, tag := range []inge.Wochentag{"Mo", "Di", "Mi", "Do", "Fr"} {
		k.Unterrichtszeit = append(k.Unterrichtszeit, inge.Unterrichtszeit{
			Wochentag: tag, Beginn: "08:30", Ende: "12:45", PauseBeginn: "10:00", PauseEnde: "10:15", Unterrichtseinheiten: intp(5),
		})
	}
	for _, p := range fall.Personen {
		k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: ident(p)})
	}
	if len(fall.Lehrkraefte) > 0 {
		l := fall.Lehrkraefte[0]
		k.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: l.Kennung, Familienname: l.Familienname, Vorname: l.Vorname}}
	}
	return k, nil
}

// ident identifies a person as providers do: Geburtsdatum and the BAMF
// Personenkennziffer if there is one, else the first Kennziffer.
func ident(p testdaten.Person) *inge.TeilnehmerIdent {
	k := p.Kennziffern[0]
	for _, c := range p.Kennziffern {
		if c.Art == string(inge.AktenzeichenBAMF) {
			k = c
			break
		}
	}
	return &inge.TeilnehmerIdent{
		Geburtsdatum: inge.Datum(p.Geburtsdatum),
		Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenArt(k.Art), Wert: k.Wert},
	}
}

func nextMonday(t time.Time) time.Time {
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }
