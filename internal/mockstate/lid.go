package mockstate

import (
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lidVorlauf is how far ahead of its registration a LiD exam must lie: "at
// least two weeks from the day of registration" (ITM 10.5).
const lidVorlauf = 14

// lidPruefungErfassen registers a "Leben in Deutschland" exam and returns its
// Pruefungsnummer (Q-LID). Only a Traeger approved as Pruefstelle (§ 20a IntV,
// BAMF-LF4) may do so.
func lidPruefungErfassen(ctx context.Context, tx *Tx, c *call, r *inge.LidPruefungErfassenAnfrage) (inge.Response, error) {
	resp := &inge.LidPruefungErfassenAntwort{}
	if err := checkLidPruefungsdaten(ctx, tx, c, &r.Pruefung, "Pruefung"); err != nil {
		return resp, err
	}
	checkLidVorlauf(c, r.Pruefung.Pruefungsdatum, "Pruefung/Pruefungsdatum")
	if c.failed() {
		return resp, nil
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO lid_nummer DEFAULT VALUES`)
	if err != nil {
		return nil, fmt.Errorf("new pruefungsnummer: %w", err)
	}
	n, err := res.LastInsertId()
	if err != nil {
		return nil, fmt.Errorf("new pruefungsnummer: %w", err)
	}
	c.issue("lid_nummer", n)
	nummer := fmt.Sprintf("L%09d", n)
	daten, err := xml.Marshal(&r.Pruefung)
	if err != nil {
		return nil, fmt.Errorf("encode lid pruefung: %w", err)
	}
	now := formatTime(c.now)
	if _, err := tx.ExecContext(ctx, `INSERT INTO lid_pruefung (pruefungsnummer, traegernummer, status, pruefungsdatum, daten, erfasst_am, geaendert_am)
		VALUES (?, ?, 'erfasst', ?, ?, ?, ?)`, nummer, c.caller.Traegernummer, string(r.Pruefung.Pruefungsdatum), daten, now, now); err != nil {
		return nil, fmt.Errorf("insert lid pruefung: %w", err)
	}
	resp.Pruefungsnummer = nummer
	c.erfolg, c.erfolgArgs = inge.LidPruefungErfasst, []string{"Wert", nummer}
	return resp, nil
}

// lidPruefungAktualisieren changes an exam this Traeger registered and has not
// cancelled, before the exam day; the two-week rule holds for the new data
// too (ITM 10.5).
func lidPruefungAktualisieren(ctx context.Context, tx *Tx, c *call, r *inge.LidPruefungAktualisierenAnfrage) (inge.Response, error) {
	resp := &inge.LidPruefungAktualisierenAntwort{}
	p, err := aktivePruefung(ctx, tx, c, r.Pruefungsnummer)
	if err != nil || p == nil {
		return resp, err
	}
	if err := checkLidPruefungsdaten(ctx, tx, c, &r.Pruefung, "Pruefung"); err != nil {
		return resp, err
	}
	// Only a moved exam must keep the two weeks; a new room shortly before
	// the exam is fine.
	if r.Pruefung.Pruefungsdatum != p.datum {
		checkLidVorlauf(c, r.Pruefung.Pruefungsdatum, "Pruefung/Pruefungsdatum")
	}
	if c.failed() {
		return resp, nil
	}
	daten, err := xml.Marshal(&r.Pruefung)
	if err != nil {
		return nil, fmt.Errorf("encode lid pruefung: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE lid_pruefung SET pruefungsdatum = ?, daten = ?, geaendert_am = ? WHERE pruefungsnummer = ?`,
		string(r.Pruefung.Pruefungsdatum), daten, formatTime(c.now), p.nummer); err != nil {
		return nil, fmt.Errorf("update lid pruefung %s: %w", p.nummer, err)
	}
	c.erfolg = inge.LidPruefungAktualisiert
	return resp, nil
}

// lidPruefungStornieren cancels an exam this Traeger registered, before the
// exam day (ITM 10.5).
func lidPruefungStornieren(ctx context.Context, tx *Tx, c *call, r *inge.LidPruefungStornierenAnfrage) (inge.Response, error) {
	resp := &inge.LidPruefungStornierenAntwort{}
	p, err := aktivePruefung(ctx, tx, c, r.Pruefungsnummer)
	if err != nil || p == nil {
		return resp, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE lid_pruefung SET status = 'storniert', grund = ?, geaendert_am = ? WHERE pruefungsnummer = ?`,
		r.Grund, formatTime(c.now), p.nummer); err != nil {
		return nil, fmt.Errorf("cancel lid pruefung %s: %w", p.nummer, err)
	}
	c.erfolg = inge.LidPruefungStorniertHinweis
	return resp, nil
}

// lidTeilnehmendeMelden reports candidates of an active exam, self-payers
// included (ITM 10.5): each identified (Geburtsdatum + Aktenzeichen) or a
// Selbstzahler with the data a certificate needs; none twice in one exam, and
// no more than Regeln.LidKapazitaet.
func lidTeilnehmendeMelden(ctx context.Context, tx *Tx, c *call, r *inge.LidTeilnehmendeMeldenAnfrage) (inge.Response, error) {
	resp := &inge.LidTeilnehmendeMeldenAntwort{}
	p, err := aktivePruefung(ctx, tx, c, r.Pruefungsnummer)
	if err != nil || p == nil {
		return resp, err
	}
	known, err := p.prueflinge(ctx, tx)
	if err != nil {
		return nil, err
	}
	type neu struct {
		personID     int64
		schluessel   string
		selbstzahler *inge.Selbstzahler
	}
	var neue []neu
	for i, pr := range r.Pruefling {
		path := fmt.Sprintf("Pruefling[%d]", i+1)
		var n neu
		switch {
		case pr.Ident != nil:
			person, ok, err := identify(ctx, tx, c, pr.Ident, path+"/Ident")
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			n.personID, n.schluessel = person.ID, "p"+strconv.FormatInt(person.ID, 10)
		case pr.Selbstzahler != nil:
			s := pr.Selbstzahler
			checkName(c, s.Familienname, path+"/Selbstzahler/Familienname")
			checkName(c, s.Vorname, path+"/Selbstzahler/Vorname")
			checkAnschrift(c, s.Anschrift, path+"/Selbstzahler/Anschrift")
			n.selbstzahler = s
			n.schluessel = "s" + strings.ToLower(s.Familienname+"|"+s.Vorname+"|"+string(s.Geburtsdatum))
		}
		if known[n.schluessel] {
			c.add(inge.PrueflingDoppelt, path)
			continue
		}
		known[n.schluessel] = true
		neue = append(neue, n)
	}
	if total := len(known); total > c.regeln.LidKapazitaet {
		c.add(inge.PruefungVoll, "Pruefling", "Max", strconv.Itoa(c.regeln.LidKapazitaet), "Anzahl", strconv.Itoa(total))
	}
	if c.failed() {
		return resp, nil
	}
	nr := len(known) - len(neue)
	for _, n := range neue {
		nr++
		var person, schluessel any
		var selbstzahler []byte
		if n.selbstzahler != nil {
			if selbstzahler, err = xml.Marshal(n.selbstzahler); err != nil {
				return nil, fmt.Errorf("encode selbstzahler: %w", err)
			}
			schluessel = n.schluessel
		} else {
			person = n.personID
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO lid_pruefling (pruefungsnummer, nr, person_id, selbstzahler_schluessel, selbstzahler, gemeldet_am)
			VALUES (?, ?, ?, ?, ?, ?)`, p.nummer, nr, person, schluessel, selbstzahler, formatTime(c.now)); err != nil {
			return nil, fmt.Errorf("insert pruefling of %s: %w", p.nummer, err)
		}
	}
	c.erfolg = inge.LidTeilnehmendeGemeldet
	return resp, nil
}

