package mockstate_test

// The tests of the course's life after its plan (issue 3). Each subtest
// plans the course of validPlan (Testfall KP-1) in a store of its own on
// 2027-03-10 and moves the store's clock through the course: the
// begin of section 1 on 2027-05-03 is reported on 2027-05-05, each later
// section the day after its begin.

import (
	"encoding/xml"
	"regexp"
	"slices"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

var kurskennungRE = regexp.MustCompile(`^K\d{9}$`)

// validPlan returns the Kursplanung of Testfall KP-1 that Traeger 10000001
// may store on 2027-03-10 (ingetest.Plan): an Allgemeiner Integrationskurs
// from 2027-05-03 with two planned sections at its two Kursorte, teaching
// Monday to Friday, the approved teacher LK-2019-00417 and the three
// participants Al-Hassan, Haidari and Öztürk, who join in the first section.
func validPlan(tb testing.TB) *inge.KursplanungErfassenAnfrage {
	tb.Helper()
	return kursplanung(tb, ingetest.KT1(), "KP-1", "2027-05-03")
}

// planKP2 returns a Kursplanung of Testfall KP-2 for Traeger 10000002. It
// begins on 2028-01-03, after every day to which the tests move the clock,
// which the Traeger of a store share.
func planKP2(tb testing.TB) *inge.KursplanungErfassenAnfrage {
	tb.Helper()
	return kursplanung(tb, ingetest.KT2(), "KP-2", "2028-01-03")
}

func erfassen(tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, req *inge.KursplanungErfassenAnfrage) *inge.KursplanungErfassenAntwort {
	tb.Helper()
	return mustApply[*inge.KursplanungErfassenAntwort](tb, s, v, caller, req)
}

func auskunft(tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, kennung string) *inge.KursauskunftAntwort {
	tb.Helper()
	req := &inge.KursauskunftAnfrage{
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: caller.Traegernummer}},
		Kurskennung: kennung,
	}
	return mustApply[*inge.KursauskunftAntwort](tb, s, v, caller, req)
}

