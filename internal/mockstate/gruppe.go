package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// Group commit. Every write of a store takes its one writer connection, and
// every request writes (its journal entry, at least), so writers queue. The
// writes that queue while a transaction runs are committed together in the
// next one: each in a savepoint of its own, which its error undoes alone,
// and each acknowledged only once that transaction committed. One commit
// then carries many requests' pages, instead of one each: the cost of the
// commit, most of a short write's, is shared. In a group of several, the
// journal entry of each write is made by the goroutine waiting for it
// while the writer runs the next write (nachtrag), and the entries are
// written before the commit.

// maxGruppe bounds the writes of one transaction, so that the first of
// them is not held up by ever more behind it.
const maxGruppe = 64

// gruppe queues the writes of a store and commits them in groups.
type gruppe struct {
	mu      sync.Mutex
	queue   []*schreiben
	leading bool // a goroutine is committing the queue
}

// schreiben is one Update waiting for its group.
type schreiben struct {
	ctx  context.Context
	fn   func(*Tx) error
	done chan ergebnis
	// auftraege takes what the writer hands back to the goroutine that
	// waits for the write: making its journal entry (nachtrag).
	auftraege chan func()
	// ohneSavepoint runs fn in a group without a savepoint of its own (two
	// statements fewer): if it fails, the group runs again without it. For
	// writes that fail only when the store does, such as appending a
	// journal entry.
	ohneSavepoint bool
}

// ergebnis is what an Update learns: its error, or the value its fn
// panicked with, to panic with in the caller's goroutine.
type ergebnis struct {
	err      error
	panicked any
}

// update queues fn and waits until its group committed or fn failed.
func (s *Store) update(ctx context.Context, fn func(tx *Tx) error, ohneSavepoint bool) error {
	w := &schreiben{ctx: ctx, fn: fn, done: make(chan ergebnis, 1), auftraege: make(chan func(), 1), ohneSavepoint: ohneSavepoint}
	g := &s.gruppe
	g.mu.Lock()
	g.queue = append(g.queue, w)
	lead := !g.leading
	g.leading = true
	g.mu.Unlock()
	if lead {
		// The leader lets the goroutines that are ready run first: under
		// load they are requests about to queue their writes, which then
		// join this group instead of each waiting for one of its own
		// (groups of a read load grew from 1.6 to 5.8 writes, and a read
		// cost a tenth less). Alone, it goes on at once.
		runtime.Gosched()
		// The first writer commits its group itself, sparing a writer
		// alone the handing over to another goroutine; what queued
		// meanwhile is committed by a new leader.
		s.lead(w)
	}
	for {
		select {
		case auftrag := <-w.auftraege:
			auftrag()
		case res := <-w.done:
			if res.panicked != nil {
				panic(res.panicked)
			}
			return res.err
		}
	}
}

// errGoexit answers the writes of a group whose leader ended in the middle:
// a write's fn called runtime.Goexit (a test's t.Fatal, say).
var errGoexit = errors.New("write ended with runtime.Goexit; nothing of its group was kept")

// lead commits the queue group by group until it is empty; once, if self
// is set (the leader's own write, in its group), and then a new goroutine
// takes over if more writes queued.
func (s *Store) lead(self *schreiben) {
	first := self != nil
	g := &s.gruppe
	var batch []*schreiben
	finished := false
	defer func() {
		if finished {
			return
		}
		// fn ran runtime.Goexit: the group's transaction was rolled back.
		// Its writers get an error instead of waiting for ever, and a new
		// leader takes the queue.
		for _, w := range batch {
			select {
			case w.done <- ergebnis{err: errGoexit}:
			default: // answered already
			}
		}
		g.mu.Lock()
		again := len(g.queue) > 0
		g.leading = again
		g.mu.Unlock()
		if again {
			go s.lead(nil)
		}
	}()
	for {
		g.mu.Lock()
		n := min(len(g.queue), maxGruppe)
		if n == 0 {
			g.leading = false
			g.mu.Unlock()
			finished = true
			return
		}
		batch = g.queue[:n:n]
		g.queue = g.queue[n:]
		g.mu.Unlock()
		s.commitGroup(batch, self, true)
		if first {
			g.mu.Lock()
			more := len(g.queue) > 0
			g.leading = more
			g.mu.Unlock()
			finished = true
			if more {
				go s.lead(nil)
			}
			return
		}
	}
}

