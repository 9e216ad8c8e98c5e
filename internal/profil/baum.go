package profil

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
)

// xsiNS is the namespace of xsi:type and xsi:nil.
const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// knoten is an element of a message as the mapping reads and writes it:
// resolved names, attributes without namespace declarations, child
// elements and the text directly inside. Comments and processing
// instructions are dropped; a message has been checked by then.
type knoten struct {
	name   xml.Name
	attrs  []xml.Attr
	kinder []*knoten
	text   []byte
}

// baumAus builds the tree of recorded tokens, as soap.Element holds them.
func baumAus(tokens []xml.Token) (*knoten, error) {
	var root *knoten
	var stack []*knoten
	for _, tok := range tokens {
		switch t := tok.(type) {
		case xml.StartElement:
			k := neuerKnoten(t)
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("mehr als ein Wurzelelement")
				}
				root = k
			} else {
				parent := stack[len(stack)-1]
				parent.kinder = append(parent.kinder, k)
			}
			stack = append(stack, k)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fmt.Errorf("unerwartetes Ende von %s", t.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				k := stack[len(stack)-1]
				k.text = append(k.text, t...)
			}
		}
	}
	if root == nil || len(stack) > 0 {
		return nil, fmt.Errorf("kein vollständiges Element")
	}
	return root, nil
}

func neuerKnoten(t xml.StartElement) *knoten {
	k := &knoten{name: t.Name}
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		k.attrs = append(k.attrs, a)
	}
	return k
}

// UnmarshalXML reads an element into the tree, as soap.DecodeResponse
// decodes a response's body element.
func (k *knoten) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	tokens := []xml.Token{start.Copy()}
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
		tokens = append(tokens, xml.CopyToken(tok))
	}
	b, err := baumAus(tokens)
	if err != nil {
		return err
	}
	*k = *b
	return nil
}

// MarshalXML writes the tree with its namespace as the default on the
// root, so that children in the same namespace carry none: one contract's
// elements are all in its target namespace.
func (k *knoten) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	if err := k.schreiben(e, ""); err != nil {
		return err
	}
	return e.Flush()
}

func (k *knoten) schreiben(e *xml.Encoder, parentNS string) error {
	start := xml.StartElement{Name: k.name, Attr: k.attrs}
	if k.name.Space == parentNS {
		start.Name.Space = ""
	}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if len(k.text) > 0 {
		if err := e.EncodeToken(xml.CharData(k.text)); err != nil {
			return err
		}
	}
	for _, c := range k.kinder {
		if err := c.schreiben(e, k.name.Space); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// bytes writes the tree as a document of its own, without a declaration.
func (k *knoten) bytes() ([]byte, error) {
	return xml.Marshal(k)
}

// kindNr returns the n-th child named local (from 1), adding it, and any
// missing before it, in the namespace ns.
func (k *knoten) kindNr(ns, local string, n int) *knoten {
	count := 0
	for _, c := range k.kinder {
		if c.name.Local == local {
			count++
			if count == n {
				return c
			}
		}
	}
	var c *knoten
	for ; count < n; count++ {
		c = &knoten{name: xml.Name{Space: ns, Local: local}}
		k.kinder = append(k.kinder, c)
	}
	return c
}

// kind returns the first child named local, or nil.
func (k *knoten) kind(local string) *knoten {
	for _, c := range k.kinder {
		if c.name.Local == local {
			return c
		}
	}
	return nil
}

// nil reports whether the element carries xsi:nil="true" (or "1").
func (k *knoten) istNil() bool {
	for _, a := range k.attrs {
		if a.Name.Space == xsiNS && a.Name.Local == "nil" {
			switch trimSpace(a.Value) {
			case "true", "1":
				return true
			}
		}
	}
	return false
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r' || s[len(s)-1] == '\n') {
		s = s[:len(s)-1]
	}
	return s
}

// ordnen sorts the children of every element by the order of the schema,
// keeping the order of occurrences: the mapping adds them as it meets
// them, and the target's sequences may order them otherwise.
func (k *knoten) ordnen(v *vertrag, key string) {
	if len(k.kinder) > 1 {
		pos := func(c *knoten) int {
			if p := v.nach[key+"/"+c.name.Local]; p != nil {
				return p.position
			}
			return 1 << 30
		}
		slices.SortStableFunc(k.kinder, func(a, b *knoten) int { return pos(a) - pos(b) })
	}
	for _, c := range k.kinder {
		c.ordnen(v, key+"/"+c.name.Local)
	}
}
