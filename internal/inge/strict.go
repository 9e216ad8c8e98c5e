package inge

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// maxAbweichungen bounds the deviations one Fault lists: every deviation
// of an honest request fits, and a hostile one cannot make the answer grow
// with its size. The rest is counted.
const maxAbweichungen = 200

// node is an element of the request as the strict check walks it.
type node struct {
	name     xml.Name
	attrs    []xml.Attr // without namespace declarations
	decls    []xml.Attr // its namespace declarations, for xsi:type
	parent   *node
	children []*node
	text     []byte // character data directly inside, concatenated
}

// tree builds the nodes of a recorded element.
func tree(el soap.Element) *node {
	var root, cur *node
	for _, tok := range el.Tokens() {
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, parent: cur}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					n.decls = append(n.decls, a)
				} else {
					n.attrs = append(n.attrs, a)
				}
			}
			if cur == nil {
				root = n
			} else {
				cur.children = append(cur.children, n)
			}
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			cur.text = append(cur.text, t...)
		}
	}
	return root
}

// resolve finds the namespace of a prefix in the scope of n, then in the
// scope the element was read in.
func (n *node) resolve(prefix string, outer []xml.Attr) (string, bool) {
	matches := func(a xml.Attr) bool {
		if prefix == "" {
			return a.Name.Space == "" && a.Name.Local == "xmlns"
		}
		return a.Name.Space == "xmlns" && a.Name.Local == prefix
	}
	for m := n; m != nil; m = m.parent {
		for _, a := range m.decls {
			if matches(a) {
				return a.Value, true
			}
		}
	}
	for i := len(outer) - 1; i >= 0; i-- {
		if matches(outer[i]) {
			return outer[i].Value, true
		}
	}
	return "", prefix == ""
}

// checker walks a request along its declaration and collects every
// deviation from the schema, and the findings of the schema's rule
// attributes (m:pflicht, m:codeliste).
type checker struct {
	ns           string // the schema's target namespace
	rules        bool   // apply m:pflicht and m:codeliste
	scope        []xml.Attr
	abweichungen []Abweichung
	weitere      int
	befunde      []Meldung
}

func (c *checker) deviate(path, format string, args ...any) {
	if len(c.abweichungen) >= maxAbweichungen {
		c.weitere++
		return
	}
	c.abweichungen = append(c.abweichungen, Abweichung{Feld: path, Text: bounded(fmt.Sprintf(format, args...))})
}

// bounded cuts a text to the 255 characters of the contract's Text type.
func bounded(text string) string {
	const most = 255
	if r := []rune(text); len(r) > most {
		return string(r[:most-1]) + "…"
	}
	return text
}

// join appends a step to a field path; the request element itself is "".
func join(path, step string) string {
	if path == "" {
		return step
	}
	return path + "/" + step
}

// element checks the element n against its declaration d; path is the
// field path of n.
func (c *checker) element(n *node, d *elemDecl, path string) {
	if nilled := c.attributes(n, d, path); nilled {
		return
	}
	switch {
	case d.simple != nil:
		c.value(n, d, d.simple, path)
	case d.complex.text != nil:
		c.value(n, d, d.complex.text, path)
	case d.complex.choice:
		c.noText(n, path)
		c.choice(n, d.complex, path)
	default:
		c.noText(n, path)
		c.sequence(n, d.complex, path)
	}
}

