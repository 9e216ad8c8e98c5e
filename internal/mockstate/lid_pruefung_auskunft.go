package mockstate

import (
	"context"
	"database/sql"
	"encoding/xml"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lidPruefungAuskunft returns an exam the caller registered and its
// candidates (quelle:ITM 10.5: only exams of the current Traeger).
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
		if x.Art == inge.AktenzeichenBAMF {
			k = x
			break
		}
	}
	return &inge.TeilnehmerIdent{Geburtsdatum: inge.DatumOf(p.Geburtsdatum), Aktenzeichen: &inge.Aktenzeichen{Art: k.Art, Wert: k.Wert}}
}
