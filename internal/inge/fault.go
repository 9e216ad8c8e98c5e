package inge

import (
	"encoding/xml"
	"errors"
	"net/http"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// NewFault builds the SOAP Fault of a catalogue key: the catalogue's
// faultcode, the German text as faultstring and in detail with the code
// and, where known, the offending field.
func NewFault(key Key, feld string, args ...string) *soap.Fault {
	e := DefaultKatalog().mustLookup(key)
	if e.Fault == nil {
		panic("inge: catalogue key " + string(key) + " is a Meldung, not a Fault")
	}
	text := e.Render(args...)
	return &soap.Fault{
		Code:       e.Fault.Code,
		CodePrefix: e.Fault.Prefix,
		String:     text,
		Detail: &soap.Detail{
			XMLName: fehlerName,
			Code:    e.Code,
			Text:    text,
			Field:   feld,
		},
	}
}

// fehlerName is the element in detail, declared in the XSD as Fehler.
var fehlerName = xml.Name{Space: Namespace, Local: "Fehler"}

// HTTPStatus returns the HTTP status that carries the Fault of a catalogue
// code: 500 as SOAP 1.1 and WS-I Basic Profile require, unless the
// catalogue says otherwise (503 for an outage).
func HTTPStatus(code string) int {
	if e, ok := DefaultKatalog().ByCode(code); ok && e.Fault != nil {
		return e.Fault.HTTPStatus
	}
	return http.StatusInternalServerError
}

// FaultCode returns the catalogue code in the detail of a Fault error, or "".
func FaultCode(err error) string {
	var f *soap.Fault
	if errors.As(err, &f) && f.Detail != nil {
		return f.Detail.Code
	}
	return ""
}
