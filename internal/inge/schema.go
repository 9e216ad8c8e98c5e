package inge

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/antchfx/xmlquery"
)

// annotationNS is the namespace of the rule attributes in the XSD.
const annotationNS = "urn:inge-harness:annotation:1"

// Namespaces of XML Schema and of its instance attributes (xsi:type,
// xsi:nil).
const (
	xsdNS = "http://www.w3.org/2001/XMLSchema"
	xsiNS = "http://www.w3.org/2001/XMLSchema-instance"
)

// schema is the XSD compiled for the strict check: every element
// declaration points at its resolved type, so a request is checked by
// walking it, without lookups by name. It holds exactly the constructs the
// contract uses; parseSchema refuses anything else, so the check can never
// silently ignore a part of the XSD.
type schema struct {
	ns      string                  // targetNamespace: every element is in it (elementFormDefault="qualified")
	rules   bool                    // the rule attributes (m:pflicht, m:codeliste) apply: our own contract only
	order   []string                // global elements in the order of the XSD
	roots   map[string]*elemDecl    // global elements by local name
	complex map[string]*complexType // named complex types by local name
	simple  map[string]*simpleType  // named simple types by local name, built-ins as xs:name
}

// elemDecl is a local or global element declaration. Elements are in the
// target namespace (elementFormDefault="qualified").
type elemDecl struct {
	name     string
	typeName string       // as the XSD writes it without prefix: "Kennung", or "xs:date" for a built-in
	complex  *complexType // nil for a simple type
	simple   *simpleType  // nil for a complex type
	min, max int          // max is unbounded for -1
	nillable bool

	// The rules the XSD carries as data (annotation namespace).
	pflicht   bool   // m:pflicht="true": missing is a Meldung, not a schema breach
	codeliste string // m:codeliste: the value must be in that list

	doc string // xs:documentation, for the console's help texts; the check ignores it
}

// complexType is a sequence or a choice of elements, or simple content with
// attributes.
type complexType struct {
	name     string
	base     string      // complexContent extension base, "" if none
	elems    []*elemDecl // the model group, those of the base type first
	choice   bool        // exactly one of elems
	text     *simpleType // type of simple content, nil for element-only content
	attrs    []*attrDecl
	abstract bool
	doc      string // xs:documentation of the type
}

type attrDecl struct {
	name     string // unqualified
	typeName string
	typ      *simpleType
	required bool
}

// builtin is the primitive a simple type derives from; its lexical rules
// are those libxml2 applies (see lexical.go).
type builtin int

const (
	xsString builtin = iota + 1
	xsBoolean
	xsInt
	xsDate
	xsGYear
)

var builtins = map[string]builtin{
	"xs:string":  xsString,
	"xs:boolean": xsBoolean,
	"xs:int":     xsInt,
	"xs:date":    xsDate,
	"xs:gYear":   xsGYear,
}

// simpleType is a built-in type or a restriction of one, with its facets.
type simpleType struct {
	name       string // "Kennung", or "xs:date" for a built-in
	builtin    builtin
	base       string // "" for a built-in
	maxLength  int    // -1 for none
	minLength  int    // -1 for none
	pattern    *regexp.Regexp
	patternSrc string
	enum       []string
	minI       *int64
	maxI       *int64
	doc        string // xs:documentation of the type
}

// defaultSchema is the embedded XSD, compiled once, with its rule
// attributes.
var defaultSchema = sync.OnceValue(func() *schema {
	s, err := parseSchema(XSD())
	if err != nil {
		panic(fmt.Sprintf("embedded XSD: %v", err)) // caught by the package tests
	}
	if s.ns != Namespace {
		panic("embedded XSD: targetNamespace " + s.ns + ", want " + Namespace)
	}
	s.rules = true
	return s
})

