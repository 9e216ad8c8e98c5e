package mockstate_test

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestOpen_MigrationsIdempotent(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "mockinge.db")

	s, err := mockstate.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingetest.MustLoad(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopening must skip applied migrations (re-running 001 would fail on
	// CREATE TABLE) and keep the data.
	s = ingetest.MustOpen(t, path)
	s = ingetest.MustOpen(t, path) // a second pool on the same file, too
	var versions, applied int
	err = s.View(ctx, func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&applied, &versions)
	})
	if err != nil {
		t.Fatal(err)
	}
	if applied == 0 || applied != versions {
		t.Errorf("schema_migrations: %d rows for %d versions; want one row per version", applied, versions)
	}
	if _, err := s.Zugang(ctx, "kt1.leitung"); err != nil {
		t.Errorf("Zugang after reopen: %v", err)
	}
}

func TestOpen_PathWithURICharacters(t *testing.T) {
	// The path becomes a file: URI; characters that end its path part must
	// be escaped, or the database lands in a file of another name.
	dir := t.TempDir()
	name := "mock inge?x=1#frag%41.db"
	ingetest.MustOpen(t, filepath.Join(dir, name))
	if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
		t.Errorf("database file: %v", err)
	}
}

func TestOpen_Pragmas(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, "")

	// The write pool has one connection (writers queue in Go); the read
	// pool has many. Every connection must have got its pragmas from the
	// DSN: the write connection and two read connections held at once.
	type conn struct {
		name string
		c    *sql.Conn
		want map[string]string
	}
	var conns []conn
	hold := func(name string, db *sql.DB, want map[string]string) {
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		conns = append(conns, conn{name, c, want})
	}
	hold("write", mockstate.DB(s), map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000", "synchronous": "1"})
	read := map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000", "query_only": "1"}
	hold("read 1", mockstate.ReadDB(s), read)
	hold("read 2", mockstate.ReadDB(s), read)
	if got := mockstate.DB(s).Stats().MaxOpenConnections; got != 1 {
		t.Errorf("write pool MaxOpenConnections = %d; want 1", got)
	}

	for _, c := range conns {
		for pragma, value := range c.want {
			var got string
			if err := c.c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != value {
				t.Errorf("%s connection: PRAGMA %s = %q; want %q", c.name, pragma, got, value)
			}
		}
	}
}

func TestOpen_ForeignKeysEnforced(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, "")
	err := s.Update(ctx, func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO benutzer (name, passwort, traegernummer) VALUES ('x', 'y', '99999999')`)
		return err
	})
	if err == nil {
		t.Fatal("Update inserting a Benutzer of an unknown Traeger: err = nil; want a foreign key error")
	}
}

func TestOpen_Memory(t *testing.T) {
	ctx := t.Context()
	s1 := ingetest.MustOpen(t, mockstate.MemoryPath)
	s2 := ingetest.MustOpen(t, mockstate.MemoryPath)
	ingetest.MustLoad(t, s1)

	t.Run("OK", func(t *testing.T) {
		if _, err := s1.Zugang(ctx, "kt1.leitung"); err != nil {
			t.Errorf("Zugang: %v", err)
		}
	})
	t.Run("ErrNotFoundInOtherStore", func(t *testing.T) {
		if _, err := s2.Zugang(ctx, "kt1.leitung"); !errors.Is(err, mockstate.ErrNotFound) {
			t.Errorf("Zugang in a second in-memory store: err = %v; want ErrNotFound", err)
		}
	})
	t.Run("ConcurrentUse", func(t *testing.T) {
		// With a single connection, concurrent callers must queue, not see
		// an empty database.
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if _, err := s1.Users(ctx); err != nil {
					t.Error(err)
				}
				if _, err := s1.AppendJournal(ctx, mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: "OK"}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		es, err := s1.Journal(ctx, mockstate.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 8 {
			t.Errorf("Journal: %d entries; want 8", len(es))
		}
	})
}

func TestUpdate(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, "")
	ingetest.MustLoad(t, s)
	rename := func(tx *mockstate.Tx, name string) error {
		_, err := tx.ExecContext(ctx, `UPDATE traeger SET name = ? WHERE traegernummer = '10000002'`, name)
		return err
	}
	name := func() string {
		t.Helper()
		return ingetest.View(t, s, func(tx *mockstate.Tx) (mockstate.Traeger, error) { return tx.Traeger(ctx, "10000002") }).Name
	}
	errRule := errors.New("rule violated")

	t.Run("CommitsOnNil", func(t *testing.T) {
		err := s.Update(ctx, func(tx *mockstate.Tx) error {
			if err := rename(tx, "VHS Neu"); err != nil {
				return err
			}
			// A lookup inside the transaction sees its own write.
			tr, err := tx.Traeger(ctx, "10000002")
			if err != nil {
				return err
			}
			if tr.Name != "VHS Neu" {
				t.Errorf("Traeger inside Update: Name = %q; want %q", tr.Name, "VHS Neu")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := name(); got != "VHS Neu" {
			t.Errorf("Name = %q; want %q", got, "VHS Neu")
		}
	})
	t.Run("RollsBackOnError", func(t *testing.T) {
		err := s.Update(ctx, func(tx *mockstate.Tx) error {
			if err := rename(tx, "Verworfen"); err != nil {
				return err
			}
			return errRule
		})
		if !errors.Is(err, errRule) {
			t.Errorf("Update: err = %v; want %v", err, errRule)
		}
		if got := name(); got != "VHS Neu" {
			t.Errorf("Name = %q; want %q", got, "VHS Neu")
		}
	})
	t.Run("RollsBackOnPanic", func(t *testing.T) {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("Update did not pass the panic on")
				}
			}()
			_ = s.Update(ctx, func(tx *mockstate.Tx) error {
				if err := rename(tx, "Verworfen"); err != nil {
					return err
				}
				panic("boom")
			})
		}()
		if got := name(); got != "VHS Neu" {
			t.Errorf("Name = %q; want %q", got, "VHS Neu")
		}
		// The write lock was released: another Update gets through.
		if err := s.Update(ctx, func(tx *mockstate.Tx) error { return rename(tx, "VHS Neu") }); err != nil {
			t.Errorf("Update after panic: %v", err)
		}
	})
}

func TestView_ReadOnly(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, "")
	ingetest.MustLoad(t, s)
	err := s.View(ctx, func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM benutzer`)
		return err
	})
	if err == nil {
		t.Error("View deleting rows: err = nil; want an error")
	}
	if users, _ := s.Users(ctx); len(users) != 3 {
		t.Errorf("Users after View: %d; want 3", len(users))
	}
}
