package mockstate

// The rules the course procedures share: the stored course, its Kursorte,
// Lehrkraefte and sections, and the checks of plans and section reports.

import (
	"cmp"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kurs is a stored course with everything reported on it.
type kurs struct {
	kennung, traegernummer string
	erfasstAm              time.Time // the day on the sandbox's clock the plan was captured; zero if unknown
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

// vorzeitigBeendetMit names the section with which the course was reported
// to end early: its latest.
func (k *kurs) vorzeitigBeendetMit() string {
	if last := k.letzterAbschnitt(); last != nil {
		return last.daten.Kursabschnitt
	}
	return k.planung.BeginnKursabschnitt
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
// A read takes the course from those the store's reads loaded since its
// last change, and must not change it: it is shared with them.
func ownKurs(ctx context.Context, tx *Tx, c *call, kennung, path string) (*kurs, error) {
	if kennung == "" {
		return nil, nil // reported as PflichtfeldFehlt by the schema check
	}
	key := kursSchluessel{kennung, c.caller.Traegernummer}
	gen, kept := tx.kurseKopie()
	kept = kept && c.lesend
	if kept {
		if k, ok := tx.s.kurse.getAt(gen, key); ok {
			return k, nil
		}
	}
	k, err := loadKurs(ctx, tx, c, kennung, path)
	if err == nil && k != nil && kept {
		tx.s.kurse.put(gen, key, k)
	}
	return k, err
}

// maxKurse bounds the courses a store keeps for reads.
const maxKurse = 1024

// kursSchluessel names a course as a caller sees it: another Traeger's
// course of the same Kurskennung is none.
type kursSchluessel struct{ kennung, traegernummer string }

// kursZeilen reads a course of a Traeger (?1 Kurskennung, ?2 Traegernummer)
// and what was reported on it, in one statement: the driver costs some
// 15 µs a statement, more than SQLite's own work on a course, and a read
// of a course not kept loaded would run four. The first column says which
// table a row is from (kursTeil); the others, by table:
//
//	kurs              kurskennung, traegernummer, erfasst_tag, status, planung, kursbeginn_meldung
//	kursabschnitt     kursabschnitt, beginn, gemeldet_am, -, daten
//	kursortaenderung  kursabschnitt, kursort, weitere_kursorte, gueltig_ab
//	kurs_teilnehmer   kursabschnitt, -, -, -, -, -, person_id
//
// The rows come in no particular order: an ORDER BY over the compound costs
// more than the four statements did, so loadKurs sorts them. The reported
// rows of a Kurskennung that is another Traeger's are read and dropped.
const kursZeilen = `
	SELECT 0, kurskennung, traegernummer, erfasst_tag, status, planung, kursbeginn_meldung, 0
		FROM kurs WHERE kurskennung = ?1 AND traegernummer = ?2
	UNION ALL SELECT 1, kursabschnitt, beginn, gemeldet_am, '', daten, NULL, 0
		FROM kursabschnitt WHERE kurskennung = ?1
	UNION ALL SELECT 2, kursabschnitt, kursort, weitere_kursorte, gueltig_ab, NULL, NULL, 0
		FROM kursortaenderung WHERE kurskennung = ?1
	UNION ALL SELECT 3, kursabschnitt, '', '', '', NULL, NULL, person_id
		FROM kurs_teilnehmer WHERE kurskennung = ?1`

// kursTeil is the first column of kursZeilen: the table of the row.
type kursTeil int

const (
	teilKurs kursTeil = iota
	teilAbschnitt
	teilOrtsaenderung
	teilTeilnehmer
)

// kursZeile is a row of kursZeilen.
type kursZeile struct {
	teil           kursTeil
	t1, t2, t3, t4 string
	b1, b2         []byte
	n              int64
}

// loadKurs reads a course of the calling Traeger from the tables.
func loadKurs(ctx context.Context, tx *Tx, c *call, kennung, path string) (*kurs, error) {
	zeilen, err := readKursZeilen(ctx, tx, kennung, c.caller.Traegernummer)
	if err != nil {
		return nil, fmt.Errorf("load kurs %s: %w", kennung, err)
	}
	if len(zeilen) == 0 || zeilen[0].teil != teilKurs {
		c.add(inge.KursUnbekannt, path, "Wert", kennung)
		return nil, nil
	}
	var k kurs
	kz := zeilen[0]
	k.kennung, k.traegernummer, k.status = kz.t1, kz.t2, inge.Kursstatus(kz.t4)
	if kz.t3 != "" {
		if k.erfasstAm, err = parseDate(kz.t3); err != nil {
			return nil, fmt.Errorf("load kurs %s: %w", kennung, err)
		}
	}
	if err := decodePlan(tx, c, kz.b1, &k.planung); err != nil {
		return nil, fmt.Errorf("decode kursplanung of %s: %w", kennung, err)
	}
	if kz.b2 != nil {
		k.beginn = &inge.Kursbeginndaten{}
		if err := xml.Unmarshal(kz.b2, k.beginn); err != nil {
			return nil, fmt.Errorf("decode kursbeginn of %s: %w", kennung, err)
		}
	}
	if err := k.details(zeilen[1:]); err != nil {
		return nil, fmt.Errorf("load kurs %s: %w", kennung, err)
	}
	if s, ok := inge.KursstrukturOf(k.kursart()); ok {
		slices.SortStableFunc(k.abschnitte, func(a, b gemeldeterAbschnitt) int {
			return s.Position(a.daten.Kursabschnitt) - s.Position(b.daten.Kursabschnitt)
		})
	}
	return &k, nil
}

// readKursZeilen runs kursZeilen; the course's own row, if there is one,
// comes first.
func readKursZeilen(ctx context.Context, tx *Tx, kennung, traegernummer string) ([]kursZeile, error) {
	rows, err := tx.QueryContext(ctx, kursZeilen, kennung, traegernummer)
	if err != nil {
		return nil, err
	}
	var zeilen []kursZeile
	for rows.Next() {
		var z kursZeile
		if err := rows.Scan(&z.teil, &z.t1, &z.t2, &z.t3, &z.t4, &z.b1, &z.b2, &z.n); err != nil {
			rows.Close()
			return nil, err
		}
		zeilen = append(zeilen, z)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	slices.SortStableFunc(zeilen, func(a, b kursZeile) int { return int(a.teil) - int(b.teil) })
	return zeilen, nil
}

// details takes the reported rows of kursZeilen into k: the sections in
// the order of their begin and report, the changes of Kursort in the order
// they take effect (ties in the order of the section codes, as the
// tables' keys gave them before).
func (k *kurs) details(zeilen []kursZeile) error {
	var abschnitte, aenderungen []kursZeile
	k.planPersonen = map[int64]string{}
	for _, z := range zeilen {
		switch z.teil {
		case teilAbschnitt:
			abschnitte = append(abschnitte, z)
		case teilOrtsaenderung:
			aenderungen = append(aenderungen, z)
		case teilTeilnehmer:
			k.planPersonen[z.n] = z.t1
		default:
			return fmt.Errorf("a second row of the course (%d)", z.teil)
		}
	}
	slices.SortFunc(abschnitte, func(a, b kursZeile) int {
		return cmp.Or(strings.Compare(a.t2, b.t2), strings.Compare(a.t3, b.t3), strings.Compare(a.t1, b.t1))
	})
	for _, z := range abschnitte {
		var a gemeldeterAbschnitt
		if err := xml.Unmarshal(z.b1, &a.daten); err != nil {
			return fmt.Errorf("decode kursabschnitt: %w", err)
		}
		k.abschnitte = append(k.abschnitte, a)
	}
	slices.SortFunc(aenderungen, func(a, b kursZeile) int {
		return cmp.Or(strings.Compare(a.t4, b.t4), strings.Compare(a.t1, b.t1))
	})
	for _, z := range aenderungen {
		a := inge.Kursortaenderung{Kursabschnitt: z.t1, Kursort: z.t2, GueltigAb: inge.Datum(z.t4)}
		if z.t3 != "" {
			if err := json.Unmarshal([]byte(z.t3), &a.WeitererKursort); err != nil {
				return fmt.Errorf("weitere kursorte: %w", err)
			}
		}
		k.aenderungen = append(k.aenderungen, a)
	}
	return nil
}

// decodePlan decodes a stored plan into p; a read takes it from the
// store's plans decoded before, and shares their slices.
func decodePlan(tx *Tx, c *call, stored []byte, p *inge.Kursplanung) error {
	if !c.lesend {
		return xml.Unmarshal(stored, p)
	}
	if kept, ok := tx.s.plaene.get(stored); ok {
		*p = *kept
		return nil
	}
	decoded := new(inge.Kursplanung)
	if err := xml.Unmarshal(stored, decoded); err != nil {
		return err
	}
	tx.s.plaene.put(stored, decoded)
	*p = *decoded
	return nil
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

// checkKursorte checks the further Kursorte of a section: from interface
// version 2.0 a section may have several (quelle:ITM 10.3.6, 10.5), each an
// approved Kursort of the Traeger like the first.
func checkKursorte(ctx context.Context, tx *Tx, c *call, kennungen []string, path string) error {
	for i, k := range kennungen {
		if err := checkKursort(ctx, tx, c, k, fmt.Sprintf("%s[%d]", path, i+1)); err != nil {
			return err
		}
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
	person        erkannt
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
		if err := checkKursorte(ctx, tx, c, a.WeitererKursort, p+"/WeitererKursort"); err != nil {
			return nil, err
		}
	}
	for i, u := range k.Unterrichtszeit {
		checkUnterrichtszeit(c, u, fmt.Sprintf("%s/Unterrichtszeit[%d]", path, i+1))
	}
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
		abschnittPath := fmt.Sprintf("%s/Teilnehmer[%d]/Kursabschnitt", path, i+1)
		if checkAbschnittDerKursart(c, k.Kursart, t.Kursabschnitt, abschnittPath) {
			checkNichtNurOrientierungskurs(c, k, t.Kursabschnitt, abschnittPath)
		}
	}
	// A planned participant need not be registered yet: the plan holds the
	// persons "bereits eingeplant" (quelle:BAMF-KT); the Kursbeginnmeldung is
	// where all must be registered (quelle:Q-KB, quelle:ABES-KB).
	found, err := identifyAll(ctx, tx, c, idents, paths)
	if err != nil {
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

// orientierungskurs is the key of the Orientierungskurs in code list 803.
const orientierungskurs = "OK"

// checkNichtNurOrientierungskurs: a plan lists all entitled participants,
// current and future, except one planned only for the Orientierungskurs,
// unless the whole course is one (TRS 08/18, quelle:ABES-SPAET).
func checkNichtNurOrientierungskurs(c *call, k *inge.Kursplanung, abschnitt, path string) {
	if abschnitt == orientierungskurs && k.BeginnKursabschnitt != orientierungskurs {
		c.add(inge.NurOrientierungskursEingeplant, path)
	}
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
// The course has begun on its first day (begonnen): the same boundary as for
// plan updates, which end with the start (quelle:CMX-VER, quelle:Q-KP).
func checkNachmeldung(c *call, k *inge.Kursplanung, path string) {
	b, err := k.Kursbeginn.Time()
	if err == nil && begonnen(b, c.today) && k.Nachmeldungsgrund == "" {
		c.add(inge.NachmeldungsgrundFehlt, path+"/Nachmeldungsgrund")
	}
}

// begonnen reports whether a course or section that begins on beginn has
// begun by today: from its first day on. Late capture (Nachmeldung) and
// the end of plan updates use this one boundary.
func begonnen(beginn, today time.Time) bool { return !today.Before(beginn) }

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
func checkAbschnittsdaten(ctx context.Context, tx *Tx, c *call, k *kurs, kursart string, d *inge.Kursabschnittsdaten, path string, m meldung) ([]identified, error) {
	checkAbschnittDerKursart(c, kursart, d.Kursabschnitt, path+"/Kursabschnitt")
	checkMeldefrist(c, d.Beginn, path+"/Beginn", m.frist)
	checkZeitraum(c, d.Beginn, d.Ende, path+"/Ende")
	if err := checkKursort(ctx, tx, c, d.Kursort, path+"/Kursort"); err != nil {
		return nil, err
	}
	if err := checkKursorte(ctx, tx, c, d.WeitererKursort, path+"/WeitererKursort"); err != nil {
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
	for i := range d.Teilnehmer {
		idents[i] = &d.Teilnehmer[i]
	}
	paths := teilnehmerPaths(d, path)
	found, err := identifyAll(ctx, tx, c, idents, paths)
	if err != nil {
		return nil, err
	}
	if err := checkAngemeldet(ctx, tx, c, found, paths); err != nil {
		return nil, err
	}
	checkAktuellerAbschnitt(c, k, kursart, d.Kursabschnitt, found, paths)
	checkTnrKursMax(c, len(d.Teilnehmer)+deref(d.AnzahlSelbstzahler), d.TnrKursMax, path+"/Teilnehmer")
	checkTnrKursMaxVerringert(c, k, kursart, d, path+"/TnrKursMax")
	checkNiederschwellig(c, kursart, d.AnzahlTnNiederschwellig, found, path+"/AnzahlTnNiederschwellig")
	return found, nil
}

// checkAktuellerAbschnitt: "Only participants of the current section may be
// reported" (quelle:ABES-SPAET): a person the plan puts into a later section is
// not reported before that section.
func checkAktuellerAbschnitt(c *call, k *kurs, kursart, abschnitt string, found []identified, paths []string) {
	s, ok := inge.KursstrukturOf(kursart)
	if !ok || !s.Contains(abschnitt) {
		return
	}
	for _, f := range found {
		geplant, inPlan := k.planPersonen[f.person.ID]
		if inPlan && s.Contains(geplant) && s.Position(geplant) > s.Position(abschnitt) {
			c.add(inge.TeilnehmerNichtImAbschnitt, paths[f.index], "Wert", geplant, "Abschnitt", abschnitt)
		}
	}
}

// checkTnrKursMaxVerringert: TnrKursMax "must be reduced by the number of
// participants planned to join later, unless those seats are only
// temporarily used by entitled participants" (quelle:ABES-SPAET). The plan's
// TnrKursMax counts every seat; a section report above it less the planned
// later joiners gets a Warnung, not a Fehler, since the mock cannot know the
// exception.
func checkTnrKursMaxVerringert(c *call, k *kurs, kursart string, d *inge.Kursabschnittsdaten, path string) {
	s, ok := inge.KursstrukturOf(kursart)
	if !ok || !s.Contains(d.Kursabschnitt) || d.TnrKursMax == nil || k.planung.TnrKursMax == nil {
		return
	}
	spaeter := 0
	for _, geplant := range k.planPersonen {
		if s.Contains(geplant) && s.Position(geplant) > s.Position(d.Kursabschnitt) {
			spaeter++
		}
	}
	if max := *k.planung.TnrKursMax - spaeter; spaeter > 0 && *d.TnrKursMax > max {
		c.add(inge.TnrKursMaxNichtVerringert, path, "Anzahl", strconv.Itoa(*d.TnrKursMax), "Spaeter", strconv.Itoa(spaeter), "Max", strconv.Itoa(max))
	}
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

// setVorzeitigesKursende keeps the course's state in step with the
// "Vorzeitiges Kursende" (code list 816) of its latest section: "dass der
// aktuelle Kursabschnitt voraussichtlich der letzte Kursabschnitt sein wird,
// bzw. tatsächlich der letzte war" (quelle:ITM 10.3.1). With it the course is
// beendet and takes no further section; a correction of that section without
// it withdraws it, and the course runs on (begonnen).
func setVorzeitigesKursende(ctx context.Context, tx *Tx, c *call, kennung string, d *inge.Kursabschnittsdaten) error {
	status := inge.KursBegonnen
	if d.VorzeitigesKursende != "" {
		status = inge.KursBeendet
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kurs SET status = ?, geaendert_am = ? WHERE kurskennung = ?`,
		string(status), formatTime(c.now), kennung); err != nil {
		return fmt.Errorf("kursende of %s: %w", kennung, err)
	}
	return nil
}

func deref(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

// eintrittBisUE is how far into a section a participant enters in time:
// "within the first 25 UE" (quelle:BAMF-LF3, § 1 Abs. 4 AbrRL).
const eintrittBisUE = 25

// checkEintrittNach25UE: a participant that a correction of a running
// section adds enters late when more than the first 25 UE have been taught
// by today; that is allowed only exceptionally, with the provider's written
// confirmation (quelle:BAMF-LF3), so it gets a Warnung, not a Fehler.
func checkEintrittNach25UE(ctx context.Context, tx *Tx, c *call, kennung string, d *inge.Kursabschnittsdaten, found []identified, paths []string) error {
	ue := unterrichtBis(d, c.today)
	if ue <= eintrittBisUE {
		return nil
	}
	bisher, err := queryColumn[int64](ctx, tx, `SELECT person_id FROM abschnitt_teilnehmer WHERE kurskennung = ? AND kursabschnitt = ?`, kennung, d.Kursabschnitt)
	if err != nil {
		return fmt.Errorf("teilnehmer of %s/%s: %w", kennung, d.Kursabschnitt, err)
	}
	for _, f := range found {
		if !slices.Contains(bisher, f.person.ID) {
			c.add(inge.EintrittNach25UE, paths[f.index], "Anzahl", strconv.Itoa(ue))
		}
	}
	return nil
}

// wochentage are the values of Wochentag by time.Weekday.
var wochentage = [...]inge.Wochentag{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}

// unterrichtBis counts the teaching units of a section from its begin up to
// the day before today, by its weekly teaching times, without the days of
// its interruptions.
func unterrichtBis(d *inge.Kursabschnittsdaten, today time.Time) int {
	beginn, err := d.Beginn.Time()
	if err != nil {
		return 0
	}
	ue := map[inge.Wochentag]int{}
	for _, u := range d.Unterrichtszeit {
		ue[u.Wochentag] += deref(u.Unterrichtseinheiten)
	}
	total := 0
	for t := beginn; t.Before(today); t = t.AddDate(0, 0, 1) {
		if !unterbrochen(d.Unterbrechung, t) {
			total += ue[wochentage[t.Weekday()]]
		}
	}
	return total
}

func unterbrochen(us []inge.Unterbrechung, t time.Time) bool {
	for _, u := range us {
		von, errV := u.Von.Time()
		bis, errB := u.Bis.Time()
		if errV == nil && errB == nil && !t.Before(von) && !t.After(bis) {
			return true
		}
	}
	return false
}

// teilnehmerPaths are the field paths of a section report's participants,
// as checkAbschnittsdaten names them.
func teilnehmerPaths(d *inge.Kursabschnittsdaten, path string) []string {
	paths := make([]string, len(d.Teilnehmer))
	for i := range d.Teilnehmer {
		paths[i] = fmt.Sprintf("%s/Teilnehmer[%d]", path, i+1)
	}
	return paths
}
