package certrun

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of KursabschnittsbeginnMelden
// (kursabschnittsbeginn_melden.feature).
func (w *world) registerKursabschnittsbeginnMeldenSteps(sc steps) {
	sc.Step(sc.re(`^eine vollständige Meldung des Beginns von Kursabschnitt "([^"]*)"$`), w.abschnittsbeginnVorbereiten)
	sc.Step(sc.re(`^ich den Beginn des Kursabschnitts "([^"]*)" melde$`), w.abschnittsbeginnMelden)
	sc.Step(sc.re(`^ich den Beginn des Kursabschnitts "([^"]*)" am `+datum+` melde$`), w.abschnittsbeginnAmMelden)
	sc.Step(sc.re(`^ich den Beginn des Kursabschnitts "([^"]*)" mit vorzeitigem Kursende "([^"]*)" melde$`), w.abschnittsbeginnMitKursendeMelden)
	sc.Step(sc.re(`^ich habe den Beginn des Kursabschnitts "([^"]*)" gemeldet$`), w.abschnittsbeginnGemeldet)
}

// abschnittsbeginnVorbereiten prepares a valid Kursabschnittsbeginnmeldung
// of a section, derived from the stored plan like the Kursbeginn, with the
// participants who are in the course by that section.
func (w *world) abschnittsbeginnVorbereiten(abschnitt string) error {
	d, err := w.abschnittsdaten(abschnitt)
	if err != nil {
		return err
	}
	w.prepare(&inge.KursabschnittsbeginnMeldenAnfrage{Kurskennung: w.kurs.kennung, Abschnitt: d})
	return nil
}

func (w *world) abschnittsbeginnMelden(ctx context.Context, abschnitt string) error {
	req, err := pending(w, func() error { return w.abschnittsbeginnVorbereiten(abschnitt) },
		func(r *inge.KursabschnittsbeginnMeldenAnfrage) bool { return r.Abschnitt.Kursabschnitt == abschnitt })
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error { return w.kurs.abschnittGemeldet(req.Abschnitt) })
}

func (w *world) abschnittsbeginnAmMelden(ctx context.Context, abschnitt, datum string) error {
	beginn, err := parseDatumDE(datum)
	if err != nil {
		return err
	}
	if err := w.abschnittsbeginnVorbereiten(abschnitt); err != nil {
		return err
	}
	w.request.(*inge.KursabschnittsbeginnMeldenAnfrage).Abschnitt.Beginn = inge.DatumOf(beginn)
	return w.abschnittsbeginnMelden(ctx, abschnitt)
}

func (w *world) abschnittsbeginnMitKursendeMelden(ctx context.Context, abschnitt, grund string) error {
	if err := w.abschnittsbeginnVorbereiten(abschnitt); err != nil {
		return err
	}
	w.request.(*inge.KursabschnittsbeginnMeldenAnfrage).Abschnitt.VorzeitigesKursende = grund
	return w.abschnittsbeginnMelden(ctx, abschnitt)
}

func (w *world) abschnittsbeginnGemeldet(ctx context.Context, abschnitt string) error {
	if err := w.abschnittsbeginnVorbereiten(abschnitt); err != nil {
		return err
	}
	return w.mustStore(ctx, func(ctx context.Context) error { return w.abschnittsbeginnMelden(ctx, abschnitt) })
}
