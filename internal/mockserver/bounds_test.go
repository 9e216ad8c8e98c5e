package mockserver_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Issue 14, item 3: each sandbox's journal keeps its newest entries only,
// and the pruning is logged.
func TestBounds_JournalRetention(t *testing.T) {
	var logs logBuffer
	mock := mustStartAdminConfig(t, mockserver.Config{Retention: mockstate.Retention{MaxEintraege: 10}, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	for range 25 {
		if code, err := auskunft(t.Context(), c); code != "" || err != nil {
			t.Fatalf("Kursauskunft: %q %v", code, err)
		}
	}
	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/standard/journal", "", http.StatusOK)
	if len(journal) != 10 || journal[0].ID != 25 {
		t.Errorf("journal after 25 exchanges with MaxEintraege 10: %d entries, newest %d; want the newest 10", len(journal), journal[0].ID)
	}
	if !strings.Contains(logs.String(), "journal pruned") || !strings.Contains(logs.String(), "sandbox=standard") {
		t.Errorf("the pruning is not logged:\n%s", logs.String())
	}
}

// Issue 14, item 3: the number of sandboxes is bounded, with a clear
// answer of the admin API.
func TestBounds_SandboxLimit(t *testing.T) {
	mock := mustStartAdminConfig(t, mockserver.Config{MaxSandboxes: 3})
	mustCreateSandbox(t, mock, "eins", "e.kt1")
	mustCreateSandbox(t, mock, "zwei", "z.kt1")
	r := adminDo(t, http.MethodPost, mock.AdminURL+"/sandboxes", `{"name": "drei", "benutzer": [{"name": "d.kt1", "passwort": "x", "traegernummer": "10000001"}]}`)
	if r.status != http.StatusConflict || !strings.Contains(string(r.body), "-max-sandboxen") {
		t.Errorf("a fourth sandbox with -max-sandboxen 3: Status %d\n%s\nwant 409 naming the limit", r.status, r.body)
	}
	adminDo(t, http.MethodDelete, mock.AdminURL+"/sandboxes/eins", "")
	mustCreateSandbox(t, mock, "drei", "d.kt1")
}

// Issue 14, item 3: verify and the journal's ZIP read the journal one
// entry at a time: memory stays bounded whatever its length (100k entries
// once took 616 MB).
func TestBounds_VerifyAndExportStream(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 80 MB of journal")
	}
	mock := mustStartAdmin(t)
	const entries, size = 20_000, 4 << 10
	fillJournal(t, mock.Standard(), entries, strings.Repeat("x", size))
	peak := heapPeak(t, func() {
		v := mustAdmin[struct {
			Anzahl          int      `json:"anzahl"`
			Vorgangsnummern []string `json:"vorgangsnummern"`
		}](t, http.MethodPost, mock.AdminURL+"/sandboxes/standard/verify", `{"operation": "KursplanungErfassen", "xpath": ["//Kursort='KO-1'"]}`, http.StatusOK)
		if v.Anzahl != entries {
			t.Errorf("verify counted %d; want %d", v.Anzahl, entries)
		}
		resp, err := http.Get(mock.AdminURL + "/sandboxes/standard/journal.zip")
		if err != nil {
			t.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || n == 0 {
			t.Errorf("journal.zip: %d, %d bytes", resp.StatusCode, n)
		}
	})
	t.Logf("verify and journal.zip over %d entries of %d KiB: heap grew by at most %d MiB", entries, size>>10, peak>>20)
	if peak > 48<<20 {
		t.Errorf("heap grew by %d MiB reading a journal of %d MiB; want it bounded (under 48 MiB)", peak>>20, entries*size>>20)
	}
}

// heapPeak runs fn and returns by how much the heap in use grew at most
// meanwhile, sampled.
func heapPeak(t *testing.T, fn func()) uint64 {
	t.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > base && ms.HeapInuse-base > peak.Load() {
				peak.Store(ms.HeapInuse - base)
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	<-sampled
	return peak.Load()
}

// A verify and a journal ZIP that take longer than the listener's write
// timeout still answer: they read a whole journal, which may be big on a
// busy machine. Here the write timeout is 20 ms and reading 3,000 entries
// with an XPath takes longer.
func TestBounds_LongAnswersOutliveWriteTimeout(t *testing.T) {
	t0 := mockserver.DefaultTimeouts
	t0.Write = 20 * time.Millisecond
	mock := mustStartAdminConfig(t, mockserver.Config{Timeouts: t0})
	const entries = 3_000
	fillJournal(t, mock.Standard(), entries, strings.Repeat("Kurs ", 200))
	start := time.Now()
	v := mustAdmin[struct {
		Anzahl          int      `json:"anzahl"`
		Vorgangsnummern []string `json:"vorgangsnummern"`
	}](t, http.MethodPost, mock.AdminURL+"/sandboxes/standard/verify", `{"operation": "KursplanungErfassen", "xpath": ["//Kursort='KO-1'"]}`, http.StatusOK)
	if took := time.Since(start); took < t0.Write {
		t.Fatalf("verify took %v, under the write timeout of %v: the test shows nothing", took, t0.Write)
	}
	if v.Anzahl != entries {
		t.Errorf("verify counted %d; want %d", v.Anzahl, entries)
	}
	resp, err := http.Get(mock.AdminURL + "/sandboxes/standard/journal.zip")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	zr, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("journal.zip: %d, %d bytes, %v", resp.StatusCode, len(zr), err)
	}
	z, err := zip.NewReader(bytes.NewReader(zr), int64(len(zr)))
	if err != nil {
		t.Fatalf("journal.zip is cut off: %v", err)
	}
	if n := len(z.File); n < 2*entries {
		t.Errorf("journal.zip holds %d files; want at least %d", n, 2*entries)
	}
}

// fillJournal appends n entries of a KursplanungErfassen at Kursort KO-1,
// its request padded with pad, to st's journal in one transaction.
func fillJournal(t *testing.T, st *mockstate.Store, n int, pad string) {
	t.Helper()
	anfrage := []byte(`<Envelope><Body><KursplanungErfassen><Kursplanung><Kursort>KO-1</Kursort><Pad>` + pad + `</Pad></Kursplanung></KursplanungErfassen></Body></Envelope>`)
	err := st.Update(t.Context(), func(tx *mockstate.Tx) error {
		for i := range n {
			if _, err := tx.AppendJournal(t.Context(), mockstate.Eintrag{Operation: "KursplanungErfassen", Ergebnis: "verarbeitet", Vorgangsnummer: fmt.Sprintf("V-%d", i), Anfrage: anfrage, Antwort: []byte("<a/>")}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
