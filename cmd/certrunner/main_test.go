package main

import (
	"crypto/tls"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// TestRunUsage checks the flags that exclude each other.
func TestRunUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // on stderr
	}{
		{"ErrPrettyParallel", []string{"-format", "pretty", "-concurrency", "2"}, "das Format pretty zeigt die Szenarien nur nacheinander"},
		{"ErrConcurrencyNegative", []string{"-concurrency", "-1"}, "-1 Szenarien gleichzeitig (-concurrency)"},
		{"ErrCAAndInsecure", []string{"-ca", "x.pem", "-insecure"}, "-insecure schließen einander aus"},
		{"ErrUserAlone", []string{"-user", "kt1.sachbearbeitung"}, "Benutzer, Passwort und Trägernummer gehören zusammen"},
		{"ErrAdminAlone", []string{"-admin", "http://127.0.0.1:8081"}, "-admin braucht -endpoint"},
		{"ErrCAMissing", []string{"-ca", "/nonexistent/ca.pem"}, "CA-Datei"},
		{"ErrArguments", []string{"extra"}, "unerwartete Argumente"},
		{"ErrUnknownFlag", []string{"-nope"}, "certrunner: unbekannte Option -nope"},
		{"ErrTagsMalformed", []string{"-tags", "@A,,@B"}, `"" ist kein Tag`},
		{"ErrTagsAndOnly", []string{"-tags", "@A &&"}, `"" ist kein Tag`},
		{"ErrTagsNothing", []string{"-tags", "@GibtEsNicht"}, `-tags "@GibtEsNicht" wählt kein Szenario aus; die Tags der Features: @AnmeldungErstverfahren`},
		{"ErrFormat", []string{"-format", "xml"}, `-format "xml": unbekanntes Format; erlaubt sind cucumber, events, junit, pretty, progress`},
		{"ErrSandboxWithoutUser", []string{"-endpoint", "http://127.0.0.1:1/inge", "-sandbox", "ci-17"}, "-sandbox ci-17 braucht -user, -password und -traeger"},
		{"ErrResetOwnSandboxes", []string{"-reset"}, "-reset setzt eine gemeinsame Sandbox zurück"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			if code := run(t.Context(), tt.args, &stdout, &stderr); code != 2 {
				t.Errorf("run(%q) = %d; want 2", tt.args, code)
			}
			// One line, before anything started: no mock, no scenario.
			got := stderr.String()
			if !strings.Contains(got, tt.want) || strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, " (certrunner -h zeigt alle Optionen)\n") {
				t.Errorf("stderr = %q; want one line with %q", got, tt.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q; want nothing", stdout.String())
			}
		})
	}
}

// summary is the last line of a run.
var summary = regexp.MustCompile(`certrunner: ([1-9][0-9]*) Szenarien, ([0-9]+) bestanden, 0 fehlgeschlagen\n`)

