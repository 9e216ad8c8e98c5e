package inge

import "encoding/xml"

// KursplanungStornieren is the procedure that cancels a planned course.
var KursplanungStornieren = define[KursplanungStornierenAnfrage, KursplanungStornierenAntwort]("KursplanungStornieren", writes)

// KursplanungStornierenAnfrage cancels a planned course.
type KursplanungStornierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungStornieren"`
	Anfrage
	Kurskennung       string `xml:"Kurskennung,omitempty"`
	Stornierungsgrund string `xml:"Stornierungsgrund,omitempty"`
}

// KursplanungStornierenAntwort answers KursplanungStornieren.
type KursplanungStornierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungStornierenResponse"`
	Antwort
}
