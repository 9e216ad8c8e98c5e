package mockserver_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func startLimited(t *testing.T, cfg mockserver.Config) *mockserver.Local {
	t.Helper()
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "l.db"), harness.Testdatenpaket(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	return mock
}

// One request more than MaxConcurrent is answered at once with F303 and
// HTTP 503; once a slot is free, requests are served again.
func TestLimit_MaxConcurrent(t *testing.T) {
	mock := startLimited(t, mockserver.Config{MaxConcurrent: 1})
	halt, err := mock.Sandboxes.Create(t.Context(), "halt", []mockstate.Zugang{{Name: "halt.kt1", Passwort: "x", Traegernummer: "10000001"}})
	if err != nil {
		t.Fatal(err)
	}
	// A request waiting for its sandbox keeps the one slot busy (a
	// latency would not: it is waited out without a slot).
	hold, held := make(chan struct{}), make(chan struct{})
	go func() { _ = halt.Exclusive(func(*mockstate.Store) error { close(held); <-hold; return nil }) }()
	<-held
	c := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: "halt.kt1", Password: "x"}}
	req := func() *inge.KursauskunftAnfrage {
		return &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Kurskennung: "K1"}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := inge.Kursauskunft.Call(t.Context(), c, req()); err != nil {
			t.Errorf("the first request: %v", err)
		}
	}()
	time.Sleep(150 * time.Millisecond) // the first request now holds the slot
	var status int
	c2 := &inge.Client{Endpoint: mock.Endpoint(), Credentials: c.Credentials, Observe: func(ex inge.Exchange) { status = ex.HTTPStatus }}
	_, err = inge.Kursauskunft.Call(t.Context(), c2, req())
	var f *soap.Fault
	if !errors.As(err, &f) || f.Detail.Code != "F303" || status != http.StatusServiceUnavailable {
		t.Errorf("a second request at once: %v (HTTP %d); want Fault F303 with HTTP 503", err, status)
	}
	close(hold)
	wg.Wait()
	if _, err := inge.Kursauskunft.Call(t.Context(), c, req()); err != nil {
		t.Errorf("after the slot is free: %v", err)
	}
}

// The XML limits come from the configuration.
func TestLimit_ConfiguredDepth(t *testing.T) {
	mock := startLimited(t, mockserver.Config{XML: soap.Limits{MaxDepth: 8}})
	body := `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><i:Kursauskunft xmlns:i="urn:inge-harness:kurstraeger:1">` +
		strings.Repeat("<i:x>", 10) + strings.Repeat("</i:x>", 10) + `</i:Kursauskunft></soapenv:Body></soapenv:Envelope>`
	resp, err := http.Post(mock.Endpoint(), "text/xml", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if err := soap.DecodeResponse(bytes.NewReader(raw), nil); err == nil || !strings.Contains(err.Error(), "F104") {
		t.Errorf("depth 12 with MaxDepth 8: %v; want Fault F104", err)
	}
}

// A client that stops in the middle of its request loses the connection
// after the read timeout instead of holding it.
func TestLimit_ReadTimeout(t *testing.T) {
	mock := startLimited(t, mockserver.Config{Timeouts: mockserver.Timeouts{Read: 200 * time.Millisecond}})
	conn, err := net.Dial("tcp", strings.TrimPrefix(mock.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "POST /inge HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<soapenv:Env"); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn) // returns when the server closes the connection
	if err != nil || time.Since(start) > 4*time.Second {
		t.Errorf("stalled request: connection still open after %v (%v); want it closed after the 200 ms read timeout", time.Since(start), err)
	}
}