// TestRunEmbedded runs a selection against the embedded mock, in parallel,
// with reports.
func TestRunEmbedded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var stdout, stderr strings.Builder
	code := run(t.Context(), []string{"-tags", "@Kursauskunft", "-concurrency", "2", "-report", dir}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("run = %d; want 0\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"jedes Szenario in einer eigenen Sandbox, 2 gleichzeitig",
		"Bericht: " + filepath.Join(dir, "protokoll.html"),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if m := summary.FindStringSubmatch(out); m == nil || m[1] != m[2] {
		t.Errorf("stdout lacks a summary with every scenario passed:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("stdout has ANSI colours, but is no terminal:\n%q", out)
	}
	for _, name := range []string{"junit.xml", "cucumber.json", "protokoll.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("report: %v", err)
		}
	}
}

// TestRunInsecureWarns checks that -insecure warns, and that -user runs the
// scenarios one after another in the standard sandbox.
func TestRunInsecureWarns(t *testing.T) {
	var stdout, stderr strings.Builder
	args := []string{"-insecure", "-tags", "@Kursauskunft", "-concurrency", "4",
		"-user", "kt1.sachbearbeitung", "-password", "Test!Passwort1", "-traeger", "10000001"}
	if code := run(t.Context(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("run = %d; want 0\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	for _, want := range []string{"WARNUNG: -insecure", "-concurrency gilt nicht mit -user"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if want := "nacheinander in der Sandbox standard"; !strings.Contains(stdout.String(), want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
	}
}

func TestRunVersion(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run(t.Context(), []string{"--version"}, &stdout, &stderr); code != 0 {
		t.Fatalf("run --version = %d; want 0", code)
	}
	if want := regexp.MustCompile(`^certrunner \S+, Commit .+, go1\.\S+ \w+/\w+\n$`); !want.MatchString(stdout.String()) {
		t.Errorf("stdout = %q; want %s", stdout.String(), want)
	}
}

// TestRunUnreachableEndpoint checks the preflight: an endpoint that does
// not answer fails the run once, before any scenario.
func TestRunUnreachableEndpoint(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var stdout, stderr strings.Builder
	code := run(t.Context(), []string{"-endpoint", "http://" + addr + "/inge", "-admin", "http://" + addr}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("run = %d; want 1", code)
	}
	if want := "certrunner: der Endpunkt http://" + addr + "/inge ist nicht erreichbar (läuft mockinge, stimmen Adresse und Port?)"; !strings.HasPrefix(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("stderr = %q; want one line starting %q", stderr.String(), want)
	}
	if strings.Contains(stdout.String(), "Szenarien,") {
		t.Errorf("scenarios ran:\n%s", stdout.String())
	}
}

// TestRunUntrustedCertificate checks the preflight against mockinge -tls
// without -ca: one line that names the remedy.
func TestRunUntrustedCertificate(t *testing.T) {
	cert, _, err := mockserver.SelfSignedCertificate(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(),
		mockserver.Config{AdminAddr: "127.0.0.1:0", TLS: &tls.Config{Certificates: []tls.Certificate{cert}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	var stdout, stderr strings.Builder
	if code := run(t.Context(), []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL}, &stdout, &stderr); code != 1 {
		t.Errorf("run = %d; want 1", code)
	}
	if want := "dem Zertifikat wird nicht vertraut: -ca DATEI"; !strings.Contains(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("stderr = %q; want one line with %q", stderr.String(), want)
	}
}

// TestRunSharedSandbox runs the same selection twice in one shared
// sandbox of a running mock: the second run passes with -reset, and a user
// who is not in the sandbox is named before any scenario runs.
func TestRunSharedSandbox(t *testing.T) {
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	base := []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL, "-sandbox", "standard", "-tags", "@AnmeldungErstverfahren"}
	for i := range 2 {
		var stdout, stderr strings.Builder
		if code := run(t.Context(), append(base, "-reset"), &stdout, &stderr); code != 0 {
			t.Fatalf("run %d with -reset = %d; want 0\nstdout:\n%s\nstderr:\n%s", i+1, code, stdout.String(), stderr.String())
		}
	}
	// Without -reset the persons registered by the last run are still
	// there (M2010), and the failure says what to do.
	var stdout, stderr strings.Builder
	if code := run(t.Context(), base, &stdout, &stderr); code != 1 {
		t.Errorf("a third run without -reset = %d; want 1 (the registrations of the last run are there)", code)
	}
	if !strings.Contains(stdout.String(), "-reset setzt sie vorher auf das Testdatenpaket zurück") {
		t.Errorf("a failed run in a shared sandbox lacks the hint on -reset:\n%s", stdout.String())
	}

	stdout.Reset()
	stderr.Reset()
	args := []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL, "-sandbox", "standard", "-tags", "@Kursauskunft",
		"-user", "niemand", "-password", "x", "-traeger", "10000001"}
	if code := run(t.Context(), args, &stdout, &stderr); code != 1 {
		t.Errorf("run with a user not in the sandbox = %d; want 1", code)
	}
	if want := "certrunner: der Benutzer niemand gehört nicht zur Sandbox standard"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr = %q; want %q", stderr.String(), want)
	}
}
