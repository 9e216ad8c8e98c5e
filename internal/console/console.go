// Package console is mockinge's console in the browser, in German, on the
// admin listener beside the JSON admin API: the sandboxes with their users,
// clocks and faults, the journal live, the trainer's controls, the
// Testdatenpaket, a Web-Maske for every procedure generated from the
// contract (inge.Procedure.Felder), and for a sandbox prepared for the
// acceptance of a vendor's software its Testfallheft with the verdicts as
// the product's requests arrive (abnahme.go).
//
// The pages are rendered on the server (html/template) and work offline:
// every asset is embedded. JavaScript does only what must happen without a
// reload: the live journal (server-sent events), the person picker, and
// copying XML.
//
// The console holds no logic of its own over the mock's state. It changes
// state by calling the admin API's handlers in-process, so its validation,
// its logging and the draining of the queue stay in one place; and the
// Web-Maske sends real SOAP requests through the mock's SOAP handler with
// the chosen user's UsernameToken, so that the rules, the journal and the
// injected faults apply exactly as for any product.
package console

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the zone of the sandboxes' "today" on a machine without zoneinfo

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/sandbox"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// Prefix is the path under which the console serves its pages; "/"
// redirects there. The JSON admin API keeps its own paths (/sandboxes).
const Prefix = "/konsole/"

// Config is what the console works with.
type Config struct {
	// Sandboxes are the mock's sandboxes, read for the pages.
	Sandboxes *sandbox.Registry
	// API is the admin API's handler; the console's controls call it.
	API http.Handler
	// SOAP is the mock's SOAP handler, and SOAPPath its path (/inge): the
	// Web-Maske sends its requests through it.
	SOAP     http.Handler
	SOAPPath string
	// Endpoint and AdminURL are the mock's SOAP endpoint and admin API as
	// its clients reach them, for the commands the pages show; empty: the
	// defaults of mockinge.
	Endpoint, AdminURL string
	// Testdatenpaket is the package the mock was loaded with.
	Testdatenpaket fs.FS
	// Profile are the contract profiles the mock has loaded: the Web-Maske
	// of a sandbox that speaks one sends through it.
	Profile map[string]*profil.Profil
	// Logger; nil discards.
	Logger *slog.Logger
}

// Console serves the console's pages.
type Console struct {
	cfg    Config
	paket  *testdaten.Paket
	log    *slog.Logger
	router *mux.Router
	seiten map[string]*template.Template
	zeile  *template.Template // a journal row, for the live journal

	abnahmen  abnahmen      // the evaluations of the acceptance pages
	closing   chan struct{} // closed by Close: ends the live streams
	closeOnce sync.Once
}

//go:embed vorlagen/*.html
var vorlagenFS embed.FS

//go:embed statisch
var statischFS embed.FS

// New returns the console.
func New(cfg Config) (*Console, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Sandboxes == nil || cfg.API == nil || cfg.SOAP == nil || cfg.Testdatenpaket == nil {
		return nil, errors.New("console: Sandboxes, API, SOAP and Testdatenpaket are required")
	}
	paket, err := testdaten.Read(cfg.Testdatenpaket)
	if err != nil {
		return nil, fmt.Errorf("console: %w", err)
	}
	c := &Console{cfg: cfg, paket: paket, log: cfg.Logger, router: mux.NewRouter(), closing: make(chan struct{})}
	if err := c.parseVorlagen(); err != nil {
		return nil, fmt.Errorf("console: %w", err)
	}
	c.routes()
	return c, nil
}

// Close ends the live journal streams, so that the server can shut down
// without waiting for browsers that keep them open.
func (c *Console) Close() { c.closeOnce.Do(func() { close(c.closing) }) }

// ServeHTTP implements http.Handler.
func (c *Console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "DENY") // a page from elsewhere cannot frame the buttons
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	w.Header().Set("Referrer-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if err := sameOrigin(r); err != nil {
			c.log.Warn("console: refused a request from another origin", "method", r.Method, "path", r.URL.Path, "err", err)
			http.Error(w, "Die Konsole nimmt Änderungen nur von ihren eigenen Seiten an: "+err.Error(), http.StatusForbidden)
			return
		}
	}
	c.router.ServeHTTP(w, r)
}

// sameOrigin accepts a request that changes state only when the browser
// says it comes from the console's own pages: Sec-Fetch-Site same-origin,
// else an Origin, else a Referer of the same host. A request with none of
// them comes from no browser page; the JSON API is there for programs.
func sameOrigin(r *http.Request) error {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		if site == "same-origin" {
			return nil
		}
		return fmt.Errorf("Sec-Fetch-Site ist %q", site)
	}
	for _, h := range []string{"Origin", "Referer"} {
		v := r.Header.Get(h)
		if v == "" {
			continue
		}
		u, err := url.Parse(v)
		if err != nil || u.Host != r.Host || u.Scheme != "http" && u.Scheme != "https" {
			return fmt.Errorf("%s %q ist nicht %s", h, v, r.Host)
		}
		return nil
	}
	return errors.New("weder Sec-Fetch-Site noch Origin noch Referer")
}

