package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// einstellungProfil is the setting that names the contract profile the
// store's sandbox speaks.
const einstellungProfil = "profil"

// Profil returns the name of the contract profile the store's sandbox
// speaks, "" for our contract.
func (s *Store) Profil(ctx context.Context) (string, error) {
	return view(ctx, s, func(tx *Tx) (string, error) {
		var name string
		err := tx.QueryRowContext(ctx, `SELECT wert FROM einstellung WHERE schluessel = ?`, einstellungProfil).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("Profil lesen: %w", err)
		}
		return name, nil
	})
}

// SetProfil keeps the name of the contract profile the store's sandbox
// speaks; "" is our contract.
func (s *Store) SetProfil(ctx context.Context, name string) error {
	return s.Update(ctx, func(tx *Tx) error {
		var err error
		if name == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM einstellung WHERE schluessel = ?`, einstellungProfil)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO einstellung (schluessel, wert) VALUES (?, ?)
				ON CONFLICT (schluessel) DO UPDATE SET wert = excluded.wert`, einstellungProfil, name)
		}
		if err != nil {
			return fmt.Errorf("Profil setzen: %w", err)
		}
		return nil
	})
}
