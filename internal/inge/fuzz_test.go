package inge_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"unicode/utf8"
)

// FuzzRequestDecoders feeds arbitrary envelopes to the strict decoding of
// every procedure: whatever comes in, it must return a checked request or a
// SchemaError with bounded texts, never panic, and a request it lets
// through must pass again when written anew. The seeds are the golden
// envelopes of all 17 requests.
func FuzzRequestDecoders(f *testing.F) {
	golden, err := filepath.Glob(filepath.Join("..", "..", "testdata", "golden", "*.xml"))
	if err != nil || len(golden) == 0 {
		f.Fatalf("no golden envelopes as seeds: %v", err)
	}
	for _, g := range golden {
		if strings.HasSuffix(g, "Response.xml") {
			continue
		}
		b, err := os.ReadFile(g)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, envelope []byte) {
		env, err := soap.ReadEnvelope(bytes.NewReader(envelope), soap.Limits{MaxDepth: 32, MaxElements: 2000}, wsse.IsSecurity)
		if err != nil {
			return
		}
		p, ok := inge.Lookup(env.Body.Name)
		if !ok {
			return
		}
		checked, err := p.Decode(env.Body)
		var se *inge.SchemaError
		switch {
		case errors.As(err, &se):
			if len(se.Abweichungen) == 0 {
				t.Fatal("SchemaError without deviations")
			}
			for _, a := range se.Abweichungen {
				if a.Text == "" || utf8.RuneCountInString(a.Text) > 255 {
					t.Fatalf("deviation text %q: want 1 to 255 characters", a.Text)
				}
			}
			return
		case err != nil:
			t.Fatalf("Decode: %v; want a request or a *SchemaError", err)
		}
		if checked.Procedure() != p || checked.Request() == nil {
			t.Fatalf("Decode returned %+v", checked)
		}
		for _, m := range checked.Befunde() {
			if m.Code == "" || m.Text == "" {
				t.Fatalf("Decode gave an incomplete Meldung %+v", m)
			}
		}
		// What passed the strict check is a valid request: written again,
		// it passes again with the same findings.
		again, err := inge.Check(checked.Request())
		if err != nil {
			t.Fatalf("a checked request fails the check when written again: %v", err)
		}
		if len(again.Befunde()) != len(checked.Befunde()) {
			t.Fatalf("findings differ after writing again: %v, then %v", checked.Befunde(), again.Befunde())
		}
	})
}
