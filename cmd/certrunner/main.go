// Command certrunner runs the InGe acceptance procedure (the test concept in
// features/, German Gherkin) against an InGe endpoint. Without -endpoint it
// starts mockinge in-process on a loopback port with a temporary database,
// and its admin API on another. With an admin API every scenario runs in a
// sandbox of its own, and -concurrency of them at once; -report DIR leaves
// JUnit XML, Cucumber JSON and an HTML acceptance protocol with every SOAP
// exchange.
//
// With -abnahme it runs the acceptance of a vendor's own software instead
// (internal/abnahme): interactively, a person performs the Testfallheft's
// cases in the product, led at the terminal, against the embedded mock on
// -adresse or a mockinge at -endpoint; -vorbereiten prepares a sandbox of a
// running mockinge for the product's own test suite and writes its access
// data (-zugang) and tasks (-aufgaben); -auswerten judges that sandbox's
// journal afterwards.
//
// Exit status: 0 when every scenario passed (with -abnahme: no case "nicht
// bestanden"), 1 when one failed or the run could not start, 2 on bad
// usage.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/features"
	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/buildinfo"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/cli"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/profil"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run returns the exit status. stdin is read only by the interactive
// acceptance (-abnahme), where the operator types.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
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
	if err := o.checkAbnahmeFlags(); err != nil {
		return usage(err)
	}
	if o.abnahme {
		return runAbnahme(ctx, o, httpClient, stdin, stdout, stderr)
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
	var ok bool
	if runCfg.Profil, ok = o.loadProfil(stdout, stderr, "die Szenarien sprechen"); !ok {
		return 1
	}
	if o.endpoint == "" {
		mock, cleanup, err := startEmbedded(ctx, "127.0.0.1:0", runCfg.Profil)
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

	// The acceptance of a vendor's software (-abnahme).
	abnahme, vorbereiten, auswerten bool
	zugang, aufgaben                string
	produkt, produktVersion         string
	passwortArt                     string
	warten                          time.Duration
	adresse                         string

	// gesetzt are the flags given on the command line, by name.
	gesetzt map[string]bool
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
	fset.StringVar(&o.sandbox, "sandbox", "", `alle Szenarien nacheinander in dieser vorhandenen Sandbox des Mocks statt jedes in einer eigenen (Vorgabe mit -user: "standard"); mit -abnahme der Name der Sandbox der Abnahme (Vorgabe: abnahme-<zufällig>), mit -auswerten die vorbereitete`)
	fset.IntVar(&o.concurrency, "concurrency", 0, "Szenarien gleichzeitig, jedes in einer eigenen Sandbox (0: eines je CPU; 1 mit -user, -sandbox oder -format pretty)")
	fset.StringVar(&o.tags, "tags", "", `nur die Szenarien, die ein Tag-Ausdruck auswählt, z. B. "@Kursauskunft"; mit -abnahme die Testfälle, z. B. "@TF-AN-01"`)
	fset.StringVar(&o.format, "format", "", "Ausgabeformat von godog: pretty, progress, cucumber, junit (Vorgabe: pretty nacheinander, progress gleichzeitig)")
	fset.StringVar(&o.report, "report", "", "Verzeichnis für die Berichte: junit.xml, cucumber.json und protokoll.html (das Abnahmeprotokoll mit jedem SOAP-Austausch; mit -abnahme das Protokoll der Testfälle Ihrer Software)")
	fset.StringVar(&o.caFile, "ca", "", "PEM-Datei der CA-Zertifikate, denen bei einem https-Endpunkt statt denen des Systems vertraut wird (z. B. das Zertifikat von mockinge -tls)")
	fset.BoolVar(&o.insecure, "insecure", false, "das TLS-Zertifikat des Endpunkts nicht prüfen (nur für Tests: jeder kann sich als Endpunkt ausgeben)")
	fset.BoolVar(&o.noColors, "no-colors", false, "keine ANSI-Farben (Vorgabe, wenn die Standardausgabe kein Terminal ist)")
	fset.BoolVar(&o.reset, "reset", false, "die gemeinsame Sandbox (-sandbox, -user) vor dem Lauf auf das Testdatenpaket zurücksetzen (POST /sandboxes/NAME/reset), damit ein zweiter Lauf findet, was der erste fand")
	fset.StringVar(&o.profil, "profil", "", "Verzeichnis eines Vertragsprofils: die Szenarien sprechen es statt unseres Vertrags, jede Sandbox wird mit ihm angelegt (der eingebettete mockinge lädt es; ein anderer braucht mockinge -profil mit demselben Verzeichnis)")
	fset.BoolVar(&o.version, "version", false, "Version und Commit zeigen und enden")
	fset.BoolVar(&o.abnahme, "abnahme", false, "die Abnahme Ihrer Software: Sie führen die Testfälle des Testfallhefts (features/abnahme) in Ihrer Software aus, certrunner leitet Sie an und beurteilt, was Ihre Software sendet")
	fset.BoolVar(&o.vorbereiten, "vorbereiten", false, "mit -abnahme: nur eine Sandbox des mockinge unter -endpoint vorbereiten und ihren Zugang ausgeben, für die eigene Testsuite Ihrer Software; danach -auswerten")
	fset.BoolVar(&o.auswerten, "auswerten", false, "mit -abnahme: das Journal der vorbereiteten Sandbox -sandbox beurteilen, nachdem Ihre Software die Testfälle ausgeführt hat")
	fset.StringVar(&o.zugang, "zugang", "", "mit -vorbereiten: den Zugang in diese Datei schreiben, als Variablen für Shell und .env (INGE_ENDPOINT, INGE_WSDL, INGE_SANDBOX, INGE_TRAEGERNUMMER, INGE_BENUTZER, INGE_PASSWORT, INGE_ABNAHMETAG); Modus 0600, da sie das Passwort enthält")
	fset.StringVar(&o.aufgaben, "aufgaben", "", "mit -vorbereiten: die Aufgaben aller Testfälle als JSON in diese Datei schreiben, für die Testsuite Ihrer Software")
	fset.StringVar(&o.produkt, "produkt", "", "mit -abnahme: Name Ihrer Software, für das Protokoll")
	fset.StringVar(&o.produktVersion, "produkt-version", "", "mit -abnahme: Version Ihrer Software, für das Protokoll")
	fset.StringVar(&o.passwortArt, "passwort-art", "beide", "mit -abnahme: wie Ihre Software das Passwort sendet: digest (PasswordDigest), text (PasswordText) oder beide (jede Art gilt)")
	fset.DurationVar(&o.warten, "warten", 10*time.Minute, "mit -abnahme interaktiv: so lange wird auf die Anfrage einer Aufgabe gewartet")
	fset.StringVar(&o.adresse, "adresse", defaultAdresse, "mit -abnahme interaktiv ohne -endpoint: Adresse HOST:PORT, unter der der eingebettete mockinge den SOAP-Endpunkt anbietet, damit Ihre Software ihn erreicht (seine Admin-API bleibt auf einem freien Port von 127.0.0.1)")
	fset.Usage = func() {
		fmt.Fprintf(fset.Output(), "Aufruf: certrunner [Optionen]\n       certrunner -abnahme [-vorbereiten | -auswerten] [Optionen]\n\nFührt die InGe-Abnahmeszenarien (features/, Gherkin auf Deutsch) gegen einen Endpunkt aus,\noder mit -abnahme die Testfälle des Testfallhefts (features/abnahme) mit Ihrer Software.\n\nOptionen:\n")
		cli.PrintDefaults(fset)
	}
	if err := cli.Parse(fset, args, stdout, stderr); err != nil {
		return o, err
	}
	o.gesetzt = map[string]bool{}
	fset.Visit(func(f *flag.Flag) { o.gesetzt[f.Name] = true })
	return o, nil
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

// startEmbedded starts mockinge on addr (127.0.0.1:0: a free loopback port)
// with a database in a temporary directory: a file, because an in-memory
// database behind a connection pool would give every connection its own
// empty database. Its admin API is on a free loopback port. It loads the
// profile p, if not nil.
func startEmbedded(ctx context.Context, addr string, p *profil.Profil) (*mockserver.Local, func(), error) {
	dir, err := os.MkdirTemp("", "certrunner-")
	if err != nil {
		return nil, nil, err
	}
	cfg := mockserver.Config{AdminAddr: "127.0.0.1:0"}
	if p != nil {
		cfg.Profile = map[string]*profil.Profil{p.Name: p}
	}
	mock, err := mockserver.StartLocal(ctx, addr, filepath.Join(dir, "mockinge.db"), harness.Testdatenpaket(), cfg)
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return mock, func() {
		mock.Close()
		os.RemoveAll(dir)
	}, nil
}

// defaultAdresse is where the embedded mock of an interactive acceptance
// serves SOAP: mockinge's own default, so that a product set up for a
// local mockinge reaches it unchanged.
const defaultAdresse = "127.0.0.1:8080"

// nurAbnahme are the flags of the acceptance only.
var nurAbnahme = []string{"vorbereiten", "auswerten", "zugang", "aufgaben", "produkt", "produkt-version", "passwort-art", "warten", "adresse"}

// nichtAbnahme are the flags of certrunner's own scenarios that the
// acceptance has no use for: it makes its own users, runs one case after
// another and writes its own output.
var nichtAbnahme = []string{"user", "password", "traeger", "concurrency", "format", "reset"}

// checkAbnahmeFlags checks that the flags given go with -abnahme and its
// mode, before anything starts: a flag without effect is a usage error,
// never ignored.
func (o options) checkAbnahmeFlags() error {
	if !o.abnahme {
		for _, f := range nurAbnahme {
			if o.gesetzt[f] {
				return fmt.Errorf("-%s gehört zur Abnahme Ihrer Software: certrunner -abnahme -%s …", f, f)
			}
		}
		return nil
	}
	for _, f := range nichtAbnahme {
		if o.gesetzt[f] {
			return fmt.Errorf("-%s gilt nicht mit -abnahme: die Abnahme legt ihre eigenen Benutzer an und führt die Testfälle nacheinander aus", f)
		}
	}
	if _, err := o.passwortModus(); err != nil {
		return err
	}
	switch {
	case o.vorbereiten && o.auswerten:
		return errors.New("-vorbereiten und -auswerten schließen einander aus: erst vorbereiten, dann Ihre Software die Testfälle ausführen lassen, dann auswerten")
	case o.vorbereiten && o.endpoint == "":
		return errors.New("-vorbereiten braucht -endpoint eines laufenden mockinge: ein eingebetteter endete mit certrunner, und mit ihm die vorbereitete Sandbox (mockinge starten, dann certrunner -abnahme -vorbereiten -endpoint http://127.0.0.1:8080/inge)")
	case o.auswerten && o.endpoint == "":
		return errors.New("-auswerten braucht -endpoint des mockinge, in dem die Sandbox vorbereitet ist (und -admin, wenn seine Admin-API nicht " + defaultAdmin + " ist)")
	case o.auswerten && o.sandbox == "":
		return errors.New("-auswerten braucht -sandbox NAME: die Sandbox, die -vorbereiten angelegt hat (INGE_SANDBOX der Zugangsdatei)")
	case o.gesetzt["adresse"] && o.endpoint != "":
		return errors.New("-adresse gilt für den eingebetteten mockinge; mit -endpoint läuft der Mock schon")
	case o.warten <= 0:
		return fmt.Errorf("-warten %s: erwartet eine Dauer über 0, z. B. 10m", o.warten)
	}
	if !o.vorbereiten {
		for _, f := range []string{"zugang", "aufgaben"} {
			if o.gesetzt[f] {
				return fmt.Errorf("-%s gehört zu -vorbereiten: certrunner -abnahme -vorbereiten -%s DATEI", f, f)
			}
		}
	}
	if o.vorbereiten {
		for _, f := range []string{"report", "produkt", "produkt-version", "passwort-art", "warten"} {
			if o.gesetzt[f] {
				return fmt.Errorf("-%s gilt nicht mit -vorbereiten: die Vorbereitung beurteilt nichts; -%s gehört zu -auswerten", f, f)
			}
		}
	}
	if o.auswerten && o.gesetzt["warten"] {
		return errors.New("-warten gilt nur interaktiv: die Auswertung liest ein Journal, das schon da ist")
	}
	heft, err := fs.Sub(features.Abnahme, "abnahme")
	if err != nil {
		return err
	}
	// certrun checks a tag expression and what it selects as for its own
	// scenarios; here against the Testfallheft, before a mock starts.
	probe := certrun.Config{Endpoint: "(abnahme)", Admin: "(abnahme)", Features: heft, Tags: o.tags}
	if _, err := probe.Resolve(); err != nil {
		return errors.New(strings.Replace(strings.TrimPrefix(err.Error(), "certrun: "), "kein Szenario", "keinen Testfall", 1))
	}
	return nil
}

// passwortModus is -passwort-art as the judgement takes it; 0 takes both.
func (o options) passwortModus() (wsse.PasswordMode, error) {
	switch o.passwortArt {
	case "digest":
		return wsse.PasswordDigest, nil
	case "text":
		return wsse.PasswordText, nil
	case "beide", "":
		return 0, nil
	}
	return 0, fmt.Errorf("-passwort-art %q: erwartet digest, text oder beide", o.passwortArt)
}

// loadProfil loads the contract profile of -profil, if one is given, and
// says who speaks it (wer: "die Szenarien sprechen"); false after saying
// why it does not load.
func (o options) loadProfil(stdout, stderr io.Writer, wer string) (*profil.Profil, bool) {
	if o.profil == "" {
		return nil, true
	}
	p, err := profil.Load(o.profil)
	if err != nil {
		fmt.Fprintln(stderr, "certrunner:", err)
		return nil, false
	}
	fmt.Fprintf(stdout, "certrunner: %s das Vertragsprofil %s (%s)\n", wer, p.Name, o.profil)
	return p, true
}

// runAbnahme runs the acceptance of a vendor's software; the flags are
// checked.
func runAbnahme(ctx context.Context, o options, httpClient *http.Client, stdin io.Reader, stdout, stderr io.Writer) int {
	mode, _ := o.passwortModus()
	cfg := abnahme.Config{
		Modus: abnahme.Interaktiv, Endpoint: o.endpoint, Admin: o.admin, Sandbox: o.sandbox,
		Produkt: o.produkt, ProduktVersion: o.produktVersion, PasswortArt: mode,
		Tags: o.tags, Report: o.report, Warten: o.warten, Transport: httpClient.Transport, Log: stdout,
	}
	var ok bool
	if cfg.Profil, ok = o.loadProfil(stdout, stderr, "Ihre Software spricht"); !ok {
		return 1
	}
	switch {
	case o.vorbereiten:
		cfg.Modus = abnahme.Vorbereiten
	case o.auswerten:
		cfg.Modus = abnahme.Auswerten
	}
	if o.insecure {
		fmt.Fprintln(stderr, "certrunner: WARNUNG: -insecure: das TLS-Zertifikat des Endpunkts wird NICHT geprüft. Nur für Tests, z. B. gegen mockinge -tls; besser: -ca mit dessen Zertifikat.")
	}
	if cfg.Modus == abnahme.Interaktiv {
		if o.endpoint == "" {
			mock, cleanup, err := startEmbedded(ctx, o.adresse, cfg.Profil)
			if err != nil {
				if errors.Is(err, syscall.EADDRINUSE) {
					fmt.Fprintf(stderr, "certrunner: die Adresse %s (-adresse) ist schon belegt, wohl von einem mockinge: dann certrunner -abnahme -endpoint http://%s/inge, sonst -adresse HOST:PORT (%v)\n", o.adresse, o.adresse, err)
				} else {
					fmt.Fprintln(stderr, "certrunner:", err)
				}
				return 1
			}
			defer cleanup()
			cfg.Endpoint, cfg.Admin = erreichbar(mock.Endpoint()), mock.AdminURL
			fmt.Fprintf(stdout, "certrunner: eingebetteter mockinge unter %s, Admin-API %s\n", cfg.Endpoint, cfg.Admin)
			fmt.Fprintln(stdout, "certrunner: er läuft, bis die Abnahme endet; mit ihm enden die Sandbox und ihr Journal (das Protokoll von -report behält sie)")
			if host, _, err := net.SplitHostPort(o.adresse); err == nil && (host == "" || net.ParseIP(host) != nil && net.ParseIP(host).IsUnspecified()) {
				fmt.Fprintf(stdout, "certrunner: der SOAP-Endpunkt hört auf allen Schnittstellen: Ihre Software erreicht ihn auch unter der Adresse dieses Rechners, Port %s\n", mock.URL[strings.LastIndex(mock.URL, ":")+1:])
			}
		}
		term := abnahme.NewTerminal(stdin, stdout)
		defer term.Close()
		cfg.Bediener = term
	}
	switch cfg.Modus {
	case abnahme.Auswerten:
		fmt.Fprintf(stdout, "certrunner: das Journal der Sandbox %s wird ausgewertet\n", cfg.Sandbox)
	default:
		fmt.Fprintln(stdout, "certrunner: die Sandbox der Abnahme wird vorbereitet …")
	}

	started := time.Now()
	res, err := abnahme.Run(ctx, cfg)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "certrunner: abgebrochen")
			return 1
		}
		fmt.Fprintln(stderr, "certrunner:", strings.TrimPrefix(err.Error(), "abnahme: "))
		return 1
	}
	if cfg.Modus == abnahme.Vorbereiten {
		return vorbereitet(o, cfg, res, stdout, stderr)
	}
	zusammenfassung(stdout, res, time.Since(started))
	if res.Zaehle(abnahme.NichtBestanden) > 0 {
		return 1
	}
	return 0
}

