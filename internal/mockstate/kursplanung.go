package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursplanungErfassen stores a new planned course and returns its
// Kurskennung (CMX-VER: "Kursplanung erfolgreich gespeichert").
func kursplanungErfassen(ctx context.Context, tx *Tx, c *call, r *inge.KursplanungErfassenAnfrage) (inge.Response, error) {
	resp := &inge.KursplanungErfassenAntwort{}
	teilnehmer, err := checkKursplanung(ctx, tx, c, &r.Kursplanung, "Kursplanung")
	if err != nil || c.failed() {
		return resp, err
	}
	kennung, err := insertKurs(ctx, tx, c, &r.Kursplanung, teilnehmer)
	if err != nil {
		return nil, err
	}
	resp.Kurskennung = kennung
	c.erfolg = inge.KursplanungGespeichert
	return resp, nil
}

// kursplanungAktualisieren replaces the plan of a course. It needs a
// successful Kursplanung of this Traeger that is not cancelled, and works
// only before the first module starts, as often as needed (CMX-VER, Q-KP,
// ITM 10.5).
func kursplanungAktualisieren(ctx context.Context, tx *Tx, c *call, r *inge.KursplanungAktualisierenAnfrage) (inge.Response, error) {
	resp := &inge.KursplanungAktualisierenAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return resp, err
	}
	if beginn, err := k.planung.Kursbeginn.Time(); k.beginn != nil || (err == nil && !c.today.Before(beginn)) {
		c.add(inge.AktualisierungNachBeginn, "Kurskennung", "Datum", datumText(k.planung.Kursbeginn))
	}
	teilnehmer, err := checkKursplanung(ctx, tx, c, &r.Kursplanung, "Kursplanung")
	if err != nil || c.failed() {
		return resp, err
	}
	if err := updateKurs(ctx, tx, c, k.kennung, &r.Kursplanung, teilnehmer); err != nil {
		return nil, err
	}
	c.erfolg = inge.KursplanungAktualisiert
	return resp, nil
}

