package wsse

import (
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"time"
)

// TimestampLayout is the time layout of wsu:Created produced by
// NewUsernameToken: UTC with millisecond precision.
const TimestampLayout = "2006-01-02T15:04:05.000Z"

// PasswordMode selects how NewUsernameToken transmits the password.
type PasswordMode int

const (
	// PasswordText sends the password in clear text.
	PasswordText PasswordMode = iota + 1
	// PasswordDigest sends Base64(SHA-1(nonce + created + password)).
	PasswordDigest
)

// NewUsernameToken builds a token for username and password.
//
// The caller supplies created and nonce so that tests and replay
// scenarios can control them; production callers pass time.Now() and at
// least 16 bytes from crypto/rand. PasswordDigest requires both. With
// PasswordText, a zero created or an empty nonce omits the element.
func NewUsernameToken(username, password string, mode PasswordMode, created time.Time, nonce []byte) (*UsernameToken, error) {
	if username == "" {
		return nil, errors.New("wsse: new UsernameToken: empty username")
	}
	t := &UsernameToken{Username: username}
	if !created.IsZero() {
		t.Created = created.UTC().Format(TimestampLayout)
	}
	if len(nonce) > 0 {
		t.Nonce = &Nonce{EncodingType: Base64Binary, Value: base64.StdEncoding.EncodeToString(nonce)}
	}
	switch mode {
	case PasswordText:
		t.Password = &Password{Type: PasswordTextType, Value: password}
	case PasswordDigest:
		if len(nonce) == 0 || created.IsZero() {
			return nil, errors.New("wsse: new UsernameToken: PasswordDigest requires a nonce and a creation time")
		}
		t.Password = &Password{Type: PasswordDigestType, Value: Digest(nonce, t.Created, password)}
	default:
		return nil, fmt.Errorf("wsse: new UsernameToken: unknown password mode %d", mode)
	}
	return t, nil
}

// Digest returns the UsernameToken password digest
// Base64(SHA-1(nonce + created + password)), where nonce is the decoded
// nonce and created the exact text of wsu:Created.
func Digest(nonce []byte, created, password string) string {
	h := sha1.New()
	h.Write(nonce)
	h.Write([]byte(created))
	h.Write([]byte(password))
	return base64.StdEncoding.EncodeToString(h.Sum(nil))
}
