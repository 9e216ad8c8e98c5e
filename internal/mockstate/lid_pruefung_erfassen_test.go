package mockstate_test

import (
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestLidPruefungErfassen(t *testing.T) {
	kt2Pruefung := func(p *inge.LidPruefung) {
		// The own data of Traeger 10000002, so that only the Pruefstelle
		// rule can refuse it.
		p.Pruefungsort, p.Verwaltungsstandort, p.Lieferadresse = "KO-10000002-01", "VS-10000002-01", ""
	}
	tests := []struct {
		name   string
		caller mockstate.Caller
		mutate func(p *inge.LidPruefung)
		want   []meldung // nil: the exam is stored
	}{
		{"OK", kt1, func(*inge.LidPruefung) {}, nil},
		{"OK/OhneLieferadresse", kt1, func(p *inge.LidPruefung) { p.Lieferadresse = "" }, nil},
		{"OK/GenauZweiWochen", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-03-24" }, nil},

		{"ErrKeinePruefstelle", kt2, kt2Pruefung,
			[]meldung{{inge.KeinePruefstelle, "Mandant/Traegernummer"}}},
		{"ErrDreizehnTage", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-03-23" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrHeute", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-03-10" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrVergangen", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-02-24" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrPruefungsortUnbekannt", kt1, func(p *inge.LidPruefung) { p.Pruefungsort = "KO-99999999-01" },
			[]meldung{{inge.KursortUnbekannt, "Pruefung/Pruefungsort"}}},
		{"ErrPruefungsortEinesAnderenTraegers", kt1, func(p *inge.LidPruefung) { p.Pruefungsort = "KO-10000002-01" },
			[]meldung{{inge.KursortUnbekannt, "Pruefung/Pruefungsort"}}},
		{"ErrEmailOhneAt", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "pruefung(at)beispiel.example" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrEmailOhneDomain", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "pruefung@localhost" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrEmailMitAnzeigename", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "Prüfung <pruefung@beispiel.example>" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrEmailMitLeerzeichen", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "lid pruefung@beispiel.example" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrVerwaltungsstandortEinesAnderenTraegers", kt1, func(p *inge.LidPruefung) { p.Verwaltungsstandort = "VS-10000002-01" },
			[]meldung{{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"}}},
		{"ErrVerwaltungsstandortUnbekannt", kt1, func(p *inge.LidPruefung) { p.Verwaltungsstandort = "VS-99999999-01" },
			[]meldung{{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"}}},
		{"ErrLieferadresseUnbekannt", kt1, func(p *inge.LidPruefung) { p.Lieferadresse = "LA-99999999-01" },
			[]meldung{{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"}}},
		{"ErrLieferadresseOhneEigene", kt2, func(p *inge.LidPruefung) {
			kt2Pruefung(p)
			p.Lieferadresse = "LA-10000001-01" // Traeger 10000002 has none
		}, []meldung{
			{inge.KeinePruefstelle, "Mandant/Traegernummer"},
			{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"},
		}},
		{"ErrPflichtfelderFehlen", kt1, func(p *inge.LidPruefung) {
			*p = inge.LidPruefung{Lieferadresse: p.Lieferadresse}
		}, []meldung{
			{inge.PflichtfeldFehlt, "Pruefung/Pruefungsdatum"},
			{inge.PflichtfeldFehlt, "Pruefung/Pruefungsort"},
			{inge.PflichtfeldFehlt, "Pruefung/Raumnummer"},
			{inge.PflichtfeldFehlt, "Pruefung/KontaktEmail"},
			{inge.PflichtfeldFehlt, "Pruefung/Verwaltungsstandort"},
		}},
		{"ErrAlleRegelnZugleich", kt1, func(p *inge.LidPruefung) {
			p.Pruefungsdatum = "2027-03-23"
			p.Pruefungsort = "KO-10000002-01"
			p.Raumnummer = ""
			p.KontaktEmail = "pruefung(at)beispiel.example"
			p.Verwaltungsstandort = "VS-10000002-01"
			p.Lieferadresse = "LA-99999999-01"
		}, []meldung{
			{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"},
			{inge.KursortUnbekannt, "Pruefung/Pruefungsort"},
			{inge.PflichtfeldFehlt, "Pruefung/Raumnummer"},
			{inge.EmailUngueltig, "Pruefung/KontaktEmail"},
			{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"},
			{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := &lidLauf{tb: t, s: openStore(t), v: &vorgaenge{}}
			vorher := lidTabellen(t, l.s)
			p := validLid()
			tt.mutate(&p)
			resp := l.erfassen(tt.caller, p)

			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				if resp.Pruefungsnummer != "" {
					t.Errorf("Pruefungsnummer = %q; want none", resp.Pruefungsnummer)
				}
				if got := lidTabellen(t, l.s); got != vorher {
					t.Errorf("the refused request changed the store:\n%s\nwant\n%s", got, vorher)
				}
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.List(), meldung{inge.LidPruefungErfasst, ""})
			if !pruefungsnummerRE.MatchString(resp.Pruefungsnummer) {
				t.Fatalf("Pruefungsnummer = %q; want L and nine digits", resp.Pruefungsnummer)
			}
			hasLidTexte(t, resp.List(), map[string][]string{"M5020": {resp.Pruefungsnummer}})
			l.nummer = resp.Pruefungsnummer
			want := &inge.LidPruefungsdaten{Pruefungsnummer: resp.Pruefungsnummer, Pruefungsstatus: inge.PruefungErfasst, Pruefung: p}
			if got := l.daten(); !reflect.DeepEqual(got, want) {
				t.Errorf("LidPruefungAuskunft =\n%+v\nwant\n%+v", *got, *want)
			}
		})
	}
}

func TestLidPruefungErfassenRollback(t *testing.T) {
	l := &lidLauf{tb: t, s: openStore(t), v: &vorgaenge{}}

	req := &inge.LidPruefungErfassenAnfrage{Pruefung: validLid()}
	req.Rollback = true
	resp := l.apply(kt1, req).(*inge.LidPruefungErfassenAntwort)
	hasStatus(t, resp, inge.StatusGeprueft)
	// Only the Rollback Hinweis: "erfolgreich erfasst" would contradict it.
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	if !pruefungsnummerRE.MatchString(resp.Pruefungsnummer) {
		t.Fatalf("Pruefungsnummer = %q; want L and nine digits", resp.Pruefungsnummer)
	}
	a := l.auskunft(kt1, resp.Pruefungsnummer)
	hasStatus(t, a, inge.StatusAbgelehnt)
	hasMeldungen(t, a.List(), meldung{inge.PruefungUnbekannt, "Pruefungsnummer"})
	if a.Pruefung != nil {
		t.Errorf("LidPruefungAuskunft of the rolled back number: Pruefung = %+v; want nil", a.Pruefung)
	}
	for _, table := range []string{"lid_pruefung", "lid_pruefling"} {
		if got := count(t, l.s, table); got != 0 {
			t.Errorf("%s: %d rows; want none", table, got)
		}
	}

	t.Run("PruefungsnummerNotReused", func(t *testing.T) {
		// A Pruefungsnummer is unique for ever (migration 005): a client
		// shown one in a Rollback answer must not later find it naming
		// another exam.
		danach := l.erfassen(kt1, validLid())
		hasStatus(t, danach, inge.StatusVerarbeitet)
		if danach.Pruefungsnummer == resp.Pruefungsnummer {
			t.Errorf("Pruefungsnummer of the stored exam = %q, the same as the Rollback's", danach.Pruefungsnummer)
		}
		a := l.auskunft(kt1, resp.Pruefungsnummer)
		hasStatus(t, a, inge.StatusAbgelehnt)
	})

	t.Run("ErrRejectedIsAbgelehnt", func(t *testing.T) {
		l := &lidLauf{tb: t, s: openStore(t), v: &vorgaenge{}}
		vorher := lidTabellen(t, l.s)
		req := &inge.LidPruefungErfassenAnfrage{Pruefung: validLid()}
		req.Rollback = true
		req.Pruefung.Pruefungsdatum = "2027-03-23"
		resp := l.apply(kt1, req).(*inge.LidPruefungErfassenAntwort)
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(), meldung{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"})
		if resp.Pruefungsnummer != "" {
			t.Errorf("Pruefungsnummer = %q; want none", resp.Pruefungsnummer)
		}
		if got := lidTabellen(t, l.s); got != vorher {
			t.Errorf("the refused request changed the store:\n%s\nwant\n%s", got, vorher)
		}
	})
}
