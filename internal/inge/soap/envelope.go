package soap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

var (
	envelopeName = xml.Name{Space: EnvelopeNS, Local: "Envelope"}
	headerName   = xml.Name{Space: EnvelopeNS, Local: "Header"}
	bodyName     = xml.Name{Space: EnvelopeNS, Local: "Body"}
)

// envelopeReader walks the structure of a SOAP 1.1 envelope:
// Envelope, optional Header, Body with exactly one child, nothing after.
type envelopeReader struct {
	d tokenStream
	// owned reports that d's tokens stay valid after the next one, so
	// that record need not copy them (newDocDecoder).
	owned bool
	// open holds the start elements of Envelope and Body once read, for
	// resolving QName values such as faultcode.
	open []xml.StartElement
}

// readToBody reads up to the start of the Body's only child, which it
// returns. It calls onHeader for each header block; onHeader must consume
// the block, by decoding or skipping it.
func (r *envelopeReader) readToBody(onHeader func(xml.StartElement) error) (xml.StartElement, error) {
	root, err := r.nextStart("document")
	if err != nil {
		return xml.StartElement{}, err
	}
	if err := checkEnvelope(root.Name); err != nil {
		return xml.StartElement{}, err
	}
	r.open = append(r.open, root)

	start, err := r.nextStart("Envelope")
	if err != nil {
		return xml.StartElement{}, err
	}
	if start.Name == headerName {
		// The Header's declarations are in scope for its blocks.
		r.open = append(r.open, start)
		if err := r.readHeader(onHeader); err != nil {
			return xml.StartElement{}, err
		}
		r.open = r.open[:len(r.open)-1]
		if start, err = r.nextStart("Envelope"); err != nil {
			return xml.StartElement{}, err
		}
	}
	if start.Name != bodyName {
		return xml.StartElement{}, newError(Malformed, "erwartet wird Body, gefunden %s", formatName(start.Name))
	}
	r.open = append(r.open, start)

	tok, err := r.next()
	if err != nil {
		return xml.StartElement{}, err
	}
	child, ok := tok.(xml.StartElement)
	if !ok {
		return xml.StartElement{}, newError(BodyNotSingle, "Body enthält kein Element")
	}
	return child, nil
}

// readHeader calls onHeader for each block of the Header whose start was
// just read.
func (r *envelopeReader) readHeader(onHeader func(xml.StartElement) error) error {
	for {
		tok, err := r.next()
		if err != nil {
			return err
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			return nil // end of Header
		}
		if err := onHeader(start); err != nil {
			return err
		}
	}
}

// readEnd reads from the end of the Body's child to the end of the
// document.
func (r *envelopeReader) readEnd() error {
	tok, err := r.next()
	if err != nil {
		return err
	}
	if start, ok := tok.(xml.StartElement); ok {
		return newError(BodyNotSingle, "Body enthält mehr als ein Element: %s", formatName(start.Name))
	}
	if err := r.expectEnd("unerwartetes Element nach Body"); err != nil {
		return err
	}
	switch _, err := r.next(); err {
	case io.EOF:
		return nil
	case nil:
		return newError(Malformed, "Element nach dem Ende von Envelope")
	default:
		return err
	}
}

// expectEnd reads the end of the current element. The decoder reports
// a missing end as a syntax error, so only an extra element is left.
func (r *envelopeReader) expectEnd(extra string) error {
	tok, err := r.next()
	if err != nil {
		return err
	}
	if start, ok := tok.(xml.StartElement); ok {
		return newError(Malformed, "%s: %s", extra, formatName(start.Name))
	}
	return nil
}

// decodeElement decodes the element whose start was just read into v, as
// xml.Decoder's DecodeElement does. Only envelopes that encoding/xml reads
// (a client's answers, streams) decode into Go values; a request read by
// scan never does.
func (r *envelopeReader) decodeElement(v any, start *xml.StartElement) error {
	d, ok := r.d.(*xml.Decoder)
	if !ok {
		return errors.New("soap: decoding into a value needs encoding/xml's decoder")
	}
	return d.DecodeElement(v, start)
}

// skip skips the rest of the element whose start was just read.
func (r *envelopeReader) skip() error {
	return decodeError(r.d.Skip(), Malformed)
}

// nextStart returns the next start element inside parent.
func (r *envelopeReader) nextStart(parent string) (xml.StartElement, error) {
	tok, err := r.next()
	if err == io.EOF {
		return xml.StartElement{}, newError(Malformed, "unerwartetes Ende in %s", parent)
	}
	if err != nil {
		return xml.StartElement{}, err
	}
	start, ok := tok.(xml.StartElement)
	if !ok {
		return xml.StartElement{}, newError(Malformed, "unerwartetes Ende in %s", parent)
	}
	return start, nil
}

// next returns the next start or end element, skipping comments, the XML
// declaration and whitespace. It returns io.EOF at the end of the input.
func (r *envelopeReader) next() (xml.Token, error) {
	for {
		tok, err := r.d.Token()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, decodeError(err, Malformed)
		}
		switch t := tok.(type) {
		case xml.StartElement, xml.EndElement:
			return t, nil
		case xml.CharData:
			if !isSpace(t) {
				return nil, newError(Malformed, "unerwarteter Text %s", quoteText(t))
			}
		}
	}
}

func checkEnvelope(name xml.Name) error {
	switch {
	case name == envelopeName:
		return nil
	case name.Local == "Envelope" && name.Space == Envelope12NS:
		return newError(VersionMismatch, "SOAP-1.2-Envelope; unterstützt wird nur SOAP 1.1 (%s)", EnvelopeNS)
	case name.Local == "Envelope":
		return newError(VersionMismatch, "Envelope im Namespace „%s“; erwartet wird SOAP 1.1 (%s)", name.Space, EnvelopeNS)
	default:
		return newError(NotEnvelope, "das Wurzelelement ist %s", formatName(name))
	}
}

// decodeError classifies err from reading or decoding tokens: errors of
// the guard keep their kind, XML syntax errors are Malformed, and other
// errors, raised while decoding into a Go value, get kind.
func decodeError(err error, kind Kind) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		return &Error{Kind: Malformed, Err: err}
	}
	return &Error{Kind: kind, Err: err}
}

// isSpace reports whether b consists of XML white space only.
func isSpace(b []byte) bool {
	return len(bytes.Trim(b, " \t\r\n")) == 0
}

// resolveQName resolves a QName value against the namespace declarations
// of open elements, innermost last.
func resolveQName(value string, open []xml.StartElement) (xml.Name, error) {
	value = strings.Trim(value, " \t\r\n")
	prefix, local, prefixed := strings.Cut(value, ":")
	if !prefixed {
		prefix, local = "", value
	}
	if local == "" {
		return xml.Name{}, fmt.Errorf("ungültiger QName „%s“", value)
	}
	for i := len(open) - 1; i >= 0; i-- {
		for _, a := range open[i].Attr {
			if prefixed && a.Name.Space == "xmlns" && a.Name.Local == prefix ||
				!prefixed && a.Name.Space == "" && a.Name.Local == "xmlns" {
				return xml.Name{Space: a.Value, Local: local}, nil
			}
		}
	}
	if prefixed {
		return xml.Name{}, fmt.Errorf("nicht deklariertes Präfix im QName „%s“", value)
	}
	return xml.Name{Local: local}, nil
}
