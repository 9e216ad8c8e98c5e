package mockserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// mustStartAdmin starts the mock with its admin API, both on free loopback
// ports.
func mustStartAdmin(tb testing.TB) *mockserver.Local {
	tb.Helper()
	return mustStartAdminConfig(tb, mockserver.Config{})
}

// mustStartAdminConfig is mustStartAdmin with a configuration; its
// AdminAddr is set.
func mustStartAdminConfig(tb testing.TB, cfg mockserver.Config) *mockserver.Local {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "mockinge.db")
	cfg.AdminAddr = "127.0.0.1:0"
	mock, err := mockserver.StartLocal(context.Background(), "127.0.0.1:0", db, harness.Testdatenpaket(), cfg)
	if err != nil {
		tb.Fatalf("StartLocal: %v", err)
	}
	tb.Cleanup(func() {
		if err := mock.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	if !strings.HasPrefix(mock.AdminURL, "http://127.0.0.1:") || mock.AdminURL == mock.URL {
		tb.Fatalf("AdminURL = %q; want its own port on 127.0.0.1 (SOAP at %s)", mock.AdminURL, mock.URL)
	}
	return mock
}

// adminReply is an answer of the admin API.
type adminReply struct {
	status      int
	contentType string
	allow       string
	body        []byte
}

// adminDo sends an admin request; body "" sends none.
func adminDo(tb testing.TB, method, url, body string) adminReply {
	tb.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(tb.Context(), method, url, rd)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: read body: %v", method, url, err)
	}
	return adminReply{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), allow: resp.Header.Get("Allow"), body: b}
}

type clockReply struct {
	Sandbox string    `json:"sandbox"`
	Now     time.Time `json:"now"`
	Frozen  bool      `json:"frozen"`
}

// mustClock sends a clock request that must succeed and returns the clock.
func mustClock(tb testing.TB, method, url, body string) clockReply {
	tb.Helper()
	r := adminDo(tb, method, url, body)
	if r.status != http.StatusOK {
		tb.Fatalf("%s %s %s: Status = %d; want %d\n%s", method, url, body, r.status, http.StatusOK, r.body)
	}
	if !strings.HasPrefix(r.contentType, "application/json") {
		tb.Errorf("%s %s: Content-Type = %q; want application/json", method, url, r.contentType)
	}
	var c clockReply
	dec := json.NewDecoder(bytes.NewReader(r.body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		tb.Fatalf("%s %s: body %s: %v", method, url, r.body, err)
	}
	return c
}

func TestAdminClock(t *testing.T) {
	mock := mustStartAdmin(t)
	clock1 := mock.AdminURL + "/sandboxes/standard/clock"
	if _, err := mock.Sandboxes.Create(t.Context(), "zweite", []mockstate.Zugang{{Name: "z.kt1", Passwort: "Geheim!1", Traegernummer: "10000001"}}); err != nil {
		t.Fatal(err)
	}
	clock2 := mock.AdminURL + "/sandboxes/zweite/clock"
	instant := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)

	nearRealTime := func(t *testing.T, c clockReply) {
		t.Helper()
		if c.Frozen || c.Now.Sub(time.Now()).Abs() > time.Minute {
			t.Errorf("clock = %+v; want running at real time (%v)", c, time.Now().UTC())
		}
	}
	businessNow := func(t *testing.T) time.Time {
		t.Helper()
		return ingetest.View(t, mock.Standard(), func(tx *mockstate.Tx) (time.Time, error) { return tx.Now(t.Context()) })
	}

	t.Run("RealTimeByDefault", func(t *testing.T) {
		c := mustClock(t, http.MethodGet, clock1, "")
		if c.Sandbox != "standard" {
			t.Errorf("sandbox = %q; want standard", c.Sandbox)
		}
		nearRealTime(t, c)
	})

	t.Run("Freeze", func(t *testing.T) {
		r := adminDo(t, http.MethodPut, clock1, `{"now": "2027-03-10T09:00:00Z", "frozen": true}`)
		var got, want any
		if err := json.Unmarshal(r.body, &got); err != nil {
			t.Fatalf("body %s: %v", r.body, err)
		}
		_ = json.Unmarshal([]byte(`{"sandbox": "standard", "now": "2027-03-10T09:00:00Z", "frozen": true}`), &want)
		if r.status != http.StatusOK || !jsonEqual(got, want) {
			t.Errorf("PUT: Status = %d, body %s; want 200 and the frozen clock", r.status, r.body)
		}
		time.Sleep(5 * time.Millisecond) // a running clock would move on
		if c := mustClock(t, http.MethodGet, clock1, ""); !c.Frozen || !c.Now.Equal(instant) {
			t.Errorf("GET after PUT = %+v; want frozen at %v", c, instant)
		}
		if now := businessNow(t); !now.Equal(instant) { // the clock of the sandbox's store
			t.Errorf("Tx.Now = %v; want %v", now, instant)
		}
		nearRealTime(t, mustClock(t, http.MethodGet, clock2, "")) // another sandbox
	})

	t.Run("Advance", func(t *testing.T) {
		c := mustClock(t, http.MethodPost, clock1+"/advance", `{"by": "48h"}`)
		if want := instant.Add(48 * time.Hour); !c.Frozen || !c.Now.Equal(want) {
			t.Errorf("advance 48h = %+v; want frozen at %v", c, want)
		}
		c = mustClock(t, http.MethodPost, clock1+"/advance", `{"by": "-24h"}`)
		if want := instant.Add(24 * time.Hour); !c.Frozen || !c.Now.Equal(want) {
			t.Errorf("advance -24h = %+v; want frozen at %v", c, want)
		}
	})

	t.Run("SetRunning", func(t *testing.T) {
		c := mustClock(t, http.MethodPut, clock1, `{"now": "2027-03-10T09:00:00+01:00"}`)
		start := instant.Add(-time.Hour)
		if c.Frozen || c.Now.Before(start) || c.Now.Sub(start) > time.Minute {
			t.Errorf("PUT running = %+v; want running from %v", c, start)
		}
		c = mustClock(t, http.MethodPost, clock1+"/advance", `{"by": "24h"}`)
		if c.Frozen || c.Now.Sub(start.Add(24*time.Hour)) < 0 || c.Now.Sub(start.Add(24*time.Hour)) > time.Minute {
			t.Errorf("advance running 24h = %+v; want running a day later", c)
		}
	})

	t.Run("Reset", func(t *testing.T) {
		mustClock(t, http.MethodPut, clock1, `{"now": "2027-03-10T09:00:00Z", "frozen": true}`)
		nearRealTime(t, mustClock(t, http.MethodDelete, clock1, ""))
		nearRealTime(t, mustClock(t, http.MethodGet, clock1, ""))
		if now := businessNow(t); now.Sub(time.Now()).Abs() > time.Minute {
			t.Errorf("Tx.Now after DELETE = %v; want real time", now)
		}
	})
}

