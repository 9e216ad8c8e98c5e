package console_test

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// TestMaskeImProfil: the Web-Maske is our contract's, and in a sandbox
// that speaks a profile it sends through the profile: the request goes out
// in the profile's names, the answer and its Meldungen come back at the
// form's fields.
func TestMaskeImProfil(t *testing.T) {
	p, err := profil.Load(filepath.Join("..", "..", "testdata", "gegenprofil"))
	if err != nil {
		t.Fatal(err)
	}
	mock, err := mockserver.StartLocal(context.Background(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(),
		mockserver.Config{AdminAddr: "127.0.0.1:0", Profile: map[string]*profil.Profil{p.Name: p}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	resp, err := http.Post(mock.AdminURL+"/sandboxes", "application/json", strings.NewReader(`{"name": "bamf", "profil": "gegenprofil", "benutzer": [{"name": "bamf.kt1", "passwort": "Geheim!Wort9", "traegernummer": "10000001"}]}`))
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("create the profiled sandbox: %v %v", resp, err)
	}
	resp.Body.Close()

	b := newBrowser(t, mock)
	b.open("/konsole/sandboxes/bamf/maske/KursplanungErfassen?beispiel=1")
	b.klick("#senden")
	if got := b.text("#antwort-status"); got != "verarbeitet" {
		t.Fatalf("status %q; want verarbeitet: %s", got, b.text("#antwort"))
	}
	if got := value(b, chromedp.Evaluate[string](`document.getElementById("anfrage-xml").textContent`)); !strings.Contains(got, "<erfassenKursplanung") || !strings.Contains(got, "<planung>") {
		t.Errorf("the request shown is not in the profile's names: %s", got)
	}
	b.screenshot("maske-im-profil")

	b.open("/konsole/sandboxes/bamf/maske/KursplanungErfassen?beispiel=1")
	b.set("Kursplanung/Kursende", "")
	b.klick("#senden")
	if got := b.text("#antwort-status"); got != "abgelehnt" {
		t.Fatalf("status %q; want abgelehnt", got)
	}
	marked := value(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#webmaske [aria-invalid=true]")].map(el => el.name)`))
	if !slices.Equal(marked, []string{"Kursplanung/Kursende"}) {
		t.Errorf("marked fields %v; want the Kursende, by the Meldung the profile's answer carried (%s)", marked, fmt.Sprint(b.text("#antwort")))
	}
}
