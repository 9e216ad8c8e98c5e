package mockstate_test

import (
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func TestKursabschnittAktualisieren(t *testing.T) {
	tests := []struct {
		name       string
		nurGeplant bool // the begin of the course is not reported
		vorher     func(l *kursLauf)
		abschnitt  string
		heute      inge.Datum // of the correction; 2027-05-06 if empty
		mutate     func(l *kursLauf, r *inge.KursabschnittAktualisierenAnfrage)
		want       []meldung // nil: the correction is stored
	}{
		{name: "OK", abschnitt: "1"},
		{name: "OK/KeineFrist", abschnitt: "1", heute: "2027-06-02"}, // 30 days after the begin
		{name: "OK/SpaetererAbschnittKeineFrist", vorher: func(l *kursLauf) { l.abschnittMelden("2", nil) },
			abschnitt: "2", heute: "2027-07-07"},

		{name: "ErrKursbeginnNichtGemeldet", nurGeplant: true, abschnitt: "1",
			want: []meldung{{inge.KursbeginnNichtGemeldet, "Kurskennung"}}},
		{name: "ErrAbschnittBeginnNichtGemeldet", abschnitt: "2", heute: "2027-06-08",
			want: []meldung{{inge.AbschnittBeginnNichtGemeldet, "Abschnitt/Kursabschnitt"}}},
		{name: "ErrKursverguetungMindestbetrag", abschnitt: "1", mutate: func(_ *kursLauf, r *inge.KursabschnittAktualisierenAnfrage) {
			r.Abschnitt.Zusatzangaben = &inge.Zusatzangaben{KursverguetungMindestbetrag: new(true)}
		}, want: []meldung{{inge.MindestbetragNurBeiKursbeginn, "Abschnitt/Zusatzangaben/KursverguetungMindestbetrag"}}},
		{name: "ErrLehrkraftUnbekannt", abschnitt: "1", mutate: func(_ *kursLauf, r *inge.KursabschnittAktualisierenAnfrage) {
			r.Abschnitt.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
		}, want: []meldung{{inge.LehrkraftUnbekannt, "Abschnitt/Lehrkraft[1]/Lehrkraftkennung"}}},
		{name: "ErrKursUnbekannt", abschnitt: "1", mutate: func(_ *kursLauf, r *inge.KursabschnittAktualisierenAnfrage) {
			r.Kurskennung = "K999999999"
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrBeginnInZukunft", abschnitt: "1", mutate: func(_ *kursLauf, r *inge.KursabschnittAktualisierenAnfrage) {
			r.Abschnitt.Beginn = "2027-05-10" // a correction must not move the begin after today (2027-05-06)
		}, want: []meldung{{inge.BeginnInZukunft, "Abschnitt/Beginn"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neuerKurs(t, nil)
			if !tt.nurGeplant {
				l.beginnMelden(nil)
			}
			if tt.vorher != nil {
				tt.vorher(l)
			}
			l.heute(oder(tt.heute, "2027-05-06"))
			req := l.abschnittAktualisieren(tt.abschnitt)
			neu := []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388", Familienname: "Demir", Vorname: "Murat"}}
			req.Abschnitt.Lehrkraft = neu
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursabschnittAktualisiert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			k := l.kurs()
			hasKursstatus(t, k, inge.KursBegonnen)
			a := abschnittDerAuskunft(t, k, tt.abschnitt)
			if !a.BeginnGemeldet || !reflect.DeepEqual(a.Lehrkraft, neu) {
				t.Errorf("Kursauskunft: Abschnitt %s = %+v; want BeginnGemeldet and Lehrkraft %+v", tt.abschnitt, a, neu)
			}
			if !reflect.DeepEqual(k.Lehrkraft, neu) {
				t.Errorf("Kursauskunft: Lehrkraft = %+v; want %+v", k.Lehrkraft, neu)
			}
		})
	}

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := begonnenerKurs(t, nil)
		l.heute("2027-05-06")
		req := l.abschnittAktualisieren("1")
		req.Abschnitt.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388"}}
		l.rollback(t, req, inge.KursabschnittAktualisiert)
	})
}

// TestKursabschnittAktualisieren_EintrittNach25UE: a person the correction
// adds enters in time within the section's first 25 UE (BAMF-LF3, § 1 Abs. 4
// AbrRL); later only exceptionally, so the correction is stored with a
// Warnung. Section 1 begins on Monday 2027-05-03 with 5 UE Monday to
// Friday: 25 UE are taught by Monday 2027-05-10, 30 by Tuesday 2027-05-11.
func TestKursabschnittAktualisieren_EintrittNach25UE(t *testing.T) {
	kovalenko := person("1979-01-30", "6100104-166") // registered with 10000001 (TN-4)
	tests := []struct {
		name    string
		heute   inge.Datum
		neu     bool // Olena Kovalenko is added
		warnung bool
	}{
		{name: "OK/25UE", heute: "2027-05-10", neu: true},
		{name: "Warnung/30UE", heute: "2027-05-11", neu: true, warnung: true},
		{name: "OK/30UEOhneNeue", heute: "2027-05-11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := begonnenerKurs(t, nil)
			l.heute(tt.heute)
			r := l.abschnittAktualisieren("1")
			if tt.neu {
				r.Abschnitt.Teilnehmer = append(r.Abschnitt.Teilnehmer, *kovalenko)
			}
			resp := l.apply(r)
			hasStatus(t, resp, inge.StatusVerarbeitet)
			want := []meldung{{inge.KursabschnittAktualisiert, ""}}
			if tt.warnung {
				want = append(want, meldung{inge.EintrittNach25UE, "Abschnitt/Teilnehmer[4]"})
			}
			hasMeldungen(t, resp.Base().List(), want...)
		})
	}
}
