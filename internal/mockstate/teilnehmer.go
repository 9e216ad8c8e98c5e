package mockstate

// The rules the participant procedures share: identifying persons, their
// names and addresses, and their registration with the Traeger.

import (
	"context"
	"encoding/xml"
	"fmt"
	"regexp"

	"github.com/inge-harness/inge-harness/internal/inge"
)

const (
	verfahrenErst        = "Erst"
	verfahrenWiederholer = "Wiederholer"
	staatDeutschland     = "000" // Destatis key of Germany
	zulassungWiederholer = "W"   // code list ZULASSUNGSART
)

// identify finds the one person that ident names. Every participant-related
// message identifies a person by Geburtsdatum and one Aktenzeichen; both must
// match BAMF's data exactly, otherwise the person is not found (quelle:ABES-TN,
// quelle:Q-EST, quelle:Q-TESTANM, quelle:CMX-KON). A missing part was already reported by the
// schema check, so it only returns false here.
func identify(ctx context.Context, tx *Tx, c *call, ident *inge.TeilnehmerIdent, path string) (erkannt, bool, error) {
	if ident == nil || ident.Aktenzeichen == nil || ident.Geburtsdatum == "" {
		return erkannt{}, false, nil
	}
	born, err := ident.Geburtsdatum.Time()
	if err != nil {
		return erkannt{}, false, fmt.Errorf("identify: %w", err) // the schema check guarantees a date
	}
	found, err := tx.findErkannt(ctx, born, ident.Aktenzeichen.Art, ident.Aktenzeichen.Wert)
	if err != nil {
		return erkannt{}, false, fmt.Errorf("identify: %w", err)
	}
	if len(found) != 1 {
		c.add(inge.PersonNichtIdentifiziert, path)
		return erkannt{}, false, nil
	}
	return found[0], true, nil
}

// erkannt is what the rules need of an identified person: who it is, and
// the Geschlecht a Frauenkurs counts. It is read in one statement, where a
// whole Person takes four (Tx.Person), for every participant a message
// names, and mostly in the writer's serial time.
type erkannt struct {
	ID         int64
	Geschlecht string // code of list 005
}

// identified is a person found for the i-th participant of a message.
type identified struct {
	index  int
	person erkannt
}

// identifyAll identifies a list of participants, each once (quelle:ABES-TN;
// PersonDoppelt rekonstruiert). paths[i] is the path of the i-th Ident.
func identifyAll(ctx context.Context, tx *Tx, c *call, idents []*inge.TeilnehmerIdent, paths []string) ([]identified, error) {
	var out []identified
	seen := map[int64]bool{}
	for i, id := range idents {
		person, ok, err := identify(ctx, tx, c, id, paths[i])
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if seen[person.ID] {
			c.add(inge.PersonDoppelt, paths[i])
			continue
		}
		seen[person.ID] = true
		out = append(out, identified{index: i, person: person})
	}
	return out, nil
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
// (quelle:Q-TESTANM): letters of any script, single spaces and hyphens between them.
func checkName(c *call, name, path string) {
	if name != "" && !inge.ValidName(name) {
		c.add(inge.NameUngueltig, path, "Wert", name)
	}
}

var plzRE = regexp.MustCompile(`^[0-9]{5}$`)

// checkAnschrift: the current address is complete (quelle:Q-TESTANM; the schema
// marks Strasse, Postleitzahl, Ort and Staat); the Bundesland is given only
// for a domestic address (quelle:ITM 10.3.9), and then required, with a five-digit
// Postleitzahl (rekonstruiert).
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
// place (rekonstruiert).
func checkNichtInZukunft(c *call, d inge.Datum, path string) {
	if t, err := d.Time(); err == nil && t.After(c.today) {
		c.add(inge.DatumInZukunft, path, "Datum", datumText(d))
	}
}

// checkEinstufungstest: unless it is waived (only Sprachtest, Orientierungs-
// kurs or its test intended), the placement test has a date and recommends a
// Kursart (802) and a Kursabschnitt (803) that fits it (quelle:ITM 10.3.9,
// quelle:Q-TESTANM); a different Traeger-Kennziffer names a known provider.
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
// participants are reported to BAMF before the Kursbeginnmeldung (quelle:Q-KB).
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
