package mockstate_test

import (
	"encoding/xml"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// erstanmeldung returns a complete, valid Erstanmeldung of p with Traeger
// 10000001 on tnHeute: ISCED 3A, lateinisch alphabetisiert, placement test a
// week ago recommending the first section of the general course.
func erstanmeldung(p tnPerson) *inge.AnmeldungErstverfahrenAnfrage {
	return &inge.AnmeldungErstverfahrenAnfrage{
		Anfrage: ingetest.KT1().Anfrage(),
		Anmeldung: inge.Erstanmeldung{
			Ident:                p.ident(),
			Familienname:         p.familienname,
			Vorname:              p.vorname,
			Geburtsname:          p.geburtsname,
			Geburtsort:           p.geburtsort,
			Geschlecht:           p.geschlecht,
			Staatsangehoerigkeit: append([]string(nil), p.staatsangehoerigkeit...),
			Anschrift:            p.anschrift(),
			Anmeldedatum:         tnHeute,
			JahrDerEinreise:      "2025",
			Bildungsstand:        "3A",
			Schreibkundigkeit:    "3", // lateinisch alphabetisiert
			Niederschwellig:      new(false),
			Einstufungstest: &inge.Einstufungstest{
				Zentralisiert:            new(false),
				Testdatum:                "2026-11-09",
				EmpfohleneKursart:        "01",
				EmpfohlenerKursabschnitt: "1",
			},
			KostenbefreiungBeantragt: new(false),
			Kinderbetreuung:          new(false),
		},
	}
}

func TestAnmeldungErstverfahren(t *testing.T) {
	var v vorgaenge
	const a = "Anmeldung"
	tests := []struct {
		name   string
		person tnPerson
		mutate func(a *inge.Erstanmeldung)
		want   []meldung // nil: stored with M2000
	}{
		{"OK", tnPopescu, func(*inge.Erstanmeldung) {}, nil},
		{"OK/IdentifiedByABHKennziffer", tnSharifi.mit(abh, "ABH-09-2026-019058"), func(*inge.Erstanmeldung) {}, nil},
		{"OK/ISCED1WithSchuljahre", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Bildungsstand, a.Schuljahre, a.Schreibkundigkeit = "1", new(6), "2"
		}, nil},
		{"OK/EinstufungstestVerzichtbar", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest = &inge.Einstufungstest{Verzichtbar: new(true)}
		}, nil},
		{"OK/EinstufungstestZentralisiertBeiAnderemTraeger", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest.Zentralisiert = new(true)
			a.Einstufungstest.AbweichendeTraegernummer = "10000002"
		}, nil},
		{"OK/KostenbefreiungBeantragt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.KostenbefreiungBeantragt, a.Kostenbefreiungsgrund = new(true), "SGB2"
		}, nil},
		{"OK/AnschriftImAusland", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Anschrift = &inge.Anschrift{Strasse: "ulica Długa 7", Postleitzahl: "31-147", Ort: "Kraków", Staat: "152"}
		}, nil},
		{"OK/NamesWithHyphenAndDiacritics", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Vorname, a.Geburtsname = "Andrei-Ștefan", "Mureșan"
		}, nil},

		{"ErrPersonGeburtsdatumFalsch", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Ident.Geburtsdatum = "1986-02-28"
		}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrPersonAktenzeichenEinerAnderenPerson", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Ident.Aktenzeichen.Wert = tnKowalczyk.kennziffer
		}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrPersonAktenzeichenArtFalsch", tnSharifi, func(a *inge.Erstanmeldung) {
			a.Ident.Aktenzeichen.Art = abh // the value is her BAMF Kennziffer
		}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrPersonUnbekannt", tnMansour, func(*inge.Erstanmeldung) {}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrFamiliennameMitZiffer", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Familienname = "Popescu2"
		}, []meldung{{inge.NameUngueltig, a + "/Familienname"}}},
		{"ErrVornameMitSonderzeichen", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Vorname = "Andrei!"
		}, []meldung{{inge.NameUngueltig, a + "/Vorname"}}},
		{"ErrGeburtsnameMitPunkt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Geburtsname = "St. Popescu"
		}, []meldung{{inge.NameUngueltig, a + "/Geburtsname"}}},
		{"ErrNameMitDoppeltemBindestrich", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Familienname = "Popescu--Ionescu"
		}, []meldung{{inge.NameUngueltig, a + "/Familienname"}}},
		{"ErrBundeslandImAusland", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Anschrift.Staat = "152"
		}, []meldung{{inge.BundeslandNurInland, a + "/Anschrift/Bundesland"}}},
		{"ErrBundeslandFehlt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Anschrift.Bundesland = ""
		}, []meldung{{inge.BundeslandFehlt, a + "/Anschrift/Bundesland"}}},
		{"ErrPostleitzahlVierstellig", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Anschrift.Postleitzahl = "9199"
		}, []meldung{{inge.PostleitzahlUngueltig, a + "/Anschrift/Postleitzahl"}}},
		{"ErrPostleitzahlMitBuchstabe", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Anschrift.Postleitzahl = "9199A"
		}, []meldung{{inge.PostleitzahlUngueltig, a + "/Anschrift/Postleitzahl"}}},
		// "Wenn nur ein Name vorliegt, ist er in dieses Feld [Name] zu
		// füllen" (ITM 10.3.9): Familienname, without a Vorname.
		{"OK/NurEinName", tnPopescu, func(a *inge.Erstanmeldung) { a.Vorname = "" }, nil},
		{"OK/MitPostfach", tnPopescu, func(a *inge.Erstanmeldung) { a.Anschrift.Postfach = "Postfach 12 34" }, nil},
		{"ErrSchuljahreFehlenBeiISCED1", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Bildungsstand = "1"
		}, []meldung{{inge.SchuljahreFehlen, a + "/Schuljahre"}}},
		{"ErrEinstufungstestUnvollstaendig", tnPopescu, func(a *inge.Erstanmeldung) {
			e := a.Einstufungstest
			e.Testdatum, e.EmpfohleneKursart, e.EmpfohlenerKursabschnitt = "", "", ""
		}, []meldung{
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/Testdatum"},
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/EmpfohleneKursart"},
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/EmpfohlenerKursabschnitt"},
		}},
		{"ErrEinstufungstestNichtVerzichtbar", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest = &inge.Einstufungstest{Verzichtbar: new(false), EmpfohleneKursart: "01"}
		}, []meldung{
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/Testdatum"},
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/EmpfohlenerKursabschnitt"},
		}},
		{"ErrEinstufungstestFehlt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest = nil
		}, []meldung{{inge.PflichtfeldFehlt, a + "/Einstufungstest"}}},
		{"ErrPflichtfelderFehlen", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Familienname, a.Geburtsort, a.Geschlecht, a.Staatsangehoerigkeit = "", "", "", nil
			a.Anschrift.Strasse, a.Anschrift.Ort = "", ""
			a.Anmeldedatum, a.Bildungsstand, a.Schreibkundigkeit = "", "", ""
			a.Ident.Aktenzeichen = nil
		}, []meldung{
			{inge.PflichtfeldFehlt, a + "/Ident/Aktenzeichen"},
			{inge.PflichtfeldFehlt, a + "/Familienname"},
			{inge.PflichtfeldFehlt, a + "/Geburtsort"},
			{inge.PflichtfeldFehlt, a + "/Geschlecht"},
			{inge.PflichtfeldFehlt, a + "/Staatsangehoerigkeit"},
			{inge.PflichtfeldFehlt, a + "/Anschrift/Strasse"},
			{inge.PflichtfeldFehlt, a + "/Anschrift/Ort"},
			{inge.PflichtfeldFehlt, a + "/Anmeldedatum"},
			{inge.PflichtfeldFehlt, a + "/Bildungsstand"},
			{inge.PflichtfeldFehlt, a + "/Schreibkundigkeit"},
		}},
		{"ErrAnmeldedatumInZukunft", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Anmeldedatum = "2026-11-17"
		}, []meldung{{inge.DatumInZukunft, a + "/Anmeldedatum"}}},
		{"ErrTestdatumInZukunft", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest.Testdatum = "2026-11-17"
		}, []meldung{{inge.DatumInZukunft, a + "/Einstufungstest/Testdatum"}}},
		{"ErrAbweichendeTraegernummerUnbekannt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest.AbweichendeTraegernummer = "19999999"
		}, []meldung{{inge.TraegerUnbekannt, a + "/Einstufungstest/AbweichendeTraegernummer"}}},
		{"ErrAbweichendeTraegernummerNurAusKursbesuchBekannt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest.AbweichendeTraegernummer = "10000099" // TN-7's former provider, not a Traeger of the package
		}, []meldung{{inge.TraegerUnbekannt, a + "/Einstufungstest/AbweichendeTraegernummer"}}},
		{"ErrKursabschnittNichtDerKursart/Intensivkurs", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest.EmpfohleneKursart, a.Einstufungstest.EmpfohlenerKursabschnitt = "07", "6"
		}, []meldung{{inge.AbschnittPasstNichtZurKursart, a + "/Einstufungstest/EmpfohlenerKursabschnitt"}}},
		{"ErrKursabschnittNichtDerKursart/Wiederholerkurs", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest.EmpfohleneKursart, a.Einstufungstest.EmpfohlenerKursabschnitt = "10", "1"
		}, []meldung{{inge.AbschnittPasstNichtZurKursart, a + "/Einstufungstest/EmpfohlenerKursabschnitt"}}},
		{"ErrKostenbefreiungsgrundOhneAntrag", tnPopescu, func(a *inge.Erstanmeldung) {
			a.KostenbefreiungBeantragt, a.Kostenbefreiungsgrund = nil, "SGB2"
		}, []meldung{{inge.KostenbefreiungsgrundOhneAntrag, a + "/Kostenbefreiungsgrund"}}},
		{"ErrKostenbefreiungsgrundAntragVerneint", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Kostenbefreiungsgrund = "ASYLBLG"
		}, []meldung{{inge.KostenbefreiungsgrundOhneAntrag, a + "/Kostenbefreiungsgrund"}}},
		{"ErrCodeUnbekannt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Geschlecht = "q"
			a.Staatsangehoerigkeit = []string{"154", "999"}
			a.Anschrift.Bundesland = "17"
			a.Bildungsstand, a.Schreibkundigkeit = "7", "9"
			a.Einstufungstest.EmpfohleneKursart, a.Einstufungstest.EmpfohlenerKursabschnitt = "11", "X"
			a.KostenbefreiungBeantragt, a.Kostenbefreiungsgrund = new(true), "ABC"
		}, []meldung{
			{inge.CodeUnbekannt, a + "/Geschlecht"},
			{inge.CodeUnbekannt, a + "/Staatsangehoerigkeit[2]"},
			{inge.CodeUnbekannt, a + "/Anschrift/Bundesland"},
			{inge.CodeUnbekannt, a + "/Bildungsstand"},
			{inge.CodeUnbekannt, a + "/Schreibkundigkeit"},
			{inge.CodeUnbekannt, a + "/Einstufungstest/EmpfohleneKursart"},
			{inge.CodeUnbekannt, a + "/Einstufungstest/EmpfohlenerKursabschnitt"},
			{inge.CodeUnbekannt, a + "/Kostenbefreiungsgrund"},
		}},
		{"ErrStaatUnbekannt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Anschrift.Staat, a.Anschrift.Bundesland = "999", ""
		}, []meldung{{inge.CodeUnbekannt, a + "/Anschrift/Staat"}}},
		{"ErrErstanmeldungVorhanden", tnKowalczyk, func(*inge.Erstanmeldung) {}, []meldung{{inge.ErstanmeldungVorhanden, a + "/Ident"}}},
		{"ErrErstanmeldungBeiAnderemTraeger", tnHosseini, func(*inge.Erstanmeldung) {}, []meldung{{inge.ErstanmeldungVorhanden, a + "/Ident"}}},
		{"ErrAlleRegelnZugleich", tnKowalczyk, func(a *inge.Erstanmeldung) {
			a.Vorname = "Agnieszka3"
			a.Anschrift.Bundesland, a.Anschrift.Postleitzahl = "", "919"
			a.Schuljahre = new(10)
			a.Anmeldedatum = "2027-01-04"
			a.Einstufungstest.EmpfohleneKursart, a.Einstufungstest.AbweichendeTraegernummer = "07", "19999999"
			a.Einstufungstest.EmpfohlenerKursabschnitt = "5"
			a.KostenbefreiungBeantragt, a.Kostenbefreiungsgrund = nil, "HAERTE"
		}, []meldung{
			{inge.NameUngueltig, a + "/Vorname"},
			{inge.BundeslandFehlt, a + "/Anschrift/Bundesland"},
			{inge.PostleitzahlUngueltig, a + "/Anschrift/Postleitzahl"},
			{inge.SchuljahreNurBeiISCED1, a + "/Schuljahre"}, // a Hinweis among the Fehler
			{inge.DatumInZukunft, a + "/Anmeldedatum"},
			{inge.AbschnittPasstNichtZurKursart, a + "/Einstufungstest/EmpfohlenerKursabschnitt"},
			{inge.TraegerUnbekannt, a + "/Einstufungstest/AbweichendeTraegernummer"},
			{inge.KostenbefreiungsgrundOhneAntrag, a + "/Kostenbefreiungsgrund"},
			{inge.ErstanmeldungVorhanden, a + "/Ident"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, _ := openTeilnehmerStore(t)
			vorher := teilnehmerStand(t, s)
			req := erstanmeldung(tt.person)
			tt.mutate(&req.Anmeldung)
			resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, req)

			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				unchanged(t, s, vorher)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.List(), meldung{inge.AnmeldungGespeichert, ""})
			// The Teilnehmerauskunft now shows the registration: the person
			// is registered with the Traeger, so it may ask.
			a := teilnehmerauskunft(t, s, &v, kt1, tt.person.ident())
			hasStatus(t, a, inge.StatusVerarbeitet)
			if a.Teilnehmer == nil || a.Teilnehmer.Erstanmeldung == nil {
				t.Fatalf("Teilnehmerauskunft without Erstanmeldung (Meldungen %v)", a.List())
			}
			r := req.Anmeldung
			want := &inge.Anmeldedaten{
				Traegernummer: "10000001", Anmeldedatum: r.Anmeldedatum, JahrDerEinreise: r.JahrDerEinreise,
				Bildungsstand: r.Bildungsstand, Schuljahre: r.Schuljahre, Schreibkundigkeit: r.Schreibkundigkeit,
				Einstufungstest: r.Einstufungstest,
			}
			got, _ := xml.Marshal(a.Teilnehmer.Erstanmeldung)
			w, _ := xml.Marshal(want)
			if string(got) != string(w) {
				t.Errorf("Erstanmeldung = %s; want %s", got, w)
			}
		})
	}
}

