package mockstate

// The rules the course procedures share: the stored course, its Kursorte,
// Lehrkraefte and sections, and the checks of plans and section reports.

import (
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kurs is a stored course with everything reported on it.
type kurs struct {
	kennung, traegernummer string
	status                 inge.Kursstatus
	planung                inge.Kursplanung
	beginn                 *inge.Kursbeginndaten // nil before the Kursbeginnmeldung
	abschnitte             []gemeldeterAbschnitt // in the order of their begin
	aenderungen            []inge.Kursortaenderung
	planPersonen           map[int64]string // person id -> section of the plan
}

type gemeldeterAbschnitt struct {
	daten inge.Kursabschnittsdaten
}

// kursart is the Kursart of the course: the reported one after the begin,
// the planned one before.
func (k *kurs) kursart() string {
	if k.beginn != nil {
		return k.beginn.Kursart
	}
	return k.planung.Kursart
}

// abschnitt returns the reported section with the given code.
func (k *kurs) abschnitt(code string) (*gemeldeterAbschnitt, bool) {
	for i := range k.abschnitte {
		if k.abschnitte[i].daten.Kursabschnitt == code {
			return &k.abschnitte[i], true
		}
	}
	return nil, false
}

// letzterAbschnitt returns the section reported last in course order.
func (k *kurs) letzterAbschnitt() *gemeldeterAbschnitt {
	if len(k.abschnitte) == 0 {
		return nil
	}
	return &k.abschnitte[len(k.abschnitte)-1]
}

// ownKurs loads a course of the calling Traeger. A course of another Traeger
// is reported exactly like an unknown one (KursUnbekannt at path), so its
// existence does not leak (quelle:Q-KA: Auskunft only on one's own courses).
func ownKurs(ctx context.Context, tx *Tx, c *call, kennung, path string) (*kurs, error) {
	if kennung == "" {
		return nil, nil // reported as PflichtfeldFehlt by the schema check
	}
	var k kurs
	var planung, beginn []byte
	err := tx.QueryRowContext(ctx, `SELECT kurskennung, traegernummer, status, planung, kursbeginn_meldung FROM kurs
		WHERE kurskennung = ? AND traegernummer = ?`, kennung, c.caller.Traegernummer).
		Scan(&k.kennung, &k.traegernummer, &k.status, &planung, &beginn)
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
	if beginn != nil {
		k.beginn = &inge.Kursbeginndaten{}
		if err := xml.Unmarshal(beginn, k.beginn); err != nil {
			return nil, fmt.Errorf("decode kursbeginn of %s: %w", kennung, err)
		}
	}
	if err := k.loadDetails(ctx, tx); err != nil {
		return nil, fmt.Errorf("load kurs %s: %w", kennung, err)
	}
	if s, ok := inge.KursstrukturOf(k.kursart()); ok {
		slices.SortStableFunc(k.abschnitte, func(a, b gemeldeterAbschnitt) int {
			return s.Position(a.daten.Kursabschnitt) - s.Position(b.daten.Kursabschnitt)
		})
	}
	return &k, nil
}

func (k *kurs) loadDetails(ctx context.Context, tx *Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT daten FROM kursabschnitt WHERE kurskennung = ? ORDER BY beginn, gemeldet_am`, k.kennung)
	if err != nil {
		return err
	}
	for rows.Next() {
		var daten []byte
		var a gemeldeterAbschnitt
		if err := rows.Scan(&daten); err != nil {
			rows.Close()
			return err
		}
		if err := xml.Unmarshal(daten, &a.daten); err != nil {
			rows.Close()
			return fmt.Errorf("decode kursabschnitt: %w", err)
		}
		k.abschnitte = append(k.abschnitte, a)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT kursabschnitt, kursort, gueltig_ab FROM kursortaenderung WHERE kurskennung = ? ORDER BY gueltig_ab`, k.kennung)
	if err != nil {
		return err
	}
	for rows.Next() {
		var a inge.Kursortaenderung
		if err := rows.Scan(&a.Kursabschnitt, &a.Kursort, &a.GueltigAb); err != nil {
			rows.Close()
			return err
		}
		k.aenderungen = append(k.aenderungen, a)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	k.planPersonen = map[int64]string{}
	rows, err = tx.QueryContext(ctx, `SELECT person_id, kursabschnitt FROM kurs_teilnehmer WHERE kurskennung = ?`, k.kennung)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var abschnitt string
		if err := rows.Scan(&id, &abschnitt); err != nil {
			rows.Close()
			return err
		}
		k.planPersonen[id] = abschnitt
	}
	return closeRows(rows)
}

// usable reports whether the course can still take a message: a cancelled
// plan can't be used any more (quelle:Q-KP).
func usable(c *call, k *kurs, path string) bool {
	if k.status == inge.KursStorniert {
		c.add(inge.KursplanungIstStorniert, path, "Wert", k.kennung)
		return false
	}
	return true
}

