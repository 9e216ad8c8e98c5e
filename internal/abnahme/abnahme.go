// Package abnahme runs the acceptance test of a vendor's own software: the
// Testfallheft (features/abnahme, German Gherkin, one scenario per test
// case) is performed by the vendor's product against a sandbox of
// mockinge, and judged from what the product sent, as the sandbox's
// journal holds it.
//
// A run has two passes over the Testfallheft. The first prepares what each
// case presupposes in "BAMF's system" (courses planned and begun, LiD exams,
// outages for a first attempt), through users of the tool's own that the
// judgement ignores, and then stops the sandbox's clock at the Abnahmetag.
// The second performs the cases: each task is shown to the operator (or
// given to a program that plays the product), its requests are awaited in
// the journal, and the expectations are checked against them. A case's
// exchanges are told apart from another's by its data (zuordnung.go). The
// evaluation of a journal after the product's own test suite ran is the
// second pass without an operator.
//
// The verdict of a case is the package's, not godog's: every failed check
// is a Befund, and a question only a person can answer leaves the case
// "manuell zu prüfen" rather than passed.
package abnahme

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/cucumber/godog"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/features"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// Modus is what a run does.
type Modus int

const (
	// Interaktiv prepares a sandbox, then a Bediener performs the cases
	// one by one, and each is judged as its requests arrive.
	Interaktiv Modus = iota
	// Vorbereiten prepares a sandbox and stops, for a product's own test
	// suite to perform the cases; the run's Aufgaben say what to send.
	Vorbereiten
	// Auswerten judges a prepared sandbox's journal after the product ran.
	Auswerten
)

// Config says what to judge where.
type Config struct {
	Modus Modus
	// Endpoint is the SOAP address the product is to use, and the tool's
	// own preparation; Admin the base URL of mockinge's admin API.
	Endpoint, Admin string
	// Sandbox names the sandbox of the acceptance: made by Interaktiv and
	// Vorbereiten (default abnahme-<random>), judged by Auswerten.
	Sandbox string
	// Bediener performs the tasks in Interaktiv.
	Bediener Bediener
	// Produkt and ProduktVersion name the software under test in the
	// protocol.
	Produkt, ProduktVersion string
	// PasswortArt is the password type the product is set up to send;
	// 0 takes both.
	PasswortArt wsse.PasswordMode
	// Tags selects test cases, e.g. "@AnmeldungErstverfahren".
	Tags string
	// Features holds the Testfallheft; nil means the embedded one.
	Features fs.FS
	// Report is a directory for junit.xml, cucumber.json and
	// protokoll.html; empty writes none.
	Report string
	// Warten is how long a task's requests are awaited (default 10m);
	// Nachlauf how long later requests still count to a task that
	// arrived (default 2s); Abfrage how often the journal is read
	// (default 250ms).
	Warten, Nachlauf, Abfrage time.Duration
	// Transport sends the tool's own requests (nil: the default).
	Transport http.RoundTripper
	// Log receives the run's progress lines (nil: discarded).
	Log io.Writer
	// Profil, if not nil, is the contract profile the product speaks: the
	// acceptance's sandbox is made with it (the mock must have loaded it),
	// the tool's own preparation speaks it too, and the product's requests
	// are judged in their canonical form, as the journal keeps it beside
	// the one the product sent.
	Profil *profil.Profil
}

// Urteil is the verdict of a test case.
type Urteil string

const (
	// Bestanden: every check passed and every question was answered yes.
	Bestanden Urteil = "bestanden"
	// NichtBestanden: a check failed (a Befund says which).
	NichtBestanden Urteil = "nicht bestanden"
	// Manuell: every check passed, a question only a person can answer
	// stayed open.
	Manuell Urteil = "manuell zu prüfen"
	// Uebersprungen: the operator skipped a task.
	Uebersprungen Urteil = "übersprungen"
	// NichtVorbereitet is a case the evaluated sandbox was not prepared
	// for (certrunner -abnahme -vorbereiten with other -tags): not judged.
	NichtVorbereitet Urteil = "nicht vorbereitet"
)

// Ergebnis is the outcome of a run.
type Ergebnis struct {
	Zugang Zugang
	Faelle []*FallErgebnis
	// Aufgaben are every case's tasks, as a product's test suite performs
	// them (also of Vorbereiten).
	Aufgaben []Aufgabe
	// OhneFall are product requests that name no case's data.
	OhneFall []int64
	Reports  []string
	Beginn   time.Time
	Ende     time.Time
}