// attributes checks the attributes of n. It reports whether n is nil by
// xsi:nil, which leaves nothing else to check.
func (c *checker) attributes(n *node, d *elemDecl, path string) (nilled bool) {
	var declared []*attrDecl
	if d.complex != nil {
		declared = d.complex.attrs
	}
	seen := map[string]bool{}
	for _, a := range n.attrs {
		switch a.Name.Space {
		case xsiNS:
			switch a.Name.Local {
			case "type":
				c.xsiType(n, d, a.Value, path)
			case "nil":
				nilled = c.xsiNil(n, d, a.Value, path)
			case "schemaLocation", "noNamespaceSchemaLocation":
			default:
				c.deviate(join(path, "@xsi:"+a.Name.Local), "Das Attribut xsi:%s ist nicht erlaubt.", short(a.Name.Local))
			}
		case "":
			decl := findAttr(declared, a.Name.Local)
			if decl == nil {
				c.deviate(join(path, "@"+short(a.Name.Local)), "Das Attribut %s ist an %s nicht erlaubt%s.", quote(a.Name.Local), d.name, attrExpectation(declared))
				continue
			}
			seen[decl.name] = true
			if p := decl.typ.problem(a.Value); p != "" {
				c.deviate(join(path, "@"+decl.name), "%s", p)
			}
		default:
			c.deviate(join(path, "@"+short(a.Name.Local)), "Das Attribut %s im Namespace %s ist an %s nicht erlaubt%s.", quote(a.Name.Local), quote(a.Name.Space), d.name, attrExpectation(declared))
		}
	}
	for _, decl := range declared {
		if decl.required && !seen[decl.name] {
			c.deviate(join(path, "@"+decl.name), "Das Pflichtattribut %s fehlt.", decl.name)
		}
	}
	return nilled
}

func findAttr(declared []*attrDecl, name string) *attrDecl {
	for _, a := range declared {
		if a.name == name {
			return a
		}
	}
	return nil
}

func attrExpectation(declared []*attrDecl) string {
	if len(declared) == 0 {
		return "; es hat keine Attribute"
	}
	names := make([]string, len(declared))
	for i, a := range declared {
		names[i] = a.name
	}
	return "; erwartet: " + orList(names)
}

// xsiType accepts an xsi:type that names the declared type of the element
// (SOAP::Lite and other toolkits write it everywhere) and refuses any other
// type, a derived one too: the contract never substitutes types.
func (c *checker) xsiType(n *node, d *elemDecl, value, path string) {
	want := xml.Name{Space: c.ns, Local: d.typeName}
	shown := "tns:" + d.typeName
	if local, ok := strings.CutPrefix(d.typeName, "xs:"); ok {
		want, shown = xml.Name{Space: xsdNS, Local: local}, d.typeName
	}
	qname := strings.Trim(value, xmlSpace)
	prefix, local, prefixed := strings.Cut(qname, ":")
	if !prefixed {
		prefix, local = "", qname
	}
	space, ok := n.resolve(prefix, c.scope)
	if !ok || (xml.Name{Space: space, Local: local}) != want {
		c.deviate(join(path, "@xsi:type"), "xsi:type %s ist nicht zulässig; erlaubt ist nur der deklarierte Typ %s.", quote(value), shown)
	}
}

// xsiNil checks xsi:nil, which only a nillable element may carry; the
// contract declares none, so it is always refused there.
func (c *checker) xsiNil(n *node, d *elemDecl, value, path string) bool {
	if !d.nillable {
		c.deviate(join(path, "@xsi:nil"), "xsi:nil ist nicht erlaubt: %s darf nicht als nil gemeldet werden; ohne Wert wird es weggelassen.", d.name)
		return false
	}
	switch strings.Trim(value, xmlSpace) {
	case "true", "1":
		if len(n.children) > 0 || len(n.text) > 0 {
			c.deviate(path, "Ein Element mit xsi:nil=\"true\" muss leer sein.")
		}
		return true
	case "false", "0":
		return false
	}
	c.deviate(join(path, "@xsi:nil"), "%s", lexicalProblem(xsBoolean, value))
	return false
}

// value checks the simple content of n against st, then the rule
// attributes of its declaration.
func (c *checker) value(n *node, d *elemDecl, st *simpleType, path string) {
	for _, ch := range n.children {
		c.deviate(join(path, short(ch.name.Local)), "Das Element %s ist in %s nicht erlaubt; %s enthält nur einen Wert (Typ %s).", quote(ch.name.Local), d.name, d.name, st.name)
	}
	text := string(n.text)
	if p := st.problem(text); p != "" {
		c.deviate(path, "%s", p)
		return
	}
	switch {
	case !c.rules:
	case text == "" && d.pflicht && d.simple != nil:
		// An empty string is no value: the Meldung says it is missing.
		c.befunde = append(c.befunde, NewMeldung(PflichtfeldFehlt, path))
	case text != "" && d.codeliste != "":
		c.code(text, d.codeliste, path)
	}
}

