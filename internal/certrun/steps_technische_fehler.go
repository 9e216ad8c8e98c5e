package certrun

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
)

// maxRohAntwort bounds what a raw request reads of its answer.
const maxRohAntwort = 16 << 20

// The steps of technische_fehler.feature: requests broken on the wire (the
// envelope of a valid Kursauskunft, changed before it is sent), the faults
// the admin API injects into the scenario's sandbox (Störungen: InGe
// unavailable, failing calls, a delay), several requests at once, and the
// journal's outcome of a request accepted while InGe was unavailable.
func (w *world) registerTechnischeFehlerSteps(sc steps) {
	t := &technik{w: w}
	sc.Step(sc.re(`^ich die Kursauskunft zur Kurskennung "([^"]*)" so sende, dass (.+)$`), t.fehlerhaftSenden)
	sc.Step(sc.re(`^ich die Kursauskunft zur Kurskennung "([^"]*)" als SOAP-Nachricht sende$`), t.rohSenden)
	sc.Step(sc.re(`^ich (\d+) Kursauskünfte zur Kurskennung "([^"]*)" zugleich anfordere$`), t.zugleich)
	sc.Step(sc.re(`^der HTTP-Status der Antwort ist (\d+)$`), t.httpStatus)
	sc.Step(sc.re(`^antwortet der Dienst auf (\d+) davon mit dem Fault "([^"]*)" und auf die übrigen mit dem Status "([^"]*)"$`), t.davon)
	sc.Step(sc.re(`^InGe (?:ist nicht verfügbar|nicht verfügbar ist)$`), func(ctx context.Context) error { return t.stoerung(ctx, mockadmin.Stoerungen{Ausfall: true}) })
	sc.Step(sc.re(`^InGe (?:ist wieder verfügbar|wieder verfügbar ist)$`), t.keineStoerung)
	sc.Step(sc.re(`^die nächste Anfrage scheitert mit einem Serverfehler$`), func(ctx context.Context) error {
		return t.stoerung(ctx, mockadmin.Stoerungen{NaechsteFehlschlagen: 1})
	})
	sc.Step(sc.re(`^jede Antwort verzögert sich um (\d+) Sekunden?$`), func(ctx context.Context, s int) error {
		return t.stoerung(ctx, mockadmin.Stoerungen{Latenz: (time.Duration(s) * time.Second).String()})
	})
	sc.Step(sc.re(`^zeigt das Journal die angenommene Meldung als "([^"]*)"$`), t.journalZeigt)
	sc.Step(sc.re(`^die Anfrage ist als asynchron markiert$`), t.asynchron)
	sc.After(t.afterScenario)
}

// technik is what the steps of technische_fehler.feature know of one
// scenario, besides the world: the HTTP status of the last raw request, the
// outcomes of requests sent at once, and the sandbox whose faults it set.
type technik struct {
	w            *world
	status       int // HTTP status of the last raw request; 0 before one
	gleichzeitig []rohErgebnis
	stoerungIn   string // the shared sandbox whose faults the scenario set; "" if none
}

// rohAnfrage is a request as it goes over the wire.
type rohAnfrage struct {
	p           *inge.Procedure
	body        []byte
	contentType string
	soapAction  *string // nil: no SOAPAction header
	encoding    string  // Content-Encoding; "" sends none
}

// rohErgebnis is what one raw request brought back.
type rohErgebnis struct {
	ex       inge.Exchange
	response inge.Response // nil after a Fault
	fault    *soap.Fault   // nil after an answer
}

// envelope returns the SOAP message of a valid Kursauskunft, as the
// scenario's client would send it, in the contract the scenarios speak: its
// Mandant and its UsernameToken, or none after "ich sende ohne
// WS-Security-Header".
func (t *technik) envelope(kennung string) (*rohAnfrage, error) {
	req := &inge.KursauskunftAnfrage{Kurskennung: kennung}
	req.Mandant.Traegernummer = t.w.mandant
	p := inge.Kursauskunft.Procedure()
	body, action, err := t.w.client.Envelope(p, req)
	if err != nil {
		return nil, fmt.Errorf("Envelope: %w", err)
	}
	action = `"` + action + `"`
	return &rohAnfrage{p: p, body: body, contentType: "text/xml; charset=utf-8", soapAction: &action}, nil
}

