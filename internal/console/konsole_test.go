package console_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// TestSandboxAnlegen creates a sandbox with two users in the browser; its
// page shows the users, and no page shows a password.
func TestSandboxAnlegen(t *testing.T) {
	mock := startMock(t)
	b := newBrowser(t, mock)
	b.open("/")
	b.set("name", "schulung-1")
	b.set("benutzer0", "schulung1.kt1")
	b.set("passwort0", "Sehr!Geheim42")
	b.set("benutzer1", "schulung1.kt2")
	b.set("passwort1", "Auch!Geheim43")
	b.set("traeger1", "10000002")
	b.screenshot("uebersicht-ausgefuellt")
	b.klick(`#neue-sandbox button[type=submit]`)
	if got := b.text("h1"); got != "Sandbox schulung-1" {
		t.Fatalf("after creating: page %q; want Sandbox schulung-1", got)
	}
	users := b.text("#benutzer")
	for _, want := range []string{"schulung1.kt1", "10000001", "schulung1.kt2", "10000002"} {
		if !strings.Contains(users, want) {
			t.Errorf("users table %q lacks %s", users, want)
		}
	}
	b.screenshot("sandbox")
	for _, path := range []string{"/konsole/", "/konsole/sandboxes/schulung-1", "/konsole/sandboxes/schulung-1/journal", "/konsole/sandboxes/schulung-1/maske/KursplanungErfassen?beispiel=1"} {
		page := get(t, mock.AdminURL+path)
		for _, pw := range []string{"Sehr!Geheim42", "Auch!Geheim43", "Geheim"} {
			if strings.Contains(page, pw) {
				t.Errorf("%s shows a password (%s)", path, pw)
			}
		}
	}
	// The JSON API answers as before, beside the console.
	if got := get(t, mock.AdminURL+"/sandboxes/schulung-1"); !strings.Contains(got, `"name": "schulung1.kt1"`) {
		t.Errorf("GET /sandboxes/schulung-1 = %s; want the JSON of the sandbox", got)
	}
	// Delete, with a confirmation.
	b.klick("#loeschen")
	b.screenshot("loeschen")
	b.klick("#loeschen-bestaetigen")
	if got := b.text("#sandboxes"); strings.Contains(got, "schulung-1") {
		t.Errorf("after deleting, the list still shows schulung-1: %q", got)
	}
}

func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	return string(b)
}

// TestNurGleicherUrsprung: a page from elsewhere cannot drive the console;
// a request without any sign of its origin is refused as well.
func TestNurGleicherUrsprung(t *testing.T) {
	mock := startMock(t)
	target := mock.AdminURL + "/konsole/sandboxes/standard/stoerungen"
	form := url.Values{"_aktion": {"ausfall-an"}}.Encode()
	for _, tc := range []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"ErrCrossSite", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"}, http.StatusForbidden},
		{"ErrSameSiteOtherPort", map[string]string{"Sec-Fetch-Site": "same-site"}, http.StatusForbidden},
		{"ErrOrigin", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"ErrReferer", map[string]string{"Referer": "http://evil.example/seite"}, http.StatusForbidden},
		{"ErrNothing", nil, http.StatusForbidden},
		{"OK/Origin", map[string]string{"Origin": mock.AdminURL}, http.StatusSeeOther},
		{"OK/SecFetchSite", map[string]string{"Sec-Fetch-Site": "same-origin"}, http.StatusSeeOther},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(form))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("Status = %d; want %d", resp.StatusCode, tc.want)
			}
		})
	}
	sb, _ := mock.Sandboxes.Get("standard")
	if !sb.Faults().Outage {
		t.Error("the same-origin requests did not start the outage")
	}
}

// procedures lists the 17 procedures' names.
func procedures() []string {
	var out []string
	for _, p := range inge.Procedures() {
		out = append(out, p.Name)
	}
	return out
}

var _ = slices.Contains[[]string]
var _ = fmt.Sprint
