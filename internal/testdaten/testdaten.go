// Package testdaten reads the Testdatenpaket: the Traeger with their DeBeV
// users, the approved Lehrwerke, and one file per BAMF-style test case with its
// own Kursorte, Lehrkraefte and Personen. mockstate loads it into the mock;
// certrunner builds its requests from it.
package testdaten

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The Testdatenpaket is a directory of JSON files (see
// testdata/testdatenpaket/README.md):
//
//	traeger.json     the Traeger with their Benutzer
//	lehrwerke.json   the approved Lehrwerke with their Kursarten
//	faelle/<ID>.json one test case with its own Kursorte, Lehrkraefte, Personen
//
// The types below mirror the files one to one; their field names are the
// JSON keys.

type traegerDatei struct {
	Traeger []Traeger
}

type Traeger struct {
	Traegernummer       string
	Name                string
	Bundesland          string
	LidPruefstelle      bool
	Verwaltungsstandort string
	Lieferadresse       string
	Benutzer            []Benutzer
}

type Benutzer struct {
	Name     string
	Passwort string
}

type lehrwerkeDatei struct {
	Lehrwerke []Lehrwerk
}

type Lehrwerk struct {
	Kennung   string
	Titel     string
	Verlag    string
	Kursarten []string
}

type Fall struct {
	ID             string
	Titel          string
	Traegernummer  string
	Vorbedingungen string
	Kursorte       []Kursort
	Lehrkraefte    []Lehrkraft
	Personen       []Person
}

type Kursort struct {
	Kennung      string
	Bezeichnung  string
	Strasse      string
	Postleitzahl string
	Ort          string
	Bundesland   string
	Barrierefrei bool
}

type Lehrkraft struct {
	Kennung       string
	Familienname  string
	Vorname       string
	Geburtsdatum  string
	ZugelassenBis string
}

type Person struct {
	Familienname         string
	Vorname              string
	Geburtsname          string
	Geburtsdatum         string
	Geburtsort           string
	Geschlecht           string
	Staatsangehoerigkeit []string
	Anschrift            Anschrift
	Kennziffern          []Kennziffer

	// What BAMF knows beyond the identity: the preconditions a test case
	// sets up in the BAMF system (Q-TESTENV). All optional.
	FruehereNamen  []string
	Regionalstelle string
	// Berechtigungen are the entitlements and obligations to attend, each
	// from its issuing authority (BAMF-KT, Q-TNA, XA-TS).
	Berechtigungen []Berechtigung
	// Kursbesuche are courses attended before, e.g. at another provider
	// (its Traegernummer need not be in traeger.json).
	Kursbesuche []Kursbesuch
	// Anmeldungen are registrations with Traeger that already exist.
	Anmeldungen []Anmeldung
	// Dtz are results of the Deutsch-Test fuer Zuwanderer.
	Dtz []Dtz
}

// Berechtigung is an entitlement (Zulassungsart B), an obligation (V) or an
// admission for repetition (W) of a person.
type Berechtigung struct {
	Aktenzeichen          Kennziffer // BAMF's Aktenzeichen of the entitlement
	Zulassungsart         string     // code list ZULASSUNGSART
	Behoerde              Behoerde
	BehoerdenAktenzeichen string
	GueltigAb             string
	GueltigBis            string // Erstzulassung gueltig bis; "" if open
	Stornierungsdatum     string
	TnTyp                 string // code list 806
	KbTyp                 string // code list KBTYP
	GenehmigteStunden     int
	Merkmale              []string
}

// Behoerde is the authority that issued a Berechtigung.
type Behoerde struct {
	Art         string // an inge.AktenzeichenArt: ABH, BVA, TGS or BAMF
	Bezeichnung string
}

// Kursbesuch is a course a person attended.
type Kursbesuch struct {
	Traegernummer string
	Kurskennung   string
	Kursart       string // code list 802
	Von           string
	Bis           string
	Abschnitte    []BesuchterAbschnitt
}

// BesuchterAbschnitt is a section attended and the hours billed for it.
type BesuchterAbschnitt struct {
	Kursabschnitt       string // code list 803
	AbgerechneteStunden int
}

// Anmeldung is an existing registration of a person with a Traeger.
type Anmeldung struct {
	Traegernummer string
	Anmeldedatum  string
	Verfahren     string // "Erst" or "Wiederholer"
}

// Dtz is a result of the language test.
type Dtz struct {
	Pruefungsdatum string
	Ergebnis       string // code list DTZERGEBNIS
}

// Paket is a parsed and validated Testdatenpaket.
type Paket struct {
	Traeger   []Traeger
	Lehrwerke []Lehrwerk
	Faelle    []Fall // ordered by file name
}

// Read parses and validates the Testdatenpaket in fsys. The error lists every
// problem found.
func Read(fsys fs.FS) (*Paket, error) {
	p, err := readPaket(fsys)
	if err != nil {
		return nil, fmt.Errorf("testdatenpaket: %w", err)
	}
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("testdatenpaket: %w", err)
	}
	return p, nil
}

