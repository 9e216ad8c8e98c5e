package soap

import (
	"encoding/xml"
	"io"
)

// tokenStream is what envelopeReader reads: the tokens of a document with
// their names resolved to namespaces, as xml.Decoder's Token returns them.
type tokenStream interface {
	Token() (xml.Token, error)
	Skip() error
}

// resolver is xml.Decoder's Token and Skip over a guard of the tokens scan
// read: it resolves namespaces and checks that each end tag closes the
// open element as encoding/xml does, errors included (the first error
// is returned again after it, where nobody reads on anyway), without the
// decoder's allocations (its namespace map, its stack of a node per
// element and declaration). FuzzScan checks it against encoding/xml.
type resolver struct {
	raw xml.TokenReader
	// bindings are the namespace declarations in scope, innermost last: a
	// prefix ("" for xmlns) and the namespace it names.
	bindings []binding
	// open are the open elements, with their names as written, and how
	// many bindings each declared.
	open []openElement
	err  error

	// Room for bindings and open of documents of a usual depth.
	bindingsBuf [8]binding
	openBuf     [16]openElement
}

func newResolver(raw xml.TokenReader) *resolver {
	r := &resolver{raw: raw}
	r.bindings, r.open = r.bindingsBuf[:0], r.openBuf[:0]
	return r
}

type binding struct{ prefix, space string }

type openElement struct {
	name     xml.Name // as written: prefix and local part
	bindings int
}

// xmlNamespace is the namespace of the prefix xml, which needs no
// declaration.
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

func (r *resolver) Token() (xml.Token, error) {
	if r.err != nil {
		return nil, r.err
	}
	tok, err := r.raw.Token()
	if tok == nil && err != nil {
		if err == io.EOF && len(r.open) > 0 {
			return nil, r.fail("unexpected EOF")
		}
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		declared := 0
		for _, a := range t.Attr {
			switch {
			case a.Name.Space == "xmlns":
				r.bindings = append(r.bindings, binding{a.Name.Local, a.Value})
				declared++
			case a.Name.Space == "" && a.Name.Local == "xmlns":
				r.bindings = append(r.bindings, binding{"", a.Value})
				declared++
			}
		}
		r.open = append(r.open, openElement{name: t.Name, bindings: declared})
		t.Name = r.translate(t.Name, true)
		for i := range t.Attr {
			t.Attr[i].Name = r.translate(t.Attr[i].Name, false)
		}
		return t, nil
	case xml.EndElement:
		n := len(r.open)
		if n == 0 {
			return nil, r.fail("unexpected end element </" + t.Name.Local + ">")
		}
		open := r.open[n-1]
		r.open = r.open[:n-1]
		switch {
		case open.name.Local != t.Name.Local:
			return nil, r.fail("element <" + open.name.Local + "> closed by </" + t.Name.Local + ">")
		case open.name.Space != t.Name.Space:
			space := t.Name.Space
			if space == "" {
				space = `""`
			}
			return nil, r.fail("element <" + open.name.Local + "> in space " + open.name.Space +
				" closed by </" + t.Name.Local + "> in space " + space)
		}
		t.Name = r.translate(t.Name, true)
		r.bindings = r.bindings[:len(r.bindings)-open.bindings]
		return t, nil
	}
	return tok, nil
}

// translate resolves a name as xml.Decoder's translate does.
func (r *resolver) translate(n xml.Name, isElementName bool) xml.Name {
	switch {
	case n.Space == "xmlns":
		return n
	case n.Space == "" && !isElementName:
		return n
	case n.Space == "xml":
		n.Space = xmlNamespace
	case n.Space == "" && n.Local == "xmlns":
		return n
	}
	for i := len(r.bindings) - 1; i >= 0; i-- {
		if r.bindings[i].prefix == n.Space {
			n.Space = r.bindings[i].space
			return n
		}
	}
	return n // an unbound prefix stays; none stays for no prefix
}

// fail keeps a syntax error as the decoder reports it: a decoder of
// tokens counts no lines.
func (r *resolver) fail(msg string) error {
	r.err = &xml.SyntaxError{Msg: msg, Line: 1}
	return r.err
}

// Skip is xml.Decoder's Skip.
func (r *resolver) Skip() error {
	depth := 0
	for {
		tok, err := r.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}
