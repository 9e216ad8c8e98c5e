package certrun

import (
	"context"
	"fmt"
	"slices"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of Kursauskunft (kursauskunft.feature): asking for a course,
// and what the answer shows of it, compared with what the scenario planned
// and reported.
func (w *world) registerKursauskunftSteps(sc steps) {
	sc.Step(sc.re(`^ich die Kursauskunft zu dieser Kurskennung anfordere$`), w.kursauskunftDieses)
	sc.Step(sc.re(`^ich die Kursauskunft zur Kurskennung "([^"]*)" anfordere$`), w.kursauskunft)
	// "die Kursauskunft zu dieser Kurskennung ..." asks first; "die
	// Kursauskunft ..." checks the answer at hand.
	const zuDieser = `^die Kursauskunft( zu dieser Kurskennung)?`
	sc.Step(sc.re(zuDieser+` zeigt den Kursstatus "([^"]*)"$`), w.kursstatus)
	sc.Step(sc.re(zuDieser+` meldet "([^"]*)"$`), w.auskunftMeldet(w.kursauskunftDieses))
	sc.Step(sc.re(`^die Kursauskunft zeigt den Kursort und die Teilnehmenden der Kursplanung$`), w.auskunftWieGeplant)
	sc.Step(sc.re(`^die Kursauskunft zeigt den Kursort "([^"]*)"$`), w.auskunftKursort)
	sc.Step(sc.re(`^die Kursauskunft zeigt den Kursabschnitt "([^"]*)" als begonnen$`), w.auskunftAbschnittBegonnen)
	sc.Step(sc.re(`^die Kursauskunft zeigt den Kursabschnitt "([^"]*)" als nicht begonnen$`), w.auskunftAbschnittNichtBegonnen)
	sc.Step(sc.re(`^die Kursauskunft zeigt den Kursabschnitt "([^"]*)" am Kursort "([^"]*)"$`), w.auskunftAbschnittKursort)
	sc.Step(sc.re(`^die Kursauskunft zeigt für den Kursabschnitt "([^"]*)" keine Kursortänderung$`), w.auskunftKeineKursortaenderung)
	sc.Step(sc.re(`^die Kursauskunft zeigt für den Kursabschnitt "([^"]*)" die weiteren Kursorte (.+)$`), w.auskunftWeitereKursorte)
	sc.Step(sc.re(`^die Kursauskunft zeigt für den Kursabschnitt "([^"]*)" die Lehrkr(?:aft|äfte) (.+)$`), w.auskunftAbschnittLehrkraefte)
}

func (w *world) kursauskunft(ctx context.Context, kennung string) error {
	req := &inge.KursauskunftAnfrage{Kurskennung: kennung}
	req.Mandant.Traegernummer = w.mandant
	return w.send(ctx, req, nil)
}

// kursauskunftDieses asks for the scenario's course.
func (w *world) kursauskunftDieses(ctx context.Context) error {
	return w.kursauskunft(ctx, w.kurs.kennung)
}

func (w *world) kursdaten() (*inge.Kursdaten, error) {
	r, err := answerOf[*inge.KursauskunftAntwort](w)
	if err != nil {
		return nil, err
	}
	if r.Kurs == nil {
		return nil, fmt.Errorf("die Antwort enthält keine Kursdaten (Status %s, Meldungen: %s)", r.Status, describe(r.List()))
	}
	return r.Kurs, nil
}

func (w *world) kursstatus(ctx context.Context, frisch, want string) error {
	if err := askFirst(ctx, frisch, w.kursauskunftDieses); err != nil {
		return err
	}
	k, err := w.kursdaten()
	if err != nil {
		return err
	}
	if string(k.Kursstatus) != want {
		return fmt.Errorf("Kursstatus = %s; erwartet %s", k.Kursstatus, want)
	}
	return nil
}

// auskunftWieGeplant compares the Kursauskunft with the plan the scenario
// stored.
func (w *world) auskunftWieGeplant() error {
	k, err := w.kursdaten()
	if err != nil {
		return err
	}
	p, err := w.gespeichertePlanung()
	if err != nil {
		return err
	}
	if k.Kursort != p.Kursort || k.Kursbeginn != p.Kursbeginn || k.Kurskennung != w.kurs.kennung {
		return fmt.Errorf("Kursauskunft %s/%s/%s; geplant %s/%s/%s", k.Kurskennung, k.Kursort, k.Kursbeginn, w.kurs.kennung, p.Kursort, p.Kursbeginn)
	}
	if len(k.Teilnehmer) != len(p.Teilnehmer) {
		return fmt.Errorf("Kursauskunft nennt %d Teilnehmende; geplant %d", len(k.Teilnehmer), len(p.Teilnehmer))
	}
	for i := range p.Teilnehmer {
		got, want := k.Teilnehmer[i].Ident, p.Teilnehmer[i].Ident
		if got == nil || got.Geburtsdatum != want.Geburtsdatum || *got.Aktenzeichen != *want.Aktenzeichen {
			return fmt.Errorf("Teilnehmer[%d] der Kursauskunft: %s; geplant %s", i+1, readable(got), readable(want))
		}
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
		return fmt.Errorf("die Kursauskunft zeigt den Kursabschnitt %s nicht als begonnen: %s", abschnitt, readable(a))
	}
	gemeldet, ok := w.kurs.gemeldet[abschnitt]
	if !ok {
		return nil
	}
	if got, want := lehrkraefte(a.Lehrkraft), lehrkraefte(gemeldet.Lehrkraft); !slices.Equal(got, want) {
		return fmt.Errorf("Kursabschnitt %s: Lehrkräfte der Kursauskunft %s; gemeldet %s", abschnitt, readable(got), readable(want))
	}
	if got, want := idents(a.Teilnehmer), idents(gemeldet.Teilnehmer); !slices.Equal(got, want) {
		return fmt.Errorf("Kursabschnitt %s: Teilnehmende der Kursauskunft %s; gemeldet %s", abschnitt, readable(got), readable(want))
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

// auskunftWeitereKursorte checks the further Kursorte of a section, in the
// order given.
func (w *world) auskunftWeitereKursorte(abschnitt, liste string) error {
	var want []string
	for _, m := range quotedRE.FindAllStringSubmatch(liste, -1) {
		want = append(want, m[1])
	}
	if len(want) == 0 {
		return fmt.Errorf("keine Kursortkennungen in %q", liste)
	}
	a, err := w.auskunftAbschnitt(abschnitt)
	if err != nil {
		return err
	}
	if a == nil {
		return fmt.Errorf("die Kursauskunft enthält den Kursabschnitt %s nicht", abschnitt)
	}
	if !slices.Equal(a.WeitererKursort, want) {
		return fmt.Errorf("Kursabschnitt %s: weitere Kursorte %s; erwartet %s", abschnitt, readable(a.WeitererKursort), readable(want))
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
		return fmt.Errorf("Kursabschnitt %s: Lehrkräfte %s; erwartet %s", abschnitt, readable(got), readable(want))
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
		out = append(out, identText(t))
	}
	slices.Sort(out)
	return out
}
