package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursplanungAktualisieren replaces the plan of a course. It needs a
// successful Kursplanung of this Traeger that is not cancelled, and works
// only before the first module starts, as often as needed (quelle:CMX-VER, quelle:Q-KP,
// quelle:ITM 10.5).
func kursplanungAktualisieren(ctx context.Context, tx *Tx, c *call, r *inge.KursplanungAktualisierenAnfrage) (inge.Response, error) {
	resp := &inge.KursplanungAktualisierenAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return resp, err
	}
	if beginn, err := k.planung.Kursbeginn.Time(); k.beginn != nil || (err == nil && begonnen(beginn, c.today)) {
		c.add(inge.AktualisierungNachBeginn, "Kurskennung", "Datum", datumText(k.planung.Kursbeginn))
	}
	teilnehmer, err := checkKursplanung(ctx, tx, c, &r.Kursplanung, "Kursplanung")
	if err != nil || c.nurPruefen() {
		return resp, err
	}
	if err := updateKurs(ctx, tx, c, k.kennung, &r.Kursplanung, teilnehmer); err != nil {
		return nil, err
	}
	c.erfolg = inge.KursplanungAktualisiert
	return resp, nil
}

// updateKurs replaces the plan of a course and its participants.
func updateKurs(ctx context.Context, tx *Tx, c *call, kennung string, k *inge.Kursplanung, teilnehmer []planTeilnehmer) error {
	planung, err := xml.Marshal(k)
	if err != nil {
		return fmt.Errorf("encode kursplanung: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kurs SET kursart = ?, kursbeginn = ?, kursort = ?, planung = ?, geaendert_am = ?
		WHERE kurskennung = ?`, k.Kursart, string(k.Kursbeginn), k.Kursort, planung, formatTime(c.now), kennung); err != nil {
		return fmt.Errorf("update kurs %s: %w", kennung, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM kurs_teilnehmer WHERE kurskennung = ?`, kennung); err != nil {
		return fmt.Errorf("update teilnehmer of %s: %w", kennung, err)
	}
	return insertPlanTeilnehmer(ctx, tx, kennung, teilnehmer)
}
