package certrun

import (
	"context"
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

	// ich and anderer are the accounts of the scenario, sandbox the sandbox
	// whose clock it sets: its own (own is set) or the run's shared one.
	// Steps use these, never r.cfg.Ich, Anderer or Sandbox: those are the
	// run's defaults, which a scenario's own sandbox does not know.
	ich, anderer Account
	sandbox      string
	own          *scenarioSandbox

	rec *scenarioRecord // what the protocol shows; nil without a report

	// request is the request that "Angenommen eine ..." steps prepare and
	// change; it stays after it was sent. sent is the prepared request sent
	// last (see pending), onStored what sending it changed when the mock
	// stored it, and last the last request sent, queries included.
	request  inge.Request
	sent     inge.Request
	onStored func() error
	last     inge.Request

	response inge.Response // last answer, nil after a Fault
	fault    *soap.Fault   // last Fault, nil after an answer
	raw      []byte        // last response envelope as received

	// What the scenario knows of what it made, by family of procedures.
	kurs       kurslauf        // steps_kurslauf.go
	lid        lidStand        // steps_lid_lebenslauf.go
	teilnehmer teilnehmerStand // steps_person.go

	uhrGestellt bool      // the scenario set the clock; reset it afterwards
	heute       time.Time // the day on the clock, if the scenario set it
}

// initScenario binds a new world to the steps of one scenario. The steps
// of every procedure follow one pattern: "Angenommen eine ..." prepares a
// valid request, from the Testdatenpaket and what the scenario knows of
// what it made, which the steps of steps_anfrage.go change; "Wenn ich ..."
// sends the prepared request, or a valid one if none is prepared
// (pending); "Angenommen ich habe ..." sends a valid one and requires it
// to be stored (mustStore).
func (r *runner) initScenario(ctx *godog.ScenarioContext) {
	sc := steps{ScenarioContext: ctx, patterns: &r.patterns}
	w := &world{r: r, ich: r.cfg.Ich, anderer: r.cfg.Anderer, sandbox: r.cfg.Sandbox}
	w.login(w.ich, wsse.PasswordDigest)
	sc.Before(w.beforeScenario)
	sc.After(w.afterScenario)
	if r.reporting() {
		sc.StepContext().Before(w.beforeStep)
		sc.StepContext().After(w.afterStep)
	}
	// One file of steps per feature file, named like it, and four that
	// many features share: the clock, the request, the answer and the
	// person a participant request names.
	w.registerUhrSteps(sc)
	w.registerAnfrageSteps(sc)
	w.registerAntwortSteps(sc)
	w.registerPersonSteps(sc)
	w.registerAuthentifizierungSteps(sc)
	w.registerKursplanungErfassenSteps(sc)
	w.registerKursplanungAktualisierenSteps(sc)
	w.registerKursplanungStornierenSteps(sc)
	w.registerKursbeginnMeldenSteps(sc)
	w.registerKursabschnittsbeginnMeldenSteps(sc)
	w.registerKursabschnittAktualisierenSteps(sc)
	w.registerKursortaenderungMeldenSteps(sc)
	w.registerKursauskunftSteps(sc)
	w.registerLidPruefungErfassenSteps(sc)
	w.registerLidPruefungAktualisierenSteps(sc)
	w.registerLidPruefungStornierenSteps(sc)
	w.registerLidTeilnehmendeMeldenSteps(sc)
	w.registerLidPruefungAuskunftSteps(sc)
	w.registerLidLebenslaufSteps(sc)
	w.registerAnmeldungErstverfahrenSteps(sc)
	w.registerAnmeldungWiederholerverfahrenSteps(sc)
	w.registerSprachtestMeldenSteps(sc)
	w.registerTeilnehmerauskunftSteps(sc)
	w.registerTechnischeFehlerSteps(sc)
}

// beforeScenario gives the scenario its own sandbox, if the run has them,
// and starts its record.
func (w *world) beforeScenario(ctx context.Context, s *godog.Scenario) (context.Context, error) {
	if w.r.reporting() {
		w.rec = newScenarioRecord(s)
		w.r.addRecord(w.rec)
	}
	if w.r.sandboxes == nil {
		return ctx, nil
	}
	sb, err := w.r.sandboxes.next(ctx)
	if err != nil {
		return ctx, err
	}
	w.own = &sb
	w.ich, w.anderer, w.sandbox = sb.ich, sb.anderer, sb.name
	w.login(w.ich, wsse.PasswordDigest)
	if w.rec != nil {
		w.rec.sandbox = sb.name
	}
	return ctx, nil
}

// afterScenario removes the scenario's sandbox, or puts the clock of the
// shared one back to real time, also after a failure or a cancellation;
// then it counts the scenario.
func (w *world) afterScenario(ctx context.Context, s *godog.Scenario, err error) (context.Context, error) {
	var cleanupErr error
	if w.own != nil {
		cleanupErr = w.r.sandboxes.remove(ctx, *w.own)
		w.own = nil
	} else {
		cleanupErr = w.resetUhr(context.WithoutCancel(ctx))
	}
	if w.rec != nil {
		w.rec.finish(err, cleanupErr)
	}
	w.r.record(s.Uri+": "+s.Name, errors.Join(err, cleanupErr))
	return ctx, cleanupErr
}

// login makes the scenario's client act as account.
func (w *world) login(a Account, mode wsse.PasswordMode) {
	w.client = w.newClient(a, mode)
	w.mandant = a.Traegernummer
}

