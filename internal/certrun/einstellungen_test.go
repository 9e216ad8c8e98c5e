package certrun_test

import (
	"os"
	"path/filepath"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// einstellungenDir holds the scenarios that need mockinge started with a
// setting other than its default, one directory per setting.
const einstellungenDir = "../../features/einstellungen"

// einstellung is how mockinge is started for the scenarios of one
// directory of einstellungenDir, as its flag would start it.
type einstellung struct {
	config func(*mockserver.Config)
	store  []mockstate.Option
}

// einstellungen maps each directory of einstellungenDir to its setting.
func einstellungen() map[string]einstellung {
	aktualisieren := mockstate.DefaultRegeln()
	aktualisieren.Zweitanmeldung = mockstate.ZweitanmeldungAktualisieren
	return map[string]einstellung{
		"zweitanmeldung-aktualisieren": {store: []mockstate.Option{mockstate.WithRegeln(aktualisieren)}},
		"max-concurrent-1":             {config: func(c *mockserver.Config) { c.MaxConcurrent = 1 }},
	}
}

// TestFeaturesEinstellungen runs the scenarios of each directory of
// features/einstellungen against a mock started with that directory's
// setting. A directory without a setting here fails, so that no scenario
// is left unrun.
func TestFeaturesEinstellungen(t *testing.T) {
	dirs, err := os.ReadDir(einstellungenDir)
	if err != nil {
		t.Fatal(err)
	}
	known := einstellungen()
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		e, ok := known[d.Name()]
		if !ok {
			t.Errorf("features/einstellungen/%s has no setting in einstellungen()", d.Name())
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			cfg := mockserver.Config{AdminAddr: "127.0.0.1:0"}
			if e.config != nil {
				e.config(&cfg)
			}
			mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "mockinge.db"), harness.Testdatenpaket(), cfg, e.store...)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if err := mock.Close(); err != nil {
					t.Errorf("close mock: %v", err)
				}
			})
			res, err := certrun.Run(t.Context(), certrun.Config{
				Endpoint: mock.Endpoint(), Admin: mock.AdminURL, TestingT: t, Format: "progress",
				Features: os.DirFS(filepath.Join(einstellungenDir, d.Name())),
			})
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK() {
				t.Errorf("Result = %d passed, %d failed %v; want all passed", res.Passed, res.Failed, res.FailedNames)
			}
		})
	}
	for name := range known {
		if _, err := os.Stat(filepath.Join(einstellungenDir, name)); err != nil {
			t.Errorf("setting %s has no scenarios: %v", name, err)
		}
	}
}