// checkKursort: the Kursort must be one of the Traeger's approved Kursorte,
// known to BAMF by its Kennung (quelle:Q-KB, quelle:ABES-KB, quelle:ABESO-GR).
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
// approved teacher (quelle:Q-KB, quelle:ABESO-GR); an approval that ends before the
// teaching begins does not count (rekonstruiert).
func checkLehrkraft(ctx context.Context, tx *Tx, c *call, kennung string, beginn inge.Datum, path string) error {
	if kennung == "" {
		return nil
	}
	l, err := tx.Lehrkraft(ctx, kennung)
	switch {
	case errors.Is(err, ErrNotFound):
		c.add(inge.LehrkraftUnbekannt, path, "Wert", kennung)
	case err != nil:
		return fmt.Errorf("lehrkraft %s: %w", kennung, err)
	default:
		b, errB := beginn.Time()
		if errB == nil && !l.ZugelassenBis.IsZero() && l.ZugelassenBis.Before(b) {
			c.add(inge.LehrkraftZulassungAbgelaufen, path, "Wert", kennung, "Datum", formatDatum(l.ZugelassenBis))
		}
	}
	return nil
}

// checkAbschnittDerKursart: a section must belong to the structure of the
// Kursart: general course 6 x 100 UE + Orientierungskurs, special courses 9
// sections, Intensivkurs 4 + a short Orientierungskurs (quelle:BAMF-MB, quelle:BAMF-ABR,
// quelle:KLARO-KB; inge/kursstruktur.tsv).
func checkAbschnittDerKursart(c *call, kursart, abschnitt, path string) bool {
	if kursart == "" || abschnitt == "" {
		return true
	}
	s, ok := inge.KursstrukturOf(kursart)
	if !ok { // an unknown Kursart was reported by the code-list check
		return true
	}
	if !s.Contains(abschnitt) {
		c.add(inge.AbschnittPasstNichtZurKursart, path, "Wert", abschnitt, "Kursart", kursart, "Abschnitte", strings.Join(s.Abschnitte, ", "))
		return false
	}
	return true
}

// checkZeitraum: an end must not lie before its beginning (rekonstruiert).
func checkZeitraum(c *call, beginn, ende inge.Datum, endePath string) {
	b, errB := beginn.Time()
	e, errE := ende.Time()
	if errB == nil && errE == nil && e.Before(b) {
		c.add(inge.KursendeVorBeginn, endePath)
	}
}

// checkUnterrichtszeit: teaching ends after it begins and a break lies within
// it (rekonstruiert after the paper form 630.017o, quelle:KLARO-KB).
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

// checkMindestbetragNurBeiKursbeginn: "Kursverguetung Mindestbetrag" can only
// be sent in the Kursbeginnmeldung (quelle:ITM 10.3.1).
func checkMindestbetragNurBeiKursbeginn(c *call, z *inge.Zusatzangaben, path string) {
	if z != nil && z.KursverguetungMindestbetrag != nil {
		c.add(inge.MindestbetragNurBeiKursbeginn, path)
	}
}

// checkTnrKursMax: the participants of a section, Selbstzahler included,
// never exceed TnrKursMax (quelle:ABES-SPAET, quelle:ABES-KB).
func checkTnrKursMax(c *call, n int, max *int, path string) {
	if max != nil && n > *max {
		c.add(inge.TnrKursMaxUeberschritten, path, "Anzahl", strconv.Itoa(n), "Max", strconv.Itoa(*max))
	}
}

// planTeilnehmer is an identified participant of a plan.
type planTeilnehmer struct {
	person        Person
	kursabschnitt string
}

// checkKursplanung applies the rules of a Kursplanung, each of which names
// its own source, and returns its identified participants: its content
// (quelle:Q-KP, quelle:ABESO-KURS) and its participants of all modules
// (quelle:ITM 10.3.10).
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
// after it begins (rekonstruiert).
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
// "Grund fuer die nachtraegliche Erfassung" (quelle:CMX-VER; code list 813, quelle:ITM).
func checkNachmeldung(c *call, k *inge.Kursplanung, path string) {
	b, err := k.Kursbeginn.Time()
	if err == nil && b.Before(c.today) && k.Nachmeldungsgrund == "" {
		c.add(inge.NachmeldungsgrundFehlt, path+"/Nachmeldungsgrund")
	}
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

// meldefrist is how long after a (section) begin it may be reported: "at the
// latest one week after the start" (quelle:ABESO-KURS; quelle:BAMF-KT for sections).
const meldefrist = 7

// meldung says which of the time and money rules apply to section data.
type meldung struct {
	frist         bool // a begin report: within a week of the begin
	mindestbetrag bool // Kursverguetung Mindestbetrag allowed (Kursbeginn only)
}

// checkAbschnittsdaten applies the rules every report of a section shares,
// each of which names its own source, and returns its identified
// participants: the content of a Kurs(abschnitts)beginnmeldung (quelle:ABES-KB,
// quelle:ABES-MOD) with at least one approved teacher (quelle:ITM 10.3.7).
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
// (rekonstruiert), and a begin report comes at the latest one week after it
// (frist; quelle:ABESO-KURS, quelle:BAMF-KT). Corrections have no deadline.
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
// interruptions are reported (quelle:ITM 10.3.1). Holidays are Grund 01 of list 805.
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
// and must be approved for the Kursart (quelle:ABES-KB, quelle:CMX-EA).
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
// reported, and not for Wiederholerkurse (quelle:ITM 10.3.1).
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
// section; afterwards no further section is accepted (quelle:ABESO-KURS).
func endIfVorzeitig(ctx context.Context, tx *Tx, c *call, kennung string, d *inge.Kursabschnittsdaten) error {
	if d.VorzeitigesKursende == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kurs SET status = ?, geaendert_am = ? WHERE kurskennung = ?`,
		string(inge.KursBeendet), formatTime(c.now), kennung); err != nil {
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
