package mockserver_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// TestConcurrentClients runs 64 clients at once with mixed procedures against
// one mock: every answer is a proper answer (no Fault: SQLITE_BUSY must never
// surface), no Kurskennung or Pruefungsnummer is handed out twice, and no
// update is lost (each client's own course carries its last update).
func TestConcurrentClients(t *testing.T) {
	const clients, rounds = 64, 3
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{MaxConcurrentPerSandbox: clients})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()

	var mu sync.Mutex
	kurse, pruefungen := map[string]int{}, map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, clients*rounds*4)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: "kt1.sachbearbeitung", Password: "Test!Passwort1"}}
			for r := range rounds {
				kk, nr, err := mixedRound(ctx, c, i, r)
				if err != nil {
					errs <- fmt.Errorf("client %d round %d: %w", i, r, err)
					return
				}
				mu.Lock()
				kurse[kk]++
				pruefungen[nr]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for k, n := range kurse {
		if n != 1 {
			t.Errorf("Kurskennung %s handed out %d times", k, n)
		}
	}
	for p, n := range pruefungen {
		if n != 1 {
			t.Errorf("Pruefungsnummer %s handed out %d times", p, n)
		}
	}
	if len(kurse) != clients*rounds || len(pruefungen) != clients*rounds {
		t.Errorf("got %d courses and %d exams; want %d each", len(kurse), len(pruefungen), clients*rounds)
	}
}

// mixedRound plans a course, updates it, asks for it (the update must be
// there), registers a LiD exam and asks for that.
func mixedRound(ctx context.Context, c *inge.Client, client, round int) (string, string, error) {
	mandant := inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}
	beginn := time.Now().AddDate(0, 3, client%28)
	plan := inge.Kursplanung{
		Kursart: "01", BeginnKursabschnitt: "1", Kursbeginn: inge.DatumOf(beginn), Kursende: inge.DatumOf(beginn.AddDate(0, 6, 0)),
		Kursort:         "KO-10000001-01",
		Unterrichtszeit: []inge.Unterrichtszeit{{Wochentag: "Mo", Beginn: "08:30", Ende: "12:45", Unterrichtseinheiten: ptr(5)}},
		TnrKursMax:      ptr(20),
	}
	k, err := inge.KursplanungErfassen.Call(ctx, c, &inge.KursplanungErfassenAnfrage{Anfrage: mandant, Kursplanung: plan})
	if err != nil || k.Status != inge.StatusVerarbeitet {
		return "", "", fmt.Errorf("KursplanungErfassen: %v %+v", err, k)
	}
	plan.TnrKursMax = ptr(100 + client*10 + round) // this client's own value
	u, err := inge.KursplanungAktualisieren.Call(ctx, c, &inge.KursplanungAktualisierenAnfrage{Anfrage: mandant, Kurskennung: k.Kurskennung, Kursplanung: plan})
	if err != nil || u.Status != inge.StatusVerarbeitet {
		return "", "", fmt.Errorf("KursplanungAktualisieren: %v %+v", err, u)
	}
	a, err := inge.Kursauskunft.Call(ctx, c, &inge.KursauskunftAnfrage{Anfrage: mandant, Kurskennung: k.Kurskennung})
	if err != nil || a.Kurs == nil || a.Kurs.TnrKursMax == nil || *a.Kurs.TnrKursMax != *plan.TnrKursMax {
		return "", "", fmt.Errorf("Kursauskunft after the update: %v %+v (lost update?)", err, a)
	}
	l, err := inge.LidPruefungErfassen.Call(ctx, c, &inge.LidPruefungErfassenAnfrage{Anfrage: mandant, Pruefung: inge.LidPruefung{
		Pruefungsdatum: inge.DatumOf(time.Now().AddDate(0, 1, 0)), Beginnzeit: "09:00", Pruefungsort: "KO-10000001-01",
		Raumnummer: fmt.Sprintf("R %d", client), KontaktEmail: "pruefung@example.org", Verwaltungsstandort: "VS-10000001-01",
	}})
	if err != nil || l.Status != inge.StatusVerarbeitet {
		return "", "", fmt.Errorf("LidPruefungErfassen: %v %+v", err, l)
	}
	la, err := inge.LidPruefungAuskunft.Call(ctx, c, &inge.LidPruefungAuskunftAnfrage{Anfrage: mandant, Pruefungsnummer: l.Pruefungsnummer})
	if err != nil || la.Pruefung == nil || la.Pruefung.Pruefung.Raumnummer != fmt.Sprintf("R %d", client) {
		return "", "", fmt.Errorf("LidPruefungAuskunft: %v %+v", err, la)
	}
	return k.Kurskennung, l.Pruefungsnummer, nil
}