// erreichbar is the endpoint of a mock listening on every interface
// ("[::]:8080") as a client dials it: at 127.0.0.1.
func erreichbar(endpoint string) string {
	for _, alle := range []string{"//[::]:", "//0.0.0.0:"} {
		if strings.Contains(endpoint, alle) {
			return strings.Replace(endpoint, alle, "//127.0.0.1:", 1)
		}
	}
	return endpoint
}

// vorbereitet tells what -vorbereiten made, writes the access data and the
// tasks, and what comes next.
func vorbereitet(o options, cfg abnahme.Config, res abnahme.Ergebnis, stdout, stderr io.Writer) int {
	faelle := map[string]bool{}
	for _, a := range res.Aufgaben {
		faelle[a.Fall] = true
	}
	fmt.Fprintf(stdout, "\ncertrunner: die Sandbox der Abnahme ist vorbereitet: %s mit %s. Ihr Zugang:\n\n", anzahl(len(faelle), "Testfall", "Testfälle"), anzahl(len(res.Aufgaben), "Aufgabe", "Aufgaben"))
	shown := res.Zugang
	if o.zugang != "" {
		// The password goes into the file only, not into a CI job's log.
		shown.Benutzer = slices.Clone(shown.Benutzer)
		for i := range shown.Benutzer {
			shown.Benutzer[i].Passwort = "(steht in " + o.zugang + ", INGE_PASSWORT)"
		}
	}
	if err := abnahme.SchreibeZugang(stdout, shown); err != nil {
		fmt.Fprintln(stderr, "certrunner:", err)
		return 1
	}
	fmt.Fprintln(stdout)
	if o.zugang != "" {
		if err := schreibeZugangsdatei(o.zugang, res.Zugang); err != nil {
			fmt.Fprintf(stderr, "certrunner: %v (die Sandbox %s ist vorbereitet)\n", err, res.Zugang.Sandbox)
			return 1
		}
		fmt.Fprintf(stdout, "certrunner: Zugang geschrieben: %s (Modus 0600: er enthält das Passwort; in der Shell: set -a; . %s; set +a)\n", o.zugang, o.zugang)
	}
	if o.aufgaben != "" {
		if err := schreibeAufgaben(o.aufgaben, res.Aufgaben); err != nil {
			fmt.Fprintf(stderr, "certrunner: %v (die Sandbox %s ist vorbereitet)\n", err, res.Zugang.Sandbox)
			return 1
		}
		fmt.Fprintf(stdout, "certrunner: Aufgaben geschrieben: %s\n", o.aufgaben)
	}
	fmt.Fprintf(stdout, "\nWeiter:\n")
	fmt.Fprintf(stdout, "  1. Richten Sie Ihre Software mit diesem Zugang ein.\n")
	fmt.Fprintf(stdout, "  2. Führen Sie die Testfälle aus: von Hand nach dem Testfallheft (features/abnahme) oder mit Ihrer Testsuite nach den Aufgaben (-aufgaben).\n")
	tags := ""
	if o.tags != "" {
		tags = " -tags " + shellQuote(o.tags) // the same cases: the others are not prepared
	}
	fmt.Fprintf(stdout, "  3. Werten Sie aus: certrunner -abnahme -auswerten -endpoint %s -admin %s -sandbox %s%s -report abnahme\n", cfg.Endpoint, cfg.Admin, res.Zugang.Sandbox, tags)
	fmt.Fprintf(stdout, "  Der mockinge unter %s muss bis zur Auswertung laufen: die Sandbox und ihr Journal sind seine.\n", cfg.Endpoint)
	return 0
}

