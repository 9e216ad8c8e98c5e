package wsse

import (
	"crypto/subtle"
	"encoding/base64"
	"sync"
	"time"
)

// Defaults for the zero values of the Verifier fields.
const (
	DefaultWindow        = 5 * time.Minute
	DefaultSkew          = 60 * time.Second
	DefaultMaxNonces     = 100_000
	DefaultMaxNonceBytes = 4 << 20
)

// MaxNonceLength is the longest Nonce accepted, decoded, in bytes. Clients
// send 16 random bytes; a longer one is refused as malformed before
// anything is remembered of it.
const MaxNonceLength = 64

// maxZoneOffset is the largest zone offset of an xs:dateTime, 14 hours.
const maxZoneOffset = 14 * 60 * 60

// Verifier authenticates UsernameTokens on the server side, in two steps
// with the user lookup between them: Parse checks a token's structure and
// freshness, then the caller looks the token's user up once, then
// Authenticate checks the password and records the nonce. The zero value is
// ready to use. A Verifier must not be copied or reconfigured after its
// first use; it is safe for concurrent use.
type Verifier struct {
	// Window is how far wsu:Created may lie in the past (default
	// DefaultWindow).
	Window time.Duration
	// Skew is how far wsu:Created may lie in the future to allow for
	// clock differences (default DefaultSkew).
	Skew time.Duration
	// Now returns the current time (default time.Now).
	Now func() time.Time
	// MaxNonces caps the number of nonces remembered for one user
	// (default DefaultMaxNonces), and MaxNonceBytes their total length
	// (default DefaultMaxNonceBytes). When a user reaches a cap, that
	// user's tokens with a new nonce are rejected with ErrReplayedNonce
	// until older nonces expire; other users are not touched.
	MaxNonces     int
	MaxNonceBytes int

	once   sync.Once
	nonces *nonceCache
}

// Token is a UsernameToken whose structure and freshness Parse has checked.
// It is not authenticated until Authenticate accepts it.
type Token struct {
	username    string
	password    string
	digest      bool
	nonce       []byte // nil when absent
	createdText string // empty when absent
	created     time.Time
	parsedAt    time.Time
}

// Username is the user the token claims to be.
func (t *Token) Username() string { return t.username }

// Parse checks the structure of the UsernameToken in sec, then the
// freshness of wsu:Created. Rejections wrap ErrMissingHeader,
// ErrMalformedToken or ErrExpired.
//
// PasswordDigest requires Nonce and Created. With PasswordText both are
// optional but checked when present; a replayed clear-text token without
// Created is only detected while its nonce is remembered (Window+Skew).
func (v *Verifier) Parse(sec *Security) (*Token, error) {
	t, err := parseToken(sec)
	if err != nil {
		return nil, err
	}
	t.parsedAt = v.now()
	if t.createdText != "" {
		if err := v.checkFresh(t.created, t.parsedAt); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Authenticate checks the token against the user's password, and only then
// records its nonce, so that failed attempts cannot use up nonces.
// Rejections wrap ErrWrongPassword or ErrReplayedNonce. A caller that finds
// no such user answers ErrUnknownUser itself, without calling Authenticate.
func (v *Verifier) Authenticate(t *Token, password string) error {
	if !t.matches(password) {
		return reject(ErrWrongPassword, "das Passwort von %s stimmt nicht", quote(t.username))
	}
	if t.nonce != nil {
		if err := v.cache().add(t.username, t.nonce, t.parsedAt); err != nil {
			return err
		}
	}
	return nil
}

// parseToken checks the structure of sec and decodes its fields.
func parseToken(sec *Security) (*Token, error) {
	if sec == nil {
		return nil, ErrMissingHeader
	}
	ut := sec.UsernameToken
	if ut == nil {
		return nil, reject(ErrMalformedToken, "der Security-Header enthält kein UsernameToken")
	}
	if ut.Username == "" {
		return nil, reject(ErrMalformedToken, "Username ist leer")
	}
	if ut.Password == nil {
		return nil, reject(ErrMalformedToken, "Password fehlt")
	}
	t := &Token{username: ut.Username, password: ut.Password.Value, createdText: ut.Created}
	switch ut.Password.Type {
	case "", PasswordTextType:
	case PasswordDigestType:
		t.digest = true
	default:
		return nil, reject(ErrMalformedToken, "der Password-Type %s wird nicht unterstützt; erlaubt sind PasswordText und PasswordDigest des UsernameToken Profile 1.0", quote(ut.Password.Type))
	}
	if n := ut.Nonce; n != nil {
		if n.EncodingType != "" && n.EncodingType != Base64Binary {
			return nil, reject(ErrMalformedToken, "der EncodingType %s der Nonce wird nicht unterstützt; erlaubt ist Base64Binary", quote(n.EncodingType))
		}
		b, err := base64.StdEncoding.DecodeString(n.Value)
		if err != nil {
			return nil, reject(ErrMalformedToken, "die Nonce ist nicht Base64-kodiert")
		}
		if len(b) == 0 {
			return nil, reject(ErrMalformedToken, "die Nonce ist leer")
		}
		if len(b) > MaxNonceLength {
			return nil, reject(ErrMalformedToken, "die Nonce ist %d Bytes lang; erlaubt sind höchstens %d", len(b), MaxNonceLength)
		}
		t.nonce = b
	}
	if t.createdText != "" {
		c, err := time.Parse(time.RFC3339Nano, t.createdText)
		if err != nil {
			return nil, reject(ErrMalformedToken, "Created %s ist kein Zeitpunkt mit Zeitzone, etwa 2027-03-10T09:00:00Z", quote(t.createdText))
		}
		// time.Parse takes zones up to ±23:59; xs:dateTime ends at ±14:00.
		if _, off := c.Zone(); off > maxZoneOffset || off < -maxZoneOffset {
			return nil, reject(ErrMalformedToken, "Created %s hat eine Zeitzone jenseits von ±14:00", quote(t.createdText))
		}
		t.created = c
	}
	if t.digest && (t.nonce == nil || t.createdText == "") {
		return nil, reject(ErrMalformedToken, "PasswordDigest verlangt Nonce und Created")
	}
	return t, nil
}

// matches reports in constant time whether the token carries password.
func (t *Token) matches(password string) bool {
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
		return reject(ErrExpired, "Created liegt %s zurück; erlaubt sind höchstens %s", duration(age), duration(v.window()))
	}
	if ahead := created.Sub(now); ahead > v.skew() {
		return reject(ErrExpired, "Created liegt %s in der Zukunft; erlaubt sind höchstens %s", duration(ahead), duration(v.skew()))
	}
	return nil
}

func (v *Verifier) cache() *nonceCache {
	v.once.Do(func() {
		maxNonces, maxBytes := v.MaxNonces, v.MaxNonceBytes
		if maxNonces <= 0 {
			maxNonces = DefaultMaxNonces
		}
		if maxBytes <= 0 {
			maxBytes = DefaultMaxNonceBytes
		}
		// A token is accepted until Created+Window, and Created may be
		// up to Skew after the first use, so Window+Skew after the first
		// use covers every possible replay.
		v.nonces = newNonceCache(v.window()+v.skew(), maxNonces, maxBytes)
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