func (c *checker) code(value, list, path string) {
	l, ok := CodelisteByID(list)
	if !ok {
		c.deviate(path, "Die Codeliste %s ist unbekannt.", list) // impossible: a test checks every m:codeliste
		return
	}
	if !l.Contains(value) {
		c.befunde = append(c.befunde, NewMeldung(CodeUnbekannt, path, "Wert", value, "Liste", l.ID, "Liste.Name", l.Name))
	}
}

// noText refuses text in element-only content.
func (c *checker) noText(n *node, path string) {
	if t := strings.Trim(string(n.text), xmlSpace); t != "" {
		c.deviate(path, "Der Text %s ist in %s nicht erlaubt; erwartet werden nur Elemente.", quote(t), elementName(n))
	}
}

func elementName(n *node) string { return short(n.name.Local) }

// sequence checks the children of n against a sequence: every child
// declared, in the right namespace and order, as often as allowed; every
// required one present. Findings of the rule attributes come out in the
// order of the declarations, with a missing m:pflicht field in its place.
func (c *checker) sequence(n *node, ct *complexType, path string) {
	counts := make([]int, len(ct.elems))
	type span struct{ from, to int }
	spans := make([][]span, len(ct.elems))
	start := len(c.befunde)
	unknown := map[string]int{}
	pos := -1 // declaration of the last child in its place
	for _, ch := range n.children {
		j := ct.index(ch.name.Local)
		if j < 0 {
			unknown[ch.name.Local]++
			c.deviate(indexed(join(path, short(ch.name.Local)), unknown[ch.name.Local], false),
				"%s%s%s", c.unknownElement(ch), expectation(ct, pos, counts), suggestion(ct, ch.name.Local))
			continue
		}
		d := ct.elems[j]
		counts[j]++
		childPath := indexed(join(path, d.name), counts[j], d.max != 1)
		c.namespace(ch, childPath)
		switch {
		case j < pos:
			c.deviate(childPath, "Das Element %s steht an falscher Stelle: es gehört vor %s.", d.name, ct.elems[pos].name)
		case j > pos:
			pos = j
		}
		if d.max >= 0 && counts[j] == d.max+1 {
			c.deviate(childPath, "Das Element %s kommt öfter vor als erlaubt: höchstens %s.", d.name, times(d.max))
		}
		from := len(c.befunde)
		c.element(ch, d, childPath)
		spans[j] = append(spans[j], span{from, len(c.befunde)})
	}
	own := append([]Meldung(nil), c.befunde[start:]...)
	c.befunde = c.befunde[:start]
	for k, d := range ct.elems {
		if counts[k] < d.min {
			if counts[k] == 0 {
				c.deviate(join(path, d.name), "Das Element %s fehlt; es ist vorgeschrieben%s.", d.name, after(ct, k))
			} else {
				c.deviate(join(path, d.name), "Das Element %s kommt %s vor; vorgeschrieben sind mindestens %s.", d.name, times(counts[k]), times(d.min))
			}
		}
		if counts[k] == 0 && d.pflicht && c.rules {
			c.befunde = append(c.befunde, NewMeldung(PflichtfeldFehlt, join(path, d.name)))
		}
		for _, s := range spans[k] {
			c.befunde = append(c.befunde, own[s.from-start:s.to-start]...)
		}
	}
}

// choice checks the children of n against a choice of elements that each
// occur once: exactly one of them.
func (c *checker) choice(n *node, ct *complexType, path string) {
	var chosen *elemDecl
	unknown := map[string]int{}
	for _, ch := range n.children {
		j := ct.index(ch.name.Local)
		if j < 0 {
			unknown[ch.name.Local]++
			c.deviate(indexed(join(path, short(ch.name.Local)), unknown[ch.name.Local], false),
				"%s; erwartet: genau eines der Elemente %s.%s", c.unknownElement(ch), orList(ct.names()), suggestion(ct, ch.name.Local))
			continue
		}
		d := ct.elems[j]
		childPath := join(path, d.name)
		c.namespace(ch, childPath)
		if chosen != nil {
			c.deviate(childPath, "Nur eines der Elemente %s ist erlaubt; angegeben ist schon %s.", orList(ct.names()), chosen.name)
		} else {
			chosen = d
		}
		c.element(ch, d, childPath)
	}
	if chosen == nil {
		c.deviate(path, "Eines der Elemente %s fehlt; genau eines ist vorgeschrieben.", orList(ct.names()))
	}
}

