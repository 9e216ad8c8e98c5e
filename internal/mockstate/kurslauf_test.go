package mockstate_test

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The tests of the course's life after its plan (issue 3). Each subtest
// plans the course of validPlan (Testfall KP-1) in a store of its own on
// 2027-03-10 and moves Traeger 10000001's clock through the course: the
// begin of section 1 on 2027-05-03 is reported on 2027-05-05, each later
// section the day after its begin.

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
	l := &kursLauf{tb: tb, s: openKursStore(tb), v: &vorgaenge{}}
	req := validPlan()
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

// mustSucceed stops the test unless resp was stored.
func mustSucceed(tb testing.TB, resp inge.Response) {
	tb.Helper()
	if got := resp.Base().Status; got != inge.StatusVerarbeitet {
		tb.Fatalf("%T: Status = %s, Meldungen %+v; want %s", resp, got, resp.Base().List(), inge.StatusVerarbeitet)
	}
}

// heute freezes the clock of Traeger 10000001 at 09:00 UTC of datum.
func (l *kursLauf) heute(datum inge.Datum) {
	l.tb.Helper()
	d, err := datum.Time()
	if err != nil {
		l.tb.Fatal(err)
	}
	if err := l.s.FreezeClock(l.tb.Context(), kt1.Traegernummer, d.Add(9*time.Hour)); err != nil {
		l.tb.Fatal(err)
	}
}

// plusTage returns the day n days after d.
func plusTage(tb testing.TB, d inge.Datum, n int) inge.Datum {
	tb.Helper()
	t, err := d.Time()
	if err != nil {
		tb.Fatal(err)
	}
	return inge.DatumOf(t.AddDate(0, 0, n))
}

// apply runs req for Traeger 10000001 and checks its Vorgangsnummer.
func (l *kursLauf) apply(req inge.Request) inge.Response {
	l.tb.Helper()
	resp, err := l.s.Apply(l.tb.Context(), kt1, req)
	if err != nil {
		l.tb.Fatalf("Apply(%T): %v", req, err)
	}
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
// Kursort from the plan, the plan's teaching times and participants, the
// teacher LK-2019-00417 and LW-001, approved for Kursart 01.
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
		Wochenstunden:   ptr(*p.Wochenstunden),
		Unterrichtszeit: slices.Clone(p.Unterrichtszeit),
		TnrKursMax:      ptr(*p.TnrKursMax),
		Lehrkraft:       []inge.Lehrkraft{{Lehrkraftkennung: "LK-2019-00417", Familienname: "Bergmann", Vorname: "Katharina"}},
		Lehrwerk:        []string{"LW-001"},
		Teilnehmer:      tn,
	}
}

// kursbeginn returns a valid Kursbeginnmeldung of the plan's first section.
func (l *kursLauf) kursbeginn() *inge.KursbeginnMeldenAnfrage {
	l.tb.Helper()
	return &inge.KursbeginnMeldenAnfrage{
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}},
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
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}},
		Kurskennung: l.kennung,
		Abschnitt:   l.abschnittsdaten(abschnitt),
	}
}

// abschnittAktualisieren returns a valid correction of a reported section.
func (l *kursLauf) abschnittAktualisieren(abschnitt string) *inge.KursabschnittAktualisierenAnfrage {
	l.tb.Helper()
	return &inge.KursabschnittAktualisierenAnfrage{
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}},
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
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}},
		Kurskennung: l.kennung,
		Kursplanung: p,
	}
}

func (l *kursLauf) stornierung() *inge.KursplanungStornierenAnfrage {
	return &inge.KursplanungStornierenAnfrage{
		Anfrage:           inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}},
		Kurskennung:       l.kennung,
		Stornierungsgrund: "01", // Irrtuemliche Anmeldung
	}
}

