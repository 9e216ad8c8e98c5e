package certrun

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
)

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

// The steps of a course's life after the plan: update, cancel, Kursbeginn,
// the later sections, their updates and Kursort changes, and what the
// Kursauskunft shows afterwards. "Angenommen eine ..." prepares a valid
// request, which the generic steps (das Feld ... hat den Wert ...) change;
// "Wenn ich ..." sends the prepared request, or a valid one if none is
// prepared; "Angenommen ich habe ..." sends a valid one and requires it to
// be stored.
func (w *world) registerKurslaufSteps(sc *godog.ScenarioContext) {
	const kursplanung = `eine vollständige Kursplanung(?: der Kursart "(\d{2})")? aus Testfall "([^"]*)" mit Kursbeginn ` + termin

	sc.Step(`^`+kursplanung+`$`, w.planungVorbereiten)
	sc.Step(`^ich habe `+kursplanung+` erfasst$`, w.planungErfasst)
	sc.Step(`^ein anderer Kursträger hat `+kursplanung+` erfasst$`, w.andererHatErfasst)
	sc.Step(`^alle Teilnehmenden der Kursplanung steigen erst im Kursabschnitt "([^"]*)" ein$`, w.spaeterEinsteigen)
	sc.Step(`^ich habe diese Kursplanung erfasst$`, w.dieseErfasst)

	sc.Step(`^eine Aktualisierung dieser Kursplanung$`, w.aktualisierungVorbereiten)
	sc.Step(`^ich die Kursplanung aktualisiere$`, w.planungAktualisieren)
	sc.Step(`^eine Stornierung dieser Kursplanung mit dem Grund "([^"]*)"$`, w.stornierungVorbereiten)
	sc.Step(`^ich die Kursplanung storniere$`, w.planungStornieren)
	sc.Step(`^ich habe die Kursplanung storniert$`, w.planungStorniert)

	sc.Step(`^eine vollständige Kursbeginnmeldung zu diesem Kurs$`, w.kursbeginnVorbereiten)
	sc.Step(`^ich den Kursbeginn melde$`, w.kursbeginnMelden)
	sc.Step(`^ich habe den Kursbeginn gemeldet$`, w.kursbeginnGemeldet)

	sc.Step(`^eine vollständige Meldung des Beginns von Kursabschnitt "([^"]*)"$`, w.abschnittsbeginnVorbereiten)
	sc.Step(`^ich den Beginn des Kursabschnitts "([^"]*)" melde$`, w.abschnittsbeginnMelden)
	sc.Step(`^ich den Beginn des Kursabschnitts "([^"]*)" am `+datum+` melde$`, w.abschnittsbeginnAmMelden)
	sc.Step(`^ich den Beginn des Kursabschnitts "([^"]*)" mit vorzeitigem Kursende "([^"]*)" melde$`, w.abschnittsbeginnMitKursendeMelden)
	sc.Step(`^ich habe den Beginn des Kursabschnitts "([^"]*)" gemeldet$`, w.abschnittsbeginnGemeldet)
	sc.Step(`^eine Aktualisierung des Kursabschnitts "([^"]*)"$`, w.abschnittAktualisierungVorbereiten)
	sc.Step(`^ich den Kursabschnitt "([^"]*)" aktualisiere$`, w.abschnittAktualisieren)

	sc.Step(`^eine Kursortänderung für Kursabschnitt "([^"]*)" zum Kursort "([^"]*)"$`, w.kursortaenderungVorbereiten)
	sc.Step(`^eine weitere Kursortänderung für Kursabschnitt "([^"]*)" zum Kursort "([^"]*)"$`, w.weitereKursortaenderung)
	sc.Step(`^ich die Kursortänderung melde$`, w.kursortaenderungMelden)
	sc.Step(`^ich für den Kursabschnitt "([^"]*)" den Kursort "([^"]*)" melde$`, w.kursortMelden)

	sc.Step(`^die Meldung nennt als Teilnehmende nur die Personen aus Testfall "([^"]*)"$`, w.teilnehmendeAus)

	sc.Step(`^die Kursauskunft zeigt den Kursabschnitt "([^"]*)" als begonnen$`, w.auskunftAbschnittBegonnen)
	sc.Step(`^die Kursauskunft zeigt den Kursabschnitt "([^"]*)" als nicht begonnen$`, w.auskunftAbschnittNichtBegonnen)
	sc.Step(`^die Kursauskunft zeigt den Kursabschnitt "([^"]*)" am Kursort "([^"]*)"$`, w.auskunftAbschnittKursort)
	sc.Step(`^die Kursauskunft zeigt für den Kursabschnitt "([^"]*)" keine Kursortänderung$`, w.auskunftKeineKursortaenderung)
	sc.Step(`^die Kursauskunft zeigt für den Kursabschnitt "([^"]*)" die Lehrkr(?:aft|äfte) (.+)$`, w.auskunftAbschnittLehrkraefte)
	sc.Step(`^die Kursauskunft zeigt den Kursort "([^"]*)"$`, w.auskunftKursort)
}

