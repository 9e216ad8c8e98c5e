package mockstate

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// anmeldungWiederholerverfahren registers a person admitted for repetition
// (form 630.019). The person is identified by the Aktenzeichen Wiederholer,
// and needs that admission; afterwards the Teilnehmerauskunft shows TN-Typ 6
// Kurswiederholer (quelle:CMX-TEV, quelle:Q-TESTANM).
func anmeldungWiederholerverfahren(ctx context.Context, tx *Tx, c *call, r *inge.AnmeldungWiederholerverfahrenAnfrage) (inge.Response, error) {
	resp := &inge.AnmeldungWiederholerverfahrenAntwort{}
	a := &r.Anmeldung
	const path = "Anmeldung"
	if a.Ident != nil && a.Ident.Aktenzeichen != nil && a.Ident.Aktenzeichen.Art != inge.AktenzeichenWiederholer {
		c.add(inge.WiederholerAktenzeichenErforderlich, path+"/Ident/Aktenzeichen")
		return resp, nil
	}
	person, found, err := identify(ctx, tx, c, a.Ident, path+"/Ident")
	if err != nil {
		return nil, err
	}
	checkName(c, a.Familienname, path+"/Familienname")
	checkName(c, a.Vorname, path+"/Vorname")
	checkAnschrift(c, a.Anschrift, path+"/Anschrift")
	checkNichtInZukunft(c, a.Anmeldedatum, path+"/Anmeldedatum")
	if err := checkEinstufungstest(ctx, tx, c, a.Einstufungstest, path+"/Einstufungstest"); err != nil {
		return nil, err
	}
	if !found {
		return resp, nil
	}
	var zulassungen int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM berechtigung WHERE person_id = ? AND zulassungsart = ?
		AND aktenzeichen_art = ? AND aktenzeichen = ? AND stornierungsdatum = ''`,
		person.ID, zulassungWiederholer, string(inge.AktenzeichenWiederholer), a.Ident.Aktenzeichen.Wert).Scan(&zulassungen); err != nil {
		return nil, fmt.Errorf("wiederholer zulassung: %w", err)
	}
	if zulassungen == 0 {
		c.add(inge.KeineWiederholungszulassung, path+"/Ident")
	}
	if c.failed() {
		return resp, nil
	}
	if err := storeAnmeldung(ctx, tx, c, person.ID, verfahrenWiederholer, a.Anmeldedatum, a); err != nil {
		return nil, err
	}
	c.erfolg = inge.WiederholerAngemeldet
	return resp, nil
}
