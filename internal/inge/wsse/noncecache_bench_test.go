package wsse

import (
	"encoding/binary"
	"runtime"
	"testing"
	"time"
)

// BenchmarkNonceCache adds b.N distinct 16-byte nonces of one user, as a
// load test does, and reports the heap the cache keeps per nonce
// (retained-B/nonce) besides the cost of an add.
func BenchmarkNonceCache(b *testing.B) {
	c := newNonceCache(time.Hour, b.N+1, 64*(b.N+1))
	now := time.Now()
	nonce := make([]byte, 16)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		binary.LittleEndian.PutUint64(nonce, uint64(i))
		if err := c.add("kt1.sachbearbeitung", nonce, now); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(b.N), "retained-B/nonce")
	runtime.KeepAlive(c)
}
