package inge

import "encoding/xml"

// KursbeginnMelden is the procedure that reports the start of a course and
// its first section.
var KursbeginnMelden = define[KursbeginnMeldenAnfrage, KursbeginnMeldenAntwort]("KursbeginnMelden", writes)

// KursbeginnMeldenAnfrage reports the start of a course and its first section.
type KursbeginnMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursbeginnMelden"`
	Anfrage
	Kurskennung string          `xml:"Kurskennung,omitempty"`
	Kursbeginn  Kursbeginndaten `xml:"Kursbeginn"`
}

// KursbeginnMeldenAntwort answers KursbeginnMelden.
type KursbeginnMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursbeginnMeldenResponse"`
	Antwort
}
