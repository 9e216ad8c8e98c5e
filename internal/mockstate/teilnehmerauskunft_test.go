package mockstate_test

import (
	"encoding/xml"
	"slices"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func teilnehmerauskunft(tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, id *inge.TeilnehmerIdent) *inge.TeilnehmerauskunftAntwort {
	tb.Helper()
	req := &inge.TeilnehmerauskunftAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: caller.Traegernummer}},
		Ident:   *id,
	}
	return mustApply[*inge.TeilnehmerauskunftAntwort](tb, s, v, caller, req)
}

// hasTeilnehmer compares the Teilnehmerdaten of an Auskunft as they go over
// the wire.
func hasTeilnehmer(tb testing.TB, resp *inge.TeilnehmerauskunftAntwort, want *inge.Teilnehmerdaten) {
	tb.Helper()
	if resp.Teilnehmer == nil {
		tb.Fatalf("Teilnehmer = nil; want %s (Meldungen %v)", want.Person.Familienname, resp.List())
	}
	g, err := xml.MarshalIndent(resp.Teilnehmer, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	w, err := xml.MarshalIndent(want, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	if string(g) != string(w) {
		tb.Errorf("Teilnehmer =\n%s\nwant\n%s", g, w)
	}
}

// Berechtigungen as the Auskunft shows them.
var (
	behoerdeBAMF      = inge.Behoerde{Art: bamf, Bezeichnung: "Bundesamt für Migration und Flüchtlinge"}
	behoerdeLRA       = inge.Behoerde{Art: abh, Bezeichnung: "Landratsamt Beispielkreis – Ausländerbehörde"}
	behoerdeStadt     = inge.Behoerde{Art: abh, Bezeichnung: "Stadt Beispielstadt – Ausländerbehörde"}
	behoerdeJobcenter = inge.Behoerde{Art: tgs, Bezeichnung: "Jobcenter Beispielstadt"}
)

func personendaten(p tnPerson, frueher ...string) inge.Personendaten {
	return inge.Personendaten{
		Familienname: p.familienname, Vorname: p.vorname, FruehererName: frueher,
		Geburtsdatum: inge.Datum(p.geburtsdatum), Geburtsort: p.geburtsort, Geschlecht: p.geschlecht,
		Staatsangehoerigkeit: p.staatsangehoerigkeit, Wohnanschrift: p.anschrift(), Regionalstelle: "Nürnberg",
	}
}

func alleAbschnitte() []inge.BesuchterAbschnitt {
	var out []inge.BesuchterAbschnitt
	for _, a := range []string{"1", "2", "3", "4", "5", "6", "OK"} {
		out = append(out, inge.BesuchterAbschnitt{Kursabschnitt: a, AbgerechneteStunden: 100})
	}
	return out
}

func TestTeilnehmerauskunft(t *testing.T) {
	var v vorgaenge
	auskunftAlle := new(mockstate.DefaultRegeln())
	auskunftAlle.Auskunft = mockstate.AuskunftAlle
	tests := []struct {
		name   string
		ident  *inge.TeilnehmerIdent
		caller mockstate.Caller
		regeln *mockstate.Regeln
		want   *inge.Teilnehmerdaten // nil: no data
		melden []meldung
		texte  map[string][]string // code -> parts of its text
	}{
		{name: "TN-1/BerechtigungDesBAMF", ident: tnKowalczyk.ident(), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnKowalczyk, "Wiśniewska"),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: bamf, Wert: "7100101-152"}, Zulassungsart: "B", Behoerde: behoerdeBAMF,
				GueltigAb: "2026-07-20", GueltigBis: "2028-07-19", Merkmal: []string{"Zulassung auf Antrag (§ 44 Abs. 4 AufenthG)"},
			}},
			ErstzulassungGueltigBis: "2028-07-19", TnTyp: "5", KbTyp: "1",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 700, BeanspruchteStunden: 0, VerfuegbareStunden: 700},
		}},
		{name: "TN-2/BerechtigungDerAuslaenderbehoerde", ident: tnIdent("1997-09-03", abh, "ABH-09-2026-017342"), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnKhoury),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: "ABH-09-2026-017342"}, Zulassungsart: "B", Behoerde: behoerdeLRA,
				BehoerdenAktenzeichen: "ABH-09-2026-017342", GueltigAb: "2026-05-11", GueltigBis: "2028-05-10",
			}},
			ErstzulassungGueltigBis: "2028-05-10", TnTyp: "3", KbTyp: "2",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700},
		}},
		{name: "TN-3/BerechtigungDesBVA", ident: tnIdent("1978-12-05", bva, "BVA-2026-204517"), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnReimer, "Dück"),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: bva, Wert: "BVA-2026-204517"}, Zulassungsart: "B",
				Behoerde:              inge.Behoerde{Art: bva, Bezeichnung: "Bundesverwaltungsamt – Außenstelle Friedland"},
				BehoerdenAktenzeichen: "BVA-2026-204517", GueltigAb: "2026-04-20", GueltigBis: "2028-04-19",
				Merkmal: []string{"Spätaussiedler (§ 9 Abs. 1 BVFG)"},
			}},
			ErstzulassungGueltigBis: "2028-04-19", TnTyp: "7", KbTyp: "2",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700},
		}},
		{name: "TN-4/VerpflichtungDurchDasJobcenter", ident: tnIdent("1992-01-19", tgs, "962D311842"), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnAmiri),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: tgs, Wert: "962D311842"}, Zulassungsart: "V", Behoerde: behoerdeJobcenter,
				BehoerdenAktenzeichen: "962D311842", GueltigAb: "2026-08-10", GueltigBis: "2028-08-09",
				Merkmal: []string{"Verpflichtung nach § 44a Abs. 1 Satz 1 Nr. 2 AufenthG"},
			}},
			ErstzulassungGueltigBis: "2028-08-09", TnTyp: "8", KbTyp: "3",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700},
		}},
		{name: "TN-5/ZweiVerpflichtendeStellen", ident: tnWoldemariam.ident(), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnWoldemariam),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: "ABH-09-2026-021905"}, Zulassungsart: "V", Behoerde: behoerdeStadt,
				BehoerdenAktenzeichen: "ABH-09-2026-021905", GueltigAb: "2026-06-15", GueltigBis: "2028-06-14",
				Merkmal: []string{"Verpflichtung nach § 44a Abs. 1 Satz 1 Nr. 1 AufenthG"},
			}, {
				Aktenzeichen: inge.Aktenzeichen{Art: tgs, Wert: "962D318077"}, Zulassungsart: "V", Behoerde: behoerdeJobcenter,
				BehoerdenAktenzeichen: "962D318077", GueltigAb: "2026-08-03", GueltigBis: "2028-08-02",
				Merkmal: []string{"Verpflichtung nach § 44a Abs. 1 Satz 1 Nr. 2 AufenthG"},
			}},
			ErstzulassungGueltigBis: "2028-06-14", TnTyp: "8", KbTyp: "3",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700},
		}, melden: []meldung{{inge.MehrereVerpflichtendeStellen, ""}},
			texte: map[string][]string{"M2032": {"Jobcenter Beispielstadt, Stadt Beispielstadt – Ausländerbehörde"}}},
		{name: "TN-6/BerechtigungErloschen", ident: tnCelik.ident(), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnCelik),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: "ABH-09-2024-008815"}, Zulassungsart: "B", Behoerde: behoerdeLRA,
				BehoerdenAktenzeichen: "ABH-09-2024-008815", GueltigAb: "2024-05-06", GueltigBis: "2026-05-05",
				ErloschenAm: "2026-03-01", // the day after a year from the last day of the last course
			}},
			ErstzulassungGueltigBis: "2026-05-05", TnTyp: "3", KbTyp: "1",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 0, BeanspruchteStunden: 200, VerfuegbareStunden: 0},
			Kursbesuch: []inge.Kursbesuch{{Traegernummer: "10000001", Kurskennung: "K900240815", Kursart: "01", Von: "2024-09-02", Bis: "2025-02-28",
				Abschnitt: []inge.BesuchterAbschnitt{{Kursabschnitt: "1", AbgerechneteStunden: 100}, {Kursabschnitt: "2", AbgerechneteStunden: 100}}}},
		}, melden: []meldung{{inge.BerechtigungErloschen, ""}},
			texte: map[string][]string{"M2031": {"ABH-09-2024-008815", "01.03.2026"}}},
		{name: "TN-7/TeilweiseBeiAnderemTraegerVerbraucht", ident: tnLysenko.ident(), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnLysenko),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: "ABH-05-2025-033190"}, Zulassungsart: "B",
				Behoerde:              inge.Behoerde{Art: abh, Bezeichnung: "Stadt Köln – Ausländerbehörde"},
				BehoerdenAktenzeichen: "ABH-05-2025-033190", GueltigAb: "2025-09-01", GueltigBis: "2027-08-31",
			}},
			ErstzulassungGueltigBis: "2027-08-31", TnTyp: "3", KbTyp: "2",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 700, BeanspruchteStunden: 300, VerfuegbareStunden: 400},
			Kursbesuch: []inge.Kursbesuch{{Traegernummer: "10000099", Kurskennung: "K900251006", Kursart: "01", Von: "2026-01-12", Bis: "2026-04-03",
				Abschnitt: alleAbschnitte()[:3]}},
		}, melden: []meldung{{inge.KontingentTeilweiseVerbraucht, ""}},
			texte: map[string][]string{"M2033": {"300 von 700"}}},
		{name: "TN-8/ZulassungZurKurswiederholung", ident: tnOsmani.ident(), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnOsmani),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: bamf, Wert: "7800101-121"}, Zulassungsart: "B", Behoerde: behoerdeBAMF,
				GueltigAb: "2024-11-04", GueltigBis: "2027-11-03",
			}, {
				Aktenzeichen: inge.Aktenzeichen{Art: wied, Wert: "7800901-121"}, Zulassungsart: "W", Behoerde: behoerdeBAMF,
				GueltigAb: "2026-03-16", GueltigBis: "2027-03-15",
			}},
			ErstzulassungGueltigBis: "2027-11-03", TnTyp: "1", KbTyp: "1", WiederholerAktenzeichen: "7800901-121",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 700, BeanspruchteStunden: 700, VerfuegbareStunden: 0},
			Kursbesuch: []inge.Kursbesuch{{Traegernummer: "10000001", Kurskennung: "K900250113", Kursart: "01", Von: "2025-01-13", Bis: "2026-01-30",
				Abschnitt: alleAbschnitte()}},
			Dtz: []inge.DtzErgebnis{{Pruefungsdatum: "2026-02-14", Ergebnis: "A2"}},
		}},
		{name: "TN-9/ZulassungStorniertUndZweiDTZ", ident: tnBerisha.ident(), want: &inge.Teilnehmerdaten{
			Person: personendaten(tnBerisha),
			Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
				Aktenzeichen: inge.Aktenzeichen{Art: bamf, Wert: "7900102-121"}, Zulassungsart: "B", Behoerde: behoerdeBAMF,
				GueltigAb: "2024-08-05", GueltigBis: "2026-08-04", ErloschenAm: "2026-11-01",
			}, {
				Aktenzeichen: inge.Aktenzeichen{Art: wied, Wert: "7900902-121"}, Zulassungsart: "W", Behoerde: behoerdeBAMF,
				GueltigAb: "2026-02-09", GueltigBis: "2027-02-08", Stornierungsdatum: "2026-06-30",
			}},
			ErstzulassungGueltigBis: "2026-08-04", TnTyp: "1", KbTyp: "1", WiederholerAktenzeichen: "7900902-121",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 0, BeanspruchteStunden: 700, VerfuegbareStunden: 0},
			Kursbesuch: []inge.Kursbesuch{{Traegernummer: "10000001", Kurskennung: "K900240902", Kursart: "01", Von: "2024-09-02", Bis: "2025-10-31",
				Abschnitt: alleAbschnitte()}},
			Dtz: []inge.DtzErgebnis{{Pruefungsdatum: "2025-11-15", Ergebnis: "A2"}, {Pruefungsdatum: "2026-05-16", Ergebnis: "B1"}},
		}, melden: []meldung{{inge.BerechtigungErloschen, ""}},
			texte: map[string][]string{"M2031": {"7900102-121", "01.11.2026"}}},
		{name: "TN-11/ZwillingOmar", ident: tnOmar.ident(), want: zwilling(tnOmar, "ABH-09-2026-020114")},
		{name: "TN-11/ZwillingHuda", ident: tnHuda.ident(), want: zwilling(tnHuda, "ABH-09-2026-020115")},
		{name: "TN-11/ZwillingHudaUeberABHKennziffer", ident: tnIdent("2000-08-15", abh, "ABH-09-2026-020115"), want: zwilling(tnHuda, "ABH-09-2026-020115")},

		{name: "ErrTN-10/PersonUnbekannt", ident: tnMansour.ident(), melden: []meldung{{inge.PersonNichtIdentifiziert, "Ident"}}},
		{name: "ErrTN-11/GeburtsdatumDesZwillingsMitFremderKennziffer", ident: tnIdent("2000-08-15", bamf, tnKowalczyk.kennziffer),
			melden: []meldung{{inge.PersonNichtIdentifiziert, "Ident"}}},
		{name: "ErrTN-11/KennzifferMitFalschemGeburtsdatum", ident: tnIdent("2000-08-16", bamf, tnOmar.kennziffer),
			melden: []meldung{{inge.PersonNichtIdentifiziert, "Ident"}}},
		{name: "ErrTN-12/BeiAnderemTraegerAngemeldet", ident: tnHosseini.ident(), melden: []meldung{{inge.AuskunftNichtZulaessig, "Ident"}}},
		{name: "ErrTN-2/NirgendsAngemeldet", ident: tnSharifi.ident(), melden: []meldung{{inge.AuskunftNichtZulaessig, "Ident"}}},
		{name: "ErrAndererTraegerFragtNachEigenerPerson", ident: tnKowalczyk.ident(), caller: kt2,
			melden: []meldung{{inge.AuskunftNichtZulaessig, "Ident"}}},
		{name: "OKAlle/BeiAnderemTraegerAngemeldet", ident: tnHosseini.ident(),
			regeln: auskunftAlle,
			want: &inge.Teilnehmerdaten{
				Person: inge.Personendaten{Familienname: "Hosseini", Vorname: "Reza", Geburtsdatum: "1996-01-25", Geburtsort: "Maschhad",
					Geschlecht: "m", Staatsangehoerigkeit: []string{"439"}, Wohnanschrift: tnHosseini.anschrift(), Regionalstelle: "Dortmund"},
				Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
					Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: "ABH-05-2026-040672"}, Zulassungsart: "B",
					Behoerde:              inge.Behoerde{Art: abh, Bezeichnung: "Stadt Musterhausen – Ausländerbehörde"},
					BehoerdenAktenzeichen: "ABH-05-2026-040672", GueltigAb: "2026-06-22", GueltigBis: "2028-06-21",
				}},
				ErstzulassungGueltigBis: "2028-06-21", TnTyp: "3", KbTyp: "1",
				Kontingent: &inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700},
			}},
		{name: "OKAlle/NirgendsAngemeldet", ident: tnSharifi.ident(),
			regeln: auskunftAlle,
			want: &inge.Teilnehmerdaten{
				Person: personendaten(tnSharifi),
				Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
					Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: "ABH-09-2026-019058"}, Zulassungsart: "B", Behoerde: behoerdeLRA,
					BehoerdenAktenzeichen: "ABH-09-2026-019058", GueltigAb: "2026-10-05", GueltigBis: "2028-10-04",
				}},
				ErstzulassungGueltigBis: "2028-10-04", TnTyp: "3", KbTyp: "1",
				Kontingent: &inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700},
			}},
		{name: "ErrAlle/PersonUnbekannt", ident: tnMansour.ident(),
			regeln: auskunftAlle,
			melden: []meldung{{inge.PersonNichtIdentifiziert, "Ident"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var opts []mockstate.Option
			if tt.regeln != nil {
				opts = append(opts, mockstate.WithRegeln(*tt.regeln))
			}
			s, _ := openTeilnehmerStore(t, opts...)
			caller := tt.caller
			if caller == (mockstate.Caller{}) {
				caller = kt1
			}
			vorher := teilnehmerStand(t, s)
			resp := teilnehmerauskunft(t, s, &v, caller, tt.ident)
			unchanged(t, s, vorher)
			hasMeldungen(t, resp.List(), tt.melden...)
			for code, parts := range tt.texte {
				hasText(t, resp.List(), code, parts...)
			}
			if tt.want == nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				if resp.Teilnehmer != nil {
					t.Errorf("Teilnehmer = %+v; want none", resp.Teilnehmer.Person)
				}
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasTeilnehmer(t, resp, tt.want)
		})
	}
}

