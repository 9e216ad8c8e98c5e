package certrun

import (
	"fmt"
	"slices"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// The steps that name the person of a participant request otherwise than
// its preparing step did: by another Kennziffer, or as a person BAMF does
// not know. They are shared because the Erstanmeldung, the Anmeldung im
// Wiederholerverfahren and the Sprachtestmeldung name a person alike (and
// the Teilnehmerauskunft asks for an unknown one).
func (w *world) registerPersonSteps(sc steps) {
	sc.Step(sc.re(`^die Person wird mit ihrer Kennziffer der Art "([^"]*)" identifiziert$`), w.mitKennziffer)
	sc.Step(sc.re(`^die Anfrage gilt `+unbekannt+`$`), w.unbekanntePerson)
}

// unbekannt is a person BAMF does not know, as a step names it: name, test
// case, Geburtsdatum, Kennziffer and its Art (unbekanntesIdent).
const unbekannt = `der dem BAMF unbekannten Person ` + personAus + `, geboren am ` + datum + `, mit der Kennziffer "([^"]*)" der Art "([^"]*)"`

// teilnehmerStand is what a scenario knows of the participants it talks
// about: the person the last step named and the Bogennummern it reported.
// Requests are built from the Testdatenpaket, so that a scenario says only
// what differs from a valid message.
type teilnehmerStand struct {
	person       *testdaten.Person // named last; nil for a person unknown to BAMF
	bogennummern []string          // Bogennummern the mock stored
}

// personNennen returns the person "Familienname, Vorname" of a test case
// and makes it the person the scenario talks about ("die Person").
func (w *world) personNennen(name, fallID string) (*testdaten.Person, error) {
	p, err := w.person(name, fallID)
	if err != nil {
		return nil, err
	}
	w.teilnehmer.person = p
	return p, nil
}

func anschriftVon(p *testdaten.Person) *inge.Anschrift {
	a := p.Anschrift
	return &inge.Anschrift{Strasse: a.Strasse, Postleitzahl: a.Postleitzahl, Ort: a.Ort, Staat: a.Staat, Bundesland: a.Bundesland}
}

// identOf returns the Ident of the prepared request that names the person:
// the registration's, or the last candidate's of a Sprachtest. For an
// Anmeldung it also returns the names.
func (w *world) identOf() (id **inge.TeilnehmerIdent, familienname, vorname *string, err error) {
	switch r := w.request.(type) {
	case *inge.AnmeldungErstverfahrenAnfrage:
		return &r.Anmeldung.Ident, &r.Anmeldung.Familienname, &r.Anmeldung.Vorname, nil
	case *inge.AnmeldungWiederholerverfahrenAnfrage:
		return &r.Anmeldung.Ident, &r.Anmeldung.Familienname, &r.Anmeldung.Vorname, nil
	case *inge.SprachtestMeldenAnfrage:
		if n := len(r.Sprachtest.Pruefling); n > 0 {
			return &r.Sprachtest.Pruefling[n-1].Ident, nil, nil, nil
		}
	}
	return nil, nil, nil, fmt.Errorf("es wurde keine Anmeldung und keine Sprachtestmeldung vorbereitet")
}

// mitKennziffer identifies the person of the prepared request by another of
// its Kennziffern.
func (w *world) mitKennziffer(art string) error {
	if w.teilnehmer.person == nil {
		return fmt.Errorf("das Szenario hat noch keine Person aus dem Testdatenpaket genannt")
	}
	id, _, _, err := w.identOf()
	if err != nil {
		return err
	}
	*id, err = w.teilnehmer.person.IdentDerArt(art)
	return err
}

// unbekanntesIdent returns the Ident of a person BAMF does not know, as the
// Vorbedingungen of a test case describe one (TN-10). The person must be
// named there, and must be in no test case of the Testdatenpaket.
func (w *world) unbekanntesIdent(name, fallID, geboren, wert, art string) (*inge.TeilnehmerIdent, error) {
	fall, err := w.fall(fallID)
	if err != nil {
		return nil, err
	}
	familienname, _, _ := strings.Cut(name, ", ")
	for _, s := range []string{familienname, geboren, wert} {
		if !strings.Contains(fall.Vorbedingungen, s) {
			return nil, fmt.Errorf("die Vorbedingungen von Testfall %s nennen %q nicht", fallID, s)
		}
	}
	for _, f := range w.r.paket.Faelle {
		for _, p := range f.Personen {
			if slices.Contains(p.Kennziffern, testdaten.Kennziffer{Art: art, Wert: wert}) {
				return nil, fmt.Errorf("die Kennziffer %s %s gehört %s, %s aus Testfall %s; die Person ist dem BAMF bekannt", art, wert, p.Familienname, p.Vorname, f.ID)
			}
		}
	}
	d, err := parseDatumDE(geboren)
	if err != nil {
		return nil, err
	}
	w.teilnehmer.person = nil
	return &inge.TeilnehmerIdent{Geburtsdatum: inge.DatumOf(d), Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenArt(art), Wert: wert}}, nil
}

// unbekanntePerson puts a person BAMF does not know into the prepared
// request.
func (w *world) unbekanntePerson(name, fallID, geboren, wert, art string) error {
	id, familienname, vorname, err := w.identOf()
	if err != nil {
		return err
	}
	if *id, err = w.unbekanntesIdent(name, fallID, geboren, wert, art); err != nil {
		return err
	}
	if familienname != nil {
		*familienname, *vorname, _ = strings.Cut(name, ", ")
	}
	return nil
}
