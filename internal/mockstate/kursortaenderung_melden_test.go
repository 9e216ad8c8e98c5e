package mockstate_test

import (
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func TestKursortaenderungMelden(t *testing.T) {
	tests := []struct {
		name       string
		nurGeplant bool // the begin of the course is not reported
		vorher     func(l *kursLauf)
		abschnitt  string
		kursort    string
		mutate     func(l *kursLauf, r *inge.KursortaenderungMeldenAnfrage)
		want       []meldung // nil: the change is stored
	}{
		{name: "OK", abschnitt: "2", kursort: "KO-10000001-01"},
		{name: "OK/NichtGeplanterAbschnitt", abschnitt: "3", kursort: "KO-10000001-02"},
		{name: "OK/VorKursbeginn", nurGeplant: true, abschnitt: "2", kursort: "KO-10000001-01"},
		{name: "OK/ErsterAbschnittVorKursbeginn", nurGeplant: true, abschnitt: "1", kursort: "KO-10000001-02"},

		{name: "ErrAbschnittBegonnen", abschnitt: "1", kursort: "KO-10000001-02",
			want: []meldung{{inge.KursortaenderungNachBeginn, "Aenderung[1]/Kursabschnitt"}}},
		{name: "ErrAbschnittBegonnenUnterMehreren", abschnitt: "3", kursort: "KO-10000001-02",
			mutate: func(_ *kursLauf, r *inge.KursortaenderungMeldenAnfrage) {
				r.Aenderung = append(r.Aenderung, inge.Kursortaenderung{Kursabschnitt: "1", Kursort: "KO-10000001-02", GueltigAb: "2027-05-10"})
			}, want: []meldung{{inge.KursortaenderungNachBeginn, "Aenderung[2]/Kursabschnitt"}}},
		{name: "ErrKursortUnbekannt", abschnitt: "2", kursort: "KO-99999999-01",
			want: []meldung{{inge.KursortUnbekannt, "Aenderung[1]/Kursort"}}},
		{name: "ErrKursortEinesAnderenTraegers", abschnitt: "2", kursort: "KO-10000002-01",
			want: []meldung{{inge.KursortUnbekannt, "Aenderung[1]/Kursort"}}},
		{name: "ErrAbschnittPasstNichtZurKursart", abschnitt: "7", kursort: "KO-10000001-01",
			want: []meldung{{inge.AbschnittPasstNichtZurKursart, "Aenderung[1]/Kursabschnitt"}}},
		{name: "ErrKursplanungIstStorniert", nurGeplant: true, vorher: (*kursLauf).stornieren, abschnitt: "2", kursort: "KO-10000001-01",
			want: []meldung{{inge.KursplanungIstStorniert, "Kurskennung"}}},
		{name: "ErrKursIstBeendet", vorher: func(l *kursLauf) {
			l.abschnittMelden("2", func(d *inge.Kursabschnittsdaten) { d.VorzeitigesKursende = "01" })
		}, abschnitt: "3", kursort: "KO-10000001-01", want: []meldung{{inge.KursIstBeendet, "Kurskennung"}}},
		{name: "ErrKursUnbekannt", abschnitt: "2", kursort: "KO-10000001-01", mutate: func(_ *kursLauf, r *inge.KursortaenderungMeldenAnfrage) {
			r.Kurskennung = "K999999999"
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
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
			req := l.kursortaenderung(tt.abschnitt, tt.kursort)
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursortaenderungGespeichert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			a := abschnittDerAuskunft(t, l.kurs(), tt.abschnitt)
			if a.Kursort != tt.kursort || a.BeginnGemeldet {
				t.Errorf("Kursauskunft: Abschnitt %s = %+v; want Kursort %s, BeginnGemeldet false", tt.abschnitt, a, tt.kursort)
			}
		})
	}

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := begonnenerKurs(t, nil)
		l.rollback(t, l.kursortaenderung("2", "KO-10000001-01"), inge.KursortaenderungGespeichert)
	})
}
