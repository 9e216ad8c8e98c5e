package mockstate_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Updates that wait for one another commit together, yet each keeps its
// own outcome: one that fails or panics leaves nothing behind, the others
// are kept, and each Update returns only once its own write is committed.
func TestGroupCommit(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, "")
	if err := s.Update(ctx, func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE gruppe_test (n INTEGER PRIMARY KEY)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	const writers = 200
	var wg sync.WaitGroup
	errs := make([]error, writers)
	panics := make([]any, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			errs[i] = s.Update(ctx, func(tx *mockstate.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO gruppe_test (n) VALUES (?)`, i); err != nil {
					return err
				}
				switch i % 10 {
				case 3:
					return fmt.Errorf("writer %d fails", i)
				case 7:
					panic(fmt.Sprintf("writer %d panics", i))
				}
				return nil
			})
			// Committed by now: a reader sees it at once.
			if errs[i] == nil {
				var n int
				if err := s.View(ctx, func(tx *mockstate.Tx) error {
					return tx.QueryRowContext(ctx, `SELECT count(*) FROM gruppe_test WHERE n = ?`, i).Scan(&n)
				}); err != nil || n != 1 {
					t.Errorf("writer %d: Update returned, its row is seen %d times (%v)", i, n, err)
				}
			}
		}()
	}
	wg.Wait()
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
	s := ingetest.MustOpen(t, "")
	if err := s.Update(ctx, func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE gruppe_test (n INTEGER PRIMARY KEY)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// The writer is held until all writes queued, so that they commit as
	// one group.
	const writers = 40
	hold, held := make(chan struct{}), make(chan struct{})
	go func() {
		_ = s.Update(ctx, func(*mockstate.Tx) error { close(held); <-hold; return nil })
	}()
	<-held
	var wg sync.WaitGroup
	errs := make([]error, writers)
	panics := make([]any, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			fn := func(tx *mockstate.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO gruppe_test (n) VALUES (?)`, i); err != nil {
					return err
				}
				switch i % 10 {
				case 4:
					return fmt.Errorf("writer %d fails", i)
				case 8:
					panic(fmt.Sprintf("writer %d panics", i))
				}
				return nil
			}
			if i%3 == 0 {
				errs[i] = s.Update(ctx, fn)
			} else {
				errs[i] = mockstate.UpdateOhneSavepoint(ctx, s, fn)
			}
		}()
	}
	for mockstate.Queued(s) < writers {
		time.Sleep(time.Millisecond)
	}
	close(hold)
	wg.Wait()
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
