package mockserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// maxAdminBody bounds the JSON body of an admin request.
const maxAdminBody = 64 << 10

// Admin is the admin API of mockinge: JSON over HTTP, served on a listener
// of its own so that it can stay on loopback while the SOAP endpoint is
// reachable from elsewhere. Every resource lives under a sandbox,
// /sandboxes/{sandbox}/...; the routes of each resource are in a
// file of their own (admin_clock.go).
//
// Errors are answered as {"fehler": "..."} with an honest status: 400 for
// JSON or values that cannot be used, 404 for an unknown sandbox or path,
// 405 for a method the path does not offer, 413 for a body over 64 KiB,
// 500 for a failure of the mock. The admin API never shows passwords.
type Admin struct {
	reg    *sandbox.Registry
	queue  drainer
	log    *slog.Logger
	router *mux.Router
}

// NewAdmin returns the admin API over the sandboxes. A nil logger discards.
func NewAdmin(reg *sandbox.Registry, queue drainer, logger *slog.Logger) *Admin {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	a := &Admin{reg: reg, queue: queue, log: logger, router: mux.NewRouter()}
	a.router.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, adminFehler{Fehler: "unbekannter Pfad " + r.URL.Path})
	})
	a.router.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", strings.Join(a.allowed(r), ", "))
		writeJSON(w, http.StatusMethodNotAllowed, adminFehler{Fehler: fmt.Sprintf("Methode %s ist für %s nicht erlaubt", r.Method, r.URL.Path)})
	})
	a.clockRoutes()
	return a
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

// ServeHTTP implements http.Handler.
func (a *Admin) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.router.ServeHTTP(w, r) }

// adminFunc handles an admin request and returns the value to answer with
// 200 OK, or an error; an *adminError chooses the status.
type adminFunc func(r *http.Request) (any, error)

// handle registers fn for path and methods.
func (a *Admin) handle(path string, fn adminFunc, methods ...string) {
	a.router.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxAdminBody)
		v, err := fn(r)
		if err == nil {
			writeJSON(w, http.StatusOK, v)
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
// keys are an error, so that a typo is never ignored.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, err = dec.Token(); err == io.EOF {
			return nil
		}
		if err == nil {
			err = errors.New("weitere Daten nach dem JSON-Objekt")
		}
	}
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return &adminError{status: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf("der Body ist größer als %d Bytes", tooLarge.Limit)}
	case errors.Is(err, io.EOF):
		return badRequest("der Body ist leer; erwartet wird ein JSON-Objekt")
	default:
		return badRequest("ungültiges JSON: %v", err)
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
