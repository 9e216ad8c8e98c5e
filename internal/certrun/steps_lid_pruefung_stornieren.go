package certrun

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of LidPruefungStornieren (lid_pruefung_stornieren.feature).
func (w *world) registerLidPruefungStornierenSteps(sc steps) {
	sc.Step(sc.re(`^eine Stornierung dieser LiD-Prüfung$`), w.lidStornierungVorbereiten)
	sc.Step(sc.re(`^ich die LiD-Prüfung storniere$`), w.lidStornieren)
	sc.Step(sc.re(`^ich habe die LiD-Prüfung storniert$`), w.lidStorniert)
}

func (w *world) lidStornierungVorbereiten() error {
	nummer, err := w.pruefungsnummer()
	if err != nil {
		return err
	}
	w.prepare(&inge.LidPruefungStornierenAnfrage{Pruefungsnummer: nummer, Grund: "Prüfungsraum nicht verfügbar"})
	return nil
}

func (w *world) lidStornieren(ctx context.Context) error {
	req, err := pending[*inge.LidPruefungStornierenAnfrage](w, w.lidStornierungVorbereiten)
	if err != nil {
		return err
	}
	return w.send(ctx, req, nil)
}

func (w *world) lidStorniert(ctx context.Context) error {
	if err := w.lidStornierungVorbereiten(); err != nil {
		return err
	}
	return w.mustStore(ctx, w.lidStornieren)
}
