package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// Traeger is a Kurstraeger. The Traeger of a store (a sandbox) share its
// clock, but the rules keep them apart: a Traeger's users see and change
// only its own courses and exams.
type Traeger struct {
	Traegernummer       string
	Name                string
	Bundesland          string // Laenderschluessel 01..16; a Traegernummer is valid in one Land
	LidPruefstelle      bool   // approved as Pruefstelle for "Leben in Deutschland" (section 20a IntV)
	Verwaltungsstandort string // Kennung of the Verwaltungsstandort, needed for LiD exams
	Lieferadresse       string // Kennung of the site receiving LiD exam material; "" if none
}

// Benutzer is a DeBeV-like user of a Traeger. Its password is deliberately
// not a field, so that printing or logging a Benutzer cannot reveal it; see
// Tx.Password.
type Benutzer struct {
	Name          string
	Traegernummer string
}

// Kursort is a course location, known to BAMF by its Kennung.
type Kursort struct {
	Kennung       string
	Traegernummer string
	Bezeichnung   string
	Strasse       string // including Hausnummer
	Postleitzahl  string
	Ort           string
	Bundesland    string
	Barrierefrei  bool
}

// Lehrkraft is a teacher approved by BAMF; the Kennung is the
// Zulassungsnummer.
type Lehrkraft struct {
	Kennung       string
	Familienname  string
	Vorname       string
	Geburtsdatum  time.Time // a date: midnight UTC
	ZugelassenBis time.Time // last day of the approval; zero: no time limit
}

// Lehrwerk is an approved teaching material.
type Lehrwerk struct {
	Kennung   string
	Titel     string
	Verlag    string
	Kursarten []string // codes of list 802 it is approved for, sorted
}

// Person is a test participant. Persons are shared by all Traeger, as in the
// real registry.
type Person struct {
	ID                   int64
	Familienname         string
	Vorname              string
	Geburtsname          string    // "" if none
	Geburtsdatum         time.Time // a date: midnight UTC
	Geburtsort           string
	Geschlecht           string   // code of list 005
	Staatsangehoerigkeit []string // Destatis codes, the first named first
	Anschrift            Anschrift
	Kennziffern          []Kennziffer
	Testfall             string // ID of the test case that brings the person
}

// Anschrift is a person's address (Wohnadresse).
type Anschrift struct {
	Strasse      string // including Hausnummer
	Postleitzahl string
	Ort          string
	Staat        string // Destatis code; "000" is Deutschland
	Bundesland   string // Laenderschluessel 01..16
}

// Kennziffer is one of a person's identifiers. Together with the
// Geburtsdatum, one Kennziffer identifies a person. Its Art is that of the
// Aktenzeichen a message names the person by; the BAMF Personenkennziffer
// is preferred.
type Kennziffer struct {
	Art  inge.AktenzeichenArt
	Wert string
}

// Traeger returns the Traeger with the given Traegernummer.
func (tx *Tx) Traeger(ctx context.Context, nummer string) (Traeger, error) {
	return stammKopie(tx, stammSchluessel{"traeger", nummer}, func() (Traeger, error) { return tx.queryTraeger(ctx, nummer) })
}

func (tx *Tx) queryTraeger(ctx context.Context, nummer string) (Traeger, error) {
	var t Traeger
	err := tx.QueryRowContext(ctx, `
		SELECT traegernummer, name, bundesland, lid_pruefstelle, verwaltungsstandort, coalesce(lieferadresse, '')
		FROM traeger WHERE traegernummer = ?`, nummer,
	).Scan(&t.Traegernummer, &t.Name, &t.Bundesland, &t.LidPruefstelle, &t.Verwaltungsstandort, &t.Lieferadresse)
	if err != nil {
		return Traeger{}, lookupError("Träger", nummer, err)
	}
	return t, nil
}

