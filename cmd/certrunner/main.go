// Command certrunner runs the InGe acceptance procedure (the test concept in
// features/, German Gherkin) against an InGe endpoint. Without -endpoint it
// starts mockinge in-process on a loopback port with a temporary database,
// and its admin API on another. With an admin API every scenario runs in a
// sandbox of its own, and -concurrency of them at once; -report DIR leaves
// JUnit XML, Cucumber JSON and an HTML acceptance protocol with every SOAP
// exchange.
//
// Exit status: 0 when every scenario passed, 1 when one failed or the run
// could not start, 2 on bad usage.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

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
	admin := fset.String("admin", "", "admin API of the mock at -endpoint, for the scenarios' sandboxes and clocks (default "+defaultAdmin+" with -endpoint; the embedded mock's own without)")
	user := fset.String("user", "", "DeBeV user of the provider under test; with it the scenarios run one after another in -sandbox (default: a sandbox per scenario with its own users)")
	password := fset.String("password", "", "password of -user")
	traeger := fset.String("traeger", "", "Traegernummer of -user")
	sandbox := fset.String("sandbox", "", `run every scenario, one after another, in this existing sandbox of the mock rather than each in its own (default "standard" with -user)`)
	concurrency := fset.Int("concurrency", runtime.NumCPU(), "scenarios at once, each in its own sandbox; 1 with -user or -sandbox")
	tags := fset.String("tags", "", `run only scenarios matching a tag expression, e.g. "@Kursauskunft"`)
	format := fset.String("format", "", "godog output format: pretty, progress, cucumber, junit (default pretty when serial, progress when parallel)")
	report := fset.String("report", "", "directory for the reports: junit.xml, cucumber.json and protokoll.html (the acceptance protocol with every SOAP exchange)")
	caFile := fset.String("ca", "", "PEM file of the CA certificates to trust for an https endpoint, instead of the system's (e.g. mockinge's -tls certificate)")
	insecure := fset.Bool("insecure", false, "do not check the endpoint's TLS certificate (tests only: anyone can pose as the endpoint)")
	noColors := fset.Bool("no-colors", false, "no ANSI colours (the default when stdout is not a terminal)")
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
	set := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { set[f.Name] = true })

	ich := certrun.Account{Benutzer: *user, Passwort: *password, Traegernummer: *traeger}
	if ich != (certrun.Account{}) && (ich.Benutzer == "" || ich.Passwort == "" || ich.Traegernummer == "") {
		fmt.Fprintln(stderr, "certrunner: -user, -password and -traeger go together")
		return 2
	}
	shared := ich != (certrun.Account{}) || *sandbox != ""
	switch {
	case *concurrency < 1:
		fmt.Fprintln(stderr, "certrunner: -concurrency must be at least 1")
		return 2
	case shared && *concurrency > 1:
		if set["concurrency"] {
			fmt.Fprintln(stderr, "certrunner: -concurrency gilt nicht mit -user oder -sandbox: in einer gemeinsamen Sandbox laufen die Szenarien nacheinander")
		}
		*concurrency = 1
	case *format == "pretty" && *concurrency > 1:
		if set["concurrency"] {
			fmt.Fprintln(stderr, "certrunner: -format pretty needs -concurrency 1: it cannot show scenarios that run at once; use progress")
			return 2
		}
		*concurrency = 1
	}
	if *caFile != "" && *insecure {
		fmt.Fprintln(stderr, "certrunner: -ca and -insecure exclude each other")
		return 2
	}
	if *insecure {
		fmt.Fprintln(stderr, "certrunner: WARNUNG: -insecure: das TLS-Zertifikat des Endpunkts wird NICHT geprüft. Jeder auf dem Weg kann sich als InGe ausgeben und die Zugangsdaten mitlesen. Nur für Tests, z. B. gegen mockinge -tls; besser: -ca mit dessen Zertifikat.")
	}
	httpClient, err := certrun.HTTPClient(certrun.TLS{CAFile: *caFile, Insecure: *insecure})
	if err != nil {
		fmt.Fprintln(stderr, "certrunner:", err)
		return 2
	}
	if !*noColors && !isTerminal(stdout) {
		*noColors = true
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
		fmt.Fprintf(stdout, "certrunner: eingebetteter mockinge unter %s, Admin-API %s\n", *endpoint, *admin)
	case *admin == "":
		*admin = defaultAdmin
	}
	if shared {
		fmt.Fprintf(stdout, "certrunner: die Szenarien laufen nacheinander in der Sandbox %s\n\n", cmp.Or(*sandbox, "standard"))
	} else {
		fmt.Fprintf(stdout, "certrunner: jedes Szenario in einer eigenen Sandbox, %d gleichzeitig\n\n", *concurrency)
	}

	started := time.Now()
	res, err := certrun.Run(ctx, certrun.Config{
		Endpoint: *endpoint, Admin: *admin, Ich: ich, Sandbox: *sandbox,
		Concurrency: *concurrency, HTTPClient: httpClient,
		Output: stdout, Format: *format, Tags: *tags, NoColors: *noColors,
		Report: *report,
	})
	if err != nil {
		fmt.Fprintln(stderr, "certrunner:", err)
		return 1
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "certrunner: abgebrochen: die übrigen Szenarien gelten als fehlgeschlagen; ihre Sandboxen sind gelöscht")
	}
	fmt.Fprintf(stdout, "\ncertrunner: fertig nach %s\n", time.Since(started).Round(10*time.Millisecond))
	fmt.Fprintf(stdout, "certrunner: %d Szenarien, %d bestanden, %d fehlgeschlagen\n", res.Passed+res.Failed, res.Passed, res.Failed)
	for _, name := range res.FailedNames {
		fmt.Fprintf(stdout, "  fehlgeschlagen: %s\n", name)
	}
	for _, f := range res.Reports {
		fmt.Fprintf(stdout, "  Bericht: %s\n", f)
	}
	if !res.OK() {
		return 1
	}
	return 0
}

// isTerminal reports whether w is a terminal, where colours help; in a CI
// log or a file they are noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
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
