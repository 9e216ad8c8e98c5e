package mockserver_test

import (
	"context"
	"io"
	"net"
	"net/http"
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

// The tests of fairness between sandboxes (issue 14, item 2) ask whether a
// request of one tenant is served while another tenant holds what it can:
// they assert outcomes, never durations. Where a test lets the other
// tenant's requests arrive first, it waits a moment for that; on a correct
// mock the outcome does not depend on that wait.
const arrive = 200 * time.Millisecond

// auskunft asks for a course as c and returns the Fault code, "" for an
// answer.
func auskunft(ctx context.Context, c *inge.Client) (string, error) {
	req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K000000001"}
	_, err := inge.Kursauskunft.Call(ctx, c, req)
	if code := inge.FaultCode(err); code != "" {
		return code, nil
	}
	return "", err
}

// Slow clients that send part of a body, without authenticating, hold no
// concurrency slot: a request takes one only once its body is read.
func TestFairness_SlowBodiesHoldNoSlot(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{MaxConcurrent: 2, MaxConcurrentPerSandbox: 2})
	host := strings.TrimPrefix(mock.URL, "http://")
	for range 4 {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		if _, err := io.WriteString(conn, "POST /inge HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<soapenv:Env"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(arrive)
	code, err := auskunft(t.Context(), NewClient(mock, user1, password1, wsse.PasswordDigest))
	if err != nil || code != "" {
		t.Errorf("a request while 4 slow clients send their bodies: Fault %q (%v); want an answer", code, err)
	}
}

// A latency injected into one sandbox is waited out without a slot: the
// other sandboxes are served.
func TestFairness_LatencyHoldsNoSlot(t *testing.T) {
	mock := mustStartAdminConfig(t, mockserver.Config{MaxConcurrent: 2, MaxConcurrentPerSandbox: 2})
	mustCreateSandbox(t, mock, "langsam", "la.kt1")
	mustAdmin[stoerungenReply](t, http.MethodPut, mock.AdminURL+"/sandboxes/langsam/stoerungen", `{"latenz": "60s"}`, http.StatusOK)
	ctx, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { _, _ = auskunft(ctx, sandboxClient(mock, "la.kt1")) })
	}
	time.Sleep(arrive)
	code, err := auskunft(t.Context(), NewClient(mock, user1, password1, wsse.PasswordDigest))
	cancel()
	wg.Wait()
	if err != nil || code != "" {
		t.Errorf("another sandbox while one has a latency of 60 s: Fault %q (%v); want an answer", code, err)
	}
}

// Concurrency is limited per sandbox as well: requests waiting in one
// sandbox (here for its drain) take at most its share of the slots.
func TestFairness_PerSandboxLimit(t *testing.T) {
	mock := mustStartAdminConfig(t, mockserver.Config{MaxConcurrent: 2, MaxConcurrentPerSandbox: 1})
	mustCreateSandbox(t, mock, "voll", "vo.kt1")
	sb, _ := mock.Sandboxes.Get("voll")
	release := holdSandbox(t, sb)
	codes := make(chan string, 2)
	for range 2 {
		go func() {
			code, _ := auskunft(t.Context(), sandboxClient(mock, "vo.kt1"))
			codes <- code
		}()
	}
	time.Sleep(arrive)
	code, err := auskunft(t.Context(), NewClient(mock, user1, password1, wsse.PasswordDigest))
	if err != nil || code != "" {
		t.Errorf("another sandbox while one holds its requests: Fault %q (%v); want an answer", code, err)
	}
	first := <-codes // one of the two was refused at once
	release()
	second := <-codes
	if first != "F303" || second != "" {
		t.Errorf("the held sandbox's two requests: %q, then %q; want F303 at once, then an answer", first, second)
	}
}

// An admin operation locks only its own sandbox: a user added to a sandbox
// that is draining waits for it, and requests to other sandboxes do not.
func TestFairness_AdminLocksOnlyItsSandbox(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "leert", "le.kt1")
	sb, _ := mock.Sandboxes.Get("leert")
	release := holdSandbox(t, sb)
	added := make(chan adminReply, 1)
	go func() {
		added <- adminDo(t, http.MethodPost, mock.AdminURL+"/sandboxes/leert/benutzer", `{"name": "le.kt2", "passwort": "x", "traegernummer": "10000001"}`)
	}()
	time.Sleep(arrive)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second) // a hang fails rather than stalls the run
	defer cancel()
	code, err := auskunft(ctx, NewClient(mock, user1, password1, wsse.PasswordDigest))
	if err != nil || code != "" {
		t.Errorf("the standard sandbox while a user is added to a draining one: Fault %q (%v); want an answer", code, err)
	}
	for _, path := range []string{"/sandboxes", "/sandboxes/standard", "/sandboxes/leert"} {
		if r := adminGet(ctx, mock, path); r != http.StatusOK {
			t.Errorf("GET %s while a sandbox drains: %d; want 200", path, r)
		}
	}
	release()
	if r := <-added; r.status != http.StatusCreated {
		t.Errorf("the user added after the drain: Status %d\n%s", r.status, r.body)
	}
}

// holdSandbox holds sb as a drain does, until the returned function is
// called (at the latest when the test ends).
func holdSandbox(t *testing.T, sb *sandbox.Sandbox) func() {
	t.Helper()
	hold, held := make(chan struct{}), make(chan struct{})
	go func() { _ = sb.Exclusive(func(*mockstate.Store) error { close(held); <-hold; return nil }) }()
	<-held
	var once sync.Once
	release := func() { once.Do(func() { close(hold) }) }
	t.Cleanup(release)
	return release
}

// adminGet sends GET path to the admin API of mock and returns the status;
// 0 when it got no answer within ctx.
func adminGet(ctx context.Context, mock *mockserver.Local, path string) int {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, mock.AdminURL+path, nil)
	if err != nil {
		return 0
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}
