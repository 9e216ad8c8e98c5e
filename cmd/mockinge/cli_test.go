package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/cli"
)

func TestRun_Version(t *testing.T) {
	for _, arg := range []string{"-version", "--version"} {
		var stdout, stderr bytes.Buffer
		if err := run(t.Context(), []string{arg}, env(nil), &stdout, &stderr); err != nil {
			t.Fatalf("run %s = %v", arg, err)
		}
		if want := regexp.MustCompile(`^mockinge \S+, Commit .+, go1\.\S+ \w+/\w+\n$`); !want.MatchString(stdout.String()) {
			t.Errorf("run %s: stdout = %q; want %s", arg, stdout.String(), want)
		}
	}
}

// TestRun_OneLockPerDatabase starts a second mockinge on the database file
// of a running one: it must refuse at once, naming the file.
func TestRun_OneLockPerDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	first := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", db}, env(nil))
	first.WaitFor(t, lastUserLine)

	var stdout, stderr bytes.Buffer
	err := run(t.Context(), []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", db}, env(nil), &stdout, &stderr)
	if err == nil || errors.Is(err, cli.ErrUsage) || !strings.Contains(err.Error(), "benutzt schon ein anderer mockinge") || !strings.Contains(err.Error(), db) {
		t.Fatalf("second run on %s = %v; want the lock named", db, err)
	}
	if strings.Contains(stdout.String(), "SOAP-Endpunkt") {
		t.Errorf("second run printed a banner:\n%s", stdout.String())
	}
	if err := first.Stop(t); err != nil {
		t.Fatal(err)
	}
	// Once the first has stopped, the file is free again.
	again := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", db}, env(nil))
	again.WaitFor(t, lastUserLine)
}

// TestRun_Healthcheck asks a running mockinge, through its admin API and
// without one, and one that is not there.
func TestRun_Healthcheck(t *testing.T) {
	dir := t.TempDir()
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "127.0.0.1:0", "-db", filepath.Join(dir, "a.db")}, env(nil))
	admin := strings.TrimPrefix(r.WaitFor(t, adminLine)[1], "http://")
	soapAddr := strings.TrimSuffix(strings.TrimPrefix(r.endpoint, "http://"), "/inge")

	var stdout, stderr bytes.Buffer
	if err := run(t.Context(), []string{"-healthcheck", "-admin-addr", admin}, env(nil), &stdout, &stderr); err != nil {
		t.Errorf("-healthcheck via the admin API = %v", err)
	}
	if want := "mockinge: bereit (http://" + admin + "/bereit)\n"; stdout.String() != want {
		t.Errorf("stdout = %q; want %q", stdout.String(), want)
	}
	stdout.Reset()
	if err := run(t.Context(), []string{"-healthcheck", "-admin-addr", "", "-addr", soapAddr}, env(nil), &stdout, &stderr); err != nil {
		t.Errorf("-healthcheck via GET /inge = %v", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	free := ln.Addr().String()
	ln.Close()
	err = run(t.Context(), []string{"-healthcheck", "-admin-addr", free}, env(nil), &stdout, &stderr)
	if err == nil || errors.Is(err, cli.ErrUsage) || !strings.Contains(err.Error(), "nicht bereit") {
		t.Errorf("-healthcheck against a closed port = %v; want nicht bereit", err)
	}
}

// TestRun_AllInterfacesWarns checks the banner's warning for -addr :PORT.
func TestRun_AllInterfacesWarns(t *testing.T) {
	r := MustRun(t, []string{"-addr", ":0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db")}, env(nil))
	r.WaitFor(t, lastUserLine)
	if want := "der SOAP-Endpunkt ist an allen Schnittstellen erreichbar"; !strings.Contains(r.stdout.String(), want) {
		t.Errorf("banner lacks %q:\n%s", want, r.stdout)
	}
	quiet := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db")}, env(nil))
	quiet.WaitFor(t, lastUserLine)
	if strings.Contains(quiet.stdout.String(), "Warnung") {
		t.Errorf("banner on loopback warns:\n%s", quiet.stdout)
	}
}

// TestRun_LogFormatJSON checks that -log-format json writes one JSON
// object per line, the readiness line among them.
func TestRun_LogFormatJSON(t *testing.T) {
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db"), "-log-format", "json"}, env(nil))
	r.WaitFor(t, lastUserLine)
	if err := r.Stop(t); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr.String()), "\n")
	found := false
	for _, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("log line %q is not JSON: %v", l, err)
		}
		if rec["msg"] == "bereit" && rec["endpoint"] == r.endpoint {
			found = true
		}
	}
	if !found {
		t.Errorf("no JSON line {msg: bereit, endpoint: %s} in the log:\n%s", r.endpoint, r.stderr)
	}
}

// Every flag of mockinge has its row in the README's table of settings.
func TestEveryFlagInREADME(t *testing.T) {
	var stdout, stderr strings.Builder
	if err := run(t.Context(), []string{"-h"}, func(string) string { return "" }, &stdout, &stderr); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("run -h: %v", err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(stdout.String(), "\n") {
		name, ok := strings.CutPrefix(line, "  -")
		if !ok {
			continue
		}
		name, _, _ = strings.Cut(name, " ")
		if !strings.Contains(string(readme), "`-"+name+"`") {
			t.Errorf("flag -%s has no row in the README's settings table", name)
		}
	}
}

// -log-level debug writes a line for every SOAP request; the default info
// does not; an unknown level is a usage error.
func TestRun_LogLevel(t *testing.T) {
	var stdout, stderr strings.Builder
	if err := run(t.Context(), []string{"-log-level", "laut", "-db", filepath.Join(t.TempDir(), "m.db")}, env(nil), &stdout, &stderr); err == nil || !strings.Contains(err.Error()+stderr.String(), "-log-level") {
		t.Errorf("-log-level laut: err = %v, stderr %q; want a usage error naming -log-level", err, stderr.String())
	}
	for _, tc := range []struct {
		level    string
		wantLine bool
	}{{"debug", true}, {"info", false}, {"", false}} {
		t.Run("level="+tc.level, func(t *testing.T) {
			args := []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db")}
			if tc.level != "" {
				args = append(args, "-log-level", tc.level)
			}
			r := MustRun(t, args, env(nil))
			r.WaitFor(t, lastUserLine)
			resp, err := http.Post(r.endpoint, "text/xml; charset=utf-8", strings.NewReader(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>`))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if err := r.Stop(t); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(r.stderr.String(), "msg=soap"); got != tc.wantLine {
				t.Errorf("a line msg=soap in the log: %v; want %v\n%s", got, tc.wantLine, r.stderr)
			}
		})
	}
}
