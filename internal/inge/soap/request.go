package soap

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

var securityName = xml.Name{Space: wsse.SecextNS, Local: "Security"}

// Request is a decoded SOAP request.
type Request struct {
	// Security is the wsse:Security header, nil if absent.
	Security *wsse.Security
	// Operation is the name of the Body's child element.
	Operation xml.Name
	// Body is the value returned by newBody, decoded from the Body's
	// child element.
	Body any
}

// DecodeRequest decodes a SOAP 1.1 request from untrusted input in one
// streaming pass. Elements are matched by namespace and local name,
// wherever the prefixes are declared.
//
// newBody is called with the name of the Body's child element and returns
// a pointer to decode it into, or an error for an unknown operation,
// which is returned wrapped in an *Error of kind UnknownOperation.
//
// Header blocks other than wsse:Security are ignored unless they carry
// soapenv:mustUnderstand="1" or "true". All errors are *Error.
//
// For the errors of kind UnknownOperation and InvalidBody the envelope and
// its header were read, so the partial Request (Security and Operation, no
// Body) comes back with the error: a server can authenticate the caller
// before it says what is wrong with the body. For all other errors the
// Request is nil.
func DecodeRequest(r io.Reader, limits Limits, newBody func(name xml.Name) (any, error)) (*Request, error) {
	er := &envelopeReader{d: newDecoder(r, limits)}
	req := &Request{}
	start, err := er.readToBody(func(h xml.StartElement) error {
		return er.readRequestHeader(h, req)
	})
	if err != nil {
		return nil, err
	}
	req.Operation = start.Name
	body, err := newBody(start.Name)
	if err != nil {
		return req, &Error{Kind: UnknownOperation, Err: err}
	}
	if err := er.d.DecodeElement(body, &start); err != nil {
		derr := decodeError(err, InvalidBody).(*Error)
		if derr.Kind != InvalidBody {
			return nil, derr // the document itself is broken
		}
		return req, derr
	}
	req.Body = body
	if err := er.readEnd(); err != nil {
		return nil, err
	}
	return req, nil
}

// readRequestHeader decodes the Security header block into req, rejects
// other blocks that must be understood, and skips the rest.
func (r *envelopeReader) readRequestHeader(start xml.StartElement, req *Request) error {
	switch {
	case start.Name == securityName:
		if req.Security != nil {
			return newError(Malformed, "more than one Security header")
		}
		var sec wsse.Security
		if err := r.d.DecodeElement(&sec, &start); err != nil {
			return decodeError(err, Malformed)
		}
		req.Security = &sec
		return nil
	case mustUnderstand(start):
		return newError(MustUnderstand, "header %s is not understood", formatName(start.Name))
	default:
		return r.skip()
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
