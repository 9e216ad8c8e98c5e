package certrun

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of LidTeilnehmendeMelden (lid_teilnehmende_melden.feature): the
// candidates of the scenario's exam, persons of the Testdatenpaket and
// Selbstzahler.
func (w *world) registerLidTeilnehmendeMeldenSteps(sc steps) {
	sc.Step(sc.re(`^eine Meldung der Teilnehmenden aus Testfall "([^"]*)" zu dieser LiD-Prüfung$`), w.lidMeldungAllerVorbereiten)
	sc.Step(sc.re(`^eine Meldung der Person `+personAus+` zu dieser LiD-Prüfung$`), w.lidMeldungEinerVorbereiten)
	sc.Step(sc.re(`^die Meldung nennt außerdem die Person `+personAus+`$`), w.lidAuchPerson)
	sc.Step(sc.re(`^die Meldung nennt außerdem die Person `+personAus+` mit ihrem Aktenzeichen der Art "([^"]*)"$`), w.lidAuchPersonMitArt)
	sc.Step(sc.re(`^die Meldung nennt außerdem den Selbstzahler "([^"]*)"$`), w.lidAuchSelbstzahler)
	sc.Step(sc.re(`^ich die Teilnehmenden der LiD-Prüfung melde$`), w.lidTeilnehmendeMelden)
	sc.Step(sc.re(`^ich habe die Teilnehmenden aus Testfall "([^"]*)" zu dieser LiD-Prüfung gemeldet$`), w.lidAlleGemeldet)
	sc.Step(sc.re(`^ich habe (\d+) Selbstzahler zu dieser LiD-Prüfung gemeldet$`), w.lidZahlerGemeldet)
}

// lidMeldungVorbereiten prepares a LidTeilnehmendeMelden of the scenario's
// exam without candidates.
func (w *world) lidMeldungVorbereiten() error {
	nummer, err := w.pruefungsnummer()
	if err != nil {
		return err
	}
	w.prepare(&inge.LidTeilnehmendeMeldenAnfrage{Pruefungsnummer: nummer})
	w.lid.erwartet = nil
	return nil
}

// pendingLidMeldung is the prepared LidTeilnehmendeMelden.
func (w *world) pendingLidMeldung() (*inge.LidTeilnehmendeMeldenAnfrage, error) {
	return pending[*inge.LidTeilnehmendeMeldenAnfrage](w, func() error {
		return errors.New("es wurde keine Meldung von Teilnehmenden vorbereitet (eine Meldung der ... zu dieser LiD-Prüfung)")
	})
}

// lidPrueflingDazu appends a candidate to the prepared message, with the
// form in which the Auskunft returns it.
func (w *world) lidPrueflingDazu(gesendet, erwartet inge.LidPruefling) error {
	req, err := w.pendingLidMeldung()
	if err != nil {
		return err
	}
	req.Pruefling = append(req.Pruefling, gesendet)
	w.lid.erwartet = append(w.lid.erwartet, erwartet)
	return nil
}

func (w *world) lidMeldungAllerVorbereiten(fallID string) error {
	fall, err := w.fall(fallID)
	if err != nil {
		return err
	}
	if len(fall.Personen) == 0 {
		return fmt.Errorf("Testfall %s hat keine Personen", fall.ID)
	}
	if err := w.lidMeldungVorbereiten(); err != nil {
		return err
	}
	for _, p := range fall.Personen {
		if err := w.lidPrueflingDazu(inge.LidPruefling{Ident: p.Ident()}, inge.LidPruefling{Ident: p.Ident()}); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) lidMeldungEinerVorbereiten(name, fallID string) error {
	if err := w.lidMeldungVorbereiten(); err != nil {
		return err
	}
	return w.lidAuchPerson(name, fallID)
}

func (w *world) lidAuchPerson(name, fallID string) error {
	p, err := w.person(name, fallID)
	if err != nil {
		return err
	}
	return w.lidPrueflingDazu(inge.LidPruefling{Ident: p.Ident()}, inge.LidPruefling{Ident: p.Ident()})
}

// lidAuchPersonMitArt names a person by another Aktenzeichen than the BAMF
// Personenkennziffer; BAMF still answers with the latter.
func (w *world) lidAuchPersonMitArt(name, fallID, art string) error {
	p, err := w.person(name, fallID)
	if err != nil {
		return err
	}
	id, err := p.IdentDerArt(art)
	if err != nil {
		return err
	}
	return w.lidPrueflingDazu(inge.LidPruefling{Ident: id}, inge.LidPruefling{Ident: p.Ident()})
}

// lidAuchSelbstzahler names a self-payer "Familienname, Vorname" with the
// data a certificate needs. The same name always gets the same data, so
// naming it twice names the same person.
func (w *world) lidAuchSelbstzahler(name string) error {
	familienname, vorname, _ := strings.Cut(name, ", ")
	s := lidSelbstzahler(familienname, vorname, "1992-05-17")
	return w.lidPrueflingDazu(inge.LidPruefling{Selbstzahler: s}, inge.LidPruefling{Selbstzahler: lidSelbstzahler(familienname, vorname, "1992-05-17")})
}

func lidSelbstzahler(familienname, vorname string, geburtsdatum inge.Datum) *inge.Selbstzahler {
	return &inge.Selbstzahler{
		Familienname:         familienname,
		Vorname:              vorname,
		Geburtsdatum:         geburtsdatum,
		Geburtsort:           "Krakau",
		Geschlecht:           "x",             // ohne Angabe
		Staatsangehoerigkeit: []string{"152"}, // Polen
		Anschrift: &inge.Anschrift{
			Strasse: "Hauptstraße 3", Postleitzahl: "91999", Ort: "Beispielstadt", Staat: "000", Bundesland: "09",
		},
	}
}

func (w *world) lidTeilnehmendeMelden(ctx context.Context) error {
	req, err := w.pendingLidMeldung()
	if err != nil {
		return err
	}
	erwartet := w.lid.erwartet
	return w.send(ctx, req, func() error {
		w.lid.gemeldet = append(w.lid.gemeldet, erwartet...)
		return nil
	})
}

func (w *world) lidAlleGemeldet(ctx context.Context, fallID string) error {
	if err := w.lidMeldungAllerVorbereiten(fallID); err != nil {
		return err
	}
	return w.mustStore(ctx, w.lidTeilnehmendeMelden)
}

// lidZahlerGemeldet reports n self-payers, each born on another day than
// every other of the scenario.
func (w *world) lidZahlerGemeldet(ctx context.Context, n int) error {
	if err := w.lidMeldungVorbereiten(); err != nil {
		return err
	}
	start := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for range n {
		geboren := inge.DatumOf(start.AddDate(0, 0, w.lid.zahler))
		w.lid.zahler++
		if err := w.lidPrueflingDazu(
			inge.LidPruefling{Selbstzahler: lidSelbstzahler("Muster", "Anna", geboren)},
			inge.LidPruefling{Selbstzahler: lidSelbstzahler("Muster", "Anna", geboren)},
		); err != nil {
			return err
		}
	}
	return w.mustStore(ctx, w.lidTeilnehmendeMelden)
}
