package soap

import (
	"encoding/xml"
	"io"
	"strings"
)

// Envelope is a SOAP 1.1 request as read from untrusted input. Nothing of it
// is decoded yet: the caller decides what its header blocks and its body
// mean.
type Envelope struct {
	// Header holds the header blocks the caller understands, in document
	// order.
	Header []Element
	// Body is the Body's only child element.
	Body Element
}

// ReadEnvelope reads a SOAP 1.1 request from untrusted input in one
// streaming pass: the envelope's structure (Envelope, optional Header, a
// Body with exactly one element, nothing after), with the safety rules of
// the decoder (no DTDs, bounded depth and element count, UTF-8 only, every
// prefix declared). Elements are matched by namespace and local name,
// wherever the prefixes are declared.
//
// understood says which header blocks the caller processes; those are kept
// in Header. Other blocks are skipped, unless they carry
// soapenv:mustUnderstand="1" or "true": then the envelope is refused. All
// errors are *Error.
func ReadEnvelope(r io.Reader, limits Limits, understood func(xml.Name) bool) (*Envelope, error) {
	return readEnvelope(&envelopeReader{d: newDecoder(r, limits, nil)}, understood)
}

// ReadEnvelopeObserved is ReadEnvelope for a request in memory, doc, that
// shows observe every raw token it reads (Observer); when it succeeds,
// observe has seen the whole input. What it returns is what ReadEnvelope
// returns for doc, only sooner: most requests are read by a tokenizer of
// their own (scan), the others by encoding/xml.
func ReadEnvelopeObserved(doc []byte, limits Limits, understood func(xml.Name) bool, observe Observer) (*Envelope, error) {
	d, owned := newDocDecoder(doc, limits, observe)
	return readEnvelope(&envelopeReader{d: d, owned: owned}, understood)
}

func readEnvelope(er *envelopeReader, understood func(xml.Name) bool) (*Envelope, error) {
	env := &Envelope{}
	start, err := er.readToBody(func(block xml.StartElement) error {
		switch {
		case understood(block.Name):
			el, err := er.record(block)
			if err != nil {
				return err
			}
			env.Header = append(env.Header, el)
			return nil
		case mustUnderstand(block):
			return newError(MustUnderstand, "der Header %s wird nicht verstanden", formatName(block.Name))
		default:
			return er.skip()
		}
	})
	if err != nil {
		return nil, err
	}
	if env.Body, err = er.record(start); err != nil {
		return nil, err
	}
	if err := er.readEnd(); err != nil {
		return nil, err
	}
	return env, nil
}

// ReadElement reads a document whose root is a single element, for
// instance a request element kept apart from its envelope, with the same
// safety rules as ReadEnvelope.
func ReadElement(r io.Reader, limits Limits) (Element, error) {
	er := &envelopeReader{d: newDecoder(r, limits, nil)}
	start, err := er.nextStart("document")
	if err != nil {
		return Element{}, err
	}
	el, err := er.record(start)
	if err != nil {
		return Element{}, err
	}
	switch _, err := er.next(); err {
	case io.EOF:
		return el, nil
	case nil:
		return Element{}, newError(Malformed, "mehr als ein Wurzelelement")
	default:
		return Element{}, err
	}
}

// mustUnderstand reports whether the header block start is marked
// soapenv:mustUnderstand="1" or "true".
func mustUnderstand(start xml.StartElement) bool {
	for _, a := range start.Attr {
		if a.Name == (xml.Name{Space: EnvelopeNS, Local: "mustUnderstand"}) {
			v := strings.Trim(a.Value, " \t\r\n")
			return v == "1" || v == "true"
		}
	}
	return false
}
