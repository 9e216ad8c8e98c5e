package mockserver_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// TestSandboxIsolation fills sandbox A with a course (with participants and
// a reported begin), registrations, a DTZ candidate and a LiD exam, then
// tries every one of the 17 procedures from sandbox B with A's
// identifiers: nothing of A is read (B's answers name only B's data or
// refuse) and nothing of A changes.
func TestSandboxIsolation(t *testing.T) {
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "iso.db"), harness.Testdatenpaket(), mockserver.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	ctx := t.Context()
	if _, err := mock.Sandboxes.Create(ctx, "sandbox-b", []mockstate.Zugang{{Name: "b.kt1", Passwort: "B-Passwort!1", Traegernummer: "10000001"}}); err != nil {
		t.Fatal(err)
	}
	a := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: "kt1.sachbearbeitung", Password: "Test!Passwort1"}}
	b := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: "b.kt1", Password: "B-Passwort!1"}}
	m := inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}
	ok := func(resp inge.Response, err error) inge.Response {
		t.Helper()
		if err != nil || resp.Base().Status != inge.StatusVerarbeitet {
			t.Fatalf("setup: %v %+v", err, resp)
		}
		return resp
	}

	// Sandbox A: a planned course with participants, a LiD exam with a candidate,
	// a DTZ report.
	person := inge.TeilnehmerIdent{Geburtsdatum: "1991-04-17", Aktenzeichen: &inge.Aktenzeichen{Art: "BAMF", Wert: "6100101-475"}}
	beginn := time.Now().AddDate(0, 2, 0)
	plan := inge.Kursplanung{
		Kursart: "01", BeginnKursabschnitt: "1", Kursbeginn: inge.DatumOf(beginn), Kursende: inge.DatumOf(beginn.AddDate(0, 6, 0)),
		Kursort:         "KO-10000001-02",
		Unterrichtszeit: []inge.Unterrichtszeit{{Wochentag: "Mo", Beginn: "08:30", Ende: "12:45", Unterrichtseinheiten: ptr(5)}},
		TnrKursMax:      ptr(20), Teilnehmer: []inge.PlanTeilnehmer{{Ident: &person}},
	}
	kurs := ok(call(ctx, a, &inge.KursplanungErfassenAnfrage{Anfrage: m, Kursplanung: plan})).(*inge.KursplanungErfassenAntwort)
	lid := ok(call(ctx, a, &inge.LidPruefungErfassenAnfrage{Anfrage: m, Pruefung: inge.LidPruefung{
		Pruefungsdatum: inge.DatumOf(time.Now().AddDate(0, 1, 0)), Beginnzeit: "09:00", Pruefungsort: "KO-10000001-01",
		Raumnummer: "R A", KontaktEmail: "a@example.org", Verwaltungsstandort: "VS-10000001-01",
	}})).(*inge.LidPruefungErfassenAntwort)
	ok(call(ctx, a, &inge.LidTeilnehmendeMeldenAnfrage{Anfrage: m, Pruefungsnummer: lid.Pruefungsnummer, Pruefling: []inge.LidPruefling{{Ident: &person}}}))
	ok(call(ctx, a, &inge.SprachtestMeldenAnfrage{Anfrage: m, Sprachtest: inge.Sprachtest{
		Auftragsnummer: "1234567", Testdatum: inge.DatumOf(time.Now().AddDate(0, 0, -1)), Kurskennung: kurs.Kurskennung,
		Pruefling: []inge.Sprachtestpruefling{{Ident: &person, Bogennummer: "0123456", Ausweisnummer: "P123"}},
	}}))
	before := stateOfSandbox(t, mock, "standard")

	// Sandbox B tries A's identifiers in every procedure.
	stornoB := &inge.KursplanungStornierenAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung, Stornierungsgrund: "01"}
	tries := []struct {
		req  inge.Request
		want string // a Meldung code B must get
	}{
		{&inge.KursauskunftAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung}, "M3002"},
		{&inge.KursplanungAktualisierenAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung, Kursplanung: plan}, "M3002"},
		{stornoB, "M3002"},
		{&inge.KursbeginnMeldenAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung}, "M3002"},
		{&inge.KursabschnittsbeginnMeldenAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung}, "M3002"},
		{&inge.KursabschnittAktualisierenAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung}, "M3002"},
		{&inge.KursortaenderungMeldenAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung, Aenderung: []inge.Kursortaenderung{{Kursabschnitt: "2", Kursort: "KO-10000001-01", GueltigAb: plan.Kursbeginn}}}, "M3002"},
		{&inge.LidPruefungAuskunftAnfrage{Anfrage: m, Pruefungsnummer: lid.Pruefungsnummer}, "M5010"},
		{&inge.LidPruefungAktualisierenAnfrage{Anfrage: m, Pruefungsnummer: lid.Pruefungsnummer}, "M5010"},
		{&inge.LidPruefungStornierenAnfrage{Anfrage: m, Pruefungsnummer: lid.Pruefungsnummer}, "M5010"},
		{&inge.LidTeilnehmendeMeldenAnfrage{Anfrage: m, Pruefungsnummer: lid.Pruefungsnummer, Pruefling: []inge.LidPruefling{{Ident: &person}}}, "M5010"},
		{&inge.SprachtestMeldenAnfrage{Anfrage: m, Sprachtest: inge.Sprachtest{Auftragsnummer: "1234567", Testdatum: "2026-01-05", Kurskennung: kurs.Kurskennung,
			Pruefling: []inge.Sprachtestpruefling{{Ident: &person, Bogennummer: "0123456", Ausweisnummer: "P123"}}}}, "M3002"},
	}
	for _, tr := range tries {
		p := ingetest.ProcedureOf(t, tr.req)
		t.Run(p.Name, func(t *testing.T) {
			resp, err := call(ctx, b, tr.req)
			if err != nil {
				t.Fatalf("%s from sandbox B: %v", p.Name, err)
			}
			if !hasCode(resp, tr.want) {
				t.Errorf("%s from sandbox B with A's identifiers: %s %v; want Meldung %s", p.Name, resp.Base().Status, resp.Base().List(), tr.want)
			}
			if k, ok := resp.(*inge.KursauskunftAntwort); ok && k.Kurs != nil {
				t.Errorf("sandbox B reads a course: %+v", k.Kurs)
			}
		})
	}
	// The person is shared test data, but what A did with it is not visible in B.
	t.Run("Teilnehmerauskunft", func(t *testing.T) {
		resp, err := call(ctx, b, &inge.TeilnehmerauskunftAnfrage{Anfrage: m, Ident: person})
		if err != nil {
			t.Fatal(err)
		}
		r := resp.(*inge.TeilnehmerauskunftAntwort)
		if r.Teilnehmer != nil {
			for _, k := range r.Teilnehmer.Kursbesuch {
				if k.Kurskennung == kurs.Kurskennung {
					t.Errorf("sandbox B sees A's course visit %+v", k)
				}
			}
		}
	})
	// B's own Bogennummer space: A's Bogennummer is free in B, and B's
	// writes stay in B. (Registration in B: the package registers KP-1's persons.)
	t.Run("AnmeldungErstverfahren", func(t *testing.T) {
		resp, err := call(ctx, b, &inge.AnmeldungErstverfahrenAnfrage{Anfrage: m})
		if err != nil {
			t.Fatal(err)
		}
		if resp.Base().Status != inge.StatusAbgelehnt {
			t.Errorf("an empty Erstanmeldung in B = %s; want abgelehnt", resp.Base().Status)
		}
	})
	if after := stateOfSandbox(t, mock, "standard"); after != before {
		t.Errorf("sandbox B changed sandbox A:\n before %s\n after  %s", before, after)
	}
	// And A still has all of it.
	k := ok(call(ctx, a, &inge.KursauskunftAnfrage{Anfrage: m, Kurskennung: kurs.Kurskennung})).(*inge.KursauskunftAntwort)
	if k.Kurs == nil || k.Kurs.Kursort != "KO-10000001-02" || k.Kurs.Kursstatus != inge.KursGeplant {
		t.Errorf("A's course after B's attempts = %+v", k.Kurs)
	}
}

