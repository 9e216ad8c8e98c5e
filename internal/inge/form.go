package inge

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// Feld is one element or attribute of a request as the contract declares
// it: a read-only view of the compiled XSD, from which the console
// generates its Web-Maske, so that a form can never disagree with the
// schema the strict check applies.
type Feld struct {
	// Name is the element's local name, or "@Art" for an attribute.
	Name string
	// Label is the German label of the field (beschriftungen.tsv, else
	// the name itself).
	Label string
	// Min and Max are the occurrences the XSD allows; Max is -1 for
	// unbounded. An attribute has Max 1 and Min 1 if it is required.
	Min, Max int
	// Pflicht is m:pflicht: the field is mandatory in business terms and
	// missing is a Meldung (M1001) rather than a schema breach.
	Pflicht bool
	// Codeliste is m:codeliste, the ID of the code list its value comes
	// from (see CodelisteByID), or "".
	Codeliste string
	// Doku is the xs:documentation of the element, else of its type.
	Doku string
	// Typ is the type of the field's value; nil for an element with
	// element content only.
	Typ *Wertetyp
	// Auswahl says that Felder are alternatives (xs:choice): exactly one
	// of them is sent.
	Auswahl bool
	// Felder are the attributes, then the child elements in the order of
	// the XSD.
	Felder []Feld
}

// Attribut reports whether the field is an attribute.
func (f Feld) Attribut() bool { return strings.HasPrefix(f.Name, "@") }

// Wiederholbar reports whether the element may occur more than once; its
// field paths then carry the occurrence, Teilnehmer[2].
func (f Feld) Wiederholbar() bool { return f.Max != 1 }

// Wertetyp is the simple type of a value with its facets.
type Wertetyp struct {
	// Name is the type's name in the XSD, "Kennung", or "xs:date" for a
	// built-in.
	Name string
	// Basis is the built-in it derives from: xs:string, xs:boolean,
	// xs:int, xs:date or xs:gYear.
	Basis string
	// Werte is the enumeration, if any.
	Werte []string
	// Muster is the pattern as the XSD writes it, or "".
	Muster string
	// MinLaenge and MaxLaenge are -1 where the type sets none.
	MinLaenge, MaxLaenge int
	// Min and Max bound an xs:int, or are nil.
	Min, Max *int64
	// Doku is the xs:documentation of the type.
	Doku string

	st *simpleType
}

// Problem returns why v is no value of the type, in German, or "" when it
// is one: its lexical form and every facet, as the strict check applies
// them.
func (t *Wertetyp) Problem(v string) string {
	if t.st == nil {
		return ""
	}
	return t.st.problem(v)
}

// Felder returns the fields of the procedure's request element, the
// shared ones (Mandant, Rollback, Asynchron) first. Each call returns a new
// tree, which the caller may change.
func (p *Procedure) Felder() []Feld {
	root, ok := defaultSchema().roots[p.Name]
	if !ok || root.complex == nil {
		return nil // every procedure has its element: the package tests see to it
	}
	return felderOf(root.complex)
}

func felderOf(ct *complexType) []Feld {
	out := make([]Feld, 0, len(ct.attrs)+len(ct.elems))
	for _, a := range ct.attrs {
		f := Feld{Name: "@" + a.name, Label: beschriftung("@" + a.name), Max: 1, Typ: wertetypOf(a.typ), Doku: a.typ.doc}
		if a.required {
			f.Min = 1
		}
		out = append(out, f)
	}
	for _, d := range ct.elems {
		out = append(out, feldOf(d))
	}
	return out
}

func feldOf(d *elemDecl) Feld {
	f := Feld{Name: d.name, Label: beschriftung(d.name), Min: d.min, Max: d.max, Pflicht: d.pflicht, Codeliste: d.codeliste, Doku: d.doc}
	switch {
	case d.simple != nil:
		f.Typ = wertetypOf(d.simple)
		if f.Doku == "" {
			f.Doku = d.simple.doc
		}
	default:
		if f.Doku == "" {
			f.Doku = d.complex.doc
		}
		if d.complex.text != nil {
			f.Typ = wertetypOf(d.complex.text)
			if f.Doku == "" {
				f.Doku = d.complex.text.doc
			}
		}
		f.Auswahl = d.complex.choice
		f.Felder = felderOf(d.complex)
	}
	return f
}

func wertetypOf(st *simpleType) *Wertetyp {
	t := &Wertetyp{
		Name: st.name, Werte: append([]string(nil), st.enum...), Muster: st.patternSrc,
		MinLaenge: st.minLength, MaxLaenge: st.maxLength, Min: st.minI, Max: st.maxI, Doku: st.doc, st: st,
	}
	for name, b := range builtins {
		if b == st.builtin {
			t.Basis = name
		}
	}
	return t
}

// beschriftungenTSV holds the German labels of the element names that are
// more than their name: umlauts (the XSD writes names in ASCII) and
// compounds of several words.
//
//go:embed beschriftungen.tsv
var beschriftungenTSV []byte

var beschriftungen = sync.OnceValue(func() map[string]string {
	rows, _, err := readTSV(beschriftungenTSV, 2)
	if err != nil {
		panic(fmt.Sprintf("beschriftungen.tsv: %v", err)) // caught by the package tests
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r.fields[0]] = r.fields[1]
	}
	return m
})

// beschriftung returns the German label of an element name or an
// attribute's "@name": from the table, else the name with its camel-case
// words apart ("FooBar" -> "Foo Bar").
func beschriftung(name string) string {
	if l, ok := beschriftungen()[name]; ok {
		return l
	}
	name = strings.TrimPrefix(name, "@")
	var b strings.Builder
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