// TestAnmeldungErstverfahren_Zweitanmeldung covers Regeln.Zweitanmeldung:
// by default a second Erstanmeldung is refused, naming the Traeger and the
// date of the first; with ZweitanmeldungAktualisieren the Traeger updates its
// own and another Traeger registers the person too.
func TestAnmeldungErstverfahren_Zweitanmeldung(t *testing.T) {
	r := mockstate.DefaultRegeln()
	r.Zweitanmeldung = mockstate.ZweitanmeldungAktualisieren
	aktualisieren := mockstate.WithRegeln(r)

	t.Run("ErrDefault/ZweiteMeldungDesselbenTraegers", func(t *testing.T) {
		t.Parallel()
		var v vorgaenge
		s, _ := openTeilnehmerStore(t)
		first := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnPopescu))
		hasStatus(t, first, inge.StatusVerarbeitet)
		vorher := teilnehmerStand(t, s)
		again := erstanmeldung(tnPopescu)
		again.Anmeldung.Bildungsstand = "5A"
		resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, again)
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(), meldung{inge.ErstanmeldungVorhanden, "Anmeldung/Ident"})
		hasText(t, resp.List(), "M2010", "10000001", "16.11.2026")
		unchanged(t, s, vorher)
	})
	t.Run("ErrDefault/AnmeldungAusDemTestdatenpaket", func(t *testing.T) {
		t.Parallel()
		var v vorgaenge
		s, _ := openTeilnehmerStore(t)
		resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnKowalczyk))
		hasMeldungen(t, resp.List(), meldung{inge.ErstanmeldungVorhanden, "Anmeldung/Ident"})
		hasText(t, resp.List(), "M2010", "10000001", "03.08.2026")
	})
	t.Run("ErrDefault/AndererTraeger", func(t *testing.T) {
		t.Parallel()
		var v vorgaenge
		s, _ := openTeilnehmerStore(t)
		resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnHosseini))
		hasMeldungen(t, resp.List(), meldung{inge.ErstanmeldungVorhanden, "Anmeldung/Ident"})
		hasText(t, resp.List(), "M2010", "10000002", "13.07.2026")
	})
	t.Run("OKAktualisieren/EigeneAnmeldung", func(t *testing.T) {
		t.Parallel()
		var v vorgaenge
		s, _ := openTeilnehmerStore(t, aktualisieren)
		first := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnPopescu))
		hasMeldungen(t, first.List(), meldung{inge.AnmeldungGespeichert, ""})
		again := erstanmeldung(tnPopescu)
		again.Anmeldung.Bildungsstand = "5A"
		resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, again)
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.AnmeldungAktualisiert, ""})
		a := teilnehmerauskunft(t, s, &v, kt1, tnPopescu.ident())
		if e := a.Teilnehmer.Erstanmeldung; e == nil || e.Bildungsstand != "5A" {
			t.Errorf("Erstanmeldung = %+v; want the updated Bildungsstand 5A", e)
		}
	})
	t.Run("OKAktualisieren/AnmeldungAusDemTestdatenpaket", func(t *testing.T) {
		t.Parallel()
		var v vorgaenge
		s, _ := openTeilnehmerStore(t, aktualisieren)
		resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnKowalczyk))
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.AnmeldungAktualisiert, ""})
		a := teilnehmerauskunft(t, s, &v, kt1, tnKowalczyk.ident())
		if e := a.Teilnehmer.Erstanmeldung; e == nil || e.Traegernummer != "10000001" || e.Anmeldedatum != tnHeute {
			t.Errorf("Erstanmeldung = %+v; want the one sent on %s", e, tnHeute)
		}
	})
	t.Run("OKAktualisieren/AndererTraeger", func(t *testing.T) {
		t.Parallel()
		var v vorgaenge
		s, _ := openTeilnehmerStore(t, aktualisieren)
		resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnHosseini))
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.AnmeldungGespeichert, ""})
		// Now registered with 10000001 as well, so 10000001 may ask.
		a := teilnehmerauskunft(t, s, &v, kt1, tnHosseini.ident())
		hasStatus(t, a, inge.StatusVerarbeitet)
	})
}

