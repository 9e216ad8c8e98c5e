package mockstate_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The tests of the participant procedures run on the clock of 16.11.2026,
// 09:00 UTC, with the persons of the Testfaelle TN-1 to TN-12 (see
// testdata/testdatenpaket/README.md).
var tnJetzt = time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)

const tnHeute = "2026-11-16"

// openTeilnehmerStore opens a store holding the Testdatenpaket whose real
// time stands at tnJetzt; the returned clock moves it on.
func openTeilnehmerStore(tb testing.TB, opts ...mockstate.Option) (*mockstate.Store, *fakeTime) {
	tb.Helper()
	uhr := newFakeTime(tnJetzt)
	s := MustOpen(tb, append([]mockstate.Option{mockstate.WithTimeSource(uhr.Now)}, opts...)...)
	MustLoad(tb, s)
	return s, uhr
}

// tnPerson is a person of the Testdatenpaket as a Traeger knows it from the
// registration form, with the Kennziffer it identifies the person by.
type tnPerson struct {
	geburtsdatum         string
	art                  inge.AktenzeichenArt
	kennziffer           string
	familienname         string
	vorname              string
	geburtsname          string
	geburtsort           string
	geschlecht           string
	staatsangehoerigkeit []string
	strasse, plz, ort    string
	bundesland           string
}

// ident returns a new Ident of the person: each request gets its own, so a
// test may change it.
func (p tnPerson) ident() *inge.TeilnehmerIdent {
	return tnIdent(p.geburtsdatum, p.art, p.kennziffer)
}

// mit returns the person identified by another of its Kennziffern.
func (p tnPerson) mit(art inge.AktenzeichenArt, kennziffer string) tnPerson {
	p.art, p.kennziffer = art, kennziffer
	return p
}

func (p tnPerson) anschrift() *inge.Anschrift {
	return &inge.Anschrift{Strasse: p.strasse, Postleitzahl: p.plz, Ort: p.ort, Staat: "000", Bundesland: p.bundesland}
}

func tnIdent(geburtsdatum string, art inge.AktenzeichenArt, wert string) *inge.TeilnehmerIdent {
	return &inge.TeilnehmerIdent{Geburtsdatum: inge.Datum(geburtsdatum), Aktenzeichen: &inge.Aktenzeichen{Art: art, Wert: wert}}
}

var (
	bamf = inge.AktenzeichenBAMF
	abh  = inge.AktenzeichenABH
	bva  = inge.AktenzeichenBVA
	tgs  = inge.AktenzeichenTGS
	wied = inge.AktenzeichenWiederholer
)

