package wsse

import (
	"crypto/sha256"
	"sync"
	"time"
)

var (
	errNonceReused    = reject(ErrReplayedNonce, "die Nonce wurde von diesem Benutzer schon verwendet")
	errNonceCacheFull = reject(ErrReplayedNonce, "dieser Benutzer hat zu viele Nonces im Zeitfenster verwendet; bitte später erneut senden")
)

// nonceCache remembers accepted nonces for a fixed time to detect replays.
// It is safe for concurrent use.
//
// It keeps the nonces of each user apart, and bounds each user's by count
// and by bytes: expired entries are pruned on every insert, and once a
// user holds max live entries or maxBytes of nonces, that user's new
// nonces are refused. Refusing fails closed: under one user's nonce flood,
// that user's requests are rejected until entries expire, but a replay can
// never slip through because an entry was evicted early, and no other user
// is touched. A user whose nonces have all expired is forgotten, so the
// whole cache is bounded by the users that sent a nonce within the TTL.
type nonceCache struct {
	ttl      time.Duration
	max      int
	maxBytes int

	mu    sync.Mutex
	users map[string]*userNonces
	// base is the time of the first nonce. Expiries are kept as durations
	// since base: unlike a time.Time (its Location) a duration holds no
	// pointer, and now.Sub(base) compares as the times would, by the
	// monotonic clock where both have it.
	base time.Time
}

// userNonces are the live nonces of one user. They hold no pointers: a
// load test leaves hundreds of thousands of them, which the collector
// would otherwise trace on every cycle (as strings they were two thirds
// of the live heap after 8 s of reads at c=32, and its mark phases grew
// from 5 to 20 ms).
type userNonces struct {
	expires map[nonceKey]time.Duration // by decoded nonce; since base
	order   []nonceEntry               // insertion order, hence expiry order
	bytes   int                        // sum of the nonces' lengths
}

type nonceEntry struct {
	key     nonceKey
	expires time.Duration
	length  int32 // of the nonce, for bytes
}

// nonceKey stands for a nonce: the first 128 bits of its SHA-256. The same
// nonce always has the same key, so a replay is always found; two different
// nonces share one with a chance of 2^-128, and the later would then be
// refused as a replay, never accepted.
type nonceKey [16]byte

func keyOf(nonce []byte) nonceKey {
	sum := sha256.Sum256(nonce)
	return nonceKey(sum[:16])
}

func newNonceCache(ttl time.Duration, maxEntries, maxBytes int) *nonceCache {
	return &nonceCache{ttl: ttl, max: maxEntries, maxBytes: maxBytes, users: map[string]*userNonces{}}
}

// add records the nonce of user at now. It fails with an error wrapping
// ErrReplayedNonce if the nonce is already recorded for the user and has
// not expired, or if the user's part of the cache is full.
func (c *nonceCache) add(user string, nonce []byte, now time.Time) error {
	key := keyOf(nonce)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.base.IsZero() {
		c.base = now
	}
	at := now.Sub(c.base)
	u := c.users[user]
	if u == nil {
		u = &userNonces{expires: map[nonceKey]time.Duration{}}
		c.users[user] = u
	}
	u.prune(at)
	if exp, ok := u.expires[key]; ok && at <= exp {
		return errNonceReused
	}
	if len(u.expires) >= c.max || u.bytes+len(nonce) > c.maxBytes {
		return errNonceCacheFull
	}
	exp := at + c.ttl
	u.expires[key] = exp
	u.order = append(u.order, nonceEntry{key: key, expires: exp, length: int32(len(nonce))})
	u.bytes += len(nonce)
	// Forget the users whose nonces have all expired, a few per insert,
	// so that the map of users does not grow with every user ever seen.
	n := 0
	for name, other := range c.users {
		if n++; n > 4 {
			break
		}
		if other.prune(at); len(other.expires) == 0 {
			delete(c.users, name)
		}
	}
	return nil
}

// prune drops the entries that expired before at. Entries are appended
// in expiry order, so it stops at the first live one.
func (u *userNonces) prune(at time.Duration) {
	n := 0
	for ; n < len(u.order) && at > u.order[n].expires; n++ {
		e := u.order[n]
		// The nonce may have been re-added with a later expiry if the
		// clock went backwards; keep that entry.
		if exp, ok := u.expires[e.key]; ok && exp == e.expires {
			delete(u.expires, e.key)
			u.bytes -= int(e.length)
		}
	}
	u.order = u.order[n:]
}
