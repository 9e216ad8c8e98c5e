package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"
	"regexp"

	"github.com/inge-harness/inge-harness/internal/inge"
)

var (
	auftragsnummerRE = regexp.MustCompile(`^[0-9]{7}$`)
	bogennummerRE    = regexp.MustCompile(`^[018][0-9]{6}$`)
)

// sprachtestMelden reports the candidates of a DTZ test event: per event the
// Auftragsnummer (7 digits; since 2023 the placeholder 1234567, quelle:ABESO-TEST,
// quelle:TRS15) and Testdatum, per candidate the Bogennummer and the Pass or
// Ausweis number and an updated address (quelle:BAMF-TEST, quelle:ABESO-TEST). A
// Bogennummer is reported once, ever (quelle:Q-ST). Candidates need not attend the
// course: participants of other providers who only take the DTZ are reported
// too (quelle:BAMF-LF4).
func sprachtestMelden(ctx context.Context, tx *Tx, c *call, r *inge.SprachtestMeldenAnfrage) (inge.Response, error) {
	resp := &inge.SprachtestMeldenAntwort{}
	s := &r.Sprachtest
	const path = "Sprachtest"
	if s.Auftragsnummer != "" && !auftragsnummerRE.MatchString(s.Auftragsnummer) {
		c.add(inge.AuftragsnummerUngueltig, path+"/Auftragsnummer")
	}
	checkNichtInZukunft(c, s.Testdatum, path+"/Testdatum")
	k, err := ownKurs(ctx, tx, c, s.Kurskennung, path+"/Kurskennung")
	if err != nil {
		return nil, err
	}
	if k != nil {
		usable(c, k, path+"/Kurskennung")
	}
	idents := make([]*inge.TeilnehmerIdent, len(s.Pruefling))
	paths := make([]string, len(s.Pruefling))
	bogen := map[string]bool{}
	for i, p := range s.Pruefling {
		pp := fmt.Sprintf("%s/Pruefling[%d]", path, i+1)
		idents[i], paths[i] = p.Ident, pp+"/Ident"
		if err := checkBogennummer(ctx, tx, c, p.Bogennummer, bogen, pp+"/Bogennummer"); err != nil {
			return nil, err
		}
		checkAnschrift(c, p.Anschrift, pp+"/Anschrift")
	}
	found, err := identifyAll(ctx, tx, c, idents, paths)
	if err != nil || c.failed() {
		return resp, err
	}
	for _, f := range found {
		p := s.Pruefling[f.index]
		var anschrift []byte
		if p.Anschrift != nil {
			if anschrift, err = xml.Marshal(p.Anschrift); err != nil {
				return nil, fmt.Errorf("encode anschrift: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sprachtest_pruefling (bogennummer, person_id, traegernummer, auftragsnummer,
			testdatum, kurskennung, ausweisnummer, anschrift, gemeldet_am) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Bogennummer, f.person.ID, c.caller.Traegernummer, s.Auftragsnummer, string(s.Testdatum), s.Kurskennung,
			p.Ausweisnummer, anschrift, formatTime(c.now)); err != nil {
			return nil, fmt.Errorf("store pruefling %s: %w", p.Bogennummer, err)
		}
	}
	c.erfolg = inge.SprachtestGemeldet
	return resp, nil
}

// checkBogennummer: 7 digits, the first 0, 1 or 8 (quelle:ITM 10.3.9), and never
// reported before, in this message or earlier (quelle:Q-ST, quelle:ABESO-TEST).
func checkBogennummer(ctx context.Context, tx *Tx, c *call, nr string, inMessage map[string]bool, path string) error {
	if nr == "" {
		return nil
	}
	if !bogennummerRE.MatchString(nr) {
		c.add(inge.BogennummerUngueltig, path)
		return nil
	}
	var known bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sprachtest_pruefling WHERE bogennummer = ?)`, nr).Scan(&known); err != nil {
		return fmt.Errorf("bogennummer %s: %w", nr, err)
	}
	if known || inMessage[nr] {
		c.add(inge.BogennummerGemeldet, path, "Wert", nr)
	}
	inMessage[nr] = true
	return nil
}