// kursplanungStornieren cancels a planned course, e.g. one registered by
// mistake; afterwards the plan can't be used any more (Q-KP). It is refused
// after the Kursbeginnmeldung (ITM 10.5). Stornierungsgrund: code list 814.
func kursplanungStornieren(ctx context.Context, tx *Tx, c *call, r *inge.KursplanungStornierenAnfrage) (inge.Response, error) {
	resp := &inge.KursplanungStornierenAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return resp, err
	}
	if k.beginn != nil {
		c.add(inge.StornierungNachKursbeginn, "Kurskennung")
	}
	if c.failed() {
		return resp, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kurs SET status = 'storniert', geaendert_am = ? WHERE kurskennung = ?`,
		formatTime(c.now), k.kennung); err != nil {
		return nil, fmt.Errorf("cancel kurs %s: %w", k.kennung, err)
	}
	c.erfolg = inge.KursplanungStorniertHinweis
	return resp, nil
}

// planTeilnehmer is an identified participant of a plan.
type planTeilnehmer struct {
	person        Person
	kursabschnitt string
}

// checkKursplanung applies the rules of a Kursplanung and returns its
// identified participants.
func checkKursplanung(ctx context.Context, tx *Tx, c *call, k *inge.Kursplanung, path string) ([]planTeilnehmer, error) {
	if err := checkKursort(ctx, tx, c, k.Kursort, path+"/Kursort"); err != nil {
		return nil, err
	}
	checkAbschnittDerKursart(c, k.Kursart, k.BeginnKursabschnitt, path+"/BeginnKursabschnitt")
	checkZeitraum(c, k.Kursbeginn, k.Kursende, path+"/Kursende")
	for i, a := range k.Abschnitt {
		p := fmt.Sprintf("%s/Abschnitt[%d]", path, i+1)
		checkAbschnittDerKursart(c, k.Kursart, a.Kursabschnitt, p+"/Kursabschnitt")
		checkAbschnittImKurs(c, a, k.Kursbeginn, k.Kursende, p)
		if err := checkKursort(ctx, tx, c, a.Kursort, p+"/Kursort"); err != nil {
			return nil, err
		}
	}
	for i, u := range k.Unterrichtszeit {
		checkUnterrichtszeit(c, u, fmt.Sprintf("%s/Unterrichtszeit[%d]", path, i+1))
	}
	checkNachmeldung(c, k, path)
	checkMindestbetragNurBeiKursbeginn(c, k.Zusatzangaben, path+"/Zusatzangaben/KursverguetungMindestbetrag")
	for i, l := range k.Lehrkraft {
		if err := checkLehrkraft(ctx, tx, c, l.Lehrkraftkennung, k.Kursbeginn, fmt.Sprintf("%s/Lehrkraft[%d]/Lehrkraftkennung", path, i+1)); err != nil {
			return nil, err
		}
	}
	idents := make([]*inge.TeilnehmerIdent, len(k.Teilnehmer))
	paths := make([]string, len(k.Teilnehmer))
	for i, t := range k.Teilnehmer {
		idents[i], paths[i] = t.Ident, fmt.Sprintf("%s/Teilnehmer[%d]/Ident", path, i+1)
		checkAbschnittDerKursart(c, k.Kursart, t.Kursabschnitt, fmt.Sprintf("%s/Teilnehmer[%d]/Kursabschnitt", path, i+1))
	}
	found, err := identifyAll(ctx, tx, c, idents, paths)
	if err != nil {
		return nil, err
	}
	if err := checkAngemeldet(ctx, tx, c, found, paths); err != nil {
		return nil, err
	}
	var out []planTeilnehmer
	inFirst := 0
	for _, f := range found {
		abschnitt := k.Teilnehmer[f.index].Kursabschnitt
		if abschnitt == "" {
			abschnitt = k.BeginnKursabschnitt
		}
		if abschnitt == k.BeginnKursabschnitt {
			inFirst++
		}
		out = append(out, planTeilnehmer{person: f.person, kursabschnitt: abschnitt})
	}
	checkTnrKursMax(c, inFirst, k.TnrKursMax, path+"/Teilnehmer")
	return out, nil
}

// checkAbschnittImKurs: a planned section lies within the course and ends
// after it begins (reconstructed).
func checkAbschnittImKurs(c *call, a inge.GeplanterAbschnitt, kursbeginn, kursende inge.Datum, path string) {
	checkZeitraum(c, a.Beginn, a.Ende, path+"/Ende")
	b, errB := a.Beginn.Time()
	e, errE := a.Ende.Time()
	kb, errKB := kursbeginn.Time()
	ke, errKE := kursende.Time()
	if errB != nil || errE != nil || errKB != nil || errKE != nil {
		return
	}
	if b.Before(kb) || e.After(ke) {
		c.add(inge.AbschnittAusserhalbKurs, path)
	}
}

// checkNachmeldung: a Kursplanung sent after the course start needs a
// "Grund fuer die nachtraegliche Erfassung" (CMX-VER; code list 813, ITM).
func checkNachmeldung(c *call, k *inge.Kursplanung, path string) {
	b, err := k.Kursbeginn.Time()
	if err == nil && b.Before(c.today) && k.Nachmeldungsgrund == "" {
		c.add(inge.NachmeldungsgrundFehlt, path+"/Nachmeldungsgrund")
	}
}

// insertKurs stores a checked plan as a new course and returns its Kurskennung.
func insertKurs(ctx context.Context, tx *Tx, c *call, k *inge.Kursplanung, teilnehmer []planTeilnehmer) (string, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO kurs_nummer DEFAULT VALUES`)
	if err != nil {
		return "", fmt.Errorf("new kurskennung: %w", err)
	}
	n, err := res.LastInsertId()
	if err != nil {
		return "", fmt.Errorf("new kurskennung: %w", err)
	}
	c.issue("kurs_nummer", n)
	kennung := fmt.Sprintf("K%09d", n)
	planung, err := xml.Marshal(k)
	if err != nil {
		return "", fmt.Errorf("encode kursplanung: %w", err)
	}
	now := formatTime(c.now)
	if _, err := tx.ExecContext(ctx, `INSERT INTO kurs
		(kurskennung, traegernummer, status, kursart, kursbeginn, kursort, planung, erfasst_am, geaendert_am)
		VALUES (?, ?, 'geplant', ?, ?, ?, ?, ?, ?)`,
		kennung, c.caller.Traegernummer, k.Kursart, string(k.Kursbeginn), k.Kursort, planung, now, now); err != nil {
		return "", fmt.Errorf("insert kurs %s: %w", kennung, err)
	}
	return kennung, insertPlanTeilnehmer(ctx, tx, kennung, teilnehmer)
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

func insertPlanTeilnehmer(ctx context.Context, tx *Tx, kennung string, teilnehmer []planTeilnehmer) error {
	for _, t := range teilnehmer {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kurs_teilnehmer (kurskennung, person_id, kursabschnitt) VALUES (?, ?, ?)`,
			kennung, t.person.ID, t.kursabschnitt); err != nil {
			return fmt.Errorf("insert teilnehmer of %s: %w", kennung, err)
		}
	}
	return nil
}
