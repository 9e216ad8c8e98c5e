package inge

import "encoding/xml"

// The request messages of the 17 procedures. Each embeds Anfrage (Mandant and
// Rollback); the element name is the procedure's name.

// AnmeldungErstverfahrenAnfrage registers a participant with the Traeger.
type AnmeldungErstverfahrenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungErstverfahren"`
	Anfrage
	Anmeldung Erstanmeldung `xml:"Anmeldung"`
}

// AnmeldungWiederholerverfahrenAnfrage registers a participant admitted for
// repetition.
type AnmeldungWiederholerverfahrenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungWiederholerverfahren"`
	Anfrage
	Anmeldung Wiederholeranmeldung `xml:"Anmeldung"`
}

// TeilnehmerauskunftAnfrage asks what BAMF knows about a person.
type TeilnehmerauskunftAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 Teilnehmerauskunft"`
	Anfrage
	Ident TeilnehmerIdent `xml:"Ident"`
}

// SprachtestMeldenAnfrage reports the candidates of a DTZ test.
type SprachtestMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 SprachtestMelden"`
	Anfrage
	Sprachtest Sprachtest `xml:"Sprachtest"`
}

// KursplanungErfassenAnfrage reports a planned course.
type KursplanungErfassenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungErfassen"`
	Anfrage
	Kursplanung Kursplanung `xml:"Kursplanung"`
}

// KursplanungAktualisierenAnfrage replaces the plan of a course.
type KursplanungAktualisierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungAktualisieren"`
	Anfrage
	Kurskennung string      `xml:"Kurskennung,omitempty"`
	Kursplanung Kursplanung `xml:"Kursplanung"`
}

// KursplanungStornierenAnfrage cancels a planned course.
type KursplanungStornierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungStornieren"`
	Anfrage
	Kurskennung       string `xml:"Kurskennung,omitempty"`
	Stornierungsgrund string `xml:"Stornierungsgrund,omitempty"`
}

// KursbeginnMeldenAnfrage reports the start of a course and its first section.
type KursbeginnMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursbeginnMelden"`
	Anfrage
	Kurskennung string          `xml:"Kurskennung,omitempty"`
	Kursbeginn  Kursbeginndaten `xml:"Kursbeginn"`
}

// KursabschnittsbeginnMeldenAnfrage reports the start of a later section.
type KursabschnittsbeginnMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittsbeginnMelden"`
	Anfrage
	Kurskennung string              `xml:"Kurskennung,omitempty"`
	Abschnitt   Kursabschnittsdaten `xml:"Abschnitt"`
}

// KursabschnittAktualisierenAnfrage corrects a reported section.
type KursabschnittAktualisierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittAktualisieren"`
	Anfrage
	Kurskennung string              `xml:"Kurskennung,omitempty"`
	Abschnitt   Kursabschnittsdaten `xml:"Abschnitt"`
}

// KursortaenderungMeldenAnfrage announces Kursort changes of sections not yet
// begun.
type KursortaenderungMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursortaenderungMelden"`
	Anfrage
	Kurskennung string             `xml:"Kurskennung,omitempty"`
	Aenderung   []Kursortaenderung `xml:"Aenderung,omitempty"`
}

// KursauskunftAnfrage asks for the data BAMF holds on a course.
type KursauskunftAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 Kursauskunft"`
	Anfrage
	Kurskennung string `xml:"Kurskennung,omitempty"`
}

// LidPruefungErfassenAnfrage registers a LiD exam.
type LidPruefungErfassenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungErfassen"`
	Anfrage
	Pruefung LidPruefung `xml:"Pruefung"`
}

// LidPruefungAktualisierenAnfrage changes a registered LiD exam.
type LidPruefungAktualisierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAktualisieren"`
	Anfrage
	Pruefungsnummer string      `xml:"Pruefungsnummer,omitempty"`
	Pruefung        LidPruefung `xml:"Pruefung"`
}

// LidPruefungStornierenAnfrage cancels a LiD exam.
type LidPruefungStornierenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungStornieren"`
	Anfrage
	Pruefungsnummer string `xml:"Pruefungsnummer,omitempty"`
	Grund           string `xml:"Grund,omitempty"`
}

