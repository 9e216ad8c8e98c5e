package certrun

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of KursplanungAktualisieren (kursplanung_aktualisieren.feature):
// the stored plan, sent again with what a scenario changes.
func (w *world) registerKursplanungAktualisierenSteps(sc steps) {
	sc.Step(sc.re(`^eine Aktualisierung dieser Kursplanung$`), w.aktualisierungVorbereiten)
	sc.Step(sc.re(`^ich die Kursplanung aktualisiere$`), w.planungAktualisieren)
}

func (w *world) aktualisierungVorbereiten() error {
	plan, err := w.gespeichertePlanung()
	if err != nil {
		return err
	}
	p, err := clone(*plan)
	if err != nil {
		return err
	}
	w.prepare(&inge.KursplanungAktualisierenAnfrage{Kurskennung: w.kurs.kennung, Kursplanung: p})
	return nil
}

func (w *world) planungAktualisieren(ctx context.Context) error {
	req, err := pending[*inge.KursplanungAktualisierenAnfrage](w, w.aktualisierungVorbereiten)
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error { return w.kurs.planAktualisiert(req.Kursplanung) })
}
