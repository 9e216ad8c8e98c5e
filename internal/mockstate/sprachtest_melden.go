package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"
	"regexp"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

var bogennummerRE = regexp.MustCompile(`^[018][0-9]{6}$`)

// auftragsnummerPlatzhalter is what providers enter since g.a.s.t. took over
// the DTZ and no Auftragsnummer is issued (quelle:ABESO-TEST, quelle:TRS15).
const auftragsnummerPlatzhalter = "1234567"

// sprachtestMelden reports the candidates of a DTZ test event: per event the
// Auftragsnummer and Testdatum, per candidate the Bogennummer, the Pass or
// Ausweis number, the name and an updated address (quelle:BAMF-TEST, quelle:ABESO-TEST,
// quelle:ITM 10.3.9). A Bogennummer is reported once, ever (quelle:Q-ST). Candidates need
// not attend the course: participants of other providers who only take the
// DTZ are reported too (quelle:BAMF-LF4). The answer comes per candidate
// (quelle:ABESO-TEST: "Rückmeldung" je Teilnehmendem): the valid candidates are
// stored, each refused one has its Meldungen; only a fault of the event
// (Kurs, Testdatum) or no valid candidate refuses the whole message.
func sprachtestMelden(ctx context.Context, tx *Tx, c *call, r *inge.SprachtestMeldenAnfrage) (inge.Response, error) {
	resp := &inge.SprachtestMeldenAntwort{}
	s := &r.Sprachtest
	const path = "Sprachtest"
	checkAuftragsnummer(c, s.Auftragsnummer, s.Testdatum, path+"/Auftragsnummer")
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
		c.items = append(c.items, pp)
		idents[i], paths[i] = p.Ident, pp+"/Ident"
		checkName(c, p.Familienname, pp+"/Familienname")
		checkName(c, p.Vorname, pp+"/Vorname")
		if err := checkBogennummer(ctx, tx, c, p.Bogennummer, bogen, pp+"/Bogennummer"); err != nil {
			return nil, err
		}
		checkAnschrift(c, p.Anschrift, pp+"/Anschrift")
	}
	found, err := identifyAll(ctx, tx, c, idents, paths)
	if err != nil {
		return nil, err
	}
	person := map[int]erkannt{}
	for _, f := range found {
		person[f.index] = f.person
	}
	ereignisFehler := c.failed()
	stored := 0
	for i, p := range s.Pruefling {
		antwort := inge.Sprachtestrueckmeldung{Pruefling: i + 1, Bogennummer: p.Bogennummer, Status: inge.StatusAbgelehnt}
		who, identified := person[i]
		if !ereignisFehler && identified && !c.itemFailed(c.items[i]) {
			antwort.Status = inge.StatusGeprueft
			if !c.nurPruefen() { // a Rollback stores no candidate
				if err := storePruefling(ctx, tx, c, s, p, who); err != nil {
					return nil, err
				}
				antwort.Status = inge.StatusVerarbeitet
			}
			stored++
		}
		resp.Rueckmeldung = append(resp.Rueckmeldung, antwort)
	}
	if stored == 0 {
		c.abgelehnt = true
		return resp, nil
	}
	c.erfolg = inge.SprachtestGemeldet
	return resp, nil
}

// checkAuftragsnummer: since 01.01.2023 no Auftragsnummer is issued and the
// placeholder 1234567 is entered (quelle:ABESO-TEST, quelle:TRS15); another number for a
// later test gets a Hinweis. No source states a format of the numbers
// issued before, so none is checked.
func checkAuftragsnummer(c *call, nr string, testdatum inge.Datum, path string) {
	t, err := testdatum.Time()
	if nr == "" || nr == auftragsnummerPlatzhalter || err != nil || t.Before(platzhalterSeit) {
		return
	}
	c.add(inge.AuftragsnummerPlatzhalter, path, "Wert", nr)
}

// platzhalterSeit is the day from which the placeholder is entered.
var platzhalterSeit = time.Date(2023, time.January, 1, 0, 0, 0, 0, time.UTC)

func storePruefling(ctx context.Context, tx *Tx, c *call, s *inge.Sprachtest, p inge.Sprachtestpruefling, who erkannt) error {
	var anschrift []byte
	if p.Anschrift != nil {
		var err error
		if anschrift, err = xml.Marshal(p.Anschrift); err != nil {
			return fmt.Errorf("encode anschrift: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sprachtest_pruefling (bogennummer, person_id, traegernummer, auftragsnummer,
		testdatum, kurskennung, ausweisnummer, anschrift, gemeldet_am) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Bogennummer, who.ID, c.caller.Traegernummer, s.Auftragsnummer, string(s.Testdatum), s.Kurskennung,
		p.Ausweisnummer, anschrift, formatTime(c.now)); err != nil {
		return fmt.Errorf("store pruefling %s: %w", p.Bogennummer, err)
	}
	return nil
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
