package inge

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/antchfx/xmlquery"
)

// annotationNS is the namespace of the rule attributes in the XSD.
const annotationNS = "urn:inge-harness:annotation:1"

const xsdNS = "http://www.w3.org/2001/XMLSchema"

// schema is the part of the XSD the checks need: complex types with their
// element declarations (base type first), simple types with their facets,
// and the rule attributes m:pflicht and m:codeliste.
type schema struct {
	complex map[string]*complexType
	simple  map[string]*simpleType
	roots   map[string]string // global element -> type
}

type complexType struct {
	name          string
	base          string // complexContent extension base, "" if none
	elems         []elemDecl
	choice        bool
	simpleContent string // base simple type of simpleContent, "" if none
	attrs         []attrDecl
}

type elemDecl struct {
	name      string
	typ       string // local name; "xs:" prefix kept for built-ins
	min, max  int    // max -1 = unbounded
	pflicht   bool
	codeliste string
}

type attrDecl struct {
	name     string
	typ      string
	required bool
}

type simpleType struct {
	base       string
	maxLength  int // 0 = none
	pattern    *regexp.Regexp
	enum       []string
	minI, maxI *int
}

var defaultSchema = sync.OnceValue(func() *schema {
	s, err := parseSchema(XSD())
	if err != nil {
		panic(fmt.Sprintf("embedded XSD: %v", err)) // caught by the package tests
	}
	return s
})

func parseSchema(xsd []byte) (*schema, error) {
	doc, err := xmlquery.Parse(bytes.NewReader(xsd))
	if err != nil {
		return nil, fmt.Errorf("parse xsd: %w", err)
	}
	root := xmlquery.FindOne(doc, "/*[local-name()='schema']")
	if root == nil {
		return nil, fmt.Errorf("parse xsd: no schema element")
	}
	s := &schema{complex: map[string]*complexType{}, simple: map[string]*simpleType{}, roots: map[string]string{}}
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != xmlquery.ElementNode || n.NamespaceURI != xsdNS {
			continue
		}
		name := n.SelectAttr("name")
		switch n.Data {
		case "simpleType":
			st, err := parseSimple(n)
			if err != nil {
				return nil, fmt.Errorf("simpleType %s: %w", name, err)
			}
			s.simple[name] = st
		case "complexType":
			ct, err := parseComplex(n)
			if err != nil {
				return nil, fmt.Errorf("complexType %s: %w", name, err)
			}
			s.complex[name] = ct
		case "element":
			typ := localType(n.SelectAttr("type"))
			if typ == "" { // anonymous type, e.g. Fehler
				ct, err := parseComplex(xmlquery.FindOne(n, "./*[local-name()='complexType']"))
				if err != nil {
					return nil, fmt.Errorf("element %s: %w", name, err)
				}
				ct.name = name
				s.complex[name] = ct
				typ = name
			}
			s.roots[name] = typ
		}
	}
	return s, nil
}

func parseSimple(n *xmlquery.Node) (*simpleType, error) {
	r := xmlquery.FindOne(n, "./*[local-name()='restriction']")
	if r == nil {
		return nil, fmt.Errorf("only restrictions are supported")
	}
	st := &simpleType{base: localType(r.SelectAttr("base"))}
	for f := r.FirstChild; f != nil; f = f.NextSibling {
		if f.Type != xmlquery.ElementNode {
			continue
		}
		v := f.SelectAttr("value")
		switch f.Data {
		case "maxLength":
			n, err := strconv.Atoi(v)
			if err != nil {
				return nil, fmt.Errorf("maxLength: %w", err)
			}
			st.maxLength = n
		case "pattern":
			re, err := regexp.Compile("^(?:" + v + ")$")
			if err != nil {
				return nil, fmt.Errorf("pattern: %w", err)
			}
			st.pattern = re
		case "enumeration":
			st.enum = append(st.enum, v)
		case "minInclusive", "maxInclusive":
			n, err := strconv.Atoi(v)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Data, err)
			}
			if f.Data == "minInclusive" {
				st.minI = &n
			} else {
				st.maxI = &n
			}
		}
	}
	return st, nil
}

func parseComplex(n *xmlquery.Node) (*complexType, error) {
	if n == nil {
		return nil, fmt.Errorf("missing complexType")
	}
	ct := &complexType{name: n.SelectAttr("name")}
	group := n
	if ext := xmlquery.FindOne(n, "./*[local-name()='complexContent']/*[local-name()='extension']"); ext != nil {
		ct.base = localType(ext.SelectAttr("base"))
		group = ext
	}
	if ext := xmlquery.FindOne(n, "./*[local-name()='simpleContent']/*[local-name()='extension']"); ext != nil {
		ct.simpleContent = localType(ext.SelectAttr("base"))
		for _, a := range xmlquery.Find(ext, "./*[local-name()='attribute']") {
			ct.attrs = append(ct.attrs, attrDecl{name: a.SelectAttr("name"), typ: localType(a.SelectAttr("type")), required: a.SelectAttr("use") == "required"})
		}
		return ct, nil
	}
	seq := xmlquery.FindOne(group, "./*[local-name()='sequence' or local-name()='choice']")
	if seq == nil {
		return ct, nil
	}
	ct.choice = seq.Data == "choice"
	for _, e := range xmlquery.Find(seq, "./*[local-name()='element']") {
		d := elemDecl{name: e.SelectAttr("name"), typ: localType(e.SelectAttr("type")), min: 1, max: 1}
		if v := e.SelectAttr("minOccurs"); v != "" {
			d.min, _ = strconv.Atoi(v)
		}
		switch v := e.SelectAttr("maxOccurs"); v {
		case "":
		case "unbounded":
			d.max = -1
		default:
			d.max, _ = strconv.Atoi(v)
		}
		for _, a := range e.Attr {
			if a.NamespaceURI != annotationNS {
				continue
			}
			switch a.Name.Local {
			case "pflicht":
				d.pflicht = a.Value == "true"
			case "codeliste":
				d.codeliste = a.Value
			}
		}
		ct.elems = append(ct.elems, d)
	}
	return ct, nil
}

// localType strips the prefix of a tns: type and writes built-ins as xs:name.
func localType(qname string) string {
	for i := 0; i < len(qname); i++ {
		if qname[i] == ':' {
			prefix, local := qname[:i], qname[i+1:]
			if prefix == "xs" || prefix == "xsd" {
				return "xs:" + local
			}
			return local
		}
	}
	return qname
}

// elements returns the element declarations of a complex type, those of its
// base type first, as an XSD extension orders them.
func (s *schema) elements(typ string) []elemDecl {
	ct, ok := s.complex[typ]
	if !ok {
		return nil
	}
	var out []elemDecl
	if ct.base != "" {
		out = append(out, s.elements(ct.base)...)
	}
	return append(out, ct.elems...)
}
