package mockstate_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// TestKursVorrat: a Kursauskunft keeps the course it loaded; the journal
// entry of a read leaves it kept, any committed write drops it, and the next
// Kursauskunft answers from the tables again.
func TestKursVorrat(t *testing.T) {
	ctx := t.Context()
	l := neuerKurs(t, nil)
	if n := mockstate.Kurse(l.s); n != 0 {
		t.Fatalf("before any Kursauskunft the store keeps %d courses; want 0", n)
	}
	erste := auskunft(t, l.s, l.v, kt1, l.kennung)
	if n := mockstate.Kurse(l.s); n != 1 {
		t.Fatalf("after one Kursauskunft the store keeps %d courses; want 1", n)
	}
	if _, err := l.s.AppendJournal(ctx, mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: "OK"}); err != nil {
		t.Fatal(err)
	}
	if n := mockstate.Kurse(l.s); n != 1 {
		t.Fatalf("after a journal entry the store keeps %d courses; want 1", n)
	}
	if zweite := auskunft(t, l.s, l.v, kt1, l.kennung); !reflect.DeepEqual(erste.Kurs, zweite.Kurs) {
		t.Errorf("the second Kursauskunft differs:\n%+v\n%+v", erste.Kurs, zweite.Kurs)
	}
	// Another Traeger asking for the same Kurskennung learns nothing of it,
	// also when the course is kept.
	fremd := auskunft(t, l.s, l.v, kt2, l.kennung)
	hasMeldungen(t, fremd.Meldungen.Meldung, meldung{inge.KursUnbekannt, "Kurskennung"})
	// A write that fails is rolled back and changes nothing kept.
	hasStatus(t, l.apply(&inge.KursplanungStornierenAnfrage{Anfrage: ingetest.KT1().Anfrage(), Kurskennung: "K999999999"}), inge.StatusAbgelehnt)
	mustSucceed(t, l.apply(l.neuePlanung()))
	if n := mockstate.Kurse(l.s); n != 0 {
		t.Errorf("after a write the store keeps %d courses; want 0", n)
	}
	if danach := auskunft(t, l.s, l.v, kt1, l.kennung); danach.Kurs == nil || danach.Kurs.Kursort != "KO-10000001-02" {
		t.Errorf("after the update the Kursauskunft answers %+v; want Kursort KO-10000001-02", danach.Kurs)
	}
}

// TestKursVorratFollowsEveryWrite: while readers keep filling the courses
// kept, a Kursauskunft after each acknowledged update answers that update,
// in a file (concurrent connections) and in memory.
func TestKursVorratFollowsEveryWrite(t *testing.T) {
	ctx := t.Context()
	for name, open := range map[string]func(testing.TB, ...mockstate.Option) *mockstate.Store{"Datei": openFileStore, "Speicher": openStore} {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			v := &vorgaenge{}
			resp := erfassen(t, s, v, kt1, validPlan(t))
			mustSucceed(t, resp)
			l := &kursLauf{tb: t, s: s, v: v, kennung: resp.Kurskennung, plan: validPlan(t).Kursplanung}
			lesen := func() (*inge.KursauskunftAntwort, error) {
				checked, err := inge.Check(&inge.KursauskunftAnfrage{
					Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}}, Kurskennung: l.kennung,
				})
				if err != nil {
					return nil, err
				}
				r, err := s.Apply(ctx, kt1, checked)
				if err != nil {
					return nil, err
				}
				a, ok := r.(*inge.KursauskunftAntwort)
				if !ok || a.Kurs == nil {
					return nil, fmt.Errorf("Kursauskunft = %+v", r)
				}
				return a, nil
			}
			defer whileReading(t, func() error { _, err := lesen(); return err })()
			for i := range 100 {
				r := l.neuePlanung()
				want := 10 + i%20
				r.Kursplanung.Wochenstunden = &want
				mustSucceed(t, ingetest.Apply(t, s, kt1, r))
				got, err := lesen()
				if err != nil {
					t.Fatal(err)
				}
				if w := got.Kurs.Wochenstunden; w == nil || *w != want {
					t.Fatalf("update %d: Kursauskunft answers Wochenstunden %v; want %d", i, w, want)
				}
			}
		})
	}
}

// TestKursVorratTakesNoConnection: a Kursauskunft answered from the
// courses kept begins no transaction; one that must load a course does.
func TestKursVorratTakesNoConnection(t *testing.T) {
	s := openFileStore(t)
	v := &vorgaenge{}
	resp := erfassen(t, s, v, kt1, validPlan(t))
	mustSucceed(t, resp)
	auskunft(t, s, v, kt1, resp.Kurskennung) // keeps the course and the clock
	if err := mockstate.ReadDB(s).Close(); err != nil {
		t.Fatal(err)
	}
	if a := auskunft(t, s, v, kt1, resp.Kurskennung); a.Kurs == nil || a.Kurs.Kurskennung != resp.Kurskennung {
		t.Errorf("the kept course is answered as %+v", a.Kurs)
	}
	checked, err := inge.Check(&inge.KursauskunftAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}}, Kurskennung: "K999999999",
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(t.Context(), kt1, checked); err == nil {
		t.Error("a course not kept was answered without a connection")
	}
}