// parseSchema compiles an XSD in the subset the contract uses: named simple
// types restricting a built-in or another named simple type (maxLength,
// minLength, pattern, enumeration, minInclusive, maxInclusive), named
// complex types with a sequence or choice of local elements, an extension
// of another complex type, or simple content with attributes, and global
// elements with a named or an anonymous complex type.
func parseSchema(xsd []byte) (*schema, error) {
	doc, err := xmlquery.Parse(bytes.NewReader(xsd))
	if err != nil {
		return nil, fmt.Errorf("parse xsd: %w", err)
	}
	root := xmlquery.FindOne(doc, "/*[local-name()='schema']")
	if root == nil || root.NamespaceURI != xsdNS {
		return nil, fmt.Errorf("parse xsd: no schema element")
	}
	ns := root.SelectAttr("targetNamespace")
	switch {
	case ns == "":
		return nil, fmt.Errorf("parse xsd: a targetNamespace is required")
	case root.SelectAttr("elementFormDefault") != "qualified":
		return nil, fmt.Errorf("parse xsd: only elementFormDefault=\"qualified\" is supported")
	case root.SelectAttr("attributeFormDefault") == "qualified":
		return nil, fmt.Errorf("parse xsd: only unqualified attributes are supported (attributeFormDefault)")
	}
	c := &compiler{
		s:          &schema{ns: ns, roots: map[string]*elemDecl{}, complex: map[string]*complexType{}, simple: map[string]*simpleType{}},
		simpleSrc:  map[string]*xmlquery.Node{},
		complexSrc: map[string]*xmlquery.Node{},
	}
	var globals []*xmlquery.Node
	for n := range xsdChildren(root) {
		name := n.SelectAttr("name")
		switch n.Data {
		case "simpleType":
			c.simpleSrc[name] = n
		case "complexType":
			c.complexSrc[name] = n
		case "element":
			globals = append(globals, n)
		case "annotation":
		default:
			// xs:import, xs:include, xs:group, xs:attributeGroup …: refused,
			// so that the check never ignores a part of the schema.
			return nil, fmt.Errorf("parse xsd: unsupported top-level xs:%s", n.Data)
		}
	}
	for name := range c.simpleSrc {
		if _, err := c.simpleType(name); err != nil {
			return nil, err
		}
	}
	for name := range c.complexSrc {
		if _, err := c.complexType(name); err != nil {
			return nil, err
		}
	}
	for _, n := range globals {
		d, err := c.element(n, true)
		if err != nil {
			return nil, err
		}
		if _, dup := c.s.roots[d.name]; dup {
			return nil, fmt.Errorf("parse xsd: global element %s declared twice", d.name)
		}
		c.s.roots[d.name] = d
		c.s.order = append(c.s.order, d.name)
	}
	return c.s, nil
}

// compiler resolves the named types of an XSD, each once.
type compiler struct {
	s          *schema
	simpleSrc  map[string]*xmlquery.Node
	complexSrc map[string]*xmlquery.Node
	resolving  []string // complex types being compiled, to refuse cycles
}

// xsdChildren yields the child elements of n in the XSD namespace.
func xsdChildren(n *xmlquery.Node) func(yield func(*xmlquery.Node) bool) {
	return func(yield func(*xmlquery.Node) bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xmlquery.ElementNode && c.NamespaceURI == xsdNS && !yield(c) {
				return
			}
		}
	}
}

// xsdChild returns the only child of n named local, or nil.
func xsdChild(n *xmlquery.Node, local string) *xmlquery.Node {
	for c := range xsdChildren(n) {
		if c.Data == local {
			return c
		}
	}
	return nil
}

