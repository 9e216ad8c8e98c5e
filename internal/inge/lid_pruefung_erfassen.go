package inge

import "encoding/xml"

// LidPruefungErfassen is the procedure that registers a LiD exam.
var LidPruefungErfassen = define[LidPruefungErfassenAnfrage, LidPruefungErfassenAntwort]("LidPruefungErfassen", writes)

// LidPruefungErfassenAnfrage registers a LiD exam.
type LidPruefungErfassenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungErfassen"`
	Anfrage
	Pruefung LidPruefung `xml:"Pruefung"`
}

// LidPruefungErfassenAntwort answers LidPruefungErfassen with the new
// Pruefungsnummer.
type LidPruefungErfassenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungErfassenResponse"`
	Antwort
	Pruefungsnummer string `xml:"Pruefungsnummer,omitempty"`
}