// Zaehle counts the cases with the verdict.
func (e Ergebnis) Zaehle(u Urteil) int {
	n := 0
	for _, f := range e.Faelle {
		if f.Urteil == u {
			n++
		}
	}
	return n
}

// lauf is what one run's scenarios share; they run one after another.
type lauf struct {
	cfg        Config
	paket      *testdaten.Paket
	heft       *heft
	admin      *mockadmin.Client
	abnahmetag time.Time
	zugang     Zugang
	// vorbereitung are the tool's own users by Traegernummer; produkt
	// the product's user names.
	vorbereitung map[string]mockadmin.Benutzer
	produkt      []string
	regeln       regeln
	zuo          *zuordnung
	seit         time.Time // since when the sandbox is the acceptance's
	gezielt      []mockadmin.GezielterAusfall
	ergebnis     Ergebnis
	fehler       []string // errors of the Testfallheft or the tool, not findings
}

// Run performs a run as cfg says.
func Run(ctx context.Context, cfg Config) (Ergebnis, error) {
	l, err := newLauf(cfg)
	if err != nil {
		return Ergebnis{}, err
	}
	l.ergebnis.Beginn = time.Now()
	switch cfg.Modus {
	case Interaktiv, Vorbereiten:
		if err := l.anlegen(ctx); err != nil {
			return Ergebnis{}, err
		}
		if err := l.durchlauf(ctx, passVorbereitung); err != nil {
			return Ergebnis{}, err
		}
		if err := l.uhrUndAusfaelle(ctx); err != nil {
			return Ergebnis{}, err
		}
		if cfg.Modus == Interaktiv {
			if err := cfg.Bediener.Bereit(ctx, l.zugang); err != nil {
				return Ergebnis{}, err
			}
		}
	case Auswerten:
		if err := l.oeffnen(ctx); err != nil {
			return Ergebnis{}, err
		}
	}
	pass := passPruefung
	if cfg.Modus == Vorbereiten {
		pass = passAufgaben
	}
	if err := l.durchlauf(ctx, pass); err != nil {
		return Ergebnis{}, err
	}
	for _, e := range l.zuo.ohneFall() {
		l.ergebnis.OhneFall = append(l.ergebnis.OhneFall, e.ID)
	}
	l.ergebnis.Ende = time.Now()
	l.ergebnis.Zugang = l.zugang
	if cfg.Report != "" && pass == passPruefung {
		files, err := schreibeBerichte(cfg.Report, l)
		if err != nil {
			return l.ergebnis, err
		}
		l.ergebnis.Reports = files
	}
	return l.ergebnis, nil
}

func newLauf(cfg Config) (*lauf, error) {
	if cfg.Endpoint == "" || cfg.Admin == "" {
		return nil, errors.New("abnahme: der SOAP-Endpunkt und die Admin-API von mockinge sind nötig")
	}
	if cfg.Modus == Interaktiv && cfg.Bediener == nil {
		return nil, errors.New("abnahme: interaktiv braucht einen Bediener")
	}
	if cfg.Modus == Auswerten && cfg.Sandbox == "" {
		return nil, errors.New("abnahme: die Auswertung braucht die Sandbox der Abnahme (-sandbox)")
	}
	cfg.Warten = cmpDuration(cfg.Warten, 10*time.Minute)
	cfg.Nachlauf = cmpDuration(cfg.Nachlauf, 2*time.Second)
	cfg.Abfrage = cmpDuration(cfg.Abfrage, 250*time.Millisecond)
	if cfg.Features == nil {
		sub, err := fs.Sub(features.Abnahme, "abnahme")
		if err != nil {
			return nil, err
		}
		cfg.Features = sub
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		return nil, fmt.Errorf("abnahme: %w", err)
	}
	h, err := leseHeft(cfg.Features, cfg.Tags, paket)
	if err != nil {
		return nil, err
	}
	tag, err := time.ParseInLocation("02.01.2006", h.abnahmetag, berlin)
	if err != nil {
		return nil, fmt.Errorf("abnahme: Abnahmetag %q: %w", h.abnahmetag, err)
	}
	l := &lauf{cfg: cfg, paket: paket, heft: h, admin: mockadmin.New(cfg.Admin, cfg.Transport),
		abnahmetag: tag, vorbereitung: map[string]mockadmin.Benutzer{}, regeln: regeln{passwortArt: cfg.PasswortArt}}
	keys, err := h.schluessel(paket)
	if err != nil {
		return nil, err
	}
	l.zuo = newZuordnung(keys, l.istVorbereitung)
	return l, nil
}

func cmpDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// berlin is the zone of BAMF's days.
var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// vorbereitungSuffix ends the names of the tool's own users.
const vorbereitungSuffix = ".vorbereitung-"

func (l *lauf) istVorbereitung(benutzer string) bool {
	return strings.Contains(benutzer, vorbereitungSuffix)
}

// anlegen makes the sandbox of the acceptance with a user for the product
// (of the first Traeger of the package, the one the Testfallheft's cases
// are of) and one of the tool's own for every Traeger.
func (l *lauf) anlegen(ctx context.Context) error {
	name := l.cfg.Sandbox
	if name == "" {
		id, err := zufall(4)
		if err != nil {
			return err
		}
		name = "abnahme-" + hex.EncodeToString(id)
	}
	var users []mockadmin.Benutzer
	produktTraeger := l.paket.Traeger[0].Traegernummer
	pw, err := passwort()
	if err != nil {
		return err
	}
	produkt := mockadmin.Benutzer{Name: name + ".produkt", Passwort: pw, Traegernummer: produktTraeger}
	users = append(users, produkt)
	for _, t := range l.paket.Traeger {
		pw, err := passwort()
		if err != nil {
			return err
		}
		u := mockadmin.Benutzer{Name: name + vorbereitungSuffix + t.Traegernummer, Passwort: pw, Traegernummer: t.Traegernummer}
		l.vorbereitung[t.Traegernummer] = u
		users = append(users, u)
	}
	l.seit = time.Now()
	if err := l.admin.CreateProfiledSandbox(ctx, name, l.profilName(), users); err != nil {
		return fmt.Errorf("abnahme: Sandbox %s anlegen: %w", name, err)
	}
	l.produkt = []string{produkt.Name}
	l.zugang = Zugang{
		Sandbox: name, Endpoint: l.cfg.Endpoint, WSDL: l.wsdl(), Profil: l.profilName(),
		Benutzer:   []ZugangNutzer{{Traegernummer: produkt.Traegernummer, Name: produkt.Name, Passwort: produkt.Passwort}},
		Abnahmetag: l.heft.abnahmetag,
	}
	fmt.Fprintf(l.cfg.Log, "abnahme: Sandbox %s angelegt\n", name)
	return nil
}

// oeffnen finds the users of a prepared sandbox: the tool's own by their
// names, every other one the product's.
func (l *lauf) oeffnen(ctx context.Context) error {
	sb, err := l.admin.Sandbox(ctx, l.cfg.Sandbox)
	if err != nil {
		return fmt.Errorf("abnahme: Sandbox %s: %w", l.cfg.Sandbox, err)
	}
	l.seit = sb.Erstellt
	for _, u := range sb.Benutzer {
		if l.istVorbereitung(u.Name) {
			l.vorbereitung[u.Traegernummer] = u
		} else {
			l.produkt = append(l.produkt, u.Name)
			l.zugang.Benutzer = append(l.zugang.Benutzer, ZugangNutzer{Traegernummer: u.Traegernummer, Name: u.Name})
		}
	}
	if len(l.vorbereitung) == 0 {
		return fmt.Errorf("abnahme: die Sandbox %s ist nicht für eine Abnahme vorbereitet (kein Benutzer *%s*; certrunner -abnahme -vorbereiten)", l.cfg.Sandbox, vorbereitungSuffix)
	}
	if want := l.profilName(); sb.Profil != want && want != "" {
		return fmt.Errorf("abnahme: die Sandbox %s spricht %q, nicht das Profil %s", sb.Name, sb.Profil, want)
	}
	l.zugang.Sandbox, l.zugang.Endpoint, l.zugang.WSDL, l.zugang.Abnahmetag = sb.Name, l.cfg.Endpoint, l.wsdl(), l.heft.abnahmetag
	l.zugang.Profil = sb.Profil
	return nil
}

// profilName is the name of the profile the product speaks, "" for ours.
func (l *lauf) profilName() string {
	if l.cfg.Profil == nil {
		return ""
	}
	return l.cfg.Profil.Name
}

// wsdl is the address of the WSDL the product loads: ours, or its
// profile's.
func (l *lauf) wsdl() string {
	if p := l.cfg.Profil; p != nil {
		return l.cfg.Endpoint + "/profile/" + p.Name + "?wsdl"
	}
	return l.cfg.Endpoint + "?wsdl"
}

