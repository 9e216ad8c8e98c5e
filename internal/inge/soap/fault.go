package soap

import (
	"encoding/xml"
	"errors"
	"fmt"
)

var faultName = xml.Name{Space: EnvelopeNS, Local: "Fault"}

// Fault is a SOAP 1.1 fault. It is returned as an error by
// DecodeResponse.
type Fault struct {
	// Code is the faultcode, for example {EnvelopeNS}Client or
	// {WS-Security secext}FailedAuthentication. It is written as a QName
	// with a declared prefix.
	Code xml.Name
	// CodePrefix is the prefix Code is written with when its namespace is
	// not the envelope's, e.g. wsse, as the WS-Security specification
	// writes its fault codes; empty means ns. Decoding leaves it empty.
	CodePrefix string
	// String is the faultstring, a human-readable explanation.
	String string
	// Actor is the optional faultactor URI.
	Actor string
	// Detail is the optional application-specific detail.
	Detail *Detail
	// Entry, if not nil and Detail is nil, is written into detail: the
	// entry of a contract other than the one Detail's names are of, such
	// as a contract profile's (package profil); encoding/xml writes it.
	Entry any
	// Raw is the detail entry as DecodeResponse read it, with its tokens,
	// for a reader of another contract than Detail's; nil if the Fault had
	// none. Encoding ignores it.
	Raw *Element
}

// Detail is the single entry of a fault's detail element. Its children
// Code, Text, Feld and Abweichung are in the entry's namespace.
type Detail struct {
	// XMLName is the entry element's name, in the namespace of the
	// application contract. Its Local part is required.
	XMLName xml.Name
	// Code is a stable, machine-readable error code.
	Code string `xml:"Code"`
	// Text is a human-readable message.
	Text string `xml:"Text"`
	// Field is the path of the offending field, if any; written as Feld.
	Field string `xml:"Feld,omitempty"`
	// Deviations lists every deviation of a request from the schema, if
	// the fault is about that; written as Abweichung.
	Deviations []Deviation `xml:"Abweichung,omitempty"`
}

// Deviation is one deviation of a request from the schema: the path of the
// field and a text naming what was expected.
type Deviation struct {
	Field string `xml:"Feld,omitempty"`
	Text  string `xml:"Text"`
}

// Error returns the fault code and string and the detail code, if any.
func (f *Fault) Error() string {
	code := f.qname()
	msg := "soap: fault " + code + ": " + f.String
	if d := f.Detail; d != nil {
		msg += " (detail " + d.Code
		if d.Field != "" {
			msg += " at " + d.Field
		}
		msg += ": " + d.Text + ")"
	}
	return msg
}

// faultElement writes a Fault as soapenv:Fault inside an envelope that
// declares the soapenv prefix.
type faultElement struct{ *Fault }

// MarshalXML implements xml.Marshaler.
func (f faultElement) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	if f.Code.Local == "" {
		return errors.New("fault without code")
	}
	if f.Detail != nil && f.Detail.XMLName.Local == "" {
		return errors.New("fault detail without element name")
	}
	start := envStart("Fault")
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	code := xml.StartElement{Name: xml.Name{Local: "faultcode"}}
	if f.Code.Space != "" && f.Code.Space != EnvelopeNS {
		code.Attr = []xml.Attr{{Name: xml.Name{Local: "xmlns:" + f.prefix()}, Value: f.Code.Space}}
	}
	if err := e.EncodeElement(f.qname(), code); err != nil {
		return err
	}
	if err := e.EncodeElement(f.String, xml.StartElement{Name: xml.Name{Local: "faultstring"}}); err != nil {
		return err
	}
	if f.Actor != "" {
		if err := e.EncodeElement(f.Actor, xml.StartElement{Name: xml.Name{Local: "faultactor"}}); err != nil {
			return err
		}
	}
	switch {
	case f.Detail != nil:
		if err := encodeIn(e, xml.StartElement{Name: xml.Name{Local: "detail"}}, f.Detail); err != nil {
			return err
		}
	case f.Entry != nil:
		if err := encodeIn(e, xml.StartElement{Name: xml.Name{Local: "detail"}}, f.Entry); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// qname formats the fault code as the QName faultElement writes.
func (f *Fault) qname() string {
	if f.Code.Space == "" {
		return f.Code.Local
	}
	return f.prefix() + ":" + f.Code.Local
}

// prefix is the prefix of the fault code's namespace: the envelope's own
// for SOAP's codes, else CodePrefix or ns.
func (f *Fault) prefix() string {
	switch {
	case f.Code.Space == EnvelopeNS:
		return envPrefix
	case f.CodePrefix != "":
		return f.CodePrefix
	default:
		return "ns"
	}
}

// decodeFault decodes the soapenv:Fault whose start was just read.
func (r *envelopeReader) decodeFault(start xml.StartElement) (*Fault, error) {
	f := &Fault{}
	hasCode := false
	for {
		tok, err := r.next()
		if err != nil {
			return nil, err
		}
		child, ok := tok.(xml.StartElement)
		if !ok {
			break // end of Fault
		}
		switch child.Name {
		case xml.Name{Local: "faultcode"}:
			f.Code, err = r.decodeFaultCode(start, child)
			hasCode = true
		case xml.Name{Local: "faultstring"}:
			err = r.decodeElement(&f.String, &child)
		case xml.Name{Local: "faultactor"}:
			err = r.decodeElement(&f.Actor, &child)
		case xml.Name{Local: "detail"}:
			f.Detail, f.Raw, err = r.decodeDetail()
		default:
			err = r.d.Skip()
		}
		if err != nil {
			return nil, decodeError(err, Malformed)
		}
	}
	if !hasCode {
		return nil, newError(Malformed, "Fault ohne faultcode")
	}
	return f, nil
}

// decodeFaultCode decodes the faultcode element whose start was just read
// and resolves its QName in the scope of the Envelope, Body, the Fault
// start and the faultcode start.
func (r *envelopeReader) decodeFaultCode(fault, code xml.StartElement) (xml.Name, error) {
	var text string
	if err := r.decodeElement(&text, &code); err != nil {
		return xml.Name{}, err
	}
	open := append(append([]xml.StartElement{}, r.open...), fault, code)
	name, err := resolveQName(text, open)
	if err != nil {
		return xml.Name{}, &Error{Kind: Malformed, Err: fmt.Errorf("faultcode: %w", err)}
	}
	return name, nil
}

// decodeDetail decodes the first element of the detail element whose
// start was just read, keeping its tokens, and skips the rest. It returns
// nil if there is no element.
func (r *envelopeReader) decodeDetail() (*Detail, *Element, error) {
	var detail *Detail
	var raw *Element
	for {
		tok, err := r.d.Token()
		if err != nil {
			return nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if detail != nil {
				if err := r.d.Skip(); err != nil {
					return nil, nil, err
				}
				continue
			}
			el, err := r.record(t)
			if err != nil {
				return nil, nil, err
			}
			detail, raw = &Detail{}, &el
			if err := el.Decode(detail); err != nil {
				return nil, nil, err
			}
		case xml.EndElement:
			return detail, raw, nil
		}
	}
}
