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
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/buildinfo"
	"github.com/inge-harness/inge-harness/internal/cli"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// gcPercent is mockinge's default for GOGC, Go's default being 100. The
// state lives in SQLite, so the live heap stays near 10 MB under load,
// while a request allocates some 35 KB: at 100 the collector ran about 30
// times a second under a read load. At 400 a read costs about a tenth less
// CPU, for some 35 MB more memory at the peak of a load; idle, nothing
// changes. GOGC (and GOMEMLIMIT) in the environment still decide.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, cli.ErrUsage):
		os.Exit(2) // run has printed the line
	case errors.Is(err, errUnvollstaendig):
		os.Exit(1) // -profil-pruefen has printed the gaps
	case err != nil:
		fmt.Fprintln(os.Stderr, "mockinge:", err)
		os.Exit(1)
	}
}

// run starts the mock and serves until ctx is done.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("mockinge", flag.ContinueOnError)
	addr := fset.String("addr", envOr(getenv, "MOCKINGE_ADDR", "127.0.0.1:8080"), "Adresse des SOAP-Endpunkts; :8080 lauscht an allen Schnittstellen (env MOCKINGE_ADDR)")
	db := fset.String("db", envOr(getenv, "MOCKINGE_DB", "mockinge.db"), "SQLite-Datenbankdatei, angelegt falls sie fehlt; :memory: behält nichts (env MOCKINGE_DB)")
	testdaten := fset.String("testdatenpaket", getenv("MOCKINGE_TESTDATENPAKET"), "Verzeichnis eines Testdatenpakets statt des eingebetteten (env MOCKINGE_TESTDATENPAKET)")
	adminAddr := fset.String("admin-addr", envOr(getenv, "MOCKINGE_ADMIN_ADDR", "127.0.0.1:8081"), `Adresse der Admin-API (JSON: Sandboxen, Störungen, Uhren, Journal, Verify, GET /bereit; HTTP ohne TLS); "" bietet keine an (env MOCKINGE_ADMIN_ADDR)`)
	maxBody := fset.Int64("max-body", mockserver.DefaultMaxBodyBytes, "größter angenommener Anfragekörper in Byte (größer: Fault F104)")
	maxDepth := fset.Int("max-depth", soap.DefaultMaxDepth, "tiefste Verschachtelung einer Anfrage (tiefer: Fault F104)")
	maxElements := fset.Int("max-elements", soap.DefaultMaxElements, "meiste Elemente einer Anfrage (mehr: Fault F104)")
	tokenWindow := fset.Duration("token-window", wsse.DefaultWindow, "wie alt wsu:Created eines UsernameTokens sein darf (älter: Fault F205)")
	tokenSkew := fset.Duration("token-skew", wsse.DefaultSkew, "wie weit wsu:Created in der Zukunft liegen darf (Uhrenabweichung)")
	maxConcurrent := fset.Int("max-concurrent", mockserver.DefaultMaxConcurrent, "SOAP-Anfragen zugleich (eine mehr: Fault F303, HTTP 503)")
	maxConcurrentSandbox := fset.Int("max-concurrent-sandbox", 0, "SOAP-Anfragen einer Sandbox zugleich, auch während ihrer Latenz (eine mehr: Fault F303); 0: ein Viertel von -max-concurrent")
	maxSandboxen := fset.Int("max-sandboxen", sandbox.DefaultMaxSandboxes, "meiste Sandboxen, die Standard-Sandbox mitgezählt (eine mehr: 409 der Admin-API)")
	maxOffen := fset.Int("max-offen", sandbox.DefaultMaxOpen, "meiste Sandboxen mit zugleich geöffneter Datenbank; darüber wird die am längsten unbenutzte geschlossen")
	journalMax := fset.Int("journal-max-eintraege", mockserver.DefaultRetention.MaxEintraege, "meiste Einträge im Journal je Sandbox, die neuesten bleiben; 0: unbegrenzt")
	journalUngepackt := fset.Bool("journal-ungepackt", false, "Anfragen und Antworten im Journal unkomprimiert speichern: etwa sechsmal mehr Platte, etwa ein Zehntel weniger CPU je Lesezugriff")
	journalAlter := fset.Duration("journal-max-alter", mockserver.DefaultRetention.MaxAlter, "älteste Einträge im Journal je Sandbox, ältere werden gelöscht; 0: unbegrenzt")
	journalUnangemeldet := fset.Int("journal-max-unangemeldet", mockserver.DefaultMaxJournalUnauthenticated, "meiste Bytes, die das Journal von einer Anfrage ohne gültiges UsernameToken behält")
	maxNonces := fset.Int("max-nonces", wsse.DefaultMaxNonces, "meiste Nonces, die je Benutzer im Zeitfenster gespeichert werden (mehr: Fault F204 für diesen Benutzer)")
	maxNonceBytes := fset.Int("max-nonce-bytes", wsse.DefaultMaxNonceBytes, "meiste Bytes an Nonces je Benutzer im Zeitfenster")
	readTimeout := fset.Duration("read-timeout", mockserver.DefaultTimeouts.Read, "Zeit, eine ganze Anfrage zu lesen")
	writeTimeout := fset.Duration("write-timeout", mockserver.DefaultTimeouts.Write, "Zeit, eine Antwort zu schreiben")
	idleTimeout := fset.Duration("idle-timeout", mockserver.DefaultTimeouts.Idle, "wie lange eine offen gehaltene Verbindung ruhen darf")
	headerTimeout := fset.Duration("header-timeout", mockserver.DefaultTimeouts.Header, "Zeit, Anfragezeile und Header zu lesen")
	bodyTimeout := fset.Duration("body-timeout", mockserver.DefaultTimeouts.Body, "Zeit, den Körper einer SOAP-Anfrage zu lesen; erst danach belegt sie einen Platz von -max-concurrent")
	zweitanmeldung := fset.String("zweitanmeldung", string(mockstate.ZweitanmeldungAblehnen), "eine zweite Erstanmeldung einer Person: ablehnen (wie der Abnahmetest erwartet) oder aktualisieren")
	auskunft := fset.String("teilnehmerauskunft", string(mockstate.AuskunftEigene), "Teilnehmerauskunft über: eigene (beim Träger angemeldete oder in seinen Kursen) oder alle")
	lidKapazitaet := fset.Int("lid-kapazitaet", mockstate.DefaultLidKapazitaet, "meiste Teilnehmende einer LiD-Prüfung")
	abschnittsfolge := fset.String("abschnittsfolge", string(mockstate.AbschnittsfolgeStreng), "Reihenfolge der Kursabschnittsbeginne: streng (nur der nächste Abschnitt der Kursart) oder frei (jeder spätere)")
	useTLS := fset.Bool("tls", false, "den SOAP-Endpunkt über HTTPS mit einem beim Start erzeugten selbstsignierten Zertifikat anbieten (127.0.0.1, ::1, localhost; 30 Tage)")
	certFile := fset.String("cert", getenv("MOCKINGE_TLS_CERT"), "PEM-Zertifikat (Kette) für HTTPS statt eines erzeugten; braucht -key (env MOCKINGE_TLS_CERT)")
	keyFile := fset.String("key", getenv("MOCKINGE_TLS_KEY"), "PEM-Schlüssel zu -cert (env MOCKINGE_TLS_KEY)")
	caOut := fset.String("tls-ca-out", "", "das erzeugte Zertifikat (PEM) in diese Datei schreiben, damit Clients ihm vertrauen; mit -tls")
	logFormat := fset.String("log-format", envOr(getenv, "MOCKINGE_LOG_FORMAT", "text"), "Protokollzeilen auf stderr: text oder json (log/slog; env MOCKINGE_LOG_FORMAT)")
	logLevel := fset.String("log-level", envOr(getenv, "MOCKINGE_LOG_LEVEL", "info"), "kleinste Stufe der Protokollzeilen: debug (auch eine Zeile je SOAP-Anfrage), info, warn oder error (env MOCKINGE_LOG_LEVEL)")
	pprofOn := fset.Bool("pprof", false, "die Profile der Laufzeit (net/http/pprof) auf der Admin-API unter /debug/pprof/ anbieten, z. B. go tool pprof http://127.0.0.1:8081/debug/pprof/profile?seconds=10")
	healthcheck := fset.Bool("healthcheck", false, "nicht starten, sondern prüfen, ob ein mockinge mit diesen Adressen bereit ist (GET /bereit der Admin-API, ohne sie GET /inge); Status 0 bereit, 1 nicht (für HEALTHCHECK eines Containers)")
	profilDirs := envList(getenv, "MOCKINGE_PROFIL")
	fset.Var(&profilDirs, "profil", "Verzeichnis eines Vertragsprofils (BAMFs WSDL und XSD und ihre Abbildung auf unseren Vertrag), beim Start vollständig geprüft; mehrfach für mehrere (env MOCKINGE_PROFIL, durch "+string(os.PathListSeparator)+" getrennt)")
	var profilSandboxFlags listFlag
	fset.Var(&profilSandboxFlags, "profil-sandbox", "NAME=PROFIL: die Sandbox NAME spricht das Profil PROFIL; fehlt sie, wird sie angelegt, mit den Benutzern des Testdatenpakets als NAME.benutzer und ihren Passwörtern; mehrfach für mehrere")
	profilPruefenDir := fset.String("profil-pruefen", "", "nicht starten, sondern das Profil in diesem Verzeichnis prüfen: jede Lücke eine Zeile, dazu Entwürfe der fehlenden Zeilen von elemente.tsv; Status 0 vollständig, 1 nicht")
	showVersion := fset.Bool("version", false, "Version und Commit zeigen und enden")
	fset.Usage = func() {
		fmt.Fprintf(fset.Output(), "Aufruf: mockinge [Optionen]\n\nBietet den Mock von InGe-Online-Kursträger an: SOAP unter /inge, WSDL unter /inge?wsdl,\ndie Admin-API auf einer eigenen Adresse.\n\nOptionen:\n")
		cli.PrintDefaults(fset)
	}
	if err := cli.Parse(fset, args, stdout, stderr); err != nil {
		return err
	}
	if *showVersion {
		_, err := fmt.Fprintln(stdout, buildinfo.Read().String("mockinge"))
		return err
	}
	if *healthcheck {
		return checkReady(ctx, *addr, *adminAddr, *useTLS || *certFile != "", stdout)
	}
	if *profilPruefenDir != "" {
		return profilPruefen(*profilPruefenDir, stdout)
	}
	if err := checkLimits(stderr, map[string]int64{
		"-max-body": *maxBody, "-max-depth": int64(*maxDepth), "-max-elements": int64(*maxElements), "-max-concurrent": int64(*maxConcurrent),
		"-max-sandboxen": int64(*maxSandboxen), "-max-offen": int64(*maxOffen), "-journal-max-unangemeldet": int64(*journalUnangemeldet),
		"-max-nonces": int64(*maxNonces), "-max-nonce-bytes": int64(*maxNonceBytes),
	}, map[string]time.Duration{
		"-token-window": *tokenWindow, "-read-timeout": *readTimeout, "-write-timeout": *writeTimeout, "-idle-timeout": *idleTimeout,
		"-header-timeout": *headerTimeout, "-body-timeout": *bodyTimeout,
	}); err != nil {
		return err
	}
	for name, v := range map[string]int64{"-max-concurrent-sandbox": int64(*maxConcurrentSandbox), "-journal-max-eintraege": int64(*journalMax), "-journal-max-alter": int64(*journalAlter)} {
		if v < 0 {
			return cli.Usagef(stderr, "mockinge", "%s: erwartet 0 oder mehr", name)
		}
	}
	if *tokenSkew < 0 {
		return cli.Usagef(stderr, "mockinge", "-token-skew %s: erwartet 0 oder mehr", *tokenSkew)
	}
	if (*certFile == "") != (*keyFile == "") {
		return cli.Usagef(stderr, "mockinge", "-cert und -key gehören zusammen")
	}
	if *caOut != "" && (!*useTLS || *certFile != "") {
		return cli.Usagef(stderr, "mockinge", "-tls-ca-out schreibt das Zertifikat, das -tls erzeugt; es braucht -tls und kein -cert")
	}
	logger, err := newLogger(*logFormat, *logLevel, stderr)
	if err != nil {
		return cli.Usagef(stderr, "mockinge", "%v", err)
	}
	regeln := mockstate.Regeln{Zweitanmeldung: mockstate.Zweitanmeldung(*zweitanmeldung), Auskunft: mockstate.Auskunftsumfang(*auskunft), LidKapazitaet: *lidKapazitaet, Abschnittsfolge: mockstate.Abschnittsfolge(*abschnittsfolge)}
	if err := regeln.Validate(); err != nil {
		return cli.Usagef(stderr, "mockinge", "-%v", err)
	}
	tlsConfig, tlsNote, err := loadTLS(*useTLS, *certFile, *keyFile, *caOut)
	if err != nil {
		return err
	}
	profile, err := loadProfile(profilDirs)
	if err != nil {
		return err
	}
	profilSandboxes, err := parseProfilSandboxen(profilSandboxFlags, profile)
	if err != nil {
		return cli.Usagef(stderr, "mockinge", "%v", err)
	}
	var paket fs.FS = harness.Testdatenpaket()
	if *testdaten != "" {
		paket = os.DirFS(*testdaten)
	}
	unlock, err := lockDatabase(*db)
	if err != nil {
		return err
	}
	defer unlock()
	cfg := mockserver.Config{
		MaxBodyBytes: *maxBody, XML: soap.Limits{MaxDepth: *maxDepth, MaxElements: *maxElements},
		Window: *tokenWindow, Skew: *tokenSkew,
		MaxConcurrent: *maxConcurrent, MaxConcurrentPerSandbox: *maxConcurrentSandbox,
		Timeouts:     mockserver.Timeouts{Read: *readTimeout, Write: *writeTimeout, Idle: *idleTimeout, Header: *headerTimeout, Body: *bodyTimeout},
		MaxSandboxes: *maxSandboxen, MaxOpen: *maxOffen,
		Retention: mockstate.Retention{MaxEintraege: *journalMax, MaxAlter: *journalAlter}, JournalUngepackt: *journalUngepackt,
		MaxJournalUnauthenticated: *journalUnangemeldet, MaxNonces: *maxNonces, MaxNonceBytes: *maxNonceBytes,
		Logger: logger, AdminAddr: *adminAddr, TLS: tlsConfig, Profile: profile, Pprof: *pprofOn,
	}
	mock, err := mockserver.StartLocal(ctx, *addr, *db, paket, cfg, mockstate.WithRegeln(regeln))
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("Start: eine Adresse (-addr %s, -admin-addr %s) ist schon belegt, wohl von einem anderen Programm: %w", *addr, *adminAddr, err)
	}
	if err != nil {
		return fmt.Errorf("Start: %w", err)
	}
	profilNote, err := profilSandboxen(context.WithoutCancel(ctx), mock, profile, profilSandboxes)
	if err != nil {
		mock.Close()
		return err
	}
	// The banner reads the local store; a shutdown requested meanwhile
	// (Ctrl-C right after the start) waits for it and then proceeds below.
	if err := printBanner(context.WithoutCancel(ctx), stdout, mock, *db, tlsNote+profilNote); err != nil {
		mock.Close()
		return err
	}
	logger.Info("bereit", "endpoint", mock.Endpoint(), "admin", mock.AdminURL, "db", *db, "version", buildinfo.Read().Version)
	<-ctx.Done()
	fmt.Fprintln(stdout, "mockinge: fährt herunter")
	if err := mock.Close(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "mockinge: beendet")
	return nil
}

