package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// verzeichnis is the registry's index of the sandboxes beside the standard
// one and of their users, in a small SQLite file of its own
// (<db>.verzeichnis.db): with it the mock routes every user to its sandbox
// at start without opening a sandbox's store, and knows the users of a
// sandbox whose file is damaged. It is the registry's alone, so that no
// reset of a sandbox touches it.
//
// The order of writes makes a crash leave nothing half made: a sandbox is
// entered before its file is renamed into place, and its file is deleted
// before it leaves the index; Open drops an entry whose file is missing. A
// user is entered before it is stored in its sandbox, and leaves after it
// left the store; opening the sandbox drops an entry the store lacks.
type verzeichnis struct {
	db *sql.DB
}

// eintrag is a sandbox in the index.
type eintrag struct {
	name     string
	erstellt time.Time
	profil   string // the contract profile the sandbox speaks, "" for ours
	benutzer []mockstate.Zugang
}

const verzeichnisSchema = `
CREATE TABLE IF NOT EXISTS sandbox (
    name     TEXT PRIMARY KEY,
    erstellt TEXT NOT NULL,
    profil   TEXT NOT NULL DEFAULT ''
) STRICT;
-- The password is kept as in every sandbox's store: these are test
-- credentials, and a sandbox whose file is damaged is reset with them.
CREATE TABLE IF NOT EXISTS benutzer (
    name          TEXT PRIMARY KEY,
    sandbox       TEXT NOT NULL REFERENCES sandbox (name) ON DELETE CASCADE,
    passwort      TEXT NOT NULL,
    traegernummer TEXT NOT NULL
) STRICT;`

// openVerzeichnis opens (and creates) the index at path.
func openVerzeichnis(ctx context.Context, path string) (*verzeichnis, error) {
	params := url.Values{"_journal_mode": {"WAL"}, "_foreign_keys": {"on"}, "_busy_timeout": {"5000"}, "_synchronous": {"NORMAL"}, "_txlock": {"immediate"}}
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	db, err := sql.Open("sqlite3", "file:"+escaped+"?"+params.Encode())
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, verzeichnisSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	return &verzeichnis{db: db}, nil
}

func (v *verzeichnis) close() error { return v.db.Close() }

// all returns every sandbox of the index with its users.
func (v *verzeichnis) all(ctx context.Context) (map[string]*eintrag, error) {
	out := map[string]*eintrag{}
	rows, err := v.db.QueryContext(ctx, `SELECT name, erstellt, profil FROM sandbox`)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	for rows.Next() {
		var e eintrag
		var erstellt string
		if err := rows.Scan(&e.name, &erstellt, &e.profil); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		e.erstellt, _ = time.Parse(time.RFC3339Nano, erstellt)
		out[e.name] = &e
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	rows, err = v.db.QueryContext(ctx, `SELECT name, sandbox, passwort, traegernummer FROM benutzer ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var z mockstate.Zugang
		var sandbox string
		if err := rows.Scan(&z.Name, &sandbox, &z.Passwort, &z.Traegernummer); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		if e := out[sandbox]; e != nil {
			e.benutzer = append(e.benutzer, z)
		}
	}
	return out, rows.Err()
}

// add enters a sandbox with its users.
func (v *verzeichnis) add(ctx context.Context, sb *Sandbox, users []mockstate.Zugang) error {
	name := sb.Name
	return v.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sandbox (name, erstellt, profil) VALUES (?, ?, ?)`,
			name, sb.Created.UTC().Format(time.RFC3339Nano), sb.Profil); err != nil {
			return err
		}
		for _, u := range users {
			if _, err := tx.ExecContext(ctx, `INSERT INTO benutzer (name, sandbox, passwort, traegernummer) VALUES (?, ?, ?, ?)`, u.Name, name, u.Passwort, u.Traegernummer); err != nil {
				return err
			}
		}
		return nil
	})
}

// remove takes a sandbox and its users out of the index.
func (v *verzeichnis) remove(ctx context.Context, name string) error {
	return v.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sandbox WHERE name = ?`, name)
		return err
	})
}

// addUser enters a user of a sandbox. The registry has found the name
// free, so a row the index still holds for it is one whose removal it
// could not record (RemoveUser): the new user replaces it.
func (v *verzeichnis) addUser(ctx context.Context, sandbox string, u mockstate.Zugang) error {
	return v.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO benutzer (name, sandbox, passwort, traegernummer) VALUES (?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET sandbox = excluded.sandbox, passwort = excluded.passwort, traegernummer = excluded.traegernummer`,
			u.Name, sandbox, u.Passwort, u.Traegernummer)
		return err
	})
}

// removeUser takes a user out of the index.
func (v *verzeichnis) removeUser(ctx context.Context, name string) error {
	return v.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM benutzer WHERE name = ?`, name)
		return err
	})
}

func (v *verzeichnis) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := v.db.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}
