package mockstate

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// anmeldungWiederholerverfahren registers a person admitted for repetition
// (form 630.019). The person is identified like every person; the
// Aktenzeichen Wiederholer is sent "anstelle der PK (BAMF) …, sofern es
// vorhanden ist" (quelle:ITM 10.3.9), so any Aktenzeichen of the person
// identifies it, and a Hinweis names the Wiederholer one where it exists
// and was not sent. The person needs that admission; afterwards the
// Teilnehmerauskunft shows TN-Typ 6 Kurswiederholer (quelle:CMX-TEV, quelle:Q-TESTANM).
// All findings come at once.
func anmeldungWiederholerverfahren(ctx context.Context, tx *Tx, c *call, r *inge.AnmeldungWiederholerverfahrenAnfrage) (inge.Response, error) {
	resp := &inge.AnmeldungWiederholerverfahrenAntwort{}
	a := &r.Anmeldung
	const path = "Anmeldung"
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
	wied, err := queryColumn[string](ctx, tx, `SELECT aktenzeichen FROM berechtigung WHERE person_id = ? AND zulassungsart = ?
		AND aktenzeichen_art = ? AND stornierungsdatum = '' ORDER BY gueltig_ab DESC`,
		person.ID, zulassungWiederholer, string(inge.AktenzeichenWiederholer))
	if err != nil {
		return nil, fmt.Errorf("wiederholer zulassung: %w", err)
	}
	switch sent := a.Ident.Aktenzeichen; {
	case len(wied) == 0:
		c.add(inge.KeineWiederholungszulassung, path+"/Ident")
	case sent.Art != inge.AktenzeichenWiederholer:
		c.add(inge.WiederholerAktenzeichenVorhanden, path+"/Ident/Aktenzeichen", "Wert", wied[0])
	}
	if c.nurPruefen() {
		return resp, nil
	}
	if err := storeAnmeldung(ctx, tx, c, person.ID, verfahrenWiederholer, a.Anmeldedatum, a); err != nil {
		return nil, err
	}
	c.erfolg = inge.WiederholerAngemeldet
	return resp, nil
}
