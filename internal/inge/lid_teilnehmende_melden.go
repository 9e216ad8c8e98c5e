package inge

import "encoding/xml"

// LidTeilnehmendeMelden is the procedure that reports the candidates of a LiD
// exam.
var LidTeilnehmendeMelden = define[LidTeilnehmendeMeldenAnfrage, LidTeilnehmendeMeldenAntwort]("LidTeilnehmendeMelden", writes)

// LidTeilnehmendeMeldenAnfrage reports the candidates of a LiD exam.
type LidTeilnehmendeMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidTeilnehmendeMelden"`
	Anfrage
	Pruefungsnummer string         `xml:"Pruefungsnummer,omitempty"`
	Pruefling       []LidPruefling `xml:"Pruefling,omitempty"`
}

// LidTeilnehmendeMeldenAntwort answers LidTeilnehmendeMelden.
type LidTeilnehmendeMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidTeilnehmendeMeldenResponse"`
	Antwort
}
