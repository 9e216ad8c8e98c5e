package soap

import (
	"encoding/xml"
	"io"
)

// DecodeResponse decodes a SOAP 1.1 response with the default Limits.
//
// If the Body holds a soapenv:Fault, it returns the *Fault as the error.
// Otherwise it decodes the Body's child element into into, a pointer as
// for xml.Unmarshal, whose XMLName, if it names an element, must match
// the child; into may be nil to discard the body. Header blocks are
// ignored. Other errors are *Error.
func DecodeResponse(r io.Reader, into any) error {
	er := &envelopeReader{d: newDecoder(r, Limits{}, nil)}
	start, err := er.readToBody(func(xml.StartElement) error { return er.skip() })
	if err != nil {
		return err
	}
	var fault *Fault
	switch {
	case start.Name == faultName:
		if fault, err = er.decodeFault(start); err != nil {
			return err
		}
	case into == nil:
		if err := er.skip(); err != nil {
			return err
		}
	default:
		if err := er.decodeElement(into, &start); err != nil {
			return decodeError(err, InvalidBody)
		}
	}
	if err := er.readEnd(); err != nil {
		return err
	}
	if fault != nil {
		return fault
	}
	return nil
}