func TestAdminClock_Errors(t *testing.T) {
	mock := mustStartAdmin(t)
	clock := mock.AdminURL + "/sandboxes/standard/clock"
	tests := []struct {
		name         string
		method, url  string
		body         string
		want         int
		wantInFehler string
		wantAllow    string // for 405
	}{
		{"GetUnknownSandbox", http.MethodGet, mock.AdminURL + "/sandboxes/gibtsnicht/clock", "", http.StatusNotFound, "gibtsnicht", ""},
		{"PutUnknownSandbox", http.MethodPut, mock.AdminURL + "/sandboxes/gibtsnicht/clock", `{"now": "2027-03-10T09:00:00Z"}`, http.StatusNotFound, "unbekannt", ""},
		{"AdvanceUnknownSandbox", http.MethodPost, mock.AdminURL + "/sandboxes/gibtsnicht/clock/advance", `{"by": "1h"}`, http.StatusNotFound, "unbekannt", ""},
		{"DeleteUnknownSandbox", http.MethodDelete, mock.AdminURL + "/sandboxes/gibtsnicht/clock", "", http.StatusNotFound, "unbekannt", ""},
		{"PutNoBody", http.MethodPut, clock, "", http.StatusBadRequest, "leer", ""},
		{"PutBadJSON", http.MethodPut, clock, `{"now": `, http.StatusBadRequest, "ungültiges JSON: das JSON-Objekt ist unvollständig", ""},
		{"PutBadSyntax", http.MethodPut, clock, `{"now" "x"}`, http.StatusBadRequest, "ungültiges JSON: Syntaxfehler bei Zeichen 8", ""},
		{"PutUnknownKey", http.MethodPut, clock, `{"jetzt": "2027-03-10T09:00:00Z"}`, http.StatusBadRequest, `unbekannter Schlüssel "jetzt"`, ""},
		{"PutTwoObjects", http.MethodPut, clock, `{"now": "2027-03-10T09:00:00Z"} {}`, http.StatusBadRequest, "weitere Daten", ""},
		{"PutNowMissing", http.MethodPut, clock, `{"frozen": true}`, http.StatusBadRequest, `"now" fehlt`, ""},
		{"PutNowGermanDate", http.MethodPut, clock, `{"now": "10.03.2027"}`, http.StatusBadRequest, "RFC 3339", ""},
		{"PutNowOutOfRange", http.MethodPut, clock, `{"now": "2500-01-01T00:00:00Z"}`, http.StatusBadRequest, "Jahre", ""},
		{"PutFrozenNotBool", http.MethodPut, clock, `{"now": "2027-03-10T09:00:00Z", "frozen": "ja"}`, http.StatusBadRequest, `"frozen" hat den falschen Typ: erwartet wird true oder false, nicht eine Zeichenkette`, ""},
		{"PutTooLarge", http.MethodPut, clock, `{"now": "` + strings.Repeat("x", 70<<10) + `"}`, http.StatusRequestEntityTooLarge, "Bytes", ""},
		{"AdvanceByMissing", http.MethodPost, clock + "/advance", `{}`, http.StatusBadRequest, `"by" fehlt`, ""},
		{"AdvanceByNotDuration", http.MethodPost, clock + "/advance", `{"by": "2 Tage"}`, http.StatusBadRequest, "Dauer", ""},
		{"AdvanceOutOfRange", http.MethodPost, clock + "/advance", `{"by": "2000000h"}`, http.StatusBadRequest, "Jahre", ""},
		{"PatchClock", http.MethodPatch, clock, `{}`, http.StatusMethodNotAllowed, "PATCH", "GET, PUT, DELETE"},
		{"PostClock", http.MethodPost, clock, `{}`, http.StatusMethodNotAllowed, "POST", "GET, PUT, DELETE"},
		{"GetAdvance", http.MethodGet, clock + "/advance", "", http.StatusMethodNotAllowed, "GET", "POST"},
		{"UnknownPath", http.MethodGet, mock.AdminURL + "/sandboxes/standard/uhr", "", http.StatusNotFound, "/sandboxes/standard/uhr", ""},
		{"UnknownTopLevel", http.MethodGet, mock.AdminURL + "/gibtsnicht", "", http.StatusNotFound, "unbekannter Pfad", ""}, // "/" is the console
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := adminDo(t, tt.method, tt.url, tt.body)
			if r.status != tt.want {
				t.Errorf("Status = %d; want %d\n%s", r.status, tt.want, r.body)
			}
			if !strings.HasPrefix(r.contentType, "application/json") {
				t.Errorf("Content-Type = %q; want application/json", r.contentType)
			}
			if r.allow != tt.wantAllow {
				t.Errorf("Allow = %q; want %q", r.allow, tt.wantAllow)
			}
			var body struct {
				Fehler string `json:"fehler"`
			}
			if err := json.Unmarshal(r.body, &body); err != nil || !strings.Contains(body.Fehler, tt.wantInFehler) {
				t.Errorf("body = %s; want {\"fehler\": ...%s...}", r.body, tt.wantInFehler)
			}
		})
	}
	// Nothing of the failed requests reached the clock.
	if c := mustClock(t, http.MethodGet, clock, ""); c.Frozen || c.Now.Sub(time.Now()).Abs() > time.Minute {
		t.Errorf("clock after failed requests = %+v; want real time", c)
	}
}

