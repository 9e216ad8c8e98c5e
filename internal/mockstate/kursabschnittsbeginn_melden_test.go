package mockstate_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestKursabschnittsbeginnMelden(t *testing.T) {
	tests := []struct {
		name       string
		nurGeplant bool // the begin of the course is not reported
		vorher     func(l *kursLauf)
		abschnitt  string
		heute      inge.Datum // of the report; the day after the section's begin if empty
		mutate     func(l *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage)
		want       []meldung       // nil: the section is stored
		status     inge.Kursstatus // after an OK; begonnen if empty
		abschnitte int             // reported sections after an OK; 2 if 0
	}{
		{name: "OK", abschnitt: "2"},
		{name: "OK/MeldefristGenauSiebenTage", abschnitt: "2", heute: "2027-06-14"},
		{name: "OK/AmTagDesBeginns", abschnitt: "2", heute: "2027-06-07"},
		{name: "OK/NurTeilnehmendeDesAbschnitts", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.Teilnehmer = []inge.TeilnehmerIdent{*person("1979-01-30", "6100104-166")} // not planned
		}},
		{name: "OK/VorzeitigesKursende", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.VorzeitigesKursende = "01"
		}, status: inge.KursBeendet},
		{name: "OK/Abschnitt3", vorher: func(l *kursLauf) { l.abschnittMelden("2", nil) }, abschnitt: "3", abschnitte: 3},

		{name: "ErrKursbeginnNichtGemeldet", nurGeplant: true, abschnitt: "2",
			want: []meldung{{inge.KursbeginnNichtGemeldet, "Kurskennung"}}},
		{name: "ErrAbschnittBereitsGemeldet/1", abschnitt: "1", heute: "2027-05-05",
			want: []meldung{{inge.AbschnittBereitsGemeldet, "Abschnitt/Kursabschnitt"}}},
		{name: "ErrAbschnittBereitsGemeldet/2", vorher: func(l *kursLauf) { l.abschnittMelden("2", nil) }, abschnitt: "2",
			want: []meldung{{inge.AbschnittBereitsGemeldet, "Abschnitt/Kursabschnitt"}}},
		{name: "ErrAbschnittUebersprungen", abschnitt: "3",
			want: []meldung{{inge.AbschnittNichtDerNaechste, "Abschnitt/Kursabschnitt"}}},
		{name: "ErrAbschnittPasstNichtZurKursart", abschnitt: "7", heute: "2027-06-08", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.Beginn, r.Abschnitt.Ende = "2027-06-07", "2027-07-09"
		}, want: []meldung{{inge.AbschnittPasstNichtZurKursart, "Abschnitt/Kursabschnitt"}}},
		{name: "ErrKursIstBeendet", vorher: func(l *kursLauf) {
			l.abschnittMelden("2", func(d *inge.Kursabschnittsdaten) { d.VorzeitigesKursende = "01" })
		}, abschnitt: "3", want: []meldung{{inge.KursIstBeendet, "Kurskennung"}}},
		{name: "ErrMeldefristUeberschritten", abschnitt: "2", heute: "2027-06-15",
			want: []meldung{{inge.MeldefristUeberschritten, "Abschnitt/Beginn"}}},
		{name: "ErrBeginnInZukunft", abschnitt: "2", heute: "2027-06-06",
			want: []meldung{{inge.BeginnInZukunft, "Abschnitt/Beginn"}}},
		{name: "ErrKursverguetungMindestbetrag", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.Zusatzangaben = &inge.Zusatzangaben{KursverguetungMindestbetrag: new(false)}
		}, want: []meldung{{inge.MindestbetragNurBeiKursbeginn, "Abschnitt/Zusatzangaben/KursverguetungMindestbetrag"}}},
		{name: "ErrLehrkraftFehlt", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.Lehrkraft = nil
		}, want: []meldung{{inge.PflichtfeldFehlt, "Abschnitt/Lehrkraft"}}},
		{name: "ErrLehrkraftZulassungAbgelaufen", abschnitt: "3", vorher: func(l *kursLauf) { l.abschnittMelden("2", nil) },
			mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
				r.Abschnitt.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388"}} // until 2027-06-30
			}, want: []meldung{{inge.LehrkraftZulassungAbgelaufen, "Abschnitt/Lehrkraft[1]/Lehrkraftkennung"}}},
		{name: "ErrTnrKursMaxUeberschritten", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.TnrKursMax = new(2)
		}, want: []meldung{{inge.TnrKursMaxUeberschritten, "Abschnitt/Teilnehmer"}}},
		{name: "ErrKursUnbekannt", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
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
			req := l.abschnittsbeginn(tt.abschnitt)
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			l.heute(oder(tt.heute, plusTage(t, req.Abschnitt.Beginn, 1)))
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursabschnittsbeginnGespeichert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			k := l.kurs()
			hasKursstatus(t, k, oder(tt.status, inge.KursBegonnen))
			if a := abschnittDerAuskunft(t, k, tt.abschnitt); !a.BeginnGemeldet {
				t.Errorf("Kursauskunft: Abschnitt %s: BeginnGemeldet = false; want true", tt.abschnitt)
			}
			if n := gemeldet(k); n != max(tt.abschnitte, 2) {
				t.Errorf("Kursauskunft: %d sections with BeginnGemeldet; want %d", n, max(tt.abschnitte, 2))
			}
		})
	}

	t.Run("OK/AlleAbschnitteDerReiheNach", func(t *testing.T) {
		t.Parallel()
		l := begonnenerKurs(t, nil)
		for _, abschnitt := range []string{"2", "3", "4", "5", "6", "OK"} {
			req := l.abschnittsbeginn(abschnitt)
			l.heute(plusTage(t, req.Abschnitt.Beginn, 1))
			resp := l.apply(req)
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.Base().List(), meldung{inge.KursabschnittsbeginnGespeichert, ""})
		}
		k := l.kurs()
		hasKursstatus(t, k, inge.KursBegonnen)
		var got []string
		for _, a := range k.Abschnitt {
			got = append(got, fmt.Sprintf("%s:%t", a.Kursabschnitt, a.BeginnGemeldet))
		}
		if want := []string{"1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "OK:true"}; !slices.Equal(got, want) {
			t.Errorf("Kursauskunft: Abschnitte = %v; want %v", got, want)
		}

		// Every section of Kursart 01 is reported: one again is refused as
		// reported, one of another Kursart as not of this one.
		vorher := l.zustand()
		for abschnitt, want := range map[string]meldung{
			"6": {inge.AbschnittBereitsGemeldet, "Abschnitt/Kursabschnitt"},
			"7": {inge.AbschnittPasstNichtZurKursart, "Abschnitt/Kursabschnitt"},
		} {
			req := l.abschnittsbeginn("OK")
			req.Abschnitt.Kursabschnitt = abschnitt
			resp := l.apply(req)
			hasStatus(t, resp, inge.StatusAbgelehnt)
			hasMeldungen(t, resp.Base().List(), want)
		}
		l.unveraendert(t, vorher)
	})

	t.Run("ErrNachDemLetztenAbschnitt", func(t *testing.T) {
		t.Parallel()
		// A course from section 4 to the Orientierungskurs: after OK no
		// section follows, not even one that was never reported.
		l := begonnenerKurs(t, abAbschnitt4)
		for _, abschnitt := range []string{"5", "6", "OK"} {
			l.abschnittMelden(abschnitt, nil)
		}
		req := l.abschnittsbeginn("OK")
		req.Abschnitt.Kursabschnitt = "1"
		req.Abschnitt.Teilnehmer = nil     // planned for section 4: not participants of 1 (M3037)
		req.Abschnitt.TnrKursMax = new(17) // 20 less the three planned for 4 (M3038)
		vorher := l.zustand()
		resp := l.apply(req)
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.Base().List(), meldung{inge.AbschnittNichtDerNaechste, "Abschnitt/Kursabschnitt"})
		l.unveraendert(t, vorher)
	})

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := begonnenerKurs(t, nil)
		l.heute("2027-06-08")
		l.rollback(t, l.abschnittsbeginn("2"), inge.KursabschnittsbeginnGespeichert)
	})
}

