package certrun

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// adminClient talks to the admin API of mockinge, for what a scenario
// arranges outside the SOAP contract: a sandbox of its own with its own
// users, and that sandbox's clock.
type adminClient struct {
	base string // e.g. http://127.0.0.1:8081; "" when none is configured
	http *http.Client
}

// newAdminClient returns a client of the admin API at base. It sends over
// transport (nil: http.DefaultTransport), so that a CA given for the SOAP
// endpoint is trusted here too.
func newAdminClient(base string, transport http.RoundTripper) *adminClient {
	return &adminClient{base: strings.TrimSuffix(base, "/"), http: &http.Client{Transport: transport, Timeout: 30 * time.Second}}
}

// sandboxUser is a user of a new sandbox, as the admin API takes it.
type sandboxUser struct {
	Name          string `json:"name"`
	Passwort      string `json:"passwort"`
	Traegernummer string `json:"traegernummer"`
}

// createSandbox makes a sandbox with the Testdatenpaket and only these users.
func (a *adminClient) createSandbox(ctx context.Context, name string, users []sandboxUser) error {
	body := map[string]any{"name": name, "benutzer": users}
	return a.do(ctx, http.MethodPost, "/sandboxes", body, http.StatusCreated)
}

// deleteSandbox removes a sandbox and everything in it.
func (a *adminClient) deleteSandbox(ctx context.Context, name string) error {
	return a.do(ctx, http.MethodDelete, "/sandboxes/"+url.PathEscape(name), nil, http.StatusNoContent)
}

// freezeClock stops the clock of the sandbox at t.
func (a *adminClient) freezeClock(ctx context.Context, sandbox string, t time.Time) error {
	body := map[string]any{"now": t.UTC().Format(time.RFC3339), "frozen": true}
	return a.do(ctx, http.MethodPut, a.clockPath(sandbox), body, http.StatusOK)
}

// advanceClock moves the clock of the sandbox by d.
func (a *adminClient) advanceClock(ctx context.Context, sandbox string, d time.Duration) error {
	return a.do(ctx, http.MethodPost, a.clockPath(sandbox)+"/advance", map[string]string{"by": d.String()}, http.StatusOK)
}

// resetClock lets the clock of the sandbox run at real time again.
func (a *adminClient) resetClock(ctx context.Context, sandbox string) error {
	return a.do(ctx, http.MethodDelete, a.clockPath(sandbox), nil, http.StatusOK)
}

func (a *adminClient) clockPath(sandbox string) string {
	return "/sandboxes/" + url.PathEscape(sandbox) + "/clock"
}

// do sends a JSON request and fails with the API's own "fehler" text on any
// status but want.
func (a *adminClient) do(ctx context.Context, method, path string, body any, want int) error {
	return a.doJSON(ctx, method, path, body, want, nil)
}

// doJSON is do that decodes the answer into out, unless out is nil.
func (a *adminClient) doJSON(ctx context.Context, method, path string, body any, want int, out any) error {
	if a.base == "" {
		return errors.New("keine Admin-API angegeben: Sandboxen und die Uhr eines Kursträgers gibt es nur bei mockinge (certrunner -admin, certrun.Config.Admin)")
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("Admin-API %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, rd)
	if err != nil {
		return fmt.Errorf("Admin-API %s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return fmt.Errorf("die Admin-API von mockinge unter %s ist nicht erreichbar (läuft mockinge mit -admin-addr, stimmt certrunner -admin?): %w: %w", a.base, errAdminUnreachable, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("Admin-API %s %s: %w", method, a.base+path, err)
	}
	if resp.StatusCode != want {
		var f struct {
			Fehler string `json:"fehler"`
		}
		if json.Unmarshal(answer, &f) != nil || f.Fehler == "" {
			f.Fehler = strings.TrimSpace(string(answer))
		}
		return fmt.Errorf("Admin-API %s %s: %s: %s", method, a.base+path, resp.Status, f.Fehler)
	}
	if out != nil {
		if err := json.Unmarshal(answer, out); err != nil {
			return fmt.Errorf("Admin-API %s %s: Antwort: %w", method, a.base+path, err)
		}
	}
	return nil
}

// errAdminUnreachable marks an admin request that got no answer at all.
var errAdminUnreachable = errors.New("keine Antwort")

// sandboxInfo is a sandbox as the admin API shows it.
type sandboxInfo struct {
	Name     string        `json:"name"`
	Benutzer []sandboxUser `json:"benutzer"`
}

// getSandbox returns a sandbox and its users (without passwords).
func (a *adminClient) getSandbox(ctx context.Context, name string) (sandboxInfo, error) {
	var sb sandboxInfo
	err := a.doJSON(ctx, http.MethodGet, "/sandboxes/"+url.PathEscape(name), nil, http.StatusOK, &sb)
	return sb, err
}

// resetSandbox brings a sandbox back to the Testdatenpaket.
func (a *adminClient) resetSandbox(ctx context.Context, name string) error {
	return a.do(ctx, http.MethodPost, "/sandboxes/"+url.PathEscape(name)+"/reset", nil, http.StatusOK)
}
