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
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/buildinfo"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/cli"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/profil"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stdout, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		return 2 // parseFlags printed the line
	case o.version:
		fmt.Fprintln(stdout, buildinfo.Read().String("certrunner"))
		return 0
	}
	usage := func(err error) int {
		_ = cli.Usagef(stderr, "certrunner", "%s", strings.TrimPrefix(err.Error(), "certrun: "))
		return 2
	}
	httpClient, err := certrun.HTTPClient(certrun.TLS{CAFile: o.caFile, Insecure: o.insecure})
	if err != nil {
		return usage(err)
	}
	if o.endpoint == "" && o.admin != "" {
		return usage(errors.New("-admin braucht -endpoint; der eingebettete mockinge hat seine eigene Admin-API"))
	}
	if !o.noColors && !isTerminal(stdout) {
		o.noColors = true
	}
	if o.endpoint != "" && o.admin == "" {
		o.admin = defaultAdmin
	}
	// Check the flags before the embedded mock starts: a bad -format or
	// -tags is a usage error, not a failed run.
	probe := o.config(httpClient, stdout)
	if o.endpoint == "" {
		probe.Endpoint, probe.Admin = "(eingebettet)", "(eingebettet)" // what Resolve decides on: there is an admin API
	}
	cfg, err := probe.Resolve()
	if err != nil {
		return usage(err)
	}
	if o.insecure {
		fmt.Fprintln(stderr, "certrunner: WARNUNG: -insecure: das TLS-Zertifikat des Endpunkts wird NICHT geprüft. Jeder auf dem Weg kann sich als InGe ausgeben und die Zugangsdaten mitlesen. Nur für Tests, z. B. gegen mockinge -tls; besser: -ca mit dessen Zertifikat.")
	}
	if !cfg.SandboxPerScenario() && o.concurrency > cfg.Concurrency {
		fmt.Fprintln(stderr, "certrunner: -concurrency gilt nicht mit -user oder -sandbox: in einer gemeinsamen Sandbox laufen die Szenarien nacheinander")
	}

	runCfg := o.config(httpClient, stdout)
	if o.profil != "" {
		p, err := profil.Load(o.profil)
		if err != nil {
			fmt.Fprintln(stderr, "certrunner:", err)
			return 1
		}
		runCfg.Profil = p
		fmt.Fprintf(stdout, "certrunner: die Szenarien sprechen das Vertragsprofil %s (%s)\n", p.Name, o.profil)
	}
	if o.endpoint == "" {
		mock, cleanup, err := startEmbedded(ctx, runCfg.Profil)
		if err != nil {
			fmt.Fprintln(stderr, "certrunner:", err)
			return 1
		}
		defer cleanup()
		runCfg.Endpoint, runCfg.Admin = mock.Endpoint(), mock.AdminURL
		fmt.Fprintf(stdout, "certrunner: eingebetteter mockinge unter %s, Admin-API %s\n", runCfg.Endpoint, runCfg.Admin)
	}
	if cfg.SandboxPerScenario() {
		fmt.Fprintf(stdout, "certrunner: jedes Szenario in einer eigenen Sandbox, %d gleichzeitig\n\n", cfg.Concurrency)
	} else {
		fmt.Fprintf(stdout, "certrunner: die Szenarien laufen nacheinander in der Sandbox %s\n\n", cfg.Sandbox)
	}

	started := time.Now()
	res, err := certrun.Run(ctx, runCfg)
	if err != nil {
		fmt.Fprintln(stderr, "certrunner:", strings.TrimPrefix(err.Error(), "certrun: "))
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
	if res.Failed > 0 && !cfg.SandboxPerScenario() && !o.reset {
		fmt.Fprintf(stdout, "  Hinweis: in der gemeinsamen Sandbox %s bleiben die Daten früherer Läufe; -reset setzt sie vorher auf das Testdatenpaket zurück\n", cfg.Sandbox)
	}
	for _, f := range res.Reports {
		fmt.Fprintf(stdout, "  Bericht: %s\n", f)
	}
	if !res.OK() {
		return 1
	}
	return 0
}

// options are the flags of certrunner.
type options struct {
	endpoint, admin         string
	user, password, traeger string
	sandbox                 string
	concurrency             int
	tags, format, report    string
	caFile                  string
	insecure, noColors      bool
	reset, version          bool
	profil                  string
}

