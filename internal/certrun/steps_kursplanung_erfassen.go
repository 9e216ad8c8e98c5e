package certrun

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// The steps of KursplanungErfassen (kursplanung_erfassen.feature): a
// complete plan from a test case, changed where a scenario says so, and the
// Kurskennung of the answer.
func (w *world) registerKursplanungErfassenSteps(sc *godog.ScenarioContext) {
	const kursplanung = `eine vollständige Kursplanung(?: der Kursart "(\d{2})")? aus Testfall "([^"]*)" mit Kursbeginn ` + termin
	sc.Step(`^`+kursplanung+`$`, w.planungVorbereiten)
	sc.Step(`^ich habe `+kursplanung+` erfasst$`, w.planungErfasst)
	sc.Step(`^ein anderer Kursträger hat `+kursplanung+` erfasst$`, w.andererHatErfasst)
	sc.Step(`^die Kursplanung nennt zusätzlich `+personAus+`$`, w.zusaetzlichGeplant)
	sc.Step(`^alle Teilnehmenden der Kursplanung steigen erst im Kursabschnitt "([^"]*)" ein$`, w.spaeterEinsteigen)
	sc.Step(`^das Feld "([^"]*)" liegt (\d+) Tage? vor dem Kursbeginn$`, w.feldVorKursbeginn)
	sc.Step(`^ich die Kursplanung erfasse$`, w.kursplanungErfassen)
	sc.Step(`^ich habe diese Kursplanung erfasst$`, w.dieseErfasst)
	sc.Step(`^die Antwort enthält eine neue Kurskennung$`, w.neueKurskennung)
	sc.Step(`^die Antwort enthält keine Kurskennung$`, w.keineKurskennung)
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
	k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: ident(*p)})
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

// ueProWoche is the teaching load of a planned week: a section of 100 UE
// takes four weeks.
const ueProWoche = 25

// vollstaendigeKursplanung builds a complete, valid plan of a course of the
// Kursart from a test case: every section of the Kursart in order, each at
// 25 UE a week from Monday to Friday (four weeks for 100 UE), at the case's
// first Kursort, with all its Lehrkraefte and all its persons from the
// first section on.
func vollstaendigeKursplanung(fall *testdaten.Fall, kursart string, beginn time.Time) (inge.Kursplanung, error) {
	struktur, ok := inge.KursstrukturOf(kursart)
	if !ok {
		return inge.Kursplanung{}, fmt.Errorf("Kursart %q hat keine Kursstruktur", kursart)
	}
	if len(fall.Kursorte) == 0 || len(fall.Personen) == 0 {
		return inge.Kursplanung{}, fmt.Errorf("Testfall %s hat keinen Kursort oder keine Personen", fall.ID)
	}
	ort := fall.Kursorte[0]
	k := inge.Kursplanung{
		Kursart:             kursart,
		BeginnKursabschnitt: struktur.Abschnitte[0],
		Kursbeginn:          inge.DatumOf(beginn),
		Kursort:             ort.Kennung,
		Wochenstunden:       new(ueProWoche),
		TnrKursMax:          new(max(20, len(fall.Personen))),
		Zusatzangaben:       &inge.Zusatzangaben{Barrierefreiheit: new(ort.Barrierefrei), Kinderbeaufsichtigung: new(false)},
	}
	start := beginn
	for _, a := range struktur.Abschnitte {
		ue := struktur.UE
		if a == "OK" {
			ue = struktur.UEOrientierung
		}
		wochen := max(1, (ue+ueProWoche-1)/ueProWoche)
		ende := start.AddDate(0, 0, 7*wochen-3) // the Friday of the last week
		k.Abschnitt = append(k.Abschnitt, inge.GeplanterAbschnitt{
			Kursabschnitt: a, Beginn: inge.DatumOf(start), Ende: inge.DatumOf(ende), Kursort: ort.Kennung,
		})
		k.Kursende = inge.DatumOf(ende)
		start = start.AddDate(0, 0, 7*wochen)
	}
	for _, tag := range []inge.Wochentag{"Mo", "Di", "Mi", "Do", "Fr"} {
		k.Unterrichtszeit = append(k.Unterrichtszeit, inge.Unterrichtszeit{
			Wochentag: tag, Beginn: "08:30", Ende: "12:45", PauseBeginn: "10:00", PauseEnde: "10:15", Unterrichtseinheiten: new(5),
		})
	}
	for _, p := range fall.Personen {
		k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: ident(p)})
	}
	for _, l := range fall.Lehrkraefte {
		k.Lehrkraft = append(k.Lehrkraft, inge.Lehrkraft{Lehrkraftkennung: l.Kennung, Familienname: l.Familienname, Vorname: l.Vorname})
	}
	return k, nil
}

// nextMonday returns t if it is a Monday, else the Monday after it.
func nextMonday(t time.Time) time.Time {
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}
