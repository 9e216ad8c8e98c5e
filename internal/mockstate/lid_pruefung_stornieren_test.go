package mockstate_test

import (
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestLidPruefungStornieren(t *testing.T) {
	tests := []struct {
		name   string
		caller mockstate.Caller
		vorher func(l *lidLauf)
		mutate func(r *inge.LidPruefungStornierenAnfrage)
		want   []meldung // nil: the exam is cancelled
	}{
		{"OK", kt1, nil, nil, nil},
		{"OK/OhneGrund", kt1, nil, func(r *inge.LidPruefungStornierenAnfrage) { r.Grund = "" }, nil},
		{"OK/MitGemeldetenPrueflingen", kt1, func(l *lidLauf) { l.melden(lidIdent(nazari()), novak()) }, nil, nil},
		// Reconstructed: no change "after" the exam date, so the exam day
		// itself still counts.
		{"OK/AmPruefungstag", kt1, func(l *lidLauf) { l.heute(lidPruefungstag) }, nil, nil},

		{"ErrZweimal", kt1, (*lidLauf).stornieren, nil,
			[]meldung{{inge.PruefungIstStorniert, "Pruefungsnummer"}}},
		{"ErrNachDemPruefungstag", kt1, func(l *lidLauf) { l.heute(plusTage(l.tb, lidPruefungstag, 1)) }, nil,
			[]meldung{{inge.PruefungVorbei, "Pruefungsnummer"}}},
		{"ErrPruefungEinesAnderenTraegers", kt2, nil, nil,
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungUnbekannt", kt1, nil, func(r *inge.LidPruefungStornierenAnfrage) { r.Pruefungsnummer = "L999999999" },
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungsnummerFehlt", kt1, nil, func(r *inge.LidPruefungStornierenAnfrage) { r.Pruefungsnummer = "" },
			[]meldung{{inge.PflichtfeldFehlt, "Pruefungsnummer"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neueLidPruefung(t)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			req := l.stornierung()
			if tt.mutate != nil {
				tt.mutate(req)
			}
			vorher := l.daten()
			zustand := l.zustand()
			resp := l.apply(tt.caller, req)
			l.ergebnis(t, resp, inge.LidPruefungStorniertHinweis, zustand, tt.want)
			if tt.want != nil {
				return
			}
			// The Auskunft still shows the exam and its candidates, now
			// cancelled.
			want := *vorher
			want.Pruefungsstatus = inge.PruefungStorniert
			if got := l.daten(); !reflect.DeepEqual(*got, want) {
				t.Errorf("LidPruefungAuskunft =\n%+v\nwant\n%+v", *got, want)
			}
		})
	}
	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neueLidPruefung(t)
		l.rollback(t, l.stornierung(), inge.LidPruefungStorniertHinweis)
		if got := l.daten().Pruefungsstatus; got != inge.PruefungStorniert {
			t.Errorf("Pruefungsstatus = %s; want %s", got, inge.PruefungStorniert)
		}
	})
}
