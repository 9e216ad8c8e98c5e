package mockstate_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// TestErkannteFollowTheTestdatenpaket: the persons a Kennziffer identified
// are kept until the Testdatenpaket changes; the transaction that changes
// it, a later write of its group, every read after its commit and every
// later group identify from the tables again.
func TestErkannteFollowTheTestdatenpaket(t *testing.T) {
	ctx := t.Context()
	born := time.Date(1979, 1, 30, 0, 0, 0, 0, time.UTC)
	const kennziffer = "6100104-166"
	find := func(tx *mockstate.Tx) (int, error) {
		ps, err := tx.FindPersons(ctx, born, inge.AktenzeichenBAMF, kennziffer)
		return len(ps), err
	}
	inView := func(t *testing.T, s *mockstate.Store) int {
		t.Helper()
		var n int
		if err := s.View(ctx, func(tx *mockstate.Tx) (err error) { n, err = find(tx); return err }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	inUpdate := func(t *testing.T, s *mockstate.Store) int {
		t.Helper()
		var n int
		if err := s.Update(ctx, func(tx *mockstate.Tx) (err error) { n, err = find(tx); return err }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	wegnehmen := func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM person_kennziffer WHERE art = 'BAMF' AND wert = ?`, kennziffer)
		return err
	}
	kept := func(t *testing.T, s *mockstate.Store) {
		t.Helper()
		if inView(t, s) != 1 || inUpdate(t, s) != 1 || mockstate.Stammdaten(s) != 1 {
			t.Fatalf("before the change: the person is not found once, or not kept (%d kept)", mockstate.Stammdaten(s))
		}
	}

	t.Run("ImSelbenSchreiben", func(t *testing.T) {
		s := openFileStore(t)
		kept(t, s)
		var n int
		if err := s.Update(ctx, func(tx *mockstate.Tx) (err error) {
			if err := wegnehmen(tx); err != nil {
				return err
			}
			n, err = find(tx)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("the write that took the Kennziffer away still finds %d persons", n)
		}
		if v, u := inView(t, s), inUpdate(t, s); v != 0 || u != 0 {
			t.Errorf("after the commit: a read finds %d persons, a write %d; want 0", v, u)
		}
	})

	t.Run("InDerSelbenGruppe", func(t *testing.T) {
		s := openFileStore(t)
		kept(t, s)
		// A write holds the writer while two more queue: they are then
		// committed in one group, the change first.
		var wg sync.WaitGroup
		release := holdWriter(t, s, &wg)
		wg.Go(func() {
			if err := s.Update(ctx, wegnehmen); err != nil {
				t.Error(err)
			}
		})
		waitQueued(t, s, 1)
		var n int
		wg.Go(func() {
			if err := s.Update(ctx, func(tx *mockstate.Tx) (err error) { n, err = find(tx); return err }); err != nil {
				t.Error(err)
			}
		})
		waitQueued(t, s, 2)
		release()
		wg.Wait()
		if n != 0 {
			t.Errorf("a write after the change in its group finds %d persons; want 0", n)
		}
		if v := inView(t, s); v != 0 {
			t.Errorf("after the commit a read finds %d persons; want 0", v)
		}
	})
}

// TestStammdatenKopienFollowTheTestdatenpaket: the other lookups of the
// Testdatenpaket (here a Kursort) are kept and dropped like the persons.
func TestStammdatenKopienFollowTheTestdatenpaket(t *testing.T) {
	ctx := t.Context()
	s := openFileStore(t)
	const kennung = "KO-10000001-01"
	ort := func() string {
		t.Helper()
		var k mockstate.Kursort
		if err := s.View(ctx, func(tx *mockstate.Tx) (err error) { k, err = tx.Kursort(ctx, kennung); return err }); err != nil {
			t.Fatal(err)
		}
		return k.Ort
	}
	vorher := ort()
	if n := mockstate.Stammdaten(s); n != 1 {
		t.Fatalf("after one lookup the store keeps %d copies; want 1", n)
	}
	if err := s.Update(ctx, func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE kursort SET ort = 'Anderswo' WHERE kennung = ?`, kennung)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := ort(); got != "Anderswo" {
		t.Errorf("after the change the Kursort lies in %q (before %q); want Anderswo", got, vorher)
	}
}

// waitQueued waits until n writes wait for the store's next group.
func waitQueued(t *testing.T, s *mockstate.Store, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for mockstate.Wartende(s) < n {
		select {
		case <-ctx.Done():
			t.Fatalf("%d writes queued; want %d", mockstate.Wartende(s), n)
		case <-time.After(time.Millisecond):
		}
	}
}

// holdWriter runs a write that holds the store's writer until release is
// called: the writes queued meanwhile are then committed in one group, in
// the order they queued (waitQueued). wg waits for the holding write too.
func holdWriter(t *testing.T, s *mockstate.Store, wg *sync.WaitGroup) (release func()) {
	t.Helper()
	hold, held := make(chan struct{}), make(chan struct{})
	wg.Go(func() {
		if err := s.Update(t.Context(), func(*mockstate.Tx) error { close(held); <-hold; return nil }); err != nil {
			t.Error(err)
		}
	})
	<-held
	return func() { close(hold) }
}

// whileReading runs read over and over in two goroutines until stop is
// called; an error of read fails the test.
func whileReading(t *testing.T, read func() error) (stop func()) {
	done := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := read(); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	return func() { close(done); readers.Wait() }
}
