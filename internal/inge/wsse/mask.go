package wsse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
// If doc is not well-formed XML, MaskSecrets cannot tell where a password
// might be, so it returns a short placeholder instead of doc: a leaked
// password is worse than a lost message body. An empty doc is returned as is.
func MaskSecrets(doc []byte) []byte {
	if len(doc) == 0 {
		return doc
	}
	spans, err := secretSpans(doc)
	if err != nil {
		return fmt.Appendf(nil, "<!-- not stored: unparsable XML, %d bytes -->", len(doc))
	}
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

// span is a byte range [start, end) of a document.
type span struct{ start, end int64 }

// secretSpans returns the byte ranges of the contents of doc's Password
// elements, everything between the end of the start tag and the start of the
// end tag, in document order. It works on the decoder's input offsets, so
// that whatever the content is (text, CDATA, entities, comments) it is covered
// whole, and nothing outside it is touched.
func secretSpans(doc []byte) ([]span, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true

	var (
		spans    []span
		open     []xml.Name // names of the open elements, outermost first
		maskFrom int64      = -1
		maskAt   int        // depth of the Password element being masked
		rooted   bool
	)
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) == 0 {
				if rooted {
					return nil, errors.New("more than one root element")
				}
				rooted = true
			}
			var parent xml.Name
			if len(open) > 0 {
				parent = open[len(open)-1]
			}
			open = append(open, t.Name)
			if maskFrom < 0 && isPassword(t.Name, parent) {
				maskFrom, maskAt = d.InputOffset(), len(open)
			}
		case xml.EndElement:
			if maskFrom >= 0 && len(open) == maskAt {
				// An empty or self-closing element has nothing to hide.
				if before > maskFrom {
					spans = append(spans, span{maskFrom, before})
				}
				maskFrom = -1
			}
			open = open[:len(open)-1]
		case xml.CharData:
			// encoding/xml accepts text outside the root element, so plain
			// text would pass as "XML" with nothing to mask.
			if len(open) == 0 && len(bytes.Trim(t, " \t\r\n\ufeff")) > 0 {
				return nil, errors.New("text outside the root element")
			}
		}
	}
	if !rooted {
		return nil, errors.New("no root element")
	}
	return spans, nil
}

// isPassword reports whether an element with the given name and parent holds
// a password. encoding/xml leaves an undeclared prefix in Name.Space, where a
// declared one is replaced by its namespace name, an absolute URI and so
// containing a colon.
func isPassword(name, parent xml.Name) bool {
	if name.Local != "Password" {
		return false
	}
	undeclared := name.Space != "" && !strings.Contains(name.Space, ":")
	return name.Space == SecextNS || parent.Local == "UsernameToken" || undeclared
}
