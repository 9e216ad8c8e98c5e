package certrun

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of KursabschnittAktualisieren
// (kursabschnitt_aktualisieren.feature).
func (w *world) registerKursabschnittAktualisierenSteps(sc steps) {
	sc.Step(sc.re(`^eine Aktualisierung des Kursabschnitts "([^"]*)"$`), w.abschnittAktualisierungVorbereiten)
	sc.Step(sc.re(`^ich den Kursabschnitt "([^"]*)" aktualisiere$`), w.abschnittAktualisieren)
}

// abschnittAktualisierungVorbereiten prepares an update of a section: the
// data as reported, or, for a section whose begin was not reported, as
// derived from the plan.
func (w *world) abschnittAktualisierungVorbereiten(abschnitt string) error {
	d, ok := w.kurs.gemeldet[abschnitt]
	var err error
	if ok {
		d, err = clone(d)
	} else {
		d, err = w.abschnittsdaten(abschnitt)
	}
	if err != nil {
		return err
	}
	w.prepare(&inge.KursabschnittAktualisierenAnfrage{Kurskennung: w.kurs.kennung, Abschnitt: d})
	return nil
}

func (w *world) abschnittAktualisieren(ctx context.Context, abschnitt string) error {
	req, err := pending(w, func() error { return w.abschnittAktualisierungVorbereiten(abschnitt) },
		func(r *inge.KursabschnittAktualisierenAnfrage) bool { return r.Abschnitt.Kursabschnitt == abschnitt })
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error { return w.kurs.abschnittGemeldet(req.Abschnitt) })
}
