package mockserver_test

import (
	"context"
	"log/slog"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

type stoerungenReply struct {
	Ausfall              bool               `json:"ausfall"`
	Latenz               string             `json:"latenz"`
	NaechsteFehlschlagen int                `json:"naechsteFehlschlagen"`
	AusfallFuer          []gezielterAusfall `json:"ausfallFuer"`
	Warteschlange        int                `json:"warteschlange"`
	Nachverarbeitet      *int               `json:"nachverarbeitet"`
}

type gezielterAusfall struct {
	Daten    string `json:"daten"`
	Anfragen int    `json:"anfragen"`
}

// keineGezielten is f as the admin API shows it without targeted outages:
// with an empty list.
func keineGezielten(f stoerungenReply) stoerungenReply {
	if f.AusfallFuer == nil {
		f.AusfallFuer = []gezielterAusfall{}
	}
	return f
}

// logBuffer collects what the mock logs.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var kurskennungInXML = regexp.MustCompile(`Kurskennung>(K\d{9})<`)

// Issue 6, item 3: during an outage a synchronous request is refused and
// an asynchronous one accepted; when the outage ends, the accepted one is
// applied and its outcome journaled under the Vorgangsnummer the client got.
func TestAdminStoerungen_OutageAndAsynchronousRequests(t *testing.T) {
	var logs logBuffer
	mock := mustStartAdminConfig(t, mockserver.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	mustCreateSandbox(t, mock, "ausfall", "au.kt1")
	url := mock.AdminURL + "/sandboxes/ausfall/stoerungen"

	f := mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": true}`, http.StatusOK)
	if !reflect.DeepEqual(f, keineGezielten(stoerungenReply{Ausfall: true, Latenz: "0s"})) {
		t.Errorf("PUT ausfall = %+v; want the outage, nothing applied", f)
	}

	c := sandboxClient(mock, "au.kt1")
	var httpStatus int
	c.Observe = func(ex inge.Exchange) { httpStatus = ex.HTTPStatus }

	var resp inge.KursplanungErfassenAntwort
	err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), kp1Plan(traeger1), &resp)
	if code := inge.FaultCode(err); code != "F301" || httpStatus != http.StatusServiceUnavailable {
		t.Errorf("synchronous call during the outage: Fault %q, HTTP %d (%v); want F301 with 503", code, httpStatus, err)
	}

	async := kp1Plan(traeger1)
	async.Asynchron = true
	resp = inge.KursplanungErfassenAntwort{}
	if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), async, &resp); err != nil {
		t.Fatalf("asynchronous call during the outage: %v", err)
	}
	vorgang := resp.Vorgangsnummer
	if resp.Status != inge.StatusAngenommen || vorgang == "" || resp.Kurskennung != "" || httpStatus != http.StatusOK {
		t.Fatalf("asynchronous call during the outage: Status %s, Vorgangsnummer %q, Kurskennung %q, HTTP %d; want angenommen with a Vorgangsnummer and nothing else",
			resp.Status, vorgang, resp.Kurskennung, httpStatus)
	}

	// Nothing is stored yet: it waits in the queue.
	if f := mustAdmin[stoerungenReply](t, http.MethodGet, url, "", http.StatusOK); f.Warteschlange != 1 {
		t.Errorf("warteschlange = %d; want 1", f.Warteschlange)
	}
	sb, _ := mock.Sandboxes.Get("ausfall")
	_ = sb.Use(func(st *mockstate.Store) error {
		req, err := inge.Check(&inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K000000001"})
		if err != nil {
			t.Fatal(err)
		}
		r, err := st.Apply(t.Context(), mockstate.Caller{Benutzer: "au.kt1", Traegernummer: traeger1}, req)
		if err != nil || r.Base().Status != inge.StatusAbgelehnt {
			t.Errorf("Kursauskunft in the store during the outage: %v, %v; want the course unknown", r, err)
		}
		return nil
	})
	// The outage is the sandbox's alone.
	mustPlan(t, NewClient(mock, user1, password1, wsse.PasswordDigest), 100)

	f = mustAdmin[stoerungenReply](t, http.MethodDelete, url, "", http.StatusOK)
	if f.Nachverarbeitet == nil || *f.Nachverarbeitet != 1 || f.Warteschlange != 0 || f.Ausfall {
		t.Fatalf("DELETE stoerungen = %+v; want nachverarbeitet 1, nothing waiting, no outage", f)
	}

	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/ausfall/journal?operation=KursplanungErfassen&xml=1", "", http.StatusOK)
	if len(journal) != 3 {
		t.Fatalf("journal has %d KursplanungErfassen; want 3 (refused, accepted, applied)", len(journal))
	}
	final, accepted, refused := journal[0], journal[1], journal[2]
	if refused.Ergebnis != "F301" || accepted.Ergebnis != "angenommen" || final.Ergebnis != "verarbeitet" {
		t.Errorf("journal outcomes = %s, %s, %s (newest first); want verarbeitet, angenommen, F301", final.Ergebnis, accepted.Ergebnis, refused.Ergebnis)
	}
	if accepted.Vorgangsnummer != vorgang || final.Vorgangsnummer != vorgang {
		t.Errorf("journal Vorgangsnummern = %q, %q; want both %q", final.Vorgangsnummer, accepted.Vorgangsnummer, vorgang)
	}
	if final.Benutzer != "au.kt1" || final.Traegernummer != traeger1 {
		t.Errorf("final entry by %q of %q; want au.kt1 of %s", final.Benutzer, final.Traegernummer, traeger1)
	}
	m := kurskennungInXML.FindStringSubmatch(*final.Antwort)
	if m == nil {
		t.Fatalf("the final answer has no Kurskennung:\n%s", *final.Antwort)
	}
	kurs := kursauskunft(t, c, m[1])
	if kurs == nil || kurs.Kursort != "KO-10000001-01" {
		t.Errorf("Kursauskunft %s after the outage = %+v; want the course", m[1], kurs)
	}
	if !strings.Contains(logs.String(), "admin: faults changed") || !strings.Contains(logs.String(), "nachverarbeitet=1") {
		t.Errorf("log lacks the changes of the faults:\n%s", logs.String())
	}
}