func (l *kursLauf) kursortaenderung(abschnitt, kursort string) *inge.KursortaenderungMeldenAnfrage {
	l.tb.Helper()
	beginn, _ := l.termin(abschnitt)
	return &inge.KursortaenderungMeldenAnfrage{
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}},
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
	resp := erfassen(l.tb, l.s, l.v, kt2, planKP2())
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

func TestKursplanungAktualisieren(t *testing.T) {
	tests := []struct {
		name   string
		plan   func(*inge.Kursplanung)
		vorher func(l *kursLauf)
		heute  inge.Datum // of the update; 2027-04-15 if empty
		mutate func(l *kursLauf, r *inge.KursplanungAktualisierenAnfrage)
		want   []meldung // nil: the new plan is stored
	}{
		{name: "OK"},
		{name: "OK/AmVortagDesKursbeginns", heute: "2027-05-02"},
		{name: "OK/Mehrmals", vorher: func(l *kursLauf) {
			r := l.neuePlanung()
			r.Kursplanung.Kursort = "KO-10000001-01"
			mustSucceed(l.tb, l.apply(r))
		}},
		{name: "OK/NachVerschobenemKursbeginn", vorher: func(l *kursLauf) {
			r := l.neuePlanung()
			spaeterBegonnen(&r.Kursplanung)
			mustSucceed(l.tb, l.apply(r))
		}, heute: "2027-05-04", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			spaeterBegonnen(&r.Kursplanung)
		}},

		{name: "ErrKurskennungFehlt", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kurskennung = ""
		}, want: []meldung{{inge.PflichtfeldFehlt, "Kurskennung"}}},
		{name: "ErrKursUnbekannt", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kurskennung = "K999999999"
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrKursEinesAnderenTraegers", mutate: func(l *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kurskennung = l.fremderKurs()
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrKursplanungIstStorniert", vorher: (*kursLauf).stornieren,
			want: []meldung{{inge.KursplanungIstStorniert, "Kurskennung"}}},
		{name: "ErrAmKursbeginn", heute: "2027-05-03",
			want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrNachKursbeginn", heute: "2027-05-04", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kursplanung.Nachmeldungsgrund = "01"
		}, want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrNachKursbeginnmeldung", plan: func(k *inge.Kursplanung) {
			// planned for 2027-05-10, begun early on 2027-05-03
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-05-10", "2027-05-10"
		}, vorher: func(l *kursLauf) {
			l.beginnMelden(func(d *inge.Kursbeginndaten) { d.Beginn = "2027-05-03" })
		}, heute: "2027-05-06", want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrVerschiebenNachKursbeginn", heute: "2027-05-04", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			// the new plan begins later, but the stored one has begun
			spaeterBegonnen(&r.Kursplanung)
		}, want: []meldung{{inge.AktualisierungNachBeginn, "Kurskennung"}}},
		{name: "ErrNeuePlanungUngueltig", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kursplanung.Kursort = "KO-99999999-01"
			r.Kursplanung.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
		}, want: []meldung{
			{inge.KursortUnbekannt, "Kursplanung/Kursort"},
			{inge.LehrkraftUnbekannt, "Kursplanung/Lehrkraft[1]/Lehrkraftkennung"},
		}},
		{name: "ErrAlleBefundeZugleich", heute: "2027-05-03", mutate: func(_ *kursLauf, r *inge.KursplanungAktualisierenAnfrage) {
			r.Kursplanung.Kursort = "KO-10000002-01"
		}, want: []meldung{
			{inge.AktualisierungNachBeginn, "Kurskennung"},
			{inge.KursortUnbekannt, "Kursplanung/Kursort"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neuerKurs(t, tt.plan)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			l.heute(oder(tt.heute, "2027-04-15"))
			req := l.neuePlanung()
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursplanungAktualisiert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			k := l.kurs()
			hasKursstatus(t, k, inge.KursGeplant)
			if k.Kursort != req.Kursplanung.Kursort {
				t.Errorf("Kursauskunft: Kursort = %s; want %s", k.Kursort, req.Kursplanung.Kursort)
			}
			if !reflect.DeepEqual(k.Teilnehmer, req.Kursplanung.Teilnehmer) {
				t.Errorf("Kursauskunft: Teilnehmer = %+v; want %+v", k.Teilnehmer, req.Kursplanung.Teilnehmer)
			}
			if kurse, tn := stored(t, l.s); kurse != 1 || tn != len(req.Kursplanung.Teilnehmer) {
				t.Errorf("stored: %d kurs, %d kurs_teilnehmer rows; want 1 and %d", kurse, tn, len(req.Kursplanung.Teilnehmer))
			}
		})
	}

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, nil)
		l.heute("2027-04-15")
		l.rollback(t, l.neuePlanung(), inge.KursplanungAktualisiert)
	})
}

