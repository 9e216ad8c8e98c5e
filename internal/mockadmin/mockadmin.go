// Package mockadmin is a Go client of mockinge's admin API: sandboxes and
// their users, the clock of a sandbox, its injected faults and its journal.
// certrunner uses it for what a run arranges outside the SOAP contract.
package mockadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ErrUnreachable marks a request to the admin API that got no answer at
// all: no mockinge there, or none with an admin API.
var ErrUnreachable = errors.New("keine Antwort")

// maxAnswer bounds what the client reads of one answer; a journal with
// its XML is the largest.
const maxAnswer = 256 << 20

// Client talks to the admin API at one base URL.
type Client struct {
	base string // e.g. http://127.0.0.1:8081; "" when none is configured
	http *http.Client
}

// New returns a client of the admin API at base. It sends over transport
// (nil: http.DefaultTransport), so that a CA given for the SOAP endpoint is
// trusted here too.
func New(base string, transport http.RoundTripper) *Client {
	return &Client{base: strings.TrimSuffix(base, "/"), http: &http.Client{Transport: transport, Timeout: 60 * time.Second}}
}

// Base is the base URL the client talks to.
func (c *Client) Base() string { return c.base }

// Benutzer is a user of a sandbox; the admin API shows it without its
// password.
type Benutzer struct {
	Name          string `json:"name"`
	Passwort      string `json:"passwort,omitempty"`
	Traegernummer string `json:"traegernummer"`
}

// Sandbox is a sandbox as the admin API shows it.
type Sandbox struct {
	Name     string     `json:"name"`
	Erstellt time.Time  `json:"erstellt"`
	Benutzer []Benutzer `json:"benutzer"`
	// Profil is the contract profile the sandbox speaks, "" for ours; WSDL
	// the path of its WSDL on the SOAP listener.
	Profil string `json:"profil,omitempty"`
	WSDL   string `json:"wsdl,omitempty"`
}

// CreateSandbox makes a sandbox with the Testdatenpaket and only these
// users.
func (c *Client) CreateSandbox(ctx context.Context, name string, users []Benutzer) error {
	return c.CreateProfiledSandbox(ctx, name, "", users)
}

// CreateProfiledSandbox makes a sandbox that speaks the contract profile
// profil ("" for ours) with the Testdatenpaket and only these users.
func (c *Client) CreateProfiledSandbox(ctx context.Context, name, profil string, users []Benutzer) error {
	body := map[string]any{"name": name, "benutzer": users}
	if profil != "" {
		body["profil"] = profil
	}
	return c.do(ctx, http.MethodPost, "/sandboxes", body, http.StatusCreated, nil)
}

// Profil is a contract profile the mock has loaded.
type Profil struct {
	Name      string `json:"name"`
	Titel     string `json:"titel"`
	Namespace string `json:"namespace"`
	Digest    string `json:"digest"`
	WSDL      string `json:"wsdl"`
}

// Profil reads a contract profile the mock has loaded.
func (c *Client) Profil(ctx context.Context, name string) (Profil, error) {
	var p Profil
	err := c.do(ctx, http.MethodGet, "/profile/"+url.PathEscape(name), nil, http.StatusOK, &p)
	return p, err
}

// Sandbox reads one sandbox and its users.
func (c *Client) Sandbox(ctx context.Context, name string) (Sandbox, error) {
	var sb Sandbox
	err := c.do(ctx, http.MethodGet, sandboxPath(name), nil, http.StatusOK, &sb)
	return sb, err
}

// ResetSandbox brings a sandbox back to the Testdatenpaket; its users stay,
// its faults are cleared.
func (c *Client) ResetSandbox(ctx context.Context, name string) error {
	return c.do(ctx, http.MethodPost, sandboxPath(name)+"/reset", nil, http.StatusOK, nil)
}

// DeleteSandbox removes a sandbox and everything in it.
func (c *Client) DeleteSandbox(ctx context.Context, name string) error {
	return c.do(ctx, http.MethodDelete, sandboxPath(name), nil, http.StatusNoContent, nil)
}

// FreezeClock stops the clock of the sandbox at t.
func (c *Client) FreezeClock(ctx context.Context, sandbox string, t time.Time) error {
	body := map[string]any{"now": t.UTC().Format(time.RFC3339), "frozen": true}
	return c.do(ctx, http.MethodPut, sandboxPath(sandbox)+"/clock", body, http.StatusOK, nil)
}

// AdvanceClock moves the clock of the sandbox by d.
func (c *Client) AdvanceClock(ctx context.Context, sandbox string, d time.Duration) error {
	return c.do(ctx, http.MethodPost, sandboxPath(sandbox)+"/clock/advance", map[string]string{"by": d.String()}, http.StatusOK, nil)
}

// ResetClock lets the clock of the sandbox run at real time again.
func (c *Client) ResetClock(ctx context.Context, sandbox string) error {
	return c.do(ctx, http.MethodDelete, sandboxPath(sandbox)+"/clock", nil, http.StatusOK, nil)
}