// The persons of the tests. Registered with 10000001 unless said.
var (
	// TN-1: Berechtigung des BAMF.
	tnKowalczyk = tnPerson{"1990-06-18", bamf, "7100101-152", "Kowalczyk", "Agnieszka", "Wiśniewska", "Krakau", "w", []string{"152"}, "Gartenstraße 12", "91999", "Beispielstadt", "09"}
	tnPopescu   = tnPerson{"1986-02-27", bamf, "7100102-154", "Popescu", "Andrei", "", "Cluj-Napoca", "m", []string{"154"}, "Bahnhofstraße 41", "91999", "Beispielstadt", "09"} // not registered
	// TN-2: Berechtigung einer Auslaenderbehoerde.
	tnKhoury  = tnPerson{"1997-09-03", bamf, "7200101-475", "Khoury", "Rania", "", "Homs", "w", []string{"475"}, "Schulstraße 8", "91999", "Beispielstadt", "09"}
	tnSharifi = tnPerson{"1999-01-23", bamf, "7200102-423", "Sharifi", "Mina", "", "Kabul", "w", []string{"423"}, "Ringstraße 3", "91999", "Beispielstadt", "09"} // not registered
	// TN-3: Spaetaussiedlerin, Berechtigung des BVA.
	tnReimer = tnPerson{"1978-12-05", bamf, "7300101-160", "Reimer", "Jelena", "Dück", "Nowosibirsk", "w", []string{"000"}, "Birkenweg 5", "91999", "Beispielstadt", "09"}
	// TN-4: Verpflichtung durch das Jobcenter.
	tnAmiri = tnPerson{"1992-01-19", bamf, "7400101-423", "Amiri", "Farhad", "", "Herat", "m", []string{"423"}, "Lindenallee 17", "91999", "Beispielstadt", "09"}
	// TN-5: verpflichtet von Auslaenderbehoerde und Jobcenter.
	tnWoldemariam = tnPerson{"1994-04-28", bamf, "7500101-224", "Woldemariam", "Saba", "", "Keren", "w", []string{"224"}, "Mozartstraße 9", "91999", "Beispielstadt", "09"}
	// TN-6: Berechtigung erloschen.
	tnCelik = tnPerson{"1980-10-11", bamf, "7600101-163", "Çelik", "Mustafa", "", "Konya", "m", []string{"163"}, "Weiherstraße 22", "91999", "Beispielstadt", "09"}
	// TN-7: teilweise beim Traeger 10000099 verbraucht.
	tnLysenko = tnPerson{"1987-08-22", bamf, "7700101-166", "Lysenko", "Oksana", "", "Odessa", "w", []string{"166"}, "Am Stadtgraben 6", "91999", "Beispielstadt", "09"}
	// TN-8: zur Kurswiederholung zugelassen, identified by the WIED Aktenzeichen.
	tnOsmani   = tnPerson{"1983-03-30", wied, "7800901-121", "Osmani", "Arben", "", "Tirana", "m", []string{"121"}, "Hauptstraße 56", "91999", "Beispielstadt", "09"}
	tnDervishi = tnPerson{"1988-11-09", wied, "7800902-121", "Dervishi", "Elira", "", "Durrës", "w", []string{"121"}, "Talstraße 14", "91999", "Beispielstadt", "09"}
	// TN-9: Aktenzeichen Wiederholer without a valid admission.
	tnKarimi  = tnPerson{"1991-07-07", wied, "7900901-439", "Karimi", "Shirin", "", "Schiras", "w", []string{"439"}, "Kastanienweg 2", "91999", "Beispielstadt", "09"}
	tnBerisha = tnPerson{"1989-05-16", wied, "7900902-121", "Berisha", "Drita", "", "Shkodra", "w", []string{"121"}, "Feldstraße 30", "91999", "Beispielstadt", "09"}
	// TN-10: unknown to BAMF; not in the Testdatenpaket.
	tnMansour = tnPerson{"1999-12-12", bamf, "8000101-475", "Mansour", "Karim", "", "Damaskus", "m", []string{"475"}, "Bahnhofstraße 9", "91999", "Beispielstadt", "09"}
	// TN-11: twins, born the same day.
	tnOmar = tnPerson{"2000-08-15", bamf, "8100101-475", "Darwish", "Omar", "", "Damaskus", "m", []string{"475"}, "Rosenstraße 4", "91999", "Beispielstadt", "09"}
	tnHuda = tnPerson{"2000-08-15", bamf, "8100102-475", "Darwish", "Huda", "", "Damaskus", "w", []string{"475"}, "Rosenstraße 4", "91999", "Beispielstadt", "09"}
	// TN-12: registered with Traeger 10000002 only.
	tnHosseini = tnPerson{"1996-01-25", bamf, "8200101-439", "Hosseini", "Reza", "", "Maschhad", "m", []string{"439"}, "Uferstraße 11", "45999", "Musterhausen", "05"}
)

// erstanmeldung returns a complete, valid Erstanmeldung of p with Traeger
// 10000001 on tnHeute: ISCED 3A, lateinisch alphabetisiert, placement test a
// week ago recommending the first section of the general course.
func erstanmeldung(p tnPerson) *inge.AnmeldungErstverfahrenAnfrage {
	return &inge.AnmeldungErstverfahrenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
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
			Niederschwellig:      ptr(false),
			Einstufungstest: &inge.Einstufungstest{
				Zentralisiert:            ptr(false),
				Testdatum:                "2026-11-09",
				EmpfohleneKursart:        "01",
				EmpfohlenerKursabschnitt: "1",
			},
			KostenbefreiungBeantragt: ptr(false),
			Kinderbetreuung:          ptr(false),
		},
	}
}

// wiederholeranmeldung returns a valid registration of p for repetition on
// tnHeute; the placement test is waivable for a Wiederholer (CMX-TEV).
func wiederholeranmeldung(p tnPerson) *inge.AnmeldungWiederholerverfahrenAnfrage {
	return &inge.AnmeldungWiederholerverfahrenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
		Anmeldung: inge.Wiederholeranmeldung{
			Ident:           p.ident(),
			Familienname:    p.familienname,
			Vorname:         p.vorname,
			Anschrift:       p.anschrift(),
			Anmeldedatum:    tnHeute,
			Einstufungstest: &inge.Einstufungstest{Verzichtbar: ptr(true)},
		},
	}
}

func teilnehmerauskunft(tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, id *inge.TeilnehmerIdent) *inge.TeilnehmerauskunftAntwort {
	tb.Helper()
	req := &inge.TeilnehmerauskunftAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: caller.Traegernummer}},
		Ident:   *id,
	}
	return mustApply[*inge.TeilnehmerauskunftAntwort](tb, s, v, caller, req)
}

