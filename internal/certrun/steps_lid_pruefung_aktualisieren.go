package certrun

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of LidPruefungAktualisieren (lid_pruefung_aktualisieren.feature).
func (w *world) registerLidPruefungAktualisierenSteps(sc steps) {
	sc.Step(sc.re(`^eine Aktualisierung dieser LiD-Prüfung$`), w.lidAktualisierungVorbereiten)
	sc.Step(sc.re(`^eine Aktualisierung dieser LiD-Prüfung auf den `+datum+`$`), w.lidAktualisierungAufVorbereiten)
	sc.Step(sc.re(`^ich die LiD-Prüfung aktualisiere$`), w.lidAktualisieren)
}

// lidAktualisierungVorbereiten prepares an update that sends the exam as
// stored; the scenario changes what it wants to change.
func (w *world) lidAktualisierungVorbereiten() error {
	gespeichert, err := w.gespeichertePruefung()
	if err != nil {
		return err
	}
	p, err := clone(*gespeichert)
	if err != nil {
		return err
	}
	w.prepare(&inge.LidPruefungAktualisierenAnfrage{Pruefungsnummer: w.lid.nummer, Pruefung: p})
	return nil
}

func (w *world) lidAktualisierungAufVorbereiten(datum string) error {
	tag, err := parseDatumDE(datum)
	if err != nil {
		return err
	}
	if err := w.lidAktualisierungVorbereiten(); err != nil {
		return err
	}
	w.request.(*inge.LidPruefungAktualisierenAnfrage).Pruefung.Pruefungsdatum = inge.DatumOf(tag)
	return nil
}

func (w *world) lidAktualisieren(ctx context.Context) error {
	req, err := pending[*inge.LidPruefungAktualisierenAnfrage](w, w.lidAktualisierungVorbereiten)
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error {
		p, err := clone(req.Pruefung)
		w.lid.pruefung = &p
		return err
	})
}