// lidPruefungAuskunft returns an exam the caller registered and its
// candidates (ITM 10.5: only exams of the current Traeger).
func lidPruefungAuskunft(ctx context.Context, tx *Tx, c *call, r *inge.LidPruefungAuskunftAnfrage) (inge.Response, error) {
	resp := &inge.LidPruefungAuskunftAntwort{}
	p, err := ownPruefung(ctx, tx, c, r.Pruefungsnummer)
	if err != nil || p == nil {
		return resp, err
	}
	d := &inge.LidPruefungsdaten{Pruefungsnummer: p.nummer, Pruefungsstatus: p.status, Pruefung: p.daten}
	rows, err := tx.QueryContext(ctx, `SELECT person_id, selbstzahler FROM lid_pruefling WHERE pruefungsnummer = ? ORDER BY nr`, p.nummer)
	if err != nil {
		return nil, fmt.Errorf("prueflinge of %s: %w", p.nummer, err)
	}
	var ids []sql.NullInt64
	for rows.Next() {
		var id sql.NullInt64
		var selbstzahler []byte
		if err := rows.Scan(&id, &selbstzahler); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
		var pr inge.LidPruefling
		if !id.Valid {
			pr.Selbstzahler = &inge.Selbstzahler{}
			if err := xml.Unmarshal(selbstzahler, pr.Selbstzahler); err != nil {
				rows.Close()
				return nil, fmt.Errorf("decode selbstzahler: %w", err)
			}
		}
		d.Pruefling = append(d.Pruefling, pr)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	for i, id := range ids {
		if !id.Valid {
			continue
		}
		person, err := tx.Person(ctx, id.Int64)
		if err != nil {
			return nil, fmt.Errorf("pruefling %d: %w", id.Int64, err)
		}
		d.Pruefling[i].Ident = identOf(person)
	}
	resp.Pruefung = d
	return resp, nil
}

// identOf identifies a person as BAMF would: Geburtsdatum and the BAMF
// Personenkennziffer, else the first Kennziffer.
func identOf(p Person) *inge.TeilnehmerIdent {
	k := p.Kennziffern[0]
	for _, x := range p.Kennziffern {
		if x.Art == KennzifferBAMF {
			k = x
			break
		}
	}
	return &inge.TeilnehmerIdent{Geburtsdatum: inge.DatumOf(p.Geburtsdatum), Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenArt(k.Art), Wert: k.Wert}}
}

