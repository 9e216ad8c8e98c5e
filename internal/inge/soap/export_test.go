package soap

import (
	"io"
	"reflect"
)

// EncodeReflective writes the envelope with encoding/xml, as Encode does
// for a type without a plan.
func EncodeReflective(w io.Writer, header, body any) error {
	body, err := bodyElement(body)
	if err != nil {
		return err
	}
	return encodeReflective(w, header, body)
}

// HasPlan reports whether Encode writes the messages of type t by a plan.
func HasPlan(t reflect.Type) bool { return planOf(t) != nil }
