package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursplanungErfassen stores a new planned course and returns its
// Kurskennung (quelle:CMX-VER: "Kursplanung erfolgreich gespeichert").
func kursplanungErfassen(ctx context.Context, tx *Tx, c *call, r *inge.KursplanungErfassenAnfrage) (inge.Response, error) {
	resp := &inge.KursplanungErfassenAntwort{}
	teilnehmer, err := checkKursplanung(ctx, tx, c, &r.Kursplanung, "Kursplanung")
	if err != nil {
		return nil, err
	}
	checkNachmeldung(c, &r.Kursplanung, "Kursplanung")
	if c.failed() {
		return resp, nil
	}
	checkDreiMonateVorher(c, &r.Kursplanung, "Kursplanung/Kursbeginn")
	kennung, err := insertKurs(ctx, tx, c, &r.Kursplanung, teilnehmer)
	if err != nil {
		return nil, err
	}
	resp.Kurskennung = kennung
	c.erfolg = inge.KursplanungGespeichert
	return resp, nil
}

// checkDreiMonateVorher: the plan is sent "möglichst drei Monate im Vorfeld"
// (quelle:BAMF-KT), "soweit möglich" three months ahead, and at once when a course
// is taken into the planning at short notice (quelle:ITM 10.5): a Hinweis, never a
// refusal. A late plan (after the start) has its own rule.
func checkDreiMonateVorher(c *call, k *inge.Kursplanung, path string) {
	b, err := k.Kursbeginn.Time()
	if err == nil && !begonnen(b, c.today) && b.Before(c.today.AddDate(0, 3, 0)) {
		c.add(inge.KursplanungKurzfristig, path, "Datum", datumText(k.Kursbeginn))
	}
}

// insertKurs stores a checked plan as a new course and returns its
// Kurskennung; a Rollback only draws the Kurskennung, which is then never
// given out.
func insertKurs(ctx context.Context, tx *Tx, c *call, k *inge.Kursplanung, teilnehmer []planTeilnehmer) (string, error) {
	n, err := c.neueNummer(ctx, tx, "kurs_nummer")
	if err != nil {
		return "", fmt.Errorf("new kurskennung: %w", err)
	}
	kennung := fmt.Sprintf("K%09d", n)
	if c.nurPruefen() {
		return kennung, nil
	}
	planung, err := xml.Marshal(k)
	if err != nil {
		return "", fmt.Errorf("encode kursplanung: %w", err)
	}
	now := formatTime(c.now)
	if _, err := tx.ExecContext(ctx, `INSERT INTO kurs
		(kurskennung, traegernummer, status, kursart, kursbeginn, kursort, planung, erfasst_am, erfasst_tag, geaendert_am)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		kennung, c.caller.Traegernummer, string(inge.KursGeplant), k.Kursart, string(k.Kursbeginn), k.Kursort, planung, now, formatDate(c.today), now); err != nil {
		return "", fmt.Errorf("insert kurs %s: %w", kennung, err)
	}
	return kennung, insertPlanTeilnehmer(ctx, tx, kennung, teilnehmer)
}
