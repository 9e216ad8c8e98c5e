package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"
)

// Each Traeger's sandbox has a clock of its own, so that a test can move one
// Traeger past a deadline (LiD two weeks ahead, Kursbeginnmeldung within a
// week, ...) without disturbing another. A clock either runs, at real time
// plus an offset, or stands still at a frozen instant. A Traeger without a
// row in uhr runs at real time.

// uhr is the stored state of one Traeger's clock.
type uhr struct {
	frozen   bool
	frozenAt time.Time     // if frozen
	offset   time.Duration // if running
}

func (tx *Tx) readUhr(ctx context.Context, nr string) (uhr, error) {
	var (
		frozenAt sql.NullString
		offset   sql.NullInt64
	)
	err := tx.QueryRowContext(ctx, `
		SELECT u.frozen_at, u.offset_ns
		FROM traeger t LEFT JOIN uhr u ON u.traegernummer = t.traegernummer
		WHERE t.traegernummer = ?`, nr,
	).Scan(&frozenAt, &offset)
	if err != nil {
		return uhr{}, lookupError("traeger", nr, err)
	}
	u := uhr{offset: time.Duration(offset.Int64)}
	if frozenAt.Valid {
		if u.frozenAt, err = parseTime(frozenAt.String); err != nil {
			return uhr{}, fmt.Errorf("uhr of traeger %q: %w", nr, err)
		}
		u.frozen = true
	}
	return u, nil
}

func (tx *Tx) writeUhr(ctx context.Context, nr string, u uhr) error {
	var frozenAt any // NULL unless frozen
	if u.frozen {
		frozenAt = formatTime(u.frozenAt)
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO uhr (traegernummer, frozen_at, offset_ns) VALUES (?, ?, ?)
		ON CONFLICT (traegernummer) DO UPDATE SET frozen_at = excluded.frozen_at, offset_ns = excluded.offset_ns`,
		nr, frozenAt, int64(u.offset))
	if err != nil {
		return fmt.Errorf("uhr of traeger %q: %w", nr, err)
	}
	return nil
}

// Now returns the current time on the clock of Traeger nr, in UTC.
func (tx *Tx) Now(ctx context.Context, nr string) (time.Time, error) {
	u, err := tx.readUhr(ctx, nr)
	if err != nil {
		return time.Time{}, err
	}
	if u.frozen {
		return u.frozenAt, nil
	}
	return tx.now().Add(u.offset).UTC(), nil
}

// SetClock sets the clock of Traeger nr to t; it runs on from there.
func (tx *Tx) SetClock(ctx context.Context, nr string, t time.Time) error {
	if _, err := tx.readUhr(ctx, nr); err != nil {
		return err
	}
	offset, err := sub(t, tx.now())
	if err != nil {
		return fmt.Errorf("set clock of traeger %q: %w", nr, err)
	}
	return tx.writeUhr(ctx, nr, uhr{offset: offset})
}

// FreezeClock stops the clock of Traeger nr at t.
func (tx *Tx) FreezeClock(ctx context.Context, nr string, t time.Time) error {
	if _, err := tx.readUhr(ctx, nr); err != nil {
		return err
	}
	return tx.writeUhr(ctx, nr, uhr{frozen: true, frozenAt: t})
}

// AdvanceClock moves the clock of Traeger nr forward by d (backward if d is
// negative). A frozen clock stays frozen, at its new instant.
func (tx *Tx) AdvanceClock(ctx context.Context, nr string, d time.Duration) error {
	u, err := tx.readUhr(ctx, nr)
	if err != nil {
		return err
	}
	if u.frozen {
		u.frozenAt = u.frozenAt.Add(d)
	} else if u.offset, err = add(u.offset, d); err != nil {
		return fmt.Errorf("advance clock of traeger %q: %w", nr, err)
	}
	return tx.writeUhr(ctx, nr, u)
}

// ResetClock lets the clock of Traeger nr run at real time again.
func (tx *Tx) ResetClock(ctx context.Context, nr string) error {
	if _, err := tx.readUhr(ctx, nr); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM uhr WHERE traegernummer = ?`, nr); err != nil {
		return fmt.Errorf("reset clock of traeger %q: %w", nr, err)
	}
	return nil
}

var errClockRange = errors.New("clock offset beyond about 292 years")

// sub returns t-u, or an error where time.Time.Sub would saturate.
func sub(t, u time.Time) (time.Duration, error) {
	d := t.Sub(u)
	if d == math.MaxInt64 || d == math.MinInt64 {
		return 0, errClockRange
	}
	return d, nil
}

// add returns a+b, or an error on overflow.
func add(a, b time.Duration) (time.Duration, error) {
	c := a + b
	if (b > 0 && c < a) || (b < 0 && c > a) {
		return 0, errClockRange
	}
	return c, nil
}

// Now returns the current time on the clock of Traeger nr, in UTC. An
// unknown Traeger gives an error wrapping ErrNotFound.
func (s *Store) Now(ctx context.Context, nr string) (time.Time, error) {
	return view(ctx, s, func(tx *Tx) (time.Time, error) { return tx.Now(ctx, nr) })
}

// SetClock sets the clock of Traeger nr to t; it runs on from there.
func (s *Store) SetClock(ctx context.Context, nr string, t time.Time) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.SetClock(ctx, nr, t) })
}

// FreezeClock stops the clock of Traeger nr at t.
func (s *Store) FreezeClock(ctx context.Context, nr string, t time.Time) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.FreezeClock(ctx, nr, t) })
}

// AdvanceClock moves the clock of Traeger nr by d.
func (s *Store) AdvanceClock(ctx context.Context, nr string, d time.Duration) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.AdvanceClock(ctx, nr, d) })
}

// ResetClock lets the clock of Traeger nr run at real time again.
func (s *Store) ResetClock(ctx context.Context, nr string) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.ResetClock(ctx, nr) })
}

// Clock returns the current time on the clock of Traeger nr and whether the
// clock stands still.
func (tx *Tx) Clock(ctx context.Context, nr string) (now time.Time, frozen bool, err error) {
	u, err := tx.readUhr(ctx, nr)
	if err != nil {
		return time.Time{}, false, err
	}
	now, err = tx.Now(ctx, nr)
	return now, u.frozen, err
}

// Traegernummern returns the numbers of all Traeger of the store, sorted.
func (tx *Tx) Traegernummern(ctx context.Context) ([]string, error) {
	return queryColumn[string](ctx, tx, `SELECT traegernummer FROM traeger ORDER BY traegernummer`)
}
