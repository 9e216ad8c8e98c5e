package certrun_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/certrun"
)

// TestReport runs two features, two scenarios at once in sandboxes of
// their own, with reports, checks that the JUnit XML and the Cucumber JSON
// hold every scenario, and opens the HTML protocol in headless Chromium.
func TestReport(t *testing.T) {
	mock := mustStartMock(t)
	dir := filepath.Join(t.TempDir(), "bericht")
	res, err := certrun.Run(t.Context(), certrun.Config{
		Endpoint: mock.Endpoint(), Admin: mock.AdminURL,
		Tags: "@KursplanungErfassen,@Authentifizierung", Concurrency: 2, Report: dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || !res.Sandboxes || res.Concurrency != 2 {
		t.Fatalf("Result = %+v; want all passed, 2 at once in sandboxes", res)
	}
	scenarios := res.Passed + res.Failed
	if want := []string{filepath.Join(dir, "junit.xml"), filepath.Join(dir, "cucumber.json"), filepath.Join(dir, "protokoll.html")}; strings.Join(res.Reports, " ") != strings.Join(want, " ") {
		t.Errorf("Reports = %q; want %q", res.Reports, want)
	}

	junit := mustReadJUnit(t, filepath.Join(dir, "junit.xml"))
	if junit.Tests != scenarios || junit.Failures != 0 {
		t.Errorf("junit.xml: tests = %d, failures = %d; want %d, 0", junit.Tests, junit.Failures, scenarios)
	}
	xmllintWellFormed(t, filepath.Join(dir, "junit.xml"))
	if n := mustCountCucumber(t, filepath.Join(dir, "cucumber.json"), "passed"); n != scenarios {
		t.Errorf("cucumber.json: %d passed scenarios; want %d", n, scenarios)
	}

	html := mustRead(t, filepath.Join(dir, "protokoll.html"))
	checkMasked(t, "protokoll.html", html)
	dom := chromiumDOM(t, filepath.Join(dir, "protokoll.html"))
	for _, want := range []string{
		`id="zusammenfassung-verfahren"`,
		`<tr data-verfahren="KursplanungErfassen"><th>KursplanungErfassen</th>`,
		`<details class="austausch ok" data-verfahren="KursplanungErfassen">`,
		`<pre class="anfrage">`,
		`&lt;KursplanungErfassen xmlns="urn:inge-harness:kurstraeger:1"&gt;`, // the request, as text
		`&lt;KursplanungErfassenResponse`,
		`Fault F203`, // a wrong password (authentifizierung.feature)
		"Vertragsversion",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("Chromium's DOM of protokoll.html lacks %s", want)
		}
	}
	// An envelope that the browser took for markup would be an element.
	if strings.Contains(dom, "<kursplanungerfassen") {
		t.Errorf("Chromium's DOM has a KursplanungErfassen element: an envelope is not escaped")
	}
}

// TestReportFailure checks that the reports show a failed scenario, and
// that no report holds the password, which the scenarios send in clear
// text.
func TestReportFailure(t *testing.T) {
	mock := mustStartMock(t)
	dir := t.TempDir()
	res, err := certrun.Run(t.Context(), certrun.Config{
		Endpoint: mock.Endpoint(), Admin: mock.AdminURL, Sandbox: "standard",
		Features: os.DirFS("testdata/bericht"), Report: dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Passed != 1 || res.Failed != 1 || res.Sandboxes || res.Concurrency != 1 {
		t.Fatalf("Result = %+v; want 1 passed, 1 failed, serial in the shared sandbox", res)
	}
	junit := mustReadJUnit(t, filepath.Join(dir, "junit.xml"))
	if junit.Tests != 2 || junit.Failures != 1 {
		t.Errorf("junit.xml: tests = %d, failures = %d; want 2, 1", junit.Tests, junit.Failures)
	}
	if n := mustCountCucumber(t, filepath.Join(dir, "cucumber.json"), "failed"); n != 1 {
		t.Errorf("cucumber.json: %d failed scenarios; want 1", n)
	}
	html := mustRead(t, filepath.Join(dir, "protokoll.html"))
	for _, want := range []string{
		`<p id="ergebnis" class="ergebnis fehler">2 Szenarien: 1 bestanden, 1 fehlgeschlagen`,
		`<ul id="fehlgeschlagen">`,
		`<span class="kw">Dann</span> ist der Status &#34;verarbeitet&#34; <span class="badge fehler">fehlgeschlagen</span>`,
		`<span class="badge skip">übersprungen</span>`,
		`<pre class="fehlertext">`,
		`<tr data-verfahren="Kursauskunft"><th>Kursauskunft</th><td class="zahl">2</td>`,
		"gemeinsam: standard",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("protokoll.html lacks %s", want)
		}
	}
	for _, name := range []string{"junit.xml", "cucumber.json", "protokoll.html"} {
		b := mustRead(t, filepath.Join(dir, name))
		if strings.Contains(b, "Test!Passwort") {
			t.Errorf("%s holds a password of the Testdatenpaket", name)
		}
	}
	checkMasked(t, "protokoll.html", html)
}

// junitReport is what the tests read of the JUnit XML: the testcases and
// their failures, counted from the elements.
type junitReport struct {
	Tests, Failures int
}

func mustReadJUnit(t *testing.T, path string) junitReport {
	t.Helper()
	var doc struct {
		XMLName xml.Name `xml:"testsuites"`
		Suites  []struct {
			Cases []struct {
				Failure *struct{} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(mustRead(t, path)), &doc); err != nil {
		t.Fatalf("junit.xml: %v", err)
	}
	var r junitReport
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			r.Tests++
			if c.Failure != nil {
				r.Failures++
			}
		}
	}
	return r
}

// mustCountCucumber returns how many scenarios of the Cucumber JSON have
// the status: failed when a step failed, passed when every step passed. It
// fails the test on JSON it cannot read.
func mustCountCucumber(t *testing.T, path, status string) int {
	t.Helper()
	var features []struct {
		Elements []struct {
			Steps []struct {
				Result struct {
					Status string `json:"status"`
				} `json:"result"`
			} `json:"steps"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(mustRead(t, path)), &features); err != nil {
		t.Fatalf("cucumber.json: %v", err)
	}
	n := 0
	for _, f := range features {
		for _, el := range f.Elements {
			got := "passed"
			for _, s := range el.Steps {
				if s.Result.Status == "failed" {
					got = "failed"
					break
				}
				if s.Result.Status != "passed" {
					got = s.Result.Status
				}
			}
			if got == status {
				n++
			}
		}
	}
	return n
}

// checkMasked fails if a wsse:Password element of the protocol shows
// anything but the mask.
func checkMasked(t *testing.T, name, html string) {
	t.Helper()
	passwords := regexp.MustCompile(`:Password(?:\s[^\n]*?)?&gt;(.*?)&lt;/`).FindAllStringSubmatch(html, -1)
	if len(passwords) == 0 {
		t.Errorf("%s shows no Password element", name)
	}
	for _, m := range passwords {
		if m[1] != "***" {
			t.Errorf("%s shows a password %q; want ***", name, m[1])
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// xmllintWellFormed checks a file with libxml2's xmllint, as CI pipelines
// that read JUnit XML would.
func xmllintWellFormed(t *testing.T, path string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint not found (Debian package libxml2-utils); CI must install it")
		}
		t.Log("xmllint not found; junit.xml checked with encoding/xml only")
		return
	}
	if out, err := exec.Command(xmllint, "--noout", path).CombinedOutput(); err != nil {
		t.Errorf("xmllint --noout %s: %v\n%s", path, err, out)
	}
}

// chromiumDOM opens a file in headless Chromium and returns the DOM it
// built. Without Chromium the test is skipped, or fails under CI=true.
func chromiumDOM(t *testing.T, path string) string {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if _, statErr := os.Stat("/usr/bin/chromium"); statErr != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("chromium not found (Debian package chromium); CI must install it")
			}
			t.Skip("chromium not found; install the Debian package chromium")
		}
		chromium = "/usr/bin/chromium"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+abs)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(string(out), "</html>") {
		t.Fatalf("chromium --dump-dom gave no document:\n%s\n%s", out, stderr.String())
	}
	return string(out)
}
