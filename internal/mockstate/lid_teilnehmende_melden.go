package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lidTeilnehmendeMelden reports candidates of an active exam, self-payers
// included (quelle:ITM 10.5): each identified (Geburtsdatum + Aktenzeichen) or a
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
	if c.nurPruefen() {
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