// The admin API has a listener of its own: the SOAP port does not serve it,
// and it serves nothing of the SOAP endpoint.
func TestAdmin_OwnListener(t *testing.T) {
	mock := mustStartAdmin(t)
	if r := adminDo(t, http.MethodGet, mock.URL+"/sandboxes/standard/clock", ""); r.status != http.StatusNotFound {
		t.Errorf("clock on the SOAP port: Status = %d; want %d", r.status, http.StatusNotFound)
	}
	if r := adminDo(t, http.MethodGet, mock.AdminURL+mockserver.Path+"?wsdl", ""); r.status != http.StatusNotFound {
		t.Errorf("WSDL on the admin port: Status = %d; want %d", r.status, http.StatusNotFound)
	}
}

func TestStartLocal_WithoutAdmin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mockinge.db")
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", db, harness.Testdatenpaket(), mockserver.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer mock.Close()
	if mock.AdminURL != "" {
		t.Errorf("AdminURL = %q; want none without Config.AdminAddr", mock.AdminURL)
	}
}

func TestStartLocal_AdminAddressInUse(t *testing.T) {
	mock := mustStartAdmin(t)
	busy := strings.TrimPrefix(mock.AdminURL, "http://")
	db := filepath.Join(t.TempDir(), "mockinge.db")
	other, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", db, harness.Testdatenpaket(), mockserver.Config{AdminAddr: busy})
	if err == nil {
		other.Close()
		t.Fatalf("StartLocal with the admin address %s in use: error = nil", busy)
	}
	if !strings.Contains(err.Error(), "admin") {
		t.Errorf("error = %v; want it to name the admin API", err)
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
