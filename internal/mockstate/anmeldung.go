package mockstate

import (
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"

	"github.com/inge-harness/inge-harness/internal/inge"
)

const (
	verfahrenErst         = "Erst"
	verfahrenWiederholer  = "Wiederholer"
	isced1                = "1"   // Bildungsstand ISCED 1: the only one with Schuljahre (ITM 10.3.9)
	staatDeutschland      = "000" // Destatis key of Germany
	tnTypWiederholer      = "6"   // code list 806 (CMX-TEV)
	zulassungBerechtigung = "B"   // code list ZULASSUNGSART
	zulassungWiederholer  = "W"   // code list ZULASSUNGSART
)

// anmeldungErstverfahren registers a person with the Traeger: the data of
// form 630.016 (§ 7 Abs. 1 IntV). It does not enrol the person into a course
// (CMX-TEV). A second Erstanmeldung follows Regeln.Zweitanmeldung.
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
	if err != nil || c.failed() {
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

// anmeldungWiederholerverfahren registers a person admitted for repetition
// (form 630.019). The person is identified by the Aktenzeichen Wiederholer,
// and needs that admission; afterwards the Teilnehmerauskunft shows TN-Typ 6
// Kurswiederholer (CMX-TEV, Q-TESTANM).
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
		AND aktenzeichen_art = 'WIED' AND aktenzeichen = ? AND stornierungsdatum = ''`, person.ID, zulassungWiederholer, a.Ident.Aktenzeichen.Wert).Scan(&zulassungen); err != nil {
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

// checkZweitanmeldung applies Regeln.Zweitanmeldung. It reports whether an
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

func storeAnmeldung(ctx context.Context, tx *Tx, c *call, personID int64, verfahren string, datum inge.Datum, daten any) error {
	b, err := xml.Marshal(daten)
	if err != nil {
		return fmt.Errorf("encode anmeldung: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO anmeldung (person_id, traegernummer, verfahren, anmeldedatum, daten, erfasst_am)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (person_id, traegernummer, verfahren) DO UPDATE SET anmeldedatum = excluded.anmeldedatum,
			daten = excluded.daten, erfasst_am = excluded.erfasst_am`,
		personID, c.caller.Traegernummer, verfahren, string(datum), b, formatTime(c.now)); err != nil {
		return fmt.Errorf("store anmeldung: %w", err)
	}
	return nil
}

// checkName: BAMF accepts no digits or special characters in names
// (Q-TESTANM): letters of any script, single spaces and hyphens between them.
func checkName(c *call, name, path string) {
	if name != "" && !inge.ValidName(name) {
		c.add(inge.NameUngueltig, path, "Wert", name)
	}
}

var plzRE = regexp.MustCompile(`^[0-9]{5}$`)

// checkAnschrift: the current address is complete (Q-TESTANM; the schema
// marks Strasse, Postleitzahl, Ort and Staat); the Bundesland is given only
// for a domestic address (ITM 10.3.9), and then required, with a five-digit
// Postleitzahl (reconstructed).
func checkAnschrift(c *call, a *inge.Anschrift, path string) {
	if a == nil || a.Staat == "" {
		return
	}
	if a.Staat != staatDeutschland {
		if a.Bundesland != "" {
			c.add(inge.BundeslandNurInland, path+"/Bundesland")
		}
		return
	}
	if a.Bundesland == "" {
		c.add(inge.BundeslandFehlt, path+"/Bundesland")
	}
	if a.Postleitzahl != "" && !plzRE.MatchString(a.Postleitzahl) {
		c.add(inge.PostleitzahlUngueltig, path+"/Postleitzahl")
	}
}

// checkNichtInZukunft: a registration or a test is reported after it took
// place (reconstructed).
func checkNichtInZukunft(c *call, d inge.Datum, path string) {
	if t, err := d.Time(); err == nil && t.After(c.today) {
		c.add(inge.DatumInZukunft, path, "Datum", datumText(d))
	}
}

// checkSchuljahre: Schuljahre are required for Bildungsstand ISCED 1 and
// given for no other (ITM 10.3.9).
func checkSchuljahre(c *call, bildungsstand string, schuljahre *int, path string) {
	switch {
	case bildungsstand == isced1 && schuljahre == nil:
		c.add(inge.SchuljahreFehlen, path+"/Schuljahre")
	case bildungsstand != isced1 && bildungsstand != "" && schuljahre != nil:
		c.add(inge.SchuljahreNurBeiISCED1, path+"/Schuljahre")
	}
}

// checkEinstufungstest: unless it is waived (only Sprachtest, Orientierungs-
// kurs or its test intended), the placement test has a date and recommends a
// Kursart (802) and a Kursabschnitt (803) that fits it (ITM 10.3.9,
// Q-TESTANM); a different Traeger-Kennziffer names a known provider.
func checkEinstufungstest(ctx context.Context, tx *Tx, c *call, e *inge.Einstufungstest, path string) error {
	if e == nil {
		return nil
	}
	if e.Verzichtbar == nil || !*e.Verzichtbar {
		for _, f := range []struct {
			name  string
			value string
		}{{"Testdatum", string(e.Testdatum)}, {"EmpfohleneKursart", e.EmpfohleneKursart}, {"EmpfohlenerKursabschnitt", e.EmpfohlenerKursabschnitt}} {
			if f.value == "" {
				c.add(inge.PflichtfeldFehlt, path+"/"+f.name)
			}
		}
	}
	checkNichtInZukunft(c, e.Testdatum, path+"/Testdatum")
	checkAbschnittDerKursart(c, e.EmpfohleneKursart, e.EmpfohlenerKursabschnitt, path+"/EmpfohlenerKursabschnitt")
	if e.AbweichendeTraegernummer != "" {
		if _, err := tx.Traeger(ctx, e.AbweichendeTraegernummer); isNotFound(err) {
			c.add(inge.TraegerUnbekannt, path+"/AbweichendeTraegernummer", "Wert", e.AbweichendeTraegernummer)
		} else if err != nil {
			return fmt.Errorf("traeger %s: %w", e.AbweichendeTraegernummer, err)
		}
	}
	return nil
}

// checkAngemeldet: a participant of a course message must be registered with
// the reporting Traeger, in the Erst- or the Wiederholerverfahren; all
// participants are reported to BAMF before the Kursbeginnmeldung (Q-KB).
func checkAngemeldet(ctx context.Context, tx *Tx, c *call, found []identified, paths []string) error {
	for _, f := range found {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM anmeldung WHERE person_id = ? AND traegernummer = ?`,
			f.person.ID, c.caller.Traegernummer).Scan(&n); err != nil {
			return fmt.Errorf("anmeldung: %w", err)
		}
		if n == 0 {
			c.add(inge.PersonNichtAngemeldet, paths[f.index])
		}
	}
	return nil
}
