package mockserver_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// journalVoll makes every write to the journal of st fail as a full disk
// does, and returns the function that undoes it.
func journalVoll(tb testing.TB, st *mockstate.Store) func() {
	tb.Helper()
	exec := func(q string) {
		tb.Helper()
		if err := st.Update(tb.Context(), func(tx *mockstate.Tx) error { _, err := tx.ExecContext(tb.Context(), q); return err }); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
	exec(`CREATE TRIGGER journal_voll BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`)
	return func() { exec(`DROP TRIGGER journal_voll`) }
}

// count returns the number of rows of a table of st.
func count(tb testing.TB, st *mockstate.Store, table string) int {
	tb.Helper()
	var n int
	err := st.View(tb.Context(), func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(tb.Context(), `SELECT count(*) FROM `+table).Scan(&n)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// Issue 14, item 1: a request whose journal entry cannot be written (a
// full disk) is refused, and nothing of it is applied.
func TestEvidence_JournalFullRefusesAndAppliesNothing(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	st := mock.Standard()
	frei := journalVoll(t, st)
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	var resp inge.KursplanungErfassenAntwort
	err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), kp1Plan(traeger1), &resp)
	if code := inge.FaultCode(err); code != "F300" {
		t.Errorf("KursplanungErfassen with the journal full: Fault %q, Status %s (%v); want F300", code, resp.Status, err)
	}
	if n := count(t, st, "kurs"); n != 0 {
		t.Errorf("%d courses stored although the journal could not be written; want 0", n)
	}
	frei()
	if n := count(t, st, "journal"); n != 0 {
		t.Errorf("journal has %d entries; want 0", n)
	}
}

// Issue 14, item 1: an asynchronous request is taken into the queue only
// with its journal entry, and applied from it only with its final one.
func TestEvidence_QueueAndDrainJournalInTheSameTransaction(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "beleg", "be.kt1")
	sb, _ := mock.Sandboxes.Get("beleg")
	var st *mockstate.Store
	_ = sb.Use(func(s *mockstate.Store) error { st = s; return nil })
	url := mock.AdminURL + "/sandboxes/beleg/stoerungen"
	mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": true}`, http.StatusOK)
	c := sandboxClient(mock, "be.kt1")
	async := kp1Plan(traeger1)
	async.Asynchron = true

	frei := journalVoll(t, st)
	var resp inge.KursplanungErfassenAntwort
	err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), async, &resp)
	if code := inge.FaultCode(err); code != "F300" {
		t.Errorf("accepting with the journal full: Fault %q, Status %s; want F300", code, resp.Status)
	}
	if n := count(t, st, "warteschlange"); n != 0 {
		t.Errorf("%d requests queued without their journal entry; want 0", n)
	}
	frei()

	resp = inge.KursplanungErfassenAntwort{}
	if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), async, &resp); err != nil || resp.Status != inge.StatusAngenommen {
		t.Fatalf("accepting: %v %s", err, resp.Status)
	}
	frei = journalVoll(t, st)
	r := adminDo(t, http.MethodDelete, url, "")
	if r.status == http.StatusOK {
		t.Errorf("DELETE stoerungen with the journal full: Status 200; want an error\n%s", r.body)
	}
	frei()
	if n := count(t, st, "kurs"); n != 0 {
		t.Errorf("%d courses applied from the queue without their final journal entry; want 0", n)
	}
	if n := count(t, st, "warteschlange"); n != 1 {
		t.Errorf("%d requests waiting after the failed drain; want 1 (still queued)", n)
	}
	f := mustAdmin[stoerungenReply](t, http.MethodDelete, url, "", http.StatusOK)
	if f.Nachverarbeitet == nil || *f.Nachverarbeitet != 1 {
		t.Errorf("DELETE stoerungen = %+v; want nachverarbeitet 1", f)
	}
	if n := count(t, st, "kurs"); n != 1 {
		t.Errorf("%d courses after the drain; want 1", n)
	}
}

// Issue 14, item 4: every request is journaled in one form, the envelope as
// received, also one applied from the queue, so the README's verify XPath
// finds it.
func TestEvidence_QueuedRequestJournaledAsEnvelope(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "form", "fo.kt1")
	url := mock.AdminURL + "/sandboxes/form/stoerungen"
	mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": true}`, http.StatusOK)
	async := kp1Plan(traeger1)
	async.Asynchron = true
	var resp inge.KursplanungErfassenAntwort
	if err := sandboxClient(mock, "fo.kt1").Call(t.Context(), inge.KursplanungErfassen.Procedure(), async, &resp); err != nil {
		t.Fatal(err)
	}
	mustAdmin[stoerungenReply](t, http.MethodDelete, url, "", http.StatusOK)
	v := mustAdmin[struct {
		Anzahl          int      `json:"anzahl"`
		Vorgangsnummern []string `json:"vorgangsnummern"`
	}](t, http.MethodPost, mock.AdminURL+"/sandboxes/form/verify",
		`{"operation": "KursplanungErfassen", "xpath": ["/Envelope/Body/KursplanungErfassen/Kursplanung/Kursort='KO-10000001-01'"]}`, http.StatusOK)
	if v.Anzahl != 2 {
		t.Errorf("verify of the envelope's path counts %d; want 2 (accepted, applied)", v.Anzahl)
	}
	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/form/journal?ergebnis=verarbeitet&xml=1", "", http.StatusOK)
	if len(journal) != 1 || !strings.Contains(*journal[0].Anfrage, "Envelope") || strings.Contains(*journal[0].Anfrage, sandboxPassword("fo.kt1")) {
		t.Errorf("the applied request is journaled as %v; want the envelope as received, password masked", journal)
	}
}

