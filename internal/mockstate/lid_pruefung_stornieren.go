package mockstate

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lidPruefungStornieren cancels an exam this Traeger registered, before the
// exam day (quelle:ITM 10.5).
func lidPruefungStornieren(ctx context.Context, tx *Tx, c *call, r *inge.LidPruefungStornierenAnfrage) (inge.Response, error) {
	resp := &inge.LidPruefungStornierenAntwort{}
	p, err := aktivePruefung(ctx, tx, c, r.Pruefungsnummer)
	if err != nil || p == nil || c.nurPruefen() {
		return resp, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE lid_pruefung SET status = ?, grund = ?, geaendert_am = ? WHERE pruefungsnummer = ?`,
		string(inge.PruefungStorniert), r.Grund, formatTime(c.now), p.nummer); err != nil {
		return nil, fmt.Errorf("cancel lid pruefung %s: %w", p.nummer, err)
	}
	c.erfolg = inge.LidPruefungStorniertHinweis
	return resp, nil
}
