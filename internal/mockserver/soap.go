package mockserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// exchange is what the journal and the log learn of one request.
type exchange struct {
	started   time.Time
	lease     *sandbox.Lease // the caller's hold on its sandbox; nil before authentication
	latency   time.Duration  // injected delay of the answer
	caller    mockstate.Caller
	operation string
	request   []byte
	response  []byte
	status    int
	ergebnis  string // status word or fault code
	vorgang   string
	// drain asks to apply the sandbox's queue once the answer is out: the
	// request used up a targeted outage that had accepted requests.
	drain bool
	// form is the contract profile of the caller's sandbox; nil for ours.
	form *profilForm
}

// release ends the request's hold on its sandbox, after its journal entry.
// It may be called more than once.
func (ex *exchange) release() {
	if ex.lease != nil {
		ex.lease.Release()
		ex.lease = nil
	}
}

// serveSOAP runs one request through the pipeline, in one direction:
// transport limits, envelope, SOAPAction, WS-Security (one lookup of the
// user, its Traeger and its sandbox), the strict check of the body against
// the XSD, the Mandant, the injected faults, the procedure's rules, then
// encoding, the journal and the answer. The first failing step answers
// with its Fault; nothing is stored then.
func (s *Server) serveSOAP(w http.ResponseWriter, r *http.Request) {
	ex := &exchange{started: time.Now()}
	defer ex.release()
	var resp inge.Response
	var fault *soap.Fault
	select {
	case s.inflight <- struct{}{}:
		defer func() { <-s.inflight }()
		resp, fault = s.handle(r, ex)
	default:
		fault = inge.NewFault(inge.Ueberlastet, "", "Max", strconv.Itoa(s.cfg.MaxConcurrent))
	}
	var buf bytes.Buffer
	if fault == nil {
		if err := soap.Encode(&buf, nil, resp); err != nil {
			s.log.Error("encode response", "operation", ex.operation, "err", err)
			buf.Reset()
			fault = inge.NewFault(inge.InternerFehler, "")
		} else {
			ex.status, ex.ergebnis, ex.vorgang = http.StatusOK, string(resp.Base().Status), resp.Base().Vorgangsnummer
		}
	}
	if fault != nil {
		ex.status, ex.ergebnis, ex.vorgang = inge.HTTPStatus(fault.Detail.Code), fault.Detail.Code, ""
		if err := soap.EncodeFault(&buf, *fault); err != nil {
			s.log.Error("encode fault", "err", err)
		}
	}
	ex.response = buf.Bytes()
	if ex.form != nil {
		s.answerInProfil(ex, resp, fault)
	}
	if ex.latency > 0 { // injected through the admin API
		select {
		case <-time.After(ex.latency):
		case <-r.Context().Done():
		}
	}
	// Journal before answering: once a client has its answer, the exchange
	// is in the journal, so a test may read it at once.
	s.journal(r.Context(), ex)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(ex.status)
	_, _ = w.Write(ex.response)
	if ex.drain {
		s.drainAfter(w, r, ex)
	}
}

// drainAfter applies what a targeted outage queued once the client has its
// answer: the request's hold on the sandbox is released first, since a
// drain waits for every request in the sandbox.
func (s *Server) drainAfter(w http.ResponseWriter, r *http.Request, ex *exchange) {
	sb := ex.lease.Sandbox
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	ex.release()
	if sb.Faults().Outage {
		return // applied when the outage ends
	}
	if _, err := s.Drain(context.WithoutCancel(r.Context()), sb); err != nil {
		s.log.Error("drain after targeted outage", "sandbox", sb.Name, "err", err)
	}
}

func (s *Server) handle(r *http.Request, ex *exchange) (inge.Response, *soap.Fault) {
	if f := checkContentType(r.Header.Get("Content-Type")); f != nil {
		return nil, f
	}
	raw, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, s.cfg.MaxBodyBytes))
	ex.request = raw
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, inge.NewFault(inge.LimitUeberschritten, "", "Grund", fmt.Sprintf("Die Anfrage ist größer als %d Bytes.", s.cfg.MaxBodyBytes))
		}
		return nil, inge.NewFault(inge.XMLFehlerhaft, "", "Grund", "Die Anfrage ließ sich nicht vollständig lesen.")
	}
	env, err := soap.ReadEnvelope(bytes.NewReader(raw), s.cfg.XML, wsse.IsSecurity)
	if err != nil {
		return nil, envelopeFault(err)
	}
	ex.operation = env.Body.Name.Local
	p, known := inge.Lookup(env.Body.Name)
	if known {
		if f := checkSOAPAction(r.Header, p); f != nil {
			return nil, f
		}
	}
	// Nothing about the body is answered without a valid UsernameToken.
	lease, fault := s.authenticate(r.Context(), env.Header)
	if fault != nil {
		ex.form = s.formOfUser(env.Header)
		return nil, fault
	}
	ex.lease = lease
	ex.caller = mockstate.Caller{Benutzer: lease.Zugang.Name, Traegernummer: lease.Zugang.Traegernummer}
	if pf := s.profilOf(lease.Sandbox); pf != nil {
		ex.form = &profilForm{profil: pf}
		return s.handleProfiled(r, ex, env)
	}
	if !known {
		return nil, inge.NewFault(inge.OperationUnbekannt, "", "Wert", env.Body.Name.Local)
	}
	checked, err := p.Decode(env.Body)
	var schemaErr *inge.SchemaError
	switch {
	case errors.As(err, &schemaErr):
		return nil, inge.NewSchemaFault(schemaErr)
	case err != nil:
		s.log.Error("decode", "operation", p.Name, "err", err)
		return nil, inge.NewFault(inge.InternerFehler, "")
	}
	if mandant := checked.Request().Base().Mandant.Traegernummer; mandant != ex.caller.Traegernummer {
		return nil, inge.NewFault(inge.MandantFremd, "Mandant/Traegernummer", "Wert", mandant)
	}
	return s.apply(r.Context(), ex, checked)
}