// uhrUndAusfaelle stops the clock at the Abnahmetag, 09:00 in Germany,
// and sets the outages the cases prepared for a first attempt.
func (l *lauf) uhrUndAusfaelle(ctx context.Context) error {
	if err := l.admin.FreezeClock(ctx, l.zugang.Sandbox, l.abnahmetag.Add(9*time.Hour)); err != nil {
		return fmt.Errorf("abnahme: Uhr auf den Abnahmetag stellen: %w", err)
	}
	if err := l.admin.SetStoerungen(ctx, l.zugang.Sandbox, mockadmin.Stoerungen{AusfallFuer: l.gezielt}); err != nil {
		return fmt.Errorf("abnahme: Ausfälle der Testfälle setzen: %w", err)
	}
	return nil
}

// vorbereitungsClient sends the tool's own requests as the Traeger.
func (l *lauf) vorbereitungsClient(traegernummer string) (*inge.Client, error) {
	u, ok := l.vorbereitung[traegernummer]
	if !ok || u.Passwort == "" {
		return nil, fmt.Errorf("kein Benutzer der Vorbereitung für den Träger %s", traegernummer)
	}
	var hc *http.Client
	if l.cfg.Transport != nil {
		hc = &http.Client{Transport: l.cfg.Transport, Timeout: 60 * time.Second}
	}
	c := &inge.Client{Endpoint: l.cfg.Endpoint, HTTPClient: hc, Credentials: &inge.Credentials{Username: u.Name, Password: u.Passwort, Mode: wsse.PasswordDigest}}
	if l.cfg.Profil != nil {
		c.Dialect = l.cfg.Profil
	}
	return c, nil
}

// lies brings the attribution up to date with the sandbox's journal, and
// with the requests of the product that the mock refused before it knew
// their sandbox (journal of the standard sandbox, since the run began).
func (l *lauf) lies(ctx context.Context) error {
	es, err := l.admin.Journal(ctx, l.zugang.Sandbox, mockadmin.JournalFilter{Nach: l.zuo.letzteID})
	if err != nil {
		return fmt.Errorf("abnahme: Journal der Sandbox %s: %w", l.zugang.Sandbox, err)
	}
	l.zuo.add(es)
	if l.zugang.Sandbox == standardSandbox {
		return nil
	}
	refused, err := l.admin.Journal(ctx, standardSandbox, mockadmin.JournalFilter{Nach: l.zuo.letzteAbgewiesen, Von: l.seit})
	if err != nil {
		return fmt.Errorf("abnahme: Journal der Sandbox %s: %w", standardSandbox, err)
	}
	l.zuo.addAbgewiesen(refused, l.produkt)
	return nil
}

// standardSandbox keeps what the mock refused before it knew a sandbox.
const standardSandbox = "standard"

// durchlauf runs one pass over the Testfallheft.
func (l *lauf) durchlauf(ctx context.Context, p pass) error {
	suite := godog.TestSuite{
		Name: "Abnahme",
		ScenarioInitializer: func(sc *godog.ScenarioContext) {
			w := &welt{l: l, pass: p}
			w.register(sc)
		},
		Options: &godog.Options{
			Format: "progress", Output: io.Discard, NoColors: true,
			FS: l.cfg.Features, Paths: []string{"."}, Tags: l.cfg.Tags,
			Strict: true, Concurrency: 1, DefaultContext: ctx,
		},
	}
	status := suite.Run()
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(l.fehler) > 0 {
		return fmt.Errorf("abnahme: %s", strings.Join(l.fehler, "\n  "))
	}
	if status != 0 {
		return errors.New("abnahme: godog hat das Testfallheft nicht ausführen können (ein undefinierter Schritt?)")
	}
	return nil
}

// fehlerIn records an error of the Testfallheft or the tool: it ends the
// run, since a verdict would say nothing.
func (l *lauf) fehlerIn(fall string, err error) {
	for _, f := range l.fehler {
		if strings.HasSuffix(f, err.Error()) {
			return // the step's error is the scenario's too
		}
	}
	l.fehler = append(l.fehler, fall+": "+err.Error())
}

func zufall(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("abnahme: Zufallszahlen: %w", err)
	}
	return b, nil
}

func passwort() (string, error) {
	b, err := zufall(18)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// fallDes finds the case a scenario is, by its ID tag.
func (l *lauf) fallDes(sc *godog.Scenario) (FallInfo, bool) {
	for _, t := range sc.Tags {
		if m := fallTag.FindStringSubmatch(t.Name); m != nil {
			i := slices.IndexFunc(l.heft.faelle, func(f FallInfo) bool { return f.ID == m[1] })
			if i >= 0 {
				return l.heft.faelle[i], true
			}
		}
	}
	return FallInfo{}, false
}
