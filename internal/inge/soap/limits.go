package soap

import (
	"bytes"
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
// the tokens. observe, if not nil, sees every raw token (Observer).
func newDecoder(r io.Reader, limits Limits, observe Observer) *xml.Decoder {
	raw := xml.NewDecoder(r)
	raw.CharsetReader = refuseCharset
	return guarded(raw, limits, observe)
}

// newDocDecoder is newDecoder for a document in memory: scan reads it when
// it can, encoding/xml when not. owned reports that scan did: its tokens
// belong to the caller (they share nothing but doc, which nobody changes),
// where encoding/xml's are valid until its next token only.
func newDocDecoder(doc []byte, limits Limits, observe Observer) (d tokenStream, owned bool) {
	if toks, ok := scan(doc); ok {
		return newResolver(newGuard(toks, limits, observe)), true
	}
	return newDecoder(bytes.NewReader(doc), limits, observe), false
}

func guarded(raw tokenSource, limits Limits, observe Observer) *xml.Decoder {
	return xml.NewTokenDecoder(newGuard(raw, limits, observe))
}

func newGuard(raw tokenSource, limits Limits, observe Observer) *guard {
	g := &guard{raw: raw, limits: limits.withDefaults(), observe: observe}
	g.declared = g.declaredBuf[:0]
	return g
}

// A tokenSource yields the raw tokens of a document, as
// xml.Decoder.RawToken does, and the offset of the end of the last one.
type tokenSource interface {
	RawToken() (xml.Token, error)
	InputOffset() int64
}

// An Observer is shown every raw token of a document as it is read, with
// its byte range [start, end) in the input, in order, before the token is
// checked: a reader that succeeds has shown every token up to the end of
// the input. The token is valid only during the call. It lets another
// look at the document (finding its passwords to mask, say) share the one
// parse.
type Observer func(tok xml.Token, start, end int64)

func refuseCharset(label string, _ io.Reader) (io.Reader, error) {
	return nil, fmt.Errorf("%w: %s", errEncoding, label)
}

// guard is an xml.TokenReader over the raw, untranslated tokens of a
// decoder; the xml.Decoder wrapping it resolves namespaces and checks
// that tags match. Its errors are *Error and sticky.
type guard struct {
	raw     tokenSource
	limits  Limits
	observe Observer

	tokens   int
	depth    int
	elements int
	err      error

	// declared holds the prefixes declared by the open elements, one
	// entry per element (nil when it declares none), so that a prefix
	// used without a declaration is refused: the document would not be
	// namespace-well-formed.
	declared [][]string
	// declaredBuf holds declared for documents of a usual depth.
	declaredBuf [16][]string
}

// Token returns the next raw token or an *Error if the token is not
// allowed.
func (g *guard) Token() (xml.Token, error) {
	if g.err != nil {
		return nil, g.err
	}
	start := g.raw.InputOffset()
	tok, err := g.raw.RawToken()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, g.fail(&Error{Kind: Malformed, Err: err})
	}
	if g.observe != nil {
		g.observe(tok, start, g.raw.InputOffset())
	}
	g.tokens++
	switch t := tok.(type) {
	case xml.StartElement:
		g.depth++
		g.elements++
		if g.depth > g.limits.MaxDepth {
			return nil, g.fail(newError(LimitExceeded, "mehr als %d Ebenen verschachtelt", g.limits.MaxDepth))
		}
		if g.elements > g.limits.MaxElements {
			return nil, g.fail(newError(LimitExceeded, "mehr als %d Elemente", g.limits.MaxElements))
		}
		if err := g.checkPrefixes(t); err != nil {
			return nil, g.fail(err)
		}
	case xml.EndElement:
		g.depth--
		if n := len(g.declared); n > 0 {
			g.declared = g.declared[:n-1]
		}
	case xml.Directive:
		return nil, g.fail(newError(DTDForbidden, "DOCTYPE und andere <!-Deklarationen sind nicht erlaubt"))
	case xml.ProcInst:
		if t.Target != "xml" {
			return nil, g.fail(newError(Malformed, "die Verarbeitungsanweisung <?%s?> ist nicht erlaubt", t.Target))
		}
		if g.tokens != 1 {
			return nil, g.fail(newError(Malformed, "die XML-Deklaration steht nicht am Anfang"))
		}
		if !utf8.Valid(t.Inst) {
			return nil, g.fail(newError(Malformed, "ungültiges UTF-8 in der XML-Deklaration"))
		}
	case xml.Comment:
		// The decoder checks text, names and attribute values, not comments.
		if !utf8.Valid(t) {
			return nil, g.fail(newError(Malformed, "ungültiges UTF-8 in einem Kommentar"))
		}
	}
	return tok, nil
}

func (g *guard) fail(err *Error) error {
	g.err = err
	return err
}

// checkPrefixes records the prefixes start declares and refuses a prefix
// of its name or of an attribute that no open element declares.
func (g *guard) checkPrefixes(start xml.StartElement) *Error {
	var own []string
	for _, a := range start.Attr {
		if a.Name.Space != "xmlns" {
			continue
		}
		if a.Value == "" {
			return newError(Malformed, "das Präfix %s ist an einen leeren Namespace gebunden", a.Name.Local)
		}
		own = append(own, a.Name.Local)
	}
	g.declared = append(g.declared, own)
	if !g.isDeclared(start.Name.Space) {
		return newError(Malformed, "das Präfix %s des Elements %s ist nicht deklariert", start.Name.Space, start.Name.Local)
	}
	for _, a := range start.Attr {
		if a.Name.Space != "xmlns" && !g.isDeclared(a.Name.Space) {
			return newError(Malformed, "das Präfix %s des Attributs %s ist nicht deklariert", a.Name.Space, a.Name.Local)
		}
	}
	return nil
}

// isDeclared reports whether prefix may be used: no prefix, the reserved
// xml, or one an open element declares.
func (g *guard) isDeclared(prefix string) bool {
	if prefix == "" || prefix == "xml" {
		return true
	}
	for i := len(g.declared) - 1; i >= 0; i-- {
		for _, p := range g.declared[i] {
			if p == prefix {
				return true
			}
		}
	}
	return false
}
