package mockserver

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// A profiled sandbox speaks a contract profile (package profil) instead of
// our contract: the operation and SOAPAction of a request are the
// profile's, its body is checked strictly against the profile's XSD,
// mapped onto our contract and checked against ours, and then runs as any
// request; its answer, or its Fault, goes back in the profile's names,
// checked against the profile's XSD. The journal keeps both forms. Each
// profile's WSDL is served at /inge/profile/{name}?wsdl, which is also its
// SOAP address; which sandbox a request works in is still its user's.

// ProfilPath is the path under which a profile's WSDL and XSD are served:
// ProfilPath + "/" + name + "?wsdl".
const ProfilPath = Path + "/profile"

// profilForm is what a request of a profiled sandbox carries besides the
// exchange: the profile, the procedure, and the canonical forms of request
// and answer for the journal.
type profilForm struct {
	profil *profil.Profil
	proc   *inge.Procedure // nil until the operation is known
	// felderImProfil says that a Fault's field paths are the profile's
	// already: its own strict check found them.
	felderImProfil   bool
	anfrage, antwort []byte // as our contract writes them
}

// journal adds the profile and the canonical forms to a journal entry.
func (f *profilForm) journal(e *mockstate.Eintrag) {
	if f == nil {
		return
	}
	e.Profil, e.AnfrageKanonisch, e.AntwortKanonisch = f.profil.Name, f.anfrage, f.antwort
}

// profilOf returns the profile a sandbox speaks, nil for ours.
func (s *Server) profilOf(sb *sandbox.Sandbox) *profil.Profil {
	if sb == nil || sb.Profil == "" {
		return nil
	}
	return s.cfg.Profile[sb.Profil]
}

// formOfUser finds the profile of the sandbox of the user a UsernameToken
// names, for a request refused before its sandbox was held (a wrong
// password): its Fault is answered in the profile's names too. nil if the
// token cannot be read or the user is not known.
func (s *Server) formOfUser(header []soap.Element) *profilForm {
	sec, err := wsse.ReadSecurity(header)
	if err != nil {
		return nil
	}
	tok, err := s.verifier.Parse(sec)
	if err != nil {
		return nil
	}
	sb, ok := s.reg.ForUser(tok.Username())
	if pf := s.profilOf(sb); ok && pf != nil {
		return &profilForm{profil: pf}
	}
	return nil
}

// handleProfiled runs an authenticated request of a profiled sandbox up to
// the procedure: the profile's operation and SOAPAction, the strict check
// against the profile's XSD and the mapping onto ours, our strict check,
// the Mandant, then apply as for any request.
func (s *Server) handleProfiled(r *http.Request, ex *exchange, env *soap.Envelope) (inge.Response, *soap.Fault) {
	pf := ex.form.profil
	p, ok := pf.Verfahren(env.Body.Name)
	if !ok {
		return nil, inge.NewFault(inge.OperationUnbekannt, "", "Wert", env.Body.Name.Local)
	}
	ex.operation, ex.form.proc = p.Name, p
	if f := checkAction(r.Header, pf.SOAPAction(p), pf.Operation(p)); f != nil {
		return nil, f
	}
	_, canonical, err := pf.Eingang(env.Body)
	var se *inge.SchemaError
	switch {
	case errors.As(err, &se):
		ex.form.felderImProfil = true
		return nil, inge.NewSchemaFault(se)
	case err != nil:
		s.log.Error("profile: map request", "profil", pf.Name, "operation", p.Name, "err", err)
		return nil, internalFault(err)
	}
	ex.form.anfrage = canonical
	// Our contract checks what the profile's XSD let through: where the
	// profile states a rule otherwise than ours, ours applies (F108 with our
	// fields, named in the profile's on the way out).
	checked, err := inge.ReadRequest(bytes.NewReader(canonical))
	switch {
	case errors.As(err, &se):
		return nil, inge.NewSchemaFault(se)
	case err != nil:
		s.log.Error("profile: decode mapped request", "profil", pf.Name, "operation", p.Name, "err", err)
		return nil, internalFault(err)
	}
	if mandant := checked.Request().Base().Mandant.Traegernummer; mandant != ex.caller.Traegernummer {
		return nil, inge.NewFault(inge.MandantFremd, "Mandant/Traegernummer", "Wert", mandant)
	}
	return s.apply(r.Context(), ex, checked)
}

// answer puts the answer of a profiled request, encoded in ours in
// ex.response, into the profile's names, checked against the profile's
// XSD; ours goes to the journal as the canonical form. An error means the
// profile's XSD refuses the answer (the profile and ours disagree on a
// rule): it is not sent.
func (f *profilForm) answer(ex *exchange, resp inge.Response) error {
	body, err := f.profil.Antwort(f.proc, resp)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := soap.Encode(&buf, nil, body); err != nil {
		return err
	}
	f.antwort, ex.response = ex.response, buf.Bytes()
	return nil
}

