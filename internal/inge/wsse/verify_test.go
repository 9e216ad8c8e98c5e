package wsse_test

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// reasons are the rejection reasons; every rejection matches exactly one.
var reasons = []error{
	wsse.ErrMissingHeader,
	wsse.ErrMalformedToken,
	wsse.ErrUnknownUser,
	wsse.ErrWrongPassword,
	wsse.ErrReplayedNonce,
	wsse.ErrExpired,
}

// clock is a settable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func lookup(ctx context.Context, username string) (string, error) {
	switch username {
	case "alice":
		return "geheim", nil
	case "bob":
		return "passwort", nil
	}
	return "", fmt.Errorf("user %q: %w", username, wsse.ErrUnknownUser)
}

func newVerifier(c *clock) *wsse.Verifier {
	return &wsse.Verifier{Now: c.Now}
}

// verify authenticates sec as a server does: Parse, one lookup of the
// token's user, Authenticate.
func verify(v *wsse.Verifier, sec *wsse.Security, lookup func(ctx context.Context, user string) (string, error)) (string, error) {
	tok, err := v.Parse(sec)
	if err != nil {
		return "", err
	}
	password, err := lookup(context.Background(), tok.Username())
	if err != nil {
		return "", err
	}
	if err := v.Authenticate(tok, password); err != nil {
		return "", err
	}
	return tok.Username(), nil
}

func newSecurity(t *testing.T, username, password string, mode wsse.PasswordMode, created time.Time, nonce string) *wsse.Security {
	t.Helper()
	var n []byte
	if nonce != "" {
		n = []byte(nonce)
	}
	tok, err := wsse.NewUsernameToken(username, password, mode, created, n)
	if err != nil {
		t.Fatalf("NewUsernameToken() error = %v", err)
	}
	return &wsse.Security{UsernameToken: tok}
}

// checkReason fails unless err matches want and no other reason.
func checkReason(t *testing.T, err, want error) {
	t.Helper()
	if err == nil {
		t.Fatalf("Verify() error = nil; want %v", want)
	}
	for _, r := range reasons {
		if got := errors.Is(err, r); got != (r == want) {
			t.Errorf("errors.Is(%v, %v) = %v; want %v", err, r, got, !got)
		}
	}
	for _, secret := range []string{"geheim", "passwort"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("Verify() error = %q; contains the password", err)
		}
	}
}

func TestVerifyAccepts(t *testing.T) {
	var zeep wsse.Security
	if err := xml.Unmarshal([]byte(zeepSecurity), &zeep); err != nil {
		t.Fatalf("Unmarshal() error = %v", err)
	}
	offsetCreated := "2026-03-01T13:00:00+01:00"
	nonce := []byte("this is a nonce!")

	tests := []struct {
		name string
		sec  *wsse.Security
	}{
		{name: "accepts digest", sec: newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0, "n1")},
		{name: "accepts zeep digest", sec: &zeep},
		{name: "accepts text with nonce and Created", sec: newSecurity(t, "alice", "geheim", wsse.PasswordText, t0, "n1")},
		{name: "accepts bare text", sec: newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, "")},
		{
			name: "accepts text without Type",
			sec: &wsse.Security{UsernameToken: &wsse.UsernameToken{
				Username: "alice",
				Password: &wsse.Password{Value: "geheim"},
			}},
		},
		{
			name: "accepts digest over exact Created text with offset",
			sec: &wsse.Security{UsernameToken: &wsse.UsernameToken{
				Username: "alice",
				Password: &wsse.Password{Type: wsse.PasswordDigestType, Value: wsse.Digest(nonce, offsetCreated, "geheim")},
				Nonce:    &wsse.Nonce{Value: "dGhpcyBpcyBhIG5vbmNlIQ=="},
				Created:  offsetCreated,
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newVerifier(&clock{now: t0})
			got, err := verify(v, tt.sec, lookup)
			if err != nil || got != "alice" {
				t.Errorf("Verify() = %q, %v; want %q, nil", got, err, "alice")
			}
		})
	}
}