// checkLidVorlauf: an exam lies at least two weeks after the day it is
// registered or moved (ITM 10.5).
func checkLidVorlauf(c *call, datum inge.Datum, path string) {
	if d, err := datum.Time(); err == nil {
		if earliest := c.today.AddDate(0, 0, lidVorlauf); d.Before(earliest) {
			c.add(inge.PruefungZuKurzfristig, path, "Datum", formatDatum(earliest))
		}
	}
}

// checkLidPruefungsdaten applies the rules of the exam data (Q-LID, CMX-SYS,
// BAMF-LF4).
func checkLidPruefungsdaten(ctx context.Context, tx *Tx, c *call, p *inge.LidPruefung, path string) error {
	t, err := tx.Traeger(ctx, c.caller.Traegernummer)
	if err != nil {
		return fmt.Errorf("traeger %s: %w", c.caller.Traegernummer, err)
	}
	if !t.LidPruefstelle {
		c.add(inge.KeinePruefstelle, "Mandant/Traegernummer")
	}
	if err := checkKursort(ctx, tx, c, p.Pruefungsort, path+"/Pruefungsort"); err != nil {
		return err
	}
	if p.KontaktEmail != "" && !validEmail(p.KontaktEmail) {
		c.add(inge.EmailUngueltig, path+"/KontaktEmail", "Wert", p.KontaktEmail)
	}
	if p.Verwaltungsstandort != "" && p.Verwaltungsstandort != t.Verwaltungsstandort {
		c.add(inge.VerwaltungsstandortUnbekannt, path+"/Verwaltungsstandort", "Wert", p.Verwaltungsstandort)
	}
	if p.Lieferadresse != "" && p.Lieferadresse != t.Lieferadresse {
		c.add(inge.LieferadresseUnbekannt, path+"/Lieferadresse", "Wert", p.Lieferadresse)
	}
	return nil
}

// validEmail accepts a plain address user@domain.tld, without a display name.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == "" && strings.Contains(s[strings.LastIndex(s, "@")+1:], ".")
}

// pruefung is a stored LiD exam.
type pruefung struct {
	nummer string
	status inge.Pruefungsstatus
	datum  inge.Datum
	daten  inge.LidPruefung
}

// ownPruefung loads an exam of the calling Traeger; another Traeger's exam is
// reported like an unknown one (ITM 10.5).
func ownPruefung(ctx context.Context, tx *Tx, c *call, nummer string) (*pruefung, error) {
	if nummer == "" {
		return nil, nil // reported as PflichtfeldFehlt
	}
	var p pruefung
	var daten []byte
	err := tx.QueryRowContext(ctx, `SELECT pruefungsnummer, status, pruefungsdatum, daten FROM lid_pruefung
		WHERE pruefungsnummer = ? AND traegernummer = ?`, nummer, c.caller.Traegernummer).Scan(&p.nummer, &p.status, &p.datum, &daten)
	if errors.Is(err, sql.ErrNoRows) {
		c.add(inge.PruefungUnbekannt, "Pruefungsnummer", "Wert", nummer)
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load lid pruefung %s: %w", nummer, err)
	}
	if err := xml.Unmarshal(daten, &p.daten); err != nil {
		return nil, fmt.Errorf("decode lid pruefung %s: %w", nummer, err)
	}
	return &p, nil
}

// aktivePruefung loads an exam that can still change: not cancelled, and the
// exam day not past (reconstructed: no change or cancellation afterwards).
func aktivePruefung(ctx context.Context, tx *Tx, c *call, nummer string) (*pruefung, error) {
	p, err := ownPruefung(ctx, tx, c, nummer)
	if err != nil || p == nil {
		return nil, err
	}
	if p.status == inge.PruefungStorniert {
		c.add(inge.PruefungIstStorniert, "Pruefungsnummer", "Wert", p.nummer)
		return nil, nil
	}
	if d, err := p.datum.Time(); err == nil && c.today.After(d) {
		c.add(inge.PruefungVorbei, "Pruefungsnummer", "Datum", formatDatum(d))
		return nil, nil
	}
	return p, nil
}

// prueflinge returns the keys of the candidates already reported.
func (p *pruefung) prueflinge(ctx context.Context, tx *Tx) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT coalesce('p' || person_id, selbstzahler_schluessel) FROM lid_pruefling WHERE pruefungsnummer = ?`, p.nummer)
	if err != nil {
		return nil, fmt.Errorf("prueflinge of %s: %w", p.nummer, err)
	}
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return nil, err
		}
		out[k] = true
	}
	return out, closeRows(rows)
}
