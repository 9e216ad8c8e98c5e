package certrun

import (
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// scenarioRecord is what the protocol shows of one scenario: its steps, each
// with the SOAP exchanges it made. The steps of a scenario run one after
// another in one goroutine, and the hooks that fill the record run in it
// too, so a record needs no lock; the runner reads the records only after
// godog has finished every scenario.
type scenarioRecord struct {
	pickleID string // godog's pickle ID: a number, in the order of the feature file
	uri      string // feature file
	name     string
	tags     []string
	sandbox  string // the scenario's own sandbox; "" when it shared one

	started  time.Time
	duration time.Duration
	steps    []*stepRecord
	current  *stepRecord // the step running; nil between steps

	failed     bool
	cleanupErr string // removing the sandbox or resetting the clock failed
}

// stepRecord is one step as it ran.
type stepRecord struct {
	id        string // godog's pickle step ID
	text      string // without the keyword (the keyword is in cucumber.json)
	table     [][]string
	docString string

	ran       bool // false for the pseudo step of exchanges outside a step
	status    godog.StepResultStatus
	err       string
	started   time.Time
	duration  time.Duration
	exchanges []exchangeRecord
}

// exchangeRecord is one SOAP round trip, with every password masked.
type exchangeRecord struct {
	procedure  string
	request    []byte
	response   []byte
	httpStatus int
	started    time.Time
	duration   time.Duration
	outcome    outcome
	detail     string // the Fault code, or the error
}

// outcome sorts an exchange for the summary per procedure.
type outcome int

const (
	outcomeVerarbeitet outcome = iota // the Status of the answer
	outcomeGeprueft
	outcomeAbgelehnt
	outcomeAngenommen
	outcomeOtherStatus // an answer with a Status the contract does not name
	outcomeFault       // a SOAP Fault
	outcomeError       // no answer, or one that could not be read
)

func newScenarioRecord(s *godog.Scenario) *scenarioRecord {
	rec := &scenarioRecord{pickleID: s.Id, uri: s.Uri, name: s.Name, started: time.Now()}
	for _, t := range s.Tags {
		rec.tags = append(rec.tags, t.Name)
	}
	return rec
}

// finish closes the record after the scenario: err is the scenario's
// error, cleanupErr that of removing its sandbox or resetting the clock.
func (rec *scenarioRecord) finish(err, cleanupErr error) {
	rec.duration = time.Since(rec.started)
	rec.failed = err != nil || cleanupErr != nil
	if cleanupErr != nil {
		rec.cleanupErr = cleanupErr.Error()
	}
}

func (w *world) beforeStep(ctx context.Context, st *godog.Step) (context.Context, error) {
	if w.rec != nil {
		w.rec.beginStep(st)
	}
	return ctx, nil
}

func (w *world) afterStep(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
	if w.rec != nil {
		w.rec.endStep(st, status, err)
	}
	return ctx, nil
}

func (rec *scenarioRecord) beginStep(st *godog.Step) {
	s := &stepRecord{id: st.Id, text: st.Text, ran: true, started: time.Now()}
	if arg := st.Argument; arg != nil {
		if arg.DocString != nil {
			s.docString = arg.DocString.Content
		}
		if arg.DataTable != nil {
			for _, row := range arg.DataTable.Rows {
				cells := make([]string, len(row.Cells))
				for i, c := range row.Cells {
					cells[i] = c.Value
				}
				s.table = append(s.table, cells)
			}
		}
	}
	rec.steps = append(rec.steps, s)
	rec.current = s
}

func (rec *scenarioRecord) endStep(st *godog.Step, status godog.StepResultStatus, err error) {
	s := rec.current
	if s == nil || s.id != st.Id {
		return // a step whose Before hook did not run; nothing to close
	}
	s.duration = time.Since(s.started)
	s.status = status
	if err != nil {
		s.err = err.Error()
	}
	rec.current = nil
}

// exchange adds a SOAP round trip to the running step, with the passwords
// masked at once, so that no password is ever kept for the protocol.
func (rec *scenarioRecord) exchange(ex inge.Exchange) {
	e := exchangeRecord{
		procedure:  ex.Procedure,
		request:    wsse.MaskSecrets(ex.Request),
		response:   wsse.MaskSecrets(ex.Response),
		httpStatus: ex.HTTPStatus,
		started:    ex.Started,
		duration:   ex.Duration,
	}
	var f *soap.Fault
	switch {
	case errors.As(ex.Err, &f):
		// A Fault without detail, which the mock never sends, is named
		// by its faultcode.
		e.outcome, e.detail = outcomeFault, cmp.Or(inge.FaultCode(f), f.Code.Local)
	case ex.Err != nil:
		e.outcome, e.detail = outcomeError, ex.Err.Error()
	default:
		e.outcome, e.detail = statusOutcome(answerStatus(ex.Response))
	}
	s := rec.current
	if s == nil {
		// Sent from a hook rather than a step: keep it in a step of its own.
		s = &stepRecord{text: "(außerhalb eines Schritts)", started: ex.Started}
		rec.steps = append(rec.steps, s)
	}
	s.exchanges = append(s.exchanges, e)
}

// statusOutcome sorts the Status of an answer.
func statusOutcome(status string) (outcome, string) {
	switch inge.Status(status) {
	case inge.StatusVerarbeitet:
		return outcomeVerarbeitet, status
	case inge.StatusGeprueft:
		return outcomeGeprueft, status
	case inge.StatusAbgelehnt:
		return outcomeAbgelehnt, status
	case inge.StatusAngenommen:
		return outcomeAngenommen, status
	}
	return outcomeOtherStatus, status
}

// answerStatus returns the Status of an answer envelope: the element Status
// right inside the answer element in the Body. It returns "" when there is
// none.
func answerStatus(envelope []byte) string {
	d := xml.NewDecoder(bytes.NewReader(envelope))
	var path []string // local names of the open elements
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			if len(path) == 4 && path[1] == "Body" && t.Name.Local == "Status" {
				var s string
				if d.DecodeElement(&s, &t) != nil {
					return ""
				}
				return strings.TrimSpace(s)
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
}