// teilnehmerStand dumps what the participant procedures store, so that a
// test can show that a rejected request changed nothing.
func teilnehmerStand(tb testing.TB, s *mockstate.Store) string {
	tb.Helper()
	ctx := tb.Context()
	var b strings.Builder
	err := s.View(ctx, func(tx *mockstate.Tx) error {
		for _, q := range []string{
			`SELECT person_id, traegernummer, verfahren, anmeldedatum, daten IS NULL, erfasst_am FROM anmeldung ORDER BY 1, 2, 3`,
			`SELECT bogennummer, person_id, traegernummer, auftragsnummer, testdatum, kurskennung, ausweisnummer, '', gemeldet_am FROM sprachtest_pruefling ORDER BY 1`,
			`SELECT kurskennung, status, '', '', '', '' FROM kurs ORDER BY 1`,
		} {
			rows, err := tx.QueryContext(ctx, q)
			if err != nil {
				return err
			}
			cols, err := rows.Columns()
			if err != nil {
				rows.Close()
				return err
			}
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return err
				}
				fmt.Fprintln(&b, vals...)
			}
			if err := rows.Close(); err != nil {
				return err
			}
			b.WriteString("--\n")
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func unchanged(tb testing.TB, s *mockstate.Store, vorher string) {
	tb.Helper()
	if nachher := teilnehmerStand(tb, s); nachher != vorher {
		tb.Errorf("stored data changed:\nbefore:\n%s\nafter:\n%s", vorher, nachher)
	}
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

// hasText checks that the Meldung with the code names every part.
func hasText(tb testing.TB, ms []inge.Meldung, code string, parts ...string) {
	tb.Helper()
	for _, m := range ms {
		if m.Code != code {
			continue
		}
		for _, p := range parts {
			if !strings.Contains(m.Text, p) {
				tb.Errorf("Meldung %s: Text = %q; want it to name %q", code, m.Text, p)
			}
		}
		return
	}
	tb.Errorf("no Meldung %s in %v", code, ms)
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
			a.Bildungsstand, a.Schuljahre, a.Schreibkundigkeit = "1", ptr(6), "2"
		}, nil},
		{"OK/EinstufungstestVerzichtbar", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest = &inge.Einstufungstest{Verzichtbar: ptr(true)}
		}, nil},
		{"OK/EinstufungstestZentralisiertBeiAnderemTraeger", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest.Zentralisiert = ptr(true)
			a.Einstufungstest.AbweichendeTraegernummer = "10000002"
		}, nil},
		{"OK/KostenbefreiungBeantragt", tnPopescu, func(a *inge.Erstanmeldung) {
			a.KostenbefreiungBeantragt, a.Kostenbefreiungsgrund = ptr(true), "SGB2"
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
		{"ErrSchuljahreFehlenBeiISCED1", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Bildungsstand = "1"
		}, []meldung{{inge.SchuljahreFehlen, a + "/Schuljahre"}}},
		{"ErrSchuljahreNurBeiISCED1", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Schuljahre = ptr(9)
		}, []meldung{{inge.SchuljahreNurBeiISCED1, a + "/Schuljahre"}}},
		{"ErrEinstufungstestUnvollstaendig", tnPopescu, func(a *inge.Erstanmeldung) {
			e := a.Einstufungstest
			e.Testdatum, e.EmpfohleneKursart, e.EmpfohlenerKursabschnitt = "", "", ""
		}, []meldung{
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/Testdatum"},
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/EmpfohleneKursart"},
			{inge.PflichtfeldFehlt, a + "/Einstufungstest/EmpfohlenerKursabschnitt"},
		}},
		{"ErrEinstufungstestNichtVerzichtbar", tnPopescu, func(a *inge.Erstanmeldung) {
			a.Einstufungstest = &inge.Einstufungstest{Verzichtbar: ptr(false), EmpfohleneKursart: "01"}
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
			a.KostenbefreiungBeantragt, a.Kostenbefreiungsgrund = ptr(true), "ABC"
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
			a.Schuljahre = ptr(10)
			a.Anmeldedatum = "2027-01-04"
			a.Einstufungstest.EmpfohleneKursart, a.Einstufungstest.AbweichendeTraegernummer = "07", "19999999"
			a.Einstufungstest.EmpfohlenerKursabschnitt = "5"
			a.KostenbefreiungBeantragt, a.Kostenbefreiungsgrund = nil, "HAERTE"
		}, []meldung{
			{inge.NameUngueltig, a + "/Vorname"},
			{inge.BundeslandFehlt, a + "/Anschrift/Bundesland"},
			{inge.PostleitzahlUngueltig, a + "/Anschrift/Postleitzahl"},
			{inge.SchuljahreNurBeiISCED1, a + "/Schuljahre"},
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

func TestAnmeldungWiederholerverfahren(t *testing.T) {
	var v vorgaenge
	const a = "Anmeldung"
	tests := []struct {
		name   string
		person tnPerson
		mutate func(a *inge.Wiederholeranmeldung)
		want   []meldung // nil: stored with M2022
	}{
		{"OK", tnOsmani, func(*inge.Wiederholeranmeldung) {}, nil},
		{"OK/Dervishi", tnDervishi, func(*inge.Wiederholeranmeldung) {}, nil},
		{"OK/OhneAnschriftUndEinstufungstest", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Anschrift, a.Einstufungstest = nil, nil
		}, nil},
		{"OK/MitEinstufungstest", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Einstufungstest = &inge.Einstufungstest{Testdatum: "2026-11-10", EmpfohleneKursart: "10", EmpfohlenerKursabschnitt: "4"}
		}, nil},

		{"ErrAktenzeichenBAMF", tnOsmani.mit(bamf, "7800101-121"), func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.WiederholerAktenzeichenErforderlich, a + "/Ident/Aktenzeichen"}}},
		{"ErrAktenzeichenABH", tnKarimi.mit(abh, "ABH-09-2024-012664"), func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.WiederholerAktenzeichenErforderlich, a + "/Ident/Aktenzeichen"}}},
		{"ErrKeineZulassung/AntragNichtBeschieden", tnKarimi, func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.KeineWiederholungszulassung, a + "/Ident"}}},
		// A cancelled admission is no admission (Q-TESTANM: "requires an
		// existing admission for repetition").
		{"ErrKeineZulassung/ZulassungStorniert", tnBerisha, func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.KeineWiederholungszulassung, a + "/Ident"}}},
		{"ErrPersonGeburtsdatumFalsch", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Ident.Geburtsdatum = "1983-03-31"
		}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrAktenzeichenEinerAnderenPerson", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Ident.Aktenzeichen.Wert = tnDervishi.kennziffer
		}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrPersonUnbekannt", tnMansour.mit(wied, "8000901-475"), func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrNameMitZiffer", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Vorname = "Arben2"
		}, []meldung{{inge.NameUngueltig, a + "/Vorname"}}},
		{"ErrAnmeldedatumInZukunft", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Anmeldedatum = "2026-12-01"
		}, []meldung{{inge.DatumInZukunft, a + "/Anmeldedatum"}}},
		{"ErrBundeslandFehlt", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Anschrift.Bundesland = ""
		}, []meldung{{inge.BundeslandFehlt, a + "/Anschrift/Bundesland"}}},
		{"ErrPflichtfelderFehlen", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Familienname, a.Anmeldedatum = "", ""
			a.Ident.Geburtsdatum = ""
		}, []meldung{
			{inge.PflichtfeldFehlt, a + "/Ident/Geburtsdatum"},
			{inge.PflichtfeldFehlt, a + "/Familienname"},
			{inge.PflichtfeldFehlt, a + "/Anmeldedatum"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, _ := openTeilnehmerStore(t)
			vorher := teilnehmerStand(t, s)
			req := wiederholeranmeldung(tt.person)
			tt.mutate(&req.Anmeldung)
			resp := mustApply[*inge.AnmeldungWiederholerverfahrenAntwort](t, s, &v, kt1, req)

			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				unchanged(t, s, vorher)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.List(), meldung{inge.WiederholerAngemeldet, ""})
			au := teilnehmerauskunft(t, s, &v, kt1, tt.person.ident())
			hasStatus(t, au, inge.StatusVerarbeitet)
			if d := au.Teilnehmer; d == nil || d.TnTyp != "6" || d.WiederholerAktenzeichen != tt.person.kennziffer {
				t.Errorf("Teilnehmerauskunft: TnTyp, WiederholerAktenzeichen = %+v; want 6 and %s", d, tt.person.kennziffer)
			}
		})
	}
}

