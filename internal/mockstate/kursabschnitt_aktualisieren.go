package mockstate

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursabschnittAktualisieren corrects a section whose begin was reported
// (quelle:ITM 10.5). Corrections have no deadline ("zeitnah", quelle:BAMF-KT). A
// correction of the latest section sets or withdraws its vorzeitiges
// Kursende (quelle:ITM 10.3.1: "voraussichtlich" the last); a participant who
// enters after the section's first 25 UE gets a Warnung (quelle:BAMF-LF3).
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
	found, err := checkAbschnittsdaten(ctx, tx, c, k, k.kursart(), d, "Abschnitt", meldung{})
	if err != nil {
		return nil, err
	}
	if _, done := k.abschnitt(d.Kursabschnitt); done {
		if err := checkEintrittNach25UE(ctx, tx, c, k.kennung, d, found, teilnehmerPaths(d, "Abschnitt")); err != nil {
			return nil, err
		}
	}
	if c.nurPruefen() {
		return resp, nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM kursabschnitt WHERE kurskennung = ? AND kursabschnitt = ?`, k.kennung, d.Kursabschnitt); err != nil {
		return nil, fmt.Errorf("replace kursabschnitt: %w", err)
	}
	if err := storeAbschnitt(ctx, tx, c, k.kennung, d, found); err != nil {
		return nil, err
	}
	if last := k.letzterAbschnitt(); last != nil && last.daten.Kursabschnitt == d.Kursabschnitt {
		if err := setVorzeitigesKursende(ctx, tx, c, k.kennung, d); err != nil {
			return nil, err
		}
	}
	c.erfolg = inge.KursabschnittAktualisiert
	return resp, nil
}
