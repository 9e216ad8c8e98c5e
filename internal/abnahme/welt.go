package abnahme

import (
	"context"
	"fmt"
	"strings"

	"github.com/cucumber/godog"
	messages "github.com/cucumber/messages/go/v21"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// pass is which of a run's passes a scenario runs in.
type pass int

const (
	// passVorbereitung prepares what the cases presuppose.
	passVorbereitung pass = iota
	// passAufgaben only works out the tasks, for a product's own suite.
	passAufgaben
	// passPruefung performs (with a Bediener) and judges the cases.
	passPruefung
)

// FallErgebnis is the outcome of one test case, with what the protocol
// shows of it.
type FallErgebnis struct {
	Info        FallInfo
	Urteil      Urteil
	Vorbereitet []string
	Aufgaben    []*Aufgabe
	Schritte    []Schritt
	Befunde     []Befund
	Fragen      []Befragung
	// Anfragen are the journal entries of the case's requests, by the
	// product, in order; with the preparation's.
	Anfragen []*eingang
}

// Schritt is a step of a case as it ran.
type Schritt struct {
	Schluesselwort string // Angenommen, Wenn, Dann, Und
	Text           string
	Zeile          int
	// Status is bestanden, nicht bestanden, offen (a question nobody
	// answered), übersprungen, vorbereitet (a precondition) or nicht
	// geprüft (nothing arrived to check).
	Status  string
	Befunde []Befund
}

// Befragung is a question and the operator's answer.
type Befragung struct {
	Frage   Frage
	Antwort Antwort
}

// welt is the state of one scenario, that is one test case, in one pass.
type welt struct {
	l    *lauf
	pass pass
	info FallInfo
	fall *testdaten.Fall
	erg  *FallErgebnis

	bezug map[string]string // <Kurskennung> … as the preparation and answers have them
	plan  *inge.Kursplanung // the course the case prepared
	// cursor counts, per operation and Traeger, the preparation's requests
	// of the case found so far, so that each precondition step finds its
	// own in the journal.
	cursor   map[string]int
	aufgaben []*Aufgabe
	phasen   []*phase
	hinweise []string // for the next task

	// nichtVorbereitet marks a case whose preparation the evaluated
	// sandbox lacks: it was prepared for other cases.
	nichtVorbereitet bool

	schritt *Schritt // the step running
	kind    messages.PickleStepType
}

func (w *welt) register(sc *godog.ScenarioContext) {
	sc.Before(w.vorher)
	sc.After(w.nachher)
	sc.StepContext().Before(w.schrittVorher)
	sc.StepContext().After(w.schrittNachher)
	w.registerVorbedingungen(sc)
	w.registerAufgaben(sc)
	w.registerErwartungen(sc)
}

func (w *welt) vorher(ctx context.Context, sc *godog.Scenario) (context.Context, error) {
	info, ok := w.l.fallDes(sc)
	if !ok {
		return ctx, fmt.Errorf("das Szenario %q ist kein Testfall des Testfallhefts", sc.Name)
	}
	w.info = info
	w.fall, _ = w.l.paket.Fall(info.ID)
	w.erg = &FallErgebnis{Info: info}
	w.bezug = map[string]string{}
	w.cursor = map[string]int{}
	if w.pass != passVorbereitung { // what the preparation made is in the journal
		if err := w.l.lies(ctx); err != nil {
			return ctx, err
		}
	}
	return ctx, nil
}

func (w *welt) nachher(ctx context.Context, sc *godog.Scenario, err error) (context.Context, error) {
	if err != nil {
		w.l.fehlerIn(w.info.ID, err)
		return ctx, nil
	}
	switch w.pass {
	case passAufgaben:
		for _, a := range w.aufgaben {
			w.l.ergebnis.Aufgaben = append(w.l.ergebnis.Aufgaben, *a)
		}
	case passPruefung:
		if err := w.abschliessen(ctx); err != nil {
			w.l.fehlerIn(w.info.ID, err)
		}
	}
	return ctx, nil
}

// abschliessen judges what is left after the last task, finds the verdict
// and tells it.
func (w *welt) abschliessen(ctx context.Context) error {
	if w.nichtVorbereitet {
		w.erg.Urteil = NichtVorbereitet
		w.l.ergebnis.Faelle = append(w.l.ergebnis.Faelle, w.erg)
		return nil
	}
	if w.l.cfg.Modus == Interaktiv && len(w.aufgaben) > 0 && !w.uebersprungen() {
		// Anything sent once more after the last task would count.
		if err := w.l.warteNachlauf(ctx); err != nil {
			return err
		}
	}
	es := w.l.zuo.des(w.info.ID)
	_, rest := teile(es, w.aufgaben)
	w.erg.Befunde = append(w.erg.Befunde, pruefeRest(w.info.ID, rest)...)
	w.erg.Befunde = append(w.erg.Befunde, pruefeFremdeDaten(w.info.ID, es)...)
	w.erg.Anfragen = es
	w.erg.Aufgaben = w.aufgaben
	w.erg.Urteil = w.urteil()
	w.l.ergebnis.Faelle = append(w.l.ergebnis.Faelle, w.erg)
	if b := w.l.cfg.Bediener; b != nil {
		b.Melde(fmt.Sprintf("%s %s: %s", w.info.ID, w.info.Titel, w.erg.Urteil))
		for _, f := range w.erg.AlleBefunde() {
			b.Melde("  " + f.String())
		}
	}
	return nil
}

func (w *welt) uebersprungen() bool {
	for _, s := range w.erg.Schritte {
		if s.Status == statusUebersprungen {
			return true
		}
	}
	return false
}

// urteil: a finding fails the case; else a skipped task skips it, an open
// question leaves it to a person.
func (w *welt) urteil() Urteil {
	if len(w.erg.Befunde) > 0 {
		return NichtBestanden
	}
	for _, s := range w.erg.Schritte {
		if len(s.Befunde) > 0 {
			return NichtBestanden
		}
	}
	if w.uebersprungen() {
		return Uebersprungen
	}
	for _, f := range w.erg.Fragen {
		if f.Antwort == Offen {
			return Manuell
		}
	}
	return Bestanden
}

// The statuses of a Schritt.
const (
	statusBestanden     = "bestanden"
	statusFehler        = "nicht bestanden"
	statusOffen         = "offen"
	statusUebersprungen = "übersprungen"
	statusVorbereitet   = "vorbereitet"
	statusUngeprueft    = "nicht geprüft"
)

func (w *welt) schrittVorher(ctx context.Context, st *godog.Step) (context.Context, error) {
	kw := map[messages.PickleStepType]string{messages.PickleStepType_CONTEXT: "Angenommen", messages.PickleStepType_ACTION: "Wenn", messages.PickleStepType_OUTCOME: "Dann"}[st.Type]
	if st.Type == w.kind && len(w.erg.Schritte) > 0 || kw == "" {
		kw = "Und"
	}
	w.kind = st.Type
	w.erg.Schritte = append(w.erg.Schritte, Schritt{Schluesselwort: kw, Text: stepText(st), Status: statusBestanden})
	w.schritt = &w.erg.Schritte[len(w.erg.Schritte)-1]
	return ctx, nil
}

func (w *welt) schrittNachher(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
	if err != nil {
		w.schritt.Status = statusFehler
		w.l.fehlerIn(w.info.ID, fmt.Errorf("Schritt %q: %w", st.Text, err))
	}
	return ctx, nil
}

// stepText is a step with its table, as the protocol shows it.
func stepText(st *godog.Step) string {
	s := st.Text
	if st.Argument != nil && st.Argument.DataTable != nil {
		for _, row := range st.Argument.DataTable.Rows {
			var cells []string
			for _, c := range row.Cells {
				cells = append(cells, c.Value)
			}
			s += "\n| " + strings.Join(cells, " | ") + " |"
		}
	}
	return s
}

// befund records a failed check at the step running.
func (w *welt) befund(b ...Befund) {
	if len(b) == 0 {
		return
	}
	w.schritt.Befunde = append(w.schritt.Befunde, b...)
	w.schritt.Status = statusFehler
}

// kontext is what the rows of the case's tasks may refer to.
func (w *welt) kontext() kontext {
	return kontext{fall: w.fall, paket: w.l.paket, bezug: w.bezug, plan: w.plan}
}

// aktuell is the phase of the latest task, or nil.
func (w *welt) aktuell() *phase {
	if len(w.phasen) == 0 {
		return nil
	}
	return w.phasen[len(w.phasen)-1]
}
