package mockserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// exchange is what the journal and the log learn of one request.
type exchange struct {
	started   time.Time
	lease     *sandbox.Lease   // the caller's hold on its sandbox; nil before authentication
	slot      *sandbox.Sandbox // the sandbox whose slot the request holds; nil if none
	refusedIn *sandbox.Sandbox // the sandbox whose slots were all taken; nil if none
	latency   time.Duration    // injected delay of the answer
	caller    mockstate.Caller
	operation string
	request   []byte
	response  []byte
	status    int
	ergebnis  string // status word or fault code
	vorgang   string
	// journaled says the store wrote the journal entry with the request's
	// effect, in one transaction.
	journaled bool
	// drain asks to apply the sandbox's queue once the answer is out: the
	// request used up a targeted outage that had accepted requests.
	drain bool
	// form is the contract profile of the caller's sandbox; nil for ours.
	form *profilForm
	// anfrage is request as the journal stores it, prepared before the
	// request waits for the sandbox's writer; nil until then.
	anfrage *mockstate.Vorbereitet
	// geheimnisse finds the request's passwords in its parse.
	geheimnisse *wsse.SecretFinder
}

// release ends the request's hold on its sandbox, after its journal entry.
// It may be called more than once.
func (ex *exchange) release() {
	if ex.lease != nil {
		ex.lease.Release()
		ex.lease = nil
	}
}

// leave gives back the sandbox's slot the request holds, if any. It may be
// called more than once.
func (ex *exchange) leave() {
	if ex.slot != nil {
		ex.slot.Leave()
		ex.slot = nil
	}
}

// serveSOAP runs one request through the pipeline, in one direction:
// transport limits, envelope, SOAPAction, WS-Security (one lookup of the
// user, its Traeger and its sandbox), the strict check of the body against
// the XSD, the Mandant, the injected faults, the procedure's rules with
// the encoding of the answer and its journal entry in the transaction of
// the request's effect, then the answer. The first failing step answers
// with its Fault; nothing is stored then.
func (s *Server) serveSOAP(w http.ResponseWriter, r *http.Request) {
	ex := &exchange{started: time.Now()}
	defer ex.release()
	defer ex.leave()
	var resp inge.Response
	// The body is read before the request takes a slot, within the body
	// timeout: a client that sends slowly holds its connection, never a
	// slot that others need.
	raw, fault := s.readBody(w, r)
	ex.request = raw
	if fault == nil {
		select {
		case s.inflight <- struct{}{}:
			resp, fault = s.handle(r, ex, raw)
			<-s.inflight
		default:
			fault = inge.NewFault(inge.Ueberlastet, "", "Max", strconv.Itoa(s.cfg.MaxConcurrent))
		}
	}
	if fault == nil && !ex.journaled {
		var err error
		if _, err = s.entryOf(ex)(resp); err != nil {
			s.log.Error("encode response", "operation", ex.operation, "err", err)
			fault = internalFault(err)
		}
	}
	if fault != nil {
		ex.journaled = false
		var buf bytes.Buffer
		ex.status, ex.ergebnis, ex.vorgang = inge.HTTPStatus(fault.Detail.Code), fault.Detail.Code, ""
		if err := soap.EncodeFault(&buf, *fault); err != nil {
			s.log.Error("encode fault", "err", err)
		}
		ex.response = buf.Bytes()
		if ex.form != nil {
			s.faultInProfil(ex, fault)
		}
	}
	// Journal before answering: once a client has its answer, the exchange
	// is in the journal, so a test may read it at once. An answer whose
	// entry the store wrote with its effect is journaled already.
	if !ex.journaled {
		s.journal(r.Context(), ex)
	}
	s.log.Debug("soap", "sandbox", ex.sandboxName(), "operation", ex.operation, "traeger", ex.caller.Traegernummer, "benutzer", ex.caller.Benutzer,
		"ergebnis", ex.ergebnis, "vorgang", ex.vorgang, "dauer", time.Since(ex.started))
	// An injected latency is waited out with the sandbox's slot, not the
	// mock's: a sandbox with a latency is limited to its own share.
	if ex.latency > 0 {
		select {
		case <-time.After(ex.latency):
		case <-r.Context().Done():
		}
	}
	ex.leave()
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(ex.status)
	_, _ = w.Write(ex.response)
	if ex.drain {
		s.drainAfter(w, r, ex)
	}
}

// sandboxName is the name of the caller's sandbox, "" before
// authentication.
func (ex *exchange) sandboxName() string {
	if ex.lease == nil {
		return ""
	}
	return ex.lease.Sandbox.Name
}

