package soap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sync"
)

// Encode writes a SOAP 1.1 envelope with an XML declaration and the
// prefix soapenv. It writes a Header holding the block header only when
// header is not nil. header and body are written as encoding/xml marshals
// them: without a header, a body whose type has a plan (plan.go) by its
// plan, anything else by encoding/xml. A Fault or *Fault body is written
// as a soapenv:Fault.
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
	body, err := bodyElement(body)
	if err != nil {
		return err
	}
	if (header == nil || isNilPointer(header)) && !isNilPointer(body) {
		if p := planOf(reflect.TypeOf(body)); p != nil {
			return encodePlanned(w, p, body)
		}
	}
	return encodeReflective(w, header, body)
}

// bodyElement is what the Body holds for body: a Fault as a soapenv:Fault.
func bodyElement(body any) (any, error) {
	switch f := body.(type) {
	case nil:
		return nil, errors.New("nil body")
	case Fault:
		return faultElement{&f}, nil
	case *Fault:
		return faultElement{f}, nil
	}
	return body, nil
}

// encodeReflective writes the envelope with encoding/xml.
func encodeReflective(w io.Writer, header, body any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	pe := encoders.Get().(*pooledEncoder)
	pe.to.w = w
	if err := encodeEnvelope(pe.e, header, body); err != nil {
		return err // pe is not reused: its state is unknown
	}
	pe.to.w = nil
	encoders.Put(pe)
	return nil
}

// Without a Header, the envelope around a planned body.
const (
	plannedStart = xml.Header + "<" + envPrefix + ":Envelope xmlns:" + envPrefix + `="` + EnvelopeNS + `">` + "<" + envPrefix + ":Body>"
	plannedEnd   = "</" + envPrefix + ":Body></" + envPrefix + ":Envelope>"
)

// encodePlanned writes the envelope of body, not a nil pointer, by its
// plan, in one Write.
func encodePlanned(w io.Writer, p *plan, body any) error {
	v := reflect.Indirect(reflect.ValueOf(body))
	bp := planBuffers.Get().(*[]byte)
	b := append((*bp)[:0], plannedStart...)
	b = p.write(b, v)
	b = append(b, plannedEnd...)
	_, err := w.Write(b)
	if cap(b) <= maxPlanBuffer {
		*bp = b
		planBuffers.Put(bp)
	}
	return err
}

// planBuffers keeps the buffers of encodePlanned; one beyond maxPlanBuffer
// (a long list of Meldungen, say) is left to the collector.
var planBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

const maxPlanBuffer = 64 << 10

// encoders keeps xml.Encoders for reuse: each brings a buffer of 4 KiB,
// and a server writes an envelope per request.
var encoders = sync.Pool{New: func() any {
	pe := &pooledEncoder{to: &retarget{}}
	pe.e = xml.NewEncoder(pe.to)
	return pe
}}

// pooledEncoder is an xml.Encoder whose writer can be changed.
type pooledEncoder struct {
	e  *xml.Encoder
	to *retarget
}

// retarget writes to w.
type retarget struct{ w io.Writer }

func (t *retarget) Write(p []byte) (int, error) { return t.w.Write(p) }

// encodeEnvelope writes the envelope with e and flushes it. Once it
// succeeds, every element e opened is closed again and e holds nothing
// more, so it can write the next envelope. It does not Close e: a closed
// encoder writes nothing more.
func encodeEnvelope(e *xml.Encoder, header, body any) error {
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
	// EncodeToken refuses an end that does not match the innermost open
	// element, so once the Envelope's end is written, none is left open.
	if err := e.EncodeToken(envelope.End()); err != nil {
		return err
	}
	return e.Flush()
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
