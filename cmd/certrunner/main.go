// Command certrunner runs the InGe acceptance procedure (the test concept in
// features/, German Gherkin) against an InGe endpoint. Without -endpoint it
// starts mockinge in-process on a loopback port with a temporary database,
// and its admin API on another, which the scenarios use to set the clock.
//
// Exit status: 0 when every scenario passed, 1 when one failed or the run
// could not start, 2 on bad usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("certrunner", flag.ContinueOnError)
	fset.SetOutput(stderr)
	endpoint := fset.String("endpoint", "", "SOAP endpoint of a running mock, e.g. http://127.0.0.1:8080/inge; empty: start an embedded mock")
	admin := fset.String("admin", "", "admin API of the mock at -endpoint, for the scenarios that set the clock (default "+defaultAdmin+" with -endpoint; the embedded mock's own without)")
	user := fset.String("user", "", "DeBeV user of the provider under test (default: first user of the Testdatenpaket)")
	password := fset.String("password", "", "password of -user")
	traeger := fset.String("traeger", "", "Traegernummer of -user")
	tags := fset.String("tags", "", `run only scenarios matching a tag expression, e.g. "@Kursauskunft"`)
	format := fset.String("format", "pretty", "godog output format: pretty, progress, cucumber, junit")
	noColors := fset.Bool("no-colors", false, "no ANSI colours in the pretty output")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: certrunner [flags]\n\nRuns the InGe acceptance scenarios (features/, German Gherkin) against an endpoint.\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "certrunner: unexpected arguments %q\n", fset.Args())
		return 2
	}
	ich := certrun.Account{Benutzer: *user, Passwort: *password, Traegernummer: *traeger}
	if ich != (certrun.Account{}) && (ich.Benutzer == "" || ich.Passwort == "" || ich.Traegernummer == "") {
		fmt.Fprintln(stderr, "certrunner: -user, -password and -traeger go together")
		return 2
	}

	switch {
	case *endpoint == "" && *admin != "":
		fmt.Fprintln(stderr, "certrunner: -admin needs -endpoint; the embedded mock has its own admin API")
		return 2
	case *endpoint == "":
		mock, cleanup, err := startEmbedded(ctx)
		if err != nil {
			fmt.Fprintln(stderr, "certrunner:", err)
			return 1
		}
		defer cleanup()
		*endpoint, *admin = mock.Endpoint(), mock.AdminURL
		fmt.Fprintf(stdout, "certrunner: eingebetteter mockinge unter %s, Admin-API %s\n\n", *endpoint, *admin)
	case *admin == "":
		*admin = defaultAdmin
	}

	res, err := certrun.Run(certrun.Config{
		Endpoint: *endpoint, Admin: *admin, Ich: ich,
		Output: stdout, Format: *format, Tags: *tags, NoColors: *noColors,
	})
	if err != nil {
		fmt.Fprintln(stderr, "certrunner:", err)
		return 1
	}
	fmt.Fprintf(stdout, "\ncertrunner: %d Szenarien, %d bestanden, %d fehlgeschlagen\n", res.Passed+res.Failed, res.Passed, res.Failed)
	for _, name := range res.FailedNames {
		fmt.Fprintf(stdout, "  fehlgeschlagen: %s\n", name)
	}
	if !res.OK() {
		return 1
	}
	return 0
}

// defaultAdmin is the admin API of a mockinge started with its defaults.
const defaultAdmin = "http://127.0.0.1:8081"

// startEmbedded starts mockinge on a free loopback port with a database in a
// temporary directory: a file, because an in-memory database behind a
// connection pool would give every connection its own empty database.
func startEmbedded(ctx context.Context) (*mockserver.Local, func(), error) {
	dir, err := os.MkdirTemp("", "certrunner-")
	if err != nil {
		return nil, nil, err
	}
	mock, err := mockserver.StartLocal(ctx, "127.0.0.1:0", filepath.Join(dir, "mockinge.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return mock, func() {
		mock.Close()
		os.RemoveAll(dir)
	}, nil
}
