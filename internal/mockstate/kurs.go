package mockstate

import (
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursplanungErfassen stores a new planned course and returns its
// Kurskennung (CMX-VER: "Kursplanung erfolgreich gespeichert").
func kursplanungErfassen(ctx context.Context, tx *Tx, c *call, r *inge.KursplanungErfassenAnfrage) (inge.Response, error) {
	resp := &inge.KursplanungErfassenAntwort{}
	teilnehmer, err := checkKursplanung(ctx, tx, c, &r.Kursplanung, "Kursplanung")
	if err != nil {
		return nil, err
	}
	if c.failed() {
		return resp, nil
	}
	kennung, err := insertKurs(ctx, tx, c, &r.Kursplanung, teilnehmer)
	if err != nil {
		return nil, err
	}
	resp.Kurskennung = kennung
	c.erfolg = inge.KursplanungGespeichert
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
	checkZeitraum(c, k.Kursbeginn, k.Kursende, path+"/Kursende")
	for i, a := range k.Abschnitt {
		checkAbschnittImKurs(c, a, k.Kursbeginn, k.Kursende, fmt.Sprintf("%s/Abschnitt[%d]", path, i+1))
		if a.Kursort != "" {
			if err := checkKursort(ctx, tx, c, a.Kursort, fmt.Sprintf("%s/Abschnitt[%d]/Kursort", path, i+1)); err != nil {
				return nil, err
			}
		}
	}
	for i, u := range k.Unterrichtszeit {
		checkUnterrichtszeit(c, u, fmt.Sprintf("%s/Unterrichtszeit[%d]", path, i+1))
	}
	checkNachmeldung(c, k, path)
	checkMindestbetragNurBeiKursbeginn(c, k.Zusatzangaben, path+"/Zusatzangaben/KursverguetungMindestbetrag")
	for i, l := range k.Lehrkraft {
		if err := checkLehrkraft(ctx, tx, c, l.Lehrkraftkennung, fmt.Sprintf("%s/Lehrkraft[%d]/Lehrkraftkennung", path, i+1)); err != nil {
			return nil, err
		}
	}
	var out []planTeilnehmer
	seen := map[int64]bool{}
	inFirst := 0
	for i, t := range k.Teilnehmer {
		p := fmt.Sprintf("%s/Teilnehmer[%d]/Ident", path, i+1)
		person, ok, err := identify(ctx, tx, c, t.Ident, p)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if seen[person.ID] {
			c.add(inge.PersonDoppelt, p)
			continue
		}
		seen[person.ID] = true
		abschnitt := t.Kursabschnitt
		if abschnitt == "" {
			abschnitt = k.BeginnKursabschnitt
		}
		if abschnitt == k.BeginnKursabschnitt {
			inFirst++
		}
		out = append(out, planTeilnehmer{person: person, kursabschnitt: abschnitt})
	}
	checkTnrKursMax(c, inFirst, k.TnrKursMax, path+"/Teilnehmer")
	return out, nil
}

// checkKursort: the Kursort must be one of the Traeger's approved Kursorte,
// known to BAMF by its Kennung (Q-KB, ABES-KB, ABESO-GR).
func checkKursort(ctx context.Context, tx *Tx, c *call, kennung, path string) error {
	if kennung == "" {
		return nil
	}
	ort, err := tx.Kursort(ctx, kennung)
	switch {
	case errors.Is(err, ErrNotFound):
		c.add(inge.KursortUnbekannt, path, "Wert", kennung)
	case err != nil:
		return fmt.Errorf("kursort %s: %w", kennung, err)
	case ort.Traegernummer != c.caller.Traegernummer:
		c.add(inge.KursortUnbekannt, path, "Wert", kennung)
	}
	return nil
}

// checkLehrkraft: a teacher is named by the BAMF Zulassungsnummer of an
// approved teacher (Q-KB, ABESO-GR).
func checkLehrkraft(ctx context.Context, tx *Tx, c *call, kennung, path string) error {
	if kennung == "" {
		return nil
	}
	_, err := tx.Lehrkraft(ctx, kennung)
	switch {
	case errors.Is(err, ErrNotFound):
		c.add(inge.LehrkraftUnbekannt, path, "Wert", kennung)
	case err != nil:
		return fmt.Errorf("lehrkraft %s: %w", kennung, err)
	}
	return nil
}

// checkZeitraum: an end must not lie before its beginning (reconstructed).
func checkZeitraum(c *call, beginn, ende inge.Datum, endePath string) {
	b, errB := beginn.Time()
	e, errE := ende.Time()
	if errB == nil && errE == nil && e.Before(b) {
		c.add(inge.KursendeVorBeginn, endePath)
	}
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

// checkUnterrichtszeit: teaching ends after it begins and a break lies within
// it (reconstructed from the paper form 630.017o, KLARO-KB).
func checkUnterrichtszeit(c *call, u inge.Unterrichtszeit, path string) {
	ok := u.Ende > u.Beginn // HH:MM compares as text
	if u.PauseBeginn != "" || u.PauseEnde != "" {
		ok = ok && u.PauseBeginn != "" && u.PauseEnde != "" &&
			u.PauseBeginn >= u.Beginn && u.PauseEnde > u.PauseBeginn && u.PauseEnde <= u.Ende
	}
	if !ok {
		c.add(inge.UnterrichtszeitUngueltig, path)
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

// checkMindestbetragNurBeiKursbeginn: "Kursverguetung Mindestbetrag" can only
// be sent in the Kursbeginnmeldung (ITM 10.3.1).
func checkMindestbetragNurBeiKursbeginn(c *call, z *inge.Zusatzangaben, path string) {
	if z != nil && z.KursverguetungMindestbetrag != nil {
		c.add(inge.MindestbetragNurBeiKursbeginn, path)
	}
}

// checkTnrKursMax: the participants of a section never exceed TnrKursMax
// (ABES-SPAET).
func checkTnrKursMax(c *call, n int, max *int, path string) {
	if max != nil && n > *max {
		c.add(inge.TnrKursMaxUeberschritten, path, "Anzahl", strconv.Itoa(n), "Max", strconv.Itoa(*max))
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
	for _, t := range teilnehmer {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kurs_teilnehmer (kurskennung, person_id, kursabschnitt) VALUES (?, ?, ?)`,
			kennung, t.person.ID, t.kursabschnitt); err != nil {
			return "", fmt.Errorf("insert teilnehmer of %s: %w", kennung, err)
		}
	}
	return kennung, nil
}

// kurs is a stored course.
type kurs struct {
	kennung, traegernummer string
	status                 inge.Kursstatus
	planung                inge.Kursplanung
}

// ownKurs loads a course of the calling Traeger. A course of another Traeger
// is reported exactly like an unknown one, so its existence does not leak.
func ownKurs(ctx context.Context, tx *Tx, c *call, kennung, path string) (*kurs, error) {
	var k kurs
	var planung []byte
	err := tx.QueryRowContext(ctx, `SELECT kurskennung, traegernummer, status, planung FROM kurs
		WHERE kurskennung = ? AND traegernummer = ?`, kennung, c.caller.Traegernummer).
		Scan(&k.kennung, &k.traegernummer, &k.status, &planung)
	if errors.Is(err, sql.ErrNoRows) {
		c.add(inge.KursUnbekannt, path, "Wert", kennung)
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load kurs %s: %w", kennung, err)
	}
	if err := xml.Unmarshal(planung, &k.planung); err != nil {
		return nil, fmt.Errorf("decode kursplanung of %s: %w", kennung, err)
	}
	return &k, nil
}

// kursauskunft returns what BAMF holds on one of the caller's courses: before
// the Kursbeginnmeldung the active plan, never Kursart, Beginn-Kursabschnitt
// or Zusatzangaben (Q-KA).
func kursauskunft(ctx context.Context, tx *Tx, c *call, r *inge.KursauskunftAnfrage) (inge.Response, error) {
	resp := &inge.KursauskunftAntwort{}
	if r.Kurskennung == "" {
		return resp, nil
	}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil {
		return resp, err
	}
	p := k.planung
	d := &inge.Kursdaten{
		Kurskennung: k.kennung, Traegernummer: k.traegernummer, Kursstatus: k.status,
		Kursbeginn: p.Kursbeginn, Kursende: p.Kursende, Kursort: p.Kursort,
		Wochenstunden: p.Wochenstunden, Unterrichtszeit: p.Unterrichtszeit, Unterbrechung: p.Unterbrechung,
		UnterbrechungSchulferien: p.UnterbrechungSchulferien, TnrKursMax: p.TnrKursMax,
		Teilnehmer: p.Teilnehmer, Lehrkraft: p.Lehrkraft,
	}
	for _, a := range p.Abschnitt {
		d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{
			Kursabschnitt: a.Kursabschnitt, Beginn: a.Beginn, Ende: a.Ende, Kursort: a.Kursort,
		})
	}
	resp.Kurs = d
	return resp, nil
}
