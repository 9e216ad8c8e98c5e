package soap

import (
	"bytes"
	"encoding/xml"
	"io"
	"unicode/utf8"
)

// scan reads a whole document into the raw tokens that encoding/xml's
// Decoder.RawToken would return for it, with the same offsets, several
// times faster. It knows only what requests are made of: elements and
// attributes with ASCII names, text, the five predefined entities, comments
// and a plain XML declaration in UTF-8. Anything else (character
// references, CDATA sections, carriage returns, DOCTYPE, other processing
// instructions, non-ASCII names, any error) and any document of more than
// scanLimit tokens makes it give up, reporting false before anything saw a
// token: the document is then read by encoding/xml itself. What it
// returns is therefore never different from what encoding/xml returns;
// FuzzScan checks that against encoding/xml.
func scan(doc []byte) (*scanned, bool) {
	// A document has about two tokens per <: its elements' and the text
	// between them.
	n := min(2*bytes.Count(doc, []byte("<"))+1, scanLimit+2)
	s := scanner{doc: doc, toks: make([]xml.Token, 0, n), ends: make([]int64, 0, n)}
	s.open, s.prefixes = s.openBuf[:0], s.prefixesBuf[:0]
	for s.pos < len(doc) {
		if len(s.toks) >= scanLimit || !s.token() {
			return nil, false
		}
	}
	return &scanned{toks: s.toks, ends: s.ends}, true
}

// scanLimit is the most tokens scan reads ahead. A request of the contract
// has some hundred; a bigger document is read by encoding/xml as it
// streams, so that the guard's limits stop it early.
const scanLimit = 4096

// scanned is a tokenSource over the tokens scan read.
type scanned struct {
	toks []xml.Token
	ends []int64 // ends[i] is the offset just after toks[i]
	next int
}

func (s *scanned) RawToken() (xml.Token, error) {
	if s.next == len(s.toks) {
		return nil, io.EOF
	}
	s.next++
	return s.toks[s.next-1], nil
}

func (s *scanned) InputOffset() int64 {
	if s.next == 0 {
		return 0
	}
	return s.ends[s.next-1]
}

type scanner struct {
	doc  []byte
	pos  int
	toks []xml.Token
	ends []int64

	// open holds the names of the open elements, so that an end tag
	// takes the name of its start tag instead of a new copy, and prefixes
	// the prefixes met, each copied once.
	open     []openName
	prefixes []string
	// Room for open and prefixes of documents of a usual depth.
	openBuf     [16]openName
	prefixesBuf [8]string
}

type openName struct {
	raw  []byte
	name xml.Name
}

func (s *scanner) emit(tok xml.Token) {
	s.toks = append(s.toks, tok)
	s.ends = append(s.ends, int64(s.pos))
}

// token reads the token at pos and reports whether it could.
func (s *scanner) token() bool {
	if s.doc[s.pos] != '<' {
		data, ok := s.text(0)
		if ok {
			s.emit(xml.CharData(data))
		}
		return ok
	}
	if s.pos+1 >= len(s.doc) {
		return false
	}
	switch s.doc[s.pos+1] {
	case '/':
		return s.endElement()
	case '?':
		return s.declaration()
	case '!':
		return s.comment()
	default:
		return s.startElement()
	}
}

// startElement reads <name attr="value" ...> or <name .../>.
func (s *scanner) startElement() bool {
	s.pos++
	from := s.pos
	name, ok := s.nsname()
	if !ok {
		return false
	}
	raw := s.doc[from:s.pos]
	start := xml.StartElement{Name: name, Attr: []xml.Attr{}} // as encoding/xml has it
	for {
		s.space()
		if s.pos >= len(s.doc) {
			return false
		}
		switch s.doc[s.pos] {
		case '/':
			if s.pos+1 >= len(s.doc) || s.doc[s.pos+1] != '>' {
				return false
			}
			s.pos += 2
			s.emit(start)
			s.emit(xml.EndElement{Name: name})
			return true
		case '>':
			s.pos++
			s.emit(start)
			s.open = append(s.open, openName{raw, name})
			return true
		}
		// encoding/xml needs no space before an attribute, nor does this.
		var a xml.Attr
		if a.Name, ok = s.nsname(); !ok {
			return false
		}
		s.space()
		if s.pos >= len(s.doc) || s.doc[s.pos] != '=' {
			return false
		}
		s.pos++
		s.space()
		if s.pos >= len(s.doc) || s.doc[s.pos] != '"' && s.doc[s.pos] != '\'' {
			return false
		}
		quote := s.doc[s.pos]
		s.pos++
		value, ok := s.text(quote)
		if !ok {
			return false
		}
		a.Value = string(value)
		start.Attr = append(start.Attr, a)
	}
}