// The parts of the envelope that the changes below rely on, as soap.Encode
// writes them. The request element is named by the contract the scenarios
// speak (operation below).
const (
	soap12NS    = "http://www.w3.org/2003/05/soap-envelope"
	headerStart = "<soapenv:Header>"
	headerEnd   = "</soapenv:Header>"
	bodyStart   = "<soapenv:Body>"
	bodyEnd     = "</soapenv:Body>"
)

// operation returns the name of the request element in an envelope.
func operation(env string) string {
	_, rest, _ := strings.Cut(env, bodyStart+"<")
	name, _, _ := strings.Cut(rest, " ")
	name, _, _ = strings.Cut(name, ">")
	return name
}

var passwordRE = regexp.MustCompile(`<wsse:Password[ >].*?</wsse:Password>`)

// verderben changes a valid request the way a phrase of the feature says.
// Each change breaks one thing only, so that its Fault is the answer.
// andereAction is the SOAPAction of another procedure.
func verderben(r *rohAnfrage, wie, andereAction string) error {
	env := string(r.body)
	opStart, opEnd := "<"+operation(env)+" ", "</"+operation(env)+">"
	must := func(part string) error {
		if !strings.Contains(env, part) {
			return fmt.Errorf("interner Fehler: das Envelope enthält %q nicht", part)
		}
		return nil
	}
	switch wie {
	case "das XML mitten im Element abbricht":
		env = env[:len(env)/2]
	case "die Wurzel kein SOAP-Envelope ist":
		if err := errors.Join(must(bodyStart), must(bodyEnd)); err != nil {
			return err
		}
		_, rest, _ := strings.Cut(env, bodyStart)
		inner, _, _ := strings.Cut(rest, bodyEnd)
		env = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + inner
	case "der Envelope einer von SOAP 1.2 ist":
		env = strings.ReplaceAll(env, soap.EnvelopeNS, soap12NS)
	case "sie eine DOCTYPE-Deklaration enthält":
		if err := must("?>"); err != nil {
			return err
		}
		env = strings.Replace(env, "?>", `?><!DOCTYPE soapenv:Envelope [<!ENTITY x "x">]>`, 1)
	case "sie tiefer verschachtelt ist als erlaubt":
		if err := must(headerStart); err != nil {
			return err
		}
		n := soap.DefaultMaxDepth + 6
		deep := `<x:Tief xmlns:x="urn:test">` + strings.Repeat("<x:e>", n) + strings.Repeat("</x:e>", n) + "</x:Tief>"
		env = strings.Replace(env, headerStart, headerStart+deep, 1)
	case "ein fremder Header mustUnderstand verlangt":
		if err := must(headerEnd); err != nil {
			return err
		}
		env = strings.Replace(env, headerEnd, `<t:Trace xmlns:t="urn:other" soapenv:mustUnderstand="1">x</t:Trace>`+headerEnd, 1)
	case "der SOAP-Body zwei Elemente enthält":
		if err := errors.Join(must(bodyStart), must(bodyEnd)); err != nil {
			return err
		}
		_, rest, _ := strings.Cut(env, bodyStart)
		inner, _, _ := strings.Cut(rest, bodyEnd)
		env = strings.Replace(env, bodyEnd, inner+bodyEnd, 1)
	case "sie eine unbekannte Operation nennt":
		if err := errors.Join(must(opStart), must(opEnd)); err != nil {
			return err
		}
		env = strings.Replace(env, opStart, "<KursLoeschen ", 1)
		env = strings.Replace(env, opEnd, "</KursLoeschen>", 1)
		empty := `""` // dispatch by the body element, as SOAP 1.1 allows
		r.soapAction = &empty
	case "die SOAPAction zu einem anderen Verfahren gehört":
		action := `"` + andereAction + `"`
		r.soapAction = &action
	case "der SOAPAction-Header fehlt":
		r.soapAction = nil
	case "der Content-Type text/plain ist":
		r.contentType = "text/plain; charset=utf-8"
	case "sie gzip-komprimiert ist":
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		_, _ = zw.Write([]byte(env))
		if err := zw.Close(); err != nil {
			return err
		}
		r.body, r.encoding = gz.Bytes(), "gzip"
		return nil
	case "dem UsernameToken das Passwort fehlt":
		if !passwordRE.MatchString(env) {
			return errors.New("die Anfrage hat kein Passwort, das fehlen könnte: der Schritt braucht eine Anmeldung")
		}
		env = passwordRE.ReplaceAllString(env, "")
	default:
		return fmt.Errorf("unbekannter Fehler %q; bekannt sind: das XML mitten im Element abbricht, die Wurzel kein SOAP-Envelope ist, der Envelope einer von SOAP 1.2 ist, sie eine DOCTYPE-Deklaration enthält, sie tiefer verschachtelt ist als erlaubt, ein fremder Header mustUnderstand verlangt, der SOAP-Body zwei Elemente enthält, sie eine unbekannte Operation nennt, die SOAPAction zu einem anderen Verfahren gehört, der SOAPAction-Header fehlt, der Content-Type text/plain ist, sie gzip-komprimiert ist, dem UsernameToken das Passwort fehlt", wie)
	}
	r.body = []byte(env)
	return nil
}

