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
	path := filepath.Join(t.TempDir(), "mockinge.db")
	s, err := mockstate.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := fileSize(t, path)
	const n = 50 // about 200 KiB: some 60 pages of 4 KiB
	appendBulky(t, s, n)

	deadline := time.Now().Add(20 * time.Second)
	for fileSize(t, path) < before+n*4096/2 {
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
	appendBulky(t, s, 5)
	// Let the checkpointer open its connection and copy the entries.
	deadline := time.Now().Add(20 * time.Second)
	for before := fileSize(t, path); fileSize(t, path) == before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("log after Close: %v, want it removed", err)
	}
}