// checkLimits reports the first limit that is not positive as a usage
// error: -max-body -5 would refuse every request.
func checkLimits(stderr io.Writer, counts map[string]int64, durations map[string]time.Duration) error {
	names := make([]string, 0, len(counts)+len(durations))
	for n := range counts {
		names = append(names, n)
	}
	for n := range durations {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if v, ok := counts[n]; ok && v <= 0 {
			return cli.Usagef(stderr, "mockinge", "%s %d: erwartet eine Zahl größer als 0", n, v)
		}
		if v, ok := durations[n]; ok && v <= 0 {
			return cli.Usagef(stderr, "mockinge", "%s %s: erwartet eine Dauer größer als 0, z. B. 30s", n, v)
		}
	}
	return nil
}

// newLogger returns the logger of the given format and least level on w.
func newLogger(format, level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil || !slices.Contains([]string{"debug", "info", "warn", "error"}, strings.ToLower(level)) {
		return nil, fmt.Errorf("-log-level %q: erlaubt sind debug, info, warn und error", level)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("-log-format %q: erlaubt sind text und json", format)
}

// printBanner writes the endpoints and the test users in one write, ending
// with a line "mockinge: bereit", so a script or test that waits for the
// mock can wait for that line (or poll GET /bereit of the admin API).
func printBanner(ctx context.Context, w io.Writer, mock *mockserver.Local, db, tlsNote string) error {
	users, err := mock.Standard().Users(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mockinge: Mock von InGe-Online-Kursträger (rekonstruierter Vertrag), %s, Datenbank %s\n", buildinfo.Read().Version, db)
	fmt.Fprintf(&b, "  SOAP-Endpunkt: %s\n  WSDL:          %s?wsdl\n", mock.Endpoint(), mock.Endpoint())
	if !onLoopback(mock.URL) {
		b.WriteString("  Warnung:       der SOAP-Endpunkt ist an allen Schnittstellen erreichbar, auch von anderen Rechnern\n" +
			"                 (nur auf diesem Rechner: -addr 127.0.0.1:PORT; in einem Container ist das gewollt)\n")
	}
	b.WriteString(tlsNote)
	for _, sb := range mock.Sandboxes.List() {
		if err := sb.Damaged(); err != nil {
			fmt.Fprintf(&b, "  Warnung:       die Sandbox %s ist beschädigt und antwortet mit F300 (%v);\n                 die anderen arbeiten; DELETE oder POST …/reset der Admin-API hilft\n", sb.Name, err)
		}
	}
	if mock.AdminURL != "" {
		fmt.Fprintf(&b, "  Admin-API:     %s (JSON über HTTP ohne TLS, z. B. GET %s/sandboxes; bereit: GET %s/bereit)\n", mock.AdminURL, mock.AdminURL, mock.AdminURL)
		if !onLoopback(mock.AdminURL) {
			b.WriteString("  Warnung:       die Admin-API hat keine Anmeldung und ist von anderen Rechnern erreichbar\n")
		}
	}
	fmt.Fprintf(&b, "  Testbenutzer (WS-Security UsernameToken):\n")
	for _, u := range users {
		z, err := mock.Standard().Zugang(ctx, u.Name)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "    %-22s Passwort %-16s Träger %s\n", u.Name, z.Passwort, u.Traegernummer)
	}
	b.WriteString("mockinge: bereit\n")
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
		fmt.Fprintf(&note, "  TLS:           Zertifikat %s\n", certFile)
	case generate:
		var certPEM []byte
		if cert, certPEM, err = mockserver.SelfSignedCertificate(time.Now()); err != nil {
			return nil, "", fmt.Errorf("TLS: %w", err)
		}
		fmt.Fprintf(&note, "  TLS:           selbstsigniertes Zertifikat für 127.0.0.1, ::1, localhost, gültig bis %s\n",
			cert.Leaf.NotAfter.UTC().Format(time.DateOnly))
		if caOut != "" {
			if err := os.WriteFile(caOut, certPEM, 0o644); err != nil {
				return nil, "", fmt.Errorf("TLS: Zertifikat schreiben: %w", err)
			}
			fmt.Fprintf(&note, "                 PEM in %s (z. B. curl --cacert %s)\n", caOut, caOut)
		}
	default:
		return nil, "", nil
	}
	fmt.Fprintf(&note, "                 SHA-256-Fingerabdruck %s\n", mockserver.Fingerprint(cert.Certificate[0]))
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, note.String(), nil
}

// onLoopback reports whether a URL's host is a loopback address; an
// unspecified one (":8080", "0.0.0.0", "[::]") is every interface.
func onLoopback(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(u.Hostname())
	return err == nil && ip.IsLoopback()
}