// commitGroup runs the writes of batch in one transaction, each in its
// savepoint, and commits it. With nachtragen, the journal entries of a
// group of several are made by the goroutines waiting for their writes
// (but self's, which is the leader's) while the writer runs the next
// write, and written once all ran (nachtrag).
func (s *Store) commitGroup(batch []*schreiben, self *schreiben, nachtragen bool) {
	// Statements run unprepared are prepared once the connection is free.
	defer s.stmts.prepareWanted(context.Background(), s.db)
	fail := func(ws []*schreiben, err error) {
		for _, w := range ws {
			w.done <- ergebnis{err: err}
		}
	}
	// Not a request's context: cancelling it would roll back the others.
	sqlTx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		fail(batch, fmt.Errorf("begin transaction: %w", err))
		return
	}
	defer sqlTx.Rollback()
	var done []*schreiben
	usersWritten, uhrWritten, stateWritten := false, false, false
	// A write alone needs no savepoint: its error rolls back the
	// transaction, which holds nothing else (most groups of reads' journal
	// entries are one write: two statements fewer).
	alone := len(batch) == 1
	var kopien gruppenKopien
	var nachtraege []*nachtrag
	for i, w := range batch {
		tx := &Tx{tx: sqlTx, db: s.db, now: s.now, s: s, gruppe: &kopien}
		if nachtragen && !alone {
			tx.nachtraege, tx.schreiber, tx.selbst = &nachtraege, w, w == self
		}
		savepoint := !alone && !w.ohneSavepoint
		res, broken := runSavepoint(w.ctx, tx, w.fn, savepoint)
		if broken != nil {
			// The transaction is in no state to go on: nothing of the group
			// is kept.
			abwarten(nachtraege)
			fail(done, broken)
			fail(batch[i:], broken)
			return
		}
		kept := res.err == nil && res.panicked == nil
		usersWritten = usersWritten || tx.usersWritten && kept
		uhrWritten = uhrWritten || tx.uhrWritten && kept
		stateWritten = stateWritten || tx.stateWritten && kept
		if res.err != nil || res.panicked != nil {
			// A write that failed after handing over its entry (none of
			// ours does) waits for it, and it is not written.
			if n := len(nachtraege); n > 0 && nachtraege[n-1].w == w {
				abwarten(nachtraege[n-1:])
				nachtraege = nachtraege[:n-1]
			}
			if !savepoint && !alone {
				// What it wrote before it failed is in the transaction, and
				// no savepoint undoes it: the group runs again without it.
				abwarten(nachtraege)
				w.done <- res
				s.runAgain(sqlTx, append(done[:len(done):len(done)], batch[i+1:]...))
				return
			}
			w.done <- res
			continue
		}
		done = append(done, w)
	}
	if len(done) == 0 {
		return // every write failed: the transaction is rolled back
	}
	if ohne := abwarten(nachtraege); len(ohne) > 0 {
		// An entry could not be made, which must undo its write: the
		// group is run again without those writes, each entry made in
		// the writer's transaction as before.
		var again []*schreiben
		for _, w := range done {
			if res, failed := ohne[w]; failed {
				w.done <- res
			} else {
				again = append(again, w)
			}
		}
		s.runAgain(sqlTx, again)
		return
	}
	jtx := &Tx{tx: sqlTx, db: s.db, now: s.now, s: s}
	for _, n := range nachtraege {
		if _, err := jtx.appendJournal(context.Background(), n.g); err != nil {
			fail(done, err)
			return
		}
	}
	err = sqlTx.Commit()
	// Also if the commit failed: it may have written.
	if usersWritten {
		s.users.changed()
	}
	if uhrWritten {
		s.uhr.changed()
	}
	if stateWritten {
		s.kurse.changed()
	}
	if kopien.stammdaten {
		s.stammdaten.changed()
	}
	if err != nil {
		fail(done, fmt.Errorf("commit: %w", err))
		return
	}
	s.checkpoints.committed()
	fail(done, nil)
}

// runAgain rolls back a group's transaction and commits the writes again
// without the ones it left out, each with its entry made in the writer's
// transaction.
func (s *Store) runAgain(sqlTx *sql.Tx, again []*schreiben) {
	sqlTx.Rollback()
	if len(again) > 0 {
		s.commitGroup(again, nil, false)
	}
}

// runSavepoint runs fn in a savepoint of tx: its error or panic undoes what
// it did, and only that. broken reports that the savepoint itself failed,
// which leaves the transaction unusable. Without savepoint, fn runs in tx
// as it is, and the caller must not commit tx if fn failed.
func runSavepoint(ctx context.Context, tx *Tx, fn func(*Tx) error, savepoint bool) (res ergebnis, broken error) {
	exec := func(q string) error {
		_, err := tx.tx.ExecContext(context.WithoutCancel(ctx), q)
		return err
	}
	if savepoint {
		if err := exec(`SAVEPOINT gruppe`); err != nil {
			return ergebnis{}, fmt.Errorf("savepoint: %w", err)
		}
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				res.panicked = p
			}
		}()
		res.err = fn(tx)
	}()
	if !savepoint {
		return res, nil
	}
	if res.err != nil || res.panicked != nil {
		if err := exec(`ROLLBACK TO gruppe`); err != nil {
			return res, fmt.Errorf("rollback to savepoint: %w", err)
		}
	}
	if err := exec(`RELEASE gruppe`); err != nil {
		return res, fmt.Errorf("release savepoint: %w", err)
	}
	return res, nil
}