func (t *technik) fehlerhaftSenden(ctx context.Context, kennung, wie string) error {
	r, err := t.envelope(kennung)
	if err != nil {
		return err
	}
	if err := verderben(r, wie, t.w.action(inge.KursplanungErfassen.Procedure())); err != nil {
		return err
	}
	return t.senden(ctx, r)
}

func (t *technik) rohSenden(ctx context.Context, kennung string) error {
	r, err := t.envelope(kennung)
	if err != nil {
		return err
	}
	return t.senden(ctx, r)
}

// senden sends a raw request and keeps its answer or Fault for the steps
// that check them, as world.send does for a typed one.
func (t *technik) senden(ctx context.Context, r *rohAnfrage) error {
	res, err := t.roundTrip(ctx, r)
	if err != nil {
		return err
	}
	t.keep(res)
	return nil
}

// keep makes res the scenario's last answer.
func (t *technik) keep(res rohErgebnis) {
	t.w.observe(res.ex)
	t.w.response, t.w.fault = res.response, res.fault
	t.status = res.ex.HTTPStatus
}

// roundTrip sends r to the endpoint and reads the answer as the client
// would: an answer of r's procedure, or a Fault. Anything else fails the
// step.
func (t *technik) roundTrip(ctx context.Context, r *rohAnfrage) (rohErgebnis, error) {
	ex := inge.Exchange{Procedure: r.p.Name, Request: r.body, Started: time.Now()}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, t.w.r.cfg.Endpoint, bytes.NewReader(r.body))
	if err != nil {
		return rohErgebnis{}, fmt.Errorf("Anfrage: %w", err)
	}
	hreq.Header.Set("Content-Type", r.contentType)
	if r.encoding != "" {
		hreq.Header.Set("Content-Encoding", r.encoding)
	}
	if r.soapAction != nil {
		hreq.Header.Set("SOAPAction", *r.soapAction)
	}
	hc := t.w.r.cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: time.Minute}
	}
	resp, err := hc.Do(hreq)
	if err != nil {
		return rohErgebnis{}, fmt.Errorf("%s: keine Antwort: %w", r.p.Name, err)
	}
	defer resp.Body.Close()
	ex.HTTPStatus = resp.StatusCode
	if ex.Response, err = io.ReadAll(io.LimitReader(resp.Body, maxRohAntwort)); err != nil {
		return rohErgebnis{}, fmt.Errorf("%s: Antwort lesen: %w", r.p.Name, err)
	}
	ex.Duration = time.Since(ex.Started)
	res := rohErgebnis{}
	out := r.p.NewResponse()
	ex.Canonical, err = t.w.client.ReadResponse(r.p, ex.Response, out)
	switch {
	case errors.As(err, &res.fault):
		ex.Err = err
	case err != nil:
		return rohErgebnis{}, fmt.Errorf("%s: HTTP %d, keine SOAP-Antwort: %w", r.p.Name, resp.StatusCode, err)
	default:
		res.response = out
	}
	res.ex = ex
	return res, nil
}

