package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			if code := run(t.Context(), tt.args, &stdout, &stderr); code != 2 {
				t.Errorf("run(%q) = %d; want 2", tt.args, code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr = %q; want %q", stderr.String(), tt.want)
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