func zwilling(p tnPerson, abhKennziffer string) *inge.Teilnehmerdaten {
	return &inge.Teilnehmerdaten{
		Person: personendaten(p),
		Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
			Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: abhKennziffer}, Zulassungsart: "B", Behoerde: behoerdeStadt,
			BehoerdenAktenzeichen: abhKennziffer, GueltigAb: "2026-07-06", GueltigBis: "2028-07-05",
		}},
		ErstzulassungGueltigBis: "2028-07-05", TnTyp: "3", KbTyp: "1",
		Kontingent: &inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700},
	}
}

// TestTeilnehmerauskunft_GemeldeteKursabschnitte: a section reported to the
// mock counts as a course visit at the reporting Traeger, with the
// Unterrichtseinheiten of its Kursart, next to the visits the Testdatenpaket
// sets up.
func TestTeilnehmerauskunft_GemeldeteKursabschnitte(t *testing.T) {
	var v vorgaenge
	s, uhr := openTeilnehmerStore(t)

	// Frau Lysenko continues with the Aufbaukurs (section 4) that Frau
	// Kowalczyk joins as well; the course is planned on 16.11.2026.
	plan := erfassen(t, s, &v, kt1, tnKursplanung(t, "4", tnLysenko, tnKowalczyk))
	hasStatus(t, plan, inge.StatusVerarbeitet)
	uhr.Add(15 * 24 * time.Hour) // 01.12.2026, the day after the begin
	beginn := mustApply[*inge.KursbeginnMeldenAntwort](t, s, &v, kt1, tnKursbeginn(t, plan.Kurskennung, "4", tnLysenko, tnKowalczyk))
	hasStatus(t, beginn, inge.StatusVerarbeitet)

	gemeldet := inge.Kursbesuch{Traegernummer: "10000001", Kurskennung: plan.Kurskennung, Kursart: "01", Von: "2026-11-30", Bis: "2026-12-23",
		Abschnitt: []inge.BesuchterAbschnitt{{Kursabschnitt: "4", AbgerechneteStunden: 100}}}

	a := teilnehmerauskunft(t, s, &v, kt1, tnLysenko.ident())
	hasStatus(t, a, inge.StatusVerarbeitet)
	hasMeldungen(t, a.List(), meldung{inge.KontingentTeilweiseVerbraucht, ""})
	hasText(t, a.List(), "M2033", "400 von 700")
	want := &inge.Teilnehmerdaten{
		Person: personendaten(tnLysenko),
		Teilnahmeberechtigung: []inge.Teilnahmeberechtigung{{
			Aktenzeichen: inge.Aktenzeichen{Art: abh, Wert: "ABH-05-2025-033190"}, Zulassungsart: "B",
			Behoerde:              inge.Behoerde{Art: abh, Bezeichnung: "Stadt Köln – Ausländerbehörde"},
			BehoerdenAktenzeichen: "ABH-05-2025-033190", GueltigAb: "2025-09-01", GueltigBis: "2027-08-31",
		}},
		ErstzulassungGueltigBis: "2027-08-31", TnTyp: "3", KbTyp: "2",
		Kontingent: &inge.Kontingent{GenehmigteStunden: 700, BeanspruchteStunden: 400, VerfuegbareStunden: 300},
		Kursbesuch: []inge.Kursbesuch{
			{Traegernummer: "10000099", Kurskennung: "K900251006", Kursart: "01", Von: "2026-01-12", Bis: "2026-04-03", Abschnitt: alleAbschnitte()[:3]},
			gemeldet,
		},
	}
	hasTeilnehmer(t, a, want)

	// Only this Traeger: no Hinweis on hours used elsewhere.
	a = teilnehmerauskunft(t, s, &v, kt1, tnKowalczyk.ident())
	hasMeldungen(t, a.List())
	if d := a.Teilnehmer; d == nil || len(d.Kursbesuch) != 1 || d.Kontingent == nil ||
		*d.Kontingent != (inge.Kontingent{GenehmigteStunden: 700, BeanspruchteStunden: 100, VerfuegbareStunden: 600}) {
		t.Errorf("Teilnehmerauskunft Kowalczyk = %+v; want one Kursbesuch and Kontingent 700/100/600", d)
	}

	// The other Traeger asks about a participant of 10000001's course: no.
	a = teilnehmerauskunft(t, s, &v, kt2, tnLysenko.ident())
	hasMeldungen(t, a.List(), meldung{inge.AuskunftNichtZulaessig, "Ident"})
}