// TestAnmeldungWiederholerverfahren_Rollback: Frau Dervishi (TN-8) is
// registered with Traeger 10000002 only. A Rollback leaves her unknown to
// 10000001; the registration makes her known, as Kurswiederholerin (TN-Typ
// 6); sending it again is accepted again.
func TestAnmeldungWiederholerverfahren_Rollback(t *testing.T) {
	var v vorgaenge
	s, _ := openTeilnehmerStore(t)
	nichtBekannt := func() {
		t.Helper()
		a := teilnehmerauskunft(t, s, &v, kt1, tnDervishi.ident())
		hasMeldungen(t, a.List(), meldung{inge.AuskunftNichtZulaessig, "Ident"})
	}
	nichtBekannt()

	vorher := teilnehmerStand(t, s)
	req := wiederholeranmeldung(tnDervishi)
	req.Rollback = true
	resp := mustApply[*inge.AnmeldungWiederholerverfahrenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	unchanged(t, s, vorher)
	nichtBekannt()

	for range 2 {
		resp = mustApply[*inge.AnmeldungWiederholerverfahrenAntwort](t, s, &v, kt1, wiederholeranmeldung(tnDervishi))
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.WiederholerAngemeldet, ""})
	}
	a := teilnehmerauskunft(t, s, &v, kt1, tnDervishi.ident())
	hasStatus(t, a, inge.StatusVerarbeitet)
	// Her 700 UE were billed by 10000002.
	hasMeldungen(t, a.List(), meldung{inge.KontingentTeilweiseVerbraucht, ""})
	if d := a.Teilnehmer; d == nil || d.TnTyp != "6" || d.WiederholerAktenzeichen != "7800902-121" || d.Erstanmeldung != nil {
		t.Errorf("Teilnehmerauskunft = %+v; want TnTyp 6, WiederholerAktenzeichen 7800902-121 and no Erstanmeldung", d)
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
	auskunftAlle := ptr(mockstate.DefaultRegeln())
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
				ErloschenAm: "2026-02-28", // a year after the last day of the last course
			}},
			ErstzulassungGueltigBis: "2026-05-05", TnTyp: "3", KbTyp: "1",
			Kontingent: &inge.Kontingent{GenehmigteStunden: 0, BeanspruchteStunden: 200, VerfuegbareStunden: 0},
			Kursbesuch: []inge.Kursbesuch{{Traegernummer: "10000001", Kurskennung: "K900240815", Kursart: "01", Von: "2024-09-02", Bis: "2025-02-28",
				Abschnitt: []inge.BesuchterAbschnitt{{Kursabschnitt: "1", AbgerechneteStunden: 100}, {Kursabschnitt: "2", AbgerechneteStunden: 100}}}},
		}, melden: []meldung{{inge.BerechtigungErloschen, ""}},
			texte: map[string][]string{"M2031": {"ABH-09-2024-008815", "28.02.2026"}}},
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
				GueltigAb: "2024-08-05", GueltigBis: "2026-08-04", ErloschenAm: "2026-10-31",
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
			texte: map[string][]string{"M2031": {"7900102-121", "31.10.2026"}}},
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