// entryOf returns the journal entry of ex for the store to write with the
// request's effect: it encodes the response into ex on the way.
func (s *Server) entryOf(ex *exchange) mockstate.JournalFunc {
	return func(resp inge.Response) (mockstate.Eintrag, error) {
		var buf bytes.Buffer
		if err := soap.Encode(&buf, nil, resp); err != nil {
			return mockstate.Eintrag{}, fmt.Errorf("encode response: %w", err)
		}
		ex.response, ex.status = buf.Bytes(), http.StatusOK
		ex.ergebnis, ex.vorgang = string(resp.Base().Status), resp.Base().Vorgangsnummer
		if ex.form != nil {
			// An answer the profile cannot carry is not sent, and the
			// request's effect is not kept.
			if err := ex.form.answer(ex, resp); err != nil {
				return mockstate.Eintrag{}, fmt.Errorf("profile %s: answer of %s: %w", ex.form.profil.Name, ex.operation, err)
			}
		}
		return s.eintrag(ex), nil
	}
}

// eintrag is the journal entry of ex as it stands.
func (s *Server) eintrag(ex *exchange) mockstate.Eintrag {
	zeit := ex.started
	if ex.lease != nil {
		zeit = ex.lease.Zeit // after a reset it waited for: wholly after it
	}
	e := mockstate.Eintrag{
		Zeit: zeit, Traegernummer: ex.caller.Traegernummer, Benutzer: ex.caller.Benutzer,
		Operation: ex.operation, Vorgangsnummer: ex.vorgang, Ergebnis: ex.ergebnis, Dauer: time.Since(ex.started),
		Anfrage: ex.request, Antwort: ex.response,
	}
	ex.form.journal(&e)
	e.Geheim, e.MaxAnfrage = s.masking(ex)
	e.AnfrageVorbereitet = ex.anfrage
	return e
}

// masking returns the further secrets to mask in ex's journal entry, and
// how far its request is cut.
func (s *Server) masking(ex *exchange) (geheim []string, maxAnfrage int) {
	if ex.lease != nil {
		return []string{ex.lease.Zugang.Passwort}, 0
	}
	return nil, s.cfg.MaxJournalUnauthenticated
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

// lingerBytes and lingerTime bound what the mock reads of a body beyond
// the limit before it answers F104 and closes, as nginx's lingering close
// does: a client that sends its whole body before it reads (Python's
// http.client, curl) then reads the Fault instead of a broken pipe.
const (
	lingerBytes = 64 << 20
	lingerTime  = 10 * time.Second
)

// utf8BOM is the byte order mark XML allows before the document.
var utf8BOM = []byte("\ufeff")

// readBody checks the transport of a request (content type, encoding) and
// reads its body within the body timeout and size limit.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *soap.Fault) {
	if f := checkContentType(r.Header.Get("Content-Type")); f != nil {
		return nil, f
	}
	if f := checkContentEncoding(r.Header.Values("Content-Encoding")); f != nil {
		w.Header().Set("Connection", "close")
		return nil, f
	}
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(min(s.cfg.Timeouts.Body, s.cfg.Timeouts.Read))) // not every writer can; the read timeout stays then
	raw, err := readAll(http.MaxBytesReader(nil, r.Body, s.cfg.MaxBodyBytes), r.ContentLength, s.cfg.MaxBodyBytes)
	if err != nil {
		w.Header().Set("Connection", "close")
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			_ = rc.SetReadDeadline(time.Now().Add(lingerTime))
			_, _ = io.CopyN(io.Discard, r.Body, lingerBytes)
			return nil, inge.NewFault(inge.LimitUeberschritten, "", "Grund", fmt.Sprintf("Die Anfrage ist größer als %d Bytes.", s.cfg.MaxBodyBytes))
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return raw, inge.NewFault(inge.XMLFehlerhaft, "", "Grund", fmt.Sprintf("Die Anfrage kam nicht innerhalb von %s vollständig an.", s.cfg.Timeouts.Body))
		}
		return raw, inge.NewFault(inge.XMLFehlerhaft, "", "Grund", "Die Anfrage ließ sich nicht vollständig lesen.")
	}
	return bytes.TrimPrefix(raw, utf8BOM), nil
}