// gemeldet counts the sections of a Kursauskunft whose begin was reported.
func gemeldet(k *inge.Kursdaten) int {
	n := 0
	for _, a := range k.Abschnitt {
		if a.BeginnGemeldet {
			n++
		}
	}
	return n
}

// TestKursabschnittsbeginnMelden_VorzeitigesKursende: code list 816 says the
// current section "voraussichtlich der letzte Kursabschnitt sein wird, bzw.
// tatsächlich der letzte war" (ITM 10.3.1). While the latest section
// carries it, the course is beendet and takes no further section; a
// correction of that section without it withdraws it, and the course goes
// on; a correction of an earlier section leaves it standing.
func TestKursabschnittsbeginnMelden_VorzeitigesKursende(t *testing.T) {
	l := begonnenerKurs(t, nil)
	l.abschnittMelden("2", func(d *inge.Kursabschnittsdaten) { d.VorzeitigesKursende = "01" })
	hasKursstatus(t, l.kurs(), inge.KursBeendet)

	weiter := l.abschnittsbeginn("3")
	l.heute(plusTage(t, weiter.Abschnitt.Beginn, 1))
	resp := l.apply(weiter)
	hasStatus(t, resp, inge.StatusAbgelehnt)
	hasMeldungen(t, resp.Base().List(), meldung{inge.KursIstBeendet, "Kurskennung"})

	// Correcting the first section leaves the early end of the second.
	mustSucceed(t, l.apply(l.abschnittAktualisieren("1")))
	hasKursstatus(t, l.kurs(), inge.KursBeendet)

	// The correction of section 2 without code 816 withdraws it.
	mustSucceed(t, l.apply(l.abschnittAktualisieren("2")))
	hasKursstatus(t, l.kurs(), inge.KursBegonnen)
	resp = l.apply(weiter)
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasKursstatus(t, l.kurs(), inge.KursBegonnen)
}

