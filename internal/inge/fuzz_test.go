package inge_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// FuzzRequestDecoders feeds arbitrary bodies to the decoder of every
// procedure and to the schema check: whatever comes in, decoding and
// checking must return, never panic. The seeds are the golden envelopes of
// all 17 requests.
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
	newBody := func(name xml.Name) (any, error) {
		p, ok := inge.Lookup(name)
		if !ok {
			return nil, os.ErrNotExist
		}
		return p.NewRequest(), nil
	}
	f.Fuzz(func(t *testing.T, envelope []byte) {
		req, err := soap.DecodeRequest(bytes.NewReader(envelope), soap.Limits{MaxDepth: 32, MaxElements: 2000}, newBody)
		if err != nil || req.Body == nil {
			return
		}
		r, ok := req.Body.(inge.Request)
		if !ok {
			t.Fatalf("decoded body %T is not an inge.Request", req.Body)
		}
		ms, v := inge.Check(r)
		for _, m := range ms {
			if m.Code == "" || m.Text == "" {
				t.Fatalf("Check gave an incomplete Meldung %+v", m)
			}
		}
		if v != nil && v.Grund == "" {
			t.Fatalf("Check gave a violation without a reason: %+v", v)
		}
	})
}