func readPaket(fsys fs.FS) (*Paket, error) {
	var (
		p     Paket
		td    traegerDatei
		ld    lehrwerkeDatei
		probs []error
	)
	probs = append(probs, decodeFile(fsys, "traeger.json", &td))
	probs = append(probs, decodeFile(fsys, "lehrwerke.json", &ld))
	p.Traeger, p.Lehrwerke = td.Traeger, ld.Lehrwerke

	names, err := fs.Glob(fsys, "faelle/*.json") // sorted
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		var f Fall
		if err := decodeFile(fsys, name, &f); err != nil {
			probs = append(probs, err)
			continue
		}
		if want := strings.TrimSuffix(path.Base(name), ".json"); f.ID != want {
			probs = append(probs, fmt.Errorf("%s: ID %q does not match the file name", name, f.ID))
		}
		p.Faelle = append(p.Faelle, f)
	}
	return &p, errors.Join(probs...)
}

// decodeFile decodes the JSON file name into v, strictly: unknown fields and
// anything after the top-level value are errors, so that a typo in a key is
// not silently dropped.
func decodeFile(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%s: data after the top-level value", name)
	}
	return nil
}

var plzRE = regexp.MustCompile(`^[0-9]{5}$`)

// validate checks what the database cannot check, or cannot explain well:
// unique keys across files, references to known Traeger, names as BAMF
// accepts them, dates, and codes of the contract's code lists. It reports
// all problems at once.
func (p *Paket) validate() error {
	v := &validator{
		bundesland:  map[string]string{},
		benutzer:    map[string]bool{},
		lehrwerke:   map[string]bool{},
		faelle:      map[string]bool{},
		kursorte:    map[string]bool{},
		lehrkraefte: map[string]bool{},
		kennziffern: map[Kennziffer]string{},
	}
	for i, t := range p.Traeger {
		v.validateTraeger(i, t)
	}
	for i, l := range p.Lehrwerke {
		v.validateLehrwerk(i, l)
	}
	for _, f := range p.Faelle {
		v.validateFall(f)
	}
	return errors.Join(v.probs...)
}

// validator collects the problems of a package and the keys seen so far,
// which must be unique across its files.
type validator struct {
	probs []error

	bundesland  map[string]string // Traegernummer -> Bundesland
	benutzer    map[string]bool
	lehrwerke   map[string]bool
	faelle      map[string]bool
	kursorte    map[string]bool
	lehrkraefte map[string]bool
	kennziffern map[Kennziffer]string // -> where it was first seen
}

