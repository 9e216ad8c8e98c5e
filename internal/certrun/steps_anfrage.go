package certrun

import (
	"context"
	"errors"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps that shape the prepared request of any procedure. They are
// shared because the features change every kind of request the same way:
// by the XML path of a field (setField), and by the Rollback flag.
func (w *world) registerAnfrageSteps(sc steps) {
	sc.Step(sc.re(`^in der Anfrage fehlen die Felder:$`), w.felderFehlen)
	sc.Step(sc.re(`^das Feld "([^"]*)" hat den Wert "([^"]*)"$`), w.feldWert)
	sc.Step(sc.re(`^das Feld "([^"]*)" liegt (\d+) Tage? in der Zukunft$`), w.feldInZukunft)
	sc.Step(sc.re(`^die Anfrage ist als Rollback markiert$`), w.rollback)
	sc.Step(sc.re(`^ich dieselbe Anfrage ohne Rollback sende$`), w.ohneRollback)
}

func (w *world) felderFehlen(table *godog.Table) error {
	req, err := prepared[inge.Request](w, "keine Anfrage")
	if err != nil {
		return err
	}
	for i, row := range table.Rows {
		if i == 0 {
			continue // header: Feld
		}
		if err := inge.ClearField(req, row.Cells[0].Value); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) feldWert(path, value string) error {
	req, err := prepared[inge.Request](w, "keine Anfrage")
	if err != nil {
		return err
	}
	return inge.SetField(req, path, value)
}

func (w *world) feldInZukunft(path string, tage int) error {
	req, err := prepared[inge.Request](w, "keine Anfrage")
	if err != nil {
		return err
	}
	return inge.SetField(req, path, string(inge.DatumOf(w.szenarioHeute().AddDate(0, 0, tage))))
}

func (w *world) rollback() error {
	req, err := prepared[inge.Request](w, "keine Anfrage")
	if err != nil {
		return err
	}
	req.Base().Rollback = true
	return nil
}

// ohneRollback sends the request sent last again without the Rollback
// flag, and so changes what the scenario knows as the first sending would
// have, had the mock stored it.
func (w *world) ohneRollback(ctx context.Context) error {
	req := w.sent
	if req == nil {
		return errors.New("es wurde noch keine Anfrage gesendet")
	}
	req.Base().Rollback = false
	w.request = req
	return w.send(ctx, req, w.onStored)
}