// faultInProfil puts the Fault of a profiled request, encoded in ours in
// ex.response, into the profile's names; ours goes to the journal as the
// canonical form. A Fault the profile cannot carry becomes F300 in the
// profile's names.
func (s *Server) faultInProfil(ex *exchange, fault *soap.Fault) {
	f := ex.form
	f.antwort = ex.response
	var buf bytes.Buffer
	pfault, err := f.profil.Fault(f.proc, fault, f.felderImProfil)
	if err == nil {
		err = soap.EncodeFault(&buf, *pfault)
	}
	if err != nil {
		s.log.Error("profile: answer", "profil", f.profil.Name, "operation", ex.operation, "err", err)
		internal := inge.NewFault(inge.InternerFehler, "")
		pfault, ferr := f.profil.Fault(nil, internal, true)
		if ferr != nil {
			pfault = internal
		}
		buf.Reset()
		if err := soap.EncodeFault(&buf, *pfault); err != nil {
			s.log.Error("encode fault", "err", err)
		}
		ex.status, ex.ergebnis, ex.vorgang = inge.HTTPStatus(internal.Detail.Code), internal.Detail.Code, ""
	}
	ex.response = buf.Bytes()
}

// queuedForm is the profile form of a request applied from the queue of a
// profiled sandbox: its journal entry gets the answer in the profile's
// names, as the product would have seen it, besides ours; the request as
// the product sent it is the queue's envelope.
func queuedForm(pf *profil.Profil, a mockstate.Auftrag) (*profilForm, error) {
	checked, err := inge.ReadRequest(bytes.NewReader(a.Anfrage))
	if err != nil {
		return nil, fmt.Errorf("profile %s: queued request %d: %w", pf.Name, a.ID, err)
	}
	return &profilForm{profil: pf, proc: checked.Procedure(), anfrage: a.Anfrage}, nil
}

// checkAction checks the SOAPAction header of a request of the procedure
// named op against its action (ours, or a profile's): SOAP 1.1 requires the
// header; its value, quoted or not, must be the action. An empty value ("")
// leaves the dispatch to the body element, which the SOAP 1.1 HTTP binding
// allows.
func checkAction(h http.Header, want, op string) *soap.Fault {
	values, present := h["Soapaction"]
	if !present || len(values) != 1 {
		return inge.NewFault(inge.SOAPActionFalsch, "", "Wert", "(fehlt)", "Operation", op)
	}
	action := strings.Trim(strings.TrimSpace(values[0]), `"`)
	if action != "" && action != want {
		return inge.NewFault(inge.SOAPActionFalsch, "", "Wert", action, "Operation", op)
	}
	return nil
}

// profilRoutes serves each profile's WSDL and XSD, and takes SOAP requests
// at its address.
func (s *Server) profilRoutes(r *mux.Router) {
	path := ProfilPath + "/{profil}"
	r.HandleFunc(path, s.serveProfilWSDL).Methods(http.MethodGet).Queries("wsdl", "")
	r.HandleFunc(path, s.serveProfilXSD).Methods(http.MethodGet).Queries("xsd", "")
	r.HandleFunc(path, s.serveSOAP).Methods(http.MethodPost)
}

func (s *Server) profilFor(w http.ResponseWriter, r *http.Request) *profil.Profil {
	pf := s.cfg.Profile[mux.Vars(r)["profil"]]
	if pf == nil {
		http.Error(w, "unbekanntes Profil; geladen sind: "+profilNamen(s.cfg.Profile), http.StatusNotFound)
	}
	return pf
}

func (s *Server) serveProfilWSDL(w http.ResponseWriter, r *http.Request) {
	pf := s.profilFor(w, r)
	if pf == nil {
		return
	}
	address := endpoint(r) + "/profile/" + url.PathEscape(pf.Name)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(pf.WSDL(address, address+"?xsd="+url.QueryEscape(pf.XSDName())))
}

func (s *Server) serveProfilXSD(w http.ResponseWriter, r *http.Request) {
	pf := s.profilFor(w, r)
	if pf == nil {
		return
	}
	if r.URL.Query().Get("xsd") != pf.XSDName() {
		http.Error(w, "unknown schema; the WSDL imports ?xsd="+pf.XSDName(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(pf.XSD())
}

// profilNamen lists the names of the profiles, sorted.
func profilNamen(ps map[string]*profil.Profil) string {
	if len(ps) == 0 {
		return "keines (mockinge -profil VERZEICHNIS)"
	}
	names := make([]string, 0, len(ps))
	for n := range ps {
		names = append(names, n)
	}
	sort.Strings(names)
	return fmt.Sprint(names)
}

// checkProfile makes sure every sandbox speaks a profile that is loaded: a
// sandbox file opened again after a restart names its profile.
func checkProfile(reg *sandbox.Registry, ps map[string]*profil.Profil) error {
	for _, sb := range reg.List() {
		if sb.Profil != "" && ps[sb.Profil] == nil {
			return fmt.Errorf("die Sandbox %s spricht das Profil %s, das nicht geladen ist (geladen: %s); mockinge -profil VERZEICHNIS lädt es", sb.Name, sb.Profil, profilNamen(ps))
		}
	}
	return nil
}
