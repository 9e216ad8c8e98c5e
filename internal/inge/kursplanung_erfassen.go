package inge

import "encoding/xml"

// KursplanungErfassen is the procedure that reports a planned course.
var KursplanungErfassen = define[KursplanungErfassenAnfrage, KursplanungErfassenAntwort]("KursplanungErfassen", writes)

// KursplanungErfassenAnfrage reports a planned course.
type KursplanungErfassenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungErfassen"`
	Anfrage
	Kursplanung Kursplanung `xml:"Kursplanung"`
}

// KursplanungErfassenAntwort answers KursplanungErfassen with the new
// Kurskennung.
type KursplanungErfassenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungErfassenResponse"`
	Antwort
	Kurskennung string `xml:"Kurskennung,omitempty"`
}
