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
	Art         string // ABH, BVA, TGS or BAMF (as inge.AktenzeichenArt)
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

var (
	bundeslandRE = regexp.MustCompile(`^(0[1-9]|1[0-6])$`)
	plzRE        = regexp.MustCompile(`^[0-9]{5}$`)
)

var kennzifferArten = map[string]bool{"BAMF": true, "ABH": true, "BVA": true, "TGS": true, "WIED": true}

// validate checks what the database cannot check, or cannot explain well:
// unique keys across files, references to known Traeger, names as BAMF
// accepts them, dates, and code formats. It reports all problems at once.
func (p *Paket) validate() error {
	var probs []error
	problem := func(where, format string, args ...any) {
		probs = append(probs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
	}
	required := func(where, field, v string) {
		if strings.TrimSpace(v) == "" {
			problem(where, "%s is required", field)
		}
	}
	date := func(where, field, v string, optional bool) {
		if v == "" && optional {
			return
		}
		if _, err := parseDate(v); err != nil {
			problem(where, "%s %q is not a date yyyy-mm-dd", field, v)
		}
	}
	name := func(where, field, v string, optional bool) {
		if v == "" && optional {
			return
		}
		if !inge.ValidName(v) {
			problem(where, "%s %q: BAMF accepts no digits or special characters in names", field, v)
		}
	}
	codes := func(where, field string, vs []string, list string) {
		if len(vs) == 0 {
			problem(where, "%s: at least one is required", field)
		}
		seen := map[string]bool{}
		for _, v := range vs {
			if !inCodeliste(list, v) {
				problem(where, "%s %q is not in code list %s", field, v, list)
			}
			if seen[v] {
				problem(where, "%s %q is named twice", field, v)
			}
			seen[v] = true
		}
	}

	bundesland := map[string]string{} // Traegernummer -> Bundesland
	benutzer := map[string]bool{}
	for i, t := range p.Traeger {
		where := fmt.Sprintf("traeger.json: Traeger[%d] %s", i, t.Traegernummer)
		required(where, "Traegernummer", t.Traegernummer)
		required(where, "Name", t.Name)
		required(where, "Verwaltungsstandort", t.Verwaltungsstandort)
		if _, dup := bundesland[t.Traegernummer]; dup {
			problem(where, "Traegernummer %q is used twice", t.Traegernummer)
		}
		bundesland[t.Traegernummer] = t.Bundesland
		if !bundeslandRE.MatchString(t.Bundesland) {
			problem(where, "Bundesland %q is not 01..16", t.Bundesland)
		}
		for j, b := range t.Benutzer {
			where := fmt.Sprintf("%s: Benutzer[%d] %s", where, j, b.Name)
			required(where, "Name", b.Name)
			required(where, "Passwort", b.Passwort)
			if benutzer[b.Name] {
				problem(where, "Benutzer %q is used twice", b.Name)
			}
			benutzer[b.Name] = true
		}
	}

	lehrwerke := map[string]bool{}
	for i, l := range p.Lehrwerke {
		where := fmt.Sprintf("lehrwerke.json: Lehrwerke[%d] %s", i, l.Kennung)
		required(where, "Kennung", l.Kennung)
		required(where, "Titel", l.Titel)
		required(where, "Verlag", l.Verlag)
		if lehrwerke[l.Kennung] {
			problem(where, "Kennung %q is used twice", l.Kennung)
		}
		lehrwerke[l.Kennung] = true
		codes(where, "Kursart", l.Kursarten, "802")
	}

	var (
		faelle      = map[string]bool{}
		kursorte    = map[string]bool{}
		lehrkraefte = map[string]bool{}
		kennziffern = map[Kennziffer]string{} // -> where it was first seen
	)
	for _, f := range p.Faelle {
		file := "faelle/" + f.ID + ".json"
		required(file, "ID", f.ID)
		required(file, "Titel", f.Titel)
		required(file, "Traegernummer", f.Traegernummer)
		required(file, "Vorbedingungen", f.Vorbedingungen)
		if faelle[f.ID] {
			problem(file, "ID %q is used twice", f.ID)
		}
		faelle[f.ID] = true
		land, known := bundesland[f.Traegernummer]
		if !known {
			problem(file, "Traegernummer %q is not in traeger.json", f.Traegernummer)
		}

		for i, k := range f.Kursorte {
			where := fmt.Sprintf("%s: Kursorte[%d] %s", file, i, k.Kennung)
			required(where, "Kennung", k.Kennung)
			required(where, "Bezeichnung", k.Bezeichnung)
			required(where, "Strasse", k.Strasse)
			required(where, "Ort", k.Ort)
			if kursorte[k.Kennung] {
				problem(where, "Kennung %q is used twice", k.Kennung)
			}
			kursorte[k.Kennung] = true
			if !plzRE.MatchString(k.Postleitzahl) {
				problem(where, "Postleitzahl %q is not five digits", k.Postleitzahl)
			}
			// A Traegernummer is issued per Bundesland, so its Kursorte lie there.
			if known && k.Bundesland != land {
				problem(where, "Bundesland %q differs from the Bundesland %q of Traeger %s", k.Bundesland, land, f.Traegernummer)
			}
		}

		for i, l := range f.Lehrkraefte {
			where := fmt.Sprintf("%s: Lehrkraefte[%d] %s", file, i, l.Kennung)
			required(where, "Kennung", l.Kennung)
			if lehrkraefte[l.Kennung] {
				problem(where, "Kennung %q is used twice", l.Kennung)
			}
			lehrkraefte[l.Kennung] = true
			name(where, "Familienname", l.Familienname, false)
			name(where, "Vorname", l.Vorname, false)
			date(where, "Geburtsdatum", l.Geburtsdatum, false)
			date(where, "ZugelassenBis", l.ZugelassenBis, true)
		}

		for i, pe := range f.Personen {
			where := fmt.Sprintf("%s: Personen[%d] %s, %s", file, i, pe.Familienname, pe.Vorname)
			name(where, "Familienname", pe.Familienname, false)
			name(where, "Vorname", pe.Vorname, false)
			name(where, "Geburtsname", pe.Geburtsname, true)
			date(where, "Geburtsdatum", pe.Geburtsdatum, false)
			required(where, "Geburtsort", pe.Geburtsort)
			if !inCodeliste("005", pe.Geschlecht) {
				problem(where, "Geschlecht %q is not in code list 005", pe.Geschlecht)
			}
			required(where, "Anschrift.Strasse", pe.Anschrift.Strasse)
			required(where, "Anschrift.Ort", pe.Anschrift.Ort)
			codes(where, "Staatsangehoerigkeit", pe.Staatsangehoerigkeit, "STAAT")
			if !plzRE.MatchString(pe.Anschrift.Postleitzahl) {
				problem(where, "Anschrift.Postleitzahl %q is not five digits", pe.Anschrift.Postleitzahl)
			}
			if !inCodeliste("STAAT", pe.Anschrift.Staat) {
				problem(where, "Anschrift.Staat %q is not a Destatis code", pe.Anschrift.Staat)
			}
			if !bundeslandRE.MatchString(pe.Anschrift.Bundesland) {
				problem(where, "Anschrift.Bundesland %q is not 01..16", pe.Anschrift.Bundesland)
			}
			// Every message names a person by Geburtsdatum and a Kennziffer;
			// without one the person could never be found.
			if len(pe.Kennziffern) == 0 {
				problem(where, "at least one Kennziffer is required")
			}
			for _, k := range pe.Kennziffern {
				if !kennzifferArten[k.Art] {
					problem(where, "Kennziffer Art %q is not one of BAMF, ABH, BVA, TGS, WIED", k.Art)
				}
				if strings.TrimSpace(k.Wert) == "" {
					problem(where, "Kennziffer %s: Wert is required", k.Art)
				}
				if first, dup := kennziffern[k]; dup {
					problem(where, "Kennziffer %s %q is already used by %s", k.Art, k.Wert, first)
				} else {
					kennziffern[k] = where
				}
			}
			validatePersonHistory(pe, where, problem, date, bundesland)
		}
	}
	return errors.Join(probs...)
}

// validatePersonHistory checks the optional preconditions of a person.
func validatePersonHistory(pe Person, where string, problem func(where, format string, args ...any),
	date func(where, field, v string, optional bool), traeger map[string]string) {
	code := func(field, list, v string, optional bool) {
		if v == "" && optional {
			return
		}
		if !inCodeliste(list, v) {
			problem(where, "%s %q is not in code list %s", field, v, list)
		}
	}
	for i, b := range pe.Berechtigungen {
		w := fmt.Sprintf("%s: Berechtigungen[%d]", where, i)
		if !kennzifferArten[b.Aktenzeichen.Art] || b.Aktenzeichen.Wert == "" {
			problem(w, "Aktenzeichen needs an Art of BAMF, ABH, BVA, TGS, WIED and a Wert")
		}
		code("Zulassungsart", "ZULASSUNGSART", b.Zulassungsart, false)
		if !kennzifferArten[b.Behoerde.Art] || b.Behoerde.Bezeichnung == "" {
			problem(w, "Behoerde needs an Art and a Bezeichnung")
		}
		date(w, "GueltigAb", b.GueltigAb, false)
		date(w, "GueltigBis", b.GueltigBis, true)
		date(w, "Stornierungsdatum", b.Stornierungsdatum, true)
		code("TnTyp", "806", b.TnTyp, true)
		code("KbTyp", "KBTYP", b.KbTyp, true)
		if b.GenehmigteStunden < 0 {
			problem(w, "GenehmigteStunden must not be negative")
		}
	}
	for i, k := range pe.Kursbesuche {
		w := fmt.Sprintf("%s: Kursbesuche[%d]", where, i)
		if k.Traegernummer == "" {
			problem(w, "Traegernummer is required")
		}
		code("Kursart", "802", k.Kursart, false)
		date(w, "Von", k.Von, false)
		date(w, "Bis", k.Bis, true)
		for _, a := range k.Abschnitte {
			code("Kursabschnitt", "803", a.Kursabschnitt, false)
		}
	}
	for i, a := range pe.Anmeldungen {
		w := fmt.Sprintf("%s: Anmeldungen[%d]", where, i)
		if _, ok := traeger[a.Traegernummer]; !ok {
			problem(w, "Traegernummer %q is not in traeger.json", a.Traegernummer)
		}
		date(w, "Anmeldedatum", a.Anmeldedatum, false)
		if a.Verfahren != "Erst" && a.Verfahren != "Wiederholer" {
			problem(w, "Verfahren %q is neither Erst nor Wiederholer", a.Verfahren)
		}
	}
	for i, d := range pe.Dtz {
		w := fmt.Sprintf("%s: Dtz[%d]", where, i)
		date(w, "Pruefungsdatum", d.Pruefungsdatum, false)
		code("Ergebnis", "DTZERGEBNIS", d.Ergebnis, false)
	}
}

// Anschrift is a person's address.
type Anschrift struct {
	Strasse      string // including Hausnummer
	Postleitzahl string
	Ort          string
	Staat        string // Destatis code; "000" is Deutschland
	Bundesland   string // Laenderschluessel 01..16
}

// Kennziffer is an Aktenzeichen of a person: Art is BAMF, ABH, BVA, TGS or
// WIED (as inge.AktenzeichenArt).
type Kennziffer struct {
	Art  string
	Wert string
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
