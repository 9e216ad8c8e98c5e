package mockstate_test

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// appendBulky appends n journal entries of about 4 KiB each once packed
// (random hex digits do not shrink below half).
func appendBulky(t *testing.T, s *mockstate.Store, n int) {
	t.Helper()
	for range n {
		digits := make([]byte, 4096)
		rand.Read(digits)
		doc := []byte("<Anfrage>" + hex.EncodeToString(digits) + "</Anfrage>")
		err := s.Update(t.Context(), func(tx *mockstate.Tx) error {
			_, err := tx.AppendJournal(t.Context(), mockstate.Eintrag{Zeit: jetzt, Operation: "Kursauskunft", Ergebnis: "verarbeitet", Anfrage: doc})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// openCheckpointed opens a store in a file and copies its log into the
// file, so that the file's size counts what is committed afterwards.
func openCheckpointed(t *testing.T) (*mockstate.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "mockinge.db")
	s, err := mockstate.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Checkpoint(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// fileSize returns the size of the file at path.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// What was committed reaches the database file soon after, copied in the
// background: far fewer pages than the 1,000 at which the writer would
// checkpoint in its COMMIT. Only a checkpoint writes to the file (the
// commits write to the log), so the file grows by what the entries take.
func TestCheckpointerCopiesCommitsInTheBackground(t *testing.T) {
	s, path := openCheckpointed(t)
	before := fileSize(t, path)
	// Twice the commits that start a checkpoint: some 30 pages each time.
	n := 2 * mockstate.CheckpointCommits
	appendBulky(t, s, n)

	want := before + mockstate.CheckpointCommits*4096
	deadline := time.Now().Add(20 * time.Second)
	for fileSize(t, path) < want {
		if time.Now().After(deadline) {
			t.Fatalf("database file %d bytes, %d before %d journal entries: they stayed in the log", fileSize(t, path), before, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The log is still the log: the entries read back from it or the file.
	es, err := journalOf(t, s)
	if err != nil || len(es) != n {
		t.Fatalf("journal: %d entries, %v; want %d", len(es), err, n)
	}
}

// A store that commits less than that, such as the sandbox of one
// scenario, is not checkpointed in the background: its two syncs would
// cost more than the writer's checkpoint they spare.
func TestCheckpointerLeavesFewCommits(t *testing.T) {
	s, path := openCheckpointed(t)
	before := fileSize(t, path)
	appendBulky(t, s, mockstate.CheckpointCommits-1)
	// Five times the pause between two checkpoints, and some: a checkpoint
	// that would start at once has long written to the file.
	time.Sleep(200 * time.Millisecond)
	if after := fileSize(t, path); after != before {
		t.Fatalf("database file %d bytes, %d before %d commits: checkpointed in the background", after, before, mockstate.CheckpointCommits-1)
	}
}

// journalOf returns every entry of s's journal.
func journalOf(t *testing.T, s *mockstate.Store) ([]mockstate.Eintrag, error) {
	t.Helper()
	var es []mockstate.Eintrag
	err := s.View(t.Context(), func(tx *mockstate.Tx) error {
		var err error
		es, err = tx.Journal(t.Context(), mockstate.Filter{})
		return err
	})
	return es, err
}

// Close ends the checkpointer and its connection with the others: SQLite
// removes the log once the last connection to the file closed, which the
// sandboxes rely on before they rename a file. A checkpointer left running,
// or its connection left open, would keep the log.
func TestCloseEndsCheckpointer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mockinge.db")
	s, err := mockstate.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, path)
	appendBulky(t, s, 2*mockstate.CheckpointCommits)
	// Let the checkpointer open its connection and copy the entries.
	deadline := time.Now().Add(20 * time.Second)
	for fileSize(t, path) == before {
		if time.Now().After(deadline) {
			t.Fatal("no checkpoint in the background")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("log after Close: %v, want it removed", err)
	}
}
