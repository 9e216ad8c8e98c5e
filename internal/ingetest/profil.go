package ingetest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// GegenprofilDir is the directory of the counter-profile,
// testdata/gegenprofil, from wherever a test runs.
func GegenprofilDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "gegenprofil")
}

// OhneStornierungsgrund removes the counter-profile's row for
// Stornierungsgrund: a draft with one gap.
var OhneStornierungsgrund = map[string][][2]string{"elemente.tsv": {{"Stornierungsgrund\tstornierungsgrund\n", ""}}}

// ProfilEntwurf copies the counter-profile into a directory of its own and
// changes it: in each file named in edits, the first occurrence of every
// old string by its new one. An old string the file lacks fails tb.
func ProfilEntwurf(tb testing.TB, edits map[string][][2]string) string {
	tb.Helper()
	src, dir := GegenprofilDir(), tb.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		s := string(b)
		for _, ed := range edits[e.Name()] {
			if !strings.Contains(s, ed[0]) {
				tb.Fatalf("%s has no %q", e.Name(), ed[0])
			}
			s = strings.Replace(s, ed[0], ed[1], 1)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), []byte(s), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
