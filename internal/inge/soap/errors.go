package soap

import (
	"encoding/xml"
	"fmt"
)

// Kind classifies why an envelope was rejected.
type Kind int

const (
	// Malformed means the input is not well-formed XML or not a
	// well-formed SOAP 1.1 envelope.
	Malformed Kind = iota + 1
	// NotEnvelope means the root element is not a SOAP Envelope.
	NotEnvelope
	// VersionMismatch means the Envelope is not in the SOAP 1.1
	// namespace, for example a SOAP 1.2 envelope.
	VersionMismatch
	// DTDForbidden means the input contains a DOCTYPE or another <!
	// directive.
	DTDForbidden
	// LimitExceeded means the input exceeds the Limits.
	LimitExceeded
	// MustUnderstand means a header block marked mustUnderstand is not
	// understood.
	MustUnderstand
	// BodyNotSingle means the Body has no child element, or more than one.
	BodyNotSingle
	// InvalidBody means an element could not be decoded into its Go
	// value; the decoding error is wrapped.
	InvalidBody
)

var kindNames = [...]string{
	Malformed:       "malformed envelope",
	NotEnvelope:     "not a SOAP envelope",
	VersionMismatch: "version mismatch",
	DTDForbidden:    "DTD forbidden",
	LimitExceeded:   "limit exceeded",
	MustUnderstand:  "header not understood",
	BodyNotSingle:   "body must hold exactly one element",
	InvalidBody:     "invalid body",
}

// String returns a short English description of k.
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// FaultCode returns the standard SOAP 1.1 fault code for k:
// VersionMismatch, MustUnderstand, or Client for everything else.
func (k Kind) FaultCode() xml.Name {
	switch k {
	case VersionMismatch:
		return xml.Name{Space: EnvelopeNS, Local: FaultVersionMismatch}
	case MustUnderstand:
		return xml.Name{Space: EnvelopeNS, Local: FaultMustUnderstand}
	default:
		return xml.Name{Space: EnvelopeNS, Local: FaultClient}
	}
}

// Error reports a rejected envelope.
type Error struct {
	Kind Kind
	// Err describes the problem; for InvalidBody it wraps the decoding
	// error.
	Err error
}

func newError(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Err: fmt.Errorf(format, args...)}
}

// Error returns "soap: <kind>: <cause>".
func (e *Error) Error() string {
	if e.Err == nil {
		return "soap: " + e.Kind.String()
	}
	return "soap: " + e.Kind.String() + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }
