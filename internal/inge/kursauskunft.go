package inge

import "encoding/xml"

// Kursauskunft is the procedure that asks for the data BAMF holds on a
// course.
var Kursauskunft = define[KursauskunftAnfrage, KursauskunftAntwort]("Kursauskunft", reads)

// KursauskunftAnfrage asks for the data BAMF holds on a course.
type KursauskunftAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 Kursauskunft"`
	Anfrage
	Kurskennung string `xml:"Kurskennung,omitempty"`
}

// KursauskunftAntwort answers the Kursauskunft.
type KursauskunftAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursauskunftResponse"`
	Antwort
	Kurs *Kursdaten `xml:"Kurs,omitempty"`
}
