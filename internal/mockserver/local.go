package mockserver

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Local is a running mock: a store with the Testdatenpaket, served over HTTP.
type Local struct {
	Store    *mockstate.Store
	URL      string // base URL, e.g. http://127.0.0.1:41234
	server   *http.Server
	listener net.Listener
	done     chan error
}

// Endpoint is the SOAP address.
func (l *Local) Endpoint() string { return l.URL + Path }

// StartLocal opens the store at dbPath, loads the Testdatenpaket and serves
// the mock on addr (e.g. 127.0.0.1:0 for a free loopback port). The listener
// is bound before StartLocal returns, so the URL is usable at once.
func StartLocal(ctx context.Context, addr, dbPath string, testdaten fs.FS, cfg Config) (*Local, error) {
	store, err := mockstate.Open(ctx, dbPath)
	if err != nil {
		return nil, fmt.Errorf("start mock: %w", err)
	}
	if err := store.LoadTestdatenpaket(ctx, testdaten); err != nil {
		store.Close()
		return nil, fmt.Errorf("start mock: %w", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("start mock: %w", err)
	}
	l := &Local{
		Store:    store,
		URL:      "http://" + ln.Addr().String(),
		listener: ln,
		done:     make(chan error, 1),
		server: &http.Server{
			Handler:           New(store, cfg),
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       60 * time.Second,
			WriteTimeout:      60 * time.Second,
			IdleTimeout:       120 * time.Second,
		},
	}
	go func() { l.done <- l.server.Serve(ln) }()
	return l, nil
}

// Close stops accepting requests, waits up to ten seconds for those in
// flight, and closes the store.
func (l *Local) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	shutdownErr := l.server.Shutdown(ctx)
	serveErr := <-l.done
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	return errors.Join(shutdownErr, serveErr, l.Store.Close())
}
