package inge

import "encoding/xml"

// KursortaenderungMelden is the procedure that announces Kursort changes of
// sections not yet begun.
var KursortaenderungMelden = define[KursortaenderungMeldenAnfrage, KursortaenderungMeldenAntwort]("KursortaenderungMelden", writes)

// KursortaenderungMeldenAnfrage announces Kursort changes of sections not yet
// begun.
type KursortaenderungMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursortaenderungMelden"`
	Anfrage
	Kurskennung string             `xml:"Kurskennung,omitempty"`
	Aenderung   []Kursortaenderung `xml:"Aenderung,omitempty"`
}

// KursortaenderungMeldenAntwort answers KursortaenderungMelden.
type KursortaenderungMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursortaenderungMeldenResponse"`
	Antwort
}
