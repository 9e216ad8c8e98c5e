package mockstate_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
)

func TestKursplanungErfassen(t *testing.T) {
	var v vorgaenge
	gespeichert := meldung{inge.KursplanungGespeichert, ""}
	tests := []struct {
		name   string
		mutate func(k *inge.Kursplanung)
		want   []meldung // nil: the plan is stored
	}{
		{"OK", func(*inge.Kursplanung) {}, nil},
		{"OK/MinimalPlan", func(k *inge.Kursplanung) {
			k.Wochenstunden, k.Abschnitt, k.Teilnehmer, k.Lehrkraft, k.Zusatzangaben = nil, nil, nil, nil, nil
		}, nil},
		// The course has begun on its first day: a plan captured then is a
		// Nachmeldung, as an update then comes too late (M3011).
		{"OK/KursbeginnTodayWithNachmeldungsgrund", func(k *inge.Kursplanung) {
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-03-10", "2027-03-10"
			k.Nachmeldungsgrund = "01"
		}, nil},
		{"ErrKursbeginnTodayWithoutNachmeldungsgrund", func(k *inge.Kursplanung) {
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-03-10", "2027-03-10"
		}, []meldung{{inge.NachmeldungsgrundFehlt, "Kursplanung/Nachmeldungsgrund"}}},
		{"OK/KursbeginnPastWithNachmeldungsgrund", func(k *inge.Kursplanung) {
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-03-01", "2027-03-01"
			k.Nachmeldungsgrund = "01"
		}, nil},
		{"OK/PersonByOtherAktenzeichen", func(k *inge.Kursplanung) {
			k.Teilnehmer[2].Ident.Aktenzeichen = &inge.Aktenzeichen{Art: inge.AktenzeichenABH, Wert: "ABH-09-2023-004711"}
		}, nil},
		{"OK/TnrKursMaxCountsFirstSectionOnly", func(k *inge.Kursplanung) {
			k.TnrKursMax = new(2)
			k.Teilnehmer[2].Kursabschnitt = "2"
		}, nil},

		{"ErrPflichtfelderFehlen", func(k *inge.Kursplanung) {
			k.Kursart = ""
			k.Kursende = ""
			k.TnrKursMax = nil
			k.Unterrichtszeit[0].Unterrichtseinheiten = nil
			k.Teilnehmer[0].Ident = nil
			k.Teilnehmer[1].Ident.Aktenzeichen = nil
			k.Lehrkraft[0].Lehrkraftkennung = ""
		}, []meldung{
			{inge.PflichtfeldFehlt, "Kursplanung/Kursart"},
			{inge.PflichtfeldFehlt, "Kursplanung/Kursende"},
			{inge.PflichtfeldFehlt, "Kursplanung/TnrKursMax"},
			{inge.PflichtfeldFehlt, "Kursplanung/Unterrichtszeit[1]/Unterrichtseinheiten"},
			{inge.PflichtfeldFehlt, "Kursplanung/Teilnehmer[1]/Ident"},
			{inge.PflichtfeldFehlt, "Kursplanung/Teilnehmer[2]/Ident/Aktenzeichen"},
			{inge.PflichtfeldFehlt, "Kursplanung/Lehrkraft[1]/Lehrkraftkennung"},
		}},
		{"ErrCodeUnbekannt", func(k *inge.Kursplanung) {
			k.Kursart = "99"
			k.Teilnehmer[0].Kursabschnitt = "X"
		}, []meldung{
			{inge.CodeUnbekannt, "Kursplanung/Kursart"},
			{inge.CodeUnbekannt, "Kursplanung/Teilnehmer[1]/Kursabschnitt"},
		}},
		{"ErrKursortUnbekannt", func(k *inge.Kursplanung) {
			k.Kursort = "KO-99999999-01"
		}, []meldung{{inge.KursortUnbekannt, "Kursplanung/Kursort"}}},
		{"ErrKursortEinesAnderenTraegers", func(k *inge.Kursplanung) {
			k.Kursort = "KO-10000002-01"
		}, []meldung{{inge.KursortUnbekannt, "Kursplanung/Kursort"}}},
		{"ErrAbschnittKursortUnbekannt", func(k *inge.Kursplanung) {
			k.Abschnitt[0].Kursort = "KO-99999999-01"
		}, []meldung{{inge.KursortUnbekannt, "Kursplanung/Abschnitt[1]/Kursort"}}},
		{"ErrKursendeVorBeginn", func(k *inge.Kursplanung) {
			k.Kursende = "2027-05-02"
			k.Abschnitt = nil // would lie outside the course, too
		}, []meldung{{inge.KursendeVorBeginn, "Kursplanung/Kursende"}}},
		{"ErrAbschnittEndeVorBeginn", func(k *inge.Kursplanung) {
			k.Abschnitt[1].Ende = "2027-06-06"
		}, []meldung{{inge.KursendeVorBeginn, "Kursplanung/Abschnitt[2]/Ende"}}},
		{"ErrAbschnittNachKursende", func(k *inge.Kursplanung) {
			k.Abschnitt[1].Ende = "2028-01-14"
		}, []meldung{{inge.AbschnittAusserhalbKurs, "Kursplanung/Abschnitt[2]"}}},
		{"ErrAbschnittVorKursbeginn", func(k *inge.Kursplanung) {
			k.Abschnitt[0].Beginn = "2027-04-26"
		}, []meldung{{inge.AbschnittAusserhalbKurs, "Kursplanung/Abschnitt[1]"}}},
		{"ErrUnterrichtszeitEndeVorBeginn", func(k *inge.Kursplanung) {
			u := &k.Unterrichtszeit[0]
			u.Beginn, u.Ende, u.PauseBeginn, u.PauseEnde = "12:45", "08:30", "", ""
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[1]"}}},
		{"ErrUnterrichtszeitEndeGleichBeginn", func(k *inge.Kursplanung) {
			u := &k.Unterrichtszeit[4]
			u.Ende, u.PauseBeginn, u.PauseEnde = u.Beginn, "", ""
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[5]"}}},
		{"ErrPauseNachUnterrichtsende", func(k *inge.Kursplanung) {
			k.Unterrichtszeit[1].PauseEnde = "13:00"
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[2]"}}},
		{"ErrPauseVorUnterrichtsbeginn", func(k *inge.Kursplanung) {
			k.Unterrichtszeit[2].PauseBeginn = "08:00"
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[3]"}}},
		{"ErrPauseOhneEnde", func(k *inge.Kursplanung) {
			k.Unterrichtszeit[3].PauseEnde = ""
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[4]"}}},
		{"ErrNachmeldungsgrundFehlt", func(k *inge.Kursplanung) {
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-03-09", "2027-03-09"
		}, []meldung{{inge.NachmeldungsgrundFehlt, "Kursplanung/Nachmeldungsgrund"}}},
		{"ErrLehrkraftUnbekannt", func(k *inge.Kursplanung) {
			k.Lehrkraft = append(k.Lehrkraft, inge.Lehrkraft{Lehrkraftkennung: "LK-2099-99999"})
		}, []meldung{{inge.LehrkraftUnbekannt, "Kursplanung/Lehrkraft[2]/Lehrkraftkennung"}}},
		{"ErrKursverguetungMindestbetrag", func(k *inge.Kursplanung) {
			k.Zusatzangaben.KursverguetungMindestbetrag = new(true)
		}, []meldung{{inge.MindestbetragNurBeiKursbeginn, "Kursplanung/Zusatzangaben/KursverguetungMindestbetrag"}}},
		{"ErrPersonGeburtsdatumFalsch", func(k *inge.Kursplanung) {
			k.Teilnehmer[1].Ident.Geburtsdatum = "1995-11-03"
		}, []meldung{{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[2]/Ident"}}},
		{"ErrPersonAktenzeichenFalsch", func(k *inge.Kursplanung) {
			k.Teilnehmer[1].Ident.Aktenzeichen.Wert = "6100102-424"
		}, []meldung{{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[2]/Ident"}}},
		{"ErrPersonAktenzeichenArtFalsch", func(k *inge.Kursplanung) {
			k.Teilnehmer[2].Ident.Aktenzeichen.Art = inge.AktenzeichenABH // the value is her BAMF Kennziffer
		}, []meldung{{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[3]/Ident"}}},
		{"ErrPersonDoppelt", func(k *inge.Kursplanung) {
			k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: person("1991-04-17", "6100101-475")})
		}, []meldung{{inge.PersonDoppelt, "Kursplanung/Teilnehmer[4]/Ident"}}},
		{"ErrPersonDoppeltUeberAnderesAktenzeichen", func(k *inge.Kursplanung) {
			k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: &inge.TeilnehmerIdent{
				Geburtsdatum: "1988-07-23",
				Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenABH, Wert: "ABH-09-2023-004711"},
			}})
		}, []meldung{{inge.PersonDoppelt, "Kursplanung/Teilnehmer[4]/Ident"}}},
		{"ErrTnrKursMaxUeberschritten", func(k *inge.Kursplanung) {
			k.TnrKursMax = new(2)
		}, []meldung{{inge.TnrKursMaxUeberschritten, "Kursplanung/Teilnehmer"}}},
		{"ErrAlleRegelnZugleich", func(k *inge.Kursplanung) {
			k.Kursart = "99"
			k.Kursort = "KO-10000002-01"
			k.Kursbeginn = "2027-03-01"
			k.Kursende = "2027-02-26"
			k.Abschnitt = []inge.GeplanterAbschnitt{{Kursabschnitt: "1", Beginn: "2027-03-01", Ende: "2027-03-26", Kursort: "KO-99999999-01"}}
			k.Unterrichtszeit[0].PauseEnde = "13:00"
			k.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
			k.Zusatzangaben.KursverguetungMindestbetrag = new(false)
			k.Teilnehmer[0].Ident.Geburtsdatum = "1991-04-18"
			k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: person("1995-11-02", "6100102-423")})
			k.TnrKursMax = new(1)
		}, []meldung{
			{inge.CodeUnbekannt, "Kursplanung/Kursart"},
			{inge.KursortUnbekannt, "Kursplanung/Kursort"},
			{inge.KursendeVorBeginn, "Kursplanung/Kursende"},
			{inge.AbschnittAusserhalbKurs, "Kursplanung/Abschnitt[1]"},
			{inge.KursortUnbekannt, "Kursplanung/Abschnitt[1]/Kursort"},
			{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[1]"},
			{inge.NachmeldungsgrundFehlt, "Kursplanung/Nachmeldungsgrund"},
			{inge.MindestbetragNurBeiKursbeginn, "Kursplanung/Zusatzangaben/KursverguetungMindestbetrag"},
			{inge.LehrkraftUnbekannt, "Kursplanung/Lehrkraft[1]/Lehrkraftkennung"},
			{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[1]/Ident"},
			{inge.PersonDoppelt, "Kursplanung/Teilnehmer[4]/Ident"},
			{inge.TnrKursMaxUeberschritten, "Kursplanung/Teilnehmer"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t)
			req := validPlan(t)
			tt.mutate(&req.Kursplanung)
			resp := erfassen(t, s, &v, kt1, req)

			if tt.want == nil {
				hasStatus(t, resp, inge.StatusVerarbeitet)
				hasMeldungen(t, resp.List(), planHinweise(t, &req.Kursplanung, "2027-03-10", gespeichert)...)
				if !kurskennungRE.MatchString(resp.Kurskennung) {
					t.Fatalf("Kurskennung = %q; want K and nine digits", resp.Kurskennung)
				}
				if k, tn := stored(t, s); k != 1 || tn != len(req.Kursplanung.Teilnehmer) {
					t.Errorf("stored: %d kurs, %d kurs_teilnehmer rows; want 1 and %d", k, tn, len(req.Kursplanung.Teilnehmer))
				}
				a := auskunft(t, s, &v, kt1, resp.Kurskennung)
				hasStatus(t, a, inge.StatusVerarbeitet)
				return
			}
			hasStatus(t, resp, inge.StatusAbgelehnt)
			hasMeldungen(t, resp.List(), tt.want...)
			if resp.Kurskennung != "" {
				t.Errorf("Kurskennung = %q; want none", resp.Kurskennung)
			}
			hasNothingStored(t, s)
		})
	}
}

// TestKursplanungErfassen_MeldungTexts checks that the values a rule names
// reach the text of its Meldung.
func TestKursplanungErfassen_MeldungTexts(t *testing.T) {
	var v vorgaenge
	s := openStore(t)
	req := validPlan(t)
	req.Kursplanung.Kursort = "KO-10000002-01"
	req.Kursplanung.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
	req.Kursplanung.TnrKursMax = new(2)
	resp := erfassen(t, s, &v, kt1, req)
	want := map[string][]string{
		"M3001": {`"KO-10000002-01"`},
		"M3005": {`"LK-2099-99999"`},
		"M3006": {"3 Teilnehmende", "höchstens 2"},
	}
	for _, m := range resp.List() {
		for _, part := range want[m.Code] {
			if !strings.Contains(m.Text, part) {
				t.Errorf("Meldung %s: Text = %q; want it to contain %q", m.Code, m.Text, part)
			}
		}
		delete(want, m.Code)
	}
	for code := range want {
		t.Errorf("no Meldung %s", code)
	}
}

func TestKursplanungErfassenRollback(t *testing.T) {
	var v vorgaenge
	s := openStore(t)

	req := validPlan(t)
	req.Rollback = true
	resp := erfassen(t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	// Only the Rollback Hinweis: "Kursplanung erfolgreich gespeichert" would
	// contradict it.
	hasMeldungen(t, resp.List(), planHinweise(t, &validPlan(t).Kursplanung, "2027-03-10", meldung{inge.RollbackGeprueft, ""})...)
	if !kurskennungRE.MatchString(resp.Kurskennung) {
		t.Fatalf("Kurskennung = %q; want K and nine digits", resp.Kurskennung)
	}
	hasNothingStored(t, s)

	a := auskunft(t, s, &v, kt1, resp.Kurskennung)
	hasStatus(t, a, inge.StatusAbgelehnt)
	hasMeldungen(t, a.List(), meldung{inge.KursUnbekannt, "Kurskennung"})
	if a.Kurs != nil {
		t.Errorf("Kursauskunft of the rolled back Kurskennung: Kurs = %+v; want nil", a.Kurs)
	}

	t.Run("KurskennungNotReused", func(t *testing.T) {
		// A Kurskennung is unique for ever (migration 002). A client that
		// has been shown one in a Rollback answer must not later find it
		// naming another course.
		danach := erfassen(t, s, &v, kt1, validPlan(t))
		hasStatus(t, danach, inge.StatusVerarbeitet)
		if danach.Kurskennung == resp.Kurskennung {
			t.Errorf("Kurskennung of the stored plan = %q, the same as the Rollback's", danach.Kurskennung)
		}
		a := auskunft(t, s, &v, kt1, resp.Kurskennung)
		hasStatus(t, a, inge.StatusAbgelehnt)
	})

	t.Run("ErrRejectedIsAbgelehnt", func(t *testing.T) {
		s := openStore(t)
		req := validPlan(t)
		req.Rollback = true
		req.Kursplanung.Kursort = "KO-99999999-01"
		resp := erfassen(t, s, &v, kt1, req)
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(), meldung{inge.KursortUnbekannt, "Kursplanung/Kursort"})
		if resp.Kurskennung != "" {
			t.Errorf("Kurskennung = %q; want none", resp.Kurskennung)
		}
		hasNothingStored(t, s)
	})
}

func TestKurskennungUnique(t *testing.T) {
	const n = 30
	var v vorgaenge
	s := openFileStore(t)
	// Without participants, so that a future rule limiting a person to one
	// planned course cannot reject the copies.
	req := func() *inge.KursplanungErfassenAnfrage {
		r := validPlan(t)
		r.Kursplanung.Teilnehmer = nil
		return r
	}

	kennungen := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			resp, err := ingetest.TryApply(t, s, kt1, req())
			if err != nil {
				t.Errorf("Apply %d: %v", i, err)
				return
			}
			r, ok := resp.(*inge.KursplanungErfassenAntwort)
			if !ok {
				t.Errorf("Apply %d = %T; want *inge.KursplanungErfassenAntwort", i, resp)
				return
			}
			v.check(t, r)
			if r.Status != inge.StatusVerarbeitet {
				t.Errorf("Apply %d: Status = %s, Meldungen %+v; want %s", i, r.Status, r.List(), inge.StatusVerarbeitet)
			}
			kennungen[i] = r.Kurskennung
		})
	}
	wg.Wait()

	seen := map[string]bool{}
	for i, k := range kennungen {
		if !kurskennungRE.MatchString(k) {
			t.Errorf("Apply %d: Kurskennung = %q; want K and nine digits", i, k)
		}
		if seen[k] {
			t.Errorf("Kurskennung %q given twice", k)
		}
		seen[k] = true
	}
	if k, _ := stored(t, s); k != n {
		t.Errorf("stored: %d kurs rows; want %d", k, n)
	}
}

// planHinweise returns what an accepted plan is answered with on heute:
// the success, and the Hinweis that a plan is due three months ahead when
// it comes later than that but before the start (BAMF-KT, ITM 10.5).
func planHinweise(tb testing.TB, k *inge.Kursplanung, heute inge.Datum, erfolg meldung) []meldung {
	tb.Helper()
	beginn, err1 := k.Kursbeginn.Time()
	tag, err2 := heute.Time()
	if err1 != nil || err2 != nil {
		tb.Fatalf("dates %s, %s: %v %v", k.Kursbeginn, heute, err1, err2)
	}
	if tag.Before(beginn) && beginn.Before(tag.AddDate(0, 3, 0)) {
		return []meldung{erfolg, {inge.KursplanungKurzfristig, "Kursplanung/Kursbeginn"}}
	}
	return []meldung{erfolg}
}

// TestKursplanungErfassen_DreiMonateVorher: the plan is sent "möglichst
// drei Monate im Vorfeld" (BAMF-KT; ITM 10.5: "soweit möglich"): later it is
// stored with a Hinweis, never refused. The plan of KP-1 begins on
// 2027-05-03.
func TestKursplanungErfassen_DreiMonateVorher(t *testing.T) {
	tests := []struct {
		heute   inge.Datum
		hinweis bool
	}{
		{"2027-02-03", false}, // exactly three months ahead
		{"2027-02-04", true},
		{"2027-05-02", true}, // the day before the start
	}
	for _, tt := range tests {
		t.Run(string(tt.heute), func(t *testing.T) {
			t.Parallel()
			var v vorgaenge
			s := openStore(t)
			heute(t, s, tt.heute)
			resp := erfassen(t, s, &v, kt1, validPlan(t))
			hasStatus(t, resp, inge.StatusVerarbeitet)
			want := []meldung{{inge.KursplanungGespeichert, ""}}
			if tt.hinweis {
				want = append(want, meldung{inge.KursplanungKurzfristig, "Kursplanung/Kursbeginn"})
			}
			hasMeldungen(t, resp.List(), want...)
		})
	}
}

// TestKursplanungErfassen_Teilnehmerregeln: the TRS 08/18 rules (ABES-SPAET):
// a plan lists the entitled participants, current and future, but not one
// planned only for the Orientierungskurs, unless the whole course is one.
// Further Kursorte of a planned section must be the Traeger's (ITM 10.3.6).
func TestKursplanungErfassen_Teilnehmerregeln(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(k *inge.Kursplanung)
		want   []meldung // nil: stored
	}{
		{name: "OK/SpaetererAbschnitt", mutate: func(k *inge.Kursplanung) { k.Teilnehmer[2].Kursabschnitt = "3" }},
		{name: "OK/WeitererKursort", mutate: func(k *inge.Kursplanung) {
			k.Abschnitt[0].WeitererKursort = []string{"KO-10000001-02"}
		}},
		{name: "ErrNurOrientierungskurs", mutate: func(k *inge.Kursplanung) { k.Teilnehmer[2].Kursabschnitt = "OK" },
			want: []meldung{{inge.NurOrientierungskursEingeplant, "Kursplanung/Teilnehmer[3]/Kursabschnitt"}}},
		{name: "ErrWeitererKursortFremd", mutate: func(k *inge.Kursplanung) {
			k.Abschnitt[1].WeitererKursort = []string{"KO-10000001-02", "KO-10000002-01"}
		}, want: []meldung{{inge.KursortUnbekannt, "Kursplanung/Abschnitt[2]/WeitererKursort[2]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var v vorgaenge
			s := openStore(t)
			req := validPlan(t)
			tt.mutate(&req.Kursplanung)
			resp := erfassen(t, s, &v, kt1, req)
			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				hasNothingStored(t, s)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
		})
	}
	// A course that is only an Orientierungskurs plans its participants.
	t.Run("OK/GanzerKursOrientierungskurs", func(t *testing.T) {
		var v vorgaenge
		s := openStore(t)
		req := validPlan(t)
		k := &req.Kursplanung
		k.BeginnKursabschnitt, k.Abschnitt = "OK", k.Abschnitt[:1]
		k.Abschnitt[0].Kursabschnitt = "OK"
		for i := range k.Teilnehmer {
			k.Teilnehmer[i].Kursabschnitt = "OK"
		}
		resp := erfassen(t, s, &v, kt1, req)
		hasStatus(t, resp, inge.StatusVerarbeitet)
	})
}