// namespace refuses a declared element in another namespace than the
// schema's, unqualified ones included.
func (c *checker) namespace(n *node, path string) {
	switch n.name.Space {
	case c.ns:
	case "":
		c.deviate(path, "Das Element %s hat keinen Namespace; erwartet wird der Namespace %s.", quote(n.name.Local), c.ns)
	default:
		c.deviate(path, "Das Element %s steht im Namespace %s; erwartet wird der Namespace %s.", quote(n.name.Local), quote(n.name.Space), c.ns)
	}
}

func (ct *complexType) index(local string) int {
	for i, d := range ct.elems {
		if d.name == local {
			return i
		}
	}
	return -1
}

func (ct *complexType) names() []string {
	names := make([]string, len(ct.elems))
	for i, d := range ct.elems {
		names[i] = d.name
	}
	return names
}

// unknownElement names an element the schema does not declare where it
// stands, with its namespace if it is not the schema's.
func (c *checker) unknownElement(n *node) string {
	switch n.name.Space {
	case c.ns:
		return fmt.Sprintf("Das Element %s ist hier nicht erlaubt", quote(n.name.Local))
	case "":
		return fmt.Sprintf("Das Element %s (ohne Namespace) ist hier nicht erlaubt", quote(n.name.Local))
	default:
		return fmt.Sprintf("Das Element %s im Namespace %s ist hier nicht erlaubt", quote(n.name.Local), quote(n.name.Space))
	}
}

// expectation names the elements a sequence allows after the declaration
// pos, and a declared name that the unknown element may be a misspelling
// of.
func expectation(ct *complexType, pos int, counts []int) string {
	var allowed []string
	if pos >= 0 && (ct.elems[pos].max < 0 || counts[pos] < ct.elems[pos].max) {
		allowed = append(allowed, ct.elems[pos].name)
	}
	for k := pos + 1; k < len(ct.elems); k++ {
		allowed = append(allowed, ct.elems[k].name)
		if counts[k] < ct.elems[k].min {
			break
		}
	}
	const most = 6 // a longer list would not fit the Text of a Fault
	switch {
	case len(allowed) == 0:
		return fmt.Sprintf("; nach %s ist kein weiteres Element vorgesehen.", ct.elems[pos].name)
	case len(allowed) > most:
		return "; erwartet: " + strings.Join(allowed[:most], ", ") + " oder ein späteres Element."
	}
	return "; erwartet: " + orList(allowed) + "."
}

// suggestion names the declared element that an unknown one is likely a
// misspelling of (at most two edits apart), or is "".
func suggestion(ct *complexType, local string) string {
	best, bestDist := "", 3
	for _, d := range ct.elems {
		if dist := editDistance(strings.ToLower(local), strings.ToLower(d.name), bestDist); dist < bestDist {
			best, bestDist = d.name, dist
		}
	}
	if best == "" {
		return ""
	}
	return " Gemeint ist vielleicht " + best + "."
}

// editDistance is the Levenshtein distance of a and b, or limit if it is
// limit or more.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit)
}

// after says where a missing element belongs.
func after(ct *complexType, k int) string {
	if k == 0 {
		return " (als erstes Element)"
	}
	return " (nach " + ct.elems[k-1].name + ")"
}

// indexed adds the occurrence to a path where the element may repeat, or
// where it repeats although it may not.
func indexed(path string, occurrence int, repeatable bool) string {
	if repeatable || occurrence > 1 {
		return fmt.Sprintf("%s[%d]", path, occurrence)
	}
	return path
}

func times(n int) string {
	if n == 1 {
		return "einmal"
	}
	return fmt.Sprintf("%d-mal", n)
}

// short bounds a name taken from the request, so that paths and texts
// never grow with what a client sends.
func short(name string) string {
	const most = 60
	if r := []rune(name); len(r) > most {
		return string(r[:most]) + "…"
	}
	return name
}
