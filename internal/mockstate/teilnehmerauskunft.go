package mockstate

import (
	"context"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

const (
	tnTypWiederholer       = "6" // code list 806 (quelle:CMX-TEV)
	zulassungBerechtigung  = "B" // code list ZULASSUNGSART
	zulassungVerpflichtung = "V" // code list ZULASSUNGSART
)

// teilnehmerauskunft returns what BAMF knows about a person (quelle:Q-TNA, quelle:CMX-KON):
// personal data, every Berechtigung and Verpflichtung with its authority,
// the Kontingent, course visits, the Erstanmeldung, TN-Typ, KB-Typ and DTZ
// results, and as Hinweise the three things the Auskunft is for (quelle:BAMF-KT):
// further obliging bodies, an entitlement expired after more than a year
// without course activity, and hours already used at other providers.
func teilnehmerauskunft(ctx context.Context, tx *Tx, c *call, r *inge.TeilnehmerauskunftAnfrage) (inge.Response, error) {
	resp := &inge.TeilnehmerauskunftAntwort{}
	person, found, err := identify(ctx, tx, c, &r.Ident, "Ident")
	if err != nil || !found {
		return resp, err
	}
	if c.regeln.Auskunft == AuskunftEigene {
		ok, err := bekannterTeilnehmer(ctx, tx, c, person.ID)
		if err != nil {
			return nil, err
		}
		if !ok {
			c.add(inge.AuskunftNichtZulaessig, "Ident")
			return resp, nil
		}
	}
	// The answer names the person's data: all of it is read now.
	whole, err := tx.Person(ctx, person.ID)
	if err != nil {
		return nil, fmt.Errorf("teilnehmerauskunft: %w", err)
	}
	a := &auskunft{tx: tx, c: c, person: whole}
	if resp.Teilnehmer, err = a.build(ctx); err != nil {
		return nil, fmt.Errorf("teilnehmerauskunft: %w", err)
	}
	return resp, nil
}

// bekannterTeilnehmer reports whether the person is registered with the
// calling Traeger or named in one of its courses (Regeln.Auskunft).
func bekannterTeilnehmer(ctx context.Context, tx *Tx, c *call, personID int64) (bool, error) {
	var ok bool
	err := tx.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM anmeldung WHERE person_id = ?1 AND traegernummer = ?2)
		OR EXISTS (SELECT 1 FROM kurs_teilnehmer t JOIN kurs k USING (kurskennung) WHERE t.person_id = ?1 AND k.traegernummer = ?2)
		OR EXISTS (SELECT 1 FROM abschnitt_teilnehmer t JOIN kurs k USING (kurskennung) WHERE t.person_id = ?1 AND k.traegernummer = ?2)`,
		personID, c.caller.Traegernummer).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("auskunft erlaubt: %w", err)
	}
	return ok, nil
}

// auskunft assembles the Teilnehmerdaten of one person.
type auskunft struct {
	tx     *Tx
	c      *call
	person Person

	letzteAktivitaet time.Time // last day of course activity, zero if none
	anderswo         bool      // hours used at another Traeger
}

func (a *auskunft) build(ctx context.Context) (*inge.Teilnehmerdaten, error) {
	d := &inge.Teilnehmerdaten{}
	if err := a.personendaten(ctx, &d.Person); err != nil {
		return nil, err
	}
	for _, k := range a.person.Kennziffern {
		if k.Art == inge.AktenzeichenWiederholer {
			d.WiederholerAktenzeichen = k.Wert
		}
	}
	var err error
	if d.Kursbesuch, err = a.kursbesuche(ctx); err != nil {
		return nil, err
	}
	beansprucht := 0
	for _, k := range d.Kursbesuch {
		for _, ab := range k.Abschnitt {
			beansprucht += ab.AbgerechneteStunden
		}
	}
	if err := a.berechtigungen(ctx, d, beansprucht); err != nil {
		return nil, err
	}
	if d.Erstanmeldung, err = a.erstanmeldung(ctx); err != nil {
		return nil, err
	}
	wiederholer, err := a.hatAnmeldung(ctx, verfahrenWiederholer)
	if err != nil {
		return nil, err
	}
	if wiederholer {
		d.TnTyp = tnTypWiederholer
	}
	if d.Dtz, err = a.dtz(ctx); err != nil {
		return nil, err
	}
	return d, nil
}

func (a *auskunft) personendaten(ctx context.Context, p *inge.Personendaten) error {
	pe := a.person
	var frueher string
	if err := a.tx.QueryRowContext(ctx, `SELECT fruehere_namen, regionalstelle FROM person WHERE id = ?`, pe.ID).Scan(&frueher, &p.Regionalstelle); err != nil {
		return fmt.Errorf("person %d: %w", pe.ID, err)
	}
	if frueher != "" {
		p.FruehererName = strings.Split(frueher, "\n")
	}
	p.Familienname, p.Vorname, p.Geburtsdatum = pe.Familienname, pe.Vorname, inge.DatumOf(pe.Geburtsdatum)
	p.Geburtsort, p.Geschlecht, p.Staatsangehoerigkeit = pe.Geburtsort, pe.Geschlecht, pe.Staatsangehoerigkeit
	an := pe.Anschrift
	p.Wohnanschrift = &inge.Anschrift{Strasse: an.Strasse, Postleitzahl: an.Postleitzahl, Ort: an.Ort, Staat: an.Staat, Bundesland: an.Bundesland}
	return nil
}

// kursbesuche returns the courses attended: those the Testdatenpaket sets up
// and the sections reported to this mock. A reported section counts with the
// Unterrichtseinheiten of its Kursart (inge/kursstruktur.tsv; rekonstruiert:
// the mock assumes every reported section is billed in full).
func (a *auskunft) kursbesuche(ctx context.Context) ([]inge.Kursbesuch, error) {
	var out []inge.Kursbesuch
	rows, err := a.tx.QueryContext(ctx, `SELECT id, traegernummer, kurskennung, kursart, von, bis FROM kursbesuch WHERE person_id = ? ORDER BY von`, a.person.ID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var k inge.Kursbesuch
		if err := rows.Scan(&id, &k.Traegernummer, &k.Kurskennung, &k.Kursart, &k.Von, &k.Bis); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
		out = append(out, k)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	for i, id := range ids {
		ab, err := queryAbschnitte(ctx, a.tx, id)
		if err != nil {
			return nil, err
		}
		out[i].Abschnitt = ab
		a.activity(out[i].Von, out[i].Bis, out[i].Traegernummer)
	}
	gemeldet, err := a.gemeldeteBesuche(ctx)
	if err != nil {
		return nil, err
	}
	return append(out, gemeldet...), nil
}

func queryAbschnitte(ctx context.Context, tx *Tx, besuch int64) ([]inge.BesuchterAbschnitt, error) {
	rows, err := tx.QueryContext(ctx, `SELECT kursabschnitt, stunden FROM kursbesuch_abschnitt WHERE kursbesuch_id = ?`, besuch)
	if err != nil {
		return nil, err
	}
	var out []inge.BesuchterAbschnitt
	for rows.Next() {
		var b inge.BesuchterAbschnitt
		if err := rows.Scan(&b.Kursabschnitt, &b.AbgerechneteStunden); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, b)
	}
	return out, closeRows(rows)
}

func (a *auskunft) gemeldeteBesuche(ctx context.Context) ([]inge.Kursbesuch, error) {
	rows, err := a.tx.QueryContext(ctx, `SELECT k.kurskennung, k.traegernummer, k.kursart, s.kursabschnitt, s.beginn, s.daten
		FROM abschnitt_teilnehmer t JOIN kursabschnitt s USING (kurskennung, kursabschnitt) JOIN kurs k USING (kurskennung)
		WHERE t.person_id = ? ORDER BY k.kurskennung, s.beginn`, a.person.ID)
	if err != nil {
		return nil, err
	}
	var out []inge.Kursbesuch
	for rows.Next() {
		var kennung, traeger, kursart, abschnitt, beginn string
		var daten []byte
		if err := rows.Scan(&kennung, &traeger, &kursart, &abschnitt, &beginn, &daten); err != nil {
			rows.Close()
			return nil, err
		}
		var d inge.Kursabschnittsdaten
		if err := xml.Unmarshal(daten, &d); err != nil {
			rows.Close()
			return nil, fmt.Errorf("decode kursabschnitt: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Kurskennung != kennung {
			out = append(out, inge.Kursbesuch{Traegernummer: traeger, Kurskennung: kennung, Kursart: kursart, Von: inge.Datum(beginn)})
		}
		k := &out[len(out)-1]
		k.Bis = d.Ende
		k.Abschnitt = append(k.Abschnitt, inge.BesuchterAbschnitt{Kursabschnitt: abschnitt, AbgerechneteStunden: stundenVon(kursart, abschnitt)})
		a.activity(inge.Datum(beginn), d.Ende, traeger)
	}
	return out, closeRows(rows)
}

// stundenVon returns the Unterrichtseinheiten of a section of a Kursart.
func stundenVon(kursart, abschnitt string) int {
	s, ok := inge.KursstrukturOf(kursart)
	if !ok {
		return 0
	}
	if abschnitt == "OK" {
		return s.UEOrientierung
	}
	return s.UE
}

// activity records a course attended from von to bis (bis may be empty).
func (a *auskunft) activity(von, bis inge.Datum, traeger string) {
	last := von
	if bis != "" {
		last = bis
	}
	if t, err := last.Time(); err == nil && t.After(a.letzteAktivitaet) {
		if t.After(a.c.today) {
			t = a.c.today // a course still running is activity up to today
		}
		a.letzteAktivitaet = t
	}
	if traeger != a.c.caller.Traegernummer {
		a.anderswo = true
	}
}

// berechtigungen fills the entitlements, the Kontingent, TN-Typ and KB-Typ,
// and the Hinweise of the Auskunft.
func (a *auskunft) berechtigungen(ctx context.Context, d *inge.Teilnehmerdaten, beansprucht int) error {
	rows, err := a.tx.QueryContext(ctx, `SELECT aktenzeichen_art, aktenzeichen, zulassungsart, behoerde_art, behoerde,
		behoerden_aktenzeichen, gueltig_ab, gueltig_bis, stornierungsdatum, tn_typ, kb_typ, genehmigte_stunden, merkmale
		FROM berechtigung WHERE person_id = ? ORDER BY gueltig_ab, id`, a.person.ID)
	if err != nil {
		return err
	}
	genehmigt := 0
	var verpflichtend []string
	for rows.Next() {
		var b inge.Teilnahmeberechtigung
		var tnTyp, kbTyp, merkmale string
		var stunden int
		if err := rows.Scan(&b.Aktenzeichen.Art, &b.Aktenzeichen.Wert, &b.Zulassungsart, &b.Behoerde.Art, &b.Behoerde.Bezeichnung,
			&b.BehoerdenAktenzeichen, &b.GueltigAb, &b.GueltigBis, &b.Stornierungsdatum, &tnTyp, &kbTyp, &stunden, &merkmale); err != nil {
			rows.Close()
			return err
		}
		if merkmale != "" {
			b.Merkmal = strings.Split(merkmale, "\n")
		}
		if d.ErstzulassungGueltigBis == "" {
			d.ErstzulassungGueltigBis = b.GueltigBis
		}
		if b.Stornierungsdatum == "" && b.Zulassungsart != zulassungWiederholer {
			if b.Zulassungsart == zulassungBerechtigung { // an obligation does not lapse for inactivity
				b.ErloschenAm = a.erloschenAm(b.GueltigAb)
			}
			if b.ErloschenAm != "" {
				a.c.add(inge.BerechtigungErloschen, "", "Wert", b.Aktenzeichen.Wert, "Datum", datumText(b.ErloschenAm))
			} else {
				genehmigt = max(genehmigt, stunden)
				if b.Zulassungsart == zulassungVerpflichtung {
					verpflichtend = append(verpflichtend, b.Behoerde.Bezeichnung)
				}
			}
			if tnTyp != "" {
				d.TnTyp, d.KbTyp = tnTyp, kbTyp
			}
		}
		d.Teilnahmeberechtigung = append(d.Teilnahmeberechtigung, b)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	if len(verpflichtend) > 1 {
		sort.Strings(verpflichtend)
		a.c.add(inge.MehrereVerpflichtendeStellen, "", "Wert", strings.Join(verpflichtend, ", "))
	}
	if genehmigt > 0 || beansprucht > 0 {
		d.Kontingent = &inge.Kontingent{GenehmigteStunden: genehmigt, BeanspruchteStunden: beansprucht, VerfuegbareStunden: max(0, genehmigt-beansprucht)}
		if beansprucht > 0 && a.anderswo {
			a.c.add(inge.KontingentTeilweiseVerbraucht, "", "Anzahl", strconv.Itoa(beansprucht), "Max", strconv.Itoa(genehmigt))
		}
	}
	return nil
}

// erloschenAm: an entitlement (not an obligation) lapses "wegen mehr als
// einjähriger Kursinaktivität" (§ 4 Abs. 1 Satz 3 IntV, quelle:BAMF-KT), counted
// from the last course activity or, without any, from the day it became
// valid. On the anniversary the inactivity is exactly one year, not more:
// the first day of the lapse, and the date shown, is the day after it.
func (a *auskunft) erloschenAm(gueltigAb inge.Datum) inge.Datum {
	from, err := gueltigAb.Time()
	if err != nil {
		return ""
	}
	if a.letzteAktivitaet.After(from) {
		from = a.letzteAktivitaet
	}
	erloschen := from.AddDate(1, 0, 1)
	if !a.c.today.Before(erloschen) {
		return inge.DatumOf(erloschen)
	}
	return ""
}

// erstanmeldung returns the first Erstanmeldung reported to the mock.
func (a *auskunft) erstanmeldung(ctx context.Context) (*inge.Anmeldedaten, error) {
	rows, err := a.tx.QueryContext(ctx, `SELECT traegernummer, anmeldedatum, daten FROM anmeldung
		WHERE person_id = ? AND verfahren = ? AND daten IS NOT NULL ORDER BY anmeldedatum LIMIT 1`, a.person.ID, verfahrenErst)
	if err != nil {
		return nil, err
	}
	var out *inge.Anmeldedaten
	for rows.Next() {
		var traeger, datum string
		var daten []byte
		if err := rows.Scan(&traeger, &datum, &daten); err != nil {
			rows.Close()
			return nil, err
		}
		var e inge.Erstanmeldung
		if err := xml.Unmarshal(daten, &e); err != nil {
			rows.Close()
			return nil, fmt.Errorf("decode erstanmeldung: %w", err)
		}
		out = &inge.Anmeldedaten{Traegernummer: traeger, Anmeldedatum: inge.Datum(datum), JahrDerEinreise: e.JahrDerEinreise,
			Bildungsstand: e.Bildungsstand, Schuljahre: e.Schuljahre, Schreibkundigkeit: e.Schreibkundigkeit, Einstufungstest: e.Einstufungstest}
	}
	return out, closeRows(rows)
}

func (a *auskunft) hatAnmeldung(ctx context.Context, verfahren string) (bool, error) {
	var ok bool
	err := a.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM anmeldung WHERE person_id = ? AND verfahren = ?)`, a.person.ID, verfahren).Scan(&ok)
	return ok, err
}

func (a *auskunft) dtz(ctx context.Context) ([]inge.DtzErgebnis, error) {
	rows, err := a.tx.QueryContext(ctx, `SELECT pruefungsdatum, ergebnis FROM dtz_ergebnis WHERE person_id = ? ORDER BY pruefungsdatum LIMIT 2`, a.person.ID)
	if err != nil {
		return nil, err
	}
	var out []inge.DtzErgebnis
	for rows.Next() {
		var d inge.DtzErgebnis
		if err := rows.Scan(&d.Pruefungsdatum, &d.Ergebnis); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, d)
	}
	return out, closeRows(rows)
}
