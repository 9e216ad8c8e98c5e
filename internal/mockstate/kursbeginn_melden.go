package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursbeginnMelden reports the start of a course and its first section, once
// per course, for a planned course of this Traeger (quelle:Q-KB, quelle:ABES-KB, quelle:ITM 10.5).
func kursbeginnMelden(ctx context.Context, tx *Tx, c *call, r *inge.KursbeginnMeldenAnfrage) (inge.Response, error) {
	resp := &inge.KursbeginnMeldenAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return resp, err
	}
	if k.beginn != nil {
		c.add(inge.KursbeginnBereitsGemeldet, "Kurskennung")
		return resp, nil
	}
	d := &r.Kursbeginn
	found, err := checkAbschnittsdaten(ctx, tx, c, k, d.Kursart, &d.Kursabschnittsdaten, "Kursbeginn", meldung{frist: true, mindestbetrag: true})
	if err != nil {
		return nil, err
	}
	checkZeitraum(c, d.Beginn, d.Kursende, "Kursbeginn/Kursende")
	checkPlanHatteTeilnehmer(c, k)
	checkTeilnehmerAusPlanung(c, k, found)
	if c.nurPruefen() {
		return resp, nil
	}
	beginn, err := xml.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode kursbeginn: %w", err)
	}
	status := inge.KursBegonnen
	if d.VorzeitigesKursende != "" {
		status = inge.KursBeendet
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kurs SET status = ?, kursart = ?, kursbeginn_meldung = ?, geaendert_am = ? WHERE kurskennung = ?`,
		string(status), d.Kursart, beginn, formatTime(c.now), k.kennung); err != nil {
		return nil, fmt.Errorf("store kursbeginn of %s: %w", k.kennung, err)
	}
	if err := storeAbschnitt(ctx, tx, c, k.kennung, &d.Kursabschnittsdaten, found); err != nil {
		return nil, err
	}
	c.erfolg = inge.KursbeginnGespeichert
	return resp, nil
}

// checkPlanHatteTeilnehmer: the plan must hold at least one participant in
// the first module by the day before the start; updates are possible only
// until then, so the stored plan is the plan of that day (quelle:CMX-VER). A plan
// captured only after the start (a Nachmeldung, with its reason) did not
// exist the day before: the rule cannot apply to it.
func checkPlanHatteTeilnehmer(c *call, k *kurs) {
	if b, err := k.planung.Kursbeginn.Time(); err == nil && !k.erfasstAm.IsZero() && begonnen(b, k.erfasstAm) {
		return
	}
	for _, abschnitt := range k.planPersonen {
		if abschnitt == k.planung.BeginnKursabschnitt {
			return
		}
	}
	c.add(inge.PlanungOhneTeilnehmer, "Kurskennung")
}

// checkTeilnehmerAusPlanung: the Kursbeginnmeldung names at least one
// participant who was already in the Kursplanung (quelle:CMX-VER, quelle:ABESO-KURS).
func checkTeilnehmerAusPlanung(c *call, k *kurs, found []identified) {
	for _, f := range found {
		if _, planned := k.planPersonen[f.person.ID]; planned {
			return
		}
	}
	c.add(inge.KeinTeilnehmerAusPlanung, "Kursbeginn/Teilnehmer")
}