func (c *Console) routes() {
	r := c.router
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.fehlerSeite(w, r, http.StatusNotFound, "Diese Seite gibt es in der Konsole nicht: "+r.URL.Path)
	})
	r.Handle("/", http.RedirectHandler(Prefix, http.StatusFound)).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix(Prefix+"statisch/").Handler(http.StripPrefix(Prefix, http.FileServerFS(statischFS))).Methods(http.MethodGet, http.MethodHead)
	get := func(path string, h func(http.ResponseWriter, *http.Request) error) {
		r.HandleFunc(path, c.wrap(h)).Methods(http.MethodGet, http.MethodHead)
	}
	post := func(path string, h func(http.ResponseWriter, *http.Request) error) {
		r.HandleFunc(path, c.wrap(h)).Methods(http.MethodPost)
	}
	const sb = Prefix + "sandboxes/{sandbox}"
	get(Prefix, c.uebersicht)
	post(Prefix+"sandboxes", c.sandboxAnlegen)
	get(Prefix+"testdaten", c.testdatenSeite)
	get(sb, c.sandboxSeite)
	post(sb+"/reset", c.sandboxZuruecksetzen)
	get(sb+"/loeschen", c.loeschenSeite)
	post(sb+"/loeschen", c.sandboxLoeschen)
	post(sb+"/uhr", c.uhrStellen)
	post(sb+"/stoerungen", c.stoerungenSetzen)
	get(sb+"/journal", c.journalSeite)
	get(sb+"/journal/live", c.journalLive)
	get(sb+"/journal/{id:[0-9]+}", c.eintragSeite)
	get(sb+"/maske/{operation}", c.maskeSeite)
	get(sb+"/abnahme", c.abnahmeSeite)
	get(sb+"/abnahme/stand", c.abnahmeStandAbfragen)
	post(sb+"/maske/{operation}", c.maskeAbsenden)
}

// seitenFehler is an error the console shows its user with a status.
type seitenFehler struct {
	status int
	msg    string
}

func (e *seitenFehler) Error() string { return e.msg }

func nichtGefunden(format string, args ...any) error {
	return &seitenFehler{status: http.StatusNotFound, msg: fmt.Sprintf(format, args...)}
}

func ungueltig(format string, args ...any) error {
	return &seitenFehler{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// wrap turns a handler's error into an error page.
func (c *Console) wrap(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var sf *seitenFehler
		var af *apiFehler
		switch {
		case errors.As(err, &sf):
			c.fehlerSeite(w, r, sf.status, sf.msg)
		case errors.As(err, &af):
			c.fehlerSeite(w, r, af.status, af.msg)
		default:
			c.log.Error("console: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			c.fehlerSeite(w, r, http.StatusInternalServerError, "interner Fehler von mockinge; Einzelheiten stehen im Log")
		}
	}
}

// sandbox returns the sandbox the path names.
func (c *Console) sandbox(r *http.Request) (*sandbox.Sandbox, error) {
	name := mux.Vars(r)["sandbox"]
	sb, err := c.cfg.Sandboxes.Get(name)
	if errors.Is(err, sandbox.ErrNotFound) {
		return nil, nichtGefunden("Die Sandbox %q gibt es nicht (mehr).", name)
	}
	return sb, err
}

// apiFehler is an error answer of the admin API: its status and German
// text, shown as they are.
type apiFehler struct {
	status int
	msg    string
}

func (e *apiFehler) Error() string { return e.msg }

// api calls the admin API in-process with a JSON body (nil: none) and
// decodes its answer into out (nil: ignore).
func (c *Console) api(r *http.Request, method, path string, body, out any) error {
	var rd io.Reader = http.NoBody
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("admin API %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(r.Context(), method, path, rd)
	if err != nil {
		return fmt.Errorf("admin API %s %s: %w", method, path, err)
	}
	req.Header.Set("Content-Type", "application/json")
	var w puffer
	c.cfg.API.ServeHTTP(&w, req)
	if w.status() >= 300 {
		var f struct {
			Fehler string `json:"fehler"`
		}
		if json.Unmarshal(w.body.Bytes(), &f) != nil || f.Fehler == "" {
			f.Fehler = fmt.Sprintf("die Admin-API antwortete %d", w.status())
		}
		return &apiFehler{status: w.status(), msg: f.Fehler}
	}
	if out == nil || w.status() == http.StatusNoContent {
		return nil
	}
	if err := json.Unmarshal(w.body.Bytes(), out); err != nil {
		return fmt.Errorf("admin API %s %s: %w", method, path, err)
	}
	return nil
}

// puffer is an http.ResponseWriter that keeps the answer of a handler
// called in-process.
type puffer struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (p *puffer) Header() http.Header {
	if p.header == nil {
		p.header = http.Header{}
	}
	return p.header
}

func (p *puffer) WriteHeader(code int) {
	if p.code == 0 {
		p.code = code
	}
}

func (p *puffer) Write(b []byte) (int, error) {
	p.WriteHeader(http.StatusOK)
	return p.body.Write(b)
}

func (p *puffer) status() int {
	if p.code == 0 {
		return http.StatusOK
	}
	return p.code
}

// zurueck redirects to the console page a form names in _zurueck, or to
// fallback: never to another site.
func zurueck(w http.ResponseWriter, r *http.Request, fallback string) {
	to := r.PostFormValue("_zurueck")
	if !strings.HasPrefix(to, Prefix) || strings.HasPrefix(to, "//") || strings.Contains(to, "\\") {
		to = fallback
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// germany is the zone of the sandbox's "today", as the rules count days.
var germany = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err) // time/tzdata is embedded
	}
	return loc
}()
