package inge

import "encoding/xml"

// Teilnehmerauskunft is the procedure that asks what BAMF knows about a
// person.
var Teilnehmerauskunft = define[TeilnehmerauskunftAnfrage, TeilnehmerauskunftAntwort]("Teilnehmerauskunft", reads)

// TeilnehmerauskunftAnfrage asks what BAMF knows about a person.
type TeilnehmerauskunftAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 Teilnehmerauskunft"`
	Anfrage
	Ident TeilnehmerIdent `xml:"Ident"`
}

// TeilnehmerauskunftAntwort answers the Teilnehmerauskunft.
type TeilnehmerauskunftAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 TeilnehmerauskunftResponse"`
	Antwort
	Teilnehmer *Teilnehmerdaten `xml:"Teilnehmer,omitempty"`
}