// authenticate verifies the UsernameToken of a request's header: its
// structure and freshness, then one lookup of the user, which yields its
// account and holds its sandbox, then the password and the nonce.
func (s *Server) authenticate(ctx context.Context, header []soap.Element) (*sandbox.Lease, *soap.Fault) {
	sec, err := wsse.ReadSecurity(header)
	if err != nil {
		return nil, s.authFault(err)
	}
	tok, err := s.verifier.Parse(sec)
	if err != nil {
		return nil, s.authFault(err)
	}
	lease, err := s.reg.Login(ctx, tok.Username())
	switch {
	case errors.Is(err, sandbox.ErrUnknownUser):
		return nil, s.authFault(fmt.Errorf("%w: %w", wsse.ErrUnknownUser, err))
	case err != nil:
		s.log.Error("look up user", "err", err)
		return nil, inge.NewFault(inge.InternerFehler, "")
	}
	if err := s.verifier.Authenticate(tok, lease.Zugang.Passwort); err != nil {
		lease.Release()
		return nil, s.authFault(err)
	}
	return lease, nil
}

// apply runs an authenticated, checked request in its sandbox: the injected
// faults, then the procedure, or the queue when InGe is down and the
// request may wait.
func (s *Server) apply(ctx context.Context, ex *exchange, in inge.Checked) (inge.Response, *soap.Fault) {
	sb, st := ex.lease.Sandbox, ex.lease.Store
	faults := sb.Faults()
	ex.latency = faults.Latency
	if sb.TakeFailure() {
		return nil, inge.NewFault(inge.SimulierterFehler, "")
	}
	targeted, ended := sb.TakeTargetedOutage(ex.request)
	outage := faults.Outage || targeted
	ex.drain = ended // what the outage queued is applied once it is over
	var resp inge.Response
	var err error
	switch {
	case outage && in.Request().Base().Asynchron:
		resp, _, err = st.Accept(ctx, ex.caller, in)
	case outage:
		return nil, inge.NewFault(inge.InGeNichtVerfuegbar, "")
	default:
		resp, err = st.Apply(ctx, ex.caller, in)
	}
	if err != nil {
		s.log.Error("apply", "operation", in.Procedure().Name, "err", err)
		return nil, inge.NewFault(inge.InternerFehler, "")
	}
	return resp, nil
}

// Drain applies the asynchronous requests a sandbox accepted during an
// outage, in order of arrival, and journals each final outcome under the
// Vorgangsnummer the client got. It returns how many it applied. Requests
// to the sandbox wait meanwhile: one accepted while the queue is read would
// otherwise stay behind until the next drain.
func (s *Server) Drain(ctx context.Context, sb *sandbox.Sandbox) (int, error) {
	n := 0
	err := sb.Exclusive(func(st *mockstate.Store) error {
		auftraege, err := st.Auftraege(ctx)
		if err != nil {
			return err
		}
		for _, a := range auftraege {
			ex := &exchange{started: time.Now(), caller: a.Caller, operation: a.Operation, request: a.Anfrage}
			resp, err := st.ApplyAuftrag(ctx, a)
			if errors.Is(err, mockstate.ErrAuftragErledigt) {
				continue // another drain applied it
			}
			if err != nil {
				return fmt.Errorf("drain %s: %w", sb.Name, err)
			}
			var buf bytes.Buffer
			if err := soap.Encode(&buf, nil, resp); err != nil {
				return fmt.Errorf("drain %s: %w", sb.Name, err)
			}
			ex.response, ex.status = buf.Bytes(), http.StatusOK
			ex.ergebnis, ex.vorgang = string(resp.Base().Status), resp.Base().Vorgangsnummer
			s.nachtragInProfil(sb, ex, resp)
			s.journalIn(ctx, sb.Name, st, ex)
			n++
		}
		return nil
	})
	return n, err
}

// drainQueues applies what every sandbox without an outage has waiting, at
// start: requests accepted before a restart are not lost.
func (s *Server) drainQueues(ctx context.Context) error {
	for _, sb := range s.reg.List() {
		if sb.Faults().Outage {
			continue
		}
		if _, err := s.Drain(ctx, sb); err != nil {
			return err
		}
	}
	return nil
}

