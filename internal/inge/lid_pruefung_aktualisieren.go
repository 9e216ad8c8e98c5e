package inge

import "encoding/xml"

// LidPruefungAktualisieren is the procedure that changes a registered LiD
// exam.
var LidPruefungAktualisieren = define[LidPruefungAktualisierenAnfrage, LidPruefungAktualisierenAntwort]("LidPruefungAktualisieren", writes)

// LidPruefungAktualisierenAnfrage changes a registered LiD exam.
type LidPruefungAktualisierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAktualisieren"`
	Anfrage
	Pruefungsnummer string      `xml:"Pruefungsnummer,omitempty"`
	Pruefung        LidPruefung `xml:"Pruefung"`
}

// LidPruefungAktualisierenAntwort answers LidPruefungAktualisieren.
type LidPruefungAktualisierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAktualisierenResponse"`
	Antwort
}
