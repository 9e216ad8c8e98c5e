package console_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// BenchmarkJournalSeite measures the journal page of a sandbox with 1,000
// exchanges: the server's time per page and its weight, with the default
// limit (the newest 100) and with all 1,000 on one page.
//
//	go test ./internal/console -run '^$' -bench JournalSeite -benchtime 20x
func BenchmarkJournalSeite(b *testing.B) {
	mock, err := mockserver.StartLocal(context.Background(), "127.0.0.1:0", filepath.Join(b.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = mock.Close() })
	kt1 := ingetest.KT1()
	c := &inge.Client{Endpoint: mock.Endpoint(), Credentials: kt1.Credentials()}
	for i := range 1000 {
		req := &inge.KursauskunftAnfrage{Anfrage: kt1.Anfrage(), Kurskennung: fmt.Sprintf("K%09d", i)}
		if _, err := inge.Kursauskunft.Call(context.Background(), c, req); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct{ name, query string }{{"Standard100", ""}, {"Alle1000", "?limit=1000"}} {
		b.Run(bc.name, func(b *testing.B) {
			u := mock.AdminURL + "/konsole/sandboxes/standard/journal" + bc.query
			var size int
			for b.Loop() {
				resp, err := http.Get(u)
				if err != nil {
					b.Fatal(err)
				}
				n, err := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("GET %s: %d %v", u, resp.StatusCode, err)
				}
				size = int(n)
			}
			b.ReportMetric(float64(size)/1024, "KB/page")
		})
	}
}
