package certrun

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// The steps of SprachtestMelden (sprachtest_melden.feature): a DTZ of the
// scenario's course, its candidates and their Bogennummern.
func (w *world) registerSprachtestMeldenSteps(sc steps) {
	sc.Step(sc.re(`^eine Sprachtestmeldung zu diesem Kurs für `+personAus+`$`), w.sprachtestVorbereiten)
	sc.Step(sc.re(`^die Sprachtestmeldung nennt auch `+personAus+`$`), w.auchPruefling)
	sc.Step(sc.re(`^die Sprachtestmeldung nennt `+personAus+` ein zweites Mal$`), w.auchPruefling)
	sc.Step(sc.re(`^der (\d+)\. Prüfling hat dieselbe Bogennummer wie der (\d+)\.$`), w.selbeBogennummer)
	sc.Step(sc.re(`^der (\d+)\. Prüfling hat die bereits gemeldete Bogennummer$`), w.gemeldeteBogennummer)
	sc.Step(sc.re(`^ich den Sprachtest melde$`), w.sprachtestMelden)
	sc.Step(sc.re(`^ich habe den Sprachtest für `+personAus+` zu diesem Kurs gemeldet$`), w.sprachtestGemeldet)
	sc.Step(sc.re(`^die Rückmeldung zum (\d+)\. Prüfling lautet "([^"]*)"$`), w.rueckmeldung)
}

// rueckmeldung checks the answer about one candidate (ABESO-TEST: a reply
// per candidate): whether it was stored.
func (w *world) rueckmeldung(n int, status string) error {
	resp, err := answerOf[*inge.SprachtestMeldenAntwort](w)
	if err != nil {
		return err
	}
	for _, r := range resp.Rueckmeldung {
		if r.Pruefling == n {
			if string(r.Status) != status {
				return fmt.Errorf("Rückmeldung zum %d. Prüfling: %s; erwartet %s", n, r.Status, status)
			}
			return nil
		}
	}
	return fmt.Errorf("keine Rückmeldung zum %d. Prüfling (Rückmeldungen: %+v)", n, resp.Rueckmeldung)
}

// sprachtestVorbereiten prepares the report of a DTZ held two days ago for
// the scenario's course, with the placeholder Auftragsnummer 1234567
// (TRS 15/2022) and one candidate.
func (w *world) sprachtestVorbereiten(name, fallID string) error {
	if w.kurs.kennung == "" {
		return fmt.Errorf("das Szenario hat noch keinen Kurs (ich habe eine vollständige Kursplanung ... erfasst)")
	}
	w.prepare(&inge.SprachtestMeldenAnfrage{Sprachtest: inge.Sprachtest{
		Auftragsnummer: "1234567",
		Testdatum:      inge.DatumOf(w.szenarioHeute().AddDate(0, 0, -2)),
		Kurskennung:    w.kurs.kennung,
	}})
	return w.auchPruefling(name, fallID)
}

// auchPruefling adds a candidate with a new Bogennummer, a Pass number and
// the current address as the updated one.
func (w *world) auchPruefling(name, fallID string) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	nr, err := neueBogennummer()
	if err != nil {
		return err
	}
	req.Sprachtest.Pruefling = append(req.Sprachtest.Pruefling, inge.Sprachtestpruefling{
		Ident: p.Ident(), Bogennummer: nr, Ausweisnummer: ausweisnummer(p), Anschrift: anschriftVon(p),
	})
	return nil
}

func (w *world) sprachtestPruefling(req *inge.SprachtestMeldenAnfrage, n int) (*inge.Sprachtestpruefling, error) {
	if n < 1 || n > len(req.Sprachtest.Pruefling) {
		return nil, fmt.Errorf("die Sprachtestmeldung hat keinen %d. Prüfling", n)
	}
	return &req.Sprachtest.Pruefling[n-1], nil
}

func (w *world) selbeBogennummer(n, wie int) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	a, err := w.sprachtestPruefling(req, n)
	if err != nil {
		return err
	}
	b, err := w.sprachtestPruefling(req, wie)
	if err != nil {
		return err
	}
	a.Bogennummer = b.Bogennummer
	return nil
}

func (w *world) gemeldeteBogennummer(n int) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	p, err := w.sprachtestPruefling(req, n)
	if err != nil {
		return err
	}
	if len(w.teilnehmer.bogennummern) == 0 {
		return fmt.Errorf("das Szenario hat noch keinen Sprachtest gemeldet")
	}
	p.Bogennummer = w.teilnehmer.bogennummern[len(w.teilnehmer.bogennummern)-1]
	return nil
}

func (w *world) sprachtestMelden(ctx context.Context) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	// A Bogennummer is reported once, ever: keep those the mock stored.
	return w.send(ctx, req, func() error {
		for _, p := range req.Sprachtest.Pruefling {
			w.teilnehmer.bogennummern = append(w.teilnehmer.bogennummern, p.Bogennummer)
		}
		return nil
	})
}

func (w *world) sprachtestGemeldet(ctx context.Context, name, fallID string) error {
	if err := w.sprachtestVorbereiten(name, fallID); err != nil {
		return err
	}
	return w.mustStore(ctx, w.sprachtestMelden)
}

// bogenErsteZiffer are the first digits of a DTZ Bogennummer (7 digits).
var bogenErsteZiffer = [...]string{"0", "1", "8"}

// neueBogennummer returns a random valid Bogennummer. A Bogennummer is
// reported once, ever, so every scenario needs new ones, also when it runs
// again against the same mock; 3 million values make a collision unlikely.
func neueBogennummer() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(3_000_000))
	if err != nil {
		return "", err
	}
	v := n.Int64()
	return fmt.Sprintf("%s%06d", bogenErsteZiffer[v/1_000_000], v%1_000_000), nil
}

// ausweisnummer makes up a passport number from the person's first
// Kennziffer, so the same person always shows the same passport.
func ausweisnummer(p *testdaten.Person) string {
	var b strings.Builder
	b.WriteString("P")
	for _, r := range p.Kennziffern[0].Wert {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