// simpleType returns the compiled simple type of a name as the XSD writes
// it (prefix stripped; built-ins as xs:name).
func (c *compiler) simpleType(name string) (*simpleType, error) {
	if st, ok := c.s.simple[name]; ok {
		return st, nil
	}
	if b, ok := builtins[name]; ok {
		st := &simpleType{name: name, builtin: b, maxLength: -1, minLength: -1}
		c.s.simple[name] = st
		return st, nil
	}
	n, ok := c.simpleSrc[name]
	if !ok {
		return nil, fmt.Errorf("xsd: unknown simple type %s", name)
	}
	r := xsdChild(n, "restriction")
	if r == nil {
		return nil, fmt.Errorf("xsd: simpleType %s: only restrictions are supported", name)
	}
	baseName := typeRef(r.SelectAttr("base"))
	if baseName == name {
		return nil, fmt.Errorf("xsd: simpleType %s restricts itself", name)
	}
	base, err := c.simpleType(baseName)
	if err != nil {
		return nil, fmt.Errorf("xsd: simpleType %s: %w", name, err)
	}
	st := &simpleType{name: name, builtin: base.builtin, base: baseName, maxLength: -1, minLength: -1, doc: documentation(n)}
	for f := range xsdChildren(r) {
		v := f.SelectAttr("value")
		switch f.Data {
		case "maxLength", "minLength":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("xsd: simpleType %s: %s %q", name, f.Data, v)
			}
			if f.Data == "maxLength" {
				st.maxLength = n
			} else {
				st.minLength = n
			}
		case "pattern":
			re, err := compilePattern(v)
			if err != nil {
				return nil, fmt.Errorf("xsd: simpleType %s: %w", name, err)
			}
			st.pattern, st.patternSrc = re, v
		case "enumeration":
			st.enum = append(st.enum, v)
		case "minInclusive", "maxInclusive":
			if st.builtin != xsInt {
				return nil, fmt.Errorf("xsd: simpleType %s: %s is only supported on xs:int", name, f.Data)
			}
			n, err := strconv.ParseInt(v, 10, 32)
			if err != nil {
				return nil, fmt.Errorf("xsd: simpleType %s: %s: %w", name, f.Data, err)
			}
			if f.Data == "minInclusive" {
				st.minI = &n
			} else {
				st.maxI = &n
			}
		case "annotation":
		default:
			return nil, fmt.Errorf("xsd: simpleType %s: unsupported facet %s", name, f.Data)
		}
	}
	// A restriction keeps the facets of its base that it does not set.
	if st.maxLength < 0 {
		st.maxLength = base.maxLength
	}
	if st.minLength < 0 {
		st.minLength = base.minLength
	}
	if st.pattern == nil && base.pattern != nil {
		st.pattern, st.patternSrc = base.pattern, base.patternSrc
	}
	if st.enum == nil {
		st.enum = base.enum
	}
	if st.minI == nil {
		st.minI = base.minI
	}
	if st.maxI == nil {
		st.maxI = base.maxI
	}
	c.s.simple[name] = st
	return st, nil
}

// compilePattern translates an XSD pattern into a Go regular expression.
// XSD patterns match the whole value, and \d there means any Unicode digit.
func compilePattern(p string) (*regexp.Regexp, error) {
	for _, unsupported := range []string{`\i`, `\c`, `\I`, `\C`, "-["} {
		if strings.Contains(p, unsupported) {
			return nil, fmt.Errorf("pattern %q: %s is not supported", p, unsupported)
		}
	}
	p = strings.NewReplacer(`\d`, `\p{Nd}`, `\D`, `\P{Nd}`).Replace(p)
	re, err := regexp.Compile(`^(?:` + p + `)$`)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", p, err)
	}
	return re, nil
}

// complexType returns the compiled complex type of a name.
func (c *compiler) complexType(name string) (*complexType, error) {
	if ct, ok := c.s.complex[name]; ok {
		return ct, nil
	}
	n, ok := c.complexSrc[name]
	if !ok {
		return nil, fmt.Errorf("xsd: unknown complex type %s", name)
	}
	for _, r := range c.resolving {
		if r == name {
			return nil, fmt.Errorf("xsd: complexType %s is defined in terms of itself", name)
		}
	}
	c.resolving = append(c.resolving, name)
	defer func() { c.resolving = c.resolving[:len(c.resolving)-1] }()
	ct, err := c.compileComplex(n, name)
	if err != nil {
		return nil, err
	}
	c.s.complex[name] = ct
	return ct, nil
}

