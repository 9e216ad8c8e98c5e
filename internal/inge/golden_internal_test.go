package inge

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// TestGoldenEnvelopes writes every request and response, fully populated, as
// the SOAP envelope the client sends and the mock answers, and compares them
// with testdata/golden. A change of the wire format shows up there first.
// Refresh with: go test ./internal/inge -run TestGoldenEnvelopes -update
func TestGoldenEnvelopes(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "golden")
	created := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	tok, err := wsse.NewUsernameToken("kt1.sachbearbeitung", "Test!Passwort1", wsse.PasswordDigest, created, []byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	sec := &wsse.Security{MustUnderstand: true, UsernameToken: tok}
	for name, msg := range messages(t) {
		var buf bytes.Buffer
		header := sec
		if _, isRequest := msg.(Request); !isRequest {
			header = nil
		}
		if err := soap.Encode(&buf, header, msg); err != nil {
			t.Fatalf("encode %s: %v", name, err)
		}
		path := filepath.Join(dir, name+".xml")
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from %s; rerun with -update if the change is intended", name, path)
		}
	}
}
