package wsse

import (
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
}

// userNonces are the live nonces of one user.
type userNonces struct {
	expires map[string]time.Time // by decoded nonce
	order   []nonceEntry         // insertion order, hence expiry order
	bytes   int                  // sum of the nonces' lengths
}

type nonceEntry struct {
	nonce   string
	expires time.Time
}

func newNonceCache(ttl time.Duration, maxEntries, maxBytes int) *nonceCache {
	return &nonceCache{ttl: ttl, max: maxEntries, maxBytes: maxBytes, users: map[string]*userNonces{}}
}

// add records the nonce of user at now. It fails with an error wrapping
// ErrReplayedNonce if the nonce is already recorded for the user and has
// not expired, or if the user's part of the cache is full.
func (c *nonceCache) add(user, nonce string, now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	u := c.users[user]
	if u == nil {
		u = &userNonces{expires: map[string]time.Time{}}
		c.users[user] = u
	}
	u.prune(now)
	if exp, ok := u.expires[nonce]; ok && !now.After(exp) {
		return errNonceReused
	}
	if len(u.expires) >= c.max || u.bytes+len(nonce) > c.maxBytes {
		return errNonceCacheFull
	}
	exp := now.Add(c.ttl)
	u.expires[nonce] = exp
	u.order = append(u.order, nonceEntry{nonce: nonce, expires: exp})
	u.bytes += len(nonce)
	// Forget the users whose nonces have all expired, a few per insert,
	// so that the map of users does not grow with every user ever seen.
	n := 0
	for name, other := range c.users {
		if n++; n > 4 {
			break
		}
		if other.prune(now); len(other.expires) == 0 {
			delete(c.users, name)
		}
	}
	return nil
}

// prune drops the entries that expired before now. Entries are appended
// in expiry order, so it stops at the first live one.
func (u *userNonces) prune(now time.Time) {
	n := 0
	for ; n < len(u.order) && now.After(u.order[n].expires); n++ {
		e := u.order[n]
		// The nonce may have been re-added with a later expiry if the
		// clock went backwards; keep that entry.
		if exp, ok := u.expires[e.nonce]; ok && exp.Equal(e.expires) {
			delete(u.expires, e.nonce)
			u.bytes -= len(e.nonce)
		}
		u.order[n] = nonceEntry{} // release the string
	}
	u.order = u.order[n:]
}
