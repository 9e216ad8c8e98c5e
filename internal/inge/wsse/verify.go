package wsse

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Defaults for the zero values of the Verifier fields.
const (
	DefaultWindow    = 5 * time.Minute
	DefaultSkew      = 60 * time.Second
	DefaultMaxNonces = 100_000
)

// Verifier authenticates UsernameTokens on the server side. The zero
// value with LookupPassword set is ready to use. A Verifier must not be
// copied or reconfigured after its first Verify call; it is safe for
// concurrent use.
type Verifier struct {
	// LookupPassword returns the clear-text password of username, or an
	// error wrapping ErrUnknownUser if the user does not exist. Other
	// errors are returned from Verify wrapped, as infrastructure failures.
	LookupPassword func(ctx context.Context, username string) (password string, err error)

	// Window is how far wsu:Created may lie in the past (default
	// DefaultWindow).
	Window time.Duration
	// Skew is how far wsu:Created may lie in the future to allow for
	// clock differences (default DefaultSkew).
	Skew time.Duration
	// Now returns the current time (default time.Now).
	Now func() time.Time
	// MaxNonces caps the number of remembered nonces (default
	// DefaultMaxNonces). When the cap is reached, tokens with a new nonce
	// are rejected with ErrReplayedNonce until older nonces expire.
	MaxNonces int

	once   sync.Once
	nonces *nonceCache
}

// token is a UsernameToken whose structure has been checked.
type token struct {
	username    string
	password    string
	digest      bool
	nonce       []byte // nil when absent
	createdText string // empty when absent
	created     time.Time
}

// Verify authenticates the UsernameToken in sec and returns its username.
//
// It checks the token's structure, then the freshness of wsu:Created,
// then the user and password, and only then records the nonce, so that
// failed attempts cannot use up nonces. Rejections wrap exactly one of
// ErrMissingHeader, ErrMalformedToken, ErrExpired, ErrUnknownUser,
// ErrWrongPassword or ErrReplayedNonce; any other error is a failure of
// LookupPassword.
//
// PasswordDigest requires Nonce and Created. With PasswordText both are
// optional but checked when present; a replayed clear-text token without
// Created is only detected while its nonce is remembered (Window+Skew).
func (v *Verifier) Verify(ctx context.Context, sec *Security) (username string, err error) {
	if v.LookupPassword == nil {
		return "", errors.New("wsse: Verifier.LookupPassword is nil")
	}
	t, err := parseToken(sec)
	if err != nil {
		return "", err
	}
	now := v.now()
	if t.createdText != "" {
		if err := v.checkFresh(t.created, now); err != nil {
			return "", err
		}
	}
	want, err := v.LookupPassword(ctx, t.username)
	if err != nil {
		return "", fmt.Errorf("wsse: look up password of %q: %w", t.username, err)
	}
	if !t.matches(want) {
		return "", fmt.Errorf("%w for user %q", ErrWrongPassword, t.username)
	}
	if t.nonce != nil {
		key := nonceKey{username: t.username, nonce: string(t.nonce)}
		if err := v.cache().add(key, now); err != nil {
			return "", err
		}
	}
	return t.username, nil
}

// parseToken checks the structure of sec and decodes its fields.
func parseToken(sec *Security) (*token, error) {
	if sec == nil {
		return nil, ErrMissingHeader
	}
	ut := sec.UsernameToken
	if ut == nil {
		return nil, fmt.Errorf("%w: no UsernameToken", ErrMalformedToken)
	}
	if ut.Username == "" {
		return nil, fmt.Errorf("%w: empty Username", ErrMalformedToken)
	}
	if ut.Password == nil {
		return nil, fmt.Errorf("%w: no Password", ErrMalformedToken)
	}
	t := &token{username: ut.Username, password: ut.Password.Value, createdText: ut.Created}
	switch ut.Password.Type {
	case "", PasswordTextType:
	case PasswordDigestType:
		t.digest = true
	default:
		return nil, fmt.Errorf("%w: unsupported Password Type %q", ErrMalformedToken, ut.Password.Type)
	}
	if n := ut.Nonce; n != nil {
		if n.EncodingType != "" && n.EncodingType != Base64Binary {
			return nil, fmt.Errorf("%w: unsupported Nonce EncodingType %q", ErrMalformedToken, n.EncodingType)
		}
		b, err := base64.StdEncoding.DecodeString(n.Value)
		if err != nil {
			return nil, fmt.Errorf("%w: Nonce: %w", ErrMalformedToken, err)
		}
		if len(b) == 0 {
			return nil, fmt.Errorf("%w: empty Nonce", ErrMalformedToken)
		}
		t.nonce = b
	}
	if t.createdText != "" {
		c, err := time.Parse(time.RFC3339Nano, t.createdText)
		if err != nil {
			return nil, fmt.Errorf("%w: Created: %w", ErrMalformedToken, err)
		}
		t.created = c
	}
	if t.digest && (t.nonce == nil || t.createdText == "") {
		return nil, fmt.Errorf("%w: PasswordDigest requires Nonce and Created", ErrMalformedToken)
	}
	return t, nil
}

// matches reports in constant time whether the token carries password.
func (t *token) matches(password string) bool {
	want := password
	if t.digest {
		want = Digest(t.nonce, t.createdText, password)
	}
	return subtle.ConstantTimeCompare([]byte(t.password), []byte(want)) == 1
}

// checkFresh rejects a creation time older than the window or further in
// the future than the skew. Both edges are inclusive.
func (v *Verifier) checkFresh(created, now time.Time) error {
	if age := now.Sub(created); age > v.window() {
		return fmt.Errorf("%w: created %s ago, window is %s", ErrExpired, age, v.window())
	}
	if ahead := created.Sub(now); ahead > v.skew() {
		return fmt.Errorf("%w: created %s in the future, allowed skew is %s", ErrExpired, ahead, v.skew())
	}
	return nil
}

func (v *Verifier) cache() *nonceCache {
	v.once.Do(func() {
		maxNonces := v.MaxNonces
		if maxNonces <= 0 {
			maxNonces = DefaultMaxNonces
		}
		// A token is accepted until Created+Window, and Created may be
		// up to Skew after the first use, so Window+Skew after the first
		// use covers every possible replay.
		v.nonces = newNonceCache(v.window()+v.skew(), maxNonces)
	})
	return v.nonces
}

func (v *Verifier) window() time.Duration {
	if v.Window > 0 {
		return v.Window
	}
	return DefaultWindow
}

func (v *Verifier) skew() time.Duration {
	if v.Skew > 0 {
		return v.Skew
	}
	return DefaultSkew
}

func (v *Verifier) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}
