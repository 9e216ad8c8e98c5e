package mockstate

import (
	"context"
	"database/sql"
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
// existence does not leak (Q-KA: Auskunft only on one's own courses).
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

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	return errors.Join(err, rows.Close())
}

// usable reports whether the course can still take a message: a cancelled
// plan can't be used any more (Q-KP).
func usable(c *call, k *kurs, path string) bool {
	if k.status == inge.KursStorniert {
		c.add(inge.KursplanungIstStorniert, path, "Wert", k.kennung)
		return false
	}
	return true
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
// approved teacher (Q-KB, ABESO-GR); an approval that ends before the
// teaching begins does not count (reconstructed).
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
// sections, Intensivkurs 4 + a short Orientierungskurs (BAMF-MB, BAMF-ABR,
// KLARO-KB; inge/kursstruktur.tsv).
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

// checkZeitraum: an end must not lie before its beginning (reconstructed).
func checkZeitraum(c *call, beginn, ende inge.Datum, endePath string) {
	b, errB := beginn.Time()
	e, errE := ende.Time()
	if errB == nil && errE == nil && e.Before(b) {
		c.add(inge.KursendeVorBeginn, endePath)
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

// checkMindestbetragNurBeiKursbeginn: "Kursverguetung Mindestbetrag" can only
// be sent in the Kursbeginnmeldung (ITM 10.3.1).
func checkMindestbetragNurBeiKursbeginn(c *call, z *inge.Zusatzangaben, path string) {
	if z != nil && z.KursverguetungMindestbetrag != nil {
		c.add(inge.MindestbetragNurBeiKursbeginn, path)
	}
}

// checkTnrKursMax: the participants of a section, Selbstzahler included,
// never exceed TnrKursMax (ABES-SPAET, ABES-KB).
func checkTnrKursMax(c *call, n int, max *int, path string) {
	if max != nil && n > *max {
		c.add(inge.TnrKursMaxUeberschritten, path, "Anzahl", strconv.Itoa(n), "Max", strconv.Itoa(*max))
	}
}

// identified is a person found for the i-th participant of a message.
type identified struct {
	index  int
	person Person
}

// identifyAll identifies a list of participants, each once (ABES-TN;
// PersonDoppelt is reconstructed). paths[i] is the path of the i-th Ident.
func identifyAll(ctx context.Context, tx *Tx, c *call, idents []*inge.TeilnehmerIdent, paths []string) ([]identified, error) {
	var out []identified
	seen := map[int64]bool{}
	for i, id := range idents {
		person, ok, err := identify(ctx, tx, c, id, paths[i])
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if seen[person.ID] {
			c.add(inge.PersonDoppelt, paths[i])
			continue
		}
		seen[person.ID] = true
		out = append(out, identified{index: i, person: person})
	}
	return out, nil
}

func formatDatum(t time.Time) string { return t.Format("02.01.2006") }

func datumText(d inge.Datum) string {
	t, err := d.Time()
	if err != nil {
		return string(d)
	}
	return formatDatum(t)
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