// TestKursabschnittsbeginnMelden_Abschnittsfolge: the sources are silent on
// skipping a section (Q-KP: a begin after each one); the setting
// Abschnittsfolge decides. streng (the default) takes the next section
// only; frei takes any later one; neither takes an earlier one.
func TestKursabschnittsbeginnMelden_Abschnittsfolge(t *testing.T) {
	tests := []struct {
		name      string
		folge     mockstate.Abschnittsfolge
		abschnitt string
		ok        bool
	}{
		{"Streng/Naechster", mockstate.AbschnittsfolgeStreng, "2", true},
		{"Streng/Uebersprungen", mockstate.AbschnittsfolgeStreng, "3", false},
		{"Frei/Naechster", mockstate.AbschnittsfolgeFrei, "2", true},
		{"Frei/Uebersprungen", mockstate.AbschnittsfolgeFrei, "4", true},
		{"Frei/Frueher", mockstate.AbschnittsfolgeFrei, "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			regeln := mockstate.DefaultRegeln()
			regeln.Abschnittsfolge = tt.folge
			l := &kursLauf{tb: t, s: openStore(t, mockstate.WithRegeln(regeln)), v: &vorgaenge{}}
			req := validPlan(t)
			resp := erfassen(t, l.s, l.v, kt1, req)
			mustSucceed(t, resp)
			l.kennung, l.plan = resp.Kurskennung, req.Kursplanung
			l.beginnMelden(nil)
			r := l.abschnittsbeginn(tt.abschnitt)
			if tt.abschnitt == "1" { // section 1 is reported already; its dates again
				r.Abschnitt.Kursabschnitt = "1"
			}
			l.heute(plusTage(t, r.Abschnitt.Beginn, 1))
			got := l.apply(r)
			if tt.ok {
				hasStatus(t, got, inge.StatusVerarbeitet)
				return
			}
			hasStatus(t, got, inge.StatusAbgelehnt)
			want := inge.AbschnittNichtDerNaechste
			if tt.abschnitt == "1" {
				want = inge.AbschnittBereitsGemeldet
			}
			hasMeldungen(t, got.Base().List(), meldung{want, "Abschnitt/Kursabschnitt"})
		})
	}
}

