package soap_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

func FuzzDecodeRequest(f *testing.F) {
	f.Add(envelope(securityHeader, echoBody))
	f.Add(envelope("", `<t:Schedule><t:At>2026-03-01T12:00:00Z</t:At></t:Schedule>`))
	for _, tt := range rejections {
		f.Add(tt.in)
	}
	limits := soap.Limits{MaxDepth: 16, MaxElements: 256}
	f.Fuzz(func(t *testing.T, in string) {
		req, err := soap.DecodeRequest(strings.NewReader(in), limits, newBody)
		if err != nil {
			var e *soap.Error
			if !errors.As(err, &e) {
				t.Fatalf("DecodeRequest() error = %v; want a *soap.Error", err)
			}
			partial := e.Kind == soap.UnknownOperation || e.Kind == soap.InvalidBody
			if (req != nil) != partial || (req != nil && req.Body != nil) {
				t.Fatalf("DecodeRequest() = %+v, %v; want a partial request only for body errors", req, err)
			}
			return
		}
		if req.Operation.Local == "" || req.Body == nil {
			t.Fatalf("DecodeRequest() = %+v; want operation and body", req)
		}
	})
}