// schreibeZugangsdatei writes the access data as variables for a shell or
// a .env reader, with mode 0600, since it holds the password.
func schreibeZugangsdatei(path string, z abnahme.Zugang) error {
	var u abnahme.ZugangNutzer
	if len(z.Benutzer) > 0 {
		u = z.Benutzer[0]
	}
	var b strings.Builder
	b.WriteString("# Zugang der Abnahme (certrunner -abnahme -vorbereiten). Geheim: enthält das Passwort.\n")
	b.WriteString("# In der Shell: set -a; . " + filepath.Base(path) + "; set +a\n")
	for _, v := range []struct{ name, wert string }{
		{"INGE_ENDPOINT", z.Endpoint}, {"INGE_WSDL", z.WSDL}, {"INGE_SANDBOX", z.Sandbox},
		{"INGE_TRAEGERNUMMER", u.Traegernummer}, {"INGE_BENUTZER", u.Name}, {"INGE_PASSWORT", u.Passwort},
		{"INGE_ABNAHMETAG", z.Abnahmetag},
	} {
		b.WriteString(v.name + "=" + shellQuote(v.wert) + "\n")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("Zugangsdatei: %w", err)
	}
	// A file that was there keeps its mode at OpenFile.
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("Zugangsdatei: %w", err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return fmt.Errorf("Zugangsdatei: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("Zugangsdatei: %w", err)
	}
	return nil
}

// shellQuote quotes a value for a POSIX shell and .env readers: in single
// quotes, each single quote in it ending the quotes, escaped, and quoting
// again.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// schreibeAufgaben writes the tasks as indented JSON.
func schreibeAufgaben(path string, aufgaben []abnahme.Aufgabe) error {
	if aufgaben == nil {
		aufgaben = []abnahme.Aufgabe{}
	}
	b, err := json.MarshalIndent(aufgaben, "", "  ")
	if err != nil {
		return fmt.Errorf("Aufgaben: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("Aufgaben: %w", err)
	}
	return nil
}

// zusammenfassung writes the verdicts of an acceptance: counts, the cases
// not passed, the product's requests of no case, the reports.
func zusammenfassung(w io.Writer, res abnahme.Ergebnis, dauer time.Duration) {
	fmt.Fprintf(w, "\ncertrunner: Abnahme fertig nach %s\n", dauer.Round(10*time.Millisecond))
	urteile := []abnahme.Urteil{abnahme.Bestanden, abnahme.NichtBestanden, abnahme.Manuell, abnahme.Uebersprungen}
	var counts []string
	for _, u := range urteile {
		counts = append(counts, fmt.Sprintf("%d %s", res.Zaehle(u), u))
	}
	fmt.Fprintf(w, "certrunner: %s: %s\n", anzahl(len(res.Faelle), "Testfall", "Testfälle"), strings.Join(counts, ", "))
	for _, u := range urteile[1:] {
		for _, f := range res.Faelle {
			if f.Urteil == u {
				fmt.Fprintf(w, "  %s: %s %s\n", u, f.Info.ID, f.Info.Titel)
			}
		}
	}
	if n := len(res.OhneFall); n > 0 {
		ids := make([]string, n)
		for i, id := range res.OhneFall {
			ids[i] = strconv.FormatInt(id, 10)
		}
		fmt.Fprintf(w, "  ohne Testfall: %s Ihrer Software %s die Daten keines Testfalls (Journal-Einträge %s)\n", anzahl(n, "Anfrage", "Anfragen"), map[bool]string{true: "nennt", false: "nennen"}[n == 1], strings.Join(ids, ", "))
	}
	for _, f := range res.Reports {
		fmt.Fprintf(w, "  Bericht: %s\n", f)
	}
	if len(res.Reports) == 0 {
		fmt.Fprintln(w, "  kein Bericht: -report VERZEICHNIS schreibt das Protokoll (protokoll.html, junit.xml, cucumber.json)")
	}
	fmt.Fprintf(w, "  Hinweis: %s\n", abnahme.Hinweis)
}

// anzahl is a count with its noun, "1 Testfall", "8 Testfälle".
func anzahl(n int, eins, viele string) string {
	if n == 1 {
		return "1 " + eins
	}
	return strconv.Itoa(n) + " " + viele
}
