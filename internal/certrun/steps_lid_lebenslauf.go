package certrun

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// lid_lebenslauf.feature follows one LiD exam through every procedure.
// Each of its steps sends or checks one procedure and lives in that
// procedure's file; this file holds what those files share: what the
// scenario knows of its exam, and the one step that every procedure on a
// Pruefungsnummer shares, because each must hide another Traeger's exam
// the same way.
func (w *world) registerLidLebenslaufSteps(sc steps) {
	sc.Step(sc.re(`^die Meldung "([^"]*)" lautet wie für eine unbekannte Prüfungsnummer$`), w.wieUnbekannt)
}

// lidStand is what a scenario knows of its LiD exam: the exam as the mock
// stored it and the candidates it took. Requests are derived from it, so a
// scenario says only what differs from a valid message.
type lidStand struct {
	nummer   string            // the exam the scenario talks about
	vorige   string            // the Pruefungsnummer before nummer, if any
	pruefung *inge.LidPruefung // as stored; nil until an exam was stored
	gemeldet []inge.LidPruefling

	// erwartet are the candidates of the prepared LidTeilnehmendeMelden as
	// the Auskunft returns them once stored: identified persons by
	// Geburtsdatum and BAMF Personenkennziffer, Selbstzahler as sent.
	erwartet []inge.LidPruefling
	zahler   int // Selbstzahler generated so far
}

// pruefungsnummer is the number of the scenario's exam.
func (w *world) pruefungsnummer() (string, error) {
	if w.lid.nummer == "" {
		return "", errors.New("das Szenario kennt keine LiD-Prüfung (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	return w.lid.nummer, nil
}

// gespeichertePruefung is the scenario's exam as stored.
func (w *world) gespeichertePruefung() (*inge.LidPruefung, error) {
	if w.lid.pruefung == nil {
		return nil, errors.New("das Szenario hat noch keine LiD-Prüfung gespeichert (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	return w.lid.pruefung, nil
}

// unbekanntePruefungsnummer is a number the mock never hands out first.
const unbekanntePruefungsnummer = "L999999999"

// wieUnbekannt checks that the Meldung reads, but for the number, as the
// one for an unknown Pruefungsnummer, so that an exam of another Traeger
// does not reveal that it exists. It asks the same procedure again, with
// the unknown number, and keeps the first answer as the answer at hand.
func (w *world) wieUnbekannt(ctx context.Context, code string) error {
	got, err := w.meldungMit(code)
	if err != nil {
		return err
	}
	probe, nummer, ok := mitNummer(w.last, unbekanntePruefungsnummer)
	if !ok {
		return errors.New("die letzte Anfrage nennt keine Prüfungsnummer")
	}
	response, fault, raw, last := w.response, w.fault, w.raw, w.last
	defer func() { w.response, w.fault, w.raw, w.last = response, fault, raw, last }()
	if err := w.send(ctx, probe, nil); err != nil {
		return err
	}
	want, err := w.meldungMit(code)
	if err != nil {
		return fmt.Errorf("mit der unbekannten Prüfungsnummer: %w", err)
	}
	if strings.ReplaceAll(got.Text, nummer, "L…") != strings.ReplaceAll(want.Text, unbekanntePruefungsnummer, "L…") {
		return fmt.Errorf("Meldung %s lautet %q; für eine unbekannte Prüfungsnummer %q", code, got.Text, want.Text)
	}
	return nil
}

// mitNummer returns a copy of a request that names the exam nummer
// instead, and the number it named; ok is false for a request that names
// no Pruefungsnummer. Every LiD request on an existing exam names it in
// the same field.
func mitNummer(req inge.Request, nummer string) (probe inge.Request, genannt string, ok bool) {
	v := reflect.ValueOf(req)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil, "", false
	}
	f := v.Elem().FieldByName("Pruefungsnummer")
	if !f.IsValid() || f.Kind() != reflect.String {
		return nil, "", false
	}
	c := reflect.New(v.Elem().Type())
	c.Elem().Set(v.Elem())
	c.Elem().FieldByName("Pruefungsnummer").SetString(nummer)
	return c.Interface().(inge.Request), f.String(), true
}
