package profil

import (
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// pfad is an element or attribute of a contract (ours or a profile's) at
// its place: the path of names from a global element, attributes as
// "@Name" at the end.
type pfad struct {
	schritte []string
	key      string // the steps joined with "/"
	feld     inge.Feld
	eltern   *pfad
	kinder   []*pfad // attributes first, then the child elements in the order of the XSD
	// position is the place of the element among the elements of its
	// parent's type, for writing children in the order of the schema.
	position int
}

func (p *pfad) attribut() bool { return p.feld.Attribut() }

// wiederholt reports whether the element may occur more than once.
func (p *pfad) wiederholt() bool { return !p.attribut() && p.feld.Max != 1 }

// wert reports whether the element or attribute has a value (simple
// content).
func (p *pfad) wert() bool { return p.feld.Typ != nil }

// elemente reports whether the element has child elements.
func (p *pfad) elemente() bool {
	for _, k := range p.kinder {
		if !k.attribut() {
			return true
		}
	}
	return false
}

// name is the last step.
func (p *pfad) name() string { return p.schritte[len(p.schritte)-1] }

// vertrag is every path of a schema, by key and in order.
type vertrag struct {
	schema *inge.Schema
	liste  []*pfad // preorder, global elements in the order of the XSD
	nach   map[string]*pfad
}

// pfadeVon lists every path of the schema's global elements. The schemas
// the strict check compiles are not recursive, so the list is finite.
func pfadeVon(s *inge.Schema) *vertrag {
	v := &vertrag{schema: s, nach: map[string]*pfad{}}
	var walk func(f inge.Feld, eltern *pfad, position int)
	walk = func(f inge.Feld, eltern *pfad, position int) {
		p := &pfad{feld: f, eltern: eltern, position: position}
		if eltern != nil {
			p.schritte = append(append([]string(nil), eltern.schritte...), f.Name)
			eltern.kinder = append(eltern.kinder, p)
		} else {
			p.schritte = []string{f.Name}
		}
		p.key = strings.Join(p.schritte, "/")
		v.liste = append(v.liste, p)
		v.nach[p.key] = p
		n := 0
		for _, k := range f.Felder {
			if k.Attribut() {
				walk(k, p, -1)
			} else {
				walk(k, p, n)
				n++
			}
		}
	}
	for _, name := range s.Elements() {
		f, _ := s.Element(name)
		walk(f, nil, 0)
	}
	return v
}

// kind returns the child of p named name (an element, or "@x"), or nil.
func (p *pfad) kind(name string) *pfad {
	for _, k := range p.kinder {
		if k.name() == name {
			return k
		}
	}
	return nil
}

// kindNamen lists the names of p's child elements, for a gap line.
func (p *pfad) kindNamen() []string {
	var out []string
	for _, k := range p.kinder {
		if !k.attribut() {
			out = append(out, k.name())
		}
	}
	return out
}

func join(steps []string) string { return strings.Join(steps, "/") }
