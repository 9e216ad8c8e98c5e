package certrun

import (
	"context"
	"fmt"
	"time"
	_ "time/tzdata" // Europe/Berlin for the mock's days
)

// heuteUm is the time of day that "heute ist der ..." sets the clock to:
// well inside the day in every German time zone offset.
const heuteUm = 9 * time.Hour

// The steps that set the clock of the scenario's sandbox (one for all its
// Traeger) through the admin API. A scenario in a shared sandbox that
// touches the clock gets it back at real time afterwards (resetUhr), so
// that scenarios stay independent of each other; a sandbox of the
// scenario's own is removed anyway.
func (w *world) registerUhrSteps(sc steps) {
	sc.Step(sc.re(`^heute ist der `+datum+`$`), w.heuteIst)
	sc.Step(sc.re(`^(\d+) Tage? vergehen$`), w.tageVergehen)
}

// heuteIst freezes the clock at 09:00 UTC of the day.
func (w *world) heuteIst(ctx context.Context, datum string) error {
	d, err := parseDatumDE(datum)
	if err != nil {
		return err
	}
	if err := w.r.admin.FreezeClock(ctx, w.sandbox, d.Add(heuteUm)); err != nil {
		return err
	}
	w.uhrGestellt, w.heute = true, d
	return nil
}

// tageVergehen moves the clock on by whole days.
func (w *world) tageVergehen(ctx context.Context, tage int) error {
	if err := w.r.admin.AdvanceClock(ctx, w.sandbox, time.Duration(tage)*24*time.Hour); err != nil {
		return err
	}
	w.uhrGestellt = true
	if !w.heute.IsZero() {
		w.heute = w.heute.AddDate(0, 0, tage)
	}
	return nil
}

// resetUhr lets the clock run at real time again if the scenario set it.
func (w *world) resetUhr(ctx context.Context) error {
	if !w.uhrGestellt {
		return nil
	}
	if err := w.r.admin.ResetClock(ctx, w.sandbox); err != nil {
		return fmt.Errorf("Uhr zurücksetzen: %w", err)
	}
	w.uhrGestellt = false
	return nil
}

// szenarioHeute is the day the scenario's relative dates count from: the day
// the scenario set its sandbox's clock to, else the real date. The clock is
// one for every Traeger of the sandbox.
func (w *world) szenarioHeute() time.Time {
	if !w.heute.IsZero() {
		return w.heute
	}
	return today()
}

// today is the real date in Germany, as the mock counts its days
// (Europe/Berlin): between midnight in Berlin and midnight UTC the two
// differ, and a date "one day in the future" by UTC would be today.
func today() time.Time {
	y, m, d := time.Now().In(berlin).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// berlin is the zone of the mock's days.
var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic("certrun: the zone Europe/Berlin is missing: " + err.Error()) // time/tzdata is linked in
	}
	return loc
}()
