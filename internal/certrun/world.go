package certrun

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// world is the state of one scenario. godog calls initScenario once per
// scenario, so every scenario has its own world and steps bind to it.
type world struct {
	r       *runner
	client  *inge.Client // "ich"
	mandant string       // Mandant written into the requests

	request  inge.Request  // being built by Angenommen steps
	response inge.Response // last answer, nil after a Fault
	fault    *soap.Fault   // last Fault, nil after an answer
	raw      []byte        // last response envelope as received

	kurskennung string   // the course the scenario talks about
	lauf        kurslauf // what the scenario knows of its course (steps_kurslauf.go)

	uhrGestellt bool      // the scenario set the clock; reset it afterwards
	heute       time.Time // the day on the clock, if the scenario set it
}

func (r *runner) initScenario(sc *godog.ScenarioContext) {
	w := &world{r: r}
	w.login(r.cfg.Ich, wsse.PasswordDigest)
	sc.After(func(ctx context.Context, s *godog.Scenario, err error) (context.Context, error) {
		// Reset the clock even if the scenario was canceled.
		resetErr := w.resetUhr(context.WithoutCancel(ctx))
		r.record(s.Name, errors.Join(err, resetErr))
		return ctx, resetErr
	})
	w.registerAuthSteps(sc)
	w.registerUhrSteps(sc)
	w.registerKursSteps(sc)
	w.registerKurslaufSteps(sc)
	w.registerLidSteps(sc)
	w.registerTeilnehmerSteps(sc)
	w.registerAntwortSteps(sc)
}

// login makes the scenario's client act as account.
func (w *world) login(a Account, mode wsse.PasswordMode) {
	w.client = w.newClient(a, mode)
	w.mandant = a.Traegernummer
}

func (w *world) newClient(a Account, mode wsse.PasswordMode) *inge.Client {
	return &inge.Client{
		Endpoint:    w.r.cfg.Endpoint,
		HTTPClient:  w.r.cfg.HTTPClient,
		Credentials: &inge.Credentials{Username: a.Benutzer, Password: a.Passwort, Mode: mode},
		Observe:     func(ex inge.Exchange) { w.raw = ex.Response },
	}
}

// send sends req with the scenario's client and keeps the answer or Fault.
// Transport errors fail the step.
func (w *world) send(ctx context.Context, req inge.Request) error {
	return w.sendWith(ctx, w.client, req)
}

func (w *world) sendWith(ctx context.Context, c *inge.Client, req inge.Request) error {
	p, ok := inge.ProcedureOf(req)
	if !ok {
		return fmt.Errorf("%T is not a request", req)
	}
	w.response, w.fault, w.raw = nil, nil, nil
	resp := p.NewResponse()
	err := c.Call(ctx, req, resp)
	var f *soap.Fault
	switch {
	case errors.As(err, &f):
		w.fault = f
	case err != nil:
		return err
	default:
		w.response = resp
	}
	return nil
}

// answer returns the last response, or an error naming the Fault instead.
func (w *world) answer() (inge.Response, error) {
	if w.fault != nil {
		return nil, fmt.Errorf("erwartet eine Antwort, erhalten Fault %s: %s", faultCode(w.fault), w.fault.String)
	}
	if w.response == nil {
		return nil, errors.New("es wurde noch keine Anfrage gesendet")
	}
	return w.response, nil
}

func faultCode(f *soap.Fault) string {
	if f.Detail == nil {
		return f.Code.Local
	}
	return f.Detail.Code
}

// fixedNonce returns a nonce source that always gives the same random nonce.
func fixedNonce() (func() ([]byte, error), error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return func() ([]byte, error) { return b, nil }, nil
}

// szenarioHeute is the day the scenario's relative dates count from: the day
// the scenario set its sandbox's clock to, else the real date. The clock is
// one for every Traeger of the sandbox.
func (w *world) szenarioHeute() time.Time {
	if !w.heute.IsZero() {
		return w.heute
	}
	return today()
}

// today is the real date.
func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
