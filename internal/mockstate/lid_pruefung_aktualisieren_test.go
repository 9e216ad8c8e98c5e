package mockstate_test

import (
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestLidPruefungAktualisieren(t *testing.T) {
	tests := []struct {
		name   string
		caller mockstate.Caller
		vorher func(l *lidLauf)
		mutate func(l *lidLauf, r *inge.LidPruefungAktualisierenAnfrage)
		want   []meldung // nil: the change is stored
	}{
		{"OK", kt1, nil, nil, nil},
		{"OK/NurRaum", kt1, nil, func(l *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) {
			r.Pruefung = l.pruefung
			r.Pruefung.Raumnummer = "0.01"
		}, nil},
		{"OK/NeuesDatumGenauZweiWochen", kt1,
			func(l *lidLauf) { l.heute("2027-03-20") },
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsdatum = "2027-04-03" },
			nil},

		{"ErrNeuesDatumDreizehnTage", kt1,
			func(l *lidLauf) { l.heute("2027-03-20") },
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsdatum = "2027-04-02" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrNeuesDatumVorgezogen", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsdatum = "2027-03-17" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrPruefungsortEinesAnderenTraegers", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsort = "KO-10000002-01" },
			[]meldung{{inge.KursortUnbekannt, "Pruefung/Pruefungsort"}}},
		{"ErrEmailUngueltig", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.KontaktEmail = "pruefung@" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrVerwaltungsstandort", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) {
				r.Pruefung.Verwaltungsstandort = "VS-10000002-01"
			},
			[]meldung{{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"}}},
		{"ErrLieferadresse", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Lieferadresse = "LA-99999999-01" },
			[]meldung{{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"}}},
		{"ErrPflichtfelderFehlen", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) {
				r.Pruefung.Beginnzeit, r.Pruefung.Raumnummer, r.Pruefung.KontaktEmail = "", "", ""
			}, []meldung{
				{inge.PflichtfeldFehlt, "Pruefung/Raumnummer"},
				{inge.PflichtfeldFehlt, "Pruefung/KontaktEmail"},
			}},
		{"ErrPruefungsnummerFehlt", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefungsnummer = "" },
			[]meldung{{inge.PflichtfeldFehlt, "Pruefungsnummer"}}},
		{"ErrPruefungUnbekannt", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefungsnummer = "L999999999" },
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungEinesAnderenTraegers", kt2, nil, nil,
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrStorniert", kt1, (*lidLauf).stornieren, nil,
			[]meldung{{inge.PruefungIstStorniert, "Pruefungsnummer"}}},
		{"ErrNachDemPruefungstag", kt1, func(l *lidLauf) { l.heute(plusTage(l.tb, lidPruefungstag, 1)) }, nil,
			[]meldung{{inge.PruefungVorbei, "Pruefungsnummer"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neueLidPruefung(t)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			req := l.aktualisierung()
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(tt.caller, req)
			l.ergebnis(t, resp, inge.LidPruefungAktualisiert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			want := &inge.LidPruefungsdaten{Pruefungsnummer: l.nummer, Pruefungsstatus: inge.PruefungErfasst, Pruefung: req.Pruefung}
			if got := l.daten(); !reflect.DeepEqual(got, want) {
				t.Errorf("LidPruefungAuskunft =\n%+v\nwant\n%+v", *got, *want)
			}
		})
	}
	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neueLidPruefung(t)
		l.rollback(t, l.aktualisierung(), inge.LidPruefungAktualisiert)
	})
}