// An outage ended by PUT applies the queue as DELETE does; one kept on
// applies nothing.
func TestAdminStoerungen_OutageEndedByPut(t *testing.T) {
	mock := mustStartAdmin(t)
	url := mock.AdminURL + "/sandboxes/standard/stoerungen"
	mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": true}`, http.StatusOK)
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	var vorgaenge []string
	for range 2 {
		req := kp1Plan(traeger1)
		req.Asynchron = true
		var resp inge.KursplanungErfassenAntwort
		if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), req, &resp); err != nil || resp.Status != inge.StatusAngenommen {
			t.Fatalf("asynchronous call: %v, %s", err, resp.Status)
		}
		vorgaenge = append(vorgaenge, resp.Vorgangsnummer)
	}
	f := mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": true, "latenz": "1ms"}`, http.StatusOK)
	if f.Nachverarbeitet != nil || f.Warteschlange != 2 {
		t.Errorf("PUT keeping the outage = %+v; want nothing applied, 2 waiting", f)
	}
	f = mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": false}`, http.StatusOK)
	if f.Nachverarbeitet == nil || *f.Nachverarbeitet != 2 || f.Warteschlange != 0 || f.Latenz != "0s" {
		t.Errorf("PUT ending the outage = %+v; want nachverarbeitet 2, the latency gone", f)
	}
	// Applied in order of arrival: the first got the first Kurskennung.
	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/standard/journal?ergebnis=verarbeitet&xml=1", "", http.StatusOK)
	if len(journal) != 2 {
		t.Fatalf("journal has %d verarbeitet; want 2", len(journal))
	}
	for i, want := range []struct{ vorgang, kurs string }{{vorgaenge[1], "K000000002"}, {vorgaenge[0], "K000000001"}} {
		if journal[i].Vorgangsnummer != want.vorgang || !strings.Contains(*journal[i].Antwort, want.kurs) {
			t.Errorf("journal[%d] = %s with %s; want %s with %s", i, journal[i].Vorgangsnummer, kurskennungInXML.FindString(*journal[i].Antwort), want.vorgang, want.kurs)
		}
	}
	// Without an outage, a PUT says nothing of a queue.
	if f := mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"latenz": "1ms"}`, http.StatusOK); f.Nachverarbeitet != nil {
		t.Errorf("PUT without an outage before or after = %+v; want no nachverarbeitet", f)
	}
}

func TestAdminStoerungen_LatencyAndFailures(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "gestoert", "ge.kt1")
	url := mock.AdminURL + "/sandboxes/gestoert/stoerungen"
	c := sandboxClient(mock, "ge.kt1")
	call := func() (time.Duration, error) {
		start := time.Now()
		var resp inge.KursauskunftAntwort
		req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K000000001"}
		err := c.Call(t.Context(), inge.Kursauskunft.Procedure(), req, &resp)
		return time.Since(start), err
	}

	if f := mustAdmin[stoerungenReply](t, http.MethodGet, url, "", http.StatusOK); !reflect.DeepEqual(f, keineGezielten(stoerungenReply{Latenz: "0s"})) {
		t.Errorf("GET = %+v; want no faults", f)
	}

	f := mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"latenz": "300ms", "naechsteFehlschlagen": 2}`, http.StatusOK)
	if !reflect.DeepEqual(f, keineGezielten(stoerungenReply{Latenz: "300ms", NaechsteFehlschlagen: 2})) {
		t.Errorf("PUT = %+v; want latenz 300ms, 2 failures", f)
	}
	for i, want := range []string{"F302", "F302", ""} {
		d, err := call()
		if code := inge.FaultCode(err); code != want || want == "" && err != nil {
			t.Errorf("call %d: %v; want Fault %q", i+1, err, want)
		}
		if d < 300*time.Millisecond {
			t.Errorf("call %d took %v; want at least the latency of 300ms", i+1, d)
		}
		if i == 0 {
			if f := mustAdmin[stoerungenReply](t, http.MethodGet, url, "", http.StatusOK); f.NaechsteFehlschlagen != 1 {
				t.Errorf("naechsteFehlschlagen after one failure = %d; want 1", f.NaechsteFehlschlagen)
			}
		}
	}
	// The faults are the sandbox's alone: with one more failure waiting
	// there, the standard sandbox answers.
	mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"latenz": "300ms", "naechsteFehlschlagen": 1}`, http.StatusOK)
	var std inge.KursauskunftAntwort
	if err := NewClient(mock, user1, password1, wsse.PasswordDigest).Call(t.Context(), inge.Kursauskunft.Procedure(), &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K000000001"}, &std); err != nil {
		t.Errorf("a call in the standard sandbox: %v; want no fault", err)
	}

	// GET's answer may be PUT back as it is.
	got := adminDo(t, http.MethodGet, url, "")
	if again := mustAdmin[stoerungenReply](t, http.MethodPut, url, string(got.body), http.StatusOK); again.Latenz != "300ms" {
		t.Errorf("PUT of GET's answer = %+v; want the same faults", again)
	}
	if f := mustAdmin[stoerungenReply](t, http.MethodDelete, url, "", http.StatusOK); f.Latenz != "0s" || f.Ausfall || f.NaechsteFehlschlagen != 0 {
		t.Errorf("DELETE = %+v; want no faults", f)
	}
	if _, err := call(); err != nil {
		t.Errorf("call after DELETE: %v; want no fault", err)
	}
}

func TestAdminStoerungen_Errors(t *testing.T) {
	mock := mustStartAdmin(t)
	url := mock.AdminURL + "/sandboxes/standard/stoerungen"
	tests := []struct {
		name         string
		method, url  string
		body         string
		want         int
		wantInFehler string
	}{
		{"GetUnknownSandbox", http.MethodGet, mock.AdminURL + "/sandboxes/gibtsnicht/stoerungen", "", http.StatusNotFound, "gibtsnicht"},
		{"PutUnknownSandbox", http.MethodPut, mock.AdminURL + "/sandboxes/gibtsnicht/stoerungen", `{}`, http.StatusNotFound, "gibtsnicht"},
		{"DeleteUnknownSandbox", http.MethodDelete, mock.AdminURL + "/sandboxes/gibtsnicht/stoerungen", "", http.StatusNotFound, "gibtsnicht"},
		{"PutNoBody", http.MethodPut, url, "", http.StatusBadRequest, "leer"},
		{"PutUnknownKey", http.MethodPut, url, `{"ausfal": true}`, http.StatusBadRequest, "ausfal"},
		{"PutAusfallNotBool", http.MethodPut, url, `{"ausfall": "ja"}`, http.StatusBadRequest, "JSON"},
		{"PutLatenzNotDuration", http.MethodPut, url, `{"latenz": "schnell"}`, http.StatusBadRequest, "keine Dauer"},
		{"PutLatenzNumber", http.MethodPut, url, `{"latenz": 5}`, http.StatusBadRequest, "JSON"},
		{"PutLatenzNegative", http.MethodPut, url, `{"latenz": "-1s"}`, http.StatusBadRequest, "zwischen 0s und 1m0s"},
		{"PutLatenzTooLong", http.MethodPut, url, `{"latenz": "61s"}`, http.StatusBadRequest, "zwischen"},
		{"PutFailNextNegative", http.MethodPut, url, `{"naechsteFehlschlagen": -1}`, http.StatusBadRequest, "negativ"},
		{"PutFailNextFraction", http.MethodPut, url, `{"naechsteFehlschlagen": 1.5}`, http.StatusBadRequest, "JSON"},
		{"PutAusfallFuerNoDaten", http.MethodPut, url, `{"ausfallFuer": [{"daten": " ", "anfragen": 1}]}`, http.StatusBadRequest, "kein Text"},
		{"PutAusfallFuerMarkup", http.MethodPut, url, `{"ausfallFuer": [{"daten": "<a>", "anfragen": 1}]}`, http.StatusBadRequest, "kein Text"},
		{"PutAusfallFuerNoRequests", http.MethodPut, url, `{"ausfallFuer": [{"daten": "K000000001", "anfragen": 0}]}`, http.StatusBadRequest, "mindestens 1"},
		{"PutAusfallFuerUnknownKey", http.MethodPut, url, `{"ausfallFuer": [{"datum": "K000000001", "anfragen": 1}]}`, http.StatusBadRequest, "datum"},
		{"PostStoerungen", http.MethodPost, url, `{}`, http.StatusMethodNotAllowed, "POST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isFehler(t, adminDo(t, tt.method, tt.url, tt.body), tt.want, tt.wantInFehler)
		})
	}
	if f := mustAdmin[stoerungenReply](t, http.MethodGet, url, "", http.StatusOK); !reflect.DeepEqual(f, keineGezielten(stoerungenReply{Latenz: "0s"})) {
		t.Errorf("faults after failed requests = %+v; want none", f)
	}
}

// A request accepted while the queue is drained is not left behind, and
// none is applied twice; run with -race.
func TestServer_DrainDuringRequests(t *testing.T) {
	mock := mustStartAdmin(t)
	sb, err := mock.Sandboxes.Get(sandbox.Standard)
	if err != nil {
		t.Fatal(err)
	}
	sb.SetFaults(sandbox.Faults{Outage: true})
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		accepted int
	)
	for range 4 {
		wg.Go(func() {
			for range 5 {
				req := kp1Plan(traeger1)
				req.Asynchron = true
				var resp inge.KursplanungErfassenAntwort
				if err := c.Call(ctx, inge.KursplanungErfassen.Procedure(), req, &resp); err != nil {
					t.Errorf("asynchronous call: %v", err)
					return
				}
				if resp.Status == inge.StatusAngenommen {
					mu.Lock()
					accepted++
					mu.Unlock()
				}
			}
		})
	}
	// End and restart the outage while the requests come in.
	url := mock.AdminURL + "/sandboxes/standard/stoerungen"
	for range 3 {
		mustAdmin[stoerungenReply](t, http.MethodDelete, url, "", http.StatusOK)
		mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": true}`, http.StatusOK)
	}
	wg.Wait()
	f := mustAdmin[stoerungenReply](t, http.MethodDelete, url, "", http.StatusOK)
	if f.Warteschlange != 0 {
		t.Errorf("warteschlange after the last DELETE = %d; want 0", f.Warteschlange)
	}
	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/standard/journal?operation=KursplanungErfassen", "", http.StatusOK)
	seen := map[string]int{}
	for _, e := range journal {
		seen[e.Vorgangsnummer+" "+e.Ergebnis]++
	}
	applied := 0
	for _, e := range journal {
		if e.Ergebnis == "angenommen" {
			if seen[e.Vorgangsnummer+" verarbeitet"] != 1 {
				t.Errorf("accepted %s applied %d times; want once", e.Vorgangsnummer, seen[e.Vorgangsnummer+" verarbeitet"])
			}
			applied++
		}
	}
	if applied != accepted {
		t.Errorf("journal has %d accepted; the clients got %d", applied, accepted)
	}
}

