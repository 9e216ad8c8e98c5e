package profil

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// eintrag says where an element or attribute of the source contract goes
// in the target contract, for one direction of the mapping.
type eintrag struct {
	art  art
	ziel []string // the target path; for aufgeloest the counterpart of the nearest mapped ancestor
	// index gives, per step of ziel, the depth in the source path whose
	// occurrence that step takes; -1: the step occurs once.
	index []int
	rolle rolle
	liste map[string]string // values; nil: as they are
	wert  bool              // the source has simple content
}

// tabelle is one direction of a profile's mapping: from ours to the
// profile's (hin) or back (her).
type tabelle struct {
	ns        string // the target's namespace
	eintraege map[string]*eintrag
	ziele     *vertrag // the target's paths: order of children, repetition
	codes     map[string]string
	texte     map[string]*umtext // by the source's code
}

// tabellen builds both directions from the checked mapping.
func (p *Profil) tabellen(abb map[string]*abbildung, werte map[string]*werteliste, kat *katalog) (hin, her *tabelle) {
	hin = &tabelle{ns: p.Namespace, eintraege: map[string]*eintrag{}, ziele: p.theirs, codes: kat.hin, texte: kat.texteHin}
	her = &tabelle{ns: p.ours.schema.Namespace(), eintraege: map[string]*eintrag{}, ziele: p.ours, codes: kat.her, texte: kat.texteHer}
	unser := func(pf *pfad) []string {
		if a := abb[pf.key]; a != nil && a.art == abgebildet {
			return a.ziel
		}
		return nil
	}
	for _, pf := range p.ours.liste {
		a := abb[pf.key]
		e := &eintrag{art: a.art, ziel: a.ziel, rolle: rolleVon(pf), wert: pf.wert()}
		if a.art == abgebildet {
			e.index = indexFuer(pf, a.ziel, unser)
		}
		if wl := werte[listeVon(pf)]; wl != nil {
			e.liste = wl.hin
		}
		hin.eintraege[pf.key] = e
	}
	ihr := func(t *pfad) []string {
		if pf := p.ziele[t.key]; pf != nil {
			return pf.schritte
		}
		return nil
	}
	for _, t := range p.theirs.liste {
		e := &eintrag{art: entfaellt}
		switch pf := p.ziele[t.key]; {
		case pf != nil:
			e = &eintrag{art: abgebildet, ziel: pf.schritte, rolle: rolleVon(pf), wert: t.wert()}
			e.index = indexFuer(t, pf.schritte, ihr)
			if wl := werte[listeVon(pf)]; wl != nil {
				e.liste = wl.her
			}
		case p.huellen[t.key]:
			e.art = aufgeloest
			for a := t.eltern; a != nil; a = a.eltern {
				if g := ihr(a); g != nil {
					e.ziel = g
					break
				}
			}
		}
		her.eintraege[t.key] = e
	}
	return hin, her
}

// indexFuer finds, for each step of a target path, the ancestor-or-self
// of src whose counterpart ends at that step: its occurrence is the
// step's. gegenstueck returns a path's target, nil if it has none.
func indexFuer(src *pfad, ziel []string, gegenstueck func(*pfad) []string) []int {
	idx := make([]int, len(ziel))
	for m := range idx {
		idx[m] = -1
	}
	for a := src; a != nil; a = a.eltern {
		g := gegenstueck(a)
		if g != nil && len(g) <= len(ziel) && slices.Equal(ziel[:len(g)], g) {
			idx[len(g)-1] = len(a.schritte) - 1
		}
	}
	return idx
}

// kontext is what mapping one message needs besides the tables.
type kontext struct {
	// anfrage is the source's request element of the procedure, to which
	// the field paths of Meldungen and Faults are relative.
	anfrage string
	// feldeBleiben keeps the field paths as they are: a Fault of the
	// profile's own check names the profile's fields already.
	feldeBleiben bool
}

// abbilden maps a message of the source contract, checked against the
// source's schema, onto the target's.
func (t *tabelle) abbilden(src *knoten, ctx kontext) (*knoten, error) {
	e := t.eintraege[src.name.Local]
	if e == nil || e.art != abgebildet {
		return nil, fmt.Errorf("%s hat kein Gegenstück im Profil", src.name.Local)
	}
	dst := &knoten{name: xml.Name{Space: t.ns, Local: e.ziel[0]}}
	t.element(src, []string{src.name.Local}, []int{1}, e, dst, ctx)
	dst.ordnen(t.ziele, dst.name.Local)
	return dst, nil
}

// ensure returns the target element at ziel, for the source element whose
// occurrences are occ, creating it and what is missing above it.
func (t *tabelle) ensure(dst *knoten, e *eintrag, occ []int) *knoten {
	cur := dst
	for m := 1; m < len(e.ziel); m++ {
		n := 1
		if j := e.index[m]; j >= 0 {
			n = occ[j]
		}
		cur = cur.kindNr(t.ns, e.ziel[m], n)
	}
	return cur
}

