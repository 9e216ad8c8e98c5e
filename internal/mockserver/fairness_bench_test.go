package mockserver_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// The fairness benchmarks of issue 14, item 6: what another tenant sees
// while one attacks. They report figures (p99 of the other client's
// requests, the Faults it got) and assert nothing:
//
//	go test ./internal/mockserver -run '^$' -bench Fairness -benchtime 200x
//
// They use the mock's public surface only (StartLocal, the admin API), so
// that they run unchanged against an older mockinge for a comparison.

// victim sends b.N Kursauskuenfte as the standard sandbox's first user,
// one after another, and reports their p99 and the Faults among them.
func victim(b *testing.B, mock *mockserver.Local) {
	b.Helper()
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	var lat []time.Duration
	faults := map[string]int{}
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		code, err := auskunft(b.Context(), c)
		lat = append(lat, time.Since(start))
		switch {
		case err != nil:
			faults["Fehler"]++
		case code != "":
			faults[code]++
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	total := 0
	for code, n := range faults {
		b.ReportMetric(float64(n), code)
		total += n
	}
	b.ReportMetric(float64(total)/float64(b.N)*100, "%-faults")
}

// 64 slow clients that send part of a body and stop, without
// authenticating, while another client works.
func BenchmarkFairness_SlowClients(b *testing.B) {
	mock := MustStartLocal(b, mockserver.Config{})
	host := strings.TrimPrefix(mock.URL, "http://")
	for range 64 {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { conn.Close() })
		if _, err := io.WriteString(conn, "POST /inge HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<soapenv:Env"); err != nil {
			b.Fatal(err)
		}
	}
	time.Sleep(200 * time.Millisecond) // the slow clients' requests arrive
	victim(b, mock)
}

// One sandbox with a latency of 10 s and 64 requests at any time, while a
// client of another sandbox works.
func BenchmarkFairness_LatencySandbox(b *testing.B) {
	mock := mustStartAdmin(b)
	mustCreateSandbox(b, mock, "langsam", "la.kt1")
	mustAdmin[stoerungenReply](b, http.MethodPut, mock.AdminURL+"/sandboxes/langsam/stoerungen", `{"latenz": "10s"}`, http.StatusOK)
	ctx, cancel := context.WithCancel(b.Context())
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			c := sandboxClient(mock, "la.kt1")
			for ctx.Err() == nil {
				if code, _ := auskunft(ctx, c); code == "F303" {
					select { // a client retries a refused request later
					case <-time.After(100 * time.Millisecond):
					case <-ctx.Done():
					}
				}
			}
		})
	}
	time.Sleep(500 * time.Millisecond) // the 64 requests are in
	victim(b, mock)
	cancel()
	wg.Wait()
}

// One user floods 100,000 requests (each with a nonce of its own), while a
// user of another sandbox works; F204 counts the other's replay refusals.
func BenchmarkFairness_NonceFlood(b *testing.B) {
	mock := mustStartAdmin(b)
	mustCreateSandbox(b, mock, "flut", "fl.kt1")
	const flood, floodWorkers = 100_000, 8
	var sent atomic.Int64
	var floodF204 atomic.Int64
	ctx, cancel := context.WithCancel(b.Context())
	var wg sync.WaitGroup
	for range floodWorkers {
		wg.Go(func() {
			c := sandboxClient(mock, "fl.kt1")
			c.HTTPClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
			for ctx.Err() == nil && sent.Add(1) <= flood {
				if code, _ := auskunft(ctx, c); code == "F204" {
					floodF204.Add(1)
				}
			}
		})
	}
	// The other user works while the flood runs, and as long.
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	var lat []time.Duration
	f204, others := 0, 0
	b.ResetTimer()
	for i := 0; i < b.N || sent.Load() < flood; i++ {
		start := time.Now()
		code, err := auskunft(b.Context(), c)
		lat = append(lat, time.Since(start))
		switch {
		case code == "F204":
			f204++
		case code != "" || err != nil:
			others++
		}
	}
	b.StopTimer()
	cancel()
	wg.Wait()
	slices.Sort(lat)
	b.ReportMetric(float64(f204), "F204-others")
	b.ReportMetric(float64(others), "other-faults")
	b.ReportMetric(float64(len(lat)), "requests-others")
	b.ReportMetric(float64(floodF204.Load()), "F204-flooder")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
