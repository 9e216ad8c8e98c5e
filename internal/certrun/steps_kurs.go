package certrun

import (
	"context"
	"fmt"
	"regexp"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

func (w *world) registerKursSteps(sc *godog.ScenarioContext) {
	sc.Step(`^ich die Kursplanung erfasse$`, w.kursplanungErfassen)
	sc.Step(`^die Antwort enthält eine neue Kurskennung$`, w.neueKurskennung)
	sc.Step(`^die Antwort enthält keine Kurskennung$`, w.keineKurskennung)
	sc.Step(`^ich die Kursauskunft zu dieser Kurskennung anfordere$`, w.kursauskunftDieses)
	sc.Step(`^ich die Kursauskunft zur Kurskennung "([^"]*)" anfordere$`, w.kursauskunft)
	// "die Kursauskunft zu dieser Kurskennung ..." asks first; "die
	// Kursauskunft ..." checks the answer at hand.
	const zuDieser = `^die Kursauskunft( zu dieser Kurskennung)?`
	sc.Step(zuDieser+` zeigt den Kursstatus "([^"]*)"$`, w.kursstatus)
	sc.Step(zuDieser+` meldet "([^"]*)"$`, w.auskunftMeldet(w.kursauskunftDieses))
	sc.Step(`^die Kursauskunft zeigt den Kursort und die Teilnehmenden der Kursplanung$`, w.auskunftWieGeplant)
}

// kursplanungErfassen sends the prepared plan. The scenario's course is
// the one the answer names, also after a Rollback, whose Kurskennung the
// mock does not keep.
func (w *world) kursplanungErfassen(ctx context.Context) error {
	req, ok := w.request.(*inge.KursplanungErfassenAnfrage)
	if !ok {
		return fmt.Errorf("es wurde keine Kursplanung vorbereitet")
	}
	err := w.send(ctx, req, func() error { return w.kurs.neu(req.Kursplanung) })
	if r, ok := w.response.(*inge.KursplanungErfassenAntwort); ok && r.Kurskennung != "" {
		w.kurs.kennung = r.Kurskennung
	}
	return err
}

// andererHatErfasst lets the other Traeger plan a course; the scenario then
// knows its Kurskennung, as a provider might guess or learn one.
func (w *world) andererHatErfasst(ctx context.Context, kursart, fallID, datum, wochen string) error {
	plan, err := w.kursplanungAus(kursart, fallID, datum, wochen)
	if err != nil {
		return err
	}
	req := &inge.KursplanungErfassenAnfrage{Kursplanung: plan}
	req.Mandant.Traegernummer = w.anderer.Traegernummer
	other := w.newClient(w.anderer, wsse.PasswordDigest)
	if err := w.mustStore(ctx, func(ctx context.Context) error { return w.sendWith(ctx, other, req) }); err != nil {
		return fmt.Errorf("die Kursplanung des anderen Kursträgers: %w", err)
	}
	return w.neueKurskennung()
}

var kurskennungRE = regexp.MustCompile(`^K\d{9}$`)

func (w *world) neueKurskennung() error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	r, ok := resp.(*inge.KursplanungErfassenAntwort)
	if !ok || !kurskennungRE.MatchString(r.Kurskennung) {
		return fmt.Errorf("erwartet eine Kurskennung K und neun Ziffern, erhalten %+v", resp)
	}
	w.kurs.kennung = r.Kurskennung
	return nil
}

func (w *world) keineKurskennung() error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	if r, ok := resp.(*inge.KursplanungErfassenAntwort); ok && r.Kurskennung != "" {
		return fmt.Errorf("erwartet keine Kurskennung, erhalten %s", r.Kurskennung)
	}
	return nil
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
	resp, err := w.answer()
	if err != nil {
		return nil, err
	}
	r, ok := resp.(*inge.KursauskunftAntwort)
	if !ok || r.Kurs == nil {
		return nil, fmt.Errorf("die Antwort enthält keine Kursdaten (Status %s, Meldungen %v)", resp.Base().Status, resp.Base().List())
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
			return fmt.Errorf("Teilnehmer[%d] der Kursauskunft = %+v; geplant %+v", i+1, got, want)
		}
	}
	return nil
}
