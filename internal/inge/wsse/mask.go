package wsse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// The namespace of the WS-Security header elements is SecextNS
// (UsernameToken, Password, Nonce, ...).

// Mask replaces the content of each secret element.
const Mask = "***"

// MaskSecrets returns doc with the content of every WS-Security Password
// element replaced by Mask, and every other byte unchanged. A Password
// element is one named Password in the WS-Security namespace, under any
// prefix; to err on the safe side, also one named Password inside any
// UsernameToken element or with an undeclared prefix, as sent by clients that
// get the namespace wrong.
//
// If doc is not well-formed XML and may hold a password element or
// attribute, MaskSecrets cannot tell where it is, so it returns a short
// placeholder instead of doc: a leaked password is worse than a lost message
// body. A doc in which no name could be a password's (no "passw" in any
// case) is not parsed: only the extra secrets are masked in it, as in every
// doc. An empty doc is returned as is.
func MaskSecrets(doc []byte, extra ...string) []byte {
	if len(doc) == 0 {
		return doc
	}
	out := doc
	if mayNamePassword(doc) {
		var err error
		if out, err = maskElements(doc); err != nil {
			return fmt.Appendf(nil, "<!-- not stored: unparsable XML, %d bytes -->", len(doc))
		}
	}
	return maskGiven(out, extra)
}

// maskElements masks the contents of doc's password elements and
// attributes.
func maskElements(doc []byte) ([]byte, error) {
	spans, err := secretSpans(doc)
	if err != nil {
		return nil, err
	}
	return maskSpans(doc, spans), nil
}

// maskSpans replaces each span of doc by Mask; doc itself if there is none.
func maskSpans(doc []byte, spans []span) []byte {
	if len(spans) == 0 {
		return doc
	}
	out := make([]byte, 0, len(doc))
	var last int64
	for _, sp := range spans {
		out = append(out, doc[last:sp.start]...)
		out = append(out, Mask...)
		last = sp.end
	}
	return append(out, doc[last:]...)
}

// maskGiven replaces every occurrence of the given secrets in doc, as they
// are and as XML escapes them.
func maskGiven(out []byte, extra []string) []byte {
	for _, secret := range extra {
		if secret == "" {
			continue
		}
		var esc bytes.Buffer
		_ = xml.EscapeText(&esc, []byte(secret))
		for _, form := range [][]byte{[]byte(secret), esc.Bytes()} {
			if bytes.Contains(out, form) {
				out = bytes.ReplaceAll(out, form, []byte(Mask))
			}
		}
	}
	return out
}

// mayNamePassword reports whether doc may hold a name that isPassword or
// passwordAttribute takes for a password's: one with "passw" in it, in any
// case, with U+017F (long s) for an s as strings.EqualFold allows.
func mayNamePassword(doc []byte) bool {
	for i := 0; i+5 <= len(doc); i++ {
		if doc[i]|0x20 != 'p' || doc[i+1]|0x20 != 'a' {
			continue
		}
		j := i + 2
		for range 2 {
			switch {
			case j < len(doc) && doc[j]|0x20 == 's':
				j++
			case j+1 < len(doc) && doc[j] == 0xC5 && doc[j+1] == 0xBF: // ſ
				j += 2
			default:
				j = -1
			}
			if j < 0 {
				break
			}
		}
		if j > 0 && j < len(doc) && doc[j]|0x20 == 'w' {
			return true
		}
	}
	return false
}

// span is a byte range [start, end) of a document.
type span struct{ start, end int64 }

// secretSpans returns the byte ranges of the contents of doc's Password
// elements, everything between the end of the start tag and the start of the
// end tag, and of the values of password attributes, in document order. It
// works on the decoder's input offsets, so that whatever the content is
// (text, CDATA, entities, comments) it is covered whole, and nothing outside
// it is touched.
func secretSpans(doc []byte) ([]span, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	f := newSpanFinder(doc)
	for {
		before := d.InputOffset()
		// RawToken: the names' namespaces do not matter here, and
		// translating them is half the cost; whether the end tags match
		// is checked by the finder.
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		f.token(tok, before, d.InputOffset())
	}
	return f.result()
}

// spanFinder finds the secret spans of a document from its raw tokens and
// their byte ranges, as a decoder reads them: secretSpans's own decoder, or
// another reader's (SecretFinder). Its first error is kept.
type spanFinder struct {
	doc      []byte
	spans    []span
	open     []xml.Name // names of the open elements, outermost first
	maskFrom int64      // start of the Password content being masked; -1 if none
	maskAt   int        // depth of the Password element being masked
	rooted   bool
	end      int64 // end of the last token
	err      error
}

