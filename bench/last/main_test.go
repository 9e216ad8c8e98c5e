package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
)

// TestTagPattern checks the patterns against the unanchored regular
// expressions they stand for.
func TestTagPattern(t *testing.T) {
	bodies := []string{
		"", "Status", "<Status>", "<Status>verarbeitet</Status>", "<k:Status>geprueft</k:Status>",
		"<a>Status>x</a><b:Status>y</b:Status>", "<Status >x</Status><Status>y</Status>",
		"<x:y:Status>z</x:y:Status>", "<1:Status>z</1:Status><Status>ok</Status>",
		"<soapenv:Fault>", "<soapenv:Faultstring>", "<Fault\n>", "<Kurskennung>K123456789</Kurskennung>",
		"<k:Kurskennung>K12345678</k:Kurskennung><k:Kurskennung>K000000001</k:Kurskennung>",
	}
	files, _ := filepath.Glob("../../testdata/golden/*.xml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(b))
	}
	for _, tc := range []struct {
		pattern *tagPattern
		regexp  string
	}{
		{statusPattern, `<(?:[A-Za-z_][\w.-]*:)?Status>([^<]*)</`},
		{kurskennungPattern, `<(?:[A-Za-z_][\w.-]*:)?Kurskennung>(K\d{9})</`},
		{faultPattern, `<(?:[A-Za-z_][\w.-]*:)?Fault[\s>]`},
	} {
		re := regexp.MustCompile(tc.regexp)
		for _, body := range bodies {
			got, want := tc.pattern.FindSubmatch([]byte(body)), re.FindSubmatch([]byte(body))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %.80q = %q; want %q", tc.pattern.name, body, got, want)
			}
		}
	}
}
