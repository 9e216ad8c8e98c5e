package certrun

import (
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// kurslauf.feature follows one course from its plan to its last section.
// It has no steps of its own: each of its steps sends or checks one
// procedure and lives in that procedure's file. This file holds what those
// files share: what the scenario knows of its course, and the section data
// that Kursbeginn, Kursabschnittsbeginn and Kursabschnitt-Aktualisierung
// derive from the stored plan alike.

// kurslauf is what a scenario knows of its course: the plan as the mock
// stored it, the sections whose begin it reported and the Kursort changes
// it made. Requests are derived from it, so that a scenario needs to say
// only what differs from a valid message.
type kurslauf struct {
	kennung  string                              // the Kurskennung the scenario talks about
	plan     *inge.Kursplanung                   // nil until a plan was stored
	gemeldet map[string]inge.Kursabschnittsdaten // reported sections, the first included, by Kursabschnitt
	kursorte map[string]string                   // stored Kursort changes, by Kursabschnitt
}

// neu starts the life of a newly stored plan; the Kurskennung is the one
// the answer named.
func (k *kurslauf) neu(plan inge.Kursplanung) error {
	p, err := clone(plan)
	if err != nil {
		return err
	}
	k.plan, k.gemeldet, k.kursorte = &p, map[string]inge.Kursabschnittsdaten{}, map[string]string{}
	return nil
}

// planAktualisiert keeps the stored update; the reported sections stay.
func (k *kurslauf) planAktualisiert(plan inge.Kursplanung) error {
	p, err := clone(plan)
	if err != nil {
		return err
	}
	k.plan = &p
	return nil
}

// abschnittGemeldet keeps a stored section begin or update.
func (k *kurslauf) abschnittGemeldet(d inge.Kursabschnittsdaten) error {
	c, err := clone(d)
	if err != nil {
		return err
	}
	k.gemeldet[d.Kursabschnitt] = c
	return nil
}

// gespeichertePlanung is the plan of the scenario's course as stored.
func (w *world) gespeichertePlanung() (*inge.Kursplanung, error) {
	if w.kurs.plan == nil {
		return nil, fmt.Errorf("das Szenario hat noch keine Kursplanung gespeichert (ich habe eine vollständige Kursplanung ... erfasst)")
	}
	return w.kurs.plan, nil
}

// abschnittsdaten derives valid data of a section from the stored plan:
// its planned dates (or today for a section the plan lacks), its Kursort
// after the stored changes, the plan's teaching times and TnrKursMax, the
// first Lehrkraft, a Lehrwerk approved for the Kursart, and the participants
// who joined by this section (all of them if none has yet).
func (w *world) abschnittsdaten(abschnitt string) (inge.Kursabschnittsdaten, error) {
	plan, err := w.gespeichertePlanung()
	if err != nil {
		return inge.Kursabschnittsdaten{}, err
	}
	if _, ok := inge.KursstrukturOf(plan.Kursart); !ok {
		return inge.Kursabschnittsdaten{}, fmt.Errorf("Kursart %q hat keine Kursstruktur", plan.Kursart)
	}
	lehrwerk, err := w.r.paket.LehrwerkFuer(plan.Kursart)
	if err != nil {
		return inge.Kursabschnittsdaten{}, err
	}
	d, planned := testdaten.Abschnittsdaten(plan, abschnitt, lehrwerk)
	if !planned {
		if w.heute.IsZero() {
			return inge.Kursabschnittsdaten{}, fmt.Errorf("Kursabschnitt %s ist nicht geplant, und das Szenario hat kein Datum gesetzt (heute ist der ...)", abschnitt)
		}
		d = inge.Kursabschnittsdaten{
			Kursabschnitt: abschnitt, Kursort: plan.Kursort, Wochenstunden: plan.Wochenstunden,
			Unterrichtszeit: plan.Unterrichtszeit, TnrKursMax: plan.TnrKursMax, Lehrwerk: []string{lehrwerk},
			Beginn: inge.DatumOf(w.heute), Ende: inge.DatumOf(w.heute.AddDate(0, 0, 25)),
			Teilnehmer: testdaten.TeilnehmerBis(plan, abschnitt),
		}
		if len(plan.Lehrkraft) > 0 {
			d.Lehrkraft = plan.Lehrkraft[:1]
		}
	}
	if ort, ok := w.kurs.kursorte[abschnitt]; ok {
		d.Kursort = ort
	}
	return clone(d)
}
