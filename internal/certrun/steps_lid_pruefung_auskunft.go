package certrun

import (
	"context"
	"fmt"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of LidPruefungAuskunft (lid_pruefung_auskunft.feature): asking
// for an exam, and what the answer shows of it, compared with what the
// scenario stored and reported.
func (w *world) registerLidPruefungAuskunftSteps(sc steps) {
	sc.Step(sc.re(`^ich die Auskunft zu dieser LiD-Prüfung anfordere$`), w.lidAuskunftDieser)
	sc.Step(sc.re(`^ich die Auskunft zur LiD-Prüfung "([^"]*)" anfordere$`), w.lidAuskunft)
	// "die LiD-Auskunft zu dieser Prüfung ..." asks first; "die
	// LiD-Auskunft ..." checks the answer at hand.
	const zuDieser = `^die LiD-Auskunft( zu dieser Prüfung)?`
	sc.Step(sc.re(zuDieser+` zeigt den Prüfungsstatus "([^"]*)"$`), w.lidZeigtStatus)
	sc.Step(sc.re(zuDieser+` zeigt die zuletzt gespeicherten Prüfungsdaten$`), w.lidZeigtDaten)
	sc.Step(sc.re(zuDieser+` zeigt die gemeldeten Prüflinge$`), w.lidZeigtGemeldete)
	sc.Step(sc.re(zuDieser+` zeigt (\d+) Prüflinge?$`), w.lidZeigtAnzahl)
	sc.Step(sc.re(zuDieser+` meldet "([^"]*)"$`), w.auskunftMeldet(w.lidAuskunftDieser))
}

func (w *world) lidAuskunft(ctx context.Context, nummer string) error {
	req := &inge.LidPruefungAuskunftAnfrage{Pruefungsnummer: nummer}
	req.Mandant.Traegernummer = w.mandant
	return w.send(ctx, req, nil)
}

// lidAuskunftDieser asks for the scenario's exam.
func (w *world) lidAuskunftDieser(ctx context.Context) error {
	return w.lidAuskunft(ctx, w.lid.nummer)
}

// lidDaten returns the exam of the last LidPruefungAuskunft; with frisch
// set it asks for the scenario's exam first.
func (w *world) lidDaten(ctx context.Context, frisch string) (*inge.LidPruefungsdaten, error) {
	if err := askFirst(ctx, frisch, w.lidAuskunftDieser); err != nil {
		return nil, err
	}
	r, err := answerOf[*inge.LidPruefungAuskunftAntwort](w)
	if err != nil {
		return nil, err
	}
	if r.Pruefung == nil {
		return nil, fmt.Errorf("die Antwort enthält keine LiD-Prüfung (Status %s, Meldungen: %s)", r.Status, describe(r.List()))
	}
	return r.Pruefung, nil
}

func (w *world) lidZeigtStatus(ctx context.Context, frisch, status string) error {
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if string(d.Pruefungsstatus) != status {
		return fmt.Errorf("Prüfungsstatus = %s; erwartet %s", d.Pruefungsstatus, status)
	}
	return nil
}

func (w *world) lidZeigtDaten(ctx context.Context, frisch string) error {
	gespeichert, err := w.gespeichertePruefung()
	if err != nil {
		return err
	}
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if d.Pruefungsnummer != w.lid.nummer {
		return fmt.Errorf("Prüfungsnummer = %s; erwartet %s", d.Pruefungsnummer, w.lid.nummer)
	}
	if d.Pruefung != *gespeichert {
		return fmt.Errorf("Prüfungsdaten der Auskunft: %s; gespeichert: %s", readable(d.Pruefung), readable(*gespeichert))
	}
	return nil
}

// lidZeigtGemeldete compares the candidates of the Auskunft, in order, with
// those the scenario reported: identified persons by Geburtsdatum and BAMF
// Personenkennziffer, Selbstzahler with all their data.
func (w *world) lidZeigtGemeldete(ctx context.Context, frisch string) error {
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if len(d.Pruefling) != len(w.lid.gemeldet) {
		return fmt.Errorf("die LiD-Auskunft nennt %d Prüflinge; gemeldet %d", len(d.Pruefling), len(w.lid.gemeldet))
	}
	for i, want := range w.lid.gemeldet {
		if got := d.Pruefling[i]; prueflingText(got) != prueflingText(want) {
			return fmt.Errorf("Pruefling[%d] der Auskunft = %s; gemeldet %s", i+1, prueflingText(got), prueflingText(want))
		}
	}
	return nil
}

// prueflingText renders a candidate for comparison and error messages.
func prueflingText(p inge.LidPruefling) string {
	switch {
	case p.Ident != nil && p.Selbstzahler == nil:
		return "Ident " + identText(*p.Ident)
	case p.Selbstzahler != nil && p.Ident == nil:
		s := *p.Selbstzahler
		var a inge.Anschrift
		if s.Anschrift != nil {
			a = *s.Anschrift
		}
		return fmt.Sprintf("Selbstzahler %s, %s, %s in %s, %s, %s, Anschrift (%s)", s.Familienname, s.Vorname, s.Geburtsdatum, s.Geburtsort, s.Geschlecht, strings.Join(s.Staatsangehoerigkeit, " "), readable(a))
	}
	return "ungültig: " + readable(p)
}

func (w *world) lidZeigtAnzahl(ctx context.Context, frisch string, n int) error {
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if len(d.Pruefling) != n {
		return fmt.Errorf("die LiD-Auskunft nennt %d Prüflinge; erwartet %d", len(d.Pruefling), n)
	}
	return nil
}