// readAll reads r to its end, as io.ReadAll does, into a buffer made for
// the n bytes the request announces (its Content-Length, -1 when unknown),
// where io.ReadAll would grow one several times for a request of a few KiB.
// An n above limit is not believed: the reader stops there anyway.
func readAll(r io.Reader, n, limit int64) ([]byte, error) {
	if n < 0 || n > limit {
		return io.ReadAll(r)
	}
	buf := make([]byte, 0, n+1) // one byte more: the read that finds the end needs no growth
	for {
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

func (s *Server) handle(r *http.Request, ex *exchange, raw []byte) (inge.Response, *soap.Fault) {
	// The one parse of the request also finds its passwords for the
	// journal's masking.
	ex.geheimnisse = wsse.NewSecretFinder(raw)
	env, err := soap.ReadEnvelopeObserved(raw, s.cfg.XML, wsse.IsSecurity, ex.geheimnisse.Token)
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
	lease, fault := s.authenticate(r.Context(), ex, env.Header)
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
		return nil, internalFault(err)
	}
	if mandant := checked.Request().Base().Mandant.Traegernummer; mandant != ex.caller.Traegernummer {
		return nil, inge.NewFault(inge.MandantFremd, "Mandant/Traegernummer", "Wert", mandant)
	}
	return s.apply(r.Context(), ex, checked)
}

// authenticate verifies the UsernameToken of a request's header: its
// structure and freshness, then one lookup of the user, which yields its
// account and holds its sandbox, then the password and the nonce.
func (s *Server) authenticate(ctx context.Context, ex *exchange, header []soap.Element) (*sandbox.Lease, *soap.Fault) {
	sec, err := wsse.ReadSecurity(header)
	if err != nil {
		return nil, s.authFault(err)
	}
	tok, err := s.verifier.Parse(sec)
	if err != nil {
		return nil, s.authFault(err)
	}
	// The sandbox's own slot is taken before anything waits for the
	// sandbox (a drain, a reset): its requests take at most its share.
	if sb, ok := s.reg.ForUser(tok.Username()); ok {
		if !sb.Enter(s.cfg.MaxConcurrentPerSandbox) {
			ex.refusedIn = sb
			return nil, inge.NewFault(inge.Ueberlastet, "", "Max", strconv.Itoa(s.cfg.MaxConcurrentPerSandbox))
		}
		ex.slot = sb
	}
	lease, err := s.reg.Login(ctx, tok.Username())
	switch {
	case errors.Is(err, sandbox.ErrUnknownUser):
		return nil, s.authFault(fmt.Errorf("%w: %w", wsse.ErrUnknownUser, err))
	case err != nil:
		s.log.Error("look up user", "err", err)
		return nil, internalFault(err)
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
	// The request's stored form is prepared here, not in the writer.
	geheim, maxAnfrage := s.masking(ex)
	ex.anfrage = st.AnfrageVorbereiten(ex.request, ex.geheimnisse, geheim, maxAnfrage)
	var resp inge.Response
	var err error
	switch {
	case outage && in.Request().Base().Asynchron:
		resp, _, err = st.Accept(ctx, ex.caller, in, ex.request, s.entryOf(ex))
	case outage:
		return nil, inge.NewFault(inge.InGeNichtVerfuegbar, "")
	default:
		resp, err = st.ApplyJournaled(ctx, ex.caller, in, s.entryOf(ex))
	}
	if err != nil {
		s.log.Error("apply", "operation", in.Procedure().Name, "err", err)
		return nil, internalFault(err)
	}
	ex.journaled = true
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
		var err error
		n, err = s.drainStore(ctx, sb, st)
		return err
	})
	return n, err
}

