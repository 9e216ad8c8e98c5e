package mockserver

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// exchange is what the journal and the log learn of one request.
type exchange struct {
	started   time.Time
	caller    mockstate.Caller
	operation string
	request   []byte
	response  []byte
	status    int
	ergebnis  string // status word or fault code
	vorgang   string
}

// serveSOAP runs one request through the checks in their fixed order:
// transport (content type, size), envelope, SOAPAction, WS-Security, Mandant,
// schema, then the procedure's rules. The first failing check answers with
// its Fault; nothing is stored then.
func (s *Server) serveSOAP(w http.ResponseWriter, r *http.Request) {
	ex := &exchange{started: time.Now()}
	resp, fault := s.handle(r, ex)
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
	// Journal before answering: once a client has its answer, the exchange
	// is in the journal, so a test may read it at once.
	s.journal(r.Context(), ex)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(ex.status)
	_, _ = w.Write(ex.response)
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
			return nil, inge.NewFault(inge.LimitUeberschritten, "", "Grund", fmt.Sprintf("Anfrage groesser als %d Bytes", s.cfg.MaxBodyBytes))
		}
		return nil, inge.NewFault(inge.XMLFehlerhaft, "", "Grund", "Anfrage nicht lesbar")
	}
	req, decodeErr := soap.DecodeRequest(bytes.NewReader(raw), s.cfg.XML, newRequest)
	if req == nil {
		return nil, envelopeFault(decodeErr)
	}
	ex.operation = req.Operation.Local
	p, known := inge.Lookup(req.Operation)
	if known {
		if f := checkSOAPAction(r.Header, p); f != nil {
			return nil, f
		}
	}
	user, err := s.verifier.Verify(r.Context(), req.Security)
	if err != nil {
		return nil, s.authFault(err)
	}
	ex.caller.Benutzer = user
	if decodeErr != nil { // body errors are answered only to an authenticated caller
		return nil, envelopeFault(decodeErr)
	}
	benutzer, err := s.store.User(r.Context(), user)
	if err != nil {
		s.log.Error("load user", "user", user, "err", err)
		return nil, inge.NewFault(inge.InternerFehler, "")
	}
	ex.caller.Traegernummer = benutzer.Traegernummer
	ingeReq := req.Body.(inge.Request)
	if mandant := ingeReq.Base().Mandant.Traegernummer; mandant != benutzer.Traegernummer {
		return nil, inge.NewFault(inge.MandantFremd, "Mandant/Traegernummer", "Wert", mandant)
	}
	resp, err := s.store.Apply(r.Context(), ex.caller, ingeReq)
	var violation *inge.Violation
	switch {
	case errors.As(err, &violation):
		return nil, inge.NewFault(inge.SchemaVerletzt, violation.Feld, "Grund", violation.Feld+": "+violation.Grund)
	case err != nil:
		s.log.Error("apply", "operation", p.Name, "err", err)
		return nil, inge.NewFault(inge.InternerFehler, "")
	}
	return resp, nil
}

func newRequest(name xml.Name) (any, error) {
	p, ok := inge.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown operation %s", name.Local)
	}
	return p.NewRequest(), nil
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
func checkSOAPAction(h http.Header, p inge.Procedure) *soap.Fault {
	values, present := h["Soapaction"]
	if !present || len(values) != 1 {
		return inge.NewFault(inge.SOAPActionFalsch, "", "Wert", "(fehlt)", "Operation", p.Name)
	}
	action := strings.Trim(strings.TrimSpace(values[0]), `"`)
	if action != "" && action != p.Action() {
		return inge.NewFault(inge.SOAPActionFalsch, "", "Wert", action, "Operation", p.Name)
	}
	return nil
}

// envelopeFaults maps each decoding error kind to its catalogue key.
var envelopeFaults = map[soap.Kind]inge.Key{
	soap.Malformed:        inge.XMLFehlerhaft,
	soap.NotEnvelope:      inge.KeinSOAPEnvelope,
	soap.VersionMismatch:  inge.SOAPVersion,
	soap.DTDForbidden:     inge.DTDVerboten,
	soap.LimitExceeded:    inge.LimitUeberschritten,
	soap.MustUnderstand:   inge.HeaderNichtVerstanden,
	soap.EmptyBody:        inge.BodyUngueltig,
	soap.UnknownOperation: inge.OperationUnbekannt,
	soap.InvalidBody:      inge.SchemaVerletzt,
}

func envelopeFault(err error) *soap.Fault {
	var se *soap.Error
	if !errors.As(err, &se) {
		return inge.NewFault(inge.XMLFehlerhaft, "", "Grund", err.Error())
	}
	key, ok := envelopeFaults[se.Kind]
	if !ok {
		key = inge.XMLFehlerhaft
	}
	return inge.NewFault(key, "", "Grund", se.Error(), "Wert", unknownName(se))
}

func unknownName(se *soap.Error) string {
	if se.Kind != soap.UnknownOperation {
		return ""
	}
	if se.Err != nil {
		return strings.TrimPrefix(se.Err.Error(), "unknown operation ")
	}
	return ""
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
			return inge.NewFault(a.key, "", "Grund", strings.TrimPrefix(err.Error(), "wsse: "))
		}
	}
	s.log.Error("verify UsernameToken", "err", err)
	return inge.NewFault(inge.InternerFehler, "")
}

// journal records the exchange; the store masks the password. A failure to
// journal is logged and the answer still goes out: the procedure's outcome,
// already committed or not, must reach the client.
func (s *Server) journal(ctx context.Context, ex *exchange) {
	d := time.Since(ex.started)
	s.log.Info("soap", "operation", ex.operation, "traeger", ex.caller.Traegernummer, "benutzer", ex.caller.Benutzer,
		"ergebnis", ex.ergebnis, "vorgang", ex.vorgang, "dauer", d)
	_, err := s.store.AppendJournal(context.WithoutCancel(ctx), mockstate.Eintrag{
		Zeit: ex.started, Traegernummer: ex.caller.Traegernummer, Benutzer: ex.caller.Benutzer,
		Operation: ex.operation, Vorgangsnummer: ex.vorgang, Ergebnis: ex.ergebnis, Dauer: d,
		Anfrage: ex.request, Antwort: ex.response,
	})
	if err != nil {
		s.log.Error("journal", "operation", ex.operation, "err", err)
	}
}
