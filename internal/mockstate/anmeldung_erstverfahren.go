package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

const isced1 = "1" // Bildungsstand ISCED 1: the only one with Schuljahre (quelle:ITM 10.3.9)

// anmeldungErstverfahren registers a person with the Traeger: the data of
// form 630.016 (§ 7 Abs. 1 IntV). It does not enrol the person into a course
// (quelle:CMX-TEV). A second Erstanmeldung follows Regeln.Zweitanmeldung.
func anmeldungErstverfahren(ctx context.Context, tx *Tx, c *call, r *inge.AnmeldungErstverfahrenAnfrage) (inge.Response, error) {
	resp := &inge.AnmeldungErstverfahrenAntwort{}
	a := &r.Anmeldung
	const path = "Anmeldung"
	person, found, err := identify(ctx, tx, c, a.Ident, path+"/Ident")
	if err != nil {
		return nil, err
	}
	checkName(c, a.Familienname, path+"/Familienname")
	checkName(c, a.Vorname, path+"/Vorname")
	checkName(c, a.Geburtsname, path+"/Geburtsname")
	checkAnschrift(c, a.Anschrift, path+"/Anschrift")
	checkNichtInZukunft(c, a.Anmeldedatum, path+"/Anmeldedatum")
	checkSchuljahre(c, a.Bildungsstand, a.Schuljahre, path)
	if err := checkEinstufungstest(ctx, tx, c, a.Einstufungstest, path+"/Einstufungstest"); err != nil {
		return nil, err
	}
	if a.Kostenbefreiungsgrund != "" && (a.KostenbefreiungBeantragt == nil || !*a.KostenbefreiungBeantragt) {
		c.add(inge.KostenbefreiungsgrundOhneAntrag, path+"/Kostenbefreiungsgrund")
	}
	if !found {
		return resp, nil
	}
	update, err := checkZweitanmeldung(ctx, tx, c, person.ID, path+"/Ident")
	if err != nil || c.nurPruefen() {
		return resp, err
	}
	if err := storeAnmeldung(ctx, tx, c, person.ID, verfahrenErst, a.Anmeldedatum, a); err != nil {
		return nil, err
	}
	c.erfolg = inge.AnmeldungGespeichert
	if update {
		c.erfolg = inge.AnmeldungAktualisiert
	}
	return resp, nil
}

// checkZweitanmeldung applies Regeln.Zweitanmeldung, where the sources
// disagree (quelle:Q-TESTANM, quelle:CMX-TEV). It reports whether an
// existing registration of this Traeger is to be updated.
func checkZweitanmeldung(ctx context.Context, tx *Tx, c *call, personID int64, path string) (update bool, err error) {
	var traeger, datum string
	err = tx.QueryRowContext(ctx, `SELECT traegernummer, anmeldedatum FROM anmeldung WHERE person_id = ? AND verfahren = ?
		ORDER BY traegernummer = ? DESC, anmeldedatum LIMIT 1`, personID, verfahrenErst, c.caller.Traegernummer).Scan(&traeger, &datum)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("erstanmeldung: %w", err)
	case c.regeln.Zweitanmeldung == ZweitanmeldungAktualisieren:
		return traeger == c.caller.Traegernummer, nil
	}
	c.add(inge.ErstanmeldungVorhanden, path, "Wert", traeger, "Datum", datumText(inge.Datum(datum)))
	return false, nil
}

// checkSchuljahre: Schuljahre are "nur erforderlich für Bildungsstand 1"
// (quelle:ITM 10.3.9): missing there, a Fehler; given with another Bildungsstand, a
// Hinweis only, since no source forbids them (quelle:ABES-TN ties them to "no
// school-leaving certificate").
func checkSchuljahre(c *call, bildungsstand string, schuljahre *int, path string) {
	switch {
	case bildungsstand == isced1 && schuljahre == nil:
		c.add(inge.SchuljahreFehlen, path+"/Schuljahre")
	case bildungsstand != isced1 && bildungsstand != "" && schuljahre != nil:
		c.add(inge.SchuljahreNurBeiISCED1, path+"/Schuljahre")
	}
}
