// Package certrun runs the test concept: the acceptance procedure written as
// German Gherkin in features/, executed by godog through inge.Client against
// an InGe endpoint (usually mockinge).
//
// Against a mockinge with its admin API every scenario gets a sandbox of its
// own (sandbox.go), so scenarios run in parallel and a run never sees the
// data of another. A run can leave reports: JUnit XML, Cucumber JSON and an
// HTML acceptance protocol with every SOAP exchange (report.go).
package certrun

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cucumber/godog"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/features"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// Account is a DeBeV user of a Kurstraeger.
type Account struct {
	Benutzer      string
	Passwort      string
	Traegernummer string
}

// Config says where and how to run the test concept.
type Config struct {
	// Endpoint is the SOAP address, e.g. http://127.0.0.1:8080/inge.
	Endpoint string
	// Admin is the base URL of mockinge's admin API, e.g.
	// http://127.0.0.1:8081. With it, and without Ich, Anderer or Sandbox,
	// every scenario runs in a sandbox of its own, made for it and removed
	// afterwards. Without it the scenarios that set the clock ("heute ist
	// der ...") fail with a clear error.
	Admin string
	// Ich is the account of the provider under test ("ich" in the steps).
	// Its zero value takes the first user of the first Traeger in the
	// Testdatenpaket, or the user made for the scenario's sandbox.
	Ich Account
	// Anderer is the account of another Kurstraeger, for the scenarios
	// that prove one Traeger never sees another's data. Its zero value
	// takes the first user of the second Traeger in the Testdatenpaket, or
	// the user made for the scenario's sandbox.
	Anderer Account
	// Sandbox names an existing sandbox of the mock that every scenario
	// shares, one after another (its clock is set through the admin API).
	// Empty means a sandbox per scenario when that is possible (see Admin),
	// else "standard".
	Sandbox string
	// Concurrency is how many scenarios run at once, each in its own
	// sandbox; 0 means runtime.NumCPU(), or 1 with the pretty format.
	// Scenarios that share a sandbox always run one after another.
	Concurrency int
	// HTTPClient sends the SOAP requests, and its Transport the admin
	// requests; nil means the inge.Client default.
	HTTPClient *http.Client
	// Output receives godog's report (default io.Discard).
	Output io.Writer
	// Format is a godog formatter: pretty, progress, cucumber, junit,
	// events. Empty means pretty for a serial run and progress for a
	// parallel one; pretty cannot show scenarios that run at once.
	Format string
	// Tags selects scenarios, e.g. "@Kursauskunft && ~@langsam".
	Tags string
	// Reset brings the shared Sandbox back to the Testdatenpaket before
	// the run (through the admin API), so that a run finds what the last
	// one found: in a shared sandbox the data of earlier runs stay.
	Reset bool
	// NoColors turns off ANSI colours in the pretty output.
	NoColors bool
	// Report is a directory for junit.xml, cucumber.json and
	// protokoll.html; empty writes none. It is created if missing.
	Report string
	// Features holds the *.feature files; nil means the embedded test
	// concept (features.FS).
	Features fs.FS
	// TestingT runs every scenario as a subtest of a Go test.
	TestingT *testing.T
	// Profil, if not nil, is the contract profile the scenarios speak
	// instead of our contract: the client writes and reads the profile's
	// names, and every scenario's sandbox is made with it, so the mock
	// must have loaded the same profile (mockinge -profil; certrun checks
	// its digest). A shared sandbox must speak it.
	Profil *profil.Profil
}

// Result is the outcome of a run.
type Result struct {
	Passed, Failed int
	FailedNames    []string // "file.feature: Szenario" of every failed scenario, sorted
	// Concurrency is how many scenarios ran at once; Sandboxes tells
	// whether each ran in a sandbox of its own.
	Concurrency int
	Sandboxes   bool
	// Reports are the files written to Config.Report.
	Reports []string
}

// OK reports whether at least one scenario ran and none failed.
func (r Result) OK() bool { return r.Failed == 0 && r.Passed > 0 }

// runner holds what all scenarios of one run share. Scenarios only read it,
// except for the result and the protocol, which are guarded by mu.
type runner struct {
	cfg       Config
	paket     *testdaten.Paket
	admin     *mockadmin.Client
	sandboxes *sandboxes // nil when the scenarios share cfg.Sandbox
	patterns  stepPatterns

	mu      sync.Mutex
	result  Result
	records []*scenarioRecord // kept only when a report is written
}

