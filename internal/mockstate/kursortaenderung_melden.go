package mockstate

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursortaenderungMelden announces planned Kursort changes for sections whose
// begin has not been reported yet (quelle:ITM 10.5, quelle:Q-MKT). The section must belong
// to the Kursart and the Kursort to the Traeger.
func kursortaenderungMelden(ctx context.Context, tx *Tx, c *call, r *inge.KursortaenderungMeldenAnfrage) (inge.Response, error) {
	resp := &inge.KursortaenderungMeldenAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return resp, err
	}
	if k.status == inge.KursBeendet {
		c.add(inge.KursIstBeendet, "Kurskennung", "Wert", k.vorzeitigBeendetMit())
		return resp, nil
	}
	for i, a := range r.Aenderung {
		path := fmt.Sprintf("Aenderung[%d]", i+1)
		if checkAbschnittDerKursart(c, k.kursart(), a.Kursabschnitt, path+"/Kursabschnitt") {
			if _, begun := k.abschnitt(a.Kursabschnitt); begun {
				c.add(inge.KursortaenderungNachBeginn, path+"/Kursabschnitt", "Wert", a.Kursabschnitt)
			}
		}
		if err := checkKursort(ctx, tx, c, a.Kursort, path+"/Kursort"); err != nil {
			return nil, err
		}
		if err := checkKursorte(ctx, tx, c, a.WeitererKursort, path+"/WeitererKursort"); err != nil {
			return nil, err
		}
	}
	if c.nurPruefen() {
		return resp, nil
	}
	for _, a := range r.Aenderung {
		weitere := ""
		if len(a.WeitererKursort) > 0 {
			b, err := json.Marshal(a.WeitererKursort)
			if err != nil {
				return nil, fmt.Errorf("encode weitere kursorte: %w", err)
			}
			weitere = string(b)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO kursortaenderung (kurskennung, kursabschnitt, kursort, weitere_kursorte, gueltig_ab, gemeldet_am)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (kurskennung, kursabschnitt) DO UPDATE SET kursort = excluded.kursort, weitere_kursorte = excluded.weitere_kursorte,
				gueltig_ab = excluded.gueltig_ab, gemeldet_am = excluded.gemeldet_am`,
			k.kennung, a.Kursabschnitt, a.Kursort, weitere, string(a.GueltigAb), formatTime(c.now)); err != nil {
			return nil, fmt.Errorf("store kursortaenderung of %s: %w", k.kennung, err)
		}
	}
	c.erfolg = inge.KursortaenderungGespeichert
	return resp, nil
}
