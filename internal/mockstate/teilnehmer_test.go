package mockstate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The tests of the participant procedures run on the clock of 16.11.2026,
// 09:00 UTC, with the persons of the Testfaelle TN-1 to TN-12 (see
// testdata/testdatenpaket/README.md).
var tnJetzt = time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)

const tnHeute = "2026-11-16"

// openTeilnehmerStore opens a store holding the Testdatenpaket whose real
// time stands at tnJetzt; the returned clock moves it on.
func openTeilnehmerStore(tb testing.TB, opts ...mockstate.Option) (*mockstate.Store, *ingetest.TimeSource) {
	tb.Helper()
	uhr := ingetest.NewTimeSource(tnJetzt)
	return ingetest.MustStore(tb, append([]mockstate.Option{mockstate.WithTimeSource(uhr.Now)}, opts...)...), uhr
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

// teilnehmerStand dumps what the participant procedures store, so that a
// test can show that a rejected request changed nothing.
func teilnehmerStand(tb testing.TB, s *mockstate.Store) string {
	tb.Helper()
	return dumpTables(tb, s, "anmeldung", "sprachtest_pruefling", "kurs")
}

func unchanged(tb testing.TB, s *mockstate.Store, vorher string) {
	tb.Helper()
	if nachher := teilnehmerStand(tb, s); nachher != vorher {
		tb.Errorf("stored data changed:\nbefore:\n%s\nafter:\n%s", vorher, nachher)
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

// tnKursplanung returns ingetest.Plan of Testfall KP-1 for the given
// participants, from Monday 30.11.2026 to 30.04.2027 and for at most 20:
// one planned section, beginn, until 23.12.2026.
func tnKursplanung(tb testing.TB, beginn string, teilnehmer ...tnPerson) *inge.KursplanungErfassenAnfrage {
	tb.Helper()
	r := kursplanung(tb, ingetest.KT1(), "KP-1", "2026-11-30")
	k := &r.Kursplanung
	k.BeginnKursabschnitt, k.Kursende, k.TnrKursMax = beginn, "2027-04-30", new(20)
	k.Abschnitt = []inge.GeplanterAbschnitt{{Kursabschnitt: beginn, Beginn: k.Kursbeginn, Ende: "2026-12-23", Kursort: k.Kursort}}
	k.Teilnehmer = nil
	for _, p := range teilnehmer {
		k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: p.ident()})
	}
	return r
}

// tnKursbeginn returns the Kursbeginnmeldung of a course planned by
// tnKursplanung, begun on 30.11.2026.
func tnKursbeginn(tb testing.TB, kennung, abschnitt string, teilnehmer ...tnPerson) *inge.KursbeginnMeldenAnfrage {
	tb.Helper()
	plan := tnKursplanung(tb, abschnitt).Kursplanung
	r := &inge.KursbeginnMeldenAnfrage{
		Anfrage:     ingetest.KT1().Anfrage(),
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

// TestKursmeldungen_PersonNichtAngemeldet: a participant of a Kursplanung or
// Kursbeginnmeldung must be registered with the reporting Traeger, in the
// Erst- or the Wiederholerverfahren (Q-KB).
func TestKursmeldungen_PersonNichtAngemeldet(t *testing.T) {
	var v vorgaenge

	// A plan holds the persons "bereits eingeplant" (BAMF-KT): they need
	// not be registered yet. The Kursbeginnmeldung is where all must be
	// (Q-KB, ABES-KB).
	t.Run("OK/KursplanungMitNochNichtAngemeldeten", func(t *testing.T) {
		t.Parallel()
		s, _ := openTeilnehmerStore(t)
		resp := erfassen(t, s, &v, kt1, tnKursplanung(t, "1", tnKowalczyk, tnPopescu, tnHosseini, tnOsmani))
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.KursplanungGespeichert, ""}, meldung{inge.KursplanungKurzfristig, "Kursplanung/Kursbeginn"})
	})
	t.Run("OK/KursbeginnNachErstanmeldung", func(t *testing.T) {
		t.Parallel()
		s, uhr := openTeilnehmerStore(t)
		plan := erfassen(t, s, &v, kt1, tnKursplanung(t, "1", tnKowalczyk, tnSharifi))
		hasStatus(t, plan, inge.StatusVerarbeitet)
		anm := mustApply[*inge.AnmeldungErstverfahrenAntwort](t, s, &v, kt1, erstanmeldung(tnSharifi))
		hasStatus(t, anm, inge.StatusVerarbeitet)
		uhr.Add(15 * 24 * time.Hour)
		resp := mustApply[*inge.KursbeginnMeldenAntwort](t, s, &v, kt1, tnKursbeginn(t, plan.Kurskennung, "1", tnKowalczyk, tnSharifi))
		hasStatus(t, resp, inge.StatusVerarbeitet)
	})
	t.Run("ErrKursbeginn", func(t *testing.T) {
		t.Parallel()
		s, uhr := openTeilnehmerStore(t)
		plan := erfassen(t, s, &v, kt1, tnKursplanung(t, "1", tnKowalczyk))
		hasStatus(t, plan, inge.StatusVerarbeitet)
		uhr.Add(15 * 24 * time.Hour)
		vorher := teilnehmerStand(t, s)
		resp := mustApply[*inge.KursbeginnMeldenAntwort](t, s, &v, kt1, tnKursbeginn(t, plan.Kurskennung, "1", tnKowalczyk, tnSharifi))
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(), meldung{inge.PersonNichtAngemeldet, "Kursbeginn/Teilnehmer[2]"})
		unchanged(t, s, vorher)
	})
}
