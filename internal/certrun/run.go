// Package certrun runs the test concept: the acceptance procedure written as
// German Gherkin in features/, executed by godog through inge.Client against
// an InGe endpoint (usually mockinge).
package certrun

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"testing"

	"github.com/cucumber/godog"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/features"
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
	// http://127.0.0.1:8081. The scenarios that set the clock ("heute ist
	// der ...") need it; empty makes them fail with a clear error.
	Admin string
	// Ich is the account of the provider under test ("ich" in the steps).
	// Its zero value takes the first user of the first Traeger in the
	// Testdatenpaket.
	Ich Account
	// Anderer is the account of another Kurstraeger, for the scenarios
	// that prove one Traeger never sees another's data. Its zero value
	// takes the first user of the second Traeger in the Testdatenpaket.
	Anderer Account
	// Sandbox is the mock's sandbox the scenarios work in (its clock is set
	// through the admin API); empty means "standard".
	Sandbox string
	// HTTPClient sends the requests; nil means the inge.Client default.
	HTTPClient *http.Client
	// Output receives godog's report (default io.Discard).
	Output io.Writer
	// Format is a godog formatter: pretty (default), progress, cucumber,
	// junit, events.
	Format string
	// Tags selects scenarios, e.g. "@Kursauskunft && ~@langsam".
	Tags string
	// NoColors turns off ANSI colours in the pretty output.
	NoColors bool
	// TestingT runs every scenario as a subtest of a Go test.
	TestingT *testing.T
}

// Result is the outcome of a run.
type Result struct {
	Passed, Failed int
	FailedNames    []string // "Feature: Szenario" of every failed scenario, sorted
}

// OK reports whether at least one scenario ran and none failed.
func (r Result) OK() bool { return r.Failed == 0 && r.Passed > 0 }

// runner holds what all scenarios of one run share. Scenarios only read it,
// except for the result, which is guarded by mu.
type runner struct {
	cfg   Config
	paket *testdaten.Paket
	admin *adminClient

	mu     sync.Mutex
	result Result
}

// Run executes the embedded features against cfg.Endpoint.
func Run(cfg Config) (Result, error) {
	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		return Result{}, fmt.Errorf("certrun: %w", err)
	}
	if err := defaultAccounts(&cfg, paket); err != nil {
		return Result{}, err
	}
	if cfg.Sandbox == "" {
		cfg.Sandbox = "standard"
	}
	if cfg.Output == nil {
		cfg.Output = io.Discard
	}
	if cfg.Format == "" {
		cfg.Format = "pretty"
	}
	r := &runner{cfg: cfg, paket: paket, admin: newAdminClient(cfg.Admin)}
	suite := godog.TestSuite{
		Name:                "InGe-Abnahme",
		ScenarioInitializer: r.initScenario,
		Options: &godog.Options{
			Format:   cfg.Format,
			Output:   cfg.Output,
			FS:       features.FS,
			Paths:    []string{"."},
			Tags:     cfg.Tags,
			Strict:   true,
			NoColors: cfg.NoColors,
			TestingT: cfg.TestingT,
		},
	}
	status := suite.Run()
	r.mu.Lock()
	defer r.mu.Unlock()
	res := r.result
	sort.Strings(res.FailedNames)
	if status != 0 && res.Failed == 0 {
		// godog failed outside a scenario: undefined steps, a parse error.
		return res, fmt.Errorf("certrun: godog exited with status %d without a failed scenario (undefined or pending steps?)", status)
	}
	return res, nil
}

// defaultAccounts fills unset accounts from the Testdatenpaket.
func defaultAccounts(cfg *Config, paket *testdaten.Paket) error {
	if len(paket.Traeger) < 2 || len(paket.Traeger[0].Benutzer) == 0 || len(paket.Traeger[1].Benutzer) == 0 {
		return fmt.Errorf("certrun: the Testdatenpaket needs two Traeger with a user each")
	}
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
	return nil
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
