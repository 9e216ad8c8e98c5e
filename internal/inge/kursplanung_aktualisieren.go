package inge

import "encoding/xml"

// KursplanungAktualisieren is the procedure that replaces the plan of a
// course.
var KursplanungAktualisieren = define[KursplanungAktualisierenAnfrage, KursplanungAktualisierenAntwort]("KursplanungAktualisieren", writes)

// KursplanungAktualisierenAnfrage replaces the plan of a course.
type KursplanungAktualisierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungAktualisieren"`
	Anfrage
	Kurskennung string      `xml:"Kurskennung,omitempty"`
	Kursplanung Kursplanung `xml:"Kursplanung"`
}

// KursplanungAktualisierenAntwort answers KursplanungAktualisieren.
type KursplanungAktualisierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungAktualisierenResponse"`
	Antwort
}
