package inge

import "encoding/xml"

// LidPruefungAuskunft is the procedure that asks for a LiD exam and its
// candidates.
var LidPruefungAuskunft = define[LidPruefungAuskunftAnfrage, LidPruefungAuskunftAntwort]("LidPruefungAuskunft", reads)

// LidPruefungAuskunftAnfrage asks for a LiD exam and its candidates.
type LidPruefungAuskunftAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAuskunft"`
	Anfrage
	Pruefungsnummer string `xml:"Pruefungsnummer,omitempty"`
}

// LidPruefungAuskunftAntwort answers the LidPruefungAuskunft.
type LidPruefungAuskunftAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAuskunftResponse"`
	Antwort
	Pruefung *LidPruefungsdaten `xml:"Pruefung,omitempty"`
}
