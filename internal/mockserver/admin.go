package mockserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/buildinfo"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// maxAdminBody bounds the JSON body of an admin request.
const maxAdminBody = 64 << 10

// Admin is the admin API of mockinge: JSON over HTTP, served on a listener
// of its own so that it can stay on loopback while the SOAP endpoint is
// reachable from elsewhere. The sandboxes are the resource at the top,
// /sandboxes, and everything else lives under one, /sandboxes/{sandbox}/...;
// the routes of each resource are in a file of their own: admin_sandboxes.go
// (sandboxes and their users), admin_stoerungen.go (injected faults),
// admin_clock.go, admin_journal.go (journal and its ZIP export),
// admin_verify.go, admin_profile.go (the contract profiles).
//
// Errors are answered as {"fehler": "..."} with an honest status: 400 for
// JSON or values that cannot be used, 404 for an unknown sandbox, user or
// path, 405 for a method the path does not offer, 409 for a name that is
// taken or a sandbox that cannot be removed, 413 for a body over 64 KiB,
// 500 for a failure of the mock. The admin API never shows passwords.
type Admin struct {
	reg    *sandbox.Registry
	queue  drainer
	log    *slog.Logger
	router *mux.Router

	// traeger are the Traegernummern of the Testdatenpaket, read once.
	traeger struct {
		mu      sync.Mutex
		nummern []string
	}
	// profile are the contract profiles a sandbox may be made with, as
	// the server has them (Config.Profile).
	profile map[string]*profil.Profil
}

// NewAdmin returns the admin API over the sandboxes. A nil logger discards.
func NewAdmin(reg *sandbox.Registry, queue drainer, logger *slog.Logger) *Admin {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	a := &Admin{reg: reg, queue: queue, log: logger, router: mux.NewRouter().SkipClean(true)}
	a.router.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, adminFehler{Fehler: "unbekannter Pfad " + r.URL.Path})
	})
	a.router.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", strings.Join(a.allowed(r), ", "))
		writeJSON(w, http.StatusMethodNotAllowed, adminFehler{Fehler: fmt.Sprintf("Methode %s ist für %s nicht erlaubt", r.Method, r.URL.Path)})
	})
	a.handle("/bereit", a.ready, http.MethodGet)
	a.sandboxRoutes()
	a.stoerungenRoutes()
	a.clockRoutes()
	a.journalRoutes()
	a.verifyRoutes()
	a.profilRoutes()
	return a
}

// Mount serves h at "/" and under prefix, beside the JSON API, whose
// paths keep their answers: the console in the browser (package console).
func (a *Admin) Mount(prefix string, h http.Handler) {
	a.router.Path("/").Handler(h)
	a.router.PathPrefix(prefix).Handler(h)
}

// bereitJSON is the answer of GET /bereit.
type bereitJSON struct {
	Bereit    bool   `json:"bereit"`
	Version   string `json:"version"`
	Vertrag   string `json:"vertrag"`
	Sandboxen int    `json:"sandboxen"`
}

// ready answers GET /bereit, the readiness probe of a CI job or container:
// 200 once the mock serves, after its stores are open, its Testdatenpaket
// loaded and its queues applied; 503 if the standard sandbox's store does
// not answer.
func (a *Admin) ready(r *http.Request) (any, error) {
	sb, err := a.reg.Get(sandbox.Standard)
	if err == nil {
		err = sb.Use(func(st *mockstate.Store) error {
			_, err := st.Users(r.Context())
			return err
		})
	}
	if err != nil {
		a.log.Error("readiness", "err", err)
		return nil, &adminError{status: http.StatusServiceUnavailable, msg: "mockinge ist nicht bereit: die Datenbank antwortet nicht"}
	}
	return bereitJSON{Bereit: true, Version: buildinfo.Read().Version, Vertrag: inge.ContractVersion, Sandboxen: len(a.reg.List())}, nil
}

// drainer applies the requests a sandbox accepted during an outage
// (Server.Drain); the admin API calls it when an outage ends.
type drainer interface {
	Drain(ctx context.Context, sb *sandbox.Sandbox) (int, error)
}

// allowed lists the methods the path of r offers, for the Allow header of
// a 405 answer.
func (a *Admin) allowed(r *http.Request) []string {
	var methods []string
	for _, m := range []string{http.MethodGet, http.MethodPut, http.MethodPost, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		var match mux.RouteMatch
		if a.router.Match(probe, &match) && match.MatchErr == nil {
			methods = append(methods, m)
		}
	}
	return methods
}

