package mockstate_test

import (
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

func TestSprachtestMelden(t *testing.T) {
	var v vorgaenge
	const st = "Sprachtest"
	tests := []struct {
		name   string
		vorher func(t *testing.T, s *mockstate.Store, kurs string) // optional: what was reported before
		mutate func(s *inge.Sprachtest, storniert, fremd string)
		want   []meldung // nil: stored with M2043
	}{
		{name: "OK", mutate: func(*inge.Sprachtest, string, string) {}},
		{name: "OK/EchteAuftragsnummer", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "4711815" }},
		{name: "OK/EinPrueflingOhneAnschrift", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling = s.Pruefling[1:2]
		}},
		{name: "OK/PrueflingEinesAnderenTraegers", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling = append(s.Pruefling, inge.Sprachtestpruefling{Ident: tnHosseini.ident(), Bogennummer: "1987654", Ausweisnummer: "L01X00T47"})
		}},
		{name: "OK/TestdatumHeute", mutate: func(s *inge.Sprachtest, _, _ string) { s.Testdatum = tnHeute }},

		{name: "ErrAuftragsnummerSechsstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "123456" },
			want: []meldung{{inge.AuftragsnummerUngueltig, st + "/Auftragsnummer"}}},
		{name: "ErrAuftragsnummerAchtstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "12345678" },
			want: []meldung{{inge.AuftragsnummerUngueltig, st + "/Auftragsnummer"}}},
		{name: "ErrAuftragsnummerMitBuchstabe", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "12345A7" },
			want: []meldung{{inge.AuftragsnummerUngueltig, st + "/Auftragsnummer"}}},
		{name: "ErrBogennummerErsteZiffer", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Bogennummer = "2123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[1]/Bogennummer"}}},
		{name: "ErrBogennummerSechsstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[1].Bogennummer = "123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[2]/Bogennummer"}}},
		{name: "ErrBogennummerAchtstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[2].Bogennummer = "80123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[3]/Bogennummer"}}},
		{name: "ErrBogennummerMitBuchstabe", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Bogennummer = "01234B6" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[1]/Bogennummer"}}},
		{name: "ErrBogennummerZweimalInDerMeldung", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[2].Bogennummer = "0123456" },
			want: []meldung{{inge.BogennummerGemeldet, st + "/Pruefling[3]/Bogennummer"}}},
		{name: "ErrBogennummerFruehererMeldung",
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
			want: []meldung{{inge.BogennummerGemeldet, st + "/Pruefling[2]/Bogennummer"}}},
		{name: "ErrPersonUnbekannt", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[1].Ident = tnMansour.ident() },
			want: []meldung{{inge.PersonNichtIdentifiziert, st + "/Pruefling[2]/Ident"}}},
		{name: "ErrPersonDoppelt", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[2].Ident = tnIdent(tnKowalczyk.geburtsdatum, bamf, tnKowalczyk.kennziffer)
		}, want: []meldung{{inge.PersonDoppelt, st + "/Pruefling[3]/Ident"}}},
		{name: "ErrPersonDoppeltUeberAndereKennziffer", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[0].Ident = tnOmar.ident()
			s.Pruefling[1].Ident = tnIdent("2000-08-15", abh, "ABH-09-2026-020114")
		}, want: []meldung{{inge.PersonDoppelt, st + "/Pruefling[2]/Ident"}}},
		{name: "ErrKursEinesAnderenTraegers", mutate: func(s *inge.Sprachtest, _, fremd string) { s.Kurskennung = fremd },
			want: []meldung{{inge.KursUnbekannt, st + "/Kurskennung"}}},
		{name: "ErrKursUnbekannt", mutate: func(s *inge.Sprachtest, _, _ string) { s.Kurskennung = "K999999999" },
			want: []meldung{{inge.KursUnbekannt, st + "/Kurskennung"}}},
		{name: "ErrKursStorniert", mutate: func(s *inge.Sprachtest, storniert, _ string) { s.Kurskennung = storniert },
			want: []meldung{{inge.KursplanungIstStorniert, st + "/Kurskennung"}}},
		{name: "ErrTestdatumInZukunft", mutate: func(s *inge.Sprachtest, _, _ string) { s.Testdatum = "2026-11-17" },
			want: []meldung{{inge.DatumInZukunft, st + "/Testdatum"}}},
		{name: "ErrAnschriftOhneBundesland", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Anschrift.Bundesland = "" },
			want: []meldung{{inge.BundeslandFehlt, st + "/Pruefling[1]/Anschrift/Bundesland"}}},
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
			req := sprachtestMeldung(kurs)
			tt.mutate(&req.Sprachtest, storniert, fremd)
			resp := mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, req)
			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				unchanged(t, s, vorher)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.List(), meldung{inge.SprachtestGemeldet, ""})
			if got, want := count(t, s, "sprachtest_pruefling"), len(req.Sprachtest.Pruefling); got != want {
				t.Errorf("sprachtest_pruefling: %d rows; want %d", got, want)
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
