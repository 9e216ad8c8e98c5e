// Command mockinge is a local, stateful, resettable mock of BAMF's
// InGe-Online-Kurstraeger SOAP service, for vendors preparing the acceptance
// test, CI pipelines and trainers. The contract is reconstructed from public
// sources; see the README.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/netip"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "mockinge:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// run starts the mock and serves until ctx is done.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("mockinge", flag.ContinueOnError)
	fset.SetOutput(stderr)
	addr := fset.String("addr", envOr(getenv, "MOCKINGE_ADDR", "127.0.0.1:8080"), "listen address of the SOAP endpoint (env MOCKINGE_ADDR)")
	db := fset.String("db", envOr(getenv, "MOCKINGE_DB", "mockinge.db"), "SQLite database file, created if missing; :memory: keeps nothing (env MOCKINGE_DB)")
	testdaten := fset.String("testdatenpaket", getenv("MOCKINGE_TESTDATENPAKET"), "directory of a Testdatenpaket to load instead of the embedded one (env MOCKINGE_TESTDATENPAKET)")
	adminAddr := fset.String("admin-addr", envOr(getenv, "MOCKINGE_ADMIN_ADDR", "127.0.0.1:8081"), `listen address of the admin API (JSON: sandboxes, faults, clocks, journal, verify; plain HTTP); "" serves none (env MOCKINGE_ADMIN_ADDR)`)
	maxBody := fset.Int64("max-body", mockserver.DefaultMaxBodyBytes, "largest accepted request body in bytes")
	maxDepth := fset.Int("max-depth", soap.DefaultMaxDepth, "deepest element nesting of a request (larger: Fault F104)")
	maxElements := fset.Int("max-elements", soap.DefaultMaxElements, "most elements in a request (more: Fault F104)")
	tokenWindow := fset.Duration("token-window", wsse.DefaultWindow, "how old a UsernameToken's wsu:Created may be (older: Fault F205)")
	tokenSkew := fset.Duration("token-skew", wsse.DefaultSkew, "how far a UsernameToken's wsu:Created may lie in the future (clock skew)")
	maxConcurrent := fset.Int("max-concurrent", mockserver.DefaultMaxConcurrent, "most SOAP requests served at once (one more: Fault F303, HTTP 503)")
	readTimeout := fset.Duration("read-timeout", mockserver.DefaultTimeouts.Read, "time to read a whole request")
	writeTimeout := fset.Duration("write-timeout", mockserver.DefaultTimeouts.Write, "time to write an answer")
	idleTimeout := fset.Duration("idle-timeout", mockserver.DefaultTimeouts.Idle, "how long a kept-alive connection may idle")
	zweitanmeldung := fset.String("zweitanmeldung", string(mockstate.ZweitanmeldungAblehnen), "a second Erstanmeldung of a person: ablehnen (as the acceptance test expects) or aktualisieren")
	auskunft := fset.String("teilnehmerauskunft", string(mockstate.AuskunftEigene), "Teilnehmerauskunft about: eigene (persons registered with or in courses of the Traeger) or alle")
	lidKapazitaet := fset.Int("lid-kapazitaet", mockstate.DefaultLidKapazitaet, "most candidates of one LiD exam")
	abschnittsfolge := fset.String("abschnittsfolge", string(mockstate.AbschnittsfolgeStreng), "order of section begins: streng (only the next section of the Kursart) or frei (any later section)")
	useTLS := fset.Bool("tls", false, "serve the SOAP endpoint over HTTPS with a self-signed certificate generated at start (127.0.0.1, ::1, localhost; 30 days)")
	certFile := fset.String("cert", getenv("MOCKINGE_TLS_CERT"), "PEM certificate (chain) to serve HTTPS with instead of a generated one; needs -key (env MOCKINGE_TLS_CERT)")
	keyFile := fset.String("key", getenv("MOCKINGE_TLS_KEY"), "PEM private key of -cert (env MOCKINGE_TLS_KEY)")
	caOut := fset.String("tls-ca-out", "", "write the generated certificate (PEM) to this file, for clients to trust; with -tls")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: mockinge [flags]\n\nServes the InGe-Online-Kurstraeger mock: SOAP at /inge, WSDL at /inge?wsdl,\nand the admin API on its own listener.\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "mockinge: unexpected arguments %q\n", fset.Args())
		fset.Usage()
		return errUsage
	}
	if (*certFile == "") != (*keyFile == "") {
		fmt.Fprintln(stderr, "mockinge: -cert and -key go together")
		fset.Usage()
		return errUsage
	}
	if *caOut != "" && (!*useTLS || *certFile != "") {
		fmt.Fprintln(stderr, "mockinge: -tls-ca-out writes the certificate that -tls generates; it needs -tls and no -cert")
		fset.Usage()
		return errUsage
	}
	regeln := mockstate.Regeln{Zweitanmeldung: mockstate.Zweitanmeldung(*zweitanmeldung), Auskunft: mockstate.Auskunftsumfang(*auskunft), LidKapazitaet: *lidKapazitaet, Abschnittsfolge: mockstate.Abschnittsfolge(*abschnittsfolge)}
	if err := regeln.Validate(); err != nil {
		fmt.Fprintln(stderr, "mockinge:", err)
		return errUsage
	}
	tlsConfig, tlsNote, err := loadTLS(*useTLS, *certFile, *keyFile, *caOut)
	if err != nil {
		return err
	}
	var paket fs.FS = harness.Testdatenpaket()
	if *testdaten != "" {
		paket = os.DirFS(*testdaten)
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	cfg := mockserver.Config{
		MaxBodyBytes: *maxBody, XML: soap.Limits{MaxDepth: *maxDepth, MaxElements: *maxElements},
		Window: *tokenWindow, Skew: *tokenSkew,
		MaxConcurrent: *maxConcurrent, Timeouts: mockserver.Timeouts{Read: *readTimeout, Write: *writeTimeout, Idle: *idleTimeout},
		Logger: logger, AdminAddr: *adminAddr, TLS: tlsConfig,
	}
	mock, err := mockserver.StartLocal(ctx, *addr, *db, paket, cfg, mockstate.WithRegeln(regeln))
	if err != nil {
		return err
	}
	// The banner reads the local store; a shutdown requested meanwhile
	// (Ctrl-C right after the start) waits for it and then proceeds below.
	if err := printBanner(context.WithoutCancel(ctx), stdout, mock, *db, tlsNote); err != nil {
		mock.Close()
		return err
	}
	<-ctx.Done()
	fmt.Fprintln(stdout, "mockinge: shutting down")
	return mock.Close()
}

