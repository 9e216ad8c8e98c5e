package mockstate_test

import (
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func TestKursbeginnMelden(t *testing.T) {
	tests := []struct {
		name   string
		plan   func(*inge.Kursplanung)
		vorher func(l *kursLauf)
		heute  inge.Datum // of the report; 2027-05-05 if empty
		mutate func(l *kursLauf, r *inge.KursbeginnMeldenAnfrage)
		want   []meldung       // nil: the begin is stored
		status inge.Kursstatus // after an OK; begonnen if empty
	}{
		{name: "OK"},
		{name: "OK/AmTagDesBeginns", heute: "2027-05-03"},
		{name: "OK/MeldefristGenauSiebenTage", heute: "2027-05-10"},
		{name: "OK/KursverguetungMindestbetrag", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Zusatzangaben = &inge.Zusatzangaben{KursverguetungMindestbetrag: new(true)}
		}},
		{name: "OK/EinTeilnehmerAusPlanung", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Teilnehmer = []inge.TeilnehmerIdent{*person("1979-01-30", "6100104-166"), *person("1995-11-02", "6100102-423")}
		}},
		{name: "OK/NiederschwelligGleichFrauen", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.AnzahlTnNiederschwellig = new(2) // Haidari and Öztürk
		}},
		{name: "OK/TnrKursMaxGenauErreicht", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.TnrKursMax, r.Kursbeginn.AnzahlSelbstzahler = new(5), new(2)
		}},
		{name: "OK/SchulferienUndAndereUnterbrechung", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.UnterbrechungSchulferien = new(true)
			r.Kursbeginn.Unterbrechung = []inge.Unterbrechung{{Von: "2027-05-13", Bis: "2027-05-14", Grund: "02"}}
		}},
		{name: "OK/LehrkraftZugelassenBisNachBeginn", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388"}}
		}},
		{name: "OK/VorzeitigesKursende", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.VorzeitigesKursende = "01"
		}, status: inge.KursBeendet},

		{name: "ErrKursbeginnBereitsGemeldet", vorher: func(l *kursLauf) { l.beginnMelden(nil) },
			want: []meldung{{inge.KursbeginnBereitsGemeldet, "Kurskennung"}}},
		{name: "ErrMeldefristUeberschritten", heute: "2027-05-11",
			want: []meldung{{inge.MeldefristUeberschritten, "Kursbeginn/Beginn"}}},
		{name: "ErrBeginnInZukunft", heute: "2027-05-02",
			want: []meldung{{inge.BeginnInZukunft, "Kursbeginn/Beginn"}}},
		{name: "ErrKeinTeilnehmerAusPlanung", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Teilnehmer = []inge.TeilnehmerIdent{*person("1979-01-30", "6100104-166")}
		}, want: []meldung{{inge.KeinTeilnehmerAusPlanung, "Kursbeginn/Teilnehmer"}}},
		// Planned for section 2, the persons are not yet participants of
		// section 1 either (ABES-SPAET), and the seats kept for them lower
		// TnrKursMax.
		{name: "ErrPlanungOhneTeilnehmerImErstenAbschnitt", plan: func(k *inge.Kursplanung) {
			for i := range k.Teilnehmer {
				k.Teilnehmer[i].Kursabschnitt = "2"
			}
		}, want: []meldung{
			{inge.PlanungOhneTeilnehmer, "Kurskennung"},
			{inge.TeilnehmerNichtImAbschnitt, "Kursbeginn/Teilnehmer[1]"},
			{inge.TeilnehmerNichtImAbschnitt, "Kursbeginn/Teilnehmer[2]"},
			{inge.TeilnehmerNichtImAbschnitt, "Kursbeginn/Teilnehmer[3]"},
			{inge.TnrKursMaxNichtVerringert, "Kursbeginn/TnrKursMax"},
		}},
		{name: "ErrPlanungOhneTeilnehmer", plan: func(k *inge.Kursplanung) {
			k.Teilnehmer = nil
		}, mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Teilnehmer = []inge.TeilnehmerIdent{*person("1991-04-17", "6100101-475")}
		}, want: []meldung{
			{inge.PlanungOhneTeilnehmer, "Kurskennung"},
			{inge.KeinTeilnehmerAusPlanung, "Kursbeginn/Teilnehmer"},
		}},
		{name: "ErrLehrwerkNichtFuerKursart", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Lehrwerk = []string{"LW-005", "LW-002"} // LW-002: Jugendintegrationskurs only
		}, want: []meldung{{inge.LehrwerkNichtZugelassen, "Kursbeginn/Lehrwerk[2]"}}},
		{name: "ErrLehrwerkUnbekannt", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Lehrwerk = []string{"LW-999"}
		}, want: []meldung{{inge.LehrwerkNichtZugelassen, "Kursbeginn/Lehrwerk[1]"}}},
		{name: "ErrNiederschwelligUeberFrauen", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.AnzahlTnNiederschwellig = new(3)
		}, want: []meldung{{inge.NiederschwelligUeberFrauen, "Kursbeginn/AnzahlTnNiederschwellig"}}},
		{name: "ErrNiederschwelligWiederholerkurs", plan: func(k *inge.Kursplanung) {
			k.Kursart = "10"
			abAbschnitt4(k)
		}, mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.AnzahlTnNiederschwellig = new(1)
		}, want: []meldung{{inge.NiederschwelligWiederholerkurs, "Kursbeginn/AnzahlTnNiederschwellig"}}},
		{name: "ErrFerienUnterbrechungDoppelt", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.UnterbrechungSchulferien = new(true)
			r.Kursbeginn.Unterbrechung = []inge.Unterbrechung{{Von: "2027-05-24", Bis: "2027-05-28", Grund: "01"}}
		}, want: []meldung{{inge.FerienUnterbrechungDoppelt, "Kursbeginn/Unterbrechung[1]/Grund"}}},
		{name: "ErrAbschnittPasstNichtZurKursart", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Kursabschnitt = "7"
		}, want: []meldung{{inge.AbschnittPasstNichtZurKursart, "Kursbeginn/Kursabschnitt"}}},
		{name: "ErrKursortEinesAnderenTraegers", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Kursort = "KO-10000002-01"
		}, want: []meldung{{inge.KursortUnbekannt, "Kursbeginn/Kursort"}}},
		{name: "ErrLehrkraftFehlt", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Lehrkraft = nil
		}, want: []meldung{{inge.PflichtfeldFehlt, "Kursbeginn/Lehrkraft"}}},
		{name: "ErrLehrkraftUnbekannt", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
		}, want: []meldung{{inge.LehrkraftUnbekannt, "Kursbeginn/Lehrkraft[1]/Lehrkraftkennung"}}},
		{name: "ErrLehrkraftZulassungAbgelaufen", plan: spaeterBegonnen, heute: "2027-07-06",
			mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
				r.Kursbeginn.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388"}} // until 2027-06-30
			}, want: []meldung{{inge.LehrkraftZulassungAbgelaufen, "Kursbeginn/Lehrkraft[1]/Lehrkraftkennung"}}},
		{name: "ErrTnrKursMaxUeberschritten", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.TnrKursMax, r.Kursbeginn.AnzahlSelbstzahler = new(4), new(2)
		}, want: []meldung{{inge.TnrKursMaxUeberschritten, "Kursbeginn/Teilnehmer"}}},
		{name: "ErrKursplanungIstStorniert", vorher: (*kursLauf).stornieren,
			want: []meldung{{inge.KursplanungIstStorniert, "Kurskennung"}}},
		{name: "ErrKursUnbekannt", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kurskennung = "K999999999"
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrKursEinesAnderenTraegers", mutate: func(l *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kurskennung = l.fremderKurs()
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrAlleBefundeZugleich", heute: "2027-05-11", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			d := &r.Kursbeginn
			d.Kursabschnitt = "7"
			d.Kursort = "KO-10000002-01"
			d.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
			d.Lehrwerk = []string{"LW-002"}
			d.Teilnehmer = []inge.TeilnehmerIdent{*person("1979-01-30", "6100104-166")}
			d.AnzahlTnNiederschwellig = new(2)
		}, want: []meldung{
			{inge.AbschnittPasstNichtZurKursart, "Kursbeginn/Kursabschnitt"},
			{inge.MeldefristUeberschritten, "Kursbeginn/Beginn"},
			{inge.KursortUnbekannt, "Kursbeginn/Kursort"},
			{inge.LehrkraftUnbekannt, "Kursbeginn/Lehrkraft[1]/Lehrkraftkennung"},
			{inge.LehrwerkNichtZugelassen, "Kursbeginn/Lehrwerk[1]"},
			{inge.NiederschwelligUeberFrauen, "Kursbeginn/AnzahlTnNiederschwellig"},
			{inge.KeinTeilnehmerAusPlanung, "Kursbeginn/Teilnehmer"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neuerKurs(t, tt.plan)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			l.heute(oder(tt.heute, "2027-05-05"))
			req := l.kursbeginn()
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursbeginnGespeichert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			k := l.kurs()
			hasKursstatus(t, k, oder(tt.status, inge.KursBegonnen))
			a := abschnittDerAuskunft(t, k, l.plan.BeginnKursabschnitt)
			if !a.BeginnGemeldet || a.Beginn != req.Kursbeginn.Beginn {
				t.Errorf("Kursauskunft: Abschnitt %s = %+v; want BeginnGemeldet, Beginn %s", a.Kursabschnitt, a, req.Kursbeginn.Beginn)
			}
		})
	}

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, nil)
		l.heute("2027-05-05")
		l.rollback(t, l.kursbeginn(), inge.KursbeginnGespeichert)
		hasKursstatus(t, l.kurs(), inge.KursBegonnen)
	})
}

