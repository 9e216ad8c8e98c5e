package mockstate

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursplanungStornieren cancels a planned course, e.g. one registered by
// mistake; afterwards the plan can't be used any more (quelle:Q-KP). It is refused
// after the Kursbeginnmeldung (quelle:ITM 10.5). Stornierungsgrund: code list 814.
func kursplanungStornieren(ctx context.Context, tx *Tx, c *call, r *inge.KursplanungStornierenAnfrage) (inge.Response, error) {
	resp := &inge.KursplanungStornierenAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return resp, err
	}
	if k.beginn != nil {
		c.add(inge.StornierungNachKursbeginn, "Kurskennung")
	}
	if c.nurPruefen() {
		return resp, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kurs SET status = ?, geaendert_am = ? WHERE kurskennung = ?`,
		string(inge.KursStorniert), formatTime(c.now), k.kennung); err != nil {
		return nil, fmt.Errorf("cancel kurs %s: %w", k.kennung, err)
	}
	c.erfolg = inge.KursplanungStorniertHinweis
	return resp, nil
}
