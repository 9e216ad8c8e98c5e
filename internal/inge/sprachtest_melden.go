package inge

import "encoding/xml"

// SprachtestMelden is the procedure that reports the candidates of a DTZ
// test.
var SprachtestMelden = define[SprachtestMeldenAnfrage, SprachtestMeldenAntwort]("SprachtestMelden", writes)

// SprachtestMeldenAnfrage reports the candidates of a DTZ test.
type SprachtestMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 SprachtestMelden"`
	Anfrage
	Sprachtest Sprachtest `xml:"Sprachtest"`
}

// SprachtestMeldenAntwort answers SprachtestMelden.
type SprachtestMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 SprachtestMeldenResponse"`
	Antwort
	Rueckmeldung []Sprachtestrueckmeldung `xml:"Rueckmeldung,omitempty"`
}

// Sprachtestrueckmeldung is the reply about one candidate: whether it was
// stored (ABESO-TEST: a reply per candidate).
type Sprachtestrueckmeldung struct {
	Pruefling   int    `xml:"Pruefling"` // position in the request, from 1
	Bogennummer string `xml:"Bogennummer,omitempty"`
	Status      Status `xml:"Status"`
}