func TestAnmeldungErstverfahrenRollback(t *testing.T) {
	var v vorgaenge
	s, _ := openTeilnehmerStore(t)
	vorher := teilnehmerStand(t, s)

	req := erstanmeldung(tnPopescu)
	req.Rollback = true
	resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	unchanged(t, s, vorher)

	bad := erstanmeldung(tnPopescu)
	bad.Rollback = true
	bad.Anmeldung.Anschrift.Bundesland = ""
	resp = mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, bad)
	hasStatus(t, resp, inge.StatusAbgelehnt)
	hasMeldungen(t, resp.List(), meldung{inge.BundeslandFehlt, "Anmeldung/Anschrift/Bundesland"})
	unchanged(t, s, vorher)

	// Nothing was stored: the person is still unknown to the Traeger, and
	// the real registration is a first one.
	a := teilnehmerauskunft(t, s, &v, kt1, tnPopescu.ident())
	hasMeldungen(t, a.List(), meldung{inge.AuskunftNichtZulaessig, "Ident"})
	resp = mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnPopescu))
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.List(), meldung{inge.AnmeldungGespeichert, ""})
}

// TestAnmeldungErstverfahren_Schuljahre: Schuljahre are "nur erforderlich
// für Bildungsstand 1" (ITM 10.3.9). Missing there they refuse the
// registration (see TestAnmeldungErstverfahren); with another Bildungsstand
// they are stored, with a Hinweis.
func TestAnmeldungErstverfahren_Schuljahre(t *testing.T) {
	var v vorgaenge
	s, _ := openTeilnehmerStore(t)
	req := erstanmeldung(tnPopescu)
	req.Anmeldung.Schuljahre = new(9)
	resp := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.List(), meldung{inge.AnmeldungGespeichert, ""}, meldung{inge.SchuljahreNurBeiISCED1, "Anmeldung/Schuljahre"})
	a := teilnehmerauskunft(t, s, &v, kt1, tnPopescu.ident())
	if e := a.Teilnehmer.Erstanmeldung; e == nil || e.Schuljahre == nil || *e.Schuljahre != 9 {
		t.Errorf("Teilnehmerauskunft: Erstanmeldung = %+v; want Schuljahre 9", e)
	}
}