// LidTeilnehmendeMeldenAnfrage reports the candidates of a LiD exam.
type LidTeilnehmendeMeldenAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidTeilnehmendeMelden"`
	Anfrage
	Pruefungsnummer string         `xml:"Pruefungsnummer,omitempty"`
	Pruefling       []LidPruefling `xml:"Pruefling,omitempty"`
}

// LidPruefungAuskunftAnfrage asks for a LiD exam and its candidates.
type LidPruefungAuskunftAnfrage struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAuskunft"`
	Anfrage
	Pruefungsnummer string `xml:"Pruefungsnummer,omitempty"`
}

// The responses. Each has its own type with a fixed element name: encoding/xml
// ignores the XMLName of an embedded struct when marshalling.

// TeilnehmerauskunftAntwort answers the Teilnehmerauskunft.
type TeilnehmerauskunftAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 TeilnehmerauskunftResponse"`
	Antwort
	Teilnehmer *Teilnehmerdaten `xml:"Teilnehmer,omitempty"`
}

// KursplanungErfassenAntwort answers KursplanungErfassen with the new
// Kurskennung.
type KursplanungErfassenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungErfassenResponse"`
	Antwort
	Kurskennung string `xml:"Kurskennung,omitempty"`
}

// KursauskunftAntwort answers the Kursauskunft.
type KursauskunftAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursauskunftResponse"`
	Antwort
	Kurs *Kursdaten `xml:"Kurs,omitempty"`
}

// LidPruefungErfassenAntwort answers LidPruefungErfassen with the new
// Pruefungsnummer.
type LidPruefungErfassenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungErfassenResponse"`
	Antwort
	Pruefungsnummer string `xml:"Pruefungsnummer,omitempty"`
}

// LidPruefungAuskunftAntwort answers the LidPruefungAuskunft.
type LidPruefungAuskunftAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAuskunftResponse"`
	Antwort
	Pruefung *LidPruefungsdaten `xml:"Pruefung,omitempty"`
}

// AnmeldungErstverfahrenAntwort answers AnmeldungErstverfahren.
type AnmeldungErstverfahrenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungErstverfahrenResponse"`
	Antwort
}

// AnmeldungWiederholerverfahrenAntwort answers AnmeldungWiederholerverfahren.
type AnmeldungWiederholerverfahrenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 AnmeldungWiederholerverfahrenResponse"`
	Antwort
}

// SprachtestMeldenAntwort answers SprachtestMelden.
type SprachtestMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 SprachtestMeldenResponse"`
	Antwort
}

// KursplanungAktualisierenAntwort answers KursplanungAktualisieren.
type KursplanungAktualisierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungAktualisierenResponse"`
	Antwort
}

// KursplanungStornierenAntwort answers KursplanungStornieren.
type KursplanungStornierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursplanungStornierenResponse"`
	Antwort
}

// KursbeginnMeldenAntwort answers KursbeginnMelden.
type KursbeginnMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursbeginnMeldenResponse"`
	Antwort
}

// KursabschnittsbeginnMeldenAntwort answers KursabschnittsbeginnMelden.
type KursabschnittsbeginnMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittsbeginnMeldenResponse"`
	Antwort
}

// KursabschnittAktualisierenAntwort answers KursabschnittAktualisieren.
type KursabschnittAktualisierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursabschnittAktualisierenResponse"`
	Antwort
}

// KursortaenderungMeldenAntwort answers KursortaenderungMelden.
type KursortaenderungMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 KursortaenderungMeldenResponse"`
	Antwort
}

// LidPruefungAktualisierenAntwort answers LidPruefungAktualisieren.
type LidPruefungAktualisierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungAktualisierenResponse"`
	Antwort
}

// LidPruefungStornierenAntwort answers LidPruefungStornieren.
type LidPruefungStornierenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidPruefungStornierenResponse"`
	Antwort
}

// LidTeilnehmendeMeldenAntwort answers LidTeilnehmendeMelden.
type LidTeilnehmendeMeldenAntwort struct {
	XMLName xml.Name `xml:"urn:inge-harness:kurstraeger:1 LidTeilnehmendeMeldenResponse"`
	Antwort
}
