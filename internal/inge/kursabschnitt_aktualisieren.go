package inge

import "encoding/xml"

// KursabschnittAktualisieren is the procedure that corrects a reported
// section.
var KursabschnittAktualisieren = define[KursabschnittAktualisierenAnfrage, KursabschnittAktualisierenAntwort]("KursabschnittAktualisieren", writes)

// KursabschnittAktualisierenAnfrage corrects a reported section.
type KursabschnittAktualisierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittAktualisieren"`
	Anfrage
	Kurskennung string              `xml:"Kurskennung,omitempty"`
	Abschnitt   Kursabschnittsdaten `xml:"Abschnitt"`
}

// KursabschnittAktualisierenAntwort answers KursabschnittAktualisieren.
type KursabschnittAktualisierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittAktualisierenResponse"`
	Antwort
}
