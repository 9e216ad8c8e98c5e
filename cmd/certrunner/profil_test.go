package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// certrunner -profil runs the scenarios through a contract profile, with
// the embedded mock speaking it; a profile with a gap stops the run.
func TestRunProfil(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "gegenprofil")
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"-profil", dir, "-tags", "@KursplanungStornieren"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "die Szenarien sprechen das Vertragsprofil gegenprofil") || !strings.Contains(stdout.String(), " 0 fehlgeschlagen") {
		t.Errorf("stdout:\n%s", stdout.String())
	}

	broken := ingetest.ProfilEntwurf(t, ingetest.OhneStornierungsgrund)
	stdout.Reset()
	stderr.Reset()
	if code := run(t.Context(), []string{"-profil", broken}, nil, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "KursplanungStornieren/Stornierungsgrund ist weder abgebildet noch weggelassen") {
		t.Errorf("exit %d with a gap in the profile; stderr:\n%s", code, stderr.String())
	}
}

// certrunner -abnahme -profil prepares the acceptance of a product that
// speaks the profile: its sandbox speaks it, and the access data name the
// profile's WSDL; a profile that does not load stops before anything is
// made.
func TestRunAbnahmeProfil(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "gegenprofil")
	p, err := profil.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(),
		mockserver.Config{AdminAddr: "127.0.0.1:0", Profile: map[string]*profil.Profil{p.Name: p}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	zugangDatei := filepath.Join(t.TempDir(), "zugang.env")
	ep := []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL, "-tags", "@KursplanungStornieren"}

	var stdout, stderr strings.Builder
	args := append([]string{"-abnahme", "-vorbereiten", "-profil", dir, "-zugang", zugangDatei}, ep...)
	if code := run(t.Context(), args, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("run = %d; want 0\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	zugang := leseZugang(t, zugangDatei)
	if want := mock.Endpoint() + "/profile/gegenprofil?wsdl"; zugang["INGE_WSDL"] != want {
		t.Errorf("INGE_WSDL = %q; want %q", zugang["INGE_WSDL"], want)
	}
	sb, err := mockadmin.New(mock.AdminURL, nil).Sandbox(t.Context(), zugang["INGE_SANDBOX"])
	if err != nil || sb.Profil != "gegenprofil" {
		t.Errorf("the acceptance's sandbox %s speaks %q (%v); want gegenprofil", zugang["INGE_SANDBOX"], sb.Profil, err)
	}
	if !strings.Contains(stdout.String(), "Ihre Software spricht das Vertragsprofil gegenprofil") {
		t.Errorf("stdout does not name the profile:\n%s", stdout.String())
	}

	stdout.Reset()
	stderr.Reset()
	args = append([]string{"-abnahme", "-vorbereiten", "-profil", t.TempDir(), "-zugang", zugangDatei}, ep...)
	if code := run(t.Context(), args, strings.NewReader(""), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "profil.tsv") {
		t.Errorf("a directory without a profile: exit %d; stderr:\n%s", code, stderr.String())
	}
}