// --- Kursplanung ---------------------------------------------------------

// kursplanungAus builds the complete plan a step describes: of the Kursart
// (01, the general course, if it names none), from the test case, from the
// day of the termin on; "in N Wochen" begins on the Monday of that week or
// after.
func (w *world) kursplanungAus(kursart, fallID, datum, wochen string) (inge.Kursplanung, error) {
	fall, err := w.fall(fallID)
	if err != nil {
		return inge.Kursplanung{}, err
	}
	beginn, err := w.terminTag(datum, wochen)
	if err != nil {
		return inge.Kursplanung{}, err
	}
	if wochen != "" {
		beginn = nextMonday(beginn)
	}
	if kursart == "" {
		kursart = "01" // Allgemeiner Integrationskurs
	}
	return vollstaendigeKursplanung(fall, kursart, beginn)
}

func (w *world) planungVorbereiten(kursart, fallID, datum, wochen string) error {
	plan, err := w.kursplanungAus(kursart, fallID, datum, wochen)
	if err != nil {
		return err
	}
	w.prepare(&inge.KursplanungErfassenAnfrage{Kursplanung: plan})
	return nil
}

func (w *world) planungErfasst(ctx context.Context, kursart, fallID, datum, wochen string) error {
	if err := w.planungVorbereiten(kursart, fallID, datum, wochen); err != nil {
		return err
	}
	return w.dieseErfasst(ctx)
}

// dieseErfasst sends the prepared plan and requires it to be stored.
func (w *world) dieseErfasst(ctx context.Context) error {
	if err := w.mustStore(ctx, w.kursplanungErfassen); err != nil {
		return err
	}
	return w.neueKurskennung()
}

