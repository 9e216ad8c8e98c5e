package inge

import (
	"context"
	"encoding/xml"
)

// Request is one of the 17 request messages. Each procedure has its own
// file (kursbeginn_melden.go, …) with its descriptor and its messages; a
// request embeds Anfrage (Mandant, Rollback, Asynchron), and its element
// name is the procedure's name.
type Request interface {
	Base() *Anfrage
}

// Response is one of the response messages. Each has its own type with a
// fixed element name: encoding/xml ignores the XMLName of an embedded struct
// when marshalling.
type Response interface {
	Base() *Antwort
}

// Procedure describes one InGe procedure: its operation name (the local name
// of its request element), whether it writes state, and its message types.
// Each procedure has one typed descriptor below (Op), and Procedures lists
// them: it is the single list of the 17 procedures that the WSDL, the
// server, the store's rules and the client derive from.
type Procedure struct {
	Name  string
	Write bool

	newRequest  func() Request
	newResponse func() Response
}

// Action is the procedure's SOAPAction.
func (p *Procedure) Action() string { return Namespace + "#" + p.Name }

// RequestName is the qualified name of the request element.
func (p *Procedure) RequestName() xml.Name { return xml.Name{Space: Namespace, Local: p.Name} }

// ResponseName is the qualified name of the response element.
func (p *Procedure) ResponseName() xml.Name {
	return xml.Name{Space: Namespace, Local: p.Name + "Response"}
}

// NewRequest returns a new, empty request of the procedure.
func (p *Procedure) NewRequest() Request { return p.newRequest() }

// NewResponse returns a new, empty response.
func (p *Procedure) NewResponse() Response { return p.newResponse() }

// Op is the typed descriptor of a procedure. It ties the procedure to its
// request and response types, so that a client call or a store's rule bound
// to it is checked by the compiler rather than found at run time.
type Op[Req Request, Resp Response] struct{ p *Procedure }

// Procedure returns the untyped description.
func (o Op[Req, Resp]) Procedure() *Procedure { return o.p }

// Call sends req with c and returns the typed answer. A SOAP Fault comes back
// as a *soap.Fault error carrying its catalogue code (see FaultCode).
func (o Op[Req, Resp]) Call(ctx context.Context, c *Client, req Req) (Resp, error) {
	resp := o.p.newResponse().(Resp) // newResponse makes a Resp: define guarantees it
	if err := c.Call(ctx, o.p, req, resp); err != nil {
		var zero Resp
		return zero, err
	}
	return resp, nil
}

// define makes the descriptor of a procedure whose messages are *Req and
// *Resp; Go infers the pointer types from the value types.
func define[Req, Resp any, PReq interface {
	*Req
	Request
}, PResp interface {
	*Resp
	Response
}](name string, write bool) Op[PReq, PResp] {
	return Op[PReq, PResp]{&Procedure{
		Name:        name,
		Write:       write,
		newRequest:  func() Request { return PReq(new(Req)) },
		newResponse: func() Response { return PResp(new(Resp)) },
	}}
}

// Whether a procedure changes state.
const (
	writes = true
	reads  = false
)

// registry is the table of procedures and its index by operation name,
// built once and only read. The list (registry.go) is generated from the
// request elements of the XSD, in their order, which is the order of the
// WSDL.

type procedureTable struct {
	list   []*Procedure
	byName map[string]*Procedure
}

func newRegistry(list ...*Procedure) procedureTable {
	t := procedureTable{list: list, byName: make(map[string]*Procedure, len(list))}
	for _, p := range list {
		t.byName[p.Name] = p
	}
	return t
}

// Procedures returns the 17 procedures in contract order.
func Procedures() []*Procedure {
	return append([]*Procedure(nil), registry.list...)
}

// Lookup finds a procedure by the qualified name of its request element.
func Lookup(name xml.Name) (*Procedure, bool) {
	if name.Space != Namespace {
		return nil, false
	}
	p, ok := registry.byName[name.Local]
	return p, ok
}
