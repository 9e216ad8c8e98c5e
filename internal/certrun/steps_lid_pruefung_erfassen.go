package certrun

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of LidPruefungErfassen (lid_pruefung_erfassen.feature): a
// complete exam from a test case, and the Pruefungsnummer of the answer.
func (w *world) registerLidPruefungErfassenSteps(sc steps) {
	const pruefung = `eine vollständige LiD-Prüfung aus Testfall "([^"]*)" ` + termin
	sc.Step(sc.re(`^`+pruefung+`$`), w.lidErfassungVorbereiten)
	sc.Step(sc.re(`^ich die LiD-Prüfung erfasse$`), w.lidErfassen)
	sc.Step(sc.re(`^ich dieselbe LiD-Prüfung ohne Rollback erfasse$`), w.ohneRollback)
	sc.Step(sc.re(`^ich habe `+pruefung+` erfasst$`), w.lidErfasst)
	sc.Step(sc.re(`^die Antwort enthält eine neue Prüfungsnummer$`), w.neuePruefungsnummer)
	sc.Step(sc.re(`^die Antwort enthält keine Prüfungsnummer$`), w.keinePruefungsnummer)
	sc.Step(sc.re(`^die Prüfungsnummer unterscheidet sich von der vorigen$`), w.anderePruefungsnummer)
	sc.Step(sc.re(`^die Meldung "([^"]*)" nennt die Prüfungsnummer$`), w.meldungNenntPruefungsnummer)
}

var pruefungsnummerRE = regexp.MustCompile(`^L\d{9}$`)

// lidPruefungAus builds a complete exam on day tag at the case's first
// Kursort, with the Verwaltungsstandort and Lieferadresse of the Traeger
// the scenario is logged in as.
func (w *world) lidPruefungAus(fallID string, tag time.Time) (inge.LidPruefung, error) {
	fall, err := w.fall(fallID)
	if err != nil {
		return inge.LidPruefung{}, err
	}
	t, ok := w.r.paket.TraegerByNummer(w.mandant)
	if !ok {
		return inge.LidPruefung{}, fmt.Errorf("Kursträger %q gibt es im Testdatenpaket nicht", w.mandant)
	}
	return fall.LidPruefung(t, tag)
}

func (w *world) lidErfassungVorbereiten(fallID, datum, wochen string) error {
	tag, err := w.terminTag(datum, wochen)
	if err != nil {
		return err
	}
	p, err := w.lidPruefungAus(fallID, tag)
	if err != nil {
		return err
	}
	w.prepare(&inge.LidPruefungErfassenAnfrage{Pruefung: p})
	return nil
}

func (w *world) lidErfassen(ctx context.Context) error {
	req, err := pending[*inge.LidPruefungErfassenAnfrage](w, func() error {
		return errors.New("es wurde keine LiD-Prüfung vorbereitet (eine vollständige LiD-Prüfung aus Testfall ...)")
	})
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error {
		p, err := clone(req.Pruefung)
		if err != nil {
			return err
		}
		w.lid.pruefung, w.lid.gemeldet = &p, nil
		return w.neuePruefungsnummer()
	})
}

func (w *world) lidErfasst(ctx context.Context, fallID, datum, wochen string) error {
	if err := w.lidErfassungVorbereiten(fallID, datum, wochen); err != nil {
		return err
	}
	return w.mustStore(ctx, w.lidErfassen)
}

// neuePruefungsnummer takes the Pruefungsnummer of the answer as the
// scenario's exam; a Rollback answer has one too.
func (w *world) neuePruefungsnummer() error {
	r, err := answerOf[*inge.LidPruefungErfassenAntwort](w)
	if err != nil {
		return err
	}
	if !pruefungsnummerRE.MatchString(r.Pruefungsnummer) {
		return fmt.Errorf("erwartet eine Prüfungsnummer L und neun Ziffern, erhalten %q (Status %s, Meldungen: %s)", r.Pruefungsnummer, r.Status, describe(r.List()))
	}
	if r.Pruefungsnummer != w.lid.nummer {
		w.lid.vorige, w.lid.nummer = w.lid.nummer, r.Pruefungsnummer
	}
	return nil
}

func (w *world) keinePruefungsnummer() error {
	r, err := answerOf[*inge.LidPruefungErfassenAntwort](w)
	if err != nil {
		return err
	}
	if r.Pruefungsnummer != "" {
		return fmt.Errorf("erwartet keine Prüfungsnummer, erhalten %s", r.Pruefungsnummer)
	}
	return nil
}

func (w *world) anderePruefungsnummer() error {
	if w.lid.vorige == "" || w.lid.nummer == "" {
		return fmt.Errorf("das Szenario kennt keine zwei Prüfungsnummern (vorige %q, jetzige %q)", w.lid.vorige, w.lid.nummer)
	}
	if w.lid.vorige == w.lid.nummer {
		return fmt.Errorf("die Prüfungsnummer %s wurde zweimal vergeben", w.lid.nummer)
	}
	return nil
}

func (w *world) meldungNenntPruefungsnummer(code string) error {
	nummer, err := w.pruefungsnummer()
	if err != nil {
		return err
	}
	return w.meldungNennt(code, nummer)
}