// ServeHTTP implements http.Handler. A path with an encoded slash or
// backslash, an empty segment or a dot segment is refused with 400 before
// any route sees it: cleaned and redirected, DELETE
// /sandboxes/x3%2F..%2Fcase would lead a client that follows redirects to
// delete another sandbox.
func (a *Admin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !cleanPath(r.URL.EscapedPath()) {
		writeJSON(w, http.StatusBadRequest, adminFehler{Fehler: fmt.Sprintf("der Pfad %q ist nicht erlaubt: kodierte Schrägstriche, leere Segmente, . und .. werden abgewiesen, nicht umgeleitet", r.URL.EscapedPath())})
		return
	}
	a.router.ServeHTTP(w, r)
}

// cleanPath reports whether an escaped path is what it says: no encoded
// slash or backslash, no empty, . or .. segment (a trailing slash is fine).
func cleanPath(escaped string) bool {
	lower := strings.ToLower(escaped)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(escaped, `\`) {
		return false
	}
	segments := strings.Split(strings.TrimSuffix(strings.TrimPrefix(escaped, "/"), "/"), "/")
	for i, seg := range segments {
		if unescaped, err := url.PathUnescape(seg); err != nil || unescaped == "." || unescaped == ".." || seg == "" && !(i == 0 && len(segments) == 1) {
			return false
		}
	}
	return true
}

// adminFunc handles an admin request and returns the value to answer with
// 200 OK (a reply or a download for anything else), or an error; an
// *adminError chooses the status.
type adminFunc func(r *http.Request) (any, error)

// reply is an answer with a status other than 200 OK; 204 sends no body.
type reply struct {
	status int
	body   any
}

func created(v any) reply { return reply{status: http.StatusCreated, body: v} }

var noContent = reply{status: http.StatusNoContent}

// download is an answer that is a file rather than JSON. write runs after
// the status is sent, so it must not fail for any reason but the
// connection: everything that can fail comes before.
type download struct {
	contentType string
	filename    string
	write       func(io.Writer) error
}

// langeAntwort is how long an answer that reads a whole journal (verify,
// the ZIP) may take, instead of the listener's write timeout: over a big
// journal on a busy machine that timeout cut it off with no answer at all.
const langeAntwort = 15 * time.Minute

// handle registers fn for path and methods.
func (a *Admin) handle(path string, fn adminFunc, methods ...string) {
	a.route(path, fn, 0, methods...)
}

// handleLang registers fn, which reads a whole journal, for path and
// methods: its answer may take langeAntwort.
func (a *Admin) handleLang(path string, fn adminFunc, methods ...string) {
	a.route(path, fn, langeAntwort, methods...)
}

// route registers fn for path and methods; a positive write is the time
// its answer may take from now on, else the listener's write timeout holds.
func (a *Admin) route(path string, fn adminFunc, write time.Duration, methods ...string) {
	a.router.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		if write > 0 {
			// Not supported only by writers that have no deadline.
			_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(write))
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxAdminBody)
		v, err := fn(r)
		if err == nil {
			switch v := v.(type) {
			case reply:
				if v.status == http.StatusNoContent {
					w.WriteHeader(v.status)
					return
				}
				writeJSON(w, v.status, v.body)
			case download:
				w.Header().Set("Content-Type", v.contentType)
				w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": v.filename}))
				w.Header().Set("X-Content-Type-Options", "nosniff")
				w.WriteHeader(http.StatusOK)
				if err := v.write(w); err != nil {
					a.log.Warn("admin download broken off", "path", r.URL.Path, "err", err)
				}
			default:
				writeJSON(w, http.StatusOK, v)
			}
			return
		}
		var ae *adminError
		if !errors.As(err, &ae) {
			a.log.Error("admin request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			ae = &adminError{status: http.StatusInternalServerError, msg: "interner Fehler von mockinge"}
		}
		writeJSON(w, ae.status, adminFehler{Fehler: ae.msg})
	}).Methods(methods...)
}

// adminError is an error answered with its own status and German text.
type adminError struct {
	status int
	msg    string
}

func (e *adminError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &adminError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// adminFehler is the body of every error answer.
type adminFehler struct {
	Fehler string `json:"fehler"`
}

// sandbox returns the sandbox the path names, or a 404 error.
func (a *Admin) sandbox(r *http.Request) (*sandbox.Sandbox, error) {
	name := mux.Vars(r)["sandbox"]
	sb, err := a.reg.Get(name)
	if errors.Is(err, sandbox.ErrNotFound) {
		return nil, &adminError{status: http.StatusNotFound, msg: fmt.Sprintf("Sandbox %q ist unbekannt", name)}
	}
	return sb, err
}

// decodeJSON reads exactly one JSON object from the body into v; unknown
// keys are an error, so that a typo is never ignored, and so are a key
// given twice and one in another case than the API's (encoding/json would
// take the last, and match case-insensitively).
func decodeJSON(r *http.Request, v any) error {
	data, err := io.ReadAll(r.Body)
	if err == nil {
		err = checkKeys(json.NewDecoder(bytes.NewReader(data)), reflect.TypeOf(v))
	}
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err = dec.Decode(v); err == nil {
			if _, err = dec.Token(); err == io.EOF {
				return nil
			}
			if err == nil {
				err = errors.New("weitere Daten nach dem JSON-Objekt")
			}
		}
	}
	var keyErr *keyError
	if errors.As(err, &keyErr) {
		return badRequest("ungültiges JSON: %s", keyErr.msg)
	}
	return jsonError(err)
}

// keyError is a key that is given twice or is not the API's.
type keyError struct{ msg string }

func (e *keyError) Error() string { return e.msg }

// checkKeys walks one JSON value of dec against the Go type t it is to be
// decoded into: every object's keys must be distinct and, for a struct,
// exactly the names of its fields. Syntax errors are left to the decoding.
func checkKeys(dec *json.Decoder, t reflect.Type) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	tok, err := dec.Token()
	if err != nil {
		return nil // the decoding reports it
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil
			}
			key, _ := k.(string)
			if seen[key] {
				return &keyError{fmt.Sprintf("der Schlüssel %q ist doppelt", key)}
			}
			seen[key] = true
			var field reflect.Type
			switch {
			case t != nil && t.Kind() == reflect.Struct:
				f, ok := jsonField(t, key)
				if !ok {
					return &keyError{"unbekannter Schlüssel " + strconv.Quote(key)}
				}
				field = f
			case t != nil && t.Kind() == reflect.Map:
				field = t.Elem()
			}
			if err := checkKeys(dec, field); err != nil {
				return err
			}
		}
		_, _ = dec.Token()
	case json.Delim('['):
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for dec.More() {
			if err := checkKeys(dec, elem); err != nil {
				return err
			}
		}
		_, _ = dec.Token()
	}
	return nil
}

// jsonField returns the type of the field of struct t whose JSON name is
// exactly key.
func jsonField(t reflect.Type, key string) (reflect.Type, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f.Type, true
		}
	}
	return nil, false
}

// jsonError is the admin API's answer to a body that could not be decoded.
func jsonError(err error) error {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return &adminError{status: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf("der Body ist größer als %d Bytes", tooLarge.Limit)}
	case errors.Is(err, io.EOF):
		return badRequest("der Body ist leer; erwartet wird ein JSON-Objekt")
	default:
		return badRequest("ungültiges JSON: %s", jsonGrund(err))
	}
}

// jsonGrund says in German what is wrong with a JSON body, without the
// decoder's Go terms.
func jsonGrund(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("Syntaxfehler bei Zeichen %d", syntax.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("%q hat den falschen Typ: erwartet wird %s, nicht %s", typ.Field, jsonType(typ.Type.Kind()), jsonValue(typ.Value))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "das JSON-Objekt ist unvollständig"
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "unbekannter Schlüssel " + field
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "json: ") {
		return msg // our own, German
	}
	return "das JSON-Objekt passt nicht zur erwarteten Form"
}

// jsonValue names the kind of a JSON value as the decoder reports it.
func jsonValue(v string) string {
	switch {
	case v == "string":
		return "eine Zeichenkette"
	case v == "bool":
		return "true oder false"
	case v == "array":
		return "eine Liste"
	case v == "object":
		return "ein Objekt"
	case strings.HasPrefix(v, "number"):
		return "eine Zahl"
	}
	return v
}

// jsonType names the JSON type a Go kind is written as.
func jsonType(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "eine Zeichenkette"
	case reflect.Bool:
		return "true oder false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Float64:
		return "eine Zahl"
	case reflect.Slice, reflect.Array:
		return "eine Liste"
	default:
		return "ein Objekt"
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the status is sent; a broken connection has no one to tell
}
