package certrun

import (
	"context"
	"errors"
	"slices"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of KursortaenderungMelden (kursortaenderung_melden.feature).
func (w *world) registerKursortaenderungMeldenSteps(sc steps) {
	sc.Step(sc.re(`^eine Kursortänderung für Kursabschnitt "([^"]*)" zum Kursort "([^"]*)"$`), w.kursortaenderungVorbereiten)
	sc.Step(sc.re(`^eine weitere Kursortänderung für Kursabschnitt "([^"]*)" zum Kursort "([^"]*)"$`), w.weitereKursortaenderung)
	sc.Step(sc.re(`^ich die Kursortänderung melde$`), w.kursortaenderungMelden)
	sc.Step(sc.re(`^ich für den Kursabschnitt "([^"]*)" den Kursort "([^"]*)" melde$`), w.kursortMelden)
}

func (w *world) aenderung(abschnitt, kursort string) (inge.Kursortaenderung, error) {
	plan, err := w.gespeichertePlanung()
	if err != nil {
		return inge.Kursortaenderung{}, err
	}
	ab := plan.Kursbeginn // for a section the plan lacks
	if i := slices.IndexFunc(plan.Abschnitt, func(a inge.GeplanterAbschnitt) bool { return a.Kursabschnitt == abschnitt }); i >= 0 {
		ab = plan.Abschnitt[i].Beginn
	}
	return inge.Kursortaenderung{Kursabschnitt: abschnitt, Kursort: kursort, GueltigAb: ab}, nil
}

// kursortaenderungVorbereiten prepares a Kursort change valid from the
// planned begin of the section.
func (w *world) kursortaenderungVorbereiten(abschnitt, kursort string) error {
	a, err := w.aenderung(abschnitt, kursort)
	if err != nil {
		return err
	}
	w.prepare(&inge.KursortaenderungMeldenAnfrage{Kurskennung: w.kurs.kennung, Aenderung: []inge.Kursortaenderung{a}})
	return nil
}

// keineKursortaenderung is what a step that changes or sends a prepared
// Kursort change says when there is none.
func keineKursortaenderung() error { return errors.New("es wurde keine Kursortänderung vorbereitet") }

func (w *world) weitereKursortaenderung(abschnitt, kursort string) error {
	req, err := pending[*inge.KursortaenderungMeldenAnfrage](w, keineKursortaenderung)
	if err != nil {
		return err
	}
	a, err := w.aenderung(abschnitt, kursort)
	if err != nil {
		return err
	}
	req.Aenderung = append(req.Aenderung, a)
	return nil
}

func (w *world) kursortaenderungMelden(ctx context.Context) error {
	req, err := pending[*inge.KursortaenderungMeldenAnfrage](w, keineKursortaenderung)
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error {
		for _, a := range req.Aenderung {
			w.kurs.kursorte[a.Kursabschnitt] = a.Kursort
		}
		return nil
	})
}

func (w *world) kursortMelden(ctx context.Context, abschnitt, kursort string) error {
	if err := w.kursortaenderungVorbereiten(abschnitt, kursort); err != nil {
		return err
	}
	return w.kursortaenderungMelden(ctx)
}
