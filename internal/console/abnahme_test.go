package console_test

import (
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/abnahme/referenz"
)

// TestAbnahmeSeite: a sandbox prepared for an acceptance shows its cases,
// all pending, and the first one's instructions; when the product has
// performed it, its verdict turns green without a reload and the page goes
// on to the next case. A sandbox without preparation says how to make one.
func TestAbnahmeSeite(t *testing.T) {
	mock := startMock(t)
	vor, err := abnahme.Run(t.Context(), abnahme.Config{Modus: abnahme.Vorbereiten, Endpoint: mock.Endpoint(), Admin: mock.AdminURL, Tags: "@TF-AN-01,@TF-AN-03"})
	if err != nil {
		t.Fatal(err)
	}
	sb := vor.Zugang.Sandbox
	b := newBrowser(t, mock)
	b.open("/konsole/sandboxes/" + sb + "/abnahme")
	if got := b.text("#fall-TF-AN-01 .urteil"); got != "ausstehend" {
		t.Errorf("TF-AN-01 before the product sent: %q; want ausstehend", got)
	}
	if got := b.text("#aktuell-titel"); !strings.Contains(got, "TF-AN-01") {
		t.Errorf("next case %q; want TF-AN-01", got)
	}
	if got := b.text("#aktuell"); !strings.Contains(got, "Haddad, Yara, geb. 12.06.1982, BAMF 5010101-475") {
		t.Errorf("the instructions lack the person:\n%s", got)
	}
	b.screenshot("abnahme-vorher")

	p := &referenz.Produkt{}
	if err := p.Bereit(t.Context(), vor.Zugang); err != nil {
		t.Fatal(err)
	}
	if err := p.Beginne(t.Context(), abnahme.FallInfo{ID: "TF-AN-01"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := p.Ausfuehren(t.Context(), vor.Aufgaben[0]); err != nil {
		t.Fatal(err)
	}
	b.warten(`(() => { const t = document.getElementById("aktuell-titel"); return t && t.textContent.includes("TF-AN-03"); })()`)
	if got := b.text("#fall-TF-AN-01 .urteil"); got != "bestanden" {
		t.Errorf("TF-AN-01 after the product sent: %q; want bestanden", got)
	}
	if got := b.text("#abnahme-zaehlung"); !strings.Contains(got, "bestanden: 1") || !strings.Contains(got, "ausstehend: 1") {
		t.Errorf("counts %q; want one passed, one pending", got)
	}
	b.check(axeSource(t), "abnahme")

	anlegen(t, mock, "ohne", "ohne.kt1")
	b.open("/konsole/sandboxes/ohne/abnahme")
	// The command names this mock's addresses, not mockinge's defaults.
	befehl := "certrunner -abnahme -vorbereiten -endpoint " + mock.Endpoint() + " -admin " + mock.AdminURL + " -zugang zugang.env"
	if got := b.text("main"); !strings.Contains(got, "Nicht für eine Abnahme vorbereitet") || !strings.Contains(got, befehl) {
		t.Errorf("a sandbox without preparation:\n%s", got)
	}
}
