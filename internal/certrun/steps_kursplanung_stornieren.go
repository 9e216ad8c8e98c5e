package certrun

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of KursplanungStornieren (kursplanung_stornieren.feature).
func (w *world) registerKursplanungStornierenSteps(sc steps) {
	sc.Step(sc.re(`^eine Stornierung dieser Kursplanung mit dem Grund "([^"]*)"$`), w.stornierungVorbereiten)
	sc.Step(sc.re(`^ich die Kursplanung storniere$`), w.planungStornieren)
	sc.Step(sc.re(`^ich habe die Kursplanung storniert$`), w.planungStorniert)
}

func (w *world) stornierungVorbereiten(grund string) error {
	if _, err := w.gespeichertePlanung(); err != nil {
		return err
	}
	w.prepare(&inge.KursplanungStornierenAnfrage{Kurskennung: w.kurs.kennung, Stornierungsgrund: grund})
	return nil
}

func (w *world) planungStornieren(ctx context.Context) error {
	req, err := pending[*inge.KursplanungStornierenAnfrage](w, func() error { return w.stornierungVorbereiten("01") })
	if err != nil {
		return err
	}
	return w.send(ctx, req, nil)
}

func (w *world) planungStorniert(ctx context.Context) error {
	if err := w.stornierungVorbereiten("01"); err != nil {
		return err
	}
	return w.mustStore(ctx, w.planungStornieren)
}
