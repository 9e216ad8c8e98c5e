package mockstate

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// rules binds every procedure of the contract to its rules, one row each;
// TestApplyServesEveryProcedure fails when one is missing. A row is typed by
// the procedure's descriptor, so the compiler checks that the rules take the
// procedure's request.
var rules = bindRules(
	rule(inge.AnmeldungErstverfahren, anmeldungErstverfahren),
	rule(inge.AnmeldungWiederholerverfahren, anmeldungWiederholerverfahren),
	rule(inge.Teilnehmerauskunft, teilnehmerauskunft),
	rule(inge.SprachtestMelden, sprachtestMelden),
	rule(inge.KursplanungErfassen, kursplanungErfassen),
	rule(inge.KursplanungAktualisieren, kursplanungAktualisieren),
	rule(inge.KursplanungStornieren, kursplanungStornieren),
	rule(inge.KursbeginnMelden, kursbeginnMelden),
	rule(inge.KursabschnittsbeginnMelden, kursabschnittsbeginnMelden),
	rule(inge.KursabschnittAktualisieren, kursabschnittAktualisieren),
	rule(inge.KursortaenderungMelden, kursortaenderungMelden),
	rule(inge.Kursauskunft, kursauskunft),
	rule(inge.LidPruefungErfassen, lidPruefungErfassen),
	rule(inge.LidPruefungAktualisieren, lidPruefungAktualisieren),
	rule(inge.LidPruefungStornieren, lidPruefungStornieren),
	rule(inge.LidTeilnehmendeMelden, lidTeilnehmendeMelden),
	rule(inge.LidPruefungAuskunft, lidPruefungAuskunft),
)

// ruleRow is one procedure with its rules.
type ruleRow struct {
	p *inge.Procedure
	h handler
}

// rule binds the rules of a procedure to its descriptor.
func rule[Req inge.Request, Resp inge.Response](op inge.Op[Req, Resp], fn func(context.Context, *Tx, *call, Req) (inge.Response, error)) ruleRow {
	return ruleRow{op.Procedure(), func(ctx context.Context, tx *Tx, c *call, req inge.Request) (inge.Response, error) {
		// A checked request of the procedure is made by its NewRequest,
		// hence a Req.
		return fn(ctx, tx, c, req.(Req))
	}}
}

func bindRules(rows ...ruleRow) map[*inge.Procedure]handler {
	m := make(map[*inge.Procedure]handler, len(rows))
	for _, r := range rows {
		m[r.p] = r.h
	}
	return m
}
