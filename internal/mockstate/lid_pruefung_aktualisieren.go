package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lidPruefungAktualisieren changes an exam this Traeger registered and has not
// cancelled, before the exam day; the two-week rule holds for the new data
// too (quelle:ITM 10.5).
func lidPruefungAktualisieren(ctx context.Context, tx *Tx, c *call, r *inge.LidPruefungAktualisierenAnfrage) (inge.Response, error) {
	resp := &inge.LidPruefungAktualisierenAntwort{}
	p, err := aktivePruefung(ctx, tx, c, r.Pruefungsnummer)
	if err != nil || p == nil {
		return resp, err
	}
	if err := checkLidPruefungsdaten(ctx, tx, c, &r.Pruefung, "Pruefung"); err != nil {
		return resp, err
	}
	// Only a moved exam must keep the two weeks; a new room shortly before
	// the exam is fine.
	if r.Pruefung.Pruefungsdatum != p.datum {
		checkLidVorlauf(c, r.Pruefung.Pruefungsdatum, "Pruefung/Pruefungsdatum")
	}
	if c.nurPruefen() {
		return resp, nil
	}
	daten, err := xml.Marshal(&r.Pruefung)
	if err != nil {
		return nil, fmt.Errorf("encode lid pruefung: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE lid_pruefung SET pruefungsdatum = ?, daten = ?, geaendert_am = ? WHERE pruefungsnummer = ?`,
		string(r.Pruefung.Pruefungsdatum), daten, formatTime(c.now), p.nummer); err != nil {
		return nil, fmt.Errorf("update lid pruefung %s: %w", p.nummer, err)
	}
	c.erfolg = inge.LidPruefungAktualisiert
	return resp, nil
}