// Traegernummern returns the numbers of all Traeger of the store, sorted.
func (tx *Tx) Traegernummern(ctx context.Context) ([]string, error) {
	return queryColumn[string](ctx, tx, `SELECT traegernummer FROM traeger ORDER BY traegernummer`)
}

// Zugang returns a user with its password and Traeger, as WS-Security needs
// it to verify a UsernameToken; an unknown user wraps ErrNotFound. Never log
// the password.
func (tx *Tx) Zugang(ctx context.Context, name string) (Zugang, error) {
	z := Zugang{Name: name}
	err := tx.QueryRowContext(ctx, `SELECT passwort, traegernummer FROM benutzer WHERE name = ?`, name).Scan(&z.Passwort, &z.Traegernummer)
	if err != nil {
		return Zugang{}, lookupError("Benutzer", name, err)
	}
	return z, nil
}

// Users returns all Benutzer, ordered by Traegernummer and name.
func (tx *Tx) Users(ctx context.Context) ([]Benutzer, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, traegernummer FROM benutzer ORDER BY traegernummer, name`)
	if err != nil {
		return nil, fmt.Errorf("list benutzer: %w", err)
	}
	defer rows.Close()
	var bs []Benutzer
	for rows.Next() {
		var b Benutzer
		if err := rows.Scan(&b.Name, &b.Traegernummer); err != nil {
			return nil, fmt.Errorf("list benutzer: %w", err)
		}
		bs = append(bs, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list benutzer: %w", err)
	}
	return bs, nil
}

// Kursort returns the Kursort with the given Kennung, whichever Traeger it
// belongs to; the rules check ownership.
func (tx *Tx) Kursort(ctx context.Context, kennung string) (Kursort, error) {
	return stammKopie(tx, stammSchluessel{"kursort", kennung}, func() (Kursort, error) { return tx.queryKursort(ctx, kennung) })
}

func (tx *Tx) queryKursort(ctx context.Context, kennung string) (Kursort, error) {
	var k Kursort
	err := tx.QueryRowContext(ctx, `
		SELECT kennung, traegernummer, bezeichnung, strasse, plz, ort, bundesland, barrierefrei
		FROM kursort WHERE kennung = ?`, kennung,
	).Scan(&k.Kennung, &k.Traegernummer, &k.Bezeichnung, &k.Strasse, &k.Postleitzahl, &k.Ort, &k.Bundesland, &k.Barrierefrei)
	if err != nil {
		return Kursort{}, lookupError("Kursort", kennung, err)
	}
	return k, nil
}

// Lehrkraft returns the Lehrkraft with the given Kennung (Zulassungsnummer).
func (tx *Tx) Lehrkraft(ctx context.Context, kennung string) (Lehrkraft, error) {
	return stammKopie(tx, stammSchluessel{"lehrkraft", kennung}, func() (Lehrkraft, error) { return tx.queryLehrkraft(ctx, kennung) })
}

func (tx *Tx) queryLehrkraft(ctx context.Context, kennung string) (Lehrkraft, error) {
	var (
		l                        Lehrkraft
		geburtsdatum, zugelassen string
	)
	err := tx.QueryRowContext(ctx, `
		SELECT kennung, familienname, vorname, geburtsdatum, coalesce(zugelassen_bis, '')
		FROM lehrkraft WHERE kennung = ?`, kennung,
	).Scan(&l.Kennung, &l.Familienname, &l.Vorname, &geburtsdatum, &zugelassen)
	if err != nil {
		return Lehrkraft{}, lookupError("Lehrkraft", kennung, err)
	}
	if l.Geburtsdatum, err = parseDate(geburtsdatum); err != nil {
		return Lehrkraft{}, fmt.Errorf("lehrkraft %q: %w", kennung, err)
	}
	if zugelassen != "" {
		if l.ZugelassenBis, err = parseDate(zugelassen); err != nil {
			return Lehrkraft{}, fmt.Errorf("lehrkraft %q: %w", kennung, err)
		}
	}
	return l, nil
}

// Lehrwerk returns the Lehrwerk with the given Kennung and the Kursarten it
// is approved for.
func (tx *Tx) Lehrwerk(ctx context.Context, kennung string) (Lehrwerk, error) {
	return stammKopie(tx, stammSchluessel{"lehrwerk", kennung}, func() (Lehrwerk, error) { return tx.queryLehrwerk(ctx, kennung) })
}

func (tx *Tx) queryLehrwerk(ctx context.Context, kennung string) (Lehrwerk, error) {
	var l Lehrwerk
	err := tx.QueryRowContext(ctx,
		`SELECT kennung, titel, verlag FROM lehrwerk WHERE kennung = ?`, kennung,
	).Scan(&l.Kennung, &l.Titel, &l.Verlag)
	if err != nil {
		return Lehrwerk{}, lookupError("Lehrwerk", kennung, err)
	}
	l.Kursarten, err = queryColumn[string](ctx, tx,
		`SELECT kursart FROM lehrwerk_kursart WHERE lehrwerk = ? ORDER BY kursart`, kennung)
	if err != nil {
		return Lehrwerk{}, fmt.Errorf("lehrwerk %q: kursarten: %w", kennung, err)
	}
	return l, nil
}

// FindPersons returns the persons identified by the Geburtsdatum and a
// Kennziffer of the given Art. Like BAMF, it matches only exactly: the same
// calendar date (of geburtsdatum in its own location) and the same Kennziffer,
// byte for byte. Since a Kennziffer names one person, the result holds at
// most one; an empty result is not an error.
func (tx *Tx) FindPersons(ctx context.Context, geburtsdatum time.Time, art inge.AktenzeichenArt, wert string) ([]Person, error) {
	found, err := tx.findErkannt(ctx, geburtsdatum, art, wert)
	if err != nil {
		return nil, err
	}
	var ps []Person
	for _, e := range found {
		p, err := tx.Person(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// findErkannt is FindPersons with only what the rules need of each person,
// in one statement.
// The persons found are taken from and kept in the store's copies of the
// Testdatenpaket (stammKopie).
func (tx *Tx) findErkannt(ctx context.Context, geburtsdatum time.Time, art inge.AktenzeichenArt, wert string) ([]erkannt, error) {
	key := erkanntSchluessel{formatDate(geburtsdatum), art, wert}
	return stammKopie(tx, stammSchluessel{"person", key}, func() ([]erkannt, error) { return tx.queryErkannt(ctx, key) })
}

// maxStammdaten bounds the copies of the Testdatenpaket a store keeps.
const maxStammdaten = 8192

// stammSchluessel names a copy of the Testdatenpaket: what was looked up
// (a table) and by what. The table fixes the type of the copy.
type stammSchluessel struct {
	tabelle    string
	schluessel any // comparable
}

// stammKopie returns what load reads of the Testdatenpaket by key: from
// the store's copies while the transaction sees the Testdatenpaket as they
// do (stammdatenKopie), else from the tables, and keeps what it read. The
// Testdatenpaket changes only when it is loaded, so the copies serve
// almost every lookup of the rules; what they hold is shared, and must not
// be changed.
func stammKopie[V any](tx *Tx, key stammSchluessel, load func() (V, error)) (V, error) {
	gen, kopie := tx.stammdatenKopie()
	if kopie {
		if v, ok := tx.s.stammdaten.getAt(gen, key); ok {
			return v.(V), nil
		}
	}
	v, err := load()
	if err == nil && kopie {
		tx.s.stammdaten.put(gen, key, v)
	}
	return v, err
}

// erkanntSchluessel is what a participant is identified by.
type erkanntSchluessel struct {
	geburtsdatum string // formatDate
	art          inge.AktenzeichenArt
	wert         string
}

func (tx *Tx) queryErkannt(ctx context.Context, key erkanntSchluessel) ([]erkannt, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT p.id, p.geschlecht FROM person p JOIN person_kennziffer k ON k.person_id = p.id
		WHERE k.art = ? AND k.wert = ? AND p.geburtsdatum = ?
		ORDER BY p.id`,
		string(key.art), key.wert, key.geburtsdatum)
	if err != nil {
		return nil, fmt.Errorf("find persons: %w", err)
	}
	var found []erkannt
	for rows.Next() {
		var e erkannt
		if err := rows.Scan(&e.ID, &e.Geschlecht); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find persons: %w", err)
		}
		found = append(found, e)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("find persons: %w", err)
	}
	return found, nil
}

