package mockadmin_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// The client against a real mockinge: a sandbox made, its clock, faults
// and journal, reset and removed; errors in the API's own words.
func TestClient(t *testing.T) {
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	c := mockadmin.New(mock.AdminURL+"/", nil)
	ctx := t.Context()
	user := mockadmin.Benutzer{Name: "ma.kt1", Passwort: "geheim-ma", Traegernummer: "10000001"}
	if err := c.CreateSandbox(ctx, "ma", []mockadmin.Benutzer{user}); err != nil {
		t.Fatal(err)
	}
	sb, err := c.Sandbox(ctx, "ma")
	if err != nil || sb.Name != "ma" || len(sb.Benutzer) != 1 || sb.Benutzer[0].Name != "ma.kt1" || sb.Benutzer[0].Passwort != "" {
		t.Fatalf("Sandbox(ma) = %+v, %v; want its user without password", sb, err)
	}
	if err := c.FreezeClock(ctx, "ma", time.Date(2027, 4, 12, 7, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := c.SetStoerungen(ctx, "ma", mockadmin.Stoerungen{AusfallFuer: []mockadmin.GezielterAusfall{{Daten: "K000000001", Anfragen: 1}}}); err != nil {
		t.Fatal(err)
	}
	soap := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: user.Name, Password: user.Passwort, Mode: wsse.PasswordDigest}}
	req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Kurskennung: "K000000001"}
	if err := soap.Call(ctx, inge.Kursauskunft.Procedure(), req, &inge.KursauskunftAntwort{}); inge.FaultCode(err) != "F301" {
		t.Errorf("first Kursauskunft under the targeted outage: %v; want F301", err)
	}
	if err := soap.Call(ctx, inge.Kursauskunft.Procedure(), req, &inge.KursauskunftAntwort{}); err != nil {
		t.Errorf("second Kursauskunft: %v", err)
	}
	all, err := c.Journal(ctx, "ma", mockadmin.JournalFilter{Operation: "Kursauskunft"})
	if err != nil || len(all) != 2 || all[0].Ergebnis != "F301" || all[1].Ergebnis != "abgelehnt" || !strings.Contains(all[1].Anfrage, "K000000001") {
		t.Fatalf("Journal = %+v, %v; want F301, then abgelehnt, oldest first, with their XML", all, err)
	}
	if since, err := c.Journal(ctx, "ma", mockadmin.JournalFilter{Nach: all[0].ID}); err != nil || len(since) != 1 || since[0].ID != all[1].ID {
		t.Errorf("Journal after %d = %+v, %v; want the second only", all[0].ID, since, err)
	}
	if err := c.ClearStoerungen(ctx, "ma"); err != nil {
		t.Error(err)
	}
	if err := c.ResetSandbox(ctx, "ma"); err != nil {
		t.Error(err)
	}
	if err := c.DeleteSandbox(ctx, "ma"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Sandbox(ctx, "ma"); err == nil || !strings.Contains(err.Error(), "404") || !strings.Contains(err.Error(), "ma") {
		t.Errorf("Sandbox of a removed one: %v; want the API's 404 and its text", err)
	}
	if err := mockadmin.New("http://127.0.0.1:1", nil).ResetClock(ctx, "x"); !errors.Is(err, mockadmin.ErrUnreachable) {
		t.Errorf("an admin API nobody serves: %v; want ErrUnreachable", err)
	}
	if err := mockadmin.New("", nil).ResetClock(ctx, "x"); err == nil || !strings.Contains(err.Error(), "keine Admin-API") {
		t.Errorf("no admin API configured: %v", err)
	}
}