// oder returns v, or sonst if v is the zero value.
func oder[T comparable](v, sonst T) T {
	var zero T
	if v != zero {
		return v
	}
	return sonst
}

func TestKursplanungStornieren(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, nil)
		l.heute("2027-04-15")
		resp := l.apply(l.stornierung())
		l.ergebnis(t, resp, inge.KursplanungStorniertHinweis, "", nil)
		hasKursstatus(t, l.kurs(), inge.KursStorniert)

		// A cancelled plan can't be used any more: every procedure on it,
		// with a request that would otherwise be valid, is refused.
		l.heute("2027-05-05")
		vorher := l.zustand()
		for _, req := range []inge.Request{
			l.neuePlanung(),
			l.stornierung(),
			l.kursbeginn(),
			l.abschnittsbeginn("2"),
			l.abschnittAktualisieren("1"),
			l.kursortaenderung("2", "KO-10000001-01"),
		} {
			p, _ := inge.ProcedureOf(req)
			t.Run("Danach/"+p.Name, func(t *testing.T) {
				l := *l
				l.tb = t
				resp := l.apply(req)
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.Base().List(), meldung{inge.KursplanungIstStorniert, "Kurskennung"})
				l.unveraendert(t, vorher)
			})
		}
	})

	tests := []struct {
		name   string
		vorher func(l *kursLauf)
		heute  inge.Datum // of the cancellation; 2027-04-15 if empty
		mutate func(l *kursLauf, r *inge.KursplanungStornierenAnfrage)
		want   []meldung // nil: cancelled
	}{
		{name: "OK/NachGeplantemKursbeginnOhneMeldung", heute: "2027-05-04"},
		{name: "OK/AndererGrund", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Stornierungsgrund = "99"
		}},
		{name: "ErrZweimal", vorher: (*kursLauf).stornieren,
			want: []meldung{{inge.KursplanungIstStorniert, "Kurskennung"}}},
		{name: "ErrNachKursbeginnmeldung", vorher: func(l *kursLauf) { l.beginnMelden(nil) }, heute: "2027-05-05",
			want: []meldung{{inge.StornierungNachKursbeginn, "Kurskennung"}}},
		{name: "ErrStornierungsgrundFehlt", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Stornierungsgrund = ""
		}, want: []meldung{{inge.PflichtfeldFehlt, "Stornierungsgrund"}}},
		{name: "ErrStornierungsgrundUnbekannt", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Stornierungsgrund = "05"
		}, want: []meldung{{inge.CodeUnbekannt, "Stornierungsgrund"}}},
		{name: "ErrKursUnbekannt", mutate: func(_ *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Kurskennung = "K999999999"
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{name: "ErrKursEinesAnderenTraegers", mutate: func(l *kursLauf, r *inge.KursplanungStornierenAnfrage) {
			r.Kurskennung = l.fremderKurs()
		}, want: []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neuerKurs(t, nil)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			l.heute(oder(tt.heute, "2027-04-15"))
			req := l.stornierung()
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(req)
			l.ergebnis(t, resp, inge.KursplanungStorniertHinweis, vorher, tt.want)
			if tt.want == nil {
				hasKursstatus(t, l.kurs(), inge.KursStorniert)
			}
		})
	}

	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neuerKurs(t, nil)
		l.heute("2027-04-15")
		l.rollback(t, l.stornierung(), inge.KursplanungStorniertHinweis)
		hasKursstatus(t, l.kurs(), inge.KursStorniert)
	})
}

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
			r.Kursbeginn.Zusatzangaben = &inge.Zusatzangaben{KursverguetungMindestbetrag: ptr(true)}
		}},
		{name: "OK/EinTeilnehmerAusPlanung", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.Teilnehmer = []inge.TeilnehmerIdent{*person("1979-01-30", "6100104-166"), *person("1995-11-02", "6100102-423")}
		}},
		{name: "OK/NiederschwelligGleichFrauen", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.AnzahlTnNiederschwellig = ptr(2) // Haidari and Öztürk
		}},
		{name: "OK/TnrKursMaxGenauErreicht", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.TnrKursMax, r.Kursbeginn.AnzahlSelbstzahler = ptr(5), ptr(2)
		}},
		{name: "OK/SchulferienUndAndereUnterbrechung", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.UnterbrechungSchulferien = ptr(true)
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
		{name: "ErrPlanungOhneTeilnehmerImErstenAbschnitt", plan: func(k *inge.Kursplanung) {
			for i := range k.Teilnehmer {
				k.Teilnehmer[i].Kursabschnitt = "2"
			}
		}, want: []meldung{{inge.PlanungOhneTeilnehmer, "Kurskennung"}}},
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
			r.Kursbeginn.AnzahlTnNiederschwellig = ptr(3)
		}, want: []meldung{{inge.NiederschwelligUeberFrauen, "Kursbeginn/AnzahlTnNiederschwellig"}}},
		{name: "ErrNiederschwelligWiederholerkurs", plan: func(k *inge.Kursplanung) {
			k.Kursart = "10"
			abAbschnitt4(k)
		}, mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.AnzahlTnNiederschwellig = ptr(1)
		}, want: []meldung{{inge.NiederschwelligWiederholerkurs, "Kursbeginn/AnzahlTnNiederschwellig"}}},
		{name: "ErrFerienUnterbrechungDoppelt", mutate: func(_ *kursLauf, r *inge.KursbeginnMeldenAnfrage) {
			r.Kursbeginn.UnterbrechungSchulferien = ptr(true)
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
			r.Kursbeginn.TnrKursMax, r.Kursbeginn.AnzahlSelbstzahler = ptr(4), ptr(2)
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
			d.AnzahlTnNiederschwellig = ptr(2)
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
			r.Abschnitt.Zusatzangaben = &inge.Zusatzangaben{KursverguetungMindestbetrag: ptr(false)}
		}, want: []meldung{{inge.MindestbetragNurBeiKursbeginn, "Abschnitt/Zusatzangaben/KursverguetungMindestbetrag"}}},
		{name: "ErrLehrkraftFehlt", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.Lehrkraft = nil
		}, want: []meldung{{inge.PflichtfeldFehlt, "Abschnitt/Lehrkraft"}}},
		{name: "ErrLehrkraftZulassungAbgelaufen", abschnitt: "3", vorher: func(l *kursLauf) { l.abschnittMelden("2", nil) },
			mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
				r.Abschnitt.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388"}} // until 2027-06-30
			}, want: []meldung{{inge.LehrkraftZulassungAbgelaufen, "Abschnitt/Lehrkraft[1]/Lehrkraftkennung"}}},
		{name: "ErrTnrKursMaxUeberschritten", abschnitt: "2", mutate: func(_ *kursLauf, r *inge.KursabschnittsbeginnMeldenAnfrage) {
			r.Abschnitt.TnrKursMax = ptr(2)
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
			r.Abschnitt.Zusatzangaben = &inge.Zusatzangaben{KursverguetungMindestbetrag: ptr(true)}
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

func TestKursauskunftNachBeginn(t *testing.T) {
	l := neuerKurs(t, nil)
	zusatz := &inge.Zusatzangaben{Barrierefreiheit: ptr(true), KursverguetungMindestbetrag: ptr(true)}
	l.beginnMelden(func(d *inge.Kursbeginndaten) {
		d.Zusatzangaben = zusatz
		d.Lehrwerk = []string{"LW-001", "LW-005"}
	})
	zweiter := l.abschnittsbeginn("2")
	zweiter.Abschnitt.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2021-01388", Familienname: "Demir", Vorname: "Murat"}}
	zweiter.Abschnitt.Lehrwerk = []string{"LW-005"}
	zweiter.Abschnitt.Teilnehmer = zweiter.Abschnitt.Teilnehmer[1:] // Al-Hassan left
	zweiter.Abschnitt.Zusatzangaben = &inge.Zusatzangaben{Barrierefreiheit: ptr(false)}
	l.heute("2027-06-08")
	mustSucceed(t, l.apply(zweiter))
	mustSucceed(t, l.apply(l.kursortaenderung("3", "KO-10000001-01")))

	resp := auskunft(t, l.s, l.v, kt1, l.kennung)
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.List())
	if resp.Kurs == nil {
		t.Fatal("Kurs = nil; want the course")
	}
	erster := l.kursbeginn().Kursbeginn
	erster.Lehrwerk = []string{"LW-001", "LW-005"}
	z := zweiter.Abschnitt
	var teilnehmer []inge.PlanTeilnehmer
	for _, tn := range z.Teilnehmer {
		teilnehmer = append(teilnehmer, inge.PlanTeilnehmer{Ident: &tn, Kursabschnitt: "2"})
	}
	want := &inge.Kursdaten{
		Kurskennung:     l.kennung,
		Traegernummer:   "10000001",
		Kursstatus:      inge.KursBegonnen,
		Kursbeginn:      "2027-05-03",
		Kursende:        "2027-12-17",
		Kursort:         "KO-10000001-02", // of the last section
		Wochenstunden:   z.Wochenstunden,
		Unterrichtszeit: z.Unterrichtszeit,
		TnrKursMax:      z.TnrKursMax,
		Abschnitt: []inge.AuskunftAbschnitt{
			{
				Kursabschnitt: "1", Beginn: "2027-05-03", Ende: "2027-06-04", Kursort: "KO-10000001-01", BeginnGemeldet: true,
				Lehrkraft: erster.Lehrkraft, Lehrwerk: erster.Lehrwerk, Teilnehmer: erster.Teilnehmer,
			},
			{
				Kursabschnitt: "2", Beginn: "2027-06-07", Ende: "2027-07-09", Kursort: "KO-10000001-02", BeginnGemeldet: true,
				Lehrkraft: z.Lehrkraft, Lehrwerk: z.Lehrwerk, Teilnehmer: z.Teilnehmer,
			},
			{Kursabschnitt: "3", Beginn: "2027-07-12", Kursort: "KO-10000001-01"},
		},
		Teilnehmer: teilnehmer,
		Lehrkraft:  z.Lehrkraft,
	}
	if !reflect.DeepEqual(resp.Kurs, want) {
		got, _ := xml.MarshalIndent(resp.Kurs, "", "  ")
		w, _ := xml.MarshalIndent(want, "", "  ")
		t.Errorf("Kurs =\n%s\nwant\n%s", got, w)
	}

	x, err := xml.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	for _, element := range []string{"Kursart", "BeginnKursabschnitt", "Zusatzangaben", "KursverguetungMindestbetrag", "Barrierefreiheit"} {
		if strings.Contains(string(x), "<"+element+">") || strings.Contains(string(x), "<"+element+" ") {
			t.Errorf("Kursauskunft holds <%s>; want none:\n%s", element, x)
		}
	}
}
