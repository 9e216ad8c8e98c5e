package inge

import "encoding/xml"

// KursabschnittsbeginnMelden is the procedure that reports the start of a
// later section.
var KursabschnittsbeginnMelden = define[KursabschnittsbeginnMeldenAnfrage, KursabschnittsbeginnMeldenAntwort]("KursabschnittsbeginnMelden", writes)

// KursabschnittsbeginnMeldenAnfrage reports the start of a later section.
type KursabschnittsbeginnMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittsbeginnMelden"`
	Anfrage
	Kurskennung string              `xml:"Kurskennung,omitempty"`
	Abschnitt   Kursabschnittsdaten `xml:"Abschnitt"`
}

// KursabschnittsbeginnMeldenAntwort answers KursabschnittsbeginnMelden.
type KursabschnittsbeginnMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittsbeginnMeldenResponse"`
	Antwort
}
