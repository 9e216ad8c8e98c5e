package console_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// The browser tests drive Debian's chromium headless through the console
// of a mock on loopback. They skip when chromium (or, for the
// accessibility checks, axe-core) is missing, and fail instead under
// CI=true, where .ci/run installs both.

// needs skips the test for a missing tool, or fails it in CI.
func needs(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing; .ci/run installs it", what)
	}
	t.Skipf("%s is missing", what)
}

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	needs(t, "chromium (Debian package chromium)")
	return ""
}

// axeSource returns axe-core's script: AXE_CORE_JS, else the copy npm
// installs into testdata (npm install --prefix internal/console/testdata axe-core@4).
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_CORE_JS")
	if path == "" {
		path = filepath.Join("testdata", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		needs(t, "axe-core ("+path+")")
	}
	return string(b)
}

// startMock starts a mock with its admin listener, on loopback.
func startMock(t *testing.T) *mockserver.Local {
	t.Helper()
	mock, err := mockserver.StartLocal(context.Background(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := mock.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return mock
}

// browser is a headless chromium tab on the console of mock.
type browser struct {
	t      *testing.T
	ctx    context.Context
	base   string
	shots  string
	klicks int // clicks so far, for the deadline demonstration
}

func newBrowser(t *testing.T, mock *mockserver.Local) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "de-DE"),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	shots := os.Getenv("KONSOLE_SCREENSHOTS") // to keep them, e.g. for the README
	if shots == "" {
		shots = filepath.Join(t.TempDir(), "bildschirm")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, ctx: ctx, base: mock.AdminURL, shots: shots}
	b.do(chromedp.Navigate("about:blank"))
	return b
}

// tab opens another tab in the same browser.
func (b *browser) tab() *browser {
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.t.Cleanup(cancel)
	o := *b
	o.ctx = ctx
	o.do(chromedp.Navigate("about:blank"))
	return &o
}

func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%v (on %s)", err, b.location())
	}
}

// value runs one action that returns a value.
func value[T any](b *browser, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%v (on %s)", err, b.location())
	}
	return v
}

// open navigates to a console path and waits for the page.
func (b *browser) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("main")))
}

// klick clicks sel, counts it, and waits for the page it loads.
func (b *browser) klick(sel string) {
	b.t.Helper()
	b.klicks++
	b.do(
		chromedp.Evaluate[chromedp.Void](`window.__vorher = true`),
		chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible),
	)
	b.warten(`window.__vorher === undefined && document.readyState === "complete"`)
}

// warten waits until the expression is true on the page; a navigation
// meanwhile (which destroys the page's JavaScript context) is waited out.
func (b *browser) warten(js string) {
	b.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("waited 30 s for %s on %s", js, b.location())
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	return value(b, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
}

// set sets the value of the form field named path and tells the page.
func (b *browser) set(path, v string) {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%s); if (!el) return false;
		if (el.type === "checkbox") el.checked = %s === "true"; else el.value = %s;
		el.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, jsString(`[name="`+path+`"]`), jsString(v), jsString(v))
	if !value(b, chromedp.Evaluate[bool](js)) {
		b.t.Fatalf("no form field %s on %s", path, b.location())
	}
}

func jsString(s string) string {
	j, _ := json.Marshal(s)
	return string(j)
}

func (b *browser) location() string {
	s, _ := chromedp.Run(b.ctx, chromedp.Location())
	return s
}

// screenshot writes the whole page as PNG under the test's directory.
func (b *browser) screenshot(name string) string {
	b.t.Helper()
	png := value(b, chromedp.FullScreenshot(100))
	path := filepath.Join(b.shots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s (%d KB)", path, len(png)/1024)
	return path
}

// ansicht writes what the window shows as PNG, e.g. for the README.
func (b *browser) ansicht(name string) string {
	b.t.Helper()
	png := value(b, chromedp.CaptureScreenshot())
	path := filepath.Join(b.shots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s (%d KB)", path, len(png)/1024)
	return path
}

// unlabelled lists the form fields of the page that no label names.
func (b *browser) unlabelled() []string {
	b.t.Helper()
	return value(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("input, select, textarea")]
		.filter(el => el.type !== "hidden" && el.labels.length === 0 && !el.getAttribute("aria-label"))
		.map(el => el.name || el.id || el.outerHTML.slice(0, 80))`))
}

// axeErgebnis is what axe-core found on a page.
type axeErgebnis struct {
	Violations []axeViolation `json:"violations"`
	Passes     int            `json:"passes"`
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeRun runs axe-core on the page.
func (b *browser) axeRun(source string) axeErgebnis {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](source))
	return value(b, chromedp.Evaluate[axeErgebnis](`axe.run(document, {resultTypes: ["violations"]}).then(r => ({violations: r.violations, passes: r.passes.length}))`, chromedp.EvalAwaitPromise))
}

// axe runs axe-core on the page; serious and critical violations fail the
// test, the others are logged.
func (b *browser) axe(source, page string) axeErgebnis {
	b.t.Helper()
	res := b.axeRun(source)
	if res.Passes == 0 {
		b.t.Errorf("axe %s: no rule passed; did axe check the page?", page)
	}
	var summary []string
	for _, v := range res.Violations {
		summary = append(summary, fmt.Sprintf("%s (%s, %d)", v.ID, v.Impact, len(v.Nodes)))
		if v.Impact == "serious" || v.Impact == "critical" {
			b.t.Errorf("axe %s: %s %s: %s at %v", page, v.Impact, v.ID, v.Help, v.Nodes[0].Target)
		}
	}
	b.t.Logf("axe %s: %d rules passed, %d violated %v", page, res.Passes, len(res.Violations), summary)
	return res
}

// anlegen creates a sandbox with one user of Traeger 10000001 through the
// admin API, as a test's fresh world.
func anlegen(t *testing.T, mock *mockserver.Local, name, user string) {
	t.Helper()
	body := fmt.Sprintf(`{"name": %q, "benutzer": [{"name": %q, "passwort": "Geheim!Wort9", "traegernummer": "10000001"}]}`, name, user)
	resp, err := http.Post(mock.AdminURL+"/sandboxes", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create sandbox: status %d", resp.StatusCode)
	}
}