// newClient returns a client acting as a, which leaves every exchange in
// the scenario's record.
func (w *world) newClient(a Account, mode wsse.PasswordMode) *inge.Client {
	c := &inge.Client{
		Endpoint:    w.r.cfg.Endpoint,
		HTTPClient:  w.r.cfg.HTTPClient,
		Credentials: &inge.Credentials{Username: a.Benutzer, Password: a.Passwort, Mode: mode},
		Observe:     w.observe,
	}
	if p := w.r.cfg.Profil; p != nil {
		c.Dialect = p
	}
	return c
}

// action is the SOAPAction of a procedure in the contract the scenarios
// speak.
func (w *world) action(p *inge.Procedure) string {
	if prof := w.r.cfg.Profil; prof != nil {
		return prof.SOAPAction(p)
	}
	return p.Action()
}

// observe keeps the last response envelope for the steps that check it, as
// our contract writes it (through a profile, the answer read back), and the
// exchange, as it went over the wire, for the protocol.
func (w *world) observe(ex inge.Exchange) {
	w.raw = ex.Response
	if ex.Canonical != nil {
		w.raw = ex.Canonical
	}
	if w.rec != nil {
		w.rec.exchange(ex)
	}
}

// send sends req as "ich" and keeps the answer or Fault for the steps
// that check it. If the mock stored req (status verarbeitet), stored, if
// not nil, updates what the scenario knows. Sending the prepared request
// marks it sent (see pending) and keeps stored for sending it again
// ("dieselbe Anfrage ohne Rollback").
func (w *world) send(ctx context.Context, req inge.Request, stored func() error) error {
	if req == w.request {
		w.sent, w.onStored = req, stored
	}
	if err := w.sendWith(ctx, w.client, req); err != nil {
		return err
	}
	if stored != nil && w.response != nil && w.response.Base().Status == inge.StatusVerarbeitet {
		return stored()
	}
	return nil
}

// sendWith sends req with client c and keeps the answer or Fault. It is
// the one place in certrun that calls the InGe client, so that a change of
// the client's API touches only this function. A Fault is an answer the
// steps check; any other error (transport, an answer that cannot be read)
// fails the step.
func (w *world) sendWith(ctx context.Context, c *inge.Client, req inge.Request) error {
	p, err := inge.ProcedureOf(req)
	if err != nil {
		return fmt.Errorf("interner Fehler: %w", err)
	}
	w.response, w.fault, w.raw, w.last = nil, nil, nil, req
	resp := p.NewResponse()
	err = c.Call(ctx, p, req, resp)
	var f *soap.Fault
	switch {
	case errors.As(err, &f):
		w.fault = f
	case err != nil:
		return fmt.Errorf("%s: keine Antwort: %w", p.Name, err)
	default:
		w.response = resp
	}
	return nil
}

// prepared returns the prepared request if it is a T; keine says what is
// missing otherwise ("keine Kursplanung").
func prepared[T inge.Request](w *world, keine string) (T, error) {
	req, ok := w.request.(T)
	if !ok {
		return req, fmt.Errorf("es wurde %s vorbereitet", keine)
	}
	return req, nil
}

// prepare makes req, sent by the scenario's Mandant, the prepared request.
func (w *world) prepare(req inge.Request) {
	req.Base().Mandant.Traegernummer = w.mandant
	w.request = req
}

// pending returns the prepared request if it is a T that was not sent yet
// and fits (every fits returns true); otherwise it calls prepare, which
// makes a valid T the prepared request or says what is missing. So "Wenn
// ich ..." sends what "Angenommen eine ..." prepared and changed, or a
// valid request if nothing was prepared.
func pending[T inge.Request](w *world, prepare func() error, fits ...func(T) bool) (T, error) {
	if req, ok := w.request.(T); ok && w.request != w.sent && allFit(req, fits) {
		return req, nil
	}
	var zero T
	if err := prepare(); err != nil {
		return zero, err
	}
	req, ok := w.request.(T)
	if !ok {
		return zero, errors.New("interner Fehler: der Schritt hat eine andere Anfrage vorbereitet, als er sendet")
	}
	return req, nil
}

func allFit[T any](v T, fits []func(T) bool) bool {
	for _, f := range fits {
		if !f(v) {
			return false
		}
	}
	return true
}

// mustStore runs a sending step and requires the mock to have stored the
// request: "Angenommen ich habe ..." arranges what a scenario tests, it
// does not test it.
func (w *world) mustStore(ctx context.Context, send func(context.Context) error) error {
	if err := send(ctx); err != nil {
		return err
	}
	return w.status(string(inge.StatusVerarbeitet))
}

// answer returns the last response, or an error naming the Fault instead.
func (w *world) answer() (inge.Response, error) {
	if w.fault != nil {
		return nil, fmt.Errorf("erwartet eine Antwort, erhalten Fault %s: %s", inge.FaultCode(w.fault), w.fault.String)
	}
	if w.response == nil {
		return nil, errors.New("es wurde noch keine Anfrage gesendet")
	}
	return w.response, nil
}

// answerOf returns the last response if it answers the procedure whose
// answer T is, as the step that checks it expects.
func answerOf[T inge.Response](w *world) (T, error) {
	resp, err := w.answer()
	if err != nil {
		var zero T
		return zero, err
	}
	r, ok := resp.(T)
	if !ok {
		return r, fmt.Errorf("die letzte Antwort gehört zu einem anderen Verfahren als dem, das der Schritt prüft (Status %s, Meldungen: %s)", resp.Base().Status, describe(resp.Base().List()))
	}
	return r, nil
}