// Stoerungen are the faults injected into a sandbox.
type Stoerungen struct {
	Ausfall              bool               `json:"ausfall"`
	Latenz               string             `json:"latenz,omitempty"`
	NaechsteFehlschlagen int                `json:"naechsteFehlschlagen"`
	AusfallFuer          []GezielterAusfall `json:"ausfallFuer"`
}

// GezielterAusfall is an outage for the next Anfragen requests naming
// Daten.
type GezielterAusfall struct {
	Daten    string `json:"daten"`
	Anfragen int    `json:"anfragen"`
}

// SetStoerungen replaces the faults of a sandbox; ending an outage applies
// what waits in its queue.
func (c *Client) SetStoerungen(ctx context.Context, sandbox string, s Stoerungen) error {
	if s.AusfallFuer == nil {
		s.AusfallFuer = []GezielterAusfall{}
	}
	return c.do(ctx, http.MethodPut, sandboxPath(sandbox)+"/stoerungen", s, http.StatusOK, nil)
}

// ClearStoerungen ends every fault of a sandbox; what its queue holds is
// applied first.
func (c *Client) ClearStoerungen(ctx context.Context, sandbox string) error {
	return c.do(ctx, http.MethodDelete, sandboxPath(sandbox)+"/stoerungen", nil, http.StatusOK, nil)
}

// Eintrag is a journal entry with its request and response XML, the
// passwords masked.
type Eintrag struct {
	ID             int64     `json:"id"`
	Zeit           time.Time `json:"zeit"`
	Traegernummer  string    `json:"traegernummer"`
	Benutzer       string    `json:"benutzer"`
	Operation      string    `json:"operation"`
	Vorgangsnummer string    `json:"vorgangsnummer"`
	Ergebnis       string    `json:"ergebnis"`
	Dauer          string    `json:"dauer"`
	Anfrage        string    `json:"anfrage"`
	Antwort        string    `json:"antwort"`
	// Profil, AnfrageKanonisch and AntwortKanonisch are set for an exchange
	// of a profiled sandbox: Anfrage and Antwort are then in the profile's
	// names, the canonical ones in ours.
	Profil           string `json:"profil"`
	AnfrageKanonisch string `json:"anfrageKanonisch"`
	AntwortKanonisch string `json:"antwortKanonisch"`
}

// Kanonisch returns the request and the answer as our contract writes them:
// the canonical forms of a profiled exchange, else Anfrage and Antwort.
func (e Eintrag) Kanonisch() (anfrage, antwort string) {
	anfrage, antwort = e.Anfrage, e.Antwort
	if e.AnfrageKanonisch != "" {
		anfrage = e.AnfrageKanonisch
	}
	if e.AntwortKanonisch != "" {
		antwort = e.AntwortKanonisch
	}
	return anfrage, antwort
}

// JournalFilter selects journal entries; zero fields select all.
type JournalFilter struct {
	Operation string    // only the entries of this procedure
	Nach      int64     // only the entries after this one
	Von       time.Time // only the entries from then on
}

// Journal reads the entries of a sandbox that the filter selects, oldest
// first, with their XML.
func (c *Client) Journal(ctx context.Context, sandbox string, f JournalFilter) ([]Eintrag, error) {
	q := url.Values{"xml": {"1"}}
	if f.Operation != "" {
		q.Set("operation", f.Operation)
	}
	if f.Nach > 0 {
		q.Set("nach", strconv.FormatInt(f.Nach, 10))
	}
	if !f.Von.IsZero() {
		q.Set("von", f.Von.UTC().Format(time.RFC3339Nano))
	}
	var es []Eintrag
	if err := c.do(ctx, http.MethodGet, sandboxPath(sandbox)+"/journal?"+q.Encode(), nil, http.StatusOK, &es); err != nil {
		return nil, err
	}
	for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 { // the API answers newest first
		es[i], es[j] = es[j], es[i]
	}
	return es, nil
}

func sandboxPath(name string) string { return "/sandboxes/" + url.PathEscape(name) }

// do sends a JSON request, decodes the answer into out (if not nil), and
// fails with the API's own "fehler" text on any status but want.
func (c *Client) do(ctx context.Context, method, path string, body any, want int, out any) error {
	if c.base == "" {
		return errors.New("keine Admin-API angegeben: Sandboxen, die Uhr und das Journal gibt es nur bei mockinge (certrunner -admin)")
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("Admin-API %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return fmt.Errorf("Admin-API %s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("die Admin-API von mockinge unter %s ist nicht erreichbar (läuft mockinge mit -admin-addr, stimmt certrunner -admin?): %w: %w", c.base, ErrUnreachable, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return fmt.Errorf("Admin-API %s %s: %w", method, c.base+path, err)
	}
	if resp.StatusCode != want {
		var f struct {
			Fehler string `json:"fehler"`
		}
		if json.Unmarshal(answer, &f) != nil || f.Fehler == "" {
			f.Fehler = strings.TrimSpace(string(answer))
		}
		return fmt.Errorf("Admin-API %s %s: %s: %s", method, c.base+path, resp.Status, f.Fehler)
	}
	if out != nil {
		if err := json.Unmarshal(answer, out); err != nil {
			return fmt.Errorf("Admin-API %s %s: die Antwort ist kein erwartetes JSON: %w", method, c.base+path, err)
		}
	}
	return nil
}