// TestKursabschnittsbeginnMelden_AktuellerAbschnitt: "Only participants of
// the current section may be reported", and TnrKursMax "must be reduced by
// the number of participants planned to join later" (ABES-SPAET). In the
// plan Herr Öztürk joins in section 2.
func TestKursabschnittsbeginnMelden_AktuellerAbschnitt(t *testing.T) {
	spaeter := func(k *inge.Kursplanung) { k.Teilnehmer[2].Kursabschnitt = "2" }
	tests := []struct {
		name        string
		ohneOztuerk bool
		tnrKursMax  int
		want        []meldung // besides the success
		abgelehnt   bool
	}{
		// 25 seats in the plan, one kept for the later joiner: 24.
		{name: "OK/Verringert", ohneOztuerk: true, tnrKursMax: 24},
		{name: "Warnung/NichtVerringert", ohneOztuerk: true, tnrKursMax: 25,
			want: []meldung{{inge.TnrKursMaxNichtVerringert, "Kursbeginn/TnrKursMax"}}},
		{name: "ErrSpaetererTeilnehmerGemeldet", tnrKursMax: 24, abgelehnt: true,
			want: []meldung{{inge.TeilnehmerNichtImAbschnitt, "Kursbeginn/Teilnehmer[3]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neuerKurs(t, spaeter)
			r := l.kursbeginn()
			if tt.ohneOztuerk {
				r.Kursbeginn.Teilnehmer = r.Kursbeginn.Teilnehmer[:2]
			}
			r.Kursbeginn.TnrKursMax = new(tt.tnrKursMax)
			l.heute(plusTage(t, r.Kursbeginn.Beginn, 2))
			resp := l.apply(r)
			if tt.abgelehnt {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.Base().List(), tt.want...)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.Base().List(), append(tt.want, meldung{inge.KursbeginnGespeichert, ""})...)
		})
	}
	// In section 2, where he is planned, he is reported.
	t.Run("OK/ImEigenenAbschnitt", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, spaeter)
		l.beginnMelden(func(d *inge.Kursbeginndaten) {
			d.Teilnehmer, d.TnrKursMax = d.Teilnehmer[:2], new(24)
		})
		r := l.abschnittsbeginn("2")
		l.heute(plusTage(t, r.Abschnitt.Beginn, 1))
		resp := l.apply(r)
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.Base().List(), meldung{inge.KursabschnittsbeginnGespeichert, ""})
	})
}

// TestKursabschnittsbeginnMelden_WeitereKursorte: from interface version 2.0
// a section has several Kursorte (ITM 10.3.6), each an approved Kursort of
// the Traeger; the Kursauskunft shows them.
func TestKursabschnittsbeginnMelden_WeitereKursorte(t *testing.T) {
	l := begonnenerKurs(t, nil)
	r := l.abschnittsbeginn("2")
	r.Abschnitt.WeitererKursort = []string{"KO-10000001-01", "KO-10000002-01"}
	l.heute(plusTage(t, r.Abschnitt.Beginn, 1))
	resp := l.apply(r)
	hasStatus(t, resp, inge.StatusAbgelehnt)
	hasMeldungen(t, resp.Base().List(), meldung{inge.KursortUnbekannt, "Abschnitt/WeitererKursort[2]"})

	r.Abschnitt.WeitererKursort = r.Abschnitt.WeitererKursort[:1]
	mustSucceed(t, l.apply(r))
	for _, a := range l.kurs().Abschnitt {
		if a.Kursabschnitt == "2" && !slices.Equal(a.WeitererKursort, []string{"KO-10000001-01"}) {
			t.Errorf("Kursauskunft: section 2 WeitererKursort = %v; want [KO-10000001-01]", a.WeitererKursort)
		}
	}
}
