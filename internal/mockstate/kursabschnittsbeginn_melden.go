package mockstate

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursabschnittsbeginnMelden reports the start of every section after the
// first, within a week of its start (quelle:BAMF-KT, quelle:Q-KP), in the order of the
// Kursart unless Regeln.Abschnittsfolge allows skipping; none while the
// latest section carries a vorzeitiges Kursende (quelle:ITM 10.3.1).
func kursabschnittsbeginnMelden(ctx context.Context, tx *Tx, c *call, r *inge.KursabschnittsbeginnMeldenAnfrage) (inge.Response, error) {
	resp := &inge.KursabschnittsbeginnMeldenAntwort{}
	k, err := laufenderKurs(ctx, tx, c, r.Kurskennung)
	if err != nil || k == nil {
		return resp, err
	}
	d := &r.Abschnitt
	path := "Abschnitt/Kursabschnitt"
	if _, done := k.abschnitt(d.Kursabschnitt); done {
		c.add(inge.AbschnittBereitsGemeldet, path, "Wert", d.Kursabschnitt)
	} else if s, ok := inge.KursstrukturOf(k.kursart()); ok && s.Contains(d.Kursabschnitt) && k.letzterAbschnitt() != nil {
		checkAbschnittsfolge(c, s, k.letzterAbschnitt().daten.Kursabschnitt, d.Kursabschnitt, path)
	}
	found, err := checkAbschnittsdaten(ctx, tx, c, k, k.kursart(), d, "Abschnitt", meldung{frist: true})
	if err != nil || c.nurPruefen() {
		return resp, err
	}
	if err := storeAbschnitt(ctx, tx, c, k.kennung, d, found); err != nil {
		return nil, err
	}
	if err := setVorzeitigesKursende(ctx, tx, c, k.kennung, d); err != nil {
		return nil, err
	}
	c.erfolg = inge.KursabschnittsbeginnGespeichert
	return resp, nil
}

// laufenderKurs loads a course that takes a new section: one whose begin was
// reported and that has not ended early.
func laufenderKurs(ctx context.Context, tx *Tx, c *call, kennung string) (*kurs, error) {
	k, err := ownKurs(ctx, tx, c, kennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
		return nil, err
	}
	switch {
	case k.beginn == nil:
		c.add(inge.KursbeginnNichtGemeldet, "Kurskennung")
		return nil, nil
	case k.status == inge.KursBeendet:
		c.add(inge.KursIstBeendet, "Kurskennung", "Wert", k.vorzeitigBeendetMit())
		return nil, nil
	}
	return k, nil
}

// checkAbschnittsfolge: with Regeln.Abschnittsfolge streng the next section
// of the Kursart follows the last reported one (quelle:Q-KP: a begin after each
// section); with frei any later one may.
func checkAbschnittsfolge(c *call, s inge.Kursstruktur, letzter, abschnitt, path string) {
	next, more := s.Next(letzter)
	switch {
	case c.regeln.Abschnittsfolge == AbschnittsfolgeFrei && s.Position(abschnitt) > s.Position(letzter):
	case !more:
		c.add(inge.AbschnittNichtDerNaechste, path, "Wert", abschnitt, "Erwartet", "keiner (alle Abschnitte gemeldet)")
	case c.regeln.Abschnittsfolge == AbschnittsfolgeFrei:
		c.add(inge.AbschnittNichtDerNaechste, path, "Wert", abschnitt, "Erwartet", "ein Abschnitt nach "+letzter)
	case next != abschnitt:
		c.add(inge.AbschnittNichtDerNaechste, path, "Wert", abschnitt, "Erwartet", next)
	}
}
