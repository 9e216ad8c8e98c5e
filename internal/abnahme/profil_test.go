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
	"github.com/inge-harness/inge-harness/internal/profil"
)

// startProfilMock starts a mockinge that has loaded the counter-profile.
func startProfilMock(t *testing.T) (*mockserver.Local, *profil.Profil) {
	t.Helper()
	p, err := profil.Load(filepath.Join("..", "..", "testdata", "gegenprofil"))
	if err != nil {
		t.Fatal(err)
	}
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "abnahme.db"), harness.Testdatenpaket(),
		mockserver.Config{AdminAddr: "127.0.0.1:0", Profile: map[string]*profil.Profil{p.Name: p}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	return mock, p
}

// The acceptance judges a product that speaks a profile: the reference
// product on the counter-profile passes every case, and its bugs fail the
// cases they touch, as on our contract.
func TestProfilProdukt(t *testing.T) {
	mock, p := startProfilMock(t)
	run := func(f referenz.Fehler) abnahme.Ergebnis {
		res, err := abnahme.Run(t.Context(), abnahme.Config{
			Modus: abnahme.Interaktiv, Endpoint: mock.Endpoint(), Admin: mock.AdminURL, Profil: p,
			Bediener: &referenz.Produkt{Fehler: f, Profil: p}, PasswortArt: wsse.PasswordDigest,
			Warten: 10 * time.Second, Nachlauf: time.Millisecond, Abfrage: 5 * time.Millisecond,
		})
		if err != nil {
			t.Fatalf("%s: %v", f.Beschreibung(), err)
		}
		return res
	}
	ref := run(referenz.Keiner)
	if len(ref.Faelle) < 60 || ref.Zugang.Profil != p.Name || ref.Zugang.WSDL != mock.Endpoint()+"/profile/gegenprofil?wsdl" {
		t.Fatalf("%d cases, Zugang %+v", len(ref.Faelle), ref.Zugang)
	}
	for _, f := range ref.Faelle {
		if f.Urteil != abnahme.Bestanden {
			t.Errorf("%s %s: %s %v", f.Info.ID, f.Info.Titel, f.Urteil, f.AlleBefunde())
		}
	}
	for _, tc := range []struct {
		fehler referenz.Fehler
		want   []string
	}{
		{referenz.OhneNachmeldungsgrund, []string{"TF-KP-03"}},
		{referenz.KeinErneuterVersuch, []string{"TF-AN-06", "TF-KB-06", "TF-KP-05", "TF-LE-04"}},
	} {
		var failed []string
		for _, f := range run(tc.fehler).Faelle {
			if f.Urteil != abnahme.Bestanden {
				failed = append(failed, f.Info.ID)
			}
		}
		if len(failed) != len(tc.want) {
			t.Errorf("%s through the profile: failed %v; want %v", tc.fehler.Beschreibung(), failed, tc.want)
			continue
		}
		for i := range failed {
			if failed[i] != tc.want[i] {
				t.Errorf("%s through the profile: failed %v; want %v", tc.fehler.Beschreibung(), failed, tc.want)
				break
			}
		}
	}
}
