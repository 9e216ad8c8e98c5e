package ingetest_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// The accounts are users of the embedded Testdatenpaket, as a store holds
// them.
func TestAccounts(t *testing.T) {
	s := ingetest.MustStore(t)
	for _, a := range []ingetest.Account{ingetest.KT1(), ingetest.KT2()} {
		t.Run(a.Benutzer, func(t *testing.T) {
			z := ingetest.View(t, s, func(tx *mockstate.Tx) (mockstate.Zugang, error) { return tx.Zugang(t.Context(), a.Benutzer) })
			if z.Traegernummer != a.Traegernummer {
				t.Errorf("Traegernummer = %s; want %s", z.Traegernummer, a.Traegernummer)
			}
			if z.Passwort != a.Passwort {
				t.Errorf("Passwort = %q; want %q", z.Passwort, a.Passwort)
			}
			if got := a.Anfrage().Mandant.Traegernummer; got != a.Traegernummer {
				t.Errorf("Anfrage: Mandant = %s; want %s", got, a.Traegernummer)
			}
		})
	}
}

// The plan is stored as it is, for the Traeger of each case it is built
// from.
func TestPlan(t *testing.T) {
	jetzt := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		fall    string
		account ingetest.Account
	}{
		{"KP-1", ingetest.KT1()},
		{"KP-2", ingetest.KT2()},
	} {
		t.Run(tc.fall, func(t *testing.T) {
			s := ingetest.MustStore(t, mockstate.WithTimeSource(ingetest.NewTimeSource(jetzt).Now))
			req := &inge.KursplanungErfassenAnfrage{Anfrage: tc.account.Anfrage(), Kursplanung: ingetest.Plan(t, tc.fall, "2027-05-03")}
			resp := ingetest.Apply(t, s, tc.account.Caller(), req)
			if got := resp.Base().Status; got != inge.StatusVerarbeitet {
				t.Errorf("KursplanungErfassen: Status = %s, Meldungen %+v; want %s", got, resp.Base().List(), inge.StatusVerarbeitet)
			}
		})
	}

	t.Run("KP-1/Content", func(t *testing.T) {
		p := ingetest.Plan(t, "KP-1", "2027-05-03")
		if p.Kursort != "KO-10000001-01" || p.Kursende != "2027-12-17" || len(p.Teilnehmer) != 3 ||
			p.Lehrkraft[0].Lehrkraftkennung != "LK-2019-00417" || p.Abschnitt[1].Kursort != "KO-10000001-02" {
			t.Errorf("Plan(KP-1) = %+v; want the plan its doc describes", p)
		}
	})
	t.Run("NewOnEachCall", func(t *testing.T) {
		a := ingetest.Plan(t, "KP-1", "2027-05-03")
		*a.TnrKursMax, a.Teilnehmer[0].Ident.Geburtsdatum = 1, "2000-01-01"
		if b := ingetest.Plan(t, "KP-1", "2027-05-03"); *b.TnrKursMax != 25 || b.Teilnehmer[0].Ident.Geburtsdatum == "2000-01-01" {
			t.Errorf("a changed plan changed the next one: %+v", b)
		}
	})
}

func TestMinimalPaket(t *testing.T) {
	if _, err := testdaten.Read(ingetest.MinimalPaket()); err != nil {
		t.Fatalf("Read(MinimalPaket()): %v", err)
	}
	s := ingetest.MustOpen(t, "")
	if err := s.LoadTestdatenpaket(t.Context(), ingetest.MinimalPaket()); err != nil {
		t.Fatalf("LoadTestdatenpaket(MinimalPaket()): %v", err)
	}
}

func TestTimeSource(t *testing.T) {
	t0 := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	ts := ingetest.NewTimeSource(t0)
	ts.Add(time.Hour)
	if got := ts.Now(); !got.Equal(t0.Add(time.Hour)) {
		t.Errorf("Now = %v; want %v", got, t0.Add(time.Hour))
	}
}

// Fixtures are for tests: a binary that imported ingetest would carry the
// test accounts and depend on package testing.
func TestOnlyTestsImportIngetest(t *testing.T) {
	const self = "github.com/inge-harness/inge-harness/internal/ingetest"
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root %s: %v", root, err)
	}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == self {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s imports %s; only tests may", rel, self)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