// Person returns the person with the given ID.
func (tx *Tx) Person(ctx context.Context, id int64) (Person, error) {
	var (
		p            Person
		geburtsdatum string
	)
	err := tx.QueryRowContext(ctx, `
		SELECT id, familienname, vorname, coalesce(geburtsname, ''), geburtsdatum, geburtsort, geschlecht,
		       strasse, plz, ort, staat, bundesland, coalesce(testfall, '')
		FROM person WHERE id = ?`, id,
	).Scan(&p.ID, &p.Familienname, &p.Vorname, &p.Geburtsname, &geburtsdatum, &p.Geburtsort, &p.Geschlecht,
		&p.Anschrift.Strasse, &p.Anschrift.Postleitzahl, &p.Anschrift.Ort, &p.Anschrift.Staat, &p.Anschrift.Bundesland,
		&p.Testfall)
	if err != nil {
		return Person{}, lookupError("Person", fmt.Sprint(id), err)
	}
	if p.Geburtsdatum, err = parseDate(geburtsdatum); err != nil {
		return Person{}, fmt.Errorf("person %d: %w", id, err)
	}
	p.Staatsangehoerigkeit, err = queryColumn[string](ctx, tx,
		`SELECT code FROM person_staatsangehoerigkeit WHERE person_id = ? ORDER BY rang`, id)
	if err != nil {
		return Person{}, fmt.Errorf("person %d: staatsangehoerigkeit: %w", id, err)
	}

	rows, err := tx.QueryContext(ctx,
		`SELECT art, wert FROM person_kennziffer WHERE person_id = ? ORDER BY rowid`, id)
	if err != nil {
		return Person{}, fmt.Errorf("person %d: kennziffern: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k Kennziffer
		if err := rows.Scan(&k.Art, &k.Wert); err != nil {
			return Person{}, fmt.Errorf("person %d: kennziffern: %w", id, err)
		}
		p.Kennziffern = append(p.Kennziffern, k)
	}
	if err := rows.Err(); err != nil {
		return Person{}, fmt.Errorf("person %d: kennziffern: %w", id, err)
	}
	return p, nil
}

// Users returns all Benutzer, ordered by Traegernummer and name.
func (s *Store) Users(ctx context.Context) ([]Benutzer, error) {
	return view(ctx, s, func(tx *Tx) ([]Benutzer, error) { return tx.Users(ctx) })
}

// lookupError names what was looked up and turns sql.ErrNoRows into
// ErrNotFound.
func lookupError(what, key string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %q: %w", what, key, ErrNotFound)
	}
	return fmt.Errorf("%s %q: %w", what, key, err)
}

// queryColumn returns the single column of a query's rows.
func queryColumn[T any](ctx context.Context, tx *Tx, query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var vs []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, rows.Err()
}

// Dates are stored as yyyy-mm-dd; instants in a fixed-width UTC form that,
// unlike RFC 3339 with trimmed fractions, sorts chronologically as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatDate(t time.Time) string { return t.Format(time.DateOnly) }

func parseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) { return time.Parse(timeLayout, s) }

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	return errors.Join(err, rows.Close())
}

func formatDatum(t time.Time) string { return t.Format("02.01.2006") }

func datumText(d inge.Datum) string {
	t, err := d.Time()
	if err != nil {
		return string(d)
	}
	return formatDatum(t)
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
