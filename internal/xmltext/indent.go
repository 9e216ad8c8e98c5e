// Package xmltext lays out XML for people to read: the SOAP exchanges in
// the protocols of certrunner.
package xmltext

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// Indent returns doc with one element per line, indented by two spaces
// per level, for people to read. Prefixes, attributes and text stay as they
// were; whitespace between elements is replaced. A document that is not
// well-formed XML is returned unchanged.
//
// It works on raw tokens rather than through xml.Encoder, which would turn
// every prefix into a namespace declaration of its own.
func Indent(doc []byte) string {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var (
		b        strings.Builder
		depth    int
		open     bool   // a start tag is written without its closing '>'
		children []bool // per open element: it has child elements
		texts    []bool // per open element: it has text
	)
	newline := func() {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("  ", depth))
	}
	closeStart := func() {
		if open {
			b.WriteByte('>')
			open = false
		}
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return string(doc)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			closeStart()
			if len(children) > 0 {
				children[len(children)-1] = true
			}
			newline()
			b.WriteByte('<')
			b.WriteString(qualified(t.Name))
			for _, a := range t.Attr {
				b.WriteByte(' ')
				b.WriteString(qualified(a.Name))
				b.WriteString(`="`)
				b.WriteString(attrEscaper.Replace(a.Value))
				b.WriteByte('"')
			}
			open = true
			depth++
			children = append(children, false)
			texts = append(texts, false)
		case xml.EndElement:
			if len(children) == 0 {
				return string(doc)
			}
			depth--
			hadChildren, hadText := children[len(children)-1], texts[len(texts)-1]
			children, texts = children[:len(children)-1], texts[:len(texts)-1]
			if open {
				b.WriteString("/>")
				open = false
				continue
			}
			if hadChildren && !hadText {
				newline()
			}
			b.WriteString("</")
			b.WriteString(qualified(t.Name))
			b.WriteByte('>')
		case xml.CharData:
			if len(bytes.TrimSpace(t)) == 0 {
				continue // indentation of the original
			}
			closeStart()
			if len(texts) > 0 {
				texts[len(texts)-1] = true
			}
			b.WriteString(textEscaper.Replace(string(t)))
		case xml.Comment:
			closeStart()
			newline()
			b.WriteString("<!--")
			b.Write(t)
			b.WriteString("-->")
		case xml.ProcInst:
			closeStart()
			newline()
			b.WriteString("<?")
			b.WriteString(t.Target)
			if len(t.Inst) > 0 {
				b.WriteByte(' ')
				b.Write(t.Inst)
			}
			b.WriteString("?>")
		case xml.Directive:
			closeStart()
			newline()
			b.WriteString("<!")
			b.Write(t)
			b.WriteByte('>')
		}
	}
	if depth != 0 {
		return string(doc)
	}
	return b.String()
}

// The escapers keep line breaks and tabs readable, where xml.EscapeText
// would write character references.
var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

// qualified writes a raw name as it was: prefix:local.
func qualified(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
