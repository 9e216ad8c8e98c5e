// Package profil maps a contract profile onto our contract. A vendor who
// holds BAMF's interface documentation describes, as data in a directory,
// how BAMF's contract corresponds to ours: the WSDL and XSD to serve, the
// target namespace, each procedure's operation and SOAPAction, each of our
// element paths with its name and place in the profile (renamed, wrapped,
// unwrapped or dropped), the values of code lists and enumerations, and
// the codes and texts of Meldungen and Faults. Load checks a profile
// completely before anything uses it: every element path of our contract
// is mapped or explicitly dropped, every mapped name exists in the
// profile's XSD, and every value of our code lists has its counterpart;
// each gap is one line of a *Luecken.
//
// A profiled sandbox of mockinge checks a product's request strictly
// against the profile's XSD (with the strict check of package inge),
// maps it onto our contract (Eingang), applies it, and maps the answer
// back (Antwort, Fault), which it checks against the profile's XSD again.
// inge.Client speaks a profile through the same tables in the other
// direction (Dialekt). A profile maps names and values, not rules: the
// mock applies our rules to whatever the profile's names carry.
package profil

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// Profil is a loaded, complete contract profile. It is only read after
// Load, so many requests may use it at once.
type Profil struct {
	// Name identifies the profile in mockinge (-profil, the admin API's
	// "profil" of a sandbox) and in its URLs.
	Name string
	// Titel says in a line what the profile is, e.g. the version of
	// BAMF's documentation it follows.
	Titel string
	// Namespace is the target namespace of the profile's XSD.
	Namespace string
	// Verzeichnis is the directory it was loaded from.
	Verzeichnis string
	// Digest is the SHA-256 of the profile's files, hex, so that a client
	// and a mock can tell that they hold the same profile.
	Digest string

	wsdlName, xsdName string
	wsdl, xsd         []byte
	schema            *inge.Schema
	ours, theirs      *vertrag

	verfahren   map[string]*verfahren  // by our procedure's name
	operationen map[string]*verfahren  // by the local name of the profile's request element
	hin, her    *tabelle               // ours to the profile's, and back
	listen      map[string]*werteliste // the lists of values of ours, by ID
	// extra are the profile's elements without a counterpart in ours:
	// dropped on the way in, never in an answer.
	extra []string
	// ziele are the profile's paths that one of ours is mapped onto, and
	// huellen those the profile adds around ours (wrappers).
	ziele   map[string]*pfad
	huellen map[string]bool
}

// verfahren is a procedure as the profile names it.
type verfahren struct {
	proc      *inge.Procedure
	operation string // the WSDL operation
	action    string // its SOAPAction
	anfrage   string // local name of the request element
	antwort   string // local name of the response element
}

// nameRE is what a profile may name an element, attribute or operation:
// an XML name without a prefix.
var nameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// profilNameRE is what a profile may be called: it goes into URLs.
var profilNameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Load reads the profile in dir and checks it completely. A profile with
// gaps is a *Luecken listing every one; other errors (a file missing, an
// XSD the strict check cannot compile) come as they are.
func Load(dir string) (*Profil, error) {
	b, err := Pruefe(dir)
	if err != nil {
		return nil, err
	}
	if len(b.Luecken) > 0 {
		return nil, &Luecken{Verzeichnis: dir, Zeilen: b.Luecken}
	}
	return b.profil, nil
}

// Bericht is what Pruefe finds in a profile, complete or a draft.
type Bericht struct {
	// Luecken are the gap lines; none for a complete profile.
	Luecken []string
	// Entwurf are rows for elemente.tsv, one per path of ours that no row
	// maps, with the profile's element of the same name where the parent's
	// counterpart has one: a draft to complete.
	Entwurf []string
	// Extra are the profile's element paths without a counterpart in ours.
	Extra []string

	profil *Profil
}

// Pruefe reads and checks the profile in dir, as Load does, and reports
// its gaps rather than failing on them: a vendor completes a draft profile
// step by step with it (mockinge -profil-pruefen).
func Pruefe(dir string) (*Bericht, error) {
	return pruefe(os.DirFS(dir), dir)
}

