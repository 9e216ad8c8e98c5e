package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

	broken := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "elemente.tsv" {
			b = bytes.Replace(b, []byte("Stornierungsgrund\tstornierungsgrund\n"), nil, 1)
		}
		if err := os.WriteFile(filepath.Join(broken, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(t.Context(), []string{"-profil", broken}, nil, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "KursplanungStornieren/Stornierungsgrund ist weder abgebildet noch weggelassen") {
		t.Errorf("exit %d with a gap in the profile; stderr:\n%s", code, stderr.String())
	}
}
