package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// meldefrist is how long after a (section) begin it may be reported: "at the
// latest one week after the start" (ABESO-KURS; BAMF-KT for sections).
const meldefrist = 7

// kursbeginnMelden reports the start of a course and its first section, once
// per course, for a planned course of this Traeger (Q-KB, ABES-KB, ITM 10.5).
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
	found, err := checkAbschnittsdaten(ctx, tx, c, d.Kursart, &d.Kursabschnittsdaten, "Kursbeginn", meldung{frist: true, mindestbetrag: true})
	if err != nil {
		return nil, err
	}
	checkZeitraum(c, d.Beginn, d.Kursende, "Kursbeginn/Kursende")
	checkPlanHatteTeilnehmer(c, k)
	checkTeilnehmerAusPlanung(c, k, found)
	if c.failed() {
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

// kursabschnittsbeginnMelden reports the start of every section after the
// first, in the order of the Kursart, within a week of its start (BAMF-KT,
// Q-KP); none after a vorzeitiges Kursende (ABESO-KURS).
func kursabschnittsbeginnMelden(ctx context.Context, tx *Tx, c *call, r *inge.KursabschnittsbeginnMeldenAnfrage) (inge.Response, error) {
	resp := &inge.KursabschnittsbeginnMeldenAntwort{}
	k, err := laufenderKurs(ctx, tx, c, r.Kurskennung)
	if err != nil || k == nil {
		return resp, err
	}
	d := &r.Abschnitt
	path := "Abschnitt/Kursabschnitt"
	if _, done := k.abschnitt(d.Kursabschnitt); done {
		c.add(inge.AbschnittBereitsGemeldet, path, "Wert", d.Kursabschnitt)
	} else if s, ok := inge.KursstrukturOf(k.kursart()); ok && s.Contains(d.Kursabschnitt) && k.letzterAbschnitt() != nil {
		next, more := s.Next(k.letzterAbschnitt().daten.Kursabschnitt)
		if !more {
			next = "keiner (alle Abschnitte gemeldet)"
		}
		if next != d.Kursabschnitt {
			c.add(inge.AbschnittNichtDerNaechste, path, "Wert", d.Kursabschnitt, "Erwartet", next)
		}
	}
	found, err := checkAbschnittsdaten(ctx, tx, c, k.kursart(), d, "Abschnitt", meldung{frist: true})
	if err != nil || c.failed() {
		return resp, err
	}
	if err := storeAbschnitt(ctx, tx, c, k.kennung, d, found); err != nil {
		return nil, err
	}
	if err := endIfVorzeitig(ctx, tx, c, k.kennung, d); err != nil {
		return nil, err
	}
	c.erfolg = inge.KursabschnittsbeginnGespeichert
	return resp, nil
}

// kursabschnittAktualisieren corrects a section whose begin was reported
// (ITM 10.5). Corrections have no deadline ("zeitnah", BAMF-KT).
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

// laufenderKurs loads a course that takes a new section: one whose begin was
// reported and that has not ended early.
func laufenderKurs(ctx context.Context, tx *Tx, c *call, kennung string) (*kurs, error) {
	k, err := ownKurs(ctx, tx, c, kennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return nil, err
	}
	switch {
	case k.beginn == nil:
		c.add(inge.KursbeginnNichtGemeldet, "Kurskennung")
		return nil, nil
	case k.status == inge.KursBeendet:
		c.add(inge.KursIstBeendet, "Kurskennung")
		return nil, nil
	}
	return k, nil
}

// meldung says which of the time and money rules apply to section data.
type meldung struct {
	frist         bool // a begin report: within a week of the begin
	mindestbetrag bool // Kursverguetung Mindestbetrag allowed (Kursbeginn only)
}

// checkAbschnittsdaten applies the rules every report of a section shares
// and returns its identified participants.
func checkAbschnittsdaten(ctx context.Context, tx *Tx, c *call, kursart string, d *inge.Kursabschnittsdaten, path string, m meldung) ([]identified, error) {
	checkAbschnittDerKursart(c, kursart, d.Kursabschnitt, path+"/Kursabschnitt")
	checkMeldefrist(c, d.Beginn, path+"/Beginn", m.frist)
	checkZeitraum(c, d.Beginn, d.Ende, path+"/Ende")
	if err := checkKursort(ctx, tx, c, d.Kursort, path+"/Kursort"); err != nil {
		return nil, err
	}
	for i, u := range d.Unterrichtszeit {
		checkUnterrichtszeit(c, u, fmt.Sprintf("%s/Unterrichtszeit[%d]", path, i+1))
	}
	checkSchulferien(c, d, path)
	for i, l := range d.Lehrkraft {
		if err := checkLehrkraft(ctx, tx, c, l.Lehrkraftkennung, d.Beginn, fmt.Sprintf("%s/Lehrkraft[%d]/Lehrkraftkennung", path, i+1)); err != nil {
			return nil, err
		}
	}
	for i, lw := range d.Lehrwerk {
		if err := checkLehrwerk(ctx, tx, c, lw, kursart, fmt.Sprintf("%s/Lehrwerk[%d]", path, i+1)); err != nil {
			return nil, err
		}
	}
	if !m.mindestbetrag {
		checkMindestbetragNurBeiKursbeginn(c, d.Zusatzangaben, path+"/Zusatzangaben/KursverguetungMindestbetrag")
	}
	idents := make([]*inge.TeilnehmerIdent, len(d.Teilnehmer))
	paths := make([]string, len(d.Teilnehmer))
	for i := range d.Teilnehmer {
		idents[i], paths[i] = &d.Teilnehmer[i], fmt.Sprintf("%s/Teilnehmer[%d]", path, i+1)
	}
	found, err := identifyAll(ctx, tx, c, idents, paths)
	if err != nil {
		return nil, err
	}
	if err := checkAngemeldet(ctx, tx, c, found, paths); err != nil {
		return nil, err
	}
	checkTnrKursMax(c, len(d.Teilnehmer)+deref(d.AnzahlSelbstzahler), d.TnrKursMax, path+"/Teilnehmer")
	checkNiederschwellig(c, kursart, d.AnzahlTnNiederschwellig, found, path+"/AnzahlTnNiederschwellig")
	return found, nil
}

// checkMeldefrist: a reported begin took place, also in a correction
// (reconstructed), and a begin report comes at the latest one week after it
// (frist; ABESO-KURS, BAMF-KT). Corrections have no deadline.
func checkMeldefrist(c *call, beginn inge.Datum, path string, frist bool) {
	b, err := beginn.Time()
	if err != nil {
		return
	}
	switch {
	case b.After(c.today):
		c.add(inge.BeginnInZukunft, path, "Datum", datumText(beginn))
	case frist && c.today.After(b.AddDate(0, 0, meldefrist)):
		c.add(inge.MeldefristUeberschritten, path, "Datum", datumText(beginn))
	}
}

// checkSchulferien: with "Unterbrechung in Schulferien" no separate holiday
// interruptions are reported (ITM 10.3.1). Holidays are Grund 01 of list 805.
func checkSchulferien(c *call, d *inge.Kursabschnittsdaten, path string) {
	if d.UnterbrechungSchulferien == nil || !*d.UnterbrechungSchulferien {
		return
	}
	for i, u := range d.Unterbrechung {
		if u.Grund == unterbrechungFerien {
			c.add(inge.FerienUnterbrechungDoppelt, fmt.Sprintf("%s/Unterbrechung[%d]/Grund", path, i+1))
		}
	}
}

// unterbrechungFerien is the key of "Ferien" in code list 805.
const unterbrechungFerien = "01"

// kursartWiederholer is the key of the Wiederholerkurs in code list 802.
const kursartWiederholer = "10"

// checkLehrwerk: teaching materials come from the BAMF list of approved media
// and must be approved for the Kursart (ABES-KB, CMX-EA).
func checkLehrwerk(ctx context.Context, tx *Tx, c *call, kennung, kursart, path string) error {
	lw, err := tx.Lehrwerk(ctx, kennung)
	switch {
	case err == nil:
		for _, k := range lw.Kursarten {
			if k == kursart {
				return nil
			}
		}
	case !isNotFound(err):
		return fmt.Errorf("lehrwerk %s: %w", kennung, err)
	}
	c.add(inge.LehrwerkNichtZugelassen, path, "Wert", kennung, "Kursart", kursart)
	return nil
}

// checkNiederschwellig: "Anzahl TN niederschwellig" counts participants who
// attended low-threshold women's courses: not above the number of women
// reported, and not for Wiederholerkurse (ITM 10.3.1).
func checkNiederschwellig(c *call, kursart string, n *int, found []identified, path string) {
	if n == nil || *n == 0 {
		return
	}
	if kursart == kursartWiederholer {
		c.add(inge.NiederschwelligWiederholerkurs, path)
		return
	}
	frauen := 0
	for _, f := range found {
		if f.person.Geschlecht == "w" {
			frauen++
		}
	}
	if *n > frauen {
		c.add(inge.NiederschwelligUeberFrauen, path, "Anzahl", strconv.Itoa(*n), "Max", strconv.Itoa(frauen))
	}
}

// checkPlanHatteTeilnehmer: the plan must hold at least one participant in
// the first module by the day before the start; updates are possible only
// until then, so the stored plan is the plan of that day (CMX-VER).
func checkPlanHatteTeilnehmer(c *call, k *kurs) {
	for _, abschnitt := range k.planPersonen {
		if abschnitt == k.planung.BeginnKursabschnitt {
			return
		}
	}
	c.add(inge.PlanungOhneTeilnehmer, "Kurskennung")
}

// checkTeilnehmerAusPlanung: the Kursbeginnmeldung names at least one
// participant who was already in the Kursplanung (CMX-VER, ABESO-KURS).
func checkTeilnehmerAusPlanung(c *call, k *kurs, found []identified) {
	for _, f := range found {
		if _, planned := k.planPersonen[f.person.ID]; planned {
			return
		}
	}
	c.add(inge.KeinTeilnehmerAusPlanung, "Kursbeginn/Teilnehmer")
}

// storeAbschnitt stores a reported section and its identified participants.
func storeAbschnitt(ctx context.Context, tx *Tx, c *call, kennung string, d *inge.Kursabschnittsdaten, found []identified) error {
	daten, err := xml.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode kursabschnitt: %w", err)
	}
	now := formatTime(c.now)
	if _, err := tx.ExecContext(ctx, `INSERT INTO kursabschnitt (kurskennung, kursabschnitt, beginn, daten, gemeldet_am, geaendert_am)
		VALUES (?, ?, ?, ?, ?, ?)`, kennung, d.Kursabschnitt, string(d.Beginn), daten, now, now); err != nil {
		return fmt.Errorf("insert kursabschnitt %s/%s: %w", kennung, d.Kursabschnitt, err)
	}
	for _, f := range found {
		if _, err := tx.ExecContext(ctx, `INSERT INTO abschnitt_teilnehmer (kurskennung, kursabschnitt, person_id) VALUES (?, ?, ?)`,
			kennung, d.Kursabschnitt, f.person.ID); err != nil {
			return fmt.Errorf("insert teilnehmer of %s/%s: %w", kennung, d.Kursabschnitt, err)
		}
	}
	return nil
}

// endIfVorzeitig: a "vorzeitiges Kursende" (code list 816) marks the last
// section; afterwards no further section is accepted (ABESO-KURS).
func endIfVorzeitig(ctx context.Context, tx *Tx, c *call, kennung string, d *inge.Kursabschnittsdaten) error {
	if d.VorzeitigesKursende == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kurs SET status = 'beendet', geaendert_am = ? WHERE kurskennung = ?`, formatTime(c.now), kennung); err != nil {
		return fmt.Errorf("end kurs %s: %w", kennung, err)
	}
	return nil
}

func deref(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}
