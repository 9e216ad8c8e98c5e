package mockstate

// The rules the LiD procedures share: the stored exam and the checks of its
// data.

import (
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lidVorlauf is how far ahead of its registration a LiD exam must lie: "at
// least two weeks from the day of registration" (quelle:ITM 10.5).
const lidVorlauf = 14

// checkLidVorlauf: an exam lies at least two weeks after the day it is
// registered or moved (quelle:ITM 10.5).
func checkLidVorlauf(c *call, datum inge.Datum, path string) {
	if d, err := datum.Time(); err == nil {
		if earliest := c.today.AddDate(0, 0, lidVorlauf); d.Before(earliest) {
			c.add(inge.PruefungZuKurzfristig, path, "Datum", formatDatum(earliest))
		}
	}
}

// checkLidPruefungsdaten applies the rules of the exam data (quelle:Q-LID, quelle:CMX-SYS,
// quelle:BAMF-LF4).
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
// reported like an unknown one (quelle:ITM 10.5).
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
// exam day not past (rekonstruiert: no change or cancellation afterwards).
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
