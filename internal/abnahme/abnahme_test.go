package abnahme_test

import (
	"path/filepath"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/abnahme/referenz"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// startMock starts a mockinge with its admin API for one test.
func startMock(t *testing.T) *mockserver.Local {
	t.Helper()
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "abnahme.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	return mock
}

// lauf performs the Testfallheft with the reference product with the bug.
func lauf(t *testing.T, mock *mockserver.Local, f referenz.Fehler, tags string) abnahme.Ergebnis {
	t.Helper()
	res, err := abnahme.Run(t.Context(), abnahme.Config{
		Modus: abnahme.Interaktiv, Endpoint: mock.Endpoint(), Admin: mock.AdminURL,
		Bediener: &referenz.Produkt{Fehler: f}, PasswortArt: wsse.PasswordDigest, Tags: tags,
		Warten: 10 * time.Second, Nachlauf: time.Millisecond, Abfrage: 5 * time.Millisecond,
		Produkt: "Referenzprodukt", ProduktVersion: f.Beschreibung(), Report: t.TempDir(),
	})
	if err != nil {
		t.Fatalf("%s: %v", f.Beschreibung(), err)
	}
	return res
}

// The reference product performs every case right: all pass.
func TestReferenzprodukt(t *testing.T) {
	mock := startMock(t)
	res := lauf(t, mock, referenz.Keiner, "")
	for _, f := range res.Faelle {
		if f.Urteil != abnahme.Bestanden {
			t.Errorf("%s %s: %s", f.Info.ID, f.Info.Titel, f.Urteil)
			for _, s := range f.Schritte {
				for _, b := range s.Befunde {
					t.Errorf("  %s", b)
				}
			}
			for _, b := range f.Befunde {
				t.Errorf("  %s", b)
			}
		}
	}
	if len(res.Faelle) == 0 {
		t.Fatal("no case ran")
	}
	t.Logf("%d cases, reports %v", len(res.Faelle), res.Reports)
}