// tnKursplanung returns a valid plan of a general course at the main site of
// Testfall KP-1, from Monday 30.11.2026, for the given participants. It
// begins with Kursabschnitt beginn.
func tnKursplanung(beginn string, teilnehmer ...tnPerson) *inge.KursplanungErfassenAnfrage {
	tag := func(w inge.Wochentag) inge.Unterrichtszeit {
		return inge.Unterrichtszeit{Wochentag: w, Beginn: "08:30", Ende: "12:45", PauseBeginn: "10:00", PauseEnde: "10:15", Unterrichtseinheiten: ptr(5)}
	}
	r := &inge.KursplanungErfassenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
		Kursplanung: inge.Kursplanung{
			Kursart: "01", BeginnKursabschnitt: beginn, Kursbeginn: "2026-11-30", Kursende: "2027-04-30",
			Kursort: "KO-10000001-01", Wochenstunden: ptr(25),
			Unterrichtszeit: []inge.Unterrichtszeit{tag("Mo"), tag("Di"), tag("Mi"), tag("Do"), tag("Fr")},
			TnrKursMax:      ptr(20),
			Abschnitt:       []inge.GeplanterAbschnitt{{Kursabschnitt: beginn, Beginn: "2026-11-30", Ende: "2026-12-23", Kursort: "KO-10000001-01"}},
			Lehrkraft:       []inge.Lehrkraft{{Lehrkraftkennung: "LK-2019-00417", Familienname: "Bergmann", Vorname: "Katharina"}},
			Zusatzangaben:   &inge.Zusatzangaben{Barrierefreiheit: ptr(true)},
		},
	}
	for _, p := range teilnehmer {
		r.Kursplanung.Teilnehmer = append(r.Kursplanung.Teilnehmer, inge.PlanTeilnehmer{Ident: p.ident()})
	}
	return r
}