// Run executes the features against cfg.Endpoint. Canceling ctx fails the
// scenarios still running; their sandboxes are removed all the same.
func Run(ctx context.Context, cfg Config) (Result, error) {
	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		return Result{}, fmt.Errorf("certrun: %w", err)
	}
	if err := checkPaket(paket); err != nil {
		return Result{}, err
	}
	r := &runner{paket: paket}
	if err := r.configure(cfg); err != nil {
		return Result{}, err
	}
	cfg = r.cfg
	if err := checkEndpoint(ctx, cfg.HTTPClient, cfg.Endpoint); err != nil {
		return Result{}, err
	}
	if err := r.checkProfil(ctx); err != nil {
		return Result{}, err
	}
	if r.sandboxes != nil {
		if err := r.sandboxes.check(ctx); err != nil {
			return Result{}, err
		}
	} else if cfg.Admin != "" {
		if err := r.checkSharedSandbox(ctx); err != nil {
			return Result{}, err
		}
	}
	var rep *report
	if cfg.Report != "" {
		if rep, err = newReport(cfg.Report); err != nil {
			return Result{}, err
		}
	}
	format := cfg.Format
	if rep != nil {
		format += "," + rep.formats()
	}
	started := time.Now()
	suite := godog.TestSuite{
		Name:                "InGe-Abnahme",
		ScenarioInitializer: r.initScenario,
		Options: &godog.Options{
			Format:         format,
			Output:         cfg.Output,
			FS:             cfg.Features,
			Paths:          []string{"."},
			Tags:           cfg.Tags,
			Strict:         true,
			NoColors:       cfg.NoColors,
			Concurrency:    cfg.Concurrency,
			DefaultContext: ctx,
			TestingT:       cfg.TestingT,
		},
	}
	status := suite.Run()
	finished := time.Now()

	r.mu.Lock()
	defer r.mu.Unlock()
	res := r.result
	sort.Strings(res.FailedNames)
	res.Concurrency, res.Sandboxes = cfg.Concurrency, r.sandboxes != nil
	if status != 0 && res.Failed == 0 {
		// godog failed outside a scenario: undefined steps, a parse error.
		return res, fmt.Errorf("certrun: godog endete mit Status %d, ohne dass ein Szenario fehlschlug (undefinierte oder ausstehende Schritte?)", status)
	}
	if rep != nil {
		run := runInfo{cfg: cfg, runID: r.runID(), started: started, finished: finished, result: res}
		if err := rep.write(run, r.records); err != nil {
			return res, err
		}
		res.Reports = rep.files()
	}
	return res, nil
}

// Resolve returns c with its defaults filled in as Run fills them, or an
// error if its settings do not go together. Run calls it; certrunner calls
// it first, to say how the scenarios will run.
func (c Config) Resolve() (Config, error) {
	if c.Output == nil {
		c.Output = io.Discard
	}
	if c.Features == nil {
		c.Features = features.FS
	}
	for _, a := range []struct {
		name string
		acc  Account
	}{{"ich (-user, -password, -traeger)", c.Ich}, {"anderer", c.Anderer}} {
		if a.acc != (Account{}) && (a.acc.Benutzer == "" || a.acc.Passwort == "" || a.acc.Traegernummer == "") {
			return c, fmt.Errorf("certrun: Konto %s: Benutzer, Passwort und Trägernummer gehören zusammen", a.name)
		}
	}
	if err := checkTags(c.Tags); err != nil {
		return c, err
	}
	if err := checkSelection(c); err != nil {
		return c, err
	}
	own := c.SandboxPerScenario()
	switch {
	case c.Sandbox != "" && c.Sandbox != "standard" && c.Ich == (Account{}):
		return c, fmt.Errorf("certrun: -sandbox %s braucht -user, -password und -traeger eines Benutzers dieser Sandbox: die Benutzer des Testdatenpakets gehören zur Sandbox standard", c.Sandbox)
	case c.Reset && own:
		return c, errors.New("certrun: -reset setzt eine gemeinsame Sandbox zurück (-sandbox oder -user); jedes Szenario in einer eigenen Sandbox braucht es nicht")
	case c.Reset && c.Admin == "":
		return c, errors.New("certrun: -reset braucht die Admin-API von mockinge (-admin)")
	}
	switch {
	case c.Concurrency < 0:
		return c, fmt.Errorf("certrun: %d Szenarien gleichzeitig (-concurrency): erwartet 0 (eines je CPU) oder mehr", c.Concurrency)
	case !own:
		c.Concurrency = 1 // a shared sandbox would mix the scenarios' data
	case c.Concurrency == 0 && hasFormat(c.Format, "pretty"):
		c.Concurrency = 1
	case c.Concurrency == 0:
		c.Concurrency = runtime.NumCPU()
	}
	if c.Format == "" {
		c.Format = "pretty"
		if c.Concurrency > 1 {
			c.Format = "progress"
		}
	}
	if err := checkFormat(c.Format); err != nil {
		return c, err
	}
	if c.Concurrency > 1 && hasFormat(c.Format, "pretty") {
		// godog buffers each scenario's output and prints it when the
		// scenario ends, but prints a feature's heading when its first
		// scenario starts: headings and scenarios would not match.
		return c, fmt.Errorf("certrun: das Format pretty zeigt die Szenarien nur nacheinander, nicht %d zugleich: -concurrency 1 oder -format progress", c.Concurrency)
	}
	if !own && c.Sandbox == "" {
		c.Sandbox = "standard"
	}
	return c, nil
}

