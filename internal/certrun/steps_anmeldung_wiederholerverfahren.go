package certrun

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of AnmeldungWiederholerverfahren
// (anmeldung_wiederholerverfahren.feature).
func (w *world) registerAnmeldungWiederholerverfahrenSteps(sc steps) {
	sc.Step(sc.re(`^eine vollständige Anmeldung im Wiederholerverfahren für `+personAus+`$`), w.wiederholerVorbereiten)
	sc.Step(sc.re(`^ich die Anmeldung im Wiederholerverfahren übermittle$`), w.wiederholerUebermitteln)
}

// wiederholerVorbereiten prepares the registration for repetition of a
// person with an Aktenzeichen Wiederholer, identified by it; the placement
// test is waived (CMX-TEV).
func (w *world) wiederholerVorbereiten(name, fallID string) error {
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	id, err := p.IdentDerArt(string(inge.AktenzeichenWiederholer))
	if err != nil {
		return err
	}
	w.prepare(&inge.AnmeldungWiederholerverfahrenAnfrage{Anmeldung: inge.Wiederholeranmeldung{
		Ident:           id,
		Familienname:    p.Familienname,
		Vorname:         p.Vorname,
		Anschrift:       anschriftVon(p),
		Anmeldedatum:    inge.DatumOf(w.szenarioHeute()),
		Einstufungstest: &inge.Einstufungstest{Verzichtbar: new(true)},
	}})
	return nil
}

func (w *world) wiederholerUebermitteln(ctx context.Context) error {
	req, err := prepared[*inge.AnmeldungWiederholerverfahrenAnfrage](w, "keine Anmeldung im Wiederholerverfahren")
	if err != nil {
		return err
	}
	return w.send(ctx, req, nil)
}