func (t *tabelle) element(src *knoten, steps []string, occ []int, e *eintrag, dst *knoten, ctx kontext) {
	key := strings.Join(steps, "/")
	var node *knoten
	if e.art == abgebildet {
		node = t.ensure(dst, e, occ)
		for _, a := range src.attrs {
			if a.Name.Space != "" { // xsi:type and xsi:schemaLocation name the source's types
				continue
			}
			ae := t.eintraege[key+"/@"+a.Name.Local]
			if ae == nil || ae.art != abgebildet {
				continue
			}
			node.attrs = append(node.attrs, xml.Attr{Name: xml.Name{Local: strings.TrimPrefix(ae.ziel[len(ae.ziel)-1], "@")}, Value: wertIn(ae.liste, a.Value)})
		}
		if e.wert {
			node.text = []byte(t.wert(e, string(src.text), ctx))
		}
	}
	counts := map[string]int{}
	for _, c := range src.kinder {
		if c.istNil() {
			continue // a nil element is no value: ours has no nillable elements
		}
		counts[c.name.Local]++
		ce := t.eintraege[key+"/"+c.name.Local]
		if ce == nil || ce.art == entfaellt {
			continue
		}
		t.element(c, append(slices.Clip(steps), c.name.Local), append(slices.Clip(occ), counts[c.name.Local]), ce, dst, ctx)
	}
	if e.rolle == rolleMeldung && e.art == abgebildet {
		t.meldungstext(src, key, occ, dst)
	}
}

// wert maps the value of an element by its list or its role.
func (t *tabelle) wert(e *eintrag, v string, ctx kontext) string {
	switch e.rolle {
	case rolleCode:
		return wertIn(t.codes, v)
	case rolleFeld:
		if ctx.feldeBleiben || ctx.anfrage == "" {
			return v
		}
		return t.feld(ctx.anfrage, v)
	}
	return wertIn(e.liste, v)
}

func wertIn(m map[string]string, v string) string {
	if w, ok := m[v]; ok {
		return w
	}
	return v
}

// meldungstext rewrites the text of a Meldung or a Fault's detail into
// the target's wording of its code, where the profile words it otherwise.
func (t *tabelle) meldungstext(src *knoten, key string, occ []int, dst *knoten) {
	var code, text *knoten
	var te *eintrag
	for _, c := range src.kinder {
		switch e := t.eintraege[key+"/"+c.name.Local]; {
		case e == nil:
		case e.rolle == rolleCode:
			code = c
		case e.rolle == rolleText:
			text, te = c, e
		}
	}
	if code == nil || text == nil || te.art != abgebildet {
		return
	}
	u := t.texte[string(code.text)]
	if u == nil {
		return
	}
	if neu, ok := u.anwenden(string(text.text)); ok {
		t.ensure(dst, te, append(slices.Clip(occ), 1)).text = []byte(neu)
	}
}

// Text rewrites the text of a code into the target's wording, as a
// faultstring needs it.
func (t *tabelle) text(code, text string) string {
	if u := t.texte[code]; u != nil {
		if neu, ok := u.anwenden(text); ok {
			return neu
		}
	}
	return text
}

// feld maps the path of a field in a request of the source, relative to
// its request element anfrage (Kursplanung/Teilnehmer[2]/Ident), onto
// the target's. Steps the source does not know are kept as they are; a
// field the target drops is named by its nearest ancestor that the target
// has.
func (t *tabelle) feld(anfrage, feld string) string {
	if feld == "" {
		return ""
	}
	// A step names its occurrence where the path means one ("Teilnehmer[2]"),
	// and none where it means the element as such ("Lehrkraft": none was
	// given): the target's steps say it where the source's did.
	steps, occ, explicit := []string{anfrage}, []int{1}, []bool{false}
	for _, s := range strings.Split(feld, "/") {
		name, n, ex := s, 1, false
		if i := strings.IndexByte(s, '['); i > 0 && strings.HasSuffix(s, "]") {
			if v, err := strconv.Atoi(s[i+1 : len(s)-1]); err == nil && v > 0 {
				name, n, ex = s[:i], v, true
			}
		}
		steps, occ, explicit = append(steps, name), append(occ, n), append(explicit, ex)
	}
	// The deepest step the source knows.
	j := len(steps) - 1
	for j > 0 && t.eintraege[strings.Join(steps[:j+1], "/")] == nil {
		j--
	}
	rest := strings.Split(feld, "/")[j:]
	// A dropped field is named by its nearest ancestor the target has; an
	// unwrapped one dissolves into its parent's counterpart.
	for j > 0 {
		a := t.eintraege[strings.Join(steps[:j+1], "/")].art
		if a == abgebildet {
			break
		}
		if a == entfaellt {
			rest = nil
		}
		j--
	}
	e := t.eintraege[strings.Join(steps[:j+1], "/")]
	if e == nil || e.art != abgebildet {
		return feld // not even the request is known
	}
	var out []string
	for m := 1; m < len(e.ziel); m++ {
		name := e.ziel[m]
		if k := e.index[m]; k >= 0 && explicit[k] {
			name += "[" + strconv.Itoa(occ[k]) + "]"
		}
		out = append(out, name)
	}
	return strings.Join(append(out, rest...), "/")
}
