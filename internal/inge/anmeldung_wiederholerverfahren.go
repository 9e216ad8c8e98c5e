package inge

import "encoding/xml"

// AnmeldungWiederholerverfahren is the procedure that registers a participant
// admitted for repetition.
var AnmeldungWiederholerverfahren = define[AnmeldungWiederholerverfahrenAnfrage, AnmeldungWiederholerverfahrenAntwort]("AnmeldungWiederholerverfahren", writes)

// AnmeldungWiederholerverfahrenAnfrage registers a participant admitted for
// repetition.
type AnmeldungWiederholerverfahrenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungWiederholerverfahren"`
	Anfrage
	Anmeldung Wiederholeranmeldung `xml:"Anmeldung"`
}

// AnmeldungWiederholerverfahrenAntwort answers AnmeldungWiederholerverfahren.
type AnmeldungWiederholerverfahrenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungWiederholerverfahrenResponse"`
	Antwort
}
