package certrun

import (
	"context"
	"slices"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// The steps of AnmeldungErstverfahren (anmeldung_erstverfahren.feature):
// the registration form of a person of the Testdatenpaket.
func (w *world) registerAnmeldungErstverfahrenSteps(sc steps) {
	sc.Step(sc.re(`^eine vollständige Erstanmeldung für `+personAus+`$`), w.erstanmeldungVorbereiten)
	sc.Step(sc.re(`^ich die Erstanmeldung übermittle$`), w.erstanmeldungUebermitteln)
}

// vollstaendigeErstanmeldung is the registration form of a person as a
// provider fills it in today: the person's data from the Testdatenpaket,
// ISCED 3A, lateinisch alphabetisiert, and a placement test a week ago that
// recommends the first section of the general course.
func vollstaendigeErstanmeldung(p *testdaten.Person, heute time.Time) inge.Erstanmeldung {
	return inge.Erstanmeldung{
		Ident:                p.Ident(),
		Familienname:         p.Familienname,
		Vorname:              p.Vorname,
		Geburtsname:          p.Geburtsname,
		Geburtsort:           p.Geburtsort,
		Geschlecht:           p.Geschlecht,
		Staatsangehoerigkeit: slices.Clone(p.Staatsangehoerigkeit),
		Anschrift:            anschriftVon(p),
		Anmeldedatum:         inge.DatumOf(heute),
		Bildungsstand:        "3A",
		Schreibkundigkeit:    "3", // lateinisch alphabetisiert
		Niederschwellig:      new(false),
		Einstufungstest: &inge.Einstufungstest{
			Zentralisiert:            new(false),
			Testdatum:                inge.DatumOf(heute.AddDate(0, 0, -7)),
			EmpfohleneKursart:        "01",
			EmpfohlenerKursabschnitt: "1",
		},
		KostenbefreiungBeantragt: new(false),
		Kinderbetreuung:          new(false),
	}
}

func (w *world) erstanmeldungVorbereiten(name, fallID string) error {
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	w.prepare(&inge.AnmeldungErstverfahrenAnfrage{Anmeldung: vollstaendigeErstanmeldung(p, w.szenarioHeute())})
	return nil
}

func (w *world) erstanmeldungUebermitteln(ctx context.Context) error {
	req, err := prepared[*inge.AnmeldungErstverfahrenAnfrage](w, "keine Erstanmeldung")
	if err != nil {
		return err
	}
	return w.send(ctx, req, nil)
}