// tnKursbeginn returns the Kursbeginnmeldung of a course planned by
// tnKursplanung, begun on 30.11.2026.
func tnKursbeginn(kennung, abschnitt string, teilnehmer ...tnPerson) *inge.KursbeginnMeldenAnfrage {
	plan := tnKursplanung(abschnitt).Kursplanung
	r := &inge.KursbeginnMeldenAnfrage{
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
		Kurskennung: kennung,
		Kursbeginn: inge.Kursbeginndaten{
			Kursabschnittsdaten: inge.Kursabschnittsdaten{
				Kursabschnitt: abschnitt, Beginn: "2026-11-30", Ende: "2026-12-23", Kursort: plan.Kursort,
				Wochenstunden: plan.Wochenstunden, Unterrichtszeit: plan.Unterrichtszeit, TnrKursMax: plan.TnrKursMax,
				Lehrkraft: plan.Lehrkraft, Lehrwerk: []string{"LW-001"},
			},
			Kursart: "01", Kursende: plan.Kursende,
		},
	}
	for _, p := range teilnehmer {
		r.Kursbeginn.Teilnehmer = append(r.Kursbeginn.Teilnehmer, *p.ident())
	}
	return r
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
	plan := erfassen(t, s, &v, kt1, tnKursplanung("4", tnLysenko, tnKowalczyk))
	hasStatus(t, plan, inge.StatusVerarbeitet)
	uhr.Add(15 * 24 * time.Hour) // 01.12.2026, the day after the begin
	beginn := mustApply[*inge.KursbeginnMeldenAntwort](t, s, &v, kt1, tnKursbeginn(plan.Kurskennung, "4", tnLysenko, tnKowalczyk))
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

// TestKursmeldungen_PersonNichtAngemeldet: a participant of a Kursplanung or
// Kursbeginnmeldung must be registered with the reporting Traeger, in the
// Erst- or the Wiederholerverfahren (Q-KB).
func TestKursmeldungen_PersonNichtAngemeldet(t *testing.T) {
	var v vorgaenge

	t.Run("ErrKursplanung", func(t *testing.T) {
		t.Parallel()
		s, _ := openTeilnehmerStore(t)
		vorher := teilnehmerStand(t, s)
		resp := erfassen(t, s, &v, kt1, tnKursplanung("1", tnKowalczyk, tnPopescu, tnHosseini, tnOsmani))
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(),
			meldung{inge.PersonNichtAngemeldet, "Kursplanung/Teilnehmer[2]/Ident"}, // registered nowhere
			meldung{inge.PersonNichtAngemeldet, "Kursplanung/Teilnehmer[3]/Ident"}, // registered with 10000002 only
		)
		if resp.Kurskennung != "" {
			t.Errorf("Kurskennung = %q; want none", resp.Kurskennung)
		}
		unchanged(t, s, vorher)
	})
	t.Run("OKKursplanungNachErstanmeldung", func(t *testing.T) {
		t.Parallel()
		s, _ := openTeilnehmerStore(t)
		anm := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnPopescu))
		hasStatus(t, anm, inge.StatusVerarbeitet)
		resp := erfassen(t, s, &v, kt1, tnKursplanung("1", tnKowalczyk, tnPopescu))
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.KursplanungGespeichert, ""})
	})
	t.Run("OKKursplanungNachWiederholeranmeldung", func(t *testing.T) {
		t.Parallel()
		// Frau Dervishi is registered with 10000002 only, until she is
		// registered for repetition with 10000001.
		s, _ := openTeilnehmerStore(t)
		plan := tnKursplanung("4", tnDervishi)
		plan.Kursplanung.Kursart = "10" // Wiederholerkurs: sections 4 to 6
		resp := erfassen(t, s, &v, kt1, plan)
		hasMeldungen(t, resp.List(), meldung{inge.PersonNichtAngemeldet, "Kursplanung/Teilnehmer[1]/Ident"})
		anm := mustApply[*inge.AnmeldungWiederholerverfahrenAntwort](t, s, &v, kt1, wiederholeranmeldung(tnDervishi))
		hasStatus(t, anm, inge.StatusVerarbeitet)
		resp = erfassen(t, s, &v, kt1, plan)
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.KursplanungGespeichert, ""})
	})
	t.Run("ErrKursbeginn", func(t *testing.T) {
		t.Parallel()
		s, uhr := openTeilnehmerStore(t)
		plan := erfassen(t, s, &v, kt1, tnKursplanung("1", tnKowalczyk))
		hasStatus(t, plan, inge.StatusVerarbeitet)
		uhr.Add(15 * 24 * time.Hour)
		vorher := teilnehmerStand(t, s)
		resp := mustApply[*inge.KursbeginnMeldenAntwort](t, s, &v, kt1, tnKursbeginn(plan.Kurskennung, "1", tnKowalczyk, tnSharifi))
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(), meldung{inge.PersonNichtAngemeldet, "Kursbeginn/Teilnehmer[2]"})
		unchanged(t, s, vorher)
	})
}

// sprachtestMeldung returns a valid report of a DTZ held on 14.11.2026 for
// the course kennung, with the placeholder Auftragsnummer 1234567 and three
// candidates, the first with an updated address.
func sprachtestMeldung(kennung string) *inge.SprachtestMeldenAnfrage {
	neu := tnKowalczyk.anschrift()
	neu.Strasse = "Parkstraße 3"
	return &inge.SprachtestMeldenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
		Sprachtest: inge.Sprachtest{
			Auftragsnummer: "1234567",
			Testdatum:      "2026-11-14",
			Kurskennung:    kennung,
			Pruefling: []inge.Sprachtestpruefling{
				{Ident: tnKowalczyk.ident(), Bogennummer: "0123456", Ausweisnummer: "EA4711235", Anschrift: neu},
				{Ident: tnAmiri.ident(), Bogennummer: "1234560", Ausweisnummer: "P03818552"},
				{Ident: tnOsmani.mit(bamf, "7800101-121").ident(), Bogennummer: "8012345", Ausweisnummer: "BF2204187"},
			},
		},
	}
}

