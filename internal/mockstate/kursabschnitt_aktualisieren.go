package mockstate

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursabschnittAktualisieren corrects a section whose begin was reported
// (quelle:ITM 10.5). Corrections have no deadline ("zeitnah", quelle:BAMF-KT).
func kursabschnittAktualisieren(ctx context.Context, tx *Tx, c *call, r *inge.KursabschnittAktualisierenAnfrage) (inge.Response, error) {
	resp := &inge.KursabschnittAktualisierenAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return resp, err
	}
	if k.beginn == nil {
		c.add(inge.KursbeginnNichtGemeldet, "Kurskennung")
		return resp, nil
	}
	d := &r.Abschnitt
	if _, done := k.abschnitt(d.Kursabschnitt); !done && d.Kursabschnitt != "" {
		c.add(inge.AbschnittBeginnNichtGemeldet, "Abschnitt/Kursabschnitt", "Wert", d.Kursabschnitt)
	}
	found, err := checkAbschnittsdaten(ctx, tx, c, k.kursart(), d, "Abschnitt", meldung{})
	if err != nil || c.failed() {
		return resp, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM kursabschnitt WHERE kurskennung = ? AND kursabschnitt = ?`, k.kennung, d.Kursabschnitt); err != nil {
		return nil, fmt.Errorf("replace kursabschnitt: %w", err)
	}
	if err := storeAbschnitt(ctx, tx, c, k.kennung, d, found); err != nil {
		return nil, err
	}
	if err := endIfVorzeitig(ctx, tx, c, k.kennung, d); err != nil {
		return nil, err
	}
	c.erfolg = inge.KursabschnittAktualisiert
	return resp, nil
}
