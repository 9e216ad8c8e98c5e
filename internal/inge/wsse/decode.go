package wsse

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// Reading a Security block from its tokens, without encoding/xml's
// reflection: a tenth of a request's decoding, for a block of four values.
// It reads the shape that clients send and decodes it as xml.Unmarshal
// decodes into Security: other elements are skipped with what they hold,
// attributes but ours ignored, comments and spaces between elements too.
// Anything it does not read exactly so (a value given twice, an element or
// a comment inside a value, an attribute of ours twice, an unreadable
// mustUnderstand) it leaves to Decode (FuzzDecodeSecurity compares both).

var (
	mustUnderstandName = xml.Name{Space: soap.EnvelopeNS, Local: "mustUnderstand"}
	usernameName       = xml.Name{Space: SecextNS, Local: "Username"}
	passwordName       = xml.Name{Space: SecextNS, Local: "Password"}
	nonceName          = xml.Name{Space: SecextNS, Local: "Nonce"}
	createdName        = xml.Name{Space: UtilityNS, Local: "Created"}
)

// decodeSecurity decodes the Security block el, whose name is checked
// already; ok is false if it must be left to Decode.
func decodeSecurity(el soap.Element) (sec Security, ok bool) {
	toks := el.Tokens()
	start, isStart := toks[0].(xml.StartElement)
	if !isStart {
		return Security{}, false
	}
	sec.XMLName = start.Name
	seen := false
	for _, a := range start.Attr {
		if a.Name != mustUnderstandName {
			continue
		}
		if seen {
			return Security{}, false
		}
		seen = true
		if a.Value != "" {
			b, err := strconv.ParseBool(strings.TrimSpace(a.Value))
			if err != nil {
				return Security{}, false
			}
			sec.MustUnderstand = b
		}
	}
	for i := 1; i < len(toks)-1; {
		t, isStart := toks[i].(xml.StartElement)
		switch {
		case !isStart:
			i++
		case t.Name == usernameTokenName:
			if sec.UsernameToken != nil {
				return Security{}, false
			}
			ut, next, ok := decodeUsernameToken(toks, i)
			if !ok {
				return Security{}, false
			}
			sec.UsernameToken, i = ut, next
		default:
			i = skipElement(toks, i)
		}
	}
	return sec, true
}

// decodeUsernameToken decodes the UsernameToken that starts at toks[i] and
// returns the index after its end.
func decodeUsernameToken(toks []xml.Token, i int) (ut *UsernameToken, next int, ok bool) {
	ut = &UsernameToken{}
	var have struct{ username, password, nonce, created bool }
	// leaf reads the value at toks[i], once only, and moves i past it.
	leaf := func(seen *bool) (string, bool) {
		if *seen {
			return "", false
		}
		*seen = true
		text, after, ok := leafText(toks, i)
		i = after
		return text, ok
	}
	for i++; i < len(toks); {
		t, isStart := toks[i].(xml.StartElement)
		if !isStart {
			if _, isEnd := toks[i].(xml.EndElement); isEnd {
				return ut, i + 1, true
			}
			i++
			continue
		}
		var text string
		ok := true
		switch t.Name {
		case usernameName:
			ut.Username, ok = leaf(&have.username)
		case passwordName:
			var typ string
			if text, ok = leaf(&have.password); ok {
				typ, ok = localAttr(t, "Type")
			}
			ut.Password = &Password{Type: typ, Value: text}
		case nonceName:
			var enc string
			if text, ok = leaf(&have.nonce); ok {
				enc, ok = localAttr(t, "EncodingType")
			}
			ut.Nonce = &Nonce{EncodingType: enc, Value: text}
		case createdName:
			ut.Created, ok = leaf(&have.created)
		default:
			i = skipElement(toks, i)
		}
		if !ok {
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// leafText returns the text of the element that starts at toks[i], which
// must hold nothing else, and the index after its end.
func leafText(toks []xml.Token, i int) (text string, next int, ok bool) {
	var b []byte
	for i++; i < len(toks); i++ {
		switch t := toks[i].(type) {
		case xml.CharData:
			b = append(b, t...)
		case xml.EndElement:
			return string(b), i + 1, true
		default:
			return "", 0, false
		}
	}
	return "", 0, false
}

// localAttr returns the value of start's attribute of that local name in
// any namespace, as an untagged attribute field decodes; ok is false if
// there are several.
func localAttr(start xml.StartElement, local string) (value string, ok bool) {
	seen := false
	for _, a := range start.Attr {
		if a.Name.Local != local {
			continue
		}
		if seen {
			return "", false
		}
		value, seen = a.Value, true
	}
	return value, true
}

// skipElement returns the index after the end of the element that starts
// at toks[i].
func skipElement(toks []xml.Token, i int) int {
	depth := 0
	for ; i < len(toks); i++ {
		switch toks[i].(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return i
}