func newSpanFinder(doc []byte) spanFinder { return spanFinder{doc: doc, maskFrom: -1} }

// token takes the next raw token, doc[before:after].
func (f *spanFinder) token(tok xml.Token, before, after int64) {
	f.end = after
	if f.err != nil {
		return
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(f.open) == 0 {
			if f.rooted {
				f.err = errors.New("more than one root element")
				return
			}
			f.rooted = true
		}
		f.open = append(f.open, t.Name)
		if f.maskFrom < 0 {
			f.spans = append(f.spans, attributeSpans(f.doc, before, after, t)...)
		}
		if f.maskFrom < 0 && isPassword(t.Name.Local) {
			f.maskFrom, f.maskAt = after, len(f.open)
		}
	case xml.EndElement:
		if len(f.open) == 0 || t.Name != f.open[len(f.open)-1] {
			f.err = fmt.Errorf("unexpected end tag </%s>", t.Name.Local)
			return
		}
		if f.maskFrom >= 0 && len(f.open) == f.maskAt {
			// An empty or self-closing element has nothing to hide.
			if before > f.maskFrom {
				f.spans = append(f.spans, span{f.maskFrom, before})
			}
			f.maskFrom = -1
		}
		f.open = f.open[:len(f.open)-1]
	case xml.CharData:
		// encoding/xml accepts text outside the root element, so plain
		// text would pass as "XML" with nothing to mask.
		if len(f.open) == 0 && len(bytes.Trim(t, " \t\r\n\ufeff")) > 0 {
			f.err = errors.New("text outside the root element")
		}
	}
}

// result returns the spans once every token of the document was taken.
func (f *spanFinder) result() ([]span, error) {
	switch {
	case f.err != nil:
		return nil, f.err
	case len(f.open) > 0:
		return nil, fmt.Errorf("element <%s> not closed", f.open[len(f.open)-1].Local)
	case !f.rooted:
		return nil, errors.New("no root element")
	}
	return f.spans, nil
}

// SecretFinder finds the passwords of a document while another reader
// parses it, so that masking it needs no parse of its own: pass Token to
// soap.ReadEnvelopeObserved.
type SecretFinder struct {
	f spanFinder
}

// NewSecretFinder returns a finder for doc, the bytes the reader reads.
func NewSecretFinder(doc []byte) *SecretFinder {
	return &SecretFinder{f: newSpanFinder(doc)}
}

// Token takes the next raw token of the document and its byte range; it is
// a soap.Observer.
func (s *SecretFinder) Token(tok xml.Token, start, end int64) { s.f.token(tok, start, end) }

// Of reports whether the finder is for doc: the same bytes in the same
// memory.
func (s *SecretFinder) Of(doc []byte) bool {
	mine := s.f.doc
	return len(mine) == len(doc) && (len(doc) == 0 || &mine[0] == &doc[0])
}

// Mask returns MaskSecrets(doc, extra...): from the spans found if the
// reader showed every token of doc, and by MaskSecrets itself otherwise.
func (s *SecretFinder) Mask(extra ...string) []byte {
	doc := s.f.doc
	if len(doc) == 0 || !mayNamePassword(doc) || s.f.end != int64(len(doc)) {
		return MaskSecrets(doc, extra...)
	}
	spans, err := s.f.result()
	if err != nil {
		return MaskSecrets(doc, extra...)
	}
	return maskGiven(maskSpans(doc, spans), extra)
}

// isPassword reports whether an element or attribute of this local name
// holds a password: Password or Passwort in any case. The namespace does not
// matter: a password in the wrong one is a password all the same.
func isPassword(local string) bool {
	return strings.EqualFold(local, "Password") || strings.EqualFold(local, "Passwort")
}

// passwordAttribute finds the value of a password attribute in a start tag.
var passwordAttribute = regexp.MustCompile(`(?i)(?:^|[\s:])passw(?:or)?[dt]\s*=\s*("[^"]*"|'[^']*')`)

// attributeSpans returns the byte ranges of the values (inside the quotes)
// of password attributes of the start tag doc[from:to].
func attributeSpans(doc []byte, from, to int64, t xml.StartElement) []span {
	if !slices.ContainsFunc(t.Attr, func(a xml.Attr) bool { return isPassword(a.Name.Local) }) {
		return nil
	}
	var spans []span
	for _, m := range passwordAttribute.FindAllSubmatchIndex(doc[from:to], -1) {
		if start, end := from+int64(m[2])+1, from+int64(m[3])-1; end > start {
			spans = append(spans, span{start, end})
		}
	}
	return spans
}