// TestTeilnehmerauskunft_ErloschenGrenze: an entitlement lapses "wegen mehr
// als einjähriger Kursinaktivität" (BAMF-KT). Herr Çelik's last course ended
// on 28.02.2025: on 28.02.2026 the inactivity is exactly one year, not
// more; from 01.03.2026 on the entitlement has lapsed, and that is the date
// shown.
func TestTeilnehmerauskunft_ErloschenGrenze(t *testing.T) {
	tests := []struct {
		heute     inge.Datum
		erloschen inge.Datum // "" if not lapsed
	}{
		{"2026-02-28", ""},
		{"2026-03-01", "2026-03-01"},
	}
	for _, tt := range tests {
		t.Run(string(tt.heute), func(t *testing.T) {
			var v vorgaenge
			s, _ := openTeilnehmerStore(t)
			heute(t, s, tt.heute)
			a := teilnehmerauskunft(t, s, &v, kt1, tnCelik.ident())
			hasStatus(t, a, inge.StatusVerarbeitet)
			var got inge.Datum
			for _, b := range a.Teilnehmer.Teilnahmeberechtigung {
				got = b.ErloschenAm
			}
			if got != tt.erloschen {
				t.Errorf("ErloschenAm = %q; want %q", got, tt.erloschen)
			}
			hasM2031 := slices.ContainsFunc(a.List(), func(m inge.Meldung) bool { return m.Code == "M2031" })
			if hasM2031 != (tt.erloschen != "") {
				t.Errorf("Meldungen %v: M2031 present = %v; want %v", a.List(), hasM2031, tt.erloschen != "")
			}
		})
	}
}
