// Command mockinge is a local, stateful, resettable mock of BAMF's
// InGe-Online-Kurstraeger SOAP service, for vendors preparing the acceptance
// test, CI pipelines and trainers. The contract is reconstructed from public
// sources; see the README.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockserver"
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
	adminAddr := fset.String("admin-addr", envOr(getenv, "MOCKINGE_ADMIN_ADDR", "127.0.0.1:8081"), `listen address of the admin API (JSON: sandbox clocks); "" serves none (env MOCKINGE_ADMIN_ADDR)`)
	maxBody := fset.Int64("max-body", mockserver.DefaultMaxBodyBytes, "largest accepted request body in bytes")
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
	var paket fs.FS = harness.Testdatenpaket()
	if *testdaten != "" {
		paket = os.DirFS(*testdaten)
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	mock, err := mockserver.StartLocal(ctx, *addr, *db, paket, mockserver.Config{MaxBodyBytes: *maxBody, Logger: logger, AdminAddr: *adminAddr})
	if err != nil {
		return err
	}
	// The banner reads the local store; a shutdown requested meanwhile
	// (Ctrl-C right after the start) waits for it and then proceeds below.
	if err := printBanner(context.WithoutCancel(ctx), stdout, mock, *db); err != nil {
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
func printBanner(ctx context.Context, w io.Writer, mock *mockserver.Local, db string) error {
	users, err := mock.Standard().Users(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mockinge: InGe-Online-Kurstraeger mock (reconstructed contract), database %s\n", db)
	fmt.Fprintf(&b, "  SOAP endpoint: %s\n  WSDL:          %s?wsdl\n", mock.Endpoint(), mock.Endpoint())
	if mock.AdminURL != "" {
		fmt.Fprintf(&b, "  Admin API:     %s (JSON, e.g. GET %s/sandboxes/{traeger}/clock)\n", mock.AdminURL, mock.AdminURL)
	}
	fmt.Fprintf(&b, "  Test users (WS-Security UsernameToken):\n")
	for _, u := range users {
		pw, err := mock.Standard().Password(ctx, u.Name)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "    %-22s password %-16s Traeger %s\n", u.Name, pw, u.Traegernummer)
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