// endElement reads </name>.
func (s *scanner) endElement() bool {
	s.pos += 2
	var name xml.Name
	if n := len(s.open); n > 0 && bytes.HasPrefix(s.doc[s.pos:], s.open[n-1].raw) &&
		s.pos+len(s.open[n-1].raw) < len(s.doc) && !isNameByte(s.doc[s.pos+len(s.open[n-1].raw)]) {
		name = s.open[n-1].name
		s.pos += len(s.open[n-1].raw)
		s.open = s.open[:n-1]
	} else {
		var ok bool
		if name, ok = s.nsname(); !ok {
			return false
		}
	}
	s.space()
	if s.pos >= len(s.doc) || s.doc[s.pos] != '>' {
		return false
	}
	s.pos++
	s.emit(xml.EndElement{Name: name})
	return true
}

// declaration reads an XML declaration that encoding/xml accepts as it
// is: version 1.0, UTF-8 if an encoding is named (see plainDeclaration).
func (s *scanner) declaration() bool {
	s.pos += 2
	target, ok := s.name()
	if !ok || string(target) != "xml" {
		return false
	}
	s.space()
	end := bytes.Index(s.doc[s.pos:], []byte("?>"))
	if end < 0 {
		return false
	}
	inst := s.doc[s.pos : s.pos+end : s.pos+end]
	if !plainDeclaration(inst) {
		return false
	}
	s.pos += end + 2
	s.emit(xml.ProcInst{Target: "xml", Inst: inst})
	return true
}

// comment reads <!-- ... -->; "--" may end it only.
func (s *scanner) comment() bool {
	if !bytes.HasPrefix(s.doc[s.pos:], []byte("<!--")) {
		return false // CDATA, DOCTYPE and the like
	}
	s.pos += 4
	end := bytes.Index(s.doc[s.pos:], []byte("--"))
	if end < 0 || s.pos+end+2 >= len(s.doc) || s.doc[s.pos+end+2] != '>' {
		return false
	}
	data := s.doc[s.pos : s.pos+end : s.pos+end]
	s.pos += end + 3
	s.emit(xml.Comment(data))
	return true
}

// text reads character data up to the next < (quote 0) or up to the
// closing quote of an attribute value, which it passes. The data shares
// the document's bytes unless an entity had to be replaced; like the other
// tokens' bytes, it has no room to append into them.
func (s *scanner) text(quote byte) ([]byte, bool) {
	start := s.pos
	var unescaped []byte // nil while no entity was met
	for s.pos < len(s.doc) {
		b := s.doc[s.pos]
		switch {
		case quote == 0 && b == '<':
			return s.textOf(start, s.pos, unescaped), true
		case quote != 0 && b == quote:
			data := s.textOf(start, s.pos, unescaped)
			s.pos++
			return data, true
		case b == '<', b == '\r':
			// < in an attribute value is an error; encoding/xml rewrites
			// carriage returns.
			return nil, false
		case b == '&':
			r, n := predefinedEntity(s.doc[s.pos:])
			if n == 0 {
				return nil, false // a character reference, or an error
			}
			if unescaped == nil {
				unescaped = append(make([]byte, 0, len(s.doc)-start), s.doc[start:s.pos]...)
			}
			unescaped = append(unescaped, r)
			s.pos += n
			continue
		case quote == 0 && b == ']' && bytes.HasPrefix(s.doc[s.pos:], []byte("]]>")):
			return nil, false
		case b < utf8.RuneSelf:
			if b < 0x20 && b != '\t' && b != '\n' {
				return nil, false
			}
		default:
			r, n := utf8.DecodeRune(s.doc[s.pos:])
			if r == utf8.RuneError && n == 1 || !inCharacterRange(r) {
				return nil, false
			}
			if unescaped != nil {
				unescaped = append(unescaped, s.doc[s.pos:s.pos+n]...)
			}
			s.pos += n
			continue
		}
		if unescaped != nil {
			unescaped = append(unescaped, b)
		}
		s.pos++
	}
	if quote != 0 {
		return nil, false // the document ends in an attribute value
	}
	return s.textOf(start, s.pos, unescaped), true
}

