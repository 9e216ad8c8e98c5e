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
// arranges outside the SOAP contract: the clock of a Traeger's sandbox.
type adminClient struct {
	base string // e.g. http://127.0.0.1:8081; "" when none is configured
	http *http.Client
}

func newAdminClient(base string) *adminClient {
	return &adminClient{base: strings.TrimSuffix(base, "/"), http: &http.Client{Timeout: 30 * time.Second}}
}

// freezeClock stops the clock of Traeger nr at t.
func (a *adminClient) freezeClock(ctx context.Context, sandbox string, t time.Time) error {
	body := map[string]any{"now": t.UTC().Format(time.RFC3339), "frozen": true}
	return a.do(ctx, http.MethodPut, a.clockPath(sandbox), body)
}

// advanceClock moves the clock of Traeger nr by d.
func (a *adminClient) advanceClock(ctx context.Context, sandbox string, d time.Duration) error {
	return a.do(ctx, http.MethodPost, a.clockPath(sandbox)+"/advance", map[string]string{"by": d.String()})
}

// resetClock lets the clock of Traeger nr run at real time again.
func (a *adminClient) resetClock(ctx context.Context, sandbox string) error {
	return a.do(ctx, http.MethodDelete, a.clockPath(sandbox), nil)
}

func (a *adminClient) clockPath(sandbox string) string {
	return "/sandboxes/" + url.PathEscape(sandbox) + "/clock"
}

// do sends a JSON request and fails with the API's own "fehler" text on any
// status but 200.
func (a *adminClient) do(ctx context.Context, method, path string, body any) error {
	if a.base == "" {
		return errors.New("keine Admin-API angegeben: die Uhr eines Kursträgers lässt sich nur bei mockinge stellen (certrunner -admin, certrun.Config.Admin)")
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("admin %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, rd)
	if err != nil {
		return fmt.Errorf("admin %s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return fmt.Errorf("die Admin-API von mockinge unter %s ist nicht erreichbar (läuft mockinge mit -admin-addr, stimmt certrunner -admin?): %w", a.base, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("admin %s %s: %w", method, a.base+path, err)
	}
	if resp.StatusCode != http.StatusOK {
		var f struct {
			Fehler string `json:"fehler"`
		}
		if json.Unmarshal(answer, &f) != nil || f.Fehler == "" {
			f.Fehler = strings.TrimSpace(string(answer))
		}
		return fmt.Errorf("Admin-API %s %s: %s: %s", method, a.base+path, resp.Status, f.Fehler)
	}
	return nil
}