// sprachtestStore opens a store with a planned course of 10000001, a
// cancelled one, and a course of 10000002.
func sprachtestStore(tb testing.TB, v *vorgaenge) (s *mockstate.Store, kurs, storniert, fremd string) {
	tb.Helper()
	s, _ = openTeilnehmerStore(tb)
	kurs = erfassen(tb, s, v, kt1, tnKursplanung("1", tnKowalczyk)).Kurskennung
	storniert = erfassen(tb, s, v, kt1, tnKursplanung("1", tnAmiri)).Kurskennung
	st := mustApply[*inge.KursplanungStornierenAntwort](tb, s, v, kt1, &inge.KursplanungStornierenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Kurskennung: storniert, Stornierungsgrund: "01",
	})
	hasStatus(tb, st, inge.StatusVerarbeitet)
	p := tnKursplanung("1")
	p.Mandant.Traegernummer = "10000002"
	p.Kursplanung.Kursort, p.Kursplanung.Abschnitt[0].Kursort = "KO-10000002-01", "KO-10000002-01"
	p.Kursplanung.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2020-00912"}}
	p.Kursplanung.Teilnehmer = []inge.PlanTeilnehmer{{Ident: tnIdent("1990-02-11", bamf, "6200101-438")}} // Khalil, Samir (KP-2)
	fremd = erfassen(tb, s, v, kt2, p).Kurskennung
	if kurs == "" || storniert == "" || fremd == "" {
		tb.Fatalf("courses %q, %q, %q; want three Kurskennungen", kurs, storniert, fremd)
	}
	return s, kurs, storniert, fremd
}