// printBanner writes the endpoints and the test users in one write, ending
// with a "ready" line, so a script or test that waits for the mock can wait
// for that line.
func printBanner(ctx context.Context, w io.Writer, mock *mockserver.Local, db, tlsNote string) error {
	users, err := mock.Standard().Users(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mockinge: InGe-Online-Kurstraeger mock (reconstructed contract), database %s\n", db)
	fmt.Fprintf(&b, "  SOAP endpoint: %s\n  WSDL:          %s?wsdl\n", mock.Endpoint(), mock.Endpoint())
	b.WriteString(tlsNote)
	if mock.AdminURL != "" {
		fmt.Fprintf(&b, "  Admin API:     %s (JSON over plain HTTP, e.g. GET %s/sandboxes)\n", mock.AdminURL, mock.AdminURL)
		if !onLoopback(mock.AdminURL) {
			b.WriteString("  Warning:       the admin API has no authentication and is reachable from other machines\n")
		}
	}
	fmt.Fprintf(&b, "  Test users (WS-Security UsernameToken):\n")
	for _, u := range users {
		z, err := mock.Standard().Zugang(ctx, u.Name)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "    %-22s password %-16s Traeger %s\n", u.Name, z.Passwort, u.Traegernummer)
	}
	b.WriteString("mockinge: ready\n")
	_, err = io.WriteString(w, b.String())
	return err
}

func envOr(getenv func(string) string, key, fallback string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return fallback
}

// loadTLS returns the TLS configuration of the SOAP endpoint, nil for plain
// HTTP, and the banner's lines about it: a certificate from certFile and
// keyFile, or with generate a self-signed one, whose PEM goes to caOut if
// that is given.
func loadTLS(generate bool, certFile, keyFile, caOut string) (*tls.Config, string, error) {
	var (
		cert tls.Certificate
		note strings.Builder
		err  error
	)
	switch {
	case certFile != "":
		if cert, err = tls.LoadX509KeyPair(certFile, keyFile); err != nil {
			return nil, "", fmt.Errorf("TLS: %w", err)
		}
		fmt.Fprintf(&note, "  TLS:           certificate %s\n", certFile)
	case generate:
		var certPEM []byte
		if cert, certPEM, err = mockserver.SelfSignedCertificate(time.Now()); err != nil {
			return nil, "", fmt.Errorf("TLS: %w", err)
		}
		fmt.Fprintf(&note, "  TLS:           self-signed certificate for 127.0.0.1, ::1, localhost, valid until %s\n",
			cert.Leaf.NotAfter.UTC().Format(time.DateOnly))
		if caOut != "" {
			if err := os.WriteFile(caOut, certPEM, 0o644); err != nil {
				return nil, "", fmt.Errorf("TLS: write the certificate: %w", err)
			}
			fmt.Fprintf(&note, "                 PEM in %s (e.g. curl --cacert %s)\n", caOut, caOut)
		}
	default:
		return nil, "", nil
	}
	fmt.Fprintf(&note, "                 SHA-256 fingerprint %s\n", mockserver.Fingerprint(cert.Certificate[0]))
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, note.String(), nil
}

// onLoopback reports whether a URL's host is a loopback address.
func onLoopback(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(u.Hostname())
	return err == nil && ip.IsLoopback()
}
