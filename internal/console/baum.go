package console

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// knoten is a field of the Web-Maske as the page renders it.
type knoten struct {
	Art     string // wert, gruppe, liste, auswahl
	Label   string
	Pfad    string // the field path, the input's name
	ID      string
	Hilfe   string
	Pflicht bool
	Index   int    // the occurrence in a list, 0 outside one
	Entf    string // the action that removes this occurrence, "" if it cannot go

	// A value.
	Eingabe   string // text, date, time, number, checkbox, select
	Wert      string
	Optionen  []option
	MaxLaenge int
	Min, Max  string
	Liste     string    // the id of a datalist of known values
	Attribute []*knoten // the attributes of an element with simple content
	Personen  bool      // a group a person of the Testdatenpaket can fill
	Meldungen []*markierung

	// A group, list or choice.
	Kinder     []*knoten
	Anzahl     int    // a list: its occurrences
	AnzahlName string // a list: the hidden input that keeps them
	Hinzu      string // a list: the action that adds one, "" at its maximum
	WahlName   string // a choice: the radio buttons' name
	Gewaehlt   string // a choice: the chosen alternative
}

type option struct {
	Wert, Text string
	Gewaehlt   bool
}

// Markiert reports whether a Meldung is attached to the field.
func (k *knoten) Markiert() bool { return len(k.Meldungen) > 0 }

// Beschreibung lists the ids that describe an input: its help text and
// its Meldungen.
func (k *knoten) Beschreibung() string {
	var ids []string
	if k.Hilfe != "" {
		ids = append(ids, k.ID+"-hilfe")
	}
	for _, m := range k.Meldungen {
		ids = append(ids, k.ID+"-"+m.ID)
	}
	return strings.Join(ids, " ")
}

// baumBauer builds the rendered tree of a form.
type baumBauer struct {
	fm    *formular
	marks map[string][]*markierung
}