func TestSprachtestMelden(t *testing.T) {
	var v vorgaenge
	const st = "Sprachtest"
	tests := []struct {
		name   string
		vorher func(t *testing.T, s *mockstate.Store, kurs string) // optional: what was reported before
		mutate func(s *inge.Sprachtest, storniert, fremd string)
		want   []meldung // nil: stored with M2043
	}{
		{name: "OK", mutate: func(*inge.Sprachtest, string, string) {}},
		{name: "OK/EchteAuftragsnummer", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "4711815" }},
		{name: "OK/EinPrueflingOhneAnschrift", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling = s.Pruefling[1:2]
		}},
		{name: "OK/PrueflingEinesAnderenTraegers", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling = append(s.Pruefling, inge.Sprachtestpruefling{Ident: tnHosseini.ident(), Bogennummer: "1987654", Ausweisnummer: "L01X00T47"})
		}},
		{name: "OK/TestdatumHeute", mutate: func(s *inge.Sprachtest, _, _ string) { s.Testdatum = tnHeute }},

		{name: "ErrAuftragsnummerSechsstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "123456" },
			want: []meldung{{inge.AuftragsnummerUngueltig, st + "/Auftragsnummer"}}},
		{name: "ErrAuftragsnummerAchtstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "12345678" },
			want: []meldung{{inge.AuftragsnummerUngueltig, st + "/Auftragsnummer"}}},
		{name: "ErrAuftragsnummerMitBuchstabe", mutate: func(s *inge.Sprachtest, _, _ string) { s.Auftragsnummer = "12345A7" },
			want: []meldung{{inge.AuftragsnummerUngueltig, st + "/Auftragsnummer"}}},
		{name: "ErrBogennummerErsteZiffer", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Bogennummer = "2123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[1]/Bogennummer"}}},
		{name: "ErrBogennummerSechsstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[1].Bogennummer = "123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[2]/Bogennummer"}}},
		{name: "ErrBogennummerAchtstellig", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[2].Bogennummer = "80123456" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[3]/Bogennummer"}}},
		{name: "ErrBogennummerMitBuchstabe", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Bogennummer = "01234B6" },
			want: []meldung{{inge.BogennummerUngueltig, st + "/Pruefling[1]/Bogennummer"}}},
		{name: "ErrBogennummerZweimalInDerMeldung", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[2].Bogennummer = "0123456" },
			want: []meldung{{inge.BogennummerGemeldet, st + "/Pruefling[3]/Bogennummer"}}},
		{name: "ErrBogennummerFruehererMeldung",
			vorher: func(t *testing.T, s *mockstate.Store, kurs string) {
				r := sprachtestMeldung(kurs)
				r.Sprachtest.Pruefling = r.Sprachtest.Pruefling[:1]
				resp := mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, r)
				hasStatus(t, resp, inge.StatusVerarbeitet)
			},
			mutate: func(s *inge.Sprachtest, _, _ string) {
				s.Pruefling = s.Pruefling[1:]
				s.Pruefling[1].Bogennummer = "0123456" // Frau Kowalczyk's sheet, reported before
			},
			want: []meldung{{inge.BogennummerGemeldet, st + "/Pruefling[2]/Bogennummer"}}},
		{name: "ErrPersonUnbekannt", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[1].Ident = tnMansour.ident() },
			want: []meldung{{inge.PersonNichtIdentifiziert, st + "/Pruefling[2]/Ident"}}},
		{name: "ErrPersonDoppelt", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[2].Ident = tnIdent(tnKowalczyk.geburtsdatum, bamf, tnKowalczyk.kennziffer)
		}, want: []meldung{{inge.PersonDoppelt, st + "/Pruefling[3]/Ident"}}},
		{name: "ErrPersonDoppeltUeberAndereKennziffer", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Pruefling[0].Ident = tnOmar.ident()
			s.Pruefling[1].Ident = tnIdent("2000-08-15", abh, "ABH-09-2026-020114")
		}, want: []meldung{{inge.PersonDoppelt, st + "/Pruefling[2]/Ident"}}},
		{name: "ErrKursEinesAnderenTraegers", mutate: func(s *inge.Sprachtest, _, fremd string) { s.Kurskennung = fremd },
			want: []meldung{{inge.KursUnbekannt, st + "/Kurskennung"}}},
		{name: "ErrKursUnbekannt", mutate: func(s *inge.Sprachtest, _, _ string) { s.Kurskennung = "K999999999" },
			want: []meldung{{inge.KursUnbekannt, st + "/Kurskennung"}}},
		{name: "ErrKursStorniert", mutate: func(s *inge.Sprachtest, storniert, _ string) { s.Kurskennung = storniert },
			want: []meldung{{inge.KursplanungIstStorniert, st + "/Kurskennung"}}},
		{name: "ErrTestdatumInZukunft", mutate: func(s *inge.Sprachtest, _, _ string) { s.Testdatum = "2026-11-17" },
			want: []meldung{{inge.DatumInZukunft, st + "/Testdatum"}}},
		{name: "ErrAnschriftOhneBundesland", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling[0].Anschrift.Bundesland = "" },
			want: []meldung{{inge.BundeslandFehlt, st + "/Pruefling[1]/Anschrift/Bundesland"}}},
		{name: "ErrPflichtfelderFehlen", mutate: func(s *inge.Sprachtest, _, _ string) {
			s.Auftragsnummer, s.Testdatum = "", ""
			s.Pruefling[0].Bogennummer, s.Pruefling[1].Ausweisnummer = "", ""
		}, want: []meldung{
			{inge.PflichtfeldFehlt, st + "/Auftragsnummer"},
			{inge.PflichtfeldFehlt, st + "/Testdatum"},
			{inge.PflichtfeldFehlt, st + "/Pruefling[1]/Bogennummer"},
			{inge.PflichtfeldFehlt, st + "/Pruefling[2]/Ausweisnummer"},
		}},
		{name: "ErrOhnePruefling", mutate: func(s *inge.Sprachtest, _, _ string) { s.Pruefling = nil },
			want: []meldung{{inge.PflichtfeldFehlt, st + "/Pruefling"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, kurs, storniert, fremd := sprachtestStore(t, &v)
			if tt.vorher != nil {
				tt.vorher(t, s, kurs)
			}
			vorher := teilnehmerStand(t, s)
			req := sprachtestMeldung(kurs)
			tt.mutate(&req.Sprachtest, storniert, fremd)
			resp := mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, req)
			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				unchanged(t, s, vorher)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.List(), meldung{inge.SprachtestGemeldet, ""})
			if got, want := count(t, s, "sprachtest_pruefling"), len(req.Sprachtest.Pruefling); got != want {
				t.Errorf("sprachtest_pruefling: %d rows; want %d", got, want)
			}
		})
	}
}

func TestSprachtestMeldenRollback(t *testing.T) {
	var v vorgaenge
	s, kurs, _, _ := sprachtestStore(t, &v)
	vorher := teilnehmerStand(t, s)
	req := sprachtestMeldung(kurs)
	req.Rollback = true
	resp := mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	unchanged(t, s, vorher)

	// The sheets were not reported: the real report takes them.
	resp = mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, sprachtestMeldung(kurs))
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.List(), meldung{inge.SprachtestGemeldet, ""})

	// Once reported, a Rollback finds them taken.
	req = sprachtestMeldung(kurs)
	req.Rollback = true
	resp = mustApply[*inge.SprachtestMeldenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusAbgelehnt)
	hasMeldungen(t, resp.List(),
		meldung{inge.BogennummerGemeldet, "Sprachtest/Pruefling[1]/Bogennummer"},
		meldung{inge.BogennummerGemeldet, "Sprachtest/Pruefling[2]/Bogennummer"},
		meldung{inge.BogennummerGemeldet, "Sprachtest/Pruefling[3]/Bogennummer"},
	)
}
