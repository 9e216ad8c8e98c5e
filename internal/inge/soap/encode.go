package soap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
)

// Encode writes a SOAP 1.1 envelope with an XML declaration and the
// prefix soapenv. It writes a Header holding the block header only when
// header is not nil. header and body are marshalled with encoding/xml; a
// Fault or *Fault body is written as a soapenv:Fault.
func Encode(w io.Writer, header, body any) error {
	if err := encode(w, header, body); err != nil {
		return fmt.Errorf("soap: encode envelope: %w", err)
	}
	return nil
}

// EncodeFault writes a SOAP 1.1 envelope whose Body holds f.
func EncodeFault(w io.Writer, f Fault) error {
	return Encode(w, nil, &f)
}

func encode(w io.Writer, header, body any) error {
	switch f := body.(type) {
	case nil:
		return errors.New("nil body")
	case Fault:
		body = faultElement{&f}
	case *Fault:
		body = faultElement{f}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	e := xml.NewEncoder(w)
	envelope := envStart("Envelope")
	envelope.Attr = []xml.Attr{{Name: xml.Name{Local: "xmlns:" + envPrefix}, Value: EnvelopeNS}}
	if err := e.EncodeToken(envelope); err != nil {
		return err
	}
	if header != nil && !isNilPointer(header) {
		if err := encodeIn(e, envStart("Header"), header); err != nil {
			return fmt.Errorf("Header: %w", err)
		}
	}
	if err := encodeIn(e, envStart("Body"), body); err != nil {
		return fmt.Errorf("Body: %w", err)
	}
	if err := e.EncodeToken(envelope.End()); err != nil {
		return err
	}
	return e.Close()
}

// encodeIn writes v wrapped in the element start.
func encodeIn(e *xml.Encoder, start xml.StartElement, v any) error {
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if err := e.Encode(v); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

// envStart returns the start of the envelope element local, named with
// the prefix soapenv that the Envelope declares.
func envStart(local string) xml.StartElement {
	return xml.StartElement{Name: xml.Name{Local: envPrefix + ":" + local}}
}

// isNilPointer reports whether v is a typed nil pointer, such as a nil
// *wsse.Security passed as header: it means no header, as nil does.
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}