// pruefe reads the profile in fsys; dir names it in messages.
func pruefe(fsys fs.FS, dir string) (*Bericht, error) {
	p := &Profil{Verzeichnis: dir, verfahren: map[string]*verfahren{}, operationen: map[string]*verfahren{}}
	files := map[string][]byte{}
	read := func(name string) ([]byte, error) {
		if name != path.Base(name) || name == "." || name == ".." {
			return nil, fmt.Errorf("Profil %s: %q ist kein Dateiname im Verzeichnis des Profils", dir, name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("Profil %s: %w", dir, err)
		}
		files[name] = b
		return b, nil
	}
	data, err := read(dateiProfil)
	if err != nil {
		return nil, err
	}
	rows, err := leseTSV(dateiProfil, data, "Schluessel", "Wert")
	if err != nil {
		return nil, fmt.Errorf("Profil %s: %w", dir, err)
	}
	l := &luecken{}
	kopf := map[string]string{}
	for _, z := range rows {
		k, v := z.felder[0], z.felder[1]
		switch k {
		case "Name", "Titel", "Namespace", "WSDL", "XSD":
		default:
			l.add("%s: unbekannter Schlüssel %q; bekannt sind Name, Titel, Namespace, WSDL, XSD", z.ort(dateiProfil), k)
			continue
		}
		if _, dup := kopf[k]; dup {
			l.add("%s: %s ist doppelt angegeben", z.ort(dateiProfil), k)
		}
		kopf[k] = v
	}
	for _, k := range []string{"Name", "Namespace", "WSDL", "XSD"} {
		if kopf[k] == "" {
			return nil, fmt.Errorf("Profil %s: %s: %s fehlt", dir, dateiProfil, k)
		}
	}
	p.Name, p.Titel, p.Namespace, p.wsdlName, p.xsdName = kopf["Name"], kopf["Titel"], kopf["Namespace"], kopf["WSDL"], kopf["XSD"]
	if !profilNameRE.MatchString(p.Name) {
		return nil, fmt.Errorf("Profil %s: %s: Name %q: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, höchstens 40", dir, dateiProfil, p.Name)
	}
	if p.Namespace == inge.Namespace {
		l.add("%s: Namespace %s ist der unseres Vertrags; ein Profil hat seinen eigenen", dateiProfil, p.Namespace)
	}
	if p.xsd, err = read(p.xsdName); err != nil {
		return nil, err
	}
	if p.wsdl, err = read(p.wsdlName); err != nil {
		return nil, err
	}
	if p.schema, err = inge.CompileSchema(p.xsd); err != nil {
		return nil, fmt.Errorf("Profil %s: %s: die strenge Prüfung kann das XSD nicht übernehmen: %w", dir, p.xsdName, err)
	}
	if ns := p.schema.Namespace(); ns != p.Namespace {
		l.add("%s: Namespace %s, aber das XSD %s hat den targetNamespace %s", dateiProfil, p.Namespace, p.xsdName, ns)
		p.Namespace = ns // the gap is said; the checks below go by the XSD
	}
	p.ours, p.theirs = pfadeVon(inge.ContractSchema()), pfadeVon(p.schema)

	tabellen := map[string][]zeile{}
	for _, f := range []struct {
		name    string
		spalten []string
	}{
		{dateiVerfahren, []string{"Verfahren", "Operation", "SOAPAction"}},
		{dateiElemente, []string{"Pfad", "Profil"}},
		{dateiWerte, []string{"Liste", "Wert", "Profil"}},
		{dateiMeldungen, []string{"Code", "Profil", "Text"}},
	} {
		data, err := read(f.name)
		if err != nil {
			return nil, err
		}
		if tabellen[f.name], err = leseTSV(f.name, data, f.spalten...); err != nil {
			return nil, fmt.Errorf("Profil %s: %w", dir, err)
		}
	}
	p.Digest = digest(files)

	b := &Bericht{profil: p}
	abb := p.elemente(tabellen[dateiElemente], l, b)
	werte := p.werte(tabellen[dateiWerte], abb, l)
	kat := p.meldungen(tabellen[dateiMeldungen], abb, l)
	p.verfahrenLesen(tabellen[dateiVerfahren], abb, l)
	p.pruefeWSDL(l)
	if len(l.zeilen) == 0 {
		p.hin, p.her = p.tabellen(abb, werte, kat)
		p.listen = werte
	}
	b.Luecken, b.Extra = l.zeilen, p.extra
	return b, nil
}

// digest hashes the files by name.
func digest(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(files[n]))
		h.Write(files[n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// verfahrenLesen reads verfahren.tsv: a row per procedure of ours, with
// its operation and SOAPAction in the profile, or "-" as the operation of
// a procedure the profile does not offer.
func (p *Profil) verfahrenLesen(rows []zeile, abb map[string]*abbildung, l *luecken) {
	ops := map[string]zeile{}
	for _, z := range rows {
		name, op, action := z.felder[0], z.felder[1], z.felder[2]
		proc, ok := inge.Lookup(xmlName(inge.Namespace, name))
		switch {
		case !ok:
			l.add("%s: %q ist keines unserer 17 Verfahren", z.ort(dateiVerfahren), name)
			continue
		case p.verfahren[name] != nil:
			l.add("%s: das Verfahren %s ist doppelt angegeben", z.ort(dateiVerfahren), name)
			continue
		}
		v := &verfahren{proc: proc, operation: op, action: action}
		p.verfahren[name] = v
		anfrage, antwort := abb[proc.Name], abb[proc.Name+"Response"]
		if op == "-" {
			if anfrage != nil && anfrage.art != entfaellt || antwort != nil && antwort.art != entfaellt {
				l.add("%s: %s ist im Profil nicht angeboten („-“), aber elemente.tsv bildet %s oder %sResponse ab", z.ort(dateiVerfahren), name, proc.Name, proc.Name)
			}
			continue
		}
		if !nameRE.MatchString(op) {
			l.add("%s: %q ist kein Name einer Operation", z.ort(dateiVerfahren), op)
			continue
		}
		if other, dup := ops[op]; dup {
			l.add("%s: die Operation %s ist schon %s zugeordnet (%s)", z.ort(dateiVerfahren), op, other.felder[0], other.ort(dateiVerfahren))
			continue
		}
		ops[op] = z
		switch {
		case anfrage == nil || antwort == nil:
			continue // the gap of the element is reported
		case anfrage.art != abgebildet || antwort.art != abgebildet:
			l.add("%s: %s wird als Operation %s angeboten, aber elemente.tsv lässt %s oder %sResponse weg", z.ort(dateiVerfahren), name, op, proc.Name, proc.Name)
			continue
		}
		v.anfrage, v.antwort = anfrage.ziel[0], antwort.ziel[0]
		p.operationen[v.anfrage] = v
	}
	for _, proc := range inge.Procedures() {
		if p.verfahren[proc.Name] == nil {
			l.add("%s: das Verfahren %s fehlt (Operation und SOAPAction im Profil, oder „-“, wenn das Profil es nicht anbietet)", dateiVerfahren, proc.Name)
		}
	}
}

// Verfahren returns our procedure whose request the profile's element
// name is.
func (p *Profil) Verfahren(name xml.Name) (*inge.Procedure, bool) {
	if name.Space != p.Namespace {
		return nil, false
	}
	v, ok := p.operationen[name.Local]
	if !ok {
		return nil, false
	}
	return v.proc, true
}

// Angeboten reports whether the profile offers the procedure.
func (p *Profil) Angeboten(proc *inge.Procedure) bool {
	v := p.verfahren[proc.Name]
	return v != nil && v.anfrage != ""
}

// SOAPAction is the procedure's SOAPAction in the profile.
func (p *Profil) SOAPAction(proc *inge.Procedure) string {
	if v := p.verfahren[proc.Name]; v != nil {
		return v.action
	}
	return ""
}

// Operation is the procedure's operation in the profile, "" if the
// profile does not offer it.
func (p *Profil) Operation(proc *inge.Procedure) string {
	if v := p.verfahren[proc.Name]; v != nil && v.anfrage != "" {
		return v.operation
	}
	return ""
}

// Anfragename is the name of the procedure's request element in the
// profile.
func (p *Profil) Anfragename(proc *inge.Procedure) xml.Name {
	if v := p.verfahren[proc.Name]; v != nil {
		return xmlName(p.Namespace, v.anfrage)
	}
	return xml.Name{}
}

// Schema is the profile's XSD, compiled for the strict check.
func (p *Profil) Schema() *inge.Schema { return p.schema }

// ErrNichtAngeboten is the error of a procedure the profile does not
// offer.
var ErrNichtAngeboten = errors.New("das Profil bietet das Verfahren nicht an")

func xmlName(space, local string) xml.Name { return xml.Name{Space: space, Local: local} }

func quoteList(names []string) string {
	if len(names) == 0 {
		return "keine"
	}
	return strings.Join(names, ", ")
}

// procedures lists our procedures in contract order.
func procedures() []*inge.Procedure { return inge.Procedures() }
