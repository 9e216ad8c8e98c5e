package wsse

import (
	"sync"
	"time"
)

var (
	errNonceReused    = reject(ErrReplayedNonce, "die Nonce wurde von diesem Benutzer schon verwendet")
	errNonceCacheFull = reject(ErrReplayedNonce, "es sind zu viele Nonces im Zeitfenster gespeichert; bitte später erneut senden")
)

// nonceCache remembers accepted nonces for a fixed time to detect replays.
// It is safe for concurrent use.
//
// Memory is bounded: expired entries are pruned on every insert, and once
// max live entries are held, new nonces are refused. Refusing fails
// closed: under a nonce flood, legitimate requests are rejected until
// entries expire, but a replay can never slip through because an entry
// was evicted early.
type nonceCache struct {
	ttl time.Duration
	max int

	mu      sync.Mutex
	expires map[nonceKey]time.Time
	order   []nonceEntry // insertion order, hence expiry order
}

type nonceKey struct {
	username string
	nonce    string // decoded bytes
}

type nonceEntry struct {
	key     nonceKey
	expires time.Time
}

func newNonceCache(ttl time.Duration, maxEntries int) *nonceCache {
	return &nonceCache{ttl: ttl, max: maxEntries, expires: make(map[nonceKey]time.Time)}
}

// add records key at now. It fails with an error wrapping
// ErrReplayedNonce if key is already recorded and has not expired, or if
// the cache is full.
func (c *nonceCache) add(key nonceKey, now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prune(now)
	if exp, ok := c.expires[key]; ok && !now.After(exp) {
		return errNonceReused
	}
	if len(c.expires) >= c.max {
		return errNonceCacheFull
	}
	exp := now.Add(c.ttl)
	c.expires[key] = exp
	c.order = append(c.order, nonceEntry{key: key, expires: exp})
	return nil
}

// prune drops the entries that expired before now. Entries are appended
// in expiry order, so it stops at the first live one.
func (c *nonceCache) prune(now time.Time) {
	n := 0
	for ; n < len(c.order) && now.After(c.order[n].expires); n++ {
		e := c.order[n]
		// The key may have been re-added with a later expiry if the
		// clock went backwards; keep that entry.
		if exp, ok := c.expires[e.key]; ok && exp.Equal(e.expires) {
			delete(c.expires, e.key)
		}
		c.order[n] = nonceEntry{} // release the strings
	}
	c.order = c.order[n:]
}