// TestKursbeginnMelden_Nachmeldung: the plan must hold a participant of the
// first section by the day before the start (CMX-VER). A plan captured only
// on or after the start, with its Nachmeldungsgrund, did not exist then: the
// rule cannot apply to it.
func TestKursbeginnMelden_Nachmeldung(t *testing.T) {
	l := &kursLauf{tb: t, s: openStore(t), v: &vorgaenge{}}
	req := validPlan(t)
	req.Kursplanung.Nachmeldungsgrund = "01"
	for i := range req.Kursplanung.Teilnehmer {
		req.Kursplanung.Teilnehmer[i].Kursabschnitt = "2" // none in the first section
	}
	l.heute(req.Kursplanung.Kursbeginn) // captured on the first day
	resp := erfassen(t, l.s, l.v, kt1, req)
	mustSucceed(t, resp)
	l.kennung, l.plan = resp.Kurskennung, req.Kursplanung
	r := l.kursbeginn()
	r.Kursbeginn.Teilnehmer = []inge.TeilnehmerIdent{*person("1979-01-30", "6100104-166")} // not in the plan
	r.Kursbeginn.TnrKursMax = new(22)                                                      // 25 less the three of section 2
	l.heute(plusTage(t, r.Kursbeginn.Beginn, 2))
	got := l.apply(r)
	hasStatus(t, got, inge.StatusAbgelehnt)
	// M3016 still applies: nobody of the plan is reported; M3017 does not.
	hasMeldungen(t, got.Base().List(), meldung{inge.KeinTeilnehmerAusPlanung, "Kursbeginn/Teilnehmer"})
}