// spaeterEinsteigen lets every participant of the prepared plan join in a
// later section.
func (w *world) spaeterEinsteigen(abschnitt string) error {
	var plan *inge.Kursplanung
	switch r := w.request.(type) {
	case *inge.KursplanungErfassenAnfrage:
		plan = &r.Kursplanung
	case *inge.KursplanungAktualisierenAnfrage:
		plan = &r.Kursplanung
	default:
		return fmt.Errorf("es wurde keine Kursplanung vorbereitet")
	}
	for i := range plan.Teilnehmer {
		plan.Teilnehmer[i].Kursabschnitt = abschnitt
	}
	return nil
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

// planAktualisiert keeps the stored update; the reported sections stay.
func (k *kurslauf) planAktualisiert(plan inge.Kursplanung) error {
	p, err := clone(plan)
	if err != nil {
		return err
	}
	k.plan = &p
	return nil
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

// --- Kursbeginn and Kursabschnitte -----------------------------------------

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

// abschnittGemeldet keeps a stored section begin or update.
func (k *kurslauf) abschnittGemeldet(d inge.Kursabschnittsdaten) error {
	c, err := clone(d)
	if err != nil {
		return err
	}
	k.gemeldet[d.Kursabschnitt] = c
	return nil
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
	struktur, ok := inge.KursstrukturOf(plan.Kursart)
	if !ok {
		return inge.Kursabschnittsdaten{}, fmt.Errorf("Kursart %q hat keine Kursstruktur", plan.Kursart)
	}
	lehrwerk, err := w.lehrwerkFuer(plan.Kursart)
	if err != nil {
		return inge.Kursabschnittsdaten{}, err
	}
	d := inge.Kursabschnittsdaten{
		Kursabschnitt:   abschnitt,
		Kursort:         plan.Kursort,
		Wochenstunden:   plan.Wochenstunden,
		Unterrichtszeit: plan.Unterrichtszeit,
		TnrKursMax:      plan.TnrKursMax,
		Lehrwerk:        []string{lehrwerk},
	}
	if i := slices.IndexFunc(plan.Abschnitt, func(a inge.GeplanterAbschnitt) bool { return a.Kursabschnitt == abschnitt }); i >= 0 {
		a := plan.Abschnitt[i]
		d.Beginn, d.Ende = a.Beginn, a.Ende
		if a.Kursort != "" {
			d.Kursort = a.Kursort
		}
	} else if !w.heute.IsZero() {
		d.Beginn, d.Ende = inge.DatumOf(w.heute), inge.DatumOf(w.heute.AddDate(0, 0, 25))
	} else {
		return inge.Kursabschnittsdaten{}, fmt.Errorf("Kursabschnitt %s ist nicht geplant, und das Szenario hat kein Datum gesetzt (heute ist der ...)", abschnitt)
	}
	if ort, ok := w.kurs.kursorte[abschnitt]; ok {
		d.Kursort = ort
	}
	if len(plan.Lehrkraft) > 0 {
		d.Lehrkraft = plan.Lehrkraft[:1]
	}
	pos := struktur.Position(abschnitt)
	for _, t := range plan.Teilnehmer {
		ein := t.Kursabschnitt
		if ein == "" {
			ein = plan.BeginnKursabschnitt
		}
		if pos >= 0 && struktur.Position(ein) <= pos && t.Ident != nil {
			d.Teilnehmer = append(d.Teilnehmer, *t.Ident)
		}
	}
	if len(d.Teilnehmer) == 0 {
		for _, t := range plan.Teilnehmer {
			if t.Ident != nil {
				d.Teilnehmer = append(d.Teilnehmer, *t.Ident)
			}
		}
	}
	return clone(d)
}

// lehrwerkFuer returns the first Lehrwerk of the Testdatenpaket approved for
// the Kursart.
func (w *world) lehrwerkFuer(kursart string) (string, error) {
	for _, l := range w.r.paket.Lehrwerke {
		if slices.Contains(l.Kursarten, kursart) {
			return l.Kennung, nil
		}
	}
	return "", fmt.Errorf("kein Lehrwerk im Testdatenpaket ist für die Kursart %s zugelassen", kursart)
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
		d.Teilnehmer = append(d.Teilnehmer, *ident(p))
	}
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

// --- Kursortaenderung ------------------------------------------------------

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

// --- Kursauskunft ----------------------------------------------------------

// auskunftAbschnitt returns the section of the last Kursauskunft, or nil if
// it does not list it.
func (w *world) auskunftAbschnitt(abschnitt string) (*inge.AuskunftAbschnitt, error) {
	k, err := w.kursdaten()
	if err != nil {
		return nil, err
	}
	for i := range k.Abschnitt {
		if k.Abschnitt[i].Kursabschnitt == abschnitt {
			return &k.Abschnitt[i], nil
		}
	}
	return nil, nil
}

// auskunftAbschnittBegonnen checks that the section's begin is shown as
// reported, with the Lehrkraefte and participants of the scenario's last
// stored message on it.
func (w *world) auskunftAbschnittBegonnen(abschnitt string) error {
	a, err := w.auskunftAbschnitt(abschnitt)
	if err != nil {
		return err
	}
	if a == nil || !a.BeginnGemeldet {
		return fmt.Errorf("die Kursauskunft zeigt den Kursabschnitt %s nicht als begonnen: %+v", abschnitt, a)
	}
	gemeldet, ok := w.kurs.gemeldet[abschnitt]
	if !ok {
		return nil
	}
	if got, want := lehrkraefte(a.Lehrkraft), lehrkraefte(gemeldet.Lehrkraft); !slices.Equal(got, want) {
		return fmt.Errorf("Kursabschnitt %s: Lehrkräfte der Kursauskunft %v; gemeldet %v", abschnitt, got, want)
	}
	if got, want := idents(a.Teilnehmer), idents(gemeldet.Teilnehmer); !slices.Equal(got, want) {
		return fmt.Errorf("Kursabschnitt %s: Teilnehmende der Kursauskunft %v; gemeldet %v", abschnitt, got, want)
	}
	return nil
}

func (w *world) auskunftAbschnittNichtBegonnen(abschnitt string) error {
	a, err := w.auskunftAbschnitt(abschnitt)
	if err != nil {
		return err
	}
	if a != nil && a.BeginnGemeldet {
		return fmt.Errorf("die Kursauskunft zeigt den Kursabschnitt %s als begonnen", abschnitt)
	}
	return nil
}

func (w *world) auskunftAbschnittKursort(abschnitt, kursort string) error {
	a, err := w.auskunftAbschnitt(abschnitt)
	if err != nil {
		return err
	}
	if a == nil {
		return fmt.Errorf("die Kursauskunft enthält den Kursabschnitt %s nicht", abschnitt)
	}
	if a.Kursort != kursort {
		return fmt.Errorf("Kursabschnitt %s: Kursort = %q; erwartet %q", abschnitt, a.Kursort, kursort)
	}
	return nil
}

// auskunftKeineKursortaenderung checks that the section is shown at its
// planned Kursort, or not at all (after the begin the Kursauskunft lists the
// reported sections and those with a Kursort change).
func (w *world) auskunftKeineKursortaenderung(abschnitt string) error {
	plan, err := w.gespeichertePlanung()
	if err != nil {
		return err
	}
	a, err := w.auskunftAbschnitt(abschnitt)
	if err != nil || a == nil {
		return err
	}
	geplant := plan.Kursort
	if i := slices.IndexFunc(plan.Abschnitt, func(g inge.GeplanterAbschnitt) bool { return g.Kursabschnitt == abschnitt }); i >= 0 && plan.Abschnitt[i].Kursort != "" {
		geplant = plan.Abschnitt[i].Kursort
	}
	if a.Kursort != geplant {
		return fmt.Errorf("Kursabschnitt %s: Kursort = %q; geplant %q", abschnitt, a.Kursort, geplant)
	}
	return nil
}

func (w *world) auskunftAbschnittLehrkraefte(abschnitt, liste string) error {
	names := quotedRE.FindAllStringSubmatch(liste, -1)
	if len(names) == 0 {
		return fmt.Errorf("keine Lehrkraftkennungen in %q", liste)
	}
	var want []string
	for _, n := range names {
		want = append(want, n[1])
	}
	slices.Sort(want)
	a, err := w.auskunftAbschnitt(abschnitt)
	if err != nil {
		return err
	}
	if a == nil {
		return fmt.Errorf("die Kursauskunft enthält den Kursabschnitt %s nicht", abschnitt)
	}
	if got := lehrkraefte(a.Lehrkraft); !slices.Equal(got, want) {
		return fmt.Errorf("Kursabschnitt %s: Lehrkräfte = %v; erwartet %v", abschnitt, got, want)
	}
	return nil
}

func (w *world) auskunftKursort(kursort string) error {
	k, err := w.kursdaten()
	if err != nil {
		return err
	}
	if k.Kursort != kursort {
		return fmt.Errorf("Kursort = %q; erwartet %q", k.Kursort, kursort)
	}
	return nil
}

// lehrkraefte returns the sorted Lehrkraftkennungen.
func lehrkraefte(ls []inge.Lehrkraft) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Lehrkraftkennung)
	}
	slices.Sort(out)
	return out
}

// idents returns the participants as sorted "Geburtsdatum Art:Wert".
func idents(ts []inge.TeilnehmerIdent) []string {
	var out []string
	for _, t := range ts {
		s := string(t.Geburtsdatum)
		if t.Aktenzeichen != nil {
			s += " " + string(t.Aktenzeichen.Art) + ":" + strings.TrimSpace(t.Aktenzeichen.Wert)
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// --- helpers ---------------------------------------------------------------

// gespeichertePlanung is the plan of the scenario's course as stored.
func (w *world) gespeichertePlanung() (*inge.Kursplanung, error) {
	if w.kurs.plan == nil {
		return nil, fmt.Errorf("das Szenario hat noch keine Kursplanung gespeichert (ich habe eine vollständige Kursplanung ... erfasst)")
	}
	return w.kurs.plan, nil
}