func (c *compiler) compileComplex(n *xmlquery.Node, name string) (*complexType, error) {
	ct := &complexType{name: name, abstract: n.SelectAttr("abstract") == "true", doc: documentation(n)}
	if v := n.SelectAttr("mixed"); v == "true" {
		return nil, fmt.Errorf("xsd: complexType %s: mixed content is not supported", name)
	}
	group := n
	for child := range xsdChildren(n) {
		switch child.Data {
		case "annotation", "sequence", "choice":
		case "complexContent":
			ext := xsdChild(child, "extension")
			if ext == nil || xsdChild(child, "restriction") != nil {
				return nil, fmt.Errorf("xsd: complexType %s: only complexContent extensions are supported", name)
			}
			ct.base = typeRef(ext.SelectAttr("base"))
			base, err := c.complexType(ct.base)
			if err != nil {
				return nil, fmt.Errorf("xsd: complexType %s: %w", name, err)
			}
			if base.text != nil || base.choice {
				return nil, fmt.Errorf("xsd: complexType %s: only a sequence may be extended", name)
			}
			ct.elems = append(ct.elems, base.elems...)
			ct.attrs = append(ct.attrs, base.attrs...)
			group = ext
		case "simpleContent":
			ext := xsdChild(child, "extension")
			if ext == nil {
				return nil, fmt.Errorf("xsd: complexType %s: only simpleContent extensions are supported", name)
			}
			text, err := c.simpleType(typeRef(ext.SelectAttr("base")))
			if err != nil {
				return nil, fmt.Errorf("xsd: complexType %s: %w", name, err)
			}
			ct.text = text
			group = ext
		case "attribute":
		default:
			return nil, fmt.Errorf("xsd: complexType %s: unsupported xs:%s", name, child.Data)
		}
	}
	for child := range xsdChildren(group) {
		switch child.Data {
		case "attribute":
			a, err := c.attribute(child)
			if err != nil {
				return nil, fmt.Errorf("xsd: complexType %s: %w", name, err)
			}
			ct.attrs = append(ct.attrs, a)
		case "sequence", "choice":
			if ct.text != nil {
				return nil, fmt.Errorf("xsd: complexType %s: simple content with elements", name)
			}
			if child.SelectAttr("minOccurs") != "" || child.SelectAttr("maxOccurs") != "" {
				return nil, fmt.Errorf("xsd: complexType %s: occurrence on a model group is not supported", name)
			}
			if child.Data == "choice" {
				if len(ct.elems) > 0 {
					return nil, fmt.Errorf("xsd: complexType %s: a choice may not extend a sequence", name)
				}
				ct.choice = true
			}
			for e := range xsdChildren(child) {
				switch e.Data {
				case "element":
					d, err := c.element(e, false)
					if err != nil {
						return nil, fmt.Errorf("xsd: complexType %s: %w", name, err)
					}
					if ct.choice && (d.min != 1 || d.max != 1) {
						return nil, fmt.Errorf("xsd: complexType %s: choice alternatives must occur exactly once", name)
					}
					for _, other := range ct.elems {
						if other.name == d.name {
							return nil, fmt.Errorf("xsd: complexType %s: element %s declared twice", name, d.name)
						}
					}
					ct.elems = append(ct.elems, d)
				case "annotation":
				default:
					return nil, fmt.Errorf("xsd: complexType %s: unsupported xs:%s in a model group", name, e.Data)
				}
			}
		case "annotation", "complexContent", "simpleContent", "extension":
		default:
			return nil, fmt.Errorf("xsd: complexType %s: unsupported xs:%s", name, child.Data)
		}
	}
	return ct, nil
}

func (c *compiler) attribute(n *xmlquery.Node) (*attrDecl, error) {
	a := &attrDecl{name: n.SelectAttr("name"), typeName: typeRef(n.SelectAttr("type"))}
	switch use := n.SelectAttr("use"); use {
	case "required":
		a.required = true
	case "", "optional":
	default:
		return nil, fmt.Errorf("attribute %s: use %q is not supported", a.name, use)
	}
	if n.SelectAttr("form") == "qualified" || n.SelectAttr("ref") != "" {
		return nil, fmt.Errorf("attribute %s: only unqualified local attributes are supported", a.name)
	}
	typ, err := c.simpleType(a.typeName)
	if err != nil {
		return nil, fmt.Errorf("attribute %s: %w", a.name, err)
	}
	a.typ = typ
	return a, nil
}

