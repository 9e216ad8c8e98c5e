package mockstate_test

import (
	"slices"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// sprachtestMeldung returns a valid report of a DTZ held on 14.11.2026 for
// the course kennung, with the placeholder Auftragsnummer 1234567 and three
// candidates, the first with an updated address.
func sprachtestMeldung(kennung string) *inge.SprachtestMeldenAnfrage {
	neu := tnKowalczyk.anschrift()
	neu.Strasse = "Parkstraße 3"
	return &inge.SprachtestMeldenAnfrage{
		Anfrage: ingetest.KT1().Anfrage(),
		Sprachtest: inge.Sprachtest{
			Auftragsnummer: "1234567",
			Testdatum:      "2026-11-14",
			Kurskennung:    kennung,
			Pruefling: []inge.Sprachtestpruefling{
				{Ident: tnKowalczyk.ident(), Bogennummer: "0123456", Ausweisnummer: "EA4711235", Anschrift: neu},
				{Ident: tnAmiri.ident(), Bogennummer: "1234560", Ausweisnummer: "P03818552"},
				{Ident: tnOsmani.mit(bamf, "7800101-121").ident(), Bogennummer: "8012345", Ausweisnummer: "BF2204187"},
			},
		},
	}
}

// sprachtestStore opens a store with a planned course of 10000001, a
// cancelled one, and a course of 10000002.
func sprachtestStore(tb testing.TB, v *vorgaenge) (s *mockstate.Store, kurs, storniert, fremd string) {
	tb.Helper()
	s, _ = openTeilnehmerStore(tb)
	kurs = erfassen(tb, s, v, kt1, tnKursplanung(tb, "1", tnKowalczyk)).Kurskennung
	storniert = erfassen(tb, s, v, kt1, tnKursplanung(tb, "1", tnAmiri)).Kurskennung
	st := mustApply[*inge.KursplanungStornierenAntwort](tb, s, v, kt1, &inge.KursplanungStornierenAnfrage{
		Anfrage: ingetest.KT1().Anfrage(), Kurskennung: storniert, Stornierungsgrund: "01",
	})
	hasStatus(tb, st, inge.StatusVerarbeitet)
	fremd = erfassen(tb, s, v, kt2, kursplanung(tb, ingetest.KT2(), "KP-2", "2026-11-30")).Kurskennung
	if kurs == "" || storniert == "" || fremd == "" {
		tb.Fatalf("courses %q, %q, %q; want three Kurskennungen", kurs, storniert, fremd)
	}
	return s, kurs, storniert, fremd
}

// TestSprachtestMelden: the answer comes per candidate (ABESO-TEST): a fault
// of the event (Kurs, Testdatum, a missing Auftragsnummer or no candidate)
// refuses the whole message; a fault of a candidate refuses that candidate,
// and the valid ones are stored.
func TestSprachtestMelden(t *testing.T) {
	var v vorgaenge
	const st = "Sprachtest"
	alle := []int{1, 2, 3}
	tests := []struct {
		name        string
		vorher      func(t *testing.T, s *mockstate.Store, kurs string) // optional: what was reported before
		mutate      func(s *inge.Sprachtest, storniert, fremd string)
		want        []meldung // besides M2043 when a candidate is stored
		gespeichert []int     // positions of the stored candidates; empty: refused as a whole
	}{
		{name: "OK", mutate: func(*inge.Sprachtest, string, string) {}, gespeichert: alle},
		{name: "OK/EinPrueflingOhneAnschrift", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling = s.Pruefling[1:2]
		}, gespeichert: []int{1}},
		{name: "OK/PrueflingEinesAnderenTraegers", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling = append(s.Pruefling, inge.Sprachtestpruefling{Ident: tnHosseini.ident(), Bogennummer: "1987654", Ausweisnummer: "L01X00T47"})
		}, gespeichert: []int{1, 2, 3, 4}},
		{name: "OK/TestdatumHeute", mutate: func(s *inge.Sprachtest, _, _ string) { s.Testdatum = tnHeute }, gespeichert: alle},
		{name: "OK/MitNamen", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[0].Familienname, s.Pruefling[0].Vorname = tnKowalczyk.familienname, tnKowalczyk.vorname
			s.Pruefling[1].Familienname = tnAmiri.familienname // a person with one name
		}, gespeichert: alle},
		// Before 2023 the test institute issued the Auftragsnummer; no
		// source states its format.
		{name: "OK/AuftragsnummerVor2023", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Auftragsnummer, s.Testdatum = "47118", "2022-12-31"
		}, gespeichert: alle},
		{name: "HinweisAuftragsnummerSeit2023", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Auftragsnummer, s.Testdatum = "4711815", "2023-01-01"
		}, want: []meldung{{inge.AuftragsnummerPlatzhalter, st + "/Auftragsnummer"}}, gespeichert: alle},
		{name: "HinweisAuftragsnummerMitBuchstabe", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "12345A7" },
			want: []meldung{{inge.AuftragsnummerPlatzhalter, st + "/Auftragsnummer"}}, gespeichert: alle},

		// A candidate's fault refuses that candidate only.
		{name: "EinerAbgelehnt/BogennummerErsteZiffer", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Bogennummer = "2123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[1]/Bogennummer"}}, gespeichert: []int{2, 3}},
		{name: "EinerAbgelehnt/BogennummerSechsstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[1].Bogennummer = "123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[2]/Bogennummer"}}, gespeichert: []int{1, 3}},
		{name: "EinerAbgelehnt/BogennummerAchtstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[2].Bogennummer = "80123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[3]/Bogennummer"}}, gespeichert: []int{1, 2}},
		{name: "EinerAbgelehnt/BogennummerMitBuchstabe", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Bogennummer = "01234B6" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[1]/Bogennummer"}}, gespeichert: []int{2, 3}},
		{name: "EinerAbgelehnt/BogennummerZweimalInDerMeldung", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[2].Bogennummer = "0123456" },
			want: []meldung{{inge.BogennummerGemeldet, st + "/Pruefling[3]/Bogennummer"}}, gespeichert: []int{1, 2}},
		{name: "EinerAbgelehnt/BogennummerFruehererMeldung",
			vorher: func(t *testing.T, s *mockstate.Store, kurs string) {
				r := sprachtestMeldung(kurs)
				r.Sprachtest.Pruefling = r.Sprachtest.Pruefling[:1]
				resp := mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, r)
				hasStatus(t, resp, inge.StatusVerarbeitet)
			},
			mutate: func(s *inge.Sprachtest, _, _ string) {
				s.Pruefling = s.Pruefling[1:]
				s.Pruefling[1].Bogennummer = "0123456" // Frau Kowalczyk's sheet, reported before
			},
			want: []meldung{{inge.BogennummerGemeldet, st + "/Pruefling[2]/Bogennummer"}}, gespeichert: []int{1}},
		{name: "EinerAbgelehnt/PersonUnbekannt", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[1].Ident = tnMansour.ident() },
			want: []meldung{{inge.PersonNichtIdentifiziert, st + "/Pruefling[2]/Ident"}}, gespeichert: []int{1, 3}},
		{name: "EinerAbgelehnt/PersonDoppelt", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[2].Ident = tnIdent(tnKowalczyk.geburtsdatum, bamf, tnKowalczyk.kennziffer)
		}, want: []meldung{{inge.PersonDoppelt, st + "/Pruefling[3]/Ident"}}, gespeichert: []int{1, 2}},
		{name: "EinerAbgelehnt/PersonDoppeltUeberAndereKennziffer", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[0].Ident = tnOmar.ident()
			s.Pruefling[1].Ident = tnIdent("2000-08-15", abh, "ABH-09-2026-020114")
		}, want: []meldung{{inge.PersonDoppelt, st + "/Pruefling[2]/Ident"}}, gespeichert: []int{1, 3}},
		{name: "EinerAbgelehnt/AnschriftOhneBundesland", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Anschrift.Bundesland = "" },
			want: []meldung{{inge.BundeslandFehlt, st + "/Pruefling[1]/Anschrift/Bundesland"}}, gespeichert: []int{2, 3}},
		{name: "EinerAbgelehnt/NameMitZiffer", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[2].Familienname = "Osmani2" },
			want: []meldung{{inge.NameUngueltig, st + "/Pruefling[3]/Familienname"}}, gespeichert: []int{1, 2}},
		{name: "ZweiAbgelehnt/PflichtfelderDerPrueflinge", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[0].Bogennummer, s.Pruefling[1].Ausweisnummer = "", ""
		}, want: []meldung{
			{inge.PflichtfeldFehlt, st + "/Pruefling[1]/Bogennummer"},
			{inge.PflichtfeldFehlt, st + "/Pruefling[2]/Ausweisnummer"},
		}, gespeichert: []int{3}},
		{name: "AlleAbgelehnt", mutate: func(s *inge.Sprachtest, _, _ string) {
			for i := range s.Pruefling {
				s.Pruefling[i].Ausweisnummer = ""
			}
		}, want: []meldung{
			{inge.PflichtfeldFehlt, st + "/Pruefling[1]/Ausweisnummer"},
			{inge.PflichtfeldFehlt, st + "/Pruefling[2]/Ausweisnummer"},
			{inge.PflichtfeldFehlt, st + "/Pruefling[3]/Ausweisnummer"},
		}},

		// A fault of the event refuses the whole message.
		{name: "ErrKursEinesAnderenTraegers", mutate: func(s *inge.Sprachtest, _, fremd string) { s.Kurskennung = fremd },
			want: []meldung{{inge.KursUnbekannt, st + "/Kurskennung"}}},
		{name: "ErrKursUnbekannt", mutate: func(s *inge.Sprachtest, _, _ string) { s.Kurskennung = "K999999999" },
			want: []meldung{{inge.KursUnbekannt, st + "/Kurskennung"}}},
		{name: "ErrKursStorniert", mutate: func(s *inge.Sprachtest, storniert, _ string) { s.Kurskennung = storniert },
			want: []meldung{{inge.KursplanungIstStorniert, st + "/Kurskennung"}}},
		{name: "ErrTestdatumInZukunft", mutate: func(s *inge.Sprachtest, _, _ string) { s.Testdatum = "2026-11-17" },
			want: []meldung{{inge.DatumInZukunft, st + "/Testdatum"}}},
		{name: "ErrPflichtfelderFehlen", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Auftragsnummer, s.Testdatum = "", ""
			s.Pruefling[0].Bogennummer, s.Pruefling[1].Ausweisnummer = "", ""
		}, want: []meldung{
			{inge.PflichtfeldFehlt, st + "/Auftragsnummer"},
			{inge.PflichtfeldFehlt, st + "/Testdatum"},
			{inge.PflichtfeldFehlt, st + "/Pruefling[1]/Bogennummer"},
			{inge.PflichtfeldFehlt, st + "/Pruefling[2]/Ausweisnummer"},
		}},
		{name: "ErrOhnePruefling", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling = nil },
			want: []meldung{{inge.PflichtfeldFehlt, st + "/Pruefling"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, kurs, storniert, fremd := sprachtestStore(t, &v)
			if tt.vorher != nil {
				tt.vorher(t, s, kurs)
			}
			vorher := teilnehmerStand(t, s)
			before := count(t, s, "sprachtest_pruefling")
			req := sprachtestMeldung(kurs)
			tt.mutate(&req.Sprachtest, storniert, fremd)
			resp := mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, req)
			if len(tt.gespeichert) == 0 {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				unchanged(t, s, vorher)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.List(), append(tt.want, meldung{inge.SprachtestGemeldet, ""})...)
			if got := count(t, s, "sprachtest_pruefling") - before; got != len(tt.gespeichert) {
				t.Errorf("sprachtest_pruefling: %d new rows; want %d", got, len(tt.gespeichert))
			}
			if len(resp.Rueckmeldung) != len(req.Sprachtest.Pruefling) {
				t.Fatalf("Rueckmeldung = %+v; want one per candidate", resp.Rueckmeldung)
			}
			for i, r := range resp.Rueckmeldung {
				want := inge.StatusAbgelehnt
				if slices.Contains(tt.gespeichert, i+1) {
					want = inge.StatusVerarbeitet
				}
				if r.Pruefling != i+1 || r.Status != want || r.Bogennummer != req.Sprachtest.Pruefling[i].Bogennummer {
					t.Errorf("Rueckmeldung[%d] = %+v; want candidate %d %s", i, r, i+1, want)
				}
			}
		})
	}
}

func TestSprachtestMeldenRollback(t *testing.T) {
	var v vorgaenge
	s, kurs, _, _ := sprachtestStore(t, &v)
	vorher := teilnehmerStand(t, s)
	req := sprachtestMeldung(kurs)
	req.Rollback = true
	resp := mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	unchanged(t, s, vorher)

	// The sheets were not reported: the real report takes them.
	resp = mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, sprachtestMeldung(kurs))
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.List(), meldung{inge.SprachtestGemeldet, ""})

	// Once reported, a Rollback finds them taken.
	req = sprachtestMeldung(kurs)
	req.Rollback = true
	resp = mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusAbgelehnt)
	hasMeldungen(t, resp.List(),
		meldung{inge.BogennummerGemeldet, "Sprachtest/Pruefling[1]/Bogennummer"},
		meldung{inge.BogennummerGemeldet, "Sprachtest/Pruefling[2]/Bogennummer"},
		meldung{inge.BogennummerGemeldet, "Sprachtest/Pruefling[3]/Bogennummer"},
	)
}
