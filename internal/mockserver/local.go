package mockserver

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/inge-harness/inge-harness/internal/console"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// Local is a running mock: a store with the Testdatenpaket, served over HTTP
// or HTTPS, and optionally its admin API on a second listener.
type Local struct {
	// Sandboxes are the isolated worlds the mock serves.
	Sandboxes *sandbox.Registry
	URL       string // base URL, e.g. http://127.0.0.1:41234 (https with Config.TLS)
	AdminURL  string // base URL of the admin API; "" when Config.AdminAddr was empty

	servers []*serving
	konsole *console.Console // nil without an admin listener
}

// serving is an HTTP server running on its listener.
type serving struct {
	server *http.Server
	done   chan error // the result of Serve
}

// Endpoint is the SOAP address.
func (l *Local) Endpoint() string { return l.URL + Path }

// StartLocal opens the store at dbPath, loads the Testdatenpaket and serves
// the mock on addr (e.g. 127.0.0.1:0 for a free loopback port), and the admin
// API on cfg.AdminAddr unless that is empty. The listeners are bound before
// StartLocal returns, so the URLs are usable at once.
func StartLocal(ctx context.Context, addr, dbPath string, testdaten fs.FS, cfg Config, opts ...mockstate.Option) (*Local, error) {
	var srv *Server // drains a sandbox's queue when it is opened; set before any is
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	storeOpts := append(append([]mockstate.Option(nil), opts...), mockstate.WithLogger(logger), mockstate.WithRetention(cfg.Retention))
	if cfg.JournalUngepackt {
		storeOpts = append(storeOpts, mockstate.WithUngepacktemJournal())
	}
	reg, err := sandbox.OpenConfig(ctx, sandbox.Config{
		DB: dbPath, Testdaten: testdaten, Store: storeOpts,
		MaxSandboxes: cfg.MaxSandboxes, MaxOpen: cfg.MaxOpen, Logger: logger,
		OnOpen: func(ctx context.Context, sb *sandbox.Sandbox, st *mockstate.Store) error {
			return srv.drainOnOpen(context.WithoutCancel(ctx), sb, st)
		},
	})
	if err != nil {
		return nil, fmt.Errorf("start mock: %w", err)
	}
	if err := checkProfile(reg, cfg.Profile); err != nil {
		reg.Close()
		return nil, fmt.Errorf("start mock: %w", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		reg.Close()
		return nil, fmt.Errorf("start mock: %w", err)
	}
	var adminLn net.Listener
	if cfg.AdminAddr != "" {
		if adminLn, err = net.Listen("tcp", cfg.AdminAddr); err != nil {
			ln.Close()
			reg.Close()
			return nil, fmt.Errorf("start mock: admin API: %w", err)
		}
	}
	scheme := "http"
	if cfg.TLS != nil {
		scheme = "https"
	}
	l := &Local{Sandboxes: reg, URL: scheme + "://" + ln.Addr().String()}
	srv = New(reg, cfg)
	if err := srv.drainQueues(ctx); err != nil {
		ln.Close()
		if adminLn != nil {
			adminLn.Close()
		}
		reg.Close()
		return nil, fmt.Errorf("start mock: %w", err)
	}
	l.servers = append(l.servers, serve(ln, srv, cfg.TLS, srv.cfg.Timeouts, srv.log))
	if adminLn != nil {
		admin := NewAdmin(reg, srv, cfg.Logger)
		admin.profile = cfg.Profile
		l.AdminURL = "http://" + adminLn.Addr().String()
		l.konsole, err = console.New(console.Config{Sandboxes: reg, API: admin, SOAP: srv, SOAPPath: Path, Testdatenpaket: testdaten, Logger: srv.log, Profile: cfg.Profile,
			Endpoint: l.Endpoint(), AdminURL: l.AdminURL})
		if err != nil {
			ln.Close()
			adminLn.Close()
			reg.Close()
			return nil, fmt.Errorf("start mock: %w", err)
		}
		admin.Mount(console.Prefix, l.konsole)
		if cfg.Pprof {
			admin.router.PathPrefix("/debug/pprof/").Handler(pprofHandler())
		}
		l.servers = append(l.servers, serve(adminLn, admin, nil, srv.cfg.Timeouts, srv.log))
	}
	return l, nil
}

// Standard returns the store of the standard sandbox, e.g. to read its
// journal in a test. It is valid until that sandbox is reset.
func (l *Local) Standard() *mockstate.Store {
	sb, err := l.Sandboxes.Get(sandbox.Standard)
	if err != nil {
		panic(err) // the standard sandbox cannot be removed
	}
	var st *mockstate.Store
	_ = sb.Use(func(s *mockstate.Store) error { st = s; return nil })
	return st
}

// serve serves h on ln, over TLS when tlsConfig is not nil. What the HTTP
// server itself reports (a failed TLS handshake, say) goes to logger.
func serve(ln net.Listener, h http.Handler, tlsConfig *tls.Config, t Timeouts, logger *slog.Logger) *serving {
	s := &serving{
		server: &http.Server{
			Handler:           h,
			ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
			ReadHeaderTimeout: t.Header,
			ReadTimeout:       t.Read,
			WriteTimeout:      t.Write,
			IdleTimeout:       t.Idle,
		},
		done: make(chan error, 1),
	}
	if tlsConfig != nil {
		s.server.TLSConfig = tlsConfig.Clone()
		go func() { s.done <- s.server.ServeTLS(ln, "", "") }()
		return s
	}
	go func() { s.done <- s.server.Serve(ln) }()
	return s
}

// Close stops accepting requests, waits up to ten seconds for those in
// flight, and closes the sandboxes.
func (l *Local) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if l.konsole != nil {
		l.konsole.Close() // its live journals would hold Shutdown for the ten seconds
	}
	var errs []error
	for _, s := range l.servers {
		errs = append(errs, s.server.Shutdown(ctx))
	}
	for _, s := range l.servers {
		if err := <-s.done; !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, err)
		}
	}
	return errors.Join(append(errs, l.Sandboxes.Close())...)
}