// Outages ended at once by several admin calls apply each waiting request
// once: the drains take turns.
func TestAdminStoerungen_ConcurrentDrains(t *testing.T) {
	mock := mustStartAdmin(t)
	url := mock.AdminURL + "/sandboxes/standard/stoerungen"
	mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfall": true}`, http.StatusOK)
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	const waiting = 6
	for range waiting {
		req := kp1Plan(traeger1)
		req.Asynchron = true
		var resp inge.KursplanungErfassenAntwort
		if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), req, &resp); err != nil || resp.Status != inge.StatusAngenommen {
			t.Fatalf("asynchronous call: %v, %s", err, resp.Status)
		}
	}
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		applied int
	)
	for range 4 {
		wg.Go(func() {
			f := mustAdmin[stoerungenReply](t, http.MethodDelete, url, "", http.StatusOK)
			mu.Lock()
			defer mu.Unlock()
			if f.Nachverarbeitet != nil {
				applied += *f.Nachverarbeitet
			}
		})
	}
	wg.Wait()
	if applied != waiting {
		t.Errorf("nachverarbeitet adds up to %d; want %d", applied, waiting)
	}
	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/standard/journal?ergebnis=verarbeitet", "", http.StatusOK)
	if len(journal) != waiting {
		t.Errorf("journal has %d applied requests; want %d, each once", len(journal), waiting)
	}
}

