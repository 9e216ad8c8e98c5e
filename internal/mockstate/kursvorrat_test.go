package mockstate_test

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

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

// TestJournaledReadKeepsNoUncommittedCourse: a Kursauskunft with its
// journal entry that must load its course reads it in the writer's group.
// Behind a write of the same group it sees that write, which commits with
// it, but does not keep the course for other reads before the commit.
func TestJournaledReadKeepsNoUncommittedCourse(t *testing.T) {
	ctx := t.Context()
	s := openFileStore(t)
	v := &vorgaenge{}
	resp := erfassen(t, s, v, kt1, validPlan(t))
	mustSucceed(t, resp)
	l := &kursLauf{tb: t, s: s, v: v, kennung: resp.Kurskennung, plan: validPlan(t).Kursplanung}
	vorher := l.plan.Wochenstunden // no read yet: the course is not kept
	checked, err := inge.Check(&inge.KursauskunftAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}}, Kurskennung: l.kennung,
	})
	if err != nil {
		t.Fatal(err)
	}
	wochenstunden := func(r inge.Response) *int {
		a, ok := r.(*inge.KursauskunftAntwort)
		if !ok || a.Kurs == nil {
			t.Fatalf("Kursauskunft = %+v", r)
		}
		return a.Kurs.Wochenstunden
	}
	// queue runs fn in a goroutine and waits until the store's next group
	// holds n writes.
	var wg sync.WaitGroup
	queue := func(n int, fn func()) {
		wg.Go(fn)
		for mockstate.Wartende(s) < n {
			time.Sleep(time.Millisecond)
		}
	}
	// A write holds the writer, so that the three behind it form one group.
	erster, zweiter := make(chan struct{}), make(chan struct{})
	erstesLaeuft, zweitesLaeuft := make(chan struct{}), make(chan struct{})
	wg.Go(func() {
		if err := s.Update(ctx, func(*mockstate.Tx) error { close(erstesLaeuft); <-erster; return nil }); err != nil {
			t.Error(err)
		}
	})
	<-erstesLaeuft
	want := deref(vorher) + 5
	aenderung := l.neuePlanung()
	aenderung.Kursplanung.Wochenstunden = &want
	queue(1, func() { mustSucceed(t, ingetest.Apply(t, s, kt1, aenderung)) })
	var gelesen inge.Response
	queue(2, func() {
		var err error
		gelesen, err = s.ApplyJournaled(ctx, kt1, checked, func(r inge.Response) (mockstate.Eintrag, error) {
			return mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: string(r.Base().Status)}, nil
		})
		if err != nil {
			t.Error(err)
		}
	})
	queue(3, func() {
		if err := s.Update(ctx, func(*mockstate.Tx) error { close(zweitesLaeuft); <-zweiter; return nil }); err != nil {
			t.Error(err)
		}
	})
	close(erster)
	<-zweitesLaeuft // the change and the read ran, uncommitted
	if r, err := s.Apply(ctx, kt1, checked); err != nil {
		t.Fatal(err)
	} else if got := wochenstunden(r); deref(got) != deref(vorher) {
		t.Errorf("before the group committed, a read answers Wochenstunden %d; want %d", deref(got), deref(vorher))
	}
	close(zweiter)
	wg.Wait()
	if got := wochenstunden(gelesen); deref(got) != want {
		t.Errorf("the read behind the change answered Wochenstunden %d; want %d", deref(got), want)
	}
	if got := wochenstunden(ingetest.Apply(t, s, kt1, checked.Request())); deref(got) != want {
		t.Errorf("after the commit, a read answers Wochenstunden %d; want %d", deref(got), want)
	}
}

func deref(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

// TestJournaledReadKeepsItsCourse: a Kursauskunft with its journal entry
// that loaded its course in the writer's group keeps it like a View's,
// and the next is answered from it without a reader's connection.
func TestJournaledReadKeepsItsCourse(t *testing.T) {
	s := openFileStore(t)
	resp := erfassen(t, s, &vorgaenge{}, kt1, validPlan(t))
	mustSucceed(t, resp)
	checked, err := inge.Check(&inge.KursauskunftAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: kt1.Traegernummer}}, Kurskennung: resp.Kurskennung,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := mockstate.ReadDB(s).Close(); err != nil {
		t.Fatal(err)
	}
	var entries int
	j := func(r inge.Response) (mockstate.Eintrag, error) {
		entries++
		return mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: string(r.Base().Status)}, nil
	}
	for i := range 2 {
		r, err := s.ApplyJournaled(t.Context(), kt1, checked, j)
		if err != nil {
			t.Fatalf("read %d without the readers' connections: %v", i, err)
		}
		if a := r.(*inge.KursauskunftAntwort); a.Kurs == nil || a.Kurs.Kurskennung != resp.Kurskennung {
			t.Fatalf("read %d answers %+v", i, a.Kurs)
		}
		if n := mockstate.Kurse(s); n != 1 {
			t.Errorf("after read %d the store keeps %d courses; want 1", i, n)
		}
	}
	if entries != 2 {
		t.Errorf("%d journal entries made; want 2", entries)
	}
	// Answered from the course kept: a View needs no connection either.
	if _, err := s.Apply(t.Context(), kt1, checked); err != nil {
		t.Errorf("the kept course, read in a View: %v", err)
	}
}