func TestVerifyRejects(t *testing.T) {
	nonce := []byte("this is a nonce!")
	nonceB64 := "dGhpcyBpcyBhIG5vbmNlIQ=="
	created := "2026-03-01T12:00:00Z"
	digest := func(password string) *wsse.Password {
		return &wsse.Password{Type: wsse.PasswordDigestType, Value: wsse.Digest(nonce, created, password)}
	}
	token := func(tok wsse.UsernameToken) *wsse.Security { return &wsse.Security{UsernameToken: &tok} }

	tests := []struct {
		name string
		sec  *wsse.Security
		want error
	}{
		{name: "missing header", sec: nil, want: wsse.ErrMissingHeader},
		{name: "malformed without token", sec: &wsse.Security{}, want: wsse.ErrMalformedToken},
		{
			name: "malformed with empty username",
			sec:  token(wsse.UsernameToken{Password: &wsse.Password{Value: "geheim"}}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed without password",
			sec:  token(wsse.UsernameToken{Username: "alice"}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed with unknown password type",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: &wsse.Password{Type: "urn:x#PasswordHash", Value: "geheim"}}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed with bad base64 nonce",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: digest("geheim"), Nonce: &wsse.Nonce{Value: "not base64!"}, Created: created}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed with empty nonce",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: digest("geheim"), Nonce: &wsse.Nonce{}, Created: created}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed with unknown nonce encoding",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: digest("geheim"), Nonce: &wsse.Nonce{EncodingType: "urn:x#Hex", Value: nonceB64}, Created: created}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed with unparsable Created",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: &wsse.Password{Value: "geheim"}, Created: "01.03.2026 12:00"}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed digest without nonce",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: digest("geheim"), Created: created}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "malformed digest without Created",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: digest("geheim"), Nonce: &wsse.Nonce{Value: nonceB64}}),
			want: wsse.ErrMalformedToken,
		},
		{
			name: "expired text token",
			sec:  newSecurity(t, "alice", "geheim", wsse.PasswordText, t0.Add(-time.Hour), ""),
			want: wsse.ErrExpired,
		},
		{
			name: "expired digest from the future",
			sec:  newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0.Add(time.Hour), "n1"),
			want: wsse.ErrExpired,
		},
		{
			name: "expired before unknown user",
			sec:  newSecurity(t, "mallory", "geheim", wsse.PasswordDigest, t0.Add(-time.Hour), "n1"),
			want: wsse.ErrExpired,
		},
		{
			name: "unknown user",
			sec:  newSecurity(t, "mallory", "geheim", wsse.PasswordDigest, t0, "n1"),
			want: wsse.ErrUnknownUser,
		},
		{
			name: "wrong text password",
			sec:  newSecurity(t, "alice", "passwort", wsse.PasswordText, t0, "n1"),
			want: wsse.ErrWrongPassword,
		},
		{
			name: "wrong digest password",
			sec:  newSecurity(t, "alice", "passwort", wsse.PasswordDigest, t0, "n1"),
			want: wsse.ErrWrongPassword,
		},
		{
			name: "wrong digest over reformatted Created",
			sec: token(wsse.UsernameToken{
				Username: "alice",
				Password: &wsse.Password{Type: wsse.PasswordDigestType, Value: wsse.Digest(nonce, "2026-03-01T12:00:00.000Z", "geheim")},
				Nonce:    &wsse.Nonce{Value: nonceB64},
				Created:  created,
			}),
			want: wsse.ErrWrongPassword,
		},
		{
			name: "wrong digest sent as text",
			sec:  token(wsse.UsernameToken{Username: "alice", Password: &wsse.Password{Value: digest("geheim").Value}, Nonce: &wsse.Nonce{Value: nonceB64}, Created: created}),
			want: wsse.ErrWrongPassword,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newVerifier(&clock{now: t0})
			got, err := verify(v, tt.sec, lookup)
			if got != "" {
				t.Errorf("Verify() username = %q; want empty", got)
			}
			checkReason(t, err, tt.want)
		})
	}
}

func TestVerifyReplay(t *testing.T) {
	c := &clock{now: t0}
	v := newVerifier(c)
	check := func(sec *wsse.Security, want error) {
		t.Helper()
		_, err := verify(v, sec, lookup)
		if want == nil {
			if err != nil {
				t.Fatalf("Verify() error = %v; want nil", err)
			}
			return
		}
		checkReason(t, err, want)
	}

	// A failed attempt must not burn the nonce.
	check(newSecurity(t, "alice", "wrong", wsse.PasswordDigest, t0, "n1"), wsse.ErrWrongPassword)
	check(newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0, "n1"), nil)
	check(newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0, "n1"), wsse.ErrReplayedNonce)
	// Nonces are per user, and new nonces are accepted.
	check(newSecurity(t, "bob", "passwort", wsse.PasswordDigest, t0, "n1"), nil)
	check(newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0, "n2"), nil)
	// Text tokens without Created are protected while the nonce is remembered,
	// which is Window+Skew, inclusive.
	check(newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, "n3"), nil)
	c.Set(t0.Add(wsse.DefaultWindow + wsse.DefaultSkew))
	check(newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, "n3"), wsse.ErrReplayedNonce)
	c.Set(t0.Add(wsse.DefaultWindow + wsse.DefaultSkew + time.Nanosecond))
	check(newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, "n3"), nil)
}