// checkContentType accepts SOAP 1.1's text/xml (and application/xml); SOAP
// 1.2's application/soap+xml gets the VersionMismatch fault.
func checkContentType(header string) *soap.Fault {
	mt, params, err := mime.ParseMediaType(header)
	switch {
	case err == nil && (mt == "text/xml" || mt == "application/xml"):
		if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" {
			return inge.NewFault(inge.ContentTypeFalsch, "", "Wert", header)
		}
		return nil
	case err == nil && mt == "application/soap+xml":
		return inge.NewFault(inge.SOAPVersion, "")
	default:
		return inge.NewFault(inge.ContentTypeFalsch, "", "Wert", header)
	}
}

// checkSOAPAction: SOAP 1.1 requires the header; its value, quoted or not,
// must be the procedure's action. An empty value ("") leaves the dispatch to
// the body element, which the SOAP 1.1 HTTP binding allows.
func checkSOAPAction(h http.Header, p *inge.Procedure) *soap.Fault {
	return checkAction(h, p.Action(), p.Name)
}

// envelopeFaults maps each kind of refused envelope to its catalogue key.
var envelopeFaults = map[soap.Kind]inge.Key{
	soap.Malformed:       inge.XMLFehlerhaft,
	soap.NotEnvelope:     inge.KeinSOAPEnvelope,
	soap.VersionMismatch: inge.SOAPVersion,
	soap.DTDForbidden:    inge.DTDVerboten,
	soap.LimitExceeded:   inge.LimitUeberschritten,
	soap.MustUnderstand:  inge.HeaderNichtVerstanden,
	soap.BodyNotSingle:   inge.BodyUngueltig,
}

// envelopeFault answers a refused envelope with its Fault and the German
// reason soap gives.
func envelopeFault(err error) *soap.Fault {
	var se *soap.Error
	if !errors.As(err, &se) {
		return inge.NewFault(inge.XMLFehlerhaft, "", "Grund", "Die Anfrage ließ sich nicht lesen.")
	}
	key, ok := envelopeFaults[se.Kind]
	if !ok {
		key = inge.XMLFehlerhaft
	}
	return inge.NewFault(key, "", "Grund", se.Grund())
}

// authFaults maps each WS-Security rejection to its catalogue key.
var authFaults = []struct {
	err error
	key inge.Key
}{
	{wsse.ErrMissingHeader, inge.SecurityHeaderFehlt},
	{wsse.ErrMalformedToken, inge.UsernameTokenFehlerhaft},
	{wsse.ErrUnknownUser, inge.BenutzerUnbekannt},
	{wsse.ErrWrongPassword, inge.PasswortFalsch},
	{wsse.ErrReplayedNonce, inge.NonceWiederholt},
	{wsse.ErrExpired, inge.CreatedAbgelaufen},
}

func (s *Server) authFault(err error) *soap.Fault {
	for _, a := range authFaults {
		if errors.Is(err, a.err) {
			return inge.NewFault(a.key, "", "Grund", wsse.Grund(err))
		}
	}
	s.log.Error("verify UsernameToken", "err", err)
	return inge.NewFault(inge.InternerFehler, "")
}

// journal records the exchange in the journal of the caller's sandbox, or
// of the standard sandbox when the caller is not known; the store masks the
// password. A failure to journal is logged and the answer still goes out:
// the procedure's outcome, already committed or not, must reach the client.
func (s *Server) journal(ctx context.Context, ex *exchange) {
	if ex.lease != nil {
		s.journalIn(ctx, ex.lease.Sandbox.Name, ex.lease.Store, ex)
		return
	}
	sb, err := s.reg.Get(sandbox.Standard)
	if err != nil {
		s.log.Error("journal", "err", err)
		return
	}
	if err := sb.Use(func(st *mockstate.Store) error { s.journalIn(ctx, "", st, ex); return nil }); err != nil {
		s.log.Error("journal", "sandbox", sb.Name, "err", err)
	}
}

func (s *Server) journalIn(ctx context.Context, sandboxName string, st *mockstate.Store, ex *exchange) {
	d := time.Since(ex.started)
	s.log.Info("soap", "sandbox", sandboxName, "operation", ex.operation, "traeger", ex.caller.Traegernummer, "benutzer", ex.caller.Benutzer,
		"ergebnis", ex.ergebnis, "vorgang", ex.vorgang, "dauer", d)
	e := mockstate.Eintrag{
		Zeit: ex.started, Traegernummer: ex.caller.Traegernummer, Benutzer: ex.caller.Benutzer,
		Operation: ex.operation, Vorgangsnummer: ex.vorgang, Ergebnis: ex.ergebnis, Dauer: d,
		Anfrage: ex.request, Antwort: ex.response,
	}
	ex.form.journal(&e)
	_, err := st.AppendJournal(context.WithoutCancel(ctx), e)
	if err != nil {
		s.log.Error("journal", "operation", ex.operation, "err", err)
	}
}
