package soap

import (
	"encoding/xml"
	"fmt"
	"io"
	"unicode/utf8"
)

// Defaults for the zero values of the Limits fields.
const (
	DefaultMaxDepth    = 64
	DefaultMaxElements = 20000
)

// Limits bound the resources spent on one envelope. Zero fields take the
// defaults. The size of the input itself is not limited here; servers
// should wrap the request body with http.MaxBytesReader.
type Limits struct {
	// MaxDepth is the maximum element nesting depth; the Envelope is at
	// depth 1.
	MaxDepth int
	// MaxElements is the maximum number of elements in the document.
	MaxElements int
}

func (l Limits) withDefaults() Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxElements <= 0 {
		l.MaxElements = DefaultMaxElements
	}
	return l
}

// newDecoder returns a namespace-aware decoder for r that enforces limits
// and rejects what SOAP and safe parsing forbid, whichever code consumes
// the tokens.
func newDecoder(r io.Reader, limits Limits) *xml.Decoder {
	raw := xml.NewDecoder(r)
	raw.CharsetReader = refuseCharset
	return xml.NewTokenDecoder(&guard{raw: raw, limits: limits.withDefaults()})
}

func refuseCharset(label string, _ io.Reader) (io.Reader, error) {
	return nil, fmt.Errorf("encoding %q is not supported, only UTF-8", label)
}

// guard is an xml.TokenReader over the raw, untranslated tokens of a
// decoder; the xml.Decoder wrapping it resolves namespaces and checks
// that tags match. Its errors are *Error and sticky.
type guard struct {
	raw    *xml.Decoder
	limits Limits

	tokens   int
	depth    int
	elements int
	err      error
}

// Token returns the next raw token or an *Error if the token is not
// allowed.
func (g *guard) Token() (xml.Token, error) {
	if g.err != nil {
		return nil, g.err
	}
	tok, err := g.raw.RawToken()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, g.fail(&Error{Kind: Malformed, Err: err})
	}
	g.tokens++
	switch t := tok.(type) {
	case xml.StartElement:
		g.depth++
		g.elements++
		if g.depth > g.limits.MaxDepth {
			return nil, g.fail(newError(LimitExceeded, "element depth exceeds %d", g.limits.MaxDepth))
		}
		if g.elements > g.limits.MaxElements {
			return nil, g.fail(newError(LimitExceeded, "more than %d elements", g.limits.MaxElements))
		}
	case xml.EndElement:
		g.depth--
	case xml.Directive:
		return nil, g.fail(newError(DTDForbidden, "DOCTYPE and other <! declarations are not allowed"))
	case xml.ProcInst:
		if t.Target != "xml" {
			return nil, g.fail(newError(Malformed, "processing instruction <?%s?> is not allowed", t.Target))
		}
		if g.tokens != 1 {
			return nil, g.fail(newError(Malformed, "XML declaration is not at the start of the document"))
		}
		if !utf8.Valid(t.Inst) {
			return nil, g.fail(newError(Malformed, "invalid UTF-8 in XML declaration"))
		}
	case xml.Comment:
		// The decoder checks text, names and attribute values, not comments.
		if !utf8.Valid(t) {
			return nil, g.fail(newError(Malformed, "invalid UTF-8 in comment"))
		}
	}
	return tok, nil
}

func (g *guard) fail(err *Error) error {
	g.err = err
	return err
}
