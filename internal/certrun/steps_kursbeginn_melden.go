package certrun

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of KursbeginnMelden (kursbeginn_melden.feature).
func (w *world) registerKursbeginnMeldenSteps(sc steps) {
	sc.Step(sc.re(`^eine vollständige Kursbeginnmeldung zu diesem Kurs$`), w.kursbeginnVorbereiten)
	sc.Step(sc.re(`^die Meldung nennt als Teilnehmende nur die Personen aus Testfall "([^"]*)"$`), w.teilnehmendeAus)
	sc.Step(sc.re(`^die Meldung nennt zusätzlich `+personAus+`$`), w.zusaetzlichTeilnehmend)
	sc.Step(sc.re(`^ich den Kursbeginn melde$`), w.kursbeginnMelden)
	sc.Step(sc.re(`^ich habe den Kursbeginn gemeldet$`), w.kursbeginnGemeldet)
}

// kursbeginnVorbereiten prepares a valid Kursbeginnmeldung derived from the
// stored plan: its first section with the plan's dates, Kursort, teaching
// times and TnrKursMax, the participants of the first section, the first
// Lehrkraft and a Lehrwerk approved for the Kursart.
func (w *world) kursbeginnVorbereiten() error {
	plan, err := w.gespeichertePlanung()
	if err != nil {
		return err
	}
	d, err := w.abschnittsdaten(plan.BeginnKursabschnitt)
	if err != nil {
		return err
	}
	d.Beginn = plan.Kursbeginn
	w.prepare(&inge.KursbeginnMeldenAnfrage{
		Kurskennung: w.kurs.kennung,
		Kursbeginn:  inge.Kursbeginndaten{Kursabschnittsdaten: d, Kursart: plan.Kursart, Kursende: plan.Kursende},
	})
	return nil
}

func (w *world) kursbeginnMelden(ctx context.Context) error {
	req, err := pending[*inge.KursbeginnMeldenAnfrage](w, w.kursbeginnVorbereiten)
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error { return w.kurs.abschnittGemeldet(req.Kursbeginn.Kursabschnittsdaten) })
}

func (w *world) kursbeginnGemeldet(ctx context.Context) error {
	if err := w.kursbeginnVorbereiten(); err != nil {
		return err
	}
	return w.mustStore(ctx, w.kursbeginnMelden)
}

// teilnehmendeAus replaces the participants of the prepared Kursbeginn or
// section message by the persons of another test case.
func (w *world) teilnehmendeAus(fallID string) error {
	fall, err := w.fall(fallID)
	if err != nil {
		return err
	}
	d, err := w.vorbereiteteAbschnittsdaten()
	if err != nil {
		return err
	}
	d.Teilnehmer = nil
	for _, p := range fall.Personen {
		d.Teilnehmer = append(d.Teilnehmer, *p.Ident())
	}
	return nil
}

// zusaetzlichTeilnehmend adds a person to the participants of the prepared
// Kursbeginn or section message.
func (w *world) zusaetzlichTeilnehmend(name, fallID string) error {
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	d, err := w.vorbereiteteAbschnittsdaten()
	if err != nil {
		return err
	}
	d.Teilnehmer = append(d.Teilnehmer, *p.Ident())
	return nil
}

func (w *world) vorbereiteteAbschnittsdaten() (*inge.Kursabschnittsdaten, error) {
	switch r := w.request.(type) {
	case *inge.KursbeginnMeldenAnfrage:
		return &r.Kursbeginn.Kursabschnittsdaten, nil
	case *inge.KursabschnittsbeginnMeldenAnfrage:
		return &r.Abschnitt, nil
	case *inge.KursabschnittAktualisierenAnfrage:
		return &r.Abschnitt, nil
	}
	return nil, fmt.Errorf("es wurde keine Kursbeginn- oder Kursabschnittsmeldung vorbereitet")
}
