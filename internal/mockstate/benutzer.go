package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Zugang is a DeBeV-like user with its password, as a sandbox is created with.
type Zugang struct {
	Name          string
	Passwort      string
	Traegernummer string
}

// SetUsers replaces every user of the store, e.g. the Testdatenpaket's users
// of a new sandbox by its own. Each user's Traeger must exist.
func (s *Store) SetUsers(ctx context.Context, users []Zugang) error {
	return s.Update(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM benutzer`); err != nil {
			return fmt.Errorf("Benutzer ersetzen: %w", err)
		}
		for _, u := range users {
			if err := tx.addUser(ctx, u); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddUser adds a user to an existing Traeger of the store.
func (s *Store) AddUser(ctx context.Context, u Zugang) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.addUser(ctx, u) })
}

// RemoveUser removes a user; it wraps ErrNotFound if there is none.
func (s *Store) RemoveUser(ctx context.Context, name string) error {
	return s.Update(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM benutzer WHERE name = ?`, name)
		if err != nil {
			return fmt.Errorf("Benutzer %s entfernen: %w", name, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("Benutzer %q: %w", name, ErrNotFound)
		}
		return nil
	})
}

// Zugang returns a user with its password and Traeger, as WS-Security needs
// it to verify a UsernameToken; an unknown user wraps ErrNotFound. Never log
// the password.
//
// It answers from a copy of the store's users, read once and again after
// every transaction that wrote to them: it runs for every request.
func (s *Store) Zugang(ctx context.Context, name string) (Zugang, error) {
	if users, ok := s.users.get(); ok {
		return users.find(name)
	}
	gen := s.users.generation()
	all, err := s.Zugaenge(ctx)
	if err != nil {
		return Zugang{}, fmt.Errorf("Benutzer %q: %w", name, err)
	}
	users := zugaenge{}
	for _, z := range all {
		users[z.Name] = z
	}
	s.users.put(gen, users)
	return users.find(name)
}

// zugaenge are a store's users by name.
type zugaenge map[string]Zugang

func (z zugaenge) find(name string) (Zugang, error) {
	u, ok := z[name]
	if !ok {
		return Zugang{}, lookupError("Benutzer", name, sql.ErrNoRows)
	}
	return u, nil
}

// Zugaenge returns every user with its password, for copying the users of a
// sandbox across a reset. Nothing shown to people should use it.
func (s *Store) Zugaenge(ctx context.Context) ([]Zugang, error) {
	return view(ctx, s, func(tx *Tx) ([]Zugang, error) {
		rows, err := tx.QueryContext(ctx, `SELECT name, passwort, traegernummer FROM benutzer ORDER BY name`)
		if err != nil {
			return nil, err
		}
		var out []Zugang
		for rows.Next() {
			var z Zugang
			if err := rows.Scan(&z.Name, &z.Passwort, &z.Traegernummer); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, z)
		}
		return out, closeRows(rows)
	})
}

func (tx *Tx) addUser(ctx context.Context, u Zugang) error {
	if u.Name == "" || u.Passwort == "" {
		return errors.New("Benutzer anlegen: Name und Passwort sind nötig")
	}
	if _, err := tx.Traeger(ctx, u.Traegernummer); err != nil {
		return fmt.Errorf("Benutzer %s anlegen: %w", u.Name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO benutzer (name, passwort, traegernummer) VALUES (?, ?, ?)`,
		u.Name, u.Passwort, u.Traegernummer); err != nil {
		return fmt.Errorf("Benutzer %s anlegen: %w", u.Name, err)
	}
	return nil
}
