package mockstate_test

import (
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestLidPruefungAuskunft(t *testing.T) {
	l := neueLidPruefung(t)
	// Hamid Nazari is reported by his ABH Aktenzeichen; BAMF answers with
	// its own Personenkennziffer.
	l.melden(lidIdent(nazariABH()), lidIdent(gebreyesus()), novak())

	t.Run("OK", func(t *testing.T) {
		a := l.auskunft(kt1, l.nummer)
		hasStatus(t, a, inge.StatusVerarbeitet)
		hasMeldungen(t, a.List())
		want := &inge.LidPruefungsdaten{
			Pruefungsnummer: l.nummer,
			Pruefungsstatus: inge.PruefungErfasst,
			Pruefung:        validLid(),
			Pruefling:       []inge.LidPruefling{lidIdent(nazari()), lidIdent(gebreyesus()), novak()},
		}
		if !reflect.DeepEqual(a.Pruefung, want) {
			t.Errorf("Pruefung =\n%+v\nwant\n%+v", a.Pruefung, want)
		}
	})

	// An exam of another Traeger must be answered exactly like an unknown
	// one, text included, so that its existence does not leak.
	unbekannt := l.auskunft(kt1, "L999999999")
	tests := []struct {
		name   string
		caller mockstate.Caller
		nummer string
		want   []meldung
	}{
		{"ErrPruefungsnummerFehlt", kt1, "", []meldung{{inge.PflichtfeldFehlt, "Pruefungsnummer"}}},
		{"ErrPruefungUnbekannt", kt1, "L999999999", []meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungEinesAnderenTraegers", kt2, l.nummer, []meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := l.auskunft(tt.caller, tt.nummer)
			hasStatus(t, a, inge.StatusAbgelehnt)
			hasMeldungen(t, a.List(), tt.want...)
			if a.Pruefung != nil {
				t.Errorf("Pruefung = %+v; want nil", a.Pruefung)
			}
			gleicherTextWieUnbekannt(t, a.List(), unbekannt.List(), tt.nummer, "L999999999")
		})
	}

	t.Run("OK/Storniert", func(t *testing.T) {
		l.stornieren()
		a := l.auskunft(kt1, l.nummer)
		hasStatus(t, a, inge.StatusVerarbeitet)
		if a.Pruefung == nil || a.Pruefung.Pruefungsstatus != inge.PruefungStorniert || len(a.Pruefung.Pruefling) != 3 {
			t.Errorf("Pruefung = %+v; want the cancelled exam with its 3 candidates", a.Pruefung)
		}
	})
}
