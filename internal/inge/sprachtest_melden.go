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
}
