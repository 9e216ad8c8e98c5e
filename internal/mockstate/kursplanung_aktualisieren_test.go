package mockstate_test

import (
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func TestKursplanungAktualisieren(t *testing.T) {
	tests := []struct {
		name   string
		plan   func(*inge.Kursplanung)
		vorher func(l *kursLauf)
		heute  inge.Datum // of the update; 2027-04-15 if empty
		mutate func(l *kursLauf, r *inge.KursplanungAktualisierenAnfrage)
		want   []meldung // nil: the new plan is stored
	}{
		{name: "OK"},
		{name: "OK/AmVortagDesKursbeginns", heute: "2027-05-02"},
		{name: "OK/Mehrmals", vorher: func(l *kursLauf) {
			r := l.neuePlanung()
			r.Kursplanung.Kursort = "KO-10000001-01"
			mustSucceed(l.tb, l.apply(r))
		}},
		{name: "OK/NachVerschobenemKursbeginn", vorher: func(l *kursLauf) {
			r := l.neuePlanung()
			spaeterBegonnen(&r.Kursplanung)
			mustSucceed(l.tb, l.apply(r))
		}, heute: "2027-05-04", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			spaeterBegonnen(&r.Kursplanung)
		}},

		{name: "ErrKurskennungFehlt", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kurskennung = ""
		}, want: []meldung{{inge.PflichtfeldFehlt, "Kurskennung"}}},
		{name: "ErrKursUnbekannt", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kurskennung = "K999999999"
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrKursEinesAnderenTraegers", mutate: func(l *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kurskennung = l.fremderKurs()
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrKursplanungIstStorniert", vorher: (*kursLauf).stornieren,
			want: []meldung{{inge.KursplanungIstStorniert, "Kurskennung"}}},
		{name: "ErrAmKursbeginn", heute: "2027-05-03",
			want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrNachKursbeginn", heute: "2027-05-04", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kursplanung.Nachmeldungsgrund = "01"
		}, want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrNachKursbeginnmeldung", plan: func(k *inge.Kursplanung) {
			// planned for 2027-05-10, begun early on 2027-05-03
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-05-10", "2027-05-10"
		}, vorher: func(l *kursLauf) {
			l.beginnMelden(func(d *inge.Kursbeginndaten) { d.Beginn = "2027-05-03" })
		}, heute: "2027-05-06", want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrVerschiebenNachKursbeginn", heute: "2027-05-04", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			// the new plan begins later, but the stored one has begun
			spaeterBegonnen(&r.Kursplanung)
		}, want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrNeuePlanungUngueltig", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kursplanung.Kursort = "KO-99999999-01"
			r.Kursplanung.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
		}, want: []meldung{
			{inge.KursortUnbekannt, "Kursplanung/Kursort"},
			{inge.LehrkraftUnbekannt, "Kursplanung/Lehrkraft[1]/Lehrkraftkennung"},
		}},
		{name: "ErrAlleBefundeZugleich", heute: "2027-05-03", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kursplanung.Kursort = "KO-10000002-01"
		}, want: []meldung{
			{inge.AktualisierungNachBeginn, "Kurskennung"},
			{inge.KursortUnbekannt, "Kursplanung/Kursort"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neuerKurs(t, tt.plan)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			l.heute(oder(tt.heute, "2027-04-15"))
			req := l.neuePlanung()
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursplanungAktualisiert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			k := l.kurs()
			hasKursstatus(t, k, inge.KursGeplant)
			if k.Kursort != req.Kursplanung.Kursort {
				t.Errorf("Kursauskunft: Kursort = %s; want %s", k.Kursort, req.Kursplanung.Kursort)
			}
			if !reflect.DeepEqual(k.Teilnehmer, req.Kursplanung.Teilnehmer) {
				t.Errorf("Kursauskunft: Teilnehmer = %+v; want %+v", k.Teilnehmer, req.Kursplanung.Teilnehmer)
			}
			if kurse, tn := stored(t, l.s); kurse != 1 || tn != len(req.Kursplanung.Teilnehmer) {
				t.Errorf("stored: %d kurs, %d kurs_teilnehmer rows; want 1 and %d", kurse, tn, len(req.Kursplanung.Teilnehmer))
			}
		})
	}

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, nil)
		l.heute("2027-04-15")
		l.rollback(t, l.neuePlanung(), inge.KursplanungAktualisiert)
	})
}