func TestVerifyFreshness(t *testing.T) {
	tests := []struct {
		name   string
		window time.Duration
		skew   time.Duration
		now    time.Time
		want   error
	}{
		{name: "accepts at default window edge", now: t0.Add(5 * time.Minute)},
		{name: "expired past default window", now: t0.Add(5*time.Minute + time.Nanosecond), want: wsse.ErrExpired},
		{name: "accepts at default skew edge", now: t0.Add(-60 * time.Second)},
		{name: "expired past default skew", now: t0.Add(-60*time.Second - time.Nanosecond), want: wsse.ErrExpired},
		{name: "accepts at custom window edge", window: time.Minute, now: t0.Add(time.Minute)},
		{name: "expired past custom window", window: time.Minute, now: t0.Add(time.Minute + time.Nanosecond), want: wsse.ErrExpired},
		{name: "accepts at custom skew edge", skew: time.Second, now: t0.Add(-time.Second)},
		{name: "expired past custom skew", skew: time.Second, now: t0.Add(-time.Second - time.Nanosecond), want: wsse.ErrExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newVerifier(&clock{now: tt.now})
			v.Window, v.Skew = tt.window, tt.skew
			_, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0, "n1"), lookup)
			if tt.want == nil {
				if err != nil {
					t.Errorf("Verify() error = %v; want nil", err)
				}
				return
			}
			checkReason(t, err, tt.want)
		})
	}
}

func TestVerifyNonceCacheFull(t *testing.T) {
	c := &clock{now: t0}
	v := newVerifier(c)
	v.MaxNonces = 2
	for _, n := range []string{"n1", "n2"} {
		if _, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, n), lookup); err != nil {
			t.Fatalf("Verify(%s) error = %v; want nil", n, err)
		}
	}
	_, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, "n3"), lookup)
	checkReason(t, err, wsse.ErrReplayedNonce)

	// Once the old nonces expire, they are pruned and room is made.
	c.Set(t0.Add(wsse.DefaultWindow + wsse.DefaultSkew + time.Nanosecond))
	if _, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, "n3"), lookup); err != nil {
		t.Errorf("Verify() after expiry error = %v; want nil", err)
	}
}

func TestVerifyConcurrent(t *testing.T) {
	v := newVerifier(&clock{now: t0})
	const n = 50
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		accepted int
	)
	for i := range n {
		wg.Go(func() {
			// Every goroutine sends the same token once and a token of its own.
			shared := newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0, "shared")
			_, err := verify(v, shared, lookup)
			if err != nil && !errors.Is(err, wsse.ErrReplayedNonce) {
				t.Errorf("Verify(shared) error = %v; want nil or %v", err, wsse.ErrReplayedNonce)
			}
			if err == nil {
				mu.Lock()
				accepted++
				mu.Unlock()
			}
			own := newSecurity(t, "alice", "geheim", wsse.PasswordDigest, t0, fmt.Sprintf("own-%d", i))
			if _, err := verify(v, own, lookup); err != nil {
				t.Errorf("Verify(own) error = %v; want nil", err)
			}
		})
	}
	wg.Wait()
	if accepted != 1 {
		t.Errorf("shared token accepted %d times; want 1", accepted)
	}
}

func TestFaultCode(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		want   string
		wantOK bool
	}{
		{name: "InvalidSecurity for missing header", err: wsse.ErrMissingHeader, want: "InvalidSecurity", wantOK: true},
		{name: "InvalidSecurityToken for malformed", err: fmt.Errorf("%w: x", wsse.ErrMalformedToken), want: "InvalidSecurityToken", wantOK: true},
		{name: "FailedAuthentication for unknown user", err: fmt.Errorf("x: %w", wsse.ErrUnknownUser), want: "FailedAuthentication", wantOK: true},
		{name: "FailedAuthentication for wrong password", err: wsse.ErrWrongPassword, want: "FailedAuthentication", wantOK: true},
		{name: "FailedAuthentication for replay", err: wsse.ErrReplayedNonce, want: "FailedAuthentication", wantOK: true},
		{name: "MessageExpired for expired", err: wsse.ErrExpired, want: "MessageExpired", wantOK: true},
		{name: "none for other errors", err: errors.New("database down")},
		{name: "none for nil", err: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, text, ok := wsse.FaultCode(tt.err)
			var want xml.Name
			if tt.wantOK {
				want = xml.Name{Space: wsse.SecextNS, Local: tt.want}
			}
			if code != want || ok != tt.wantOK || (text != "") != tt.wantOK {
				t.Errorf("FaultCode(%v) = %v, %q, %v; want %v, non-empty: %v, %v", tt.err, code, text, ok, want, tt.wantOK, tt.wantOK)
			}
		})
	}
}
