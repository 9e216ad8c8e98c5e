package wsse_test

import (
	"crypto/sha1"
	"encoding/base64"
	"reflect"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

func TestDigest(t *testing.T) {
	fixedNonce := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	handMade := sha1.Sum([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" + "2026-03-01T12:00:00.000Z" + "geheim"))

	tests := []struct {
		name     string
		nonce    []byte
		created  string
		password string
		want     string
	}{
		{
			name:     "matches hand-computed SHA-1",
			nonce:    fixedNonce,
			created:  "2026-03-01T12:00:00.000Z",
			password: "geheim",
			want:     base64.StdEncoding.EncodeToString(handMade[:]),
		},
		{
			// Verified with: printf '\x00...\x0f2026-03-01T12:00:00.000Zgeheim' | openssl dgst -sha1 -binary | base64
			name:     "matches openssl vector",
			nonce:    fixedNonce,
			created:  "2026-03-01T12:00:00.000Z",
			password: "geheim",
			want:     "ajLw8WQbuJui8TVSxc0CnfsfiSY=",
		},
		{
			// The widely cited WS-Security example, verified with openssl.
			name:     "matches OASIS-style example",
			nonce:    mustDecodeBase64(t, "LKqI6G/AikKCQrN0zqZFlg=="),
			created:  "2010-09-16T07:50:45Z",
			password: "userpassword",
			want:     "tuOSpGlFlIXsozq4HFNeeGeFLEI=",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wsse.Digest(tt.nonce, tt.created, tt.password); got != tt.want {
				t.Errorf("Digest() = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestNewUsernameToken(t *testing.T) {
	nonce := []byte("this is a nonce!")
	created := time.Date(2026, 3, 1, 14, 0, 0, 123456789, time.FixedZone("CEST", 2*60*60))

	tests := []struct {
		name    string
		mode    wsse.PasswordMode
		created time.Time
		nonce   []byte
		want    *wsse.UsernameToken
	}{
		{
			name:    "digest with UTC millisecond Created",
			mode:    wsse.PasswordDigest,
			created: created,
			nonce:   nonce,
			want: &wsse.UsernameToken{
				Username: "alice",
				Password: &wsse.Password{
					Type:  wsse.PasswordDigestType,
					Value: wsse.Digest(nonce, "2026-03-01T12:00:00.123Z", "geheim"),
				},
				Nonce:   &wsse.Nonce{EncodingType: wsse.Base64Binary, Value: "dGhpcyBpcyBhIG5vbmNlIQ=="},
				Created: "2026-03-01T12:00:00.123Z",
			},
		},
		{
			name:    "text with nonce and Created",
			mode:    wsse.PasswordText,
			created: created,
			nonce:   nonce,
			want: &wsse.UsernameToken{
				Username: "alice",
				Password: &wsse.Password{Type: wsse.PasswordTextType, Value: "geheim"},
				Nonce:    &wsse.Nonce{EncodingType: wsse.Base64Binary, Value: "dGhpcyBpcyBhIG5vbmNlIQ=="},
				Created:  "2026-03-01T12:00:00.123Z",
			},
		},
		{
			name: "text without nonce and Created",
			mode: wsse.PasswordText,
			want: &wsse.UsernameToken{
				Username: "alice",
				Password: &wsse.Password{Type: wsse.PasswordTextType, Value: "geheim"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := wsse.NewUsernameToken("alice", "geheim", tt.mode, tt.created, tt.nonce)
			if err != nil {
				t.Fatalf("NewUsernameToken() error = %v; want nil", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("NewUsernameToken() = %+v; want %+v", got, tt.want)
			}
		})
	}
}

func TestNewUsernameTokenErrors(t *testing.T) {
	created := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	nonce := []byte("this is a nonce!")

	tests := []struct {
		name     string
		username string
		mode     wsse.PasswordMode
		created  time.Time
		nonce    []byte
	}{
		{name: "rejects empty username", mode: wsse.PasswordText},
		{name: "rejects zero mode", username: "alice", created: created, nonce: nonce},
		{name: "rejects unknown mode", username: "alice", mode: 42, created: created, nonce: nonce},
		{name: "rejects digest without nonce", username: "alice", mode: wsse.PasswordDigest, created: created},
		{name: "rejects digest without Created", username: "alice", mode: wsse.PasswordDigest, nonce: nonce},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := wsse.NewUsernameToken(tt.username, "geheim", tt.mode, tt.created, tt.nonce)
			if err == nil {
				t.Fatalf("NewUsernameToken() = %+v, nil; want error", got)
			}
		})
	}
}

func mustDecodeBase64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("DecodeString(%q) error = %v", s, err)
	}
	return b
}