// SandboxPerScenario reports whether every scenario runs in a sandbox of its
// own: with an admin API, and with neither accounts nor a sandbox given.
func (c Config) SandboxPerScenario() bool {
	return c.Admin != "" && c.Sandbox == "" && c.Ich == (Account{}) && c.Anderer == (Account{})
}

// configure resolves cfg and prepares what the scenarios share: the admin
// client, the sandboxes, if each scenario gets its own, and the accounts.
func (r *runner) configure(cfg Config) error {
	cfg, err := cfg.Resolve()
	if err != nil {
		return err
	}
	r.admin = mockadmin.New(cfg.Admin, transportOf(cfg.HTTPClient))
	if cfg.SandboxPerScenario() {
		sb, err := newSandboxes(r.admin, r.paket, cfg.profilName())
		if err != nil {
			return err
		}
		r.sandboxes = sb
	}
	defaultAccounts(&cfg, r.paket)
	r.cfg = cfg
	return nil
}

// profilName is the name of the profile the scenarios speak, "" for ours.
func (c Config) profilName() string {
	if c.Profil == nil {
		return ""
	}
	return c.Profil.Name
}

// hasFormat reports whether a godog format list ("progress,junit:x.xml")
// names the formatter.
func hasFormat(list, name string) bool {
	for _, f := range strings.Split(list, ",") {
		if n, _, _ := strings.Cut(f, ":"); n == name {
			return true
		}
	}
	return false
}

// transportOf returns the transport of c, nil for the default.
func transportOf(c *http.Client) http.RoundTripper {
	if c == nil {
		return nil
	}
	return c.Transport
}

// runID names the run in the protocol: the prefix of its sandboxes.
func (r *runner) runID() string {
	if r.sandboxes == nil {
		return ""
	}
	return r.sandboxes.prefix
}

// checkPaket makes sure the Testdatenpaket has the two Traeger the scenarios
// act as.
func checkPaket(paket *testdaten.Paket) error {
	if len(paket.Traeger) < 2 || len(paket.Traeger[0].Benutzer) == 0 || len(paket.Traeger[1].Benutzer) == 0 {
		return errors.New("certrun: das Testdatenpaket braucht zwei Träger mit je einem Benutzer")
	}
	return nil
}

// defaultAccounts fills unset accounts from the Testdatenpaket; with a
// sandbox per scenario they are replaced by the sandbox's users.
func defaultAccounts(cfg *Config, paket *testdaten.Paket) {
	from := func(i int) Account {
		t := paket.Traeger[i]
		return Account{Benutzer: t.Benutzer[0].Name, Passwort: t.Benutzer[0].Passwort, Traegernummer: t.Traegernummer}
	}
	if cfg.Ich == (Account{}) {
		cfg.Ich = from(0)
	}
	if cfg.Anderer == (Account{}) {
		cfg.Anderer = from(1)
	}
}

func (r *runner) record(name string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.result.Failed++
		r.result.FailedNames = append(r.result.FailedNames, name)
		return
	}
	r.result.Passed++
}

// addRecord keeps a scenario's record for the protocol.
func (r *runner) addRecord(rec *scenarioRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records = append(r.records, rec)
}

// reporting reports whether the run keeps records for a protocol. It does
// not change during a run.
func (r *runner) reporting() bool { return r.cfg.Report != "" }
