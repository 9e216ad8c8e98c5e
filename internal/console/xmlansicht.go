package console

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// teil is a piece of XML as the console shows it: its text and the class
// that colours it (tag, attr, wert, text, kommentar; "" for layout).
type teil struct {
	K string
	T string
}

// hervorheben lays out an XML document, indented two spaces a level with
// a value on the line of its element, and splits it into coloured pieces.
// What is not well-formed (the journal keeps what a client sent) is shown
// as it came.
func hervorheben(doc []byte) []teil {
	var out []teil
	add := func(k, t string) { out = append(out, teil{K: k, T: t}) }
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var open []xml.Name // RawToken does not match end tags to starts
	depth := 0
	var prev xml.Token
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) && len(open) == 0 {
			break
		}
		if err != nil {
			return []teil{{T: string(doc)}}
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			add("kommentar", "<?"+t.Target+" "+string(t.Inst)+"?>")
		case xml.Comment:
			add("", newline(depth, len(out) > 0))
			add("kommentar", "<!--"+string(t)+"-->")
		case xml.StartElement:
			add("", newline(depth, len(out) > 0))
			add("tag", "<"+qname(t.Name))
			for _, a := range t.Attr {
				add("attr", " "+qname(a.Name)+"=")
				add("wert", `"`+escape(a.Value)+`"`)
			}
			add("tag", ">")
			open = append(open, t.Name)
			depth++
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return []teil{{T: string(doc)}}
			}
			open = open[:len(open)-1]
			depth--
			if _, after := prev.(xml.EndElement); after {
				add("", newline(depth, true))
			}
			add("tag", "</"+qname(t.Name)+">")
		case xml.CharData:
			if s := strings.TrimSpace(string(t)); s != "" {
				add("text", escape(s))
			} else {
				continue // layout of the source: not a token that decides a line break
			}
		}
		prev = xml.CopyToken(tok)
	}
	return out
}

func newline(depth int, any bool) string {
	if !any {
		return ""
	}
	return "\n" + strings.Repeat("  ", depth)
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// einruecken returns the document laid out as hervorheben shows it, as
// text to copy.
func einruecken(doc []byte) string {
	var b strings.Builder
	for _, t := range hervorheben(doc) {
		b.WriteString(t.T)
	}
	return b.String()
}

// escape writes s as XML text, so that what is shown can be copied as XML.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return b.String()
}