// feldID makes an element id of a field path.
func feldID(path string) string {
	var b strings.Builder
	b.WriteString("f")
	for _, r := range path {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '@':
			b.WriteString("-at-")
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// mark attaches the Meldungen of path to k.
func (b *baumBauer) mark(k *knoten, path string) {
	for _, m := range b.marks[path] {
		k.Meldungen = append(k.Meldungen, m)
		if m.FeldID == "" {
			m.FeldID = k.ID
		}
	}
}

// felder builds the nodes of felder under path; inPerson says an enclosing
// group already has the person picker.
func (b *baumBauer) felder(felder []inge.Feld, path string, inPerson bool) []*knoten {
	var out []*knoten
	for _, f := range felder {
		if f.Attribut() {
			continue
		}
		p := join(path, f.Name)
		if !f.Wiederholbar() {
			out = append(out, b.feld(f, p, 0, inPerson))
			continue
		}
		n := b.fm.shown(f, p)
		l := &knoten{Art: "liste", Label: f.Label, Pfad: p, ID: feldID(p), Pflicht: f.Pflicht || f.Min > 0, Anzahl: n, AnzahlName: prefixAnzahl + p}
		if f.Max < 0 || n < f.Max {
			l.Hinzu = "hinzufuegen:" + p
		}
		for i := 1; i <= n; i++ {
			k := b.feld(f, indexed(p, i), i, inPerson)
			if n > f.Min {
				k.Entf = "entfernen:" + indexed(p, i)
			}
			l.Kinder = append(l.Kinder, k)
		}
		b.mark(l, p)
		out = append(out, l)
	}
	return out
}

func (b *baumBauer) feld(f inge.Feld, path string, index int, inPerson bool) *knoten {
	k := &knoten{Label: f.Label, Pfad: path, ID: feldID(path), Hilfe: f.Doku, Pflicht: f.Pflicht || f.Min > 0 && f.Typ != nil, Index: index}
	b.mark(k, path)
	switch {
	case f.Typ != nil:
		b.wert(k, f)
		for _, a := range f.Felder {
			ak := &knoten{Label: a.Label, Pfad: join(path, a.Name), ID: feldID(join(path, a.Name)), Hilfe: a.Doku, Pflicht: a.Min > 0}
			b.mark(ak, ak.Pfad)
			b.wert(ak, a)
			k.Attribute = append(k.Attribute, ak)
		}
	case f.Auswahl:
		k.Art, k.WahlName = "auswahl", prefixWahl+path
		k.Gewaehlt = b.fm.chosen(f, path).Name
		for _, alt := range f.Felder {
			ak := b.feld(alt, join(path, alt.Name), 0, inPerson)
			k.Kinder = append(k.Kinder, ak)
			k.Optionen = append(k.Optionen, option{Wert: alt.Name, Text: alt.Label, Gewaehlt: alt.Name == k.Gewaehlt})
		}
	default:
		k.Art = "gruppe"
		k.Personen = !inPerson && isPersonGroup(f)
		k.Kinder = b.felder(f.Felder, path, inPerson || k.Personen)
	}
	return k
}

// isPersonGroup reports whether a group identifies a person (it has an
// Ident, or is one): the Testdatenpaket's persons can fill it.
func isPersonGroup(f inge.Feld) bool {
	for _, c := range f.Felder {
		if c.Name == "Ident" || c.Name == "Geburtsdatum" {
			return true
		}
	}
	return false
}

// wert chooses the input of a value by its type: a select for a code list
// or an enumeration, a checkbox for a boolean, date, time and number
// inputs, else text with the type's maximum length. The form does not
// validate (novalidate): what is wrong is for the mock to say.
func (b *baumBauer) wert(k *knoten, f inge.Feld) {
	k.Art, k.Wert, k.Eingabe = "wert", b.fm.werte[k.Pfad], "text"
	t := f.Typ
	switch {
	case f.Codeliste != "":
		k.Eingabe = "select"
		if l, ok := inge.CodelisteByID(f.Codeliste); ok {
			for _, c := range l.Codes {
				k.Optionen = append(k.Optionen, option{Wert: c.Schluessel, Text: c.Schluessel + " – " + c.Bezeichnung})
			}
			liste := "Codeliste " + l.ID + " " + l.Name + "."
			if k.Hilfe == "" || k.Hilfe == t.Doku { // the type's text only says "a code of a list"
				k.Hilfe = liste
			} else {
				k.Hilfe += " " + liste
			}
		}
	case len(t.Werte) > 0:
		k.Eingabe = "select"
		for _, v := range t.Werte {
			k.Optionen = append(k.Optionen, option{Wert: v, Text: v})
		}
	case t.Basis == "xs:boolean":
		k.Eingabe = "checkbox"
	case t.Basis == "xs:date":
		k.Eingabe = "date"
	case t.Name == "Uhrzeit":
		k.Eingabe = "time"
	case t.Basis == "xs:int":
		k.Eingabe = "number"
		if t.Min != nil {
			k.Min = strconv.FormatInt(*t.Min, 10)
		}
		if t.Max != nil {
			k.Max = strconv.FormatInt(*t.Max, 10)
		}
	default:
		k.MaxLaenge = max(t.MaxLaenge, 0)
		if t.Muster != "" {
			k.Hilfe = strings.TrimSpace(k.Hilfe + " Muster: " + t.Muster + ".")
		}
	}
	if k.Eingabe == "select" && k.Wert != "" && !hasOption(k.Optionen, k.Wert) {
		k.Optionen = append(k.Optionen, option{Wert: k.Wert, Text: k.Wert + " (nicht in der Liste)"})
	}
	for i := range k.Optionen {
		k.Optionen[i].Gewaehlt = k.Optionen[i].Wert == k.Wert
	}
	switch f.Name {
	case "Kursort", "Pruefungsort":
		k.Liste = "liste-kursorte"
	case "Lehrkraftkennung":
		k.Liste = "liste-lehrkraefte"
	case "Kurskennung":
		k.Liste = "liste-kurse"
	case "Pruefungsnummer":
		k.Liste = "liste-pruefungen"
	}
}

func hasOption(opts []option, v string) bool {
	for _, o := range opts {
		if o.Wert == v {
			return true
		}
	}
	return false
}

// Checked reports whether a checkbox is ticked.
func (k *knoten) Checked() bool { return k.Wert == "true" || k.Wert == "1" }

// Legende is a group's legend: its label and occurrence.
func (k *knoten) Legende() string {
	if k.Index > 0 {
		return fmt.Sprintf("%s %d", k.Label, k.Index)
	}
	return k.Label
}