// drainStore is Drain with the sandbox held exclusively.
func (s *Server) drainStore(ctx context.Context, sb *sandbox.Sandbox, st *mockstate.Store) (int, error) {
	auftraege, err := st.Auftraege(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, a := range auftraege {
		ex := &exchange{started: time.Now(), caller: a.Caller, operation: a.Operation, request: a.Umschlag}
		if ex.request == nil { // queued before the envelope was kept
			ex.request = a.Anfrage
		}
		if pf := s.profilOf(sb); pf != nil {
			if ex.form, err = queuedForm(pf, a); err != nil {
				return n, fmt.Errorf("drain %s: %w", sb.Name, err)
			}
		}
		// Its effect, its leaving the queue and its final journal entry
		// are one transaction: a crash keeps all or none of them.
		_, err := st.ApplyAuftrag(ctx, a, s.entryOf(ex))
		if errors.Is(err, mockstate.ErrAuftragErledigt) {
			continue // another drain applied it
		}
		if err != nil {
			return n, fmt.Errorf("drain %s: %w", sb.Name, err)
		}
		s.log.Debug("soap", "sandbox", sb.Name, "operation", ex.operation, "traeger", ex.caller.Traegernummer, "benutzer", ex.caller.Benutzer,
			"ergebnis", ex.ergebnis, "vorgang", ex.vorgang, "dauer", time.Since(ex.started), "nachverarbeitet", true)
		n++
	}
	return n, nil
}

// drainOnOpen applies the queue of a sandbox whose store was just opened
// (at its first use after a start), unless InGe is down for it: requests
// accepted before a restart are not lost, and no sandbox is opened only to
// look for them.
func (s *Server) drainOnOpen(ctx context.Context, sb *sandbox.Sandbox, st *mockstate.Store) error {
	if sb.Faults().Outage {
		return nil
	}
	_, err := s.drainStore(ctx, sb, st)
	return err
}

// drainQueues applies what every open sandbox without an outage has
// waiting, at start (the standard sandbox; the others are drained when
// they are opened): requests accepted before a restart are not lost.
func (s *Server) drainQueues(ctx context.Context) error {
	for _, sb := range s.reg.List() {
		if sb.Faults().Outage || !sb.IsOpen() {
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

// checkContentEncoding accepts a body that is not encoded; a compressed
// one is refused with a Fault that names its encoding, rather than read as
// broken XML.
func checkContentEncoding(values []string) *soap.Fault {
	for _, v := range values {
		for _, enc := range strings.Split(v, ",") {
			if enc = strings.TrimSpace(enc); enc != "" && !strings.EqualFold(enc, "identity") {
				return inge.NewFault(inge.ContentEncodingFalsch, "", "Wert", enc)
			}
		}
	}
	return nil
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

// internalFault is Fault F300 with a reason a person can act on: a damaged
// sandbox, a full disk, no file handles left; otherwise a pointer to the
// log, which has the error.
func internalFault(err error) *soap.Fault {
	var grund string
	var sqlErr sqlite3.Error
	switch {
	case errors.Is(err, sandbox.ErrDamaged):
		grund = "die Datenbank der Sandbox ist beschädigt (" + damageText(err) + "); die anderen Sandboxen arbeiten weiter, die Admin-API zeigt sie, Entfernen oder Zurücksetzen hilft"
	case errors.Is(err, sandbox.ErrNoFileHandles):
		grund = "mockinge hat keine Dateihandles mehr frei (zu viele offene Dateien); bitte später erneut senden oder das Limit erhöhen (ulimit -n, -max-offen)"
	case errors.As(err, &sqlErr) && sqlErr.Code == sqlite3.ErrFull:
		grund = "der Datenträger ist voll: die Anfrage und ihr Journaleintrag ließen sich nicht schreiben"
	default:
		grund = "ein unerwarteter Fehler, das Protokoll von mockinge nennt ihn"
	}
	return inge.NewFault(inge.InternerFehler, "", "Grund", grund)
}

// damageText is what a damaged sandbox's error says after the sentinel.
func damageText(err error) string {
	msg := err.Error()
	if _, rest, ok := strings.Cut(msg, sandbox.ErrDamaged.Error()+": "); ok {
		return rest
	}
	return msg
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
	return internalFault(err)
}

// journal records an exchange that the store did not journal with an
// effect, a Fault, in the journal of the caller's sandbox, or of the
// standard sandbox when the caller is not known; the store masks the
// password. Nothing was applied for it, so a failure to journal is logged
// and the answer still goes out.
func (s *Server) journal(ctx context.Context, ex *exchange) {
	e := s.eintrag(ex)
	if ex.lease != nil {
		if _, err := ex.lease.Store.AppendJournal(context.WithoutCancel(ctx), e); err != nil {
			s.log.Error("journal", "sandbox", ex.lease.Sandbox.Name, "operation", ex.operation, "err", err)
		}
		return
	}
	// A request refused for its sandbox's load is journaled there, not in
	// the standard sandbox, which it would load in turn; but only if that
	// needs no waiting: a refusal is answered at once.
	appendTo := func(st *mockstate.Store) error {
		_, err := st.AppendJournal(context.WithoutCancel(ctx), e)
		return err
	}
	if sb := ex.refusedIn; sb != nil {
		done, err := sb.TryUse(appendTo)
		if err != nil {
			s.log.Error("journal", "sandbox", sb.Name, "operation", ex.operation, "err", err)
		}
		if done {
			return
		}
	}
	sb, err := s.reg.Get(sandbox.Standard)
	if err != nil {
		s.log.Error("journal", "err", err)
		return
	}
	err = sb.Use(appendTo)
	if err != nil {
		s.log.Error("journal", "sandbox", sb.Name, "operation", ex.operation, "err", err)
	}
}