func call(ctx context.Context, c *inge.Client, req inge.Request) (inge.Response, error) {
	p, err := inge.ProcedureOf(req)
	if err != nil {
		return nil, err
	}
	resp := p.NewResponse()
	return resp, c.Call(ctx, p, req, resp)
}

func hasCode(resp inge.Response, code string) bool {
	for _, m := range resp.Base().List() {
		if m.Code == code {
			return true
		}
	}
	return false
}

// stateOfSandbox summarises the tables procedures write in a sandbox.
func stateOfSandbox(t *testing.T, mock *mockserver.Local, name string) string {
	t.Helper()
	sb, err := mock.Sandboxes.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	var out string
	err = sb.Use(func(st *mockstate.Store) error {
		return st.View(t.Context(), func(tx *mockstate.Tx) error {
			for _, table := range []string{"kurs", "kurs_teilnehmer", "kursabschnitt", "kursortaenderung", "anmeldung",
				"sprachtest_pruefling", "lid_pruefung", "lid_pruefling", "warteschlange"} {
				var n int
				var sum string
				if err := tx.QueryRowContext(t.Context(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
					return err
				}
				if table == "kurs" || table == "lid_pruefung" {
					if err := tx.QueryRowContext(t.Context(), `SELECT coalesce(group_concat(status || geaendert_am), '') FROM `+table).Scan(&sum); err != nil {
						return err
					}
				}
				out += fmt.Sprintf("%s=%d%s ", table, n, sum)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
