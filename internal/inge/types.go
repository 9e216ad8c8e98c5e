package inge

import (
	"fmt"
	"time"
)

// Datum is an xs:date in its lexical form YYYY-MM-DD. The schema check
// rejects other forms, so a checked request's Datum always parses.
type Datum string

// DatumOf formats t as a Datum.
func DatumOf(t time.Time) Datum { return Datum(t.Format(time.DateOnly)) }

// Time parses d. A trailing xs:date time zone (Z or +hh:mm) is ignored:
// the procedures deal in calendar days.
func (d Datum) Time() (time.Time, error) {
	s := string(d)
	if len(s) > len(time.DateOnly) {
		s = s[:len(time.DateOnly)]
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("datum %q: %w", string(d), err)
	}
	return t, nil
}

// Jahr is an xs:gYear such as 2019.
type Jahr string

// Uhrzeit is a time of day HH:MM.
type Uhrzeit string

// Status is the outcome of a procedure.
type Status string

// The values of Status.
const (
	StatusVerarbeitet Status = "verarbeitet" // stored
	StatusGeprueft    Status = "geprueft"    // valid, nothing stored because of Rollback
	StatusAbgelehnt   Status = "abgelehnt"   // at least one Meldung of Art Fehler, nothing stored
	StatusAngenommen  Status = "angenommen"  // accepted for asynchronous processing
)

// MeldungArt is the severity of a Meldung.
type MeldungArt string

// The values of MeldungArt.
const (
	ArtFehler  MeldungArt = "Fehler"
	ArtWarnung MeldungArt = "Warnung"
	ArtHinweis MeldungArt = "Hinweis"
)

// AktenzeichenArt says which authority issued an Aktenzeichen.
type AktenzeichenArt string

// The values of AktenzeichenArt.
const (
	AktenzeichenBAMF        AktenzeichenArt = "BAMF" // Personenkennziffer des BAMF
	AktenzeichenABH         AktenzeichenArt = "ABH"  // Auslaenderbehoerde
	AktenzeichenBVA         AktenzeichenArt = "BVA"  // Bundesverwaltungsamt
	AktenzeichenTGS         AktenzeichenArt = "TGS"  // Grundsicherungstraeger (Jobcenter)
	AktenzeichenWiederholer AktenzeichenArt = "WIED" // Aktenzeichen Wiederholer
)

// Wochentag is a day of the week, Mo to So.
type Wochentag string

// Kursstatus is the state of a course in the Kursauskunft.
type Kursstatus string

// The values of Kursstatus.
const (
	KursGeplant   Kursstatus = "geplant"
	KursStorniert Kursstatus = "storniert"
	KursBegonnen  Kursstatus = "begonnen"
	KursBeendet   Kursstatus = "beendet"
)

// Pruefungsstatus is the state of a LiD-Pruefung.
type Pruefungsstatus string

// The values of Pruefungsstatus.
const (
	PruefungErfasst   Pruefungsstatus = "erfasst"
	PruefungStorniert Pruefungsstatus = "storniert"
)

// Mandant identifies the Kurstraeger a request is made for.
type Mandant struct {
	Traegernummer string `xml:"Traegernummer"`
}

// Anfrage is the part every request shares.
type Anfrage struct {
	Mandant  Mandant `xml:"Mandant"`
	Rollback bool    `xml:"Rollback,omitempty"`
	// Asynchron asks the service to accept the message while InGe is down
	// and apply it later, in order of arrival.
	Asynchron bool `xml:"Asynchron,omitempty"`
}

// Base returns the shared part of a request.
func (a *Anfrage) Base() *Anfrage { return a }

// Meldung is one finding: a catalogue code, its severity, the path of the
// field it concerns, and a German text.
type Meldung struct {
	Code string     `xml:"Code"`
	Art  MeldungArt `xml:"Art"`
	Feld string     `xml:"Feld,omitempty"`
	Text string     `xml:"Text"`
}

// Meldungen wraps the list of findings.
type Meldungen struct {
	Meldung []Meldung `xml:"Meldung"`
}

// Antwort is the part every response shares.
type Antwort struct {
	Status         Status     `xml:"Status"`
	Vorgangsnummer string     `xml:"Vorgangsnummer"`
	Meldungen      *Meldungen `xml:"Meldungen,omitempty"`
}

// Base returns the shared part of a response.
func (a *Antwort) Base() *Antwort { return a }

// List returns the Meldungen, or nil.
func (a *Antwort) List() []Meldung {
	if a.Meldungen == nil {
		return nil
	}
	return a.Meldungen.Meldung
}