// stored returns the number of courses and of their participants in s.
func stored(tb testing.TB, s *mockstate.Store) (kurse, teilnehmer int) {
	tb.Helper()
	ctx := tb.Context()
	err := s.View(ctx, func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM kurs), (SELECT count(*) FROM kurs_teilnehmer)`).
			Scan(&kurse, &teilnehmer)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return kurse, teilnehmer
}

func hasNothingStored(tb testing.TB, s *mockstate.Store) {
	tb.Helper()
	if k, tn := stored(tb, s); k != 0 || tn != 0 {
		tb.Errorf("stored: %d kurs, %d kurs_teilnehmer rows; want none", k, tn)
	}
}

// kursLauf is one course in a store of its own: the world of one subtest.
type kursLauf struct {
	tb      testing.TB
	s       *mockstate.Store
	v       *vorgaenge
	kennung string
	plan    inge.Kursplanung // as stored
}

// neuerKurs stores the plan of validPlan, changed by mutate, on 2027-03-10.
func neuerKurs(tb testing.TB, mutate func(*inge.Kursplanung)) *kursLauf {
	tb.Helper()
	l := &kursLauf{tb: tb, s: openStore(tb), v: &vorgaenge{}}
	req := validPlan(tb)
	if mutate != nil {
		mutate(&req.Kursplanung)
	}
	resp := erfassen(tb, l.s, l.v, kt1, req)
	mustSucceed(tb, resp)
	l.kennung, l.plan = resp.Kurskennung, req.Kursplanung
	return l
}

// begonnenerKurs is neuerKurs with the begin of its first section reported.
func begonnenerKurs(tb testing.TB, mutate func(*inge.Kursplanung)) *kursLauf {
	tb.Helper()
	l := neuerKurs(tb, mutate)
	l.beginnMelden(nil)
	return l
}

// heute freezes the store's clock at 09:00 UTC of datum.
func (l *kursLauf) heute(datum inge.Datum) {
	l.tb.Helper()
	heute(l.tb, l.s, datum)
}

// apply runs req for Traeger 10000001, first as a Rollback (rollbackProbe),
// and checks its Vorgangsnummer.
func (l *kursLauf) apply(req inge.Request) inge.Response {
	l.tb.Helper()
	probe := rollbackProbe(l.tb, l.s, kt1, req)
	resp := ingetest.Apply(l.tb, l.s, kt1, req)
	probe(resp)
	l.v.check(l.tb, resp)
	return resp
}

// termin returns the dates of a section: the planned ones, or else five
// weeks per section from the course's begin, Monday to Friday of the fifth
// week, and not after the Kursende.
func (l *kursLauf) termin(abschnitt string) (beginn, ende inge.Datum) {
	l.tb.Helper()
	p := l.plan
	for _, a := range p.Abschnitt {
		if a.Kursabschnitt == abschnitt {
			return a.Beginn, a.Ende
		}
	}
	s, _ := inge.KursstrukturOf(p.Kursart)
	n := max(0, s.Position(abschnitt)-s.Position(p.BeginnKursabschnitt))
	beginn = plusTage(l.tb, p.Kursbeginn, 35*n)
	ende = plusTage(l.tb, beginn, 32)
	if ende > p.Kursende { // YYYY-MM-DD compares as text
		ende = p.Kursende
	}
	return beginn, ende
}

// abschnittsdaten returns a valid report of a section: its dates and
// Kursort from the plan, the plan's teaching times, participants and
// teacher (LK-2019-00417), and LW-001, approved for Kursart 01.
func (l *kursLauf) abschnittsdaten(abschnitt string) inge.Kursabschnittsdaten {
	l.tb.Helper()
	p := l.plan
	beginn, ende := l.termin(abschnitt)
	kursort := p.Kursort
	for _, a := range p.Abschnitt {
		if a.Kursabschnitt == abschnitt && a.Kursort != "" {
			kursort = a.Kursort
		}
	}
	var tn []inge.TeilnehmerIdent
	for _, t := range p.Teilnehmer {
		az := *t.Ident.Aktenzeichen
		tn = append(tn, inge.TeilnehmerIdent{Geburtsdatum: t.Ident.Geburtsdatum, Aktenzeichen: &az})
	}
	return inge.Kursabschnittsdaten{
		Kursabschnitt:   abschnitt,
		Beginn:          beginn,
		Ende:            ende,
		Kursort:         kursort,
		Wochenstunden:   new(*p.Wochenstunden),
		Unterrichtszeit: slices.Clone(p.Unterrichtszeit),
		TnrKursMax:      new(*p.TnrKursMax),
		Lehrkraft:       slices.Clone(p.Lehrkraft),
		Lehrwerk:        []string{"LW-001"},
		Teilnehmer:      tn,
	}
}

// kursbeginn returns a valid Kursbeginnmeldung of the plan's first section.
func (l *kursLauf) kursbeginn() *inge.KursbeginnMeldenAnfrage {
	l.tb.Helper()
	return &inge.KursbeginnMeldenAnfrage{
		Anfrage:     ingetest.KT1().Anfrage(),
		Kurskennung: l.kennung,
		Kursbeginn: inge.Kursbeginndaten{
			Kursabschnittsdaten: l.abschnittsdaten(l.plan.BeginnKursabschnitt),
			Kursart:             l.plan.Kursart,
			Kursende:            l.plan.Kursende,
		},
	}
}

// abschnittsbeginn returns a valid Kursabschnittsbeginnmeldung of a section.
func (l *kursLauf) abschnittsbeginn(abschnitt string) *inge.KursabschnittsbeginnMeldenAnfrage {
	l.tb.Helper()
	return &inge.KursabschnittsbeginnMeldenAnfrage{
		Anfrage:     ingetest.KT1().Anfrage(),
		Kurskennung: l.kennung,
		Abschnitt:   l.abschnittsdaten(abschnitt),
	}
}

// abschnittAktualisieren returns a valid correction of a reported section.
func (l *kursLauf) abschnittAktualisieren(abschnitt string) *inge.KursabschnittAktualisierenAnfrage {
	l.tb.Helper()
	return &inge.KursabschnittAktualisierenAnfrage{
		Anfrage:     ingetest.KT1().Anfrage(),
		Kurskennung: l.kennung,
		Abschnitt:   l.abschnittsdaten(abschnitt),
	}
}

// neuePlanung returns an update of the stored plan: the main Kursort
// becomes KO-10000001-02 and Olena Kovalenko joins in the first section.
func (l *kursLauf) neuePlanung() *inge.KursplanungAktualisierenAnfrage {
	p := l.plan
	p.Kursort = "KO-10000001-02"
	p.Teilnehmer = append(slices.Clone(p.Teilnehmer), inge.PlanTeilnehmer{Ident: person("1979-01-30", "6100104-166")})
	return &inge.KursplanungAktualisierenAnfrage{
		Anfrage:     ingetest.KT1().Anfrage(),
		Kurskennung: l.kennung,
		Kursplanung: p,
	}
}

func (l *kursLauf) stornierung() *inge.KursplanungStornierenAnfrage {
	return &inge.KursplanungStornierenAnfrage{
		Anfrage:           ingetest.KT1().Anfrage(),
		Kurskennung:       l.kennung,
		Stornierungsgrund: "01", // Irrtuemliche Anmeldung
	}
}

func (l *kursLauf) kursortaenderung(abschnitt, kursort string) *inge.KursortaenderungMeldenAnfrage {
	l.tb.Helper()
	beginn, _ := l.termin(abschnitt)
	return &inge.KursortaenderungMeldenAnfrage{
		Anfrage:     ingetest.KT1().Anfrage(),
		Kurskennung: l.kennung,
		Aenderung:   []inge.Kursortaenderung{{Kursabschnitt: abschnitt, Kursort: kursort, GueltigAb: beginn}},
	}
}

// beginnMelden reports the begin of the first section, changed by mutate,
// two days after it.
func (l *kursLauf) beginnMelden(mutate func(*inge.Kursbeginndaten)) {
	l.tb.Helper()
	r := l.kursbeginn()
	if mutate != nil {
		mutate(&r.Kursbeginn)
	}
	l.heute(plusTage(l.tb, r.Kursbeginn.Beginn, 2))
	mustSucceed(l.tb, l.apply(r))
}

// abschnittMelden reports the begin of a section, changed by mutate, the
// day after it.
func (l *kursLauf) abschnittMelden(abschnitt string, mutate func(*inge.Kursabschnittsdaten)) {
	l.tb.Helper()
	r := l.abschnittsbeginn(abschnitt)
	if mutate != nil {
		mutate(&r.Abschnitt)
	}
	l.heute(plusTage(l.tb, r.Abschnitt.Beginn, 1))
	mustSucceed(l.tb, l.apply(r))
}

func (l *kursLauf) stornieren() {
	l.tb.Helper()
	mustSucceed(l.tb, l.apply(l.stornierung()))
}

// fremderKurs stores a plan of Traeger 10000002 (Testfall KP-2) and
// returns its Kurskennung.
func (l *kursLauf) fremderKurs() string {
	l.tb.Helper()
	resp := erfassen(l.tb, l.s, l.v, kt2, planKP2(l.tb))
	mustSucceed(l.tb, resp)
	return resp.Kurskennung
}

// kurs returns the Kursauskunft of the course.
func (l *kursLauf) kurs() *inge.Kursdaten {
	l.tb.Helper()
	a := auskunft(l.tb, l.s, l.v, kt1, l.kennung)
	mustSucceed(l.tb, a)
	if a.Kurs == nil {
		l.tb.Fatal("Kursauskunft: Kurs = nil; want the course")
	}
	return a.Kurs
}

// istStorniert checks that the Kursauskunft answers the cancelled plan as
// no active plan: refused with KursplanungIstStorniert and no course data
// (Q-KA: before the begin "the active Kursplan"; Q-KP: "afterwards the
// planning cannot be used any more").
func (l *kursLauf) istStorniert() {
	l.tb.Helper()
	a := auskunft(l.tb, l.s, l.v, kt1, l.kennung)
	hasStatus(l.tb, a, inge.StatusAbgelehnt)
	hasMeldungen(l.tb, a.List(), meldung{inge.KursplanungIstStorniert, "Kurskennung"})
	if a.Kurs != nil {
		l.tb.Errorf("Kursauskunft of a cancelled plan: Kurs = %+v; want none", a.Kurs)
	}
}

// zustand renders what the store holds on courses, row by row, and the
// Kursauskunft of the course, so that a refused or rolled back request can
// be shown to have changed nothing.
func (l *kursLauf) zustand() string {
	l.tb.Helper()
	rows := dumpTables(l.tb, l.s, "kurs", "kurs_teilnehmer", "kursabschnitt", "abschnitt_teilnehmer", "kursortaenderung")
	a := auskunft(l.tb, l.s, l.v, kt1, l.kennung)
	x, err := xml.Marshal(a.Kurs)
	if err != nil {
		l.tb.Fatal(err)
	}
	return rows + "\nKursauskunft " + string(a.Status) + " " + string(x)
}

// unveraendert checks that the store holds what it held before.
func (l *kursLauf) unveraendert(t *testing.T, vorher string) {
	t.Helper()
	unveraendertGegen(t, l.zustand, vorher)
}

// ergebnis checks the answer to a write: with want nil it was stored with
// the Hinweis erfolg; otherwise it was refused with exactly want and the
// store is as it was before.
func (l *kursLauf) ergebnis(t *testing.T, resp inge.Response, erfolg inge.Key, vorher string, want []meldung) {
	t.Helper()
	ergebnisGegen(t, l.zustand, resp, erfolg, vorher, want)
}

// rollback checks that req, a valid write, is answered as geprueft under
// Rollback and changes nothing, the Kursstatus included, and is stored
// without it.
func (l *kursLauf) rollback(t *testing.T, req inge.Request, erfolg inge.Key) {
	t.Helper()
	status := l.kurs().Kursstatus
	vorher := l.zustand()
	req.Base().Rollback = true
	resp := l.apply(req)
	hasStatus(t, resp, inge.StatusGeprueft)
	hasMeldungen(t, resp.Base().List(), meldung{inge.RollbackGeprueft, ""})
	l.unveraendert(t, vorher)
	hasKursstatus(t, l.kurs(), status)

	req.Base().Rollback = false
	resp = l.apply(req)
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.Base().List(), meldung{erfolg, ""})
}

// abschnittDerAuskunft returns a section of a Kursauskunft.
func abschnittDerAuskunft(tb testing.TB, k *inge.Kursdaten, abschnitt string) inge.AuskunftAbschnitt {
	tb.Helper()
	for _, a := range k.Abschnitt {
		if a.Kursabschnitt == abschnitt {
			return a
		}
	}
	tb.Fatalf("Kursauskunft: no Abschnitt %s in %+v", abschnitt, k.Abschnitt)
	return inge.AuskunftAbschnitt{}
}

func hasKursstatus(tb testing.TB, k *inge.Kursdaten, want inge.Kursstatus) {
	tb.Helper()
	if k.Kursstatus != want {
		tb.Errorf("Kursauskunft: Kursstatus = %s; want %s", k.Kursstatus, want)
	}
}

// spaeterBegonnen moves the plan to a begin on 2027-07-05, after the
// approval of LK-2021-01388 ends on 2027-06-30.
func spaeterBegonnen(k *inge.Kursplanung) {
	k.Kursbeginn = "2027-07-05"
	k.Abschnitt = []inge.GeplanterAbschnitt{
		{Kursabschnitt: "1", Beginn: "2027-07-05", Ende: "2027-08-06", Kursort: "KO-10000001-01"},
		{Kursabschnitt: "2", Beginn: "2027-08-09", Ende: "2027-09-10", Kursort: "KO-10000001-02"},
	}
}

// abAbschnitt4 makes the plan a course that begins with section 4
// (Aufbaukurs).
func abAbschnitt4(k *inge.Kursplanung) {
	k.BeginnKursabschnitt = "4"
	k.Abschnitt[0].Kursabschnitt, k.Abschnitt[1].Kursabschnitt = "4", "5"
}