// A targeted outage meets only the requests naming its datum, as often as
// it says: a synchronous one gets F301 and its retry goes through, an
// asynchronous one is accepted and applied once the outage is used up;
// everything else is served meanwhile.
func TestAdminStoerungen_TargetedOutage(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "gezielt", "gz.kt1")
	url := mock.AdminURL + "/sandboxes/gezielt/stoerungen"
	c := sandboxClient(mock, "gz.kt1")
	var httpStatus int
	c.Observe = func(ex inge.Exchange) { httpStatus = ex.HTTPStatus }
	plan := func(kursort string, async bool) (inge.KursplanungErfassenAntwort, error) {
		req := kp1Plan(traeger1)
		req.Kursplanung.Kursort, req.Asynchron = kursort, async
		var resp inge.KursplanungErfassenAntwort
		err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), req, &resp)
		return resp, err
	}

	f := mustAdmin[stoerungenReply](t, http.MethodPut, url, `{"ausfallFuer": [{"daten": "KO-10000001-01", "anfragen": 2}]}`, http.StatusOK)
	if want := []gezielterAusfall{{"KO-10000001-01", 2}}; !reflect.DeepEqual(f.AusfallFuer, want) || f.Ausfall {
		t.Fatalf("PUT ausfallFuer = %+v; want %v and no general outage", f, want)
	}
	if resp, err := plan("KO-10000001-02", false); err != nil || resp.Status != inge.StatusVerarbeitet {
		t.Errorf("a plan at another Kursort during the targeted outage: %v, %v; want verarbeitet", resp.Status, err)
	}
	if _, err := plan("KO-10000001-01", false); inge.FaultCode(err) != "F301" || httpStatus != http.StatusServiceUnavailable {
		t.Errorf("first plan at the Kursort: %v, HTTP %d; want F301 with 503", err, httpStatus)
	}
	if f := mustAdmin[stoerungenReply](t, http.MethodGet, url, "", http.StatusOK); !reflect.DeepEqual(f.AusfallFuer, []gezielterAusfall{{"KO-10000001-01", 1}}) {
		t.Errorf("after one request: ausfallFuer = %+v; want one request left", f.AusfallFuer)
	}
	accepted, err := plan("KO-10000001-01", true)
	if err != nil || accepted.Status != inge.StatusAngenommen || accepted.Vorgangsnummer == "" {
		t.Fatalf("asynchronous plan at the Kursort: %v, %+v; want angenommen", err, accepted)
	}
	if f := mustAdmin[stoerungenReply](t, http.MethodGet, url, "", http.StatusOK); len(f.AusfallFuer) != 0 {
		t.Errorf("after its last request: ausfallFuer = %+v; want none", f.AusfallFuer)
	}
	// The queue is applied after the answer went out; wait for its entry.
	var final *journalReply
	for deadline := time.Now().Add(10 * time.Second); final == nil && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		for _, e := range mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/gezielt/journal?ergebnis=verarbeitet", "", http.StatusOK) {
			if e.Vorgangsnummer == accepted.Vorgangsnummer {
				final = &e
			}
		}
	}
	if final == nil {
		t.Fatalf("the accepted plan %s was never applied", accepted.Vorgangsnummer)
	}
	if resp, err := plan("KO-10000001-01", false); err != nil || resp.Status != inge.StatusVerarbeitet {
		t.Errorf("a plan at the Kursort after the targeted outage: %v, %v; want verarbeitet", resp.Status, err)
	}
}
