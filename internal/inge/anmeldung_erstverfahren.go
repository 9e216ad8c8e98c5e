package inge

import "encoding/xml"

// AnmeldungErstverfahren is the procedure that registers a participant with
// the Traeger.
var AnmeldungErstverfahren = define[AnmeldungErstverfahrenAnfrage, AnmeldungErstverfahrenAntwort]("AnmeldungErstverfahren", writes)

// AnmeldungErstverfahrenAnfrage registers a participant with the Traeger.
type AnmeldungErstverfahrenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungErstverfahren"`
	Anfrage
	Anmeldung Erstanmeldung `xml:"Anmeldung"`
}

// AnmeldungErstverfahrenAntwort answers AnmeldungErstverfahren.
type AnmeldungErstverfahrenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungErstverfahrenResponse"`
	Antwort
}