func (v *validator) problem(where, format string, args ...any) {
	v.probs = append(v.probs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

func (v *validator) required(where, field, s string) {
	if strings.TrimSpace(s) == "" {
		v.problem(where, "%s is required", field)
	}
}

func (v *validator) date(where, field, s string, optional bool) {
	if s == "" && optional {
		return
	}
	if _, err := parseDate(s); err != nil {
		v.problem(where, "%s %q is not a date yyyy-mm-dd", field, s)
	}
}

func (v *validator) name(where, field, s string, optional bool) {
	if s == "" && optional {
		return
	}
	if !inge.ValidName(s) {
		v.problem(where, "%s %q: BAMF accepts no digits or special characters in names", field, s)
	}
}

// code checks that s is a key of code list list.
func (v *validator) code(where, field, list, s string, optional bool) {
	if s == "" && optional {
		return
	}
	if !inCodeliste(list, s) {
		v.problem(where, "%s %q is not in code list %s", field, s, list)
	}
}

// codes checks a list of at least one key of code list list, each once.
func (v *validator) codes(where, field string, vs []string, list string) {
	if len(vs) == 0 {
		v.problem(where, "%s: at least one is required", field)
	}
	seen := map[string]bool{}
	for _, s := range vs {
		v.code(where, field, list, s, false)
		if seen[s] {
			v.problem(where, "%s %q is named twice", field, s)
		}
		seen[s] = true
	}
}

// unique reports key as used twice if seen has it, and records it.
func (v *validator) unique(where, field, key string, seen map[string]bool) {
	if seen[key] {
		v.problem(where, "%s %q is used twice", field, key)
	}
	seen[key] = true
}

func (v *validator) validateTraeger(i int, t Traeger) {
	where := fmt.Sprintf("traeger.json: Traeger[%d] %s", i, t.Traegernummer)
	v.required(where, "Traegernummer", t.Traegernummer)
	v.required(where, "Name", t.Name)
	v.required(where, "Verwaltungsstandort", t.Verwaltungsstandort)
	if _, dup := v.bundesland[t.Traegernummer]; dup {
		v.problem(where, "Traegernummer %q is used twice", t.Traegernummer)
	}
	v.bundesland[t.Traegernummer] = t.Bundesland
	v.code(where, "Bundesland", "010", t.Bundesland, false)
	for j, b := range t.Benutzer {
		where := fmt.Sprintf("%s: Benutzer[%d] %s", where, j, b.Name)
		v.required(where, "Name", b.Name)
		v.required(where, "Passwort", b.Passwort)
		v.unique(where, "Benutzer", b.Name, v.benutzer)
	}
}

func (v *validator) validateLehrwerk(i int, l Lehrwerk) {
	where := fmt.Sprintf("lehrwerke.json: Lehrwerke[%d] %s", i, l.Kennung)
	v.required(where, "Kennung", l.Kennung)
	v.required(where, "Titel", l.Titel)
	v.required(where, "Verlag", l.Verlag)
	v.unique(where, "Kennung", l.Kennung, v.lehrwerke)
	v.codes(where, "Kursart", l.Kursarten, "802")
}

func (v *validator) validateFall(f Fall) {
	file := "faelle/" + f.ID + ".json"
	v.required(file, "ID", f.ID)
	v.required(file, "Titel", f.Titel)
	v.required(file, "Traegernummer", f.Traegernummer)
	v.required(file, "Vorbedingungen", f.Vorbedingungen)
	v.unique(file, "ID", f.ID, v.faelle)
	land, known := v.bundesland[f.Traegernummer]
	if !known {
		v.problem(file, "Traegernummer %q is not in traeger.json", f.Traegernummer)
	}
	for i, k := range f.Kursorte {
		where := fmt.Sprintf("%s: Kursorte[%d] %s", file, i, k.Kennung)
		v.validateKursort(where, k)
		// A Traegernummer is issued per Bundesland, so its Kursorte lie there.
		if known && k.Bundesland != land {
			v.problem(where, "Bundesland %q differs from the Bundesland %q of Traeger %s", k.Bundesland, land, f.Traegernummer)
		}
	}
	for i, l := range f.Lehrkraefte {
		v.validateLehrkraft(fmt.Sprintf("%s: Lehrkraefte[%d] %s", file, i, l.Kennung), l)
	}
	for i, pe := range f.Personen {
		v.validatePerson(fmt.Sprintf("%s: Personen[%d] %s, %s", file, i, pe.Familienname, pe.Vorname), pe)
	}
}

func (v *validator) validateKursort(where string, k Kursort) {
	v.required(where, "Kennung", k.Kennung)
	v.required(where, "Bezeichnung", k.Bezeichnung)
	v.required(where, "Strasse", k.Strasse)
	v.required(where, "Ort", k.Ort)
	v.unique(where, "Kennung", k.Kennung, v.kursorte)
	if !plzRE.MatchString(k.Postleitzahl) {
		v.problem(where, "Postleitzahl %q is not five digits", k.Postleitzahl)
	}
}

func (v *validator) validateLehrkraft(where string, l Lehrkraft) {
	v.required(where, "Kennung", l.Kennung)
	v.unique(where, "Kennung", l.Kennung, v.lehrkraefte)
	v.name(where, "Familienname", l.Familienname, false)
	v.name(where, "Vorname", l.Vorname, false)
	v.date(where, "Geburtsdatum", l.Geburtsdatum, false)
	v.date(where, "ZugelassenBis", l.ZugelassenBis, true)
}

func (v *validator) validatePerson(where string, pe Person) {
	v.name(where, "Familienname", pe.Familienname, false)
	v.name(where, "Vorname", pe.Vorname, true) // a person with one name has it as Familienname (ITM 10.3.9)
	v.name(where, "Geburtsname", pe.Geburtsname, true)
	v.date(where, "Geburtsdatum", pe.Geburtsdatum, false)
	v.required(where, "Geburtsort", pe.Geburtsort)
	v.code(where, "Geschlecht", "005", pe.Geschlecht, false)
	v.required(where, "Anschrift.Strasse", pe.Anschrift.Strasse)
	v.required(where, "Anschrift.Ort", pe.Anschrift.Ort)
	v.codes(where, "Staatsangehoerigkeit", pe.Staatsangehoerigkeit, "STAAT")
	if !plzRE.MatchString(pe.Anschrift.Postleitzahl) {
		v.problem(where, "Anschrift.Postleitzahl %q is not five digits", pe.Anschrift.Postleitzahl)
	}
	if !inCodeliste("STAAT", pe.Anschrift.Staat) {
		v.problem(where, "Anschrift.Staat %q is not a Destatis code", pe.Anschrift.Staat)
	}
	v.code(where, "Anschrift.Bundesland", "010", pe.Anschrift.Bundesland, false)
	// Every message names a person by Geburtsdatum and a Kennziffer;
	// without one the person could never be found.
	if len(pe.Kennziffern) == 0 {
		v.problem(where, "at least one Kennziffer is required")
	}
	for _, k := range pe.Kennziffern {
		if !validArt(k.Art) {
			v.problem(where, "Kennziffer Art %q is not one of %s", k.Art, artenText())
		}
		if strings.TrimSpace(k.Wert) == "" {
			v.problem(where, "Kennziffer %s: Wert is required", k.Art)
		}
		if first, dup := v.kennziffern[k]; dup {
			v.problem(where, "Kennziffer %s %q is already used by %s", k.Art, k.Wert, first)
		} else {
			v.kennziffern[k] = where
		}
	}
	v.validatePersonHistory(where, pe)
}

// validatePersonHistory checks the optional preconditions of a person.
func (v *validator) validatePersonHistory(where string, pe Person) {
	for i, b := range pe.Berechtigungen {
		w := fmt.Sprintf("%s: Berechtigungen[%d]", where, i)
		if !validArt(b.Aktenzeichen.Art) || b.Aktenzeichen.Wert == "" {
			v.problem(w, "Aktenzeichen needs an Art of %s and a Wert", artenText())
		}
		v.code(where, "Zulassungsart", "ZULASSUNGSART", b.Zulassungsart, false)
		if !validArt(b.Behoerde.Art) || b.Behoerde.Bezeichnung == "" {
			v.problem(w, "Behoerde needs an Art and a Bezeichnung")
		}
		v.date(w, "GueltigAb", b.GueltigAb, false)
		v.date(w, "GueltigBis", b.GueltigBis, true)
		v.date(w, "Stornierungsdatum", b.Stornierungsdatum, true)
		v.code(where, "TnTyp", "806", b.TnTyp, true)
		v.code(where, "KbTyp", "KBTYP", b.KbTyp, true)
		if b.GenehmigteStunden < 0 {
			v.problem(w, "GenehmigteStunden must not be negative")
		}
	}
	for i, k := range pe.Kursbesuche {
		w := fmt.Sprintf("%s: Kursbesuche[%d]", where, i)
		if k.Traegernummer == "" {
			v.problem(w, "Traegernummer is required")
		}
		v.code(where, "Kursart", "802", k.Kursart, false)
		v.date(w, "Von", k.Von, false)
		v.date(w, "Bis", k.Bis, true)
		for _, a := range k.Abschnitte {
			v.code(where, "Kursabschnitt", "803", a.Kursabschnitt, false)
		}
	}
	for i, a := range pe.Anmeldungen {
		w := fmt.Sprintf("%s: Anmeldungen[%d]", where, i)
		if _, ok := v.bundesland[a.Traegernummer]; !ok {
			v.problem(w, "Traegernummer %q is not in traeger.json", a.Traegernummer)
		}
		v.date(w, "Anmeldedatum", a.Anmeldedatum, false)
		if a.Verfahren != "Erst" && a.Verfahren != "Wiederholer" {
			v.problem(w, "Verfahren %q is neither Erst nor Wiederholer", a.Verfahren)
		}
	}
	for i, d := range pe.Dtz {
		w := fmt.Sprintf("%s: Dtz[%d]", where, i)
		v.date(w, "Pruefungsdatum", d.Pruefungsdatum, false)
		v.code(where, "Ergebnis", "DTZERGEBNIS", d.Ergebnis, false)
	}
}

// aktenzeichenArten are the Arten of a Kennziffer, of the Aktenzeichen of a
// Berechtigung and of the Behoerde that issued it: those of the contract.
func aktenzeichenArten() []inge.AktenzeichenArt {
	return []inge.AktenzeichenArt{inge.AktenzeichenBAMF, inge.AktenzeichenABH, inge.AktenzeichenBVA, inge.AktenzeichenTGS, inge.AktenzeichenWiederholer}
}

func validArt(art string) bool {
	return slices.Contains(aktenzeichenArten(), inge.AktenzeichenArt(art))
}

// artenText lists the Arten for a problem: "BAMF, ABH, BVA, TGS, WIED".
func artenText() string {
	var s []string
	for _, a := range aktenzeichenArten() {
		s = append(s, string(a))
	}
	return strings.Join(s, ", ")
}

// Anschrift is a person's address.
type Anschrift struct {
	Strasse      string // including Hausnummer
	Postleitzahl string
	Ort          string
	Staat        string // Destatis code; "000" is Deutschland
	Bundesland   string // Laenderschluessel 01..16
}

// Kennziffer is an Aktenzeichen of a person. Art is written as in the JSON
// file; Read accepts only the values of inge.AktenzeichenArt (BAMF, ABH,
// BVA, TGS, WIED).
type Kennziffer struct {
	Art  string
	Wert string
}

// Ident identifies the person as a Traeger does in a message: by
// Geburtsdatum and the BAMF Personenkennziffer, or the first Kennziffer if
// the person has none. A validated person has at least one.
func (p Person) Ident() *inge.TeilnehmerIdent {
	k := p.Kennziffern[0]
	for _, x := range p.Kennziffern {
		if x.Art == string(inge.AktenzeichenBAMF) {
			k = x
			break
		}
	}
	return p.IdentMit(k)
}

// IdentDerArt identifies the person by its Kennziffer of the Art, or as
// Ident does if art is empty.
func (p Person) IdentDerArt(art string) (*inge.TeilnehmerIdent, error) {
	if art == "" {
		return p.Ident(), nil
	}
	for _, k := range p.Kennziffern {
		if k.Art == art {
			return p.IdentMit(k), nil
		}
	}
	return nil, fmt.Errorf("%s, %s hat keine Kennziffer der Art %s", p.Familienname, p.Vorname, art)
}

// IdentMit identifies the person by its Geburtsdatum and the Kennziffer k.
func (p Person) IdentMit(k Kennziffer) *inge.TeilnehmerIdent {
	return &inge.TeilnehmerIdent{
		Geburtsdatum: inge.Datum(p.Geburtsdatum),
		Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenArt(k.Art), Wert: k.Wert},
	}
}

// Fall returns the test case with the given ID.
func (p *Paket) Fall(id string) (*Fall, bool) {
	for i := range p.Faelle {
		if p.Faelle[i].ID == id {
			return &p.Faelle[i], true
		}
	}
	return nil, false
}

// TraegerByNummer returns the Traeger with the given number.
func (p *Paket) TraegerByNummer(nr string) (*Traeger, bool) {
	for i := range p.Traeger {
		if p.Traeger[i].Traegernummer == nr {
			return &p.Traeger[i], true
		}
	}
	return nil, false
}

// inCodeliste reports whether v is a key of the embedded code list id: the
// Testdatenpaket speaks the contract's codes.
func inCodeliste(id, v string) bool {
	l, ok := inge.CodelisteByID(id)
	return ok && l.Contains(v)
}

func parseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }
