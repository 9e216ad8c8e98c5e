package soap_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// FuzzReadEnvelope feeds arbitrary input to ReadEnvelope: it must return an
// envelope with a body or a *soap.Error, never panic, and a body it returns
// must replay its own tokens into a decoder.
func FuzzReadEnvelope(f *testing.F) {
	f.Add(envelope(securityHeader, echoBody))
	f.Add(envelope("", `<t:Schedule><t:At>2026-03-01T12:00:00Z</t:At></t:Schedule>`))
	for _, tt := range rejections {
		f.Add(tt.in)
	}
	limits := soap.Limits{MaxDepth: 16, MaxElements: 256}
	f.Fuzz(func(t *testing.T, in string) {
		env, err := soap.ReadEnvelope(strings.NewReader(in), limits, wsse.IsSecurity)
		if err != nil {
			var e *soap.Error
			if !errors.As(err, &e) || env != nil {
				t.Fatalf("ReadEnvelope() = %+v, %v; want nil and a *soap.Error", env, err)
			}
			return
		}
		if env.Body.Name.Local == "" || len(env.Body.Tokens()) < 2 {
			t.Fatalf("ReadEnvelope() = %+v; want a body element", env)
		}
		var anything struct {
			Inner []byte `xml:",innerxml"`
		}
		if err := env.Body.Decode(&anything); err != nil {
			t.Fatalf("Body.Decode() error = %v; a recorded element must replay", err)
		}
	})
}
