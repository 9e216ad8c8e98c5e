package inge

import "encoding/xml"

// LidPruefungStornieren is the procedure that cancels a LiD exam.
var LidPruefungStornieren = define[LidPruefungStornierenAnfrage, LidPruefungStornierenAntwort]("LidPruefungStornieren", writes)

// LidPruefungStornierenAnfrage cancels a LiD exam.
type LidPruefungStornierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungStornieren"`
	Anfrage
	Pruefungsnummer string `xml:"Pruefungsnummer,omitempty"`
	Grund           string `xml:"Grund,omitempty"`
}

// LidPruefungStornierenAntwort answers LidPruefungStornieren.
type LidPruefungStornierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungStornierenResponse"`
	Antwort
}
