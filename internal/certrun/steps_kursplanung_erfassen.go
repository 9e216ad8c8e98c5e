package certrun

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// The steps of KursplanungErfassen (kursplanung_erfassen.feature): a
// complete plan from a test case, changed where a scenario says so, and the
// Kurskennung of the answer.
func (w *world) registerKursplanungErfassenSteps(sc steps) {
	const kursplanung = `eine vollständige Kursplanung(?: der Kursart "(\d{2})")? aus Testfall "([^"]*)" mit Kursbeginn ` + termin
	sc.Step(sc.re(`^`+kursplanung+`$`), w.planungVorbereiten)
	sc.Step(sc.re(`^ich habe `+kursplanung+` erfasst$`), w.planungErfasst)
	sc.Step(sc.re(`^ein anderer Kursträger hat `+kursplanung+` erfasst$`), w.andererHatErfasst)
	sc.Step(sc.re(`^die Kursplanung nennt zusätzlich `+personAus+`$`), w.zusaetzlichGeplant)
	sc.Step(sc.re(`^alle Teilnehmenden der Kursplanung steigen erst im Kursabschnitt "([^"]*)" ein$`), w.spaeterEinsteigen)
	sc.Step(sc.re(`^das Feld "([^"]*)" liegt (\d+) Tage? vor dem Kursbeginn$`), w.feldVorKursbeginn)
	sc.Step(sc.re(`^ich die Kursplanung erfasse$`), w.kursplanungErfassen)
	sc.Step(sc.re(`^ich habe diese Kursplanung erfasst$`), w.dieseErfasst)
	sc.Step(sc.re(`^die Antwort enthält eine neue Kurskennung$`), w.neueKurskennung)
	sc.Step(sc.re(`^die Antwort enthält keine Kurskennung$`), w.keineKurskennung)
}

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
	return fall.Kursplanung(kursart, beginn)
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

// zusaetzlichGeplant adds a person to the prepared Kursplanung.
func (w *world) zusaetzlichGeplant(name, fallID string) error {
	req, err := prepared[*inge.KursplanungErfassenAnfrage](w, "keine Kursplanung")
	if err != nil {
		return err
	}
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	k := &req.Kursplanung
	k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: p.Ident()})
	if k.TnrKursMax != nil && *k.TnrKursMax < len(k.Teilnehmer) {
		k.TnrKursMax = new(len(k.Teilnehmer))
	}
	return nil
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

func (w *world) feldVorKursbeginn(path string, days int) error {
	req, err := prepared[*inge.KursplanungErfassenAnfrage](w, "keine Kursplanung")
	if err != nil {
		return err
	}
	beginn, err := req.Kursplanung.Kursbeginn.Time()
	if err != nil {
		return err
	}
	return inge.SetField(req, path, string(inge.DatumOf(beginn.AddDate(0, 0, -days))))
}

// kursplanungErfassen sends the prepared plan. The scenario's course is
// the one the answer names, also after a Rollback, whose Kurskennung the
// mock does not keep.
func (w *world) kursplanungErfassen(ctx context.Context) error {
	req, err := prepared[*inge.KursplanungErfassenAnfrage](w, "keine Kursplanung")
	if err != nil {
		return err
	}
	err = w.send(ctx, req, func() error { return w.kurs.neu(req.Kursplanung) })
	if r, ok := w.response.(*inge.KursplanungErfassenAntwort); ok && r.Kurskennung != "" {
		w.kurs.kennung = r.Kurskennung
	}
	return err
}

// dieseErfasst sends the prepared plan and requires it to be stored.
func (w *world) dieseErfasst(ctx context.Context) error {
	if err := w.mustStore(ctx, w.kursplanungErfassen); err != nil {
		return err
	}
	return w.neueKurskennung()
}

var kurskennungRE = regexp.MustCompile(`^K\d{9}$`)

func (w *world) neueKurskennung() error {
	r, err := answerOf[*inge.KursplanungErfassenAntwort](w)
	if err != nil {
		return err
	}
	if !kurskennungRE.MatchString(r.Kurskennung) {
		return fmt.Errorf("erwartet eine Kurskennung K und neun Ziffern, erhalten %q (Status %s, Meldungen: %s)", r.Kurskennung, r.Status, describe(r.List()))
	}
	w.kurs.kennung = r.Kurskennung
	return nil
}

func (w *world) keineKurskennung() error {
	r, err := answerOf[*inge.KursplanungErfassenAntwort](w)
	if err != nil {
		return err
	}
	if r.Kurskennung != "" {
		return fmt.Errorf("erwartet keine Kurskennung, erhalten %s", r.Kurskennung)
	}
	return nil
}

// nextMonday returns t if it is a Monday, else the Monday after it.
func nextMonday(t time.Time) time.Time {
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}
