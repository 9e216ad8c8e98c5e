package soap

import (
	"encoding/xml"
	"io"
)

// Element is an element of an envelope, kept as the tokens it was read as,
// from its start to its end. Names are resolved to their namespaces; the
// namespace declarations of its ancestors are kept as well, so that QName
// values inside it (such as xsi:type="xs:date") can still be resolved.
type Element struct {
	// Name is the element's namespace and local name.
	Name   xml.Name
	tokens []xml.Token
	scope  []xml.Attr
}

// Tokens returns the element's tokens: its start element first, its end
// element last, and in between the start and end elements, character data
// and comments of its content. The caller must not modify them.
func (e Element) Tokens() []xml.Token { return e.tokens }

// Scope returns the namespace declarations (xmlns and xmlns:prefix
// attributes) of the element's ancestors, outermost first.
func (e Element) Scope() []xml.Attr { return e.scope }

// Decode decodes the element into v, as xml.Unmarshal would.
func (e Element) Decode(v any) error {
	// The tokens' names are resolved already. Without their namespace
	// declarations the decoder cannot resolve them a second time.
	d := xml.NewTokenDecoder(&tokenReplay{tokens: e.tokens})
	if err := d.Decode(v); err != nil {
		return decodeError(err, InvalidBody)
	}
	return nil
}

// tokenReplay replays recorded tokens without their namespace declarations.
type tokenReplay struct {
	tokens []xml.Token
	next   int
}

func (r *tokenReplay) Token() (xml.Token, error) {
	if r.next >= len(r.tokens) {
		return nil, io.EOF
	}
	tok := r.tokens[r.next]
	r.next++
	if start, ok := tok.(xml.StartElement); ok {
		attrs := make([]xml.Attr, 0, len(start.Attr))
		for _, a := range start.Attr {
			if !isNamespaceDecl(a.Name) {
				attrs = append(attrs, a)
			}
		}
		start.Attr = attrs
		return start, nil
	}
	return tok, nil
}

// isNamespaceDecl reports whether an attribute name, as the decoder
// resolved it, is a namespace declaration.
func isNamespaceDecl(n xml.Name) bool {
	return n.Space == "xmlns" || n.Space == "" && n.Local == "xmlns"
}

// record reads the element whose start was just read, to its end, and
// keeps its tokens with the namespace declarations in scope.
func (r *envelopeReader) record(start xml.StartElement) (Element, error) {
	keep := xml.CopyToken
	if r.owned {
		keep = func(tok xml.Token) xml.Token { return tok }
	}
	// A request's body has some 50 to 100 tokens, a header block some 20.
	el := Element{Name: start.Name, tokens: append(make([]xml.Token, 0, 32), keep(start))}
	for _, open := range r.open {
		for _, a := range open.Attr {
			if isNamespaceDecl(a.Name) {
				el.scope = append(el.scope, a)
			}
		}
	}
	for depth := 1; depth > 0; {
		tok, err := r.d.Token()
		if err != nil {
			if err == io.EOF {
				return Element{}, newError(Malformed, "unerwartetes Ende in %s", start.Name.Local)
			}
			return Element{}, decodeError(err, Malformed)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
		el.tokens = append(el.tokens, keep(tok))
	}
	return el, nil
}
