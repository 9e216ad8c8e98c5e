package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lidPruefungErfassen registers a "Leben in Deutschland" exam and returns its
// Pruefungsnummer (quelle:Q-LID). Only a Traeger approved as Pruefstelle (§ 20a IntV,
// quelle:BAMF-LF4) may do so.
func lidPruefungErfassen(ctx context.Context, tx *Tx, c *call, r *inge.LidPruefungErfassenAnfrage) (inge.Response, error) {
	resp := &inge.LidPruefungErfassenAntwort{}
	if err := checkLidPruefungsdaten(ctx, tx, c, &r.Pruefung, "Pruefung"); err != nil {
		return resp, err
	}
	checkLidVorlauf(c, r.Pruefung.Pruefungsdatum, "Pruefung/Pruefungsdatum")
	if c.failed() {
		return resp, nil
	}
	n, err := c.neueNummer(ctx, tx, "lid_nummer")
	if err != nil {
		return nil, fmt.Errorf("new pruefungsnummer: %w", err)
	}
	nummer := fmt.Sprintf("L%09d", n)
	if c.nurPruefen() {
		// A Rollback names the number, which is then never given out.
		resp.Pruefungsnummer = nummer
		return resp, nil
	}
	daten, err := xml.Marshal(&r.Pruefung)
	if err != nil {
		return nil, fmt.Errorf("encode lid pruefung: %w", err)
	}
	now := formatTime(c.now)
	if _, err := tx.ExecContext(ctx, `INSERT INTO lid_pruefung (pruefungsnummer, traegernummer, status, pruefungsdatum, daten, erfasst_am, geaendert_am)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, nummer, c.caller.Traegernummer, string(inge.PruefungErfasst), string(r.Pruefung.Pruefungsdatum), daten, now, now); err != nil {
		return nil, fmt.Errorf("insert lid pruefung: %w", err)
	}
	resp.Pruefungsnummer = nummer
	c.erfolg, c.erfolgArgs = inge.LidPruefungErfasst, []string{"Wert", nummer}
	return resp, nil
}
