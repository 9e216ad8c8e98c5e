package console

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// formular is the state of a Web-Maske: the values by field path, in the
// notation of Meldung.Feld (Kursplanung/Teilnehmer[2]/Ident/Geburtsdatum,
// …/Aktenzeichen/@Art), how many occurrences of each repeated field it
// shows, and the alternative chosen for each choice. The form posts it back
// as it is: a value under its path, a count as "#path", a choice as "?path".
type formular struct {
	werte  map[string]string
	anzahl map[string]int    // path of a repeated field without its index -> occurrences shown
	wahl   map[string]string // path of a choice -> name of the chosen alternative
}

func newFormular() *formular {
	return &formular{werte: map[string]string{}, anzahl: map[string]int{}, wahl: map[string]string{}}
}

// Prefixes of the form's names that are not field paths; a path starts with
// an element name, never with one of them.
const (
	prefixAnzahl = "#"
	prefixWahl   = "?"
	prefixSteuer = "_" // the console's own controls: _aktion, _benutzer
)

// formularAus reads a posted form.
func formularAus(form url.Values) *formular {
	f := newFormular()
	for key, vals := range form {
		if len(vals) == 0 {
			continue
		}
		v := vals[0]
		switch {
		case strings.HasPrefix(key, prefixSteuer):
		case strings.HasPrefix(key, prefixAnzahl):
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				f.anzahl[key[len(prefixAnzahl):]] = n
			}
		case strings.HasPrefix(key, prefixWahl):
			f.wahl[key[len(prefixWahl):]] = v
		default:
			f.werte[key] = v
		}
	}
	return f
}

// join appends a step to a field path; the request element itself is "",
// as in the strict check's paths.
func join(path, step string) string {
	if path == "" {
		return step
	}
	return path + "/" + step
}

func indexed(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// shown is how many occurrences of the repeated field f at path the form
// shows: what it was told, else at least one, so that every group is
// visible; an empty occurrence is not sent.
func (fm *formular) shown(f inge.Feld, path string) int {
	n, ok := fm.anzahl[path]
	if !ok {
		n = max(f.Min, 1)
	}
	if f.Max > 0 {
		n = min(n, f.Max)
	}
	return max(n, f.Min)
}

// chosen is the alternative of the choice f at path.
func (fm *formular) chosen(f inge.Feld, path string) inge.Feld {
	for _, alt := range f.Felder {
		if alt.Name == fm.wahl[path] {
			return alt
		}
	}
	return f.Felder[0]
}

// hinzufuegen shows one more occurrence of the repeated field at path.
func (fm *formular) hinzufuegen(f inge.Feld, path string) {
	n := fm.shown(f, path)
	if f.Max < 0 || n < f.Max {
		fm.anzahl[path] = n + 1
	}
}

// entfernen removes occurrence i of the repeated field at path: the values
// of the occurrences after it move up by one, so the form shows what was
// there less the removed one.
func (fm *formular) entfernen(f inge.Feld, path string, i int) {
	n := fm.shown(f, path)
	if i < 1 || i > n || n <= f.Min {
		return
	}
	// rename maps a key under occurrence k > i to occurrence k-1, drops
	// one under i, and keeps the rest.
	rename := func(key string) (string, bool) {
		for k := i; k <= n; k++ {
			old := indexed(path, k)
			if key == old || strings.HasPrefix(key, old+"/") || strings.HasPrefix(key, old+"[") {
				if k == i {
					return "", false
				}
				return indexed(path, k-1) + key[len(old):], true
			}
		}
		return key, true
	}
	fm.werte = renamed(fm.werte, rename)
	fm.anzahl = renamed(fm.anzahl, rename)
	fm.wahl = renamed(fm.wahl, rename)
	fm.anzahl[path] = n - 1
}

func renamed[V any](m map[string]V, rename func(string) (string, bool)) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		if nk, keep := rename(k); keep {
			out[nk] = v
		}
	}
	return out
}