// Issue 14, item 1: a damaged sandbox file is reported by the admin API
// and to its users with F300 naming it, while every other sandbox serves.
func TestEvidence_DamagedSandboxReported(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mockinge.db")
	start := func() *mockserver.Local {
		mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", db, harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
		if err != nil {
			t.Fatalf("StartLocal: %v", err)
		}
		return mock
	}
	mock := start()
	mustCreateSandbox(t, mock, "kaputt", "ka.kt1")
	mustCreateSandbox(t, mock, "heil", "he.kt1")
	if err := mock.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(filepath.Dir(db), "mockinge.sandbox-kaputt.db")
	if err := os.WriteFile(file, []byte("kein SQLite"), 0o644); err != nil {
		t.Fatal(err)
	}
	mock = start()
	t.Cleanup(func() { mock.Close() })
	got := mustAdmin[sandboxJSONReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/kaputt", "", http.StatusOK)
	if !strings.Contains(got.Beschaedigt, "keine SQLite-Datenbank") {
		t.Errorf("GET /sandboxes/kaputt = %+v; want it reported damaged", got)
	}
	code, err := auskunft(t.Context(), sandboxClient(mock, "ka.kt1"))
	if code != "F300" {
		t.Errorf("a request of the damaged sandbox's user: Fault %q (%v); want F300", code, err)
	}
	var f *soap.Fault
	_, err = inge.Kursauskunft.Call(t.Context(), sandboxClient(mock, "ka.kt1"), &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K1"})
	if errors.As(err, &f) && !strings.Contains(f.Detail.Text, "beschädigt") {
		t.Errorf("F300 text %q; want it to say the sandbox is damaged", f.Detail.Text)
	}
	if code, err := auskunft(t.Context(), sandboxClient(mock, "he.kt1")); code != "" || err != nil {
		t.Errorf("the other sandbox: Fault %q (%v); want an answer", code, err)
	}
}

type sandboxJSONReply struct {
	Name        string `json:"name"`
	Erstellt    string `json:"erstellt"`
	Benutzer    []any  `json:"benutzer"`
	Beschaedigt string `json:"beschaedigt"`
}

// Issue 14, item 1: a reset is atomic towards requests: each is wholly
// before or wholly after it, the journal starts empty, and no Kurskennung
// is handed out twice across it.
func TestEvidence_ResetAtomicTowardsRequests(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "rs", "rs.kt1")
	const writers, each = 4, 12
	var (
		mu     sync.Mutex
		acked  = map[string]int{}
		count  int
		resetC = make(chan struct{})
	)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			c := sandboxClient(mock, "rs.kt1")
			for i := range each {
				req := kp1Plan(traeger1)
				req.Kursplanung.Kursende = inge.DatumOf(time.Now().AddDate(0, 0, 300+w*each+i))
				var resp inge.KursplanungErfassenAntwort
				if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), req, &resp); err != nil || resp.Status != inge.StatusVerarbeitet {
					t.Errorf("writer %d: %v %s", w, err, resp.Status)
					return
				}
				mu.Lock()
				acked[resp.Kurskennung]++
				if count++; count == writers*each/3 {
					close(resetC)
				}
				mu.Unlock()
			}
		})
	}
	<-resetC
	before := time.Now()
	mustAdmin[sandboxReply](t, http.MethodPost, mock.AdminURL+"/sandboxes/rs/reset", "", http.StatusOK)
	wg.Wait()
	for k, n := range acked {
		if n != 1 {
			t.Errorf("Kurskennung %s handed out %d times", k, n)
		}
	}
	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/rs/journal?xml=1", "", http.StatusOK)
	c := sandboxClient(mock, "rs.kt1")
	for _, e := range journal {
		if e.Zeit.Before(before) {
			t.Errorf("journal entry %d of %s is from before the reset (%s < %s)", e.ID, e.Operation, e.Zeit, before)
		}
		if e.Operation != "KursplanungErfassen" {
			continue
		}
		if m := kurskennungInXML.FindStringSubmatch(*e.Antwort); m == nil || kursauskunft(t, c, m[1]) == nil {
			t.Errorf("journal entry %d after the reset: its course is not there (%v)", e.ID, m)
		}
	}
}
