package inge

import (
	"encoding/xml"
	"reflect"
)

// Request is one of the 17 request messages.
type Request interface {
	Base() *Anfrage
}

// Response is one of the response messages.
type Response interface {
	Base() *Antwort
}

// Procedure describes one InGe procedure: its operation name (the local name
// of its request element), SOAPAction, whether it writes state, and its
// message types. Procedures returns the table; it is the single list of the
// 17 procedures that the WSDL, the server and the client derive from.
type Procedure struct {
	Name        string
	Write       bool
	newRequest  func() Request
	newResponse func() Response
}

// Action is the procedure's SOAPAction.
func (p Procedure) Action() string { return Namespace + "#" + p.Name }

// ResponseName is the qualified name of the response element.
func (p Procedure) ResponseName() xml.Name {
	return xml.Name{Space: Namespace, Local: p.Name + "Response"}
}

// NewRequest returns a new, empty request of the procedure.
func (p Procedure) NewRequest() Request { return p.newRequest() }

// NewResponse returns a new, empty response.
func (p Procedure) NewResponse() Response { return p.newResponse() }

// procedures is read-only: the order is the order of the WSDL.
var procedures = []Procedure{
	{"AnmeldungErstverfahren", true, func() Request { return &AnmeldungErstverfahrenAnfrage{} }, func() Response { return &AnmeldungErstverfahrenAntwort{} }},
	{"AnmeldungWiederholerverfahren", true, func() Request { return &AnmeldungWiederholerverfahrenAnfrage{} }, func() Response { return &AnmeldungWiederholerverfahrenAntwort{} }},
	{"Teilnehmerauskunft", false, func() Request { return &TeilnehmerauskunftAnfrage{} }, func() Response { return &TeilnehmerauskunftAntwort{} }},
	{"SprachtestMelden", true, func() Request { return &SprachtestMeldenAnfrage{} }, func() Response { return &SprachtestMeldenAntwort{} }},
	{"KursplanungErfassen", true, func() Request { return &KursplanungErfassenAnfrage{} }, func() Response { return &KursplanungErfassenAntwort{} }},
	{"KursplanungAktualisieren", true, func() Request { return &KursplanungAktualisierenAnfrage{} }, func() Response { return &KursplanungAktualisierenAntwort{} }},
	{"KursplanungStornieren", true, func() Request { return &KursplanungStornierenAnfrage{} }, func() Response { return &KursplanungStornierenAntwort{} }},
	{"KursbeginnMelden", true, func() Request { return &KursbeginnMeldenAnfrage{} }, func() Response { return &KursbeginnMeldenAntwort{} }},
	{"KursabschnittsbeginnMelden", true, func() Request { return &KursabschnittsbeginnMeldenAnfrage{} }, func() Response { return &KursabschnittsbeginnMeldenAntwort{} }},
	{"KursabschnittAktualisieren", true, func() Request { return &KursabschnittAktualisierenAnfrage{} }, func() Response { return &KursabschnittAktualisierenAntwort{} }},
	{"KursortaenderungMelden", true, func() Request { return &KursortaenderungMeldenAnfrage{} }, func() Response { return &KursortaenderungMeldenAntwort{} }},
	{"Kursauskunft", false, func() Request { return &KursauskunftAnfrage{} }, func() Response { return &KursauskunftAntwort{} }},
	{"LidPruefungErfassen", true, func() Request { return &LidPruefungErfassenAnfrage{} }, func() Response { return &LidPruefungErfassenAntwort{} }},
	{"LidPruefungAktualisieren", true, func() Request { return &LidPruefungAktualisierenAnfrage{} }, func() Response { return &LidPruefungAktualisierenAntwort{} }},
	{"LidPruefungStornieren", true, func() Request { return &LidPruefungStornierenAnfrage{} }, func() Response { return &LidPruefungStornierenAntwort{} }},
	{"LidTeilnehmendeMelden", true, func() Request { return &LidTeilnehmendeMeldenAnfrage{} }, func() Response { return &LidTeilnehmendeMeldenAntwort{} }},
	{"LidPruefungAuskunft", false, func() Request { return &LidPruefungAuskunftAnfrage{} }, func() Response { return &LidPruefungAuskunftAntwort{} }},
}

// Procedures returns the 17 procedures in contract order.
func Procedures() []Procedure {
	return append([]Procedure(nil), procedures...)
}

// Lookup finds a procedure by the qualified name of its request element.
func Lookup(name xml.Name) (Procedure, bool) {
	if name.Space != Namespace {
		return Procedure{}, false
	}
	for _, p := range procedures {
		if p.Name == name.Local {
			return p, true
		}
	}
	return Procedure{}, false
}

// ProcedureOf returns the procedure of a request message.
func ProcedureOf(req Request) (Procedure, bool) {
	t := reflect.TypeOf(req)
	for _, p := range procedures {
		if reflect.TypeOf(p.newRequest()) == t {
			return p, true
		}
	}
	return Procedure{}, false
}