// anfrage writes the request element of p that the form describes, in the
// order of the XSD and in the contract's namespace: a value is sent when
// it is not empty, a group when something in it is, and a group the schema
// requires always, so that what is missing in it is named by the mock.
func (fm *formular) anfrage(p *inge.Procedure) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<%s xmlns="%s">`, p.Name, inge.Namespace)
	b.Write(fm.inhalt(p.Felder(), ""))
	fmt.Fprintf(&b, `</%s>`, p.Name)
	return b.Bytes()
}

// inhalt writes the child elements of felder under path.
func (fm *formular) inhalt(felder []inge.Feld, path string) []byte {
	var b bytes.Buffer
	for _, f := range felder {
		if f.Attribut() {
			continue
		}
		p := join(path, f.Name)
		if !f.Wiederholbar() {
			if x, ok := fm.element(f, p); ok || f.Min >= 1 && f.Typ == nil {
				b.Write(x)
			}
			continue
		}
		for i := 1; i <= fm.shown(f, p); i++ {
			if x, ok := fm.element(f, indexed(p, i)); ok || i <= f.Min && f.Typ == nil {
				b.Write(x)
			}
		}
	}
	return b.Bytes()
}

// element writes the element f at path, and reports whether it holds
// anything the user entered.
func (fm *formular) element(f inge.Feld, path string) ([]byte, bool) {
	var b bytes.Buffer
	b.WriteString("<" + f.Name)
	filled := false
	for _, a := range f.Felder {
		if !a.Attribut() {
			continue
		}
		if v := fm.werte[join(path, a.Name)]; v != "" {
			b.WriteString(" " + a.Name[1:] + `="`)
			_ = xml.EscapeText(&b, []byte(v)) // a bytes.Buffer does not fail
			b.WriteString(`"`)
			filled = true
		}
	}
	b.WriteString(">")
	switch {
	case f.Typ != nil:
		v := fm.werte[path]
		_ = xml.EscapeText(&b, []byte(v))
		filled = filled || v != ""
	case f.Auswahl:
		alt := fm.chosen(f, path)
		x, ok := fm.element(alt, join(path, alt.Name))
		b.Write(x) // the chosen alternative is sent, so that its gaps are named
		filled = filled || ok
	default:
		x := fm.inhalt(f.Felder, path)
		b.Write(x)
		filled = filled || len(x) > 0 && fm.anyValue(path)
	}
	b.WriteString("</" + f.Name + ">")
	return b.Bytes(), filled
}

// anyValue reports whether a value was entered at or under path.
func (fm *formular) anyValue(path string) bool {
	for k, v := range fm.werte {
		if v != "" && (k == path || strings.HasPrefix(k, path+"/") || strings.HasPrefix(k, path+"[")) {
			return true
		}
	}
	return false
}

// formularAusAnfrage reads the request element of p from an envelope (as
// the journal keeps it) or a bare request element into a form.
func formularAusAnfrage(p *inge.Procedure, doc []byte) (*formular, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, fmt.Errorf("read %s: no request element: %w", p.Name, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name == p.RequestName() {
			fm := newFormular()
			if err := fm.lesen(d, inge.Feld{Felder: p.Felder()}, ""); err != nil {
				return nil, fmt.Errorf("read %s: %w", p.Name, err)
			}
			return fm, nil
		}
	}
}

// lesen reads the children of the element of parent at path, up to its end.
// What the contract does not declare is skipped: the form shows only
// fields of the contract.
func (fm *formular) lesen(d *xml.Decoder, parent inge.Feld, path string) error {
	seen := map[string]int{}
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if parent.Typ != nil {
				fm.werte[path] = text.String()
			}
			return nil
		case xml.StartElement:
			f, ok := child(parent, t.Name.Local)
			if !ok || t.Name.Space != inge.Namespace {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			p := join(path, f.Name)
			if f.Wiederholbar() {
				seen[f.Name]++
				fm.anzahl[p] = seen[f.Name]
				p = indexed(p, seen[f.Name])
			}
			if parent.Auswahl {
				fm.wahl[path] = f.Name
			}
			for _, a := range t.Attr {
				if _, declared := child(f, "@"+a.Name.Local); declared && a.Name.Space == "" {
					fm.werte[join(p, "@"+a.Name.Local)] = a.Value
				}
			}
			if err := fm.lesen(d, f, p); err != nil {
				return err
			}
		}
	}
}

func child(parent inge.Feld, name string) (inge.Feld, bool) {
	for _, f := range parent.Felder {
		if f.Name == name {
			return f, true
		}
	}
	return inge.Feld{}, false
}

// clone returns a copy of the form.
func (fm *formular) clone() *formular {
	return &formular{werte: maps.Clone(fm.werte), anzahl: maps.Clone(fm.anzahl), wahl: maps.Clone(fm.wahl)}
}

// feldAt finds the declaration of the repeated field at path (indexes
// removed), for the form's add and remove buttons.
func feldAt(p *inge.Procedure, path string) (inge.Feld, bool) {
	f := inge.Feld{Felder: p.Felder()}
	for _, step := range strings.Split(indexRE.ReplaceAllString(path, ""), "/") {
		c, ok := child(f, step)
		if !ok {
			return inge.Feld{}, false
		}
		f = c
	}
	return f, true
}

var indexRE = regexp.MustCompile(`\[\d+\]`)
