package mockstate_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// gruppeTestStore opens a store with a table gruppe_test of numbers.
func gruppeTestStore(t *testing.T) *mockstate.Store {
	t.Helper()
	s := ingetest.MustOpen(t, "")
	if err := s.Update(t.Context(), func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(t.Context(), `CREATE TABLE gruppe_test (n INTEGER PRIMARY KEY)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// gruppeTestWrite returns writer i's write: it inserts i into gruppe_test,
// then fails if i ends in the digit fails and panics if in panics.
func gruppeTestWrite(i, fails, panics int) func(*mockstate.Tx) error {
	return func(tx *mockstate.Tx) error {
		if _, err := tx.ExecContext(context.Background(), `INSERT INTO gruppe_test (n) VALUES (?)`, i); err != nil {
			return err
		}
		switch i % 10 {
		case fails:
			return fmt.Errorf("writer %d fails", i)
		case panics:
			panic(fmt.Sprintf("writer %d panics", i))
		}
		return nil
	}
}

// startWriters runs write(i) for each i below n in a goroutine of its own
// and returns a function that waits for them all and returns what each
// returned or panicked with.
func startWriters(n int, write func(i int) error) (wait func() ([]error, []any)) {
	var wg sync.WaitGroup
	errs, panics := make([]error, n), make([]any, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			errs[i] = write(i)
		}()
	}
	return func() ([]error, []any) {
		wg.Wait()
		return errs, panics
	}
}

// Updates that wait for one another commit together, yet each keeps its
// own outcome: one that fails or panics leaves nothing behind, the others
// are kept, and each Update returns only once its own write is committed.
func TestGroupCommit(t *testing.T) {
	ctx := t.Context()
	s := gruppeTestStore(t)
	const writers = 200
	errs, panics := startWriters(writers, func(i int) error {
		err := s.Update(ctx, gruppeTestWrite(i, 3, 7))
		// Committed by now: a reader sees it at once.
		if err == nil {
			var n int
			if err := s.View(ctx, func(tx *mockstate.Tx) error {
				return tx.QueryRowContext(ctx, `SELECT count(*) FROM gruppe_test WHERE n = ?`, i).Scan(&n)
			}); err != nil || n != 1 {
				t.Errorf("writer %d: Update returned, its row is seen %d times (%v)", i, n, err)
			}
		}
		return err
	})()
	for i := range writers {
		var wantErr, wantPanic bool
		switch i % 10 {
		case 3:
			wantErr = true
		case 7:
			wantPanic = true
		}
		if (errs[i] != nil) != wantErr || (panics[i] != nil) != wantPanic {
			t.Errorf("writer %d: error %v, panic %v", i, errs[i], panics[i])
		}
	}
	var kept int
	if err := s.View(ctx, func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM gruppe_test WHERE n % 10 NOT IN (3, 7)`).Scan(&kept)
	}); err != nil {
		t.Fatal(err)
	}
	var undone int
	if err := s.View(ctx, func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM gruppe_test WHERE n % 10 IN (3, 7)`).Scan(&undone)
	}); err != nil {
		t.Fatal(err)
	}
	if kept != writers*8/10 || undone != 0 {
		t.Errorf("rows kept %d (want %d), of failed writers %d (want 0)", kept, writers*8/10, undone)
	}
}

// In a group, a write that runs without a savepoint (a journal append)
// and fails after writing leaves nothing behind: the group runs again
// without it, and every other write of it, with or without a savepoint,
// is kept once and answered once.
func TestGroupCommitWithoutSavepoint(t *testing.T) {
	ctx := t.Context()
	s := gruppeTestStore(t)
	// The writer is held until all writes queued, so that they commit as
	// one group.
	const writers = 40
	hold, held := make(chan struct{}), make(chan struct{})
	go func() {
		_ = s.Update(ctx, func(*mockstate.Tx) error { close(held); <-hold; return nil })
	}()
	<-held
	wait := startWriters(writers, func(i int) error {
		if i%3 == 0 {
			return s.Update(ctx, gruppeTestWrite(i, 4, 8))
		}
		return mockstate.UpdateOhneSavepoint(ctx, s, gruppeTestWrite(i, 4, 8))
	})
	for mockstate.Wartende(s) < writers {
		time.Sleep(time.Millisecond)
	}
	close(hold)
	errs, panics := wait()
	for i := range writers {
		wantErr, wantPanic := i%10 == 4, i%10 == 8
		if (errs[i] != nil) != wantErr || (panics[i] != nil) != wantPanic {
			t.Errorf("writer %d: error %v, panic %v", i, errs[i], panics[i])
		}
	}
	var kept, undone int
	if err := s.View(ctx, func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE n % 10 NOT IN (4, 8)), count(*) FILTER (WHERE n % 10 IN (4, 8)) FROM gruppe_test`).Scan(&kept, &undone)
	}); err != nil {
		t.Fatal(err)
	}
	if kept != writers*8/10 || undone != 0 {
		t.Errorf("rows kept %d (want %d), of failed writers %d (want 0)", kept, writers*8/10, undone)
	}
}

// A write that its statement's error fails is undone also when the writer
// ignores that error, as long as it reports one: the savepoint covers it.
func TestGroupCommitUndoesOnlyTheFailed(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)
	errBoom := errors.New("boom")
	err := s.Update(ctx, func(tx *mockstate.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO benutzer (name, passwort, traegernummer) VALUES ('weg', 'x', '10000001')`); err != nil {
			return err
		}
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Fatalf("Update = %v; want boom", err)
	}
	if _, err := s.Zugang(ctx, "weg"); !errors.Is(err, mockstate.ErrNotFound) {
		t.Errorf("the failed write's user: %v; want ErrNotFound", err)
	}
}

// A write whose fn ends its goroutine (runtime.Goexit, as t.Fatal does)
// ends it, as without group commit, and fails its group and nothing else:
// the store takes writes after it.
func TestGroupCommitSurvivesGoexit(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)
	returned := false
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		_ = s.Update(ctx, func(tx *mockstate.Tx) error {
			runtime.Goexit()
			return nil
		})
		returned = true
	}()
	<-exited
	if returned {
		t.Error("Update returned after its fn ran Goexit")
	}
	done := make(chan error, 1)
	go func() {
		done <- s.AddUser(ctx, mockstate.Zugang{Name: "danach", Passwort: "x", Traegernummer: "10000001"})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("a write after it: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a write after it waits for ever: the store is stuck")
	}
}
