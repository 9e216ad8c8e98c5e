package wsse_test

import (
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// Issue 14, item 2: the nonce cache is per user: one user's flood of
// nonces fills its own part, never another user's.
func TestVerifyNonceCachePerUser(t *testing.T) {
	v := newVerifier(&clock{now: t0})
	v.MaxNonces = 2
	for _, n := range []string{"n1", "n2"} {
		if _, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, t0, n), lookup); err != nil {
			t.Fatalf("alice %s: %v", n, err)
		}
	}
	_, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, t0, "n3"), lookup)
	checkReason(t, err, wsse.ErrReplayedNonce)
	if _, err := verify(v, newSecurity(t, "bob", "passwort", wsse.PasswordText, t0, "n1"), lookup); err != nil {
		t.Errorf("bob after alice's flood: %v; want accepted", err)
	}
}

// Issue 14, item 2: the cache is bounded by bytes as well as by count.
func TestVerifyNonceCacheBytes(t *testing.T) {
	v := newVerifier(&clock{now: t0})
	v.MaxNonceBytes = 100
	long := strings.Repeat("x", 40)
	for _, n := range []string{long + "1", long + "2"} {
		if _, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, t0, n), lookup); err != nil {
			t.Fatalf("alice %s: %v", n, err)
		}
	}
	_, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, t0, long+"3"), lookup)
	checkReason(t, err, wsse.ErrReplayedNonce)
	if _, err := verify(v, newSecurity(t, "bob", "passwort", wsse.PasswordText, t0, long+"1"), lookup); err != nil {
		t.Errorf("bob: %v; want accepted", err)
	}
}

// Issue 14, item 2: a nonce longer than any client sends is refused as
// malformed before it is remembered (500 of 740 KB held 650 MiB).
func TestVerifyNonceTooLong(t *testing.T) {
	v := newVerifier(&clock{now: t0})
	_, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, t0, strings.Repeat("x", wsse.MaxNonceLength+1)), lookup)
	checkReason(t, err, wsse.ErrMalformedToken)
	if _, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, t0, strings.Repeat("x", wsse.MaxNonceLength)), lookup); err != nil {
		t.Errorf("a nonce of %d bytes: %v; want accepted", wsse.MaxNonceLength, err)
	}
}

// A nonce added again once it expired, after the clock went backwards,
// stays refused until its new expiry, also when its first entry, stuck
// in the order behind one added before the clock went back, is pruned.
func TestVerifyNonceCacheClockBackwards(t *testing.T) {
	ttl := wsse.DefaultWindow + wsse.DefaultSkew
	c := &clock{now: t0.Add(ttl / 2)}
	v := newVerifier(c)
	accept := func(nonce string, want error) {
		t.Helper()
		_, err := verify(v, newSecurity(t, "alice", "geheim", wsse.PasswordText, time.Time{}, nonce), lookup)
		if want == nil {
			if err != nil {
				t.Fatalf("%s at %v: %v; want accepted", nonce, c.Now().Sub(t0), err)
			}
			return
		}
		checkReason(t, err, want)
	}
	accept("a", nil) // expires at 1.5 ttl
	c.Set(t0)
	accept("b", nil) // expires at ttl, behind a in the order
	c.Set(t0.Add(ttl + time.Nanosecond))
	accept("b", nil) // expired: taken again, until 2 ttl + 1ns
	c.Set(t0.Add(ttl + ttl/2 + time.Nanosecond))
	// a and b's first entry are pruned now; b's second entry must stay.
	accept("b", wsse.ErrReplayedNonce)
	c.Set(t0.Add(2*ttl + 2*time.Nanosecond))
	accept("b", nil)
}
