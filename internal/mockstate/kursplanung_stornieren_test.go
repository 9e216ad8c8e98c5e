package mockstate_test

import (
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
)

func TestKursplanungStornieren(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, nil)
		l.heute("2027-04-15")
		resp := l.apply(l.stornierung())
		l.ergebnis(t, resp, inge.KursplanungStorniertHinweis, "", nil)
		l.istStorniert()

		// A cancelled plan can't be used any more: every procedure on it,
		// with a request that would otherwise be valid, is refused.
		l.heute("2027-05-05")
		vorher := l.zustand()
		for _, req := range []inge.Request{
			l.neuePlanung(),
			l.stornierung(),
			l.kursbeginn(),
			l.abschnittsbeginn("2"),
			l.abschnittAktualisieren("1"),
			l.kursortaenderung("2", "KO-10000001-01"),
		} {
			p := ingetest.ProcedureOf(t, req)
			t.Run("Danach/"+p.Name, func(t *testing.T) {
				l := *l
				l.tb = t
				resp := l.apply(req)
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.Base().List(), meldung{inge.KursplanungIstStorniert, "Kurskennung"})
				l.unveraendert(t, vorher)
			})
		}
	})

	tests := []struct {
		name   string
		vorher func(l *kursLauf)
		heute  inge.Datum // of the cancellation; 2027-04-15 if empty
		mutate func(l *kursLauf, r *inge.KursplanungStornierenAnfrage)
		want   []meldung // nil: cancelled
	}{
		{name: "OK/NachGeplantemKursbeginnOhneMeldung", heute: "2027-05-04"},
		{name: "OK/AndererGrund", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Stornierungsgrund = "99"
		}},
		{name: "ErrZweimal", vorher: (*kursLauf).stornieren,
			want: []meldung{{inge.KursplanungIstStorniert, "Kurskennung"}}},
		{name: "ErrNachKursbeginnmeldung", vorher: func(l *kursLauf) { l.beginnMelden(nil) }, heute: "2027-05-05",
			want: []meldung{{inge.StornierungNachKursbeginn, "Kurskennung"}}},
		{name: "ErrStornierungsgrundFehlt", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Stornierungsgrund = ""
		}, want: []meldung{{inge.PflichtfeldFehlt, "Stornierungsgrund"}}},
		{name: "ErrStornierungsgrundUnbekannt", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Stornierungsgrund = "05"
		}, want: []meldung{{inge.CodeUnbekannt, "Stornierungsgrund"}}},
		{name: "ErrKursUnbekannt", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Kurskennung = "K999999999"
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrKursEinesAnderenTraegers", mutate: func(l *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Kurskennung = l.fremderKurs()
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neuerKurs(t, nil)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			l.heute(oder(tt.heute, "2027-04-15"))
			req := l.stornierung()
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursplanungStorniertHinweis, vorher, tt.want)
			if tt.want == nil {
				l.istStorniert()
			}
		})
	}

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, nil)
		l.heute("2027-04-15")
		l.rollback(t, l.stornierung(), inge.KursplanungStorniertHinweis)
		l.istStorniert()
	})
}