// element compiles an element declaration. A global one may have an
// anonymous complex type (Fehler); local ones name their type.
func (c *compiler) element(n *xmlquery.Node, global bool) (*elemDecl, error) {
	d := &elemDecl{name: n.SelectAttr("name"), typeName: typeRef(n.SelectAttr("type")), min: 1, max: 1}
	if d.name == "" || n.SelectAttr("ref") != "" {
		return nil, fmt.Errorf("element: only named declarations are supported")
	}
	if n.SelectAttr("form") == "unqualified" {
		return nil, fmt.Errorf("element %s: unqualified local elements are not supported", d.name)
	}
	if v := n.SelectAttr("minOccurs"); v != "" {
		m, err := strconv.Atoi(v)
		if err != nil || m < 0 {
			return nil, fmt.Errorf("element %s: minOccurs %q", d.name, v)
		}
		d.min = m
	}
	switch v := n.SelectAttr("maxOccurs"); v {
	case "":
	case "unbounded":
		d.max = -1
	default:
		m, err := strconv.Atoi(v)
		if err != nil || m < 1 || m < d.min {
			return nil, fmt.Errorf("element %s: maxOccurs %q", d.name, v)
		}
		d.max = m
	}
	if global && (d.min != 1 || d.max != 1) {
		return nil, fmt.Errorf("element %s: occurrence on a global element", d.name)
	}
	d.nillable = n.SelectAttr("nillable") == "true"
	d.doc = documentation(n)
	for _, a := range n.Attr {
		if a.NamespaceURI != annotationNS {
			continue
		}
		switch a.Name.Local {
		case "pflicht":
			d.pflicht = a.Value == "true"
		case "codeliste":
			d.codeliste = a.Value
		default:
			return nil, fmt.Errorf("element %s: unknown rule attribute m:%s", d.name, a.Name.Local)
		}
	}
	if d.typeName == "" {
		anon := xsdChild(n, "complexType")
		if anon == nil || !global {
			return nil, fmt.Errorf("element %s: needs a named type", d.name)
		}
		ct, err := c.compileComplex(anon, d.name)
		if err != nil {
			return nil, err
		}
		c.s.complex[d.name] = ct
		d.typeName, d.complex = d.name, ct
		return d, nil
	}
	if _, isComplex := c.complexSrc[d.typeName]; isComplex {
		ct, err := c.complexType(d.typeName)
		if err != nil {
			return nil, fmt.Errorf("element %s: %w", d.name, err)
		}
		if ct.abstract {
			return nil, fmt.Errorf("element %s: type %s is abstract", d.name, d.typeName)
		}
		d.complex = ct
		return d, nil
	}
	st, err := c.simpleType(d.typeName)
	if err != nil {
		return nil, fmt.Errorf("element %s: %w", d.name, err)
	}
	d.simple = st
	return d, nil
}

// documentation returns the text of n's xs:annotation/xs:documentation,
// with its white space collapsed, or "".
func documentation(n *xmlquery.Node) string {
	a := xsdChild(n, "annotation")
	if a == nil {
		return ""
	}
	var parts []string
	for d := range xsdChildren(a) {
		if d.Data == "documentation" {
			parts = append(parts, strings.Fields(d.InnerText())...)
		}
	}
	return strings.Join(parts, " ")
}

// typeRef strips the prefix of a reference to a type of the target
// namespace and writes built-ins as xs:name, whatever prefix the XSD binds
// to XML Schema (xs or xsd).
func typeRef(qname string) string {
	prefix, local, ok := strings.Cut(qname, ":")
	if !ok {
		return qname
	}
	if prefix == "xs" || prefix == "xsd" {
		return "xs:" + local
	}
	return local
}