// zugleich sends n valid Kursauskünfte at once, each with its own
// UsernameToken, and keeps every outcome; the last one is also the
// scenario's last answer.
func (t *technik) zugleich(ctx context.Context, n int, kennung string) error {
	if n < 2 {
		return fmt.Errorf("zugleich heißt mindestens 2 Anfragen, nicht %d", n)
	}
	reqs := make([]*rohAnfrage, n)
	for i := range reqs {
		r, err := t.envelope(kennung)
		if err != nil {
			return err
		}
		reqs[i] = r
	}
	results := make([]rohErgebnis, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i, r := range reqs {
		wg.Go(func() { results[i], errs[i] = t.roundTrip(ctx, r) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, res := range results { // one after another: the protocol is not safe for concurrent use
		t.keep(res)
	}
	t.gleichzeitig = results
	return nil
}

func (t *technik) httpStatus(want int) error {
	if t.status == 0 {
		return errors.New("der HTTP-Status ist nur nach einer Anfrage dieser Schritte bekannt (so sende, dass …; als SOAP-Nachricht sende)")
	}
	if t.status != want {
		return fmt.Errorf("HTTP-Status = %d; erwartet %d", t.status, want)
	}
	return nil
}

// davon checks the outcomes of requests sent at once: n of them got the
// Fault, every other one an answer with the status.
func (t *technik) davon(n int, code, status string) error {
	if len(t.gleichzeitig) == 0 {
		return errors.New("es wurden keine Anfragen zugleich gesendet")
	}
	var faults int
	var andere []string
	for _, res := range t.gleichzeitig {
		switch {
		case res.fault != nil && inge.FaultCode(res.fault) == code:
			faults++
		case res.fault != nil:
			andere = append(andere, "Fault "+inge.FaultCode(res.fault))
		case string(res.response.Base().Status) != status:
			andere = append(andere, "Status "+string(res.response.Base().Status))
		}
	}
	if faults != n || len(andere) > 0 {
		return fmt.Errorf("%d von %d Anfragen mit Fault %s (erwartet %d), unerwartet: %v", faults, len(t.gleichzeitig), code, n, andere)
	}
	return nil
}

// asynchron marks the prepared request as one that may wait while InGe is
// unavailable.
func (t *technik) asynchron() error {
	req, err := prepared[inge.Request](t.w, "keine Anfrage")
	if err != nil {
		return err
	}
	req.Base().Asynchron = true
	return nil
}

// stoerung injects faults into the scenario's sandbox; they replace the
// ones set before.
func (t *technik) stoerung(ctx context.Context, s mockadmin.Stoerungen) error {
	if err := t.w.r.admin.SetStoerungen(ctx, t.w.sandbox, s); err != nil {
		return err
	}
	if t.w.own == nil {
		t.stoerungIn = t.w.sandbox
	}
	return nil
}

// keineStoerung ends every fault of the scenario's sandbox; mockinge then
// applies the requests it accepted meanwhile, before it answers.
func (t *technik) keineStoerung(ctx context.Context) error {
	return t.w.r.admin.ClearStoerungen(ctx, t.w.sandbox)
}

// journalZeigt expects the journal of the scenario's sandbox to hold the
// outcome for the Vorgangsnummer of the last answer, e.g. "verarbeitet" for
// a request accepted during an outage once it was applied.
func (t *technik) journalZeigt(ctx context.Context, ergebnis string) error {
	resp, err := t.w.answer()
	if err != nil {
		return err
	}
	vorgang := resp.Base().Vorgangsnummer
	p, err := inge.ProcedureOf(t.w.last)
	if err != nil {
		return fmt.Errorf("interner Fehler: %w", err)
	}
	eintraege, err := t.w.r.admin.Journal(ctx, t.w.sandbox, mockadmin.JournalFilter{Operation: p.Name})
	if err != nil {
		return err
	}
	var gefunden []string
	for _, e := range eintraege {
		if e.Vorgangsnummer == vorgang {
			if e.Ergebnis == ergebnis {
				return nil
			}
			gefunden = append(gefunden, e.Ergebnis)
		}
	}
	return fmt.Errorf("das Journal zeigt den Vorgang %s mit %v; erwartet %q", vorgang, gefunden, ergebnis)
}

// afterScenario ends the faults the scenario set in a shared sandbox, so
// that the next scenario finds InGe available; a sandbox of the
// scenario's own is removed with its faults anyway.
func (t *technik) afterScenario(ctx context.Context, _ *godog.Scenario, err error) (context.Context, error) {
	if t.stoerungIn == "" {
		return ctx, nil
	}
	if cerr := t.w.r.admin.ClearStoerungen(context.WithoutCancel(ctx), t.stoerungIn); cerr != nil {
		return ctx, fmt.Errorf("Störungen zurücksetzen: %w", cerr)
	}
	t.stoerungIn = ""
	return ctx, nil
}
