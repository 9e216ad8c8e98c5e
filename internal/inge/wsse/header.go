package wsse

import (
	"encoding/xml"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// SecurityName is the qualified name of the wsse:Security header block.
var SecurityName = xml.Name{Space: SecextNS, Local: "Security"}

var usernameTokenName = xml.Name{Space: SecextNS, Local: "UsernameToken"}

// IsSecurity reports whether a header block is wsse:Security: the one block
// a server that verifies UsernameTokens understands.
func IsSecurity(name xml.Name) bool { return name == SecurityName }

// ReadSecurity finds the wsse:Security block among a request's header
// blocks and decodes it. It returns nil when there is none. A second
// Security block, or a second UsernameToken in it, is refused as a
// malformed token rather than letting one of them win.
func ReadSecurity(blocks []soap.Element) (*Security, error) {
	var found *soap.Element
	for i := range blocks {
		if !IsSecurity(blocks[i].Name) {
			continue
		}
		if found != nil {
			return nil, reject(ErrMalformedToken, "die Nachricht hat mehr als einen Security-Header")
		}
		found = &blocks[i]
	}
	if found == nil {
		return nil, nil
	}
	if n := countChildren(*found, usernameTokenName); n > 1 {
		return nil, reject(ErrMalformedToken, "der Security-Header enthält %d UsernameTokens; erlaubt ist genau eines", n)
	}
	if sec, ok := decodeSecurity(*found); ok {
		return &sec, nil
	}
	var sec Security
	if err := found.Decode(&sec); err != nil {
		return nil, reject(ErrMalformedToken, "der Security-Header lässt sich nicht lesen")
	}
	return &sec, nil
}

// countChildren counts the child elements of el named name.
func countChildren(el soap.Element, name xml.Name) int {
	n, depth := 0, 0
	for _, tok := range el.Tokens() {
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && t.Name == name {
				n++
			}
		case xml.EndElement:
			depth--
		}
	}
	return n
}
