package harness_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/inge-harness/inge-harness/features"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
)

// TestEveryProcedureHasItsRoom fails when a procedure of the registry lacks
// one of its parts, each named after it: its rules (bound in the store and
// answering a request), their table tests, its tagged feature, its step
// definitions and its golden envelopes. Adding a procedure to the registry
// without them, or removing one of them, breaks the build here.
func TestEveryProcedureHasItsRoom(t *testing.T) {
	store := ingetest.MustStore(t)
	kt1 := ingetest.KT1()
	rules := mustRead(t, filepath.Join("internal", "mockstate", "rules.go"))
	for _, p := range inge.Procedures() {
		file := snake(p.Name)
		t.Run(p.Name, func(t *testing.T) {
			// Rules: a row in rules.go, a file of the procedure's name with
			// its handler, and the store answers an empty request.
			if !strings.Contains(rules, "rule(inge."+p.Name+", ") {
				t.Errorf("internal/mockstate/rules.go has no row rule(inge.%s, …)", p.Name)
			}
			handler := "func " + lowerFirst(p.Name) + "("
			if src := mustRead(t, filepath.Join("internal", "mockstate", file+".go")); !strings.Contains(src, handler) {
				t.Errorf("internal/mockstate/%s.go has no %s…", file, handler)
			}
			req := p.NewRequest()
			req.Base().Mandant.Traegernummer = kt1.Traegernummer
			if resp, err := ingetest.TryApply(t, store, kt1.Caller(), req); err != nil || resp.Base().Vorgangsnummer == "" {
				t.Errorf("the store does not answer an empty %s: %v, %v", p.Name, resp, err)
			}
			mustExist(t, filepath.Join("internal", "mockstate", file+"_test.go"))

			// The scenarios: a feature file of the procedure's name, tagged
			// with it, and its step definitions.
			feature, err := fs.ReadFile(features.FS, file+".feature")
			if err != nil {
				t.Errorf("features/%s.feature: %v", file, err)
			} else if !hasTag(string(feature), p.Name) {
				t.Errorf("features/%s.feature is not tagged @%s", file, p.Name)
			}
			mustExist(t, filepath.Join("internal", "certrun", "steps_"+file+".go"))

			// The golden envelopes of the request and the response.
			mustExist(t, filepath.Join("testdata", "golden", p.Name+".xml"))
			mustExist(t, filepath.Join("testdata", "golden", p.Name+"Response.xml"))
		})
	}
}

// snake writes a procedure's name as its files are named:
// KursabschnittsbeginnMelden -> kursabschnittsbeginn_melden.
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

var tagLine = regexp.MustCompile(`(?m)^\s*(@\S+\s*)+$`)

// hasTag reports whether a feature file carries @name on a tag line.
func hasTag(feature, name string) bool {
	for _, line := range tagLine.FindAllString(feature, -1) {
		for _, tag := range strings.Fields(line) {
			if tag == "@"+name {
				return true
			}
		}
	}
	return false
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v", err)
		return ""
	}
	return string(b)
}

func mustExist(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("%v", err)
	}
}
