package certrun_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/inge-harness/inge-harness/internal/certrun"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/golden")

// goldenRun runs the features of testdata/golden one after another in the
// standard sandbox, so that the reports come out in one order, and returns
// the report directory.
func goldenRun(t *testing.T) string {
	t.Helper()
	mock := mustStartMock(t)
	dir := t.TempDir()
	res, err := certrun.Run(t.Context(), certrun.Config{
		Endpoint: mock.Endpoint(), Admin: mock.AdminURL, Sandbox: "standard",
		Features: os.DirFS("testdata/golden"), Report: dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Passed != 6 || res.Failed != 2 {
		t.Fatalf("Result = %+v; want 6 passed, 2 failed (one wrong status, one undefined step)", res)
	}
	return dir
}

// TestReportGolden compares junit.xml and cucumber.json with the golden
// files, after normalising what changes from run to run: times, durations,
// the host, Vorgangsnummern and the UsernameToken's Created and Nonce.
// go test ./internal/certrun -run TestReportGolden -update rewrites them.
func TestReportGolden(t *testing.T) {
	dir := goldenRun(t)
	for _, name := range []string{"junit.xml", "cucumber.json"} {
		t.Run(name, func(t *testing.T) {
			got := normalise(t, name, []byte(mustRead(t, filepath.Join(dir, name))))
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./internal/certrun -run TestReportGolden -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (normalised); go test ./internal/certrun -run TestReportGolden -update rewrites it after a wanted change\n%s", name, golden, firstDiff(got, want))
			}
		})
	}
}

var (
	junitVolatile = []struct {
		re   *regexp.Regexp
		repl string
	}{
		{regexp.MustCompile(`timestamp="[^"]*"`), `timestamp="2027-03-10T09:00:00"`},
		{regexp.MustCompile(`hostname="[^"]*"`), `hostname="localhost"`},
		{regexp.MustCompile(`time="[0-9.]*"`), `time="0.000"`},
	}
	textVolatile = []struct {
		re   *regexp.Regexp
		repl string
	}{
		{regexp.MustCompile(`V-\d{8}-[0-9a-f]{16}`), "V-20270310-0000000000000000"},
		{regexp.MustCompile(`(<(?:\w+:)?Created[^>]*>)[^<]*(<)`), "${1}2027-03-10T09:00:00Z${2}"},
		{regexp.MustCompile(`(<(?:\w+:)?Nonce[^>]*>)[^<]*(<)`), "${1}AAAAAAAAAAAAAAAAAAAAAA==${2}"},
		{regexp.MustCompile(`(<(?:\w+:)?Eingangszeit[^>]*>)[^<]*(<)`), "${1}2027-03-10T09:00:00Z${2}"},
	}
	durations = regexp.MustCompile(`"duration": \d+`)
)

// normalise replaces what changes from run to run by fixed values; in
// cucumber.json the embedded envelopes are decoded, normalised and encoded
// again.
func normalise(t *testing.T, name string, b []byte) []byte {
	t.Helper()
	text := func(b []byte) []byte {
		for _, v := range textVolatile {
			b = v.re.ReplaceAll(b, []byte(v.repl))
		}
		return b
	}
	if name == "junit.xml" {
		for _, v := range junitVolatile {
			b = v.re.ReplaceAll(b, []byte(v.repl))
		}
		return text(b)
	}
	b = durations.ReplaceAll(b, []byte(`"duration": 0`))
	data := regexp.MustCompile(`"data": "([A-Za-z0-9+/=]*)"`)
	b = data.ReplaceAllFunc(b, func(m []byte) []byte {
		raw, err := base64.StdEncoding.DecodeString(string(data.FindSubmatch(m)[1]))
		if err != nil {
			t.Fatalf("embedding data is not base64: %v", err)
		}
		enc, _ := json.Marshal(base64.StdEncoding.EncodeToString(text(raw)))
		return append([]byte(`"data": `), enc...)
	})
	return text(b)
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := range max(len(g), len(w)) {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + itoa(i+1) + ":\n got: " + string(gl) + "\nwant: " + string(wl)
		}
	}
	return ""
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
