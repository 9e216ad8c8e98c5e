package mockstate

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursabschnittsbeginnMelden reports the start of every section after the
// first, in the order of the Kursart, within a week of its start (quelle:BAMF-KT,
// quelle:Q-KP); none after a vorzeitiges Kursende (quelle:ABESO-KURS).
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
		next, more := s.Next(k.letzterAbschnitt().daten.Kursabschnitt)
		if !more {
			next = "keiner (alle Abschnitte gemeldet)"
		}
		if next != d.Kursabschnitt {
			c.add(inge.AbschnittNichtDerNaechste, path, "Wert", d.Kursabschnitt, "Erwartet", next)
		}
	}
	found, err := checkAbschnittsdaten(ctx, tx, c, k.kursart(), d, "Abschnitt", meldung{frist: true})
	if err != nil || c.failed() {
		return resp, err
	}
	if err := storeAbschnitt(ctx, tx, c, k.kennung, d, found); err != nil {
		return nil, err
	}
	if err := endIfVorzeitig(ctx, tx, c, k.kennung, d); err != nil {
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
		c.add(inge.KursIstBeendet, "Kurskennung")
		return nil, nil
	}
	return k, nil
}
