package ingetest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Python is the interpreter of the Debian packages, where python3-zeep
// installs zeep.
const Python = "/usr/bin/python3"

// RequireZeep skips the test when Python or zeep is missing, except in CI
// (CI=true), where a missing tool must not let the test pass unnoticed.
func RequireZeep(tb testing.TB) {
	tb.Helper()
	missing := func(what string) {
		tb.Helper()
		msg := what + ": install the Debian package python3-zeep (apt-get install python3-zeep)"
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	if _, err := os.Stat(Python); err != nil {
		missing(Python + " not found")
	}
	if out, err := exec.Command(Python, "-c", "import zeep").CombinedOutput(); err != nil {
		missing("Python module zeep not importable (" + strings.TrimSpace(string(out)) + ")")
	}
}
