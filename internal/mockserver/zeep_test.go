package mockserver_test

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// TestZeep runs a mainstream SOAP toolkit, Python's zeep, against the mock:
// it must load the served WSDL and XSD, sign with a PasswordDigest
// UsernameToken, and understand the answers and the Fault.
func TestZeep(t *testing.T) {
	ingetest.RequireZeep(t)
	mock := MustStartLocal(t, mockserver.Config{})
	got := runZeep(t, "inge_client.py", mock.Endpoint()+"?wsdl")

	for _, c := range []struct{ key, want string }{
		{"erfassen.status", "verarbeitet"},
		{"auskunft.status", "verarbeitet"},
		{"auskunft.kursstatus", "geplant"},
		{"auskunft.teilnehmer", "2"},
		{"fault.code", "F203"},
	} {
		if got[c.key] != c.want {
			t.Errorf("%s = %q; want %q", c.key, got[c.key], c.want)
		}
	}
	if k := got["erfassen.kurskennung"]; !kurskennungPattern.MatchString(k) {
		t.Errorf("erfassen.kurskennung = %q; want %s", k, kurskennungPattern)
	}

	// The mock saw what zeep says it did.
	entries, err := mock.Standard().Journal(t.Context(), mockstate.Filter{})
	if err != nil {
		t.Fatalf("Journal: %v", err)
	}
	var ergebnisse []string
	for _, e := range entries {
		ergebnisse = append([]string{e.Operation + ":" + e.Ergebnis}, ergebnisse...)
	}
	if want := "KursplanungErfassen:verarbeitet Kursauskunft:verarbeitet Kursauskunft:F203"; strings.Join(ergebnisse, " ") != want {
		t.Errorf("journal = %v; want %s", ergebnisse, want)
	}
}

// parseKeyValues reads key=value lines; a key may repeat, the last wins.
func parseKeyValues(tb testing.TB, out []byte) map[string]string {
	tb.Helper()
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			tb.Errorf("output line %q is not key=value", sc.Text())
			continue
		}
		m[k] = v
	}
	return m
}

// TestZeepGegenprofil has zeep load the WSDL of a profile, as mockinge
// serves it under its own URL, and call two procedures of a profiled
// sandbox in the profile's names, structure and values; and meet its Fault.
func TestZeepGegenprofil(t *testing.T) {
	ingetest.RequireZeep(t)
	mock, _ := profiled(t)
	got := runZeep(t, "gegenprofil_client.py", mock.URL+mockserver.ProfilPath+"/gegenprofil?wsdl", "gegen.kt1", "Geheim!1")
	for _, c := range []struct{ key, want string }{
		{"erfassen.status", "VERARBEITET"},
		{"erfassen.meldung", "V-3000 HINWEIS "},
		{"auskunft.status", "VERARBEITET"},
		{"auskunft.kursstatus", "GEPLANT"},
		{"auskunft.personen", "2"},
		{"fault.code", "T-203"},
		{"fault.message", "Passwort abgelehnt."},
	} {
		if got[c.key] != c.want {
			t.Errorf("%s = %q; want %q", c.key, got[c.key], c.want)
		}
	}
	if k := got["erfassen.kursnr"]; !kurskennungPattern.MatchString(k) {
		t.Errorf("erfassen.kursnr = %q; want %s", k, kurskennungPattern)
	}
	entries, err := mockadminJournal(t, mock, "gegen")
	if err != nil {
		t.Fatal(err)
	}
	if want := "KursplanungErfassen:verarbeitet Kursauskunft:verarbeitet"; strings.Join(entries, " ") != want {
		t.Errorf("journal of the sandbox = %v; want %s", entries, want)
	}
}

// mockadminJournal lists a sandbox's journal as operation:ergebnis, oldest
// first.
func mockadminJournal(t *testing.T, mock *mockserver.Local, sandbox string) ([]string, error) {
	t.Helper()
	es, err := mockadmin.New(mock.AdminURL, nil).Journal(t.Context(), sandbox, mockadmin.JournalFilter{})
	var out []string
	for _, e := range es {
		out = append(out, e.Operation+":"+e.Ergebnis)
	}
	return out, err
}

// runZeep runs a script of testdata/zeep with args and returns the
// key=value lines it printed.
func runZeep(t *testing.T, script string, args ...string) map[string]string {
	t.Helper()
	script = filepath.Join("..", "..", "testdata", "zeep", script)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, ingetest.Python, append([]string{script}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\nstdout:\n%s\nstderr:\n%s", ingetest.Python, script, err, out, stderr.String())
	}
	t.Logf("zeep:\n%s", out)
	return parseKeyValues(t, out)
}
