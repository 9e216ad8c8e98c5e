package inge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// Abweichung is one deviation of a request from the schema: the path of the
// field in the notation of Meldungen (Kursplanung/Teilnehmer[2]/Ident,
// …/Aktenzeichen/@Art) and a German text naming what was expected.
type Abweichung struct {
	Feld string
	Text string
}

// SchemaError is a request the schema refuses, with every deviation in
// the order of the request. Only the first maxAbweichungen are listed;
// Weitere counts the rest.
type SchemaError struct {
	Abweichungen []Abweichung
	Weitere      int
}

func (e *SchemaError) Error() string {
	n := len(e.Abweichungen) + e.Weitere
	first := e.Abweichungen[0]
	if n == 1 {
		return fmt.Sprintf("1 Abweichung vom Schema: %s: %s", first.Feld, first.Text)
	}
	return fmt.Sprintf("%d Abweichungen vom Schema, zuerst %s: %s", n, first.Feld, first.Text)
}

// Checked is a request that passed the strict check of its procedure,
// together with the findings of the schema's rule attributes: a missing
// mandatory field (m:pflicht, M1001) and a value outside its code list
// (m:codeliste, M1002). Only Decode, ReadRequest and Check make one, so a
// Checked request always conforms to the contract.
type Checked struct {
	proc    *Procedure
	req     Request
	befunde []Meldung
}

// Procedure is the request's procedure.
func (c Checked) Procedure() *Procedure { return c.proc }

// Request is the decoded request.
func (c Checked) Request() Request { return c.req }

// Befunde returns the findings of the rule attributes, in the order of the
// schema.
func (c Checked) Befunde() []Meldung { return append([]Meldung(nil), c.befunde...) }

// Decode checks the request element body strictly against the
// procedure's declaration in the served XSD, before anything reads it:
// the namespace and local name of every element, order, choice and
// cardinality, unknown elements and attributes, the lexical form and the
// facets of every value, xsi:nil and xsi:type. A request with any
// deviation comes back as a *SchemaError listing them all, and nothing of it
// is decoded. Otherwise Decode returns the typed request with its findings.
func (p *Procedure) Decode(body soap.Element) (Checked, error) {
	if body.Name != p.RequestName() {
		return Checked{}, fmt.Errorf("decode %s: element %s is not its request", p.Name, body.Name.Local)
	}
	befunde, err := defaultSchema().check(body)
	if err != nil {
		var se *SchemaError
		if errors.As(err, &se) {
			return Checked{}, err
		}
		return Checked{}, fmt.Errorf("decode %s: %w", p.Name, err)
	}
	req := p.NewRequest()
	if err := body.Decode(req); err != nil {
		// The schema admits only what the types can hold; this is a bug.
		return Checked{}, fmt.Errorf("decode %s: %w", p.Name, err)
	}
	return Checked{proc: p, req: req, befunde: befunde}, nil
}

// ReadRequest reads a request element on its own, without an envelope (as
// the store keeps an asynchronous request), finds its procedure and
// decodes it strictly.
func ReadRequest(r io.Reader) (Checked, error) {
	el, err := soap.ReadElement(r, soap.Limits{})
	if err != nil {
		return Checked{}, fmt.Errorf("read request: %w", err)
	}
	p, ok := Lookup(el.Name)
	if !ok {
		return Checked{}, fmt.Errorf("read request: %s is not a request of the contract", el.Name.Local)
	}
	return p.Decode(el)
}

// Check checks a typed request as the mock checks a request it receives:
// it writes the request element as the client would send it and decodes
// it strictly. The request is the caller's; the Checked holds a copy.
func Check(req Request) (Checked, error) {
	b, err := xml.Marshal(req)
	if err != nil {
		return Checked{}, fmt.Errorf("check: %w", err)
	}
	return ReadRequest(bytes.NewReader(b))
}

// Canonical writes the request of c as the client writes it: the form the
// store keeps an asynchronous request in, read back with ReadRequest.
func (c Checked) Canonical() ([]byte, error) {
	b, err := xml.Marshal(c.req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.proc.Name, err)
	}
	return b, nil
}

// NewSchemaFault builds the SchemaVerletzt Fault of a refused request: the
// first deviation in Text and Feld, every deviation in the detail.
func NewSchemaFault(e *SchemaError) *soap.Fault {
	first := e.Abweichungen[0]
	n := len(e.Abweichungen) + e.Weitere
	grund := fmt.Sprintf("%s: %s", pathOrRequest(first.Feld), first.Text)
	if n > 1 {
		grund = fmt.Sprintf("%d Abweichungen, zuerst %s", n, grund)
	}
	f := NewFault(SchemaVerletzt, first.Feld, "Grund", strings.TrimSuffix(grund, "."))
	f.String = bounded(f.String)
	f.Detail.Text = f.String
	for _, a := range e.Abweichungen {
		f.Detail.Deviations = append(f.Detail.Deviations, soap.Deviation{Field: a.Feld, Text: a.Text})
	}
	if e.Weitere > 0 {
		f.Detail.Deviations = append(f.Detail.Deviations, soap.Deviation{Text: fmt.Sprintf("… und %d weitere Abweichungen.", e.Weitere)})
	}
	return f
}

func pathOrRequest(path string) string {
	if path == "" {
		return "Anfrage"
	}
	return path
}

// ProcedureOf finds the procedure of a typed request by the name of the
// element it is written as, as a server dispatches it. Callers that hold
// the procedure's descriptor use it instead (Op.Call).
func ProcedureOf(req Request) (*Procedure, error) {
	b, err := xml.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("procedure of %T: %w", req, err)
	}
	var root struct{ XMLName xml.Name }
	if err := xml.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("procedure of %T: %w", req, err)
	}
	p, ok := Lookup(root.XMLName)
	if !ok {
		return nil, fmt.Errorf("procedure of %T: %s is not a request of the contract", req, root.XMLName.Local)
	}
	return p, nil
}
