package wsse_test

import (
	"context"
	"encoding/xml"
	"errors"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// FuzzVerify decodes arbitrary Security headers and verifies them: it must
// never panic, must reject everything that is not the one valid token, and
// must return exactly one of the documented reasons.
func FuzzVerify(f *testing.F) {
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, mode := range []wsse.PasswordMode{wsse.PasswordText, wsse.PasswordDigest} {
		tok, err := wsse.NewUsernameToken("kt1", "Test!Passwort1", mode, now, []byte("0123456789abcdef"))
		if err != nil {
			f.Fatal(err)
		}
		b, err := xml.Marshal(wsse.Security{UsernameToken: tok})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<wsse:Security xmlns:wsse="` + wsse.SecextNS + `"><wsse:UsernameToken><wsse:Username>kt1</wsse:Username></wsse:UsernameToken></wsse:Security>`))
	reasons := []error{wsse.ErrMissingHeader, wsse.ErrMalformedToken, wsse.ErrUnknownUser, wsse.ErrWrongPassword, wsse.ErrReplayedNonce, wsse.ErrExpired}
	f.Fuzz(func(t *testing.T, header []byte) {
		var sec wsse.Security
		if err := xml.Unmarshal(header, &sec); err != nil {
			return
		}
		v := &wsse.Verifier{Now: func() time.Time { return now }}
		user, err := verify(v, &sec, func(_ context.Context, user string) (string, error) {
			if user != "kt1" {
				return "", wsse.ErrUnknownUser
			}
			return "Test!Passwort1", nil
		})
		if err == nil {
			if user != "kt1" {
				t.Fatalf("Verify accepted user %q", user)
			}
			return
		}
		n := 0
		for _, r := range reasons {
			if errors.Is(err, r) {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("Verify error %v matches %d reasons; want exactly one", err, n)
		}
	})
}