// parseFlags reads the flags; it reports a usage error in one line on
// stderr, and -h on stdout.
func parseFlags(args []string, stdout, stderr io.Writer) (options, error) {
	var o options
	fset := flag.NewFlagSet("certrunner", flag.ContinueOnError)
	fset.StringVar(&o.endpoint, "endpoint", "", "SOAP-Endpunkt eines laufenden Mocks, z. B. http://127.0.0.1:8080/inge; leer: einen eingebetteten mockinge starten")
	fset.StringVar(&o.admin, "admin", "", "Admin-API des Mocks unter -endpoint, für die Sandboxen und Uhren der Szenarien (Vorgabe mit -endpoint: "+defaultAdmin+"; ohne: die des eingebetteten Mocks)")
	fset.StringVar(&o.user, "user", "", "DeBeV-Benutzer des geprüften Kursträgers; damit laufen die Szenarien nacheinander in -sandbox (Vorgabe: je Szenario eine Sandbox mit eigenen Benutzern)")
	fset.StringVar(&o.password, "password", "", "Passwort von -user")
	fset.StringVar(&o.traeger, "traeger", "", "Trägernummer von -user")
	fset.StringVar(&o.sandbox, "sandbox", "", `alle Szenarien nacheinander in dieser vorhandenen Sandbox des Mocks statt jedes in einer eigenen (Vorgabe mit -user: "standard")`)
	fset.IntVar(&o.concurrency, "concurrency", 0, "Szenarien gleichzeitig, jedes in einer eigenen Sandbox (0: eines je CPU; 1 mit -user, -sandbox oder -format pretty)")
	fset.StringVar(&o.tags, "tags", "", `nur die Szenarien, die ein Tag-Ausdruck auswählt, z. B. "@Kursauskunft"`)
	fset.StringVar(&o.format, "format", "", "Ausgabeformat von godog: pretty, progress, cucumber, junit (Vorgabe: pretty nacheinander, progress gleichzeitig)")
	fset.StringVar(&o.report, "report", "", "Verzeichnis für die Berichte: junit.xml, cucumber.json und protokoll.html (das Abnahmeprotokoll mit jedem SOAP-Austausch)")
	fset.StringVar(&o.caFile, "ca", "", "PEM-Datei der CA-Zertifikate, denen bei einem https-Endpunkt statt denen des Systems vertraut wird (z. B. das Zertifikat von mockinge -tls)")
	fset.BoolVar(&o.insecure, "insecure", false, "das TLS-Zertifikat des Endpunkts nicht prüfen (nur für Tests: jeder kann sich als Endpunkt ausgeben)")
	fset.BoolVar(&o.noColors, "no-colors", false, "keine ANSI-Farben (Vorgabe, wenn die Standardausgabe kein Terminal ist)")
	fset.BoolVar(&o.reset, "reset", false, "die gemeinsame Sandbox (-sandbox, -user) vor dem Lauf auf das Testdatenpaket zurücksetzen (POST /sandboxes/NAME/reset), damit ein zweiter Lauf findet, was der erste fand")
	fset.StringVar(&o.profil, "profil", "", "Verzeichnis eines Vertragsprofils: die Szenarien sprechen es statt unseres Vertrags, jede Sandbox wird mit ihm angelegt (der eingebettete mockinge lädt es; ein anderer braucht mockinge -profil mit demselben Verzeichnis)")
	fset.BoolVar(&o.version, "version", false, "Version und Commit zeigen und enden")
	fset.Usage = func() {
		fmt.Fprintf(fset.Output(), "Aufruf: certrunner [Optionen]\n\nFührt die InGe-Abnahmeszenarien (features/, Gherkin auf Deutsch) gegen einen Endpunkt aus.\n\nOptionen:\n")
		cli.PrintDefaults(fset)
	}
	return o, cli.Parse(fset, args, stdout, stderr)
}

// config maps the flags to the run's Config; certrun.Config.Resolve checks
// that they go together.
func (o options) config(httpClient *http.Client, stdout io.Writer) certrun.Config {
	return certrun.Config{
		Endpoint:    o.endpoint,
		Admin:       o.admin,
		Ich:         certrun.Account{Benutzer: o.user, Passwort: o.password, Traegernummer: o.traeger},
		Sandbox:     o.sandbox,
		Concurrency: o.concurrency,
		HTTPClient:  httpClient,
		Output:      stdout,
		Format:      o.format,
		Tags:        o.tags,
		NoColors:    o.noColors,
		Report:      o.report,
		Reset:       o.reset,
	}
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
// connection pool would give every connection its own empty database. It
// loads the profile p, if not nil.
func startEmbedded(ctx context.Context, p *profil.Profil) (*mockserver.Local, func(), error) {
	dir, err := os.MkdirTemp("", "certrunner-")
	if err != nil {
		return nil, nil, err
	}
	cfg := mockserver.Config{AdminAddr: "127.0.0.1:0"}
	if p != nil {
		cfg.Profile = map[string]*profil.Profil{p.Name: p}
	}
	mock, err := mockserver.StartLocal(ctx, "127.0.0.1:0", filepath.Join(dir, "mockinge.db"), harness.Testdatenpaket(), cfg)
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return mock, func() {
		mock.Close()
		os.RemoveAll(dir)
	}, nil
}
