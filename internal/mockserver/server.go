// Package mockserver is the HTTP side of mockinge: the SOAP endpoint of the
// 17 procedures with its checks in a fixed order, the WSDL and XSD, and the
// journal of every exchange.
package mockserver

import (
	"crypto/tls"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// DefaultMaxBodyBytes bounds the size of a SOAP request.
const DefaultMaxBodyBytes = 1 << 20

// DefaultMaxConcurrent is the default of Config.MaxConcurrent.
const DefaultMaxConcurrent = 64

// DefaultRetention is what mockinge keeps of each sandbox's journal unless
// told otherwise: the newest 20,000 entries of the last 30 days.
var DefaultRetention = mockstate.Retention{MaxEintraege: 20_000, MaxAlter: 30 * 24 * time.Hour}

// DefaultMaxJournalUnauthenticated is the default of
// Config.MaxJournalUnauthenticated.
const DefaultMaxJournalUnauthenticated = 4 << 10

// Timeouts bound how long a connection may take; zero fields take the
// defaults.
type Timeouts struct {
	Read   time.Duration // whole request, body included
	Write  time.Duration // from the end of the request to the end of the answer
	Idle   time.Duration // between requests on a kept-alive connection
	Header time.Duration // the request line and headers
	Body   time.Duration // the body of a SOAP request, from the end of its headers
}

// DefaultTimeouts are generous for a mock: a slow client on a CI machine
// should not fail, a stuck one should not hold a connection for ever. The
// header and body timeouts are short: a request takes a slot only once its
// body is read, and one that trickles in is cut off long before the read
// timeout.
var DefaultTimeouts = Timeouts{Read: 60 * time.Second, Write: 60 * time.Second, Idle: 120 * time.Second, Header: 10 * time.Second, Body: 10 * time.Second}

func (t Timeouts) withDefaults() Timeouts {
	if t.Read <= 0 {
		t.Read = DefaultTimeouts.Read
	}
	if t.Write <= 0 {
		t.Write = DefaultTimeouts.Write
	}
	if t.Idle <= 0 {
		t.Idle = DefaultTimeouts.Idle
	}
	if t.Header <= 0 {
		t.Header = DefaultTimeouts.Header
	}
	if t.Body <= 0 {
		t.Body = DefaultTimeouts.Body
	}
	return t
}

// Path is where the SOAP endpoint, the WSDL (?wsdl) and the XSD (?xsd=...)
// are served.
const Path = "/inge"

// Config configures a Server. Zero values take the defaults.
type Config struct {
	// MaxBodyBytes bounds a request body (default DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// XML bounds element depth and count of a request.
	XML soap.Limits
	// Window and Skew bound wsu:Created (defaults of package wsse: 5 min
	// into the past, 60 s into the future).
	Window, Skew time.Duration
	// Logger receives one line per exchange; nil discards.
	Logger *slog.Logger
	// MaxConcurrent bounds the SOAP requests served at once (default
	// DefaultMaxConcurrent); one more is answered at once with Fault F303
	// and HTTP 503 rather than queued without limit.
	MaxConcurrent int
	// MaxConcurrentPerSandbox bounds the requests of one sandbox served at
	// once (default a quarter of MaxConcurrent, at least 1), so that one
	// sandbox's load, or requests waiting for its drain, leave slots to the
	// others; one more is answered with F303 too.
	MaxConcurrentPerSandbox int
	// Timeouts of the HTTP servers (defaults: DefaultTimeouts).
	Timeouts Timeouts
	// MaxSandboxes bounds the sandboxes, the standard one included; MaxOpen
	// the sandboxes whose database is open at once (defaults of package
	// sandbox). StartLocal uses them; New ignores them.
	MaxSandboxes, MaxOpen int
	// Retention bounds every sandbox's journal (default: no bound).
	// StartLocal uses it; New ignores it.
	Retention mockstate.Retention
	// JournalUngepackt stores the journal's requests and answers as they
	// are, not compressed (mockstate.WithUngepacktemJournal).
	JournalUngepackt bool
	// MaxNonces and MaxNonceBytes bound the nonces remembered per user
	// (defaults of package wsse).
	MaxNonces, MaxNonceBytes int
	// MaxJournalUnauthenticated bounds, in bytes, what the journal keeps of
	// a request refused before its UsernameToken was accepted (default
	// DefaultMaxJournalUnauthenticated): anyone can send those.
	MaxJournalUnauthenticated int
	// AdminAddr is where StartLocal serves the admin API (see Admin), e.g.
	// 127.0.0.1:8081; empty serves none. New ignores it.
	AdminAddr string
	// TLS, if not nil, makes StartLocal serve the SOAP endpoint over HTTPS
	// with it (see SelfSignedCertificate). The admin API stays plain HTTP:
	// it is meant for loopback, where TLS protects nothing, it shows no
	// password, and scripts reach it without a certificate to trust. New
	// ignores it.
	TLS *tls.Config
	// Pprof makes StartLocal offer the runtime's profiles (net/http/pprof)
	// on the admin listener under /debug/pprof/. New ignores it.
	Pprof bool
	// Profile are the contract profiles a sandbox may speak, by name
	// (mockinge -profil); the standard sandbox speaks our contract.
	Profile map[string]*profil.Profil
}

// Server serves the InGe SOAP endpoint over the sandboxes: a request works in
// the sandbox of the user in its UsernameToken.
type Server struct {
	reg      *sandbox.Registry
	verifier *wsse.Verifier
	cfg      Config
	log      *slog.Logger
	inflight chan struct{} // one token per request being served
	router   *mux.Router
}

// New returns a Server for the sandboxes of reg.
func New(reg *sandbox.Registry, cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = DefaultMaxConcurrent
	}
	if cfg.MaxConcurrentPerSandbox <= 0 {
		cfg.MaxConcurrentPerSandbox = max(1, cfg.MaxConcurrent/4)
	}
	if cfg.MaxJournalUnauthenticated <= 0 {
		cfg.MaxJournalUnauthenticated = DefaultMaxJournalUnauthenticated
	}
	cfg.Timeouts = cfg.Timeouts.withDefaults()
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		reg:      reg,
		verifier: &wsse.Verifier{Window: cfg.Window, Skew: cfg.Skew, MaxNonces: cfg.MaxNonces, MaxNonceBytes: cfg.MaxNonceBytes},
		cfg:      cfg,
		log:      log,
		inflight: make(chan struct{}, cfg.MaxConcurrent),
	}
	r := mux.NewRouter()
	r.HandleFunc(Path, s.serveWSDL).Methods(http.MethodGet).Queries("wsdl", "")
	r.HandleFunc(Path, s.serveXSD).Methods(http.MethodGet).Queries("xsd", "")
	r.HandleFunc(Path, s.serveSOAP).Methods(http.MethodPost)
	s.profilRoutes(r)
	r.HandleFunc(Path, s.serveIndex).Methods(http.MethodGet)
	r.HandleFunc("/", s.serveIndex).Methods(http.MethodGet)
	s.router = r
	return s
}

// ServeHTTP implements http.Handler. A SOAP request, nearly every request
// there is, goes to serveSOAP without the router, which would pick it for
// a POST to Path too (the first route that matches it) but first match it
// against the routes and copy the request twice to hold the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == Path {
		s.serveSOAP(w, r)
		return
	}
	s.router.ServeHTTP(w, r)
}

// endpoint is the SOAP address as the client reached it.
func endpoint(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + Path
}

func (s *Server) serveWSDL(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(inge.WSDL(endpoint(r)))
}

func (s *Server) serveXSD(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("xsd") != inge.XSDName {
		http.Error(w, "unknown schema; the WSDL imports ?xsd="+inge.XSDName, http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(inge.XSD())
}

// serveIndex answers GET / and a plain GET /inge (a browser, a probe, a
// vendor checking the address) with a line saying the service is up and
// where the WSDL is.
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("mockinge: der Mock von InGe-Online-Kursträger läuft (rekonstruierter Vertrag " + inge.ContractVersion + ")\n" +
		"SOAP-Endpunkt: " + endpoint(r) + " (POST, text/xml, SOAPAction)\nWSDL: " + endpoint(r) + "?wsdl\n"))
}
