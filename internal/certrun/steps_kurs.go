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
	sc.Step(`^eine vollständige Kursplanung aus Testfall "([^"]*)" mit Kursbeginn in (\d+) Wochen$`, w.buildKursplanung)
	sc.Step(`^ich die Kursplanung erfasse$`, w.kursplanungErfassen)
	sc.Step(`^ich habe eine vollständige Kursplanung aus Testfall "([^"]*)" mit Kursbeginn in (\d+) Wochen erfasst$`, w.kursplanungErfasst)
	sc.Step(`^ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "([^"]*)" mit Kursbeginn in (\d+) Wochen erfasst$`, w.andererHatErfasst)
	sc.Step(`^die Antwort enthält eine neue Kurskennung$`, w.neueKurskennung)
	sc.Step(`^die Antwort enthält keine Kurskennung$`, w.keineKurskennung)
	sc.Step(`^ich die Kursauskunft zu dieser Kurskennung anfordere$`, func(ctx context.Context) error {
		return w.kursauskunft(ctx, w.kurs.kennung)
	})
	sc.Step(`^ich die Kursauskunft zur Kurskennung "([^"]*)" anfordere$`, w.kursauskunft)
	sc.Step(`^die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "([^"]*)"$`, func(ctx context.Context, status string) error {
		if err := w.kursauskunft(ctx, w.kurs.kennung); err != nil {
			return err
		}
		return w.kursstatus(status)
	})
	sc.Step(`^die Kursauskunft zu dieser Kurskennung meldet "([^"]*)"$`, func(ctx context.Context, code string) error {
		if err := w.kursauskunft(ctx, w.kurs.kennung); err != nil {
			return err
		}
		return w.meldung(code)
	})
	sc.Step(`^die Kursauskunft zeigt den Kursstatus "([^"]*)"$`, w.kursstatus)
	sc.Step(`^die Kursauskunft zeigt den Kursort und die Teilnehmenden der Kursplanung$`, w.auskunftWieGeplant)
}

func (w *world) buildKursplanung(fallID string, weeks int) error {
	req, err := w.kursplanungAus(fallID, weeks, w.mandant)
	if err != nil {
		return err
	}
	w.request = req
	return nil
}

// kursplanungAus builds a complete KursplanungErfassen of a test case for
// Mandant mandant, starting weeks after the scenario's today.
func (w *world) kursplanungAus(fallID string, weeks int, mandant string) (*inge.KursplanungErfassenAnfrage, error) {
	fall, err := w.fall(fallID)
	if err != nil {
		return nil, err
	}
	plan, err := vollstaendigeKursplanung(fall, w.szenarioHeute(), weeks)
	if err != nil {
		return nil, err
	}
	req := &inge.KursplanungErfassenAnfrage{Kursplanung: plan}
	req.Mandant.Traegernummer = mandant
	return req, nil
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

func (w *world) kursplanungErfasst(ctx context.Context, fallID string, weeks int) error {
	if err := w.buildKursplanung(fallID, weeks); err != nil {
		return err
	}
	return w.dieseErfasst(ctx)
}

// andererHatErfasst lets the other Traeger plan a course; the scenario then
// knows its Kurskennung, as a provider might guess or learn one.
func (w *world) andererHatErfasst(ctx context.Context, fallID string, weeks int) error {
	req, err := w.kursplanungAus(fallID, weeks, w.anderer.Traegernummer)
	if err != nil {
		return err
	}
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

func (w *world) kursstatus(want string) error {
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
// sent.
func (w *world) auskunftWieGeplant() error {
	k, err := w.kursdaten()
	if err != nil {
		return err
	}
	sent, ok := w.request.(*inge.KursplanungErfassenAnfrage)
	if !ok {
		return fmt.Errorf("das Szenario hat keine Kursplanung gesendet")
	}
	p := sent.Kursplanung
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