func (s *scanner) textOf(start, end int, unescaped []byte) []byte {
	if unescaped != nil {
		return unescaped
	}
	return s.doc[start:end:end]
}

// predefinedEntity returns the character of the entity reference b begins
// with and its length, or 0 if it is not one of the five predefined ones.
func predefinedEntity(b []byte) (byte, int) {
	for _, e := range [...]struct {
		ref string
		r   byte
	}{{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}} {
		if len(b) >= len(e.ref) && string(b[:len(e.ref)]) == e.ref {
			return e.r, len(e.ref)
		}
	}
	return 0, 0
}

// inCharacterRange reports whether r is a Char of XML 1.0, as encoding/xml
// checks it.
func inCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// name reads a name of ASCII letters, digits and _:.- that begins with a
// letter, _ or :. A non-ASCII byte in it makes scan give up: encoding/xml
// would read it as part of the name.
func (s *scanner) name() ([]byte, bool) {
	start := s.pos
	for s.pos < len(s.doc) {
		b := s.doc[s.pos]
		if b >= utf8.RuneSelf {
			return nil, false
		}
		if !isNameByte(b) {
			break
		}
		s.pos++
	}
	if s.pos == len(s.doc) || s.pos == start || !isNameStart(s.doc[start]) {
		return nil, false // a name at the very end is an error too
	}
	return s.doc[start:s.pos], true
}

// nsname reads a name and splits it at its colon as encoding/xml does: a
// name with more than one colon is an error, one with an empty prefix or
// local part is local.
func (s *scanner) nsname() (xml.Name, bool) {
	b, ok := s.name()
	if !ok || bytes.Count(b, []byte(":")) > 1 {
		return xml.Name{}, false
	}
	if prefix, local, ok := bytes.Cut(b, []byte(":")); ok && len(prefix) > 0 && len(local) > 0 {
		return xml.Name{Space: s.prefix(prefix), Local: string(local)}, true
	}
	return xml.Name{Local: string(b)}, true
}

// prefix returns b as a string, the same string for the same prefix.
func (s *scanner) prefix(b []byte) string {
	for _, p := range s.prefixes {
		if p == string(b) {
			return p
		}
	}
	p := string(b)
	s.prefixes = append(s.prefixes, p)
	return p
}

func (s *scanner) space() {
	for s.pos < len(s.doc) {
		switch s.doc[s.pos] {
		case ' ', '\r', '\n', '\t':
			s.pos++
		default:
			return
		}
	}
}

func isNameByte(b byte) bool {
	return 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' ||
		b == '_' || b == ':' || b == '.' || b == '-'
}

func isNameStart(b byte) bool {
	return 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || b == '_' || b == ':'
}

// plainDeclaration reports whether inst, what follows <?xml and its spaces
// up to ?>, is version="1.0", optionally followed by an encoding of UTF-8
// and a standalone of yes or no, each after one space, in either quotes:
// a declaration encoding/xml takes without a word.
func plainDeclaration(inst []byte) bool {
	rest, ok := pseudoAttribute(inst, "version", func(v string) bool { return v == "1.0" })
	if !ok {
		return false
	}
	if r, ok := pseudoAttribute(rest, " encoding", func(v string) bool { return v == "UTF-8" || v == "utf-8" }); ok {
		rest = r
	}
	if r, ok := pseudoAttribute(rest, " standalone", func(v string) bool { return v == "yes" || v == "no" }); ok {
		rest = r
	}
	return len(rest) == 0
}

// pseudoAttribute reads name="value" or name='value' at the start of b
// and returns what follows, if valid accepts the value.
func pseudoAttribute(b []byte, name string, valid func(string) bool) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(b, []byte(name+"="))
	if !ok || len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return b, false
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 || !valid(string(rest[1:1+end])) {
		return b, false
	}
	return rest[2+end:], true
}
