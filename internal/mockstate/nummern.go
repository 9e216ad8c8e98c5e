package mockstate

import (
	"context"
	"database/sql"
	"fmt"
)

// Nummernstand is how far the sequences of Kurskennungen and
// Pruefungsnummern have come: the last number each handed out.
type Nummernstand struct {
	Kurs, Pruefung int64
}

// numberTables are the sequence tables, each with its field of
// Nummernstand.
var numberTables = []struct {
	table string
	field func(*Nummernstand) *int64
}{
	{"kurs_nummer", func(n *Nummernstand) *int64 { return &n.Kurs }},
	{"lid_nummer", func(n *Nummernstand) *int64 { return &n.Pruefung }},
}

// Nummern returns the last numbers handed out.
func (s *Store) Nummern(ctx context.Context) (Nummernstand, error) {
	return view(ctx, s, func(tx *Tx) (Nummernstand, error) {
		var n Nummernstand
		for _, t := range numberTables {
			var v sql.NullInt64
			// sqlite_sequence keeps the largest number ever handed out,
			// also of rows since deleted.
			if err := tx.QueryRowContext(ctx, `SELECT max(seq) FROM sqlite_sequence WHERE name = ?`, t.table).Scan(&v); err != nil {
				return n, fmt.Errorf("nummern %s: %w", t.table, err)
			}
			*t.field(&n) = v.Int64
		}
		return n, nil
	})
}

// ContinueNummern makes the sequences continue after n, so that a number
// handed out before (in the store a reset replaced) is never handed out
// again.
func (s *Store) ContinueNummern(ctx context.Context, n Nummernstand) error {
	return s.Update(ctx, func(tx *Tx) error {
		for _, t := range numberTables {
			if v := *t.field(&n); v > 0 {
				// table is one of our sequence tables, never input.
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO `+t.table+` (nummer) VALUES (?)`, v); err != nil {
					return fmt.Errorf("nummern %s: %w", t.table, err)
				}
			}
		}
		return nil
	})
}

// Checkpoint copies the write-ahead log into the database file and empties
// it, so that the file alone holds everything (before it is renamed).
func (s *Store) Checkpoint(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
