package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"
)

// The store has one clock: a store is a sandbox, and a sandbox has one
// "today" for all its Traeger, against which the deadlines of the
// procedures are measured (LiD two weeks ahead, Kursbeginnmeldung within a
// week, ...). A test or a trainer sets and moves it for the whole sandbox;
// another sandbox is another store with a clock of its own. The clock
// either runs, at real time plus an offset, or stands still at a frozen
// instant. Without its row in uhr it runs at real time.

// uhr is the stored state of the store's clock.
type uhr struct {
	frozen   bool
	frozenAt time.Time     // if frozen
	offset   time.Duration // if running
}

// readUhr reads the clock: a View from the store's copy while the clock
// did not change since the View began, a write from its transaction.
func (tx *Tx) readUhr(ctx context.Context) (uhr, error) {
	gen, kopie := tx.uhrKopie()
	if !kopie {
		return tx.loadUhr(ctx)
	}
	if u, ok := tx.s.uhr.getAt(gen); ok {
		return u, nil
	}
	u, err := tx.loadUhr(ctx)
	if err == nil {
		tx.s.uhr.put(gen, u)
	}
	return u, err
}

func (tx *Tx) loadUhr(ctx context.Context) (uhr, error) {
	var (
		frozenAt sql.NullString
		offset   int64
	)
	err := tx.QueryRowContext(ctx, `SELECT frozen_at, offset_ns FROM uhr WHERE id = 1`).Scan(&frozenAt, &offset)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return uhr{}, nil // real time
	case err != nil:
		return uhr{}, fmt.Errorf("read clock: %w", err)
	}
	u := uhr{offset: time.Duration(offset)}
	if frozenAt.Valid {
		if u.frozenAt, err = parseTime(frozenAt.String); err != nil {
			return uhr{}, fmt.Errorf("read clock: %w", err)
		}
		u.frozen = true
	}
	return u, nil
}

func (tx *Tx) writeUhr(ctx context.Context, u uhr) error {
	tx.clockWritten()
	var frozenAt any // NULL unless frozen
	if u.frozen {
		frozenAt = formatTime(u.frozenAt)
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO uhr (id, frozen_at, offset_ns) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET frozen_at = excluded.frozen_at, offset_ns = excluded.offset_ns`,
		frozenAt, int64(u.offset))
	if err != nil {
		return fmt.Errorf("write clock: %w", err)
	}
	return nil
}

// Now returns the current time on the store's clock, in UTC.
func (tx *Tx) Now(ctx context.Context) (time.Time, error) {
	u, err := tx.readUhr(ctx)
	if err != nil {
		return time.Time{}, err
	}
	return u.now(tx.now()), nil
}

// now is the time on clock u at real time wall.
func (u uhr) now(wall time.Time) time.Time {
	if u.frozen {
		return u.frozenAt.UTC()
	}
	return wall.Add(u.offset).UTC()
}

// Clock returns the current time on the store's clock and whether the
// clock stands still.
func (tx *Tx) Clock(ctx context.Context) (now time.Time, frozen bool, err error) {
	u, err := tx.readUhr(ctx)
	if err != nil {
		return time.Time{}, false, err
	}
	return u.now(tx.now()), u.frozen, nil
}

// SetClock sets the store's clock to t; it runs on from there.
func (tx *Tx) SetClock(ctx context.Context, t time.Time) error {
	offset, err := sub(t, tx.now())
	if err != nil {
		return fmt.Errorf("set clock: %w", err)
	}
	return tx.writeUhr(ctx, uhr{offset: offset})
}

// FreezeClock stops the store's clock at t.
func (tx *Tx) FreezeClock(ctx context.Context, t time.Time) error {
	return tx.writeUhr(ctx, uhr{frozen: true, frozenAt: t})
}

// AdvanceClock moves the store's clock forward by d (backward if d is
// negative). A frozen clock stays frozen, at its new instant.
func (tx *Tx) AdvanceClock(ctx context.Context, d time.Duration) error {
	u, err := tx.readUhr(ctx)
	if err != nil {
		return err
	}
	if u.frozen {
		u.frozenAt = u.frozenAt.Add(d)
	} else if u.offset, err = add(u.offset, d); err != nil {
		return fmt.Errorf("advance clock: %w", err)
	}
	return tx.writeUhr(ctx, u)
}

// ResetClock lets the store's clock run at real time again.
func (tx *Tx) ResetClock(ctx context.Context) error {
	tx.clockWritten()
	if _, err := tx.ExecContext(ctx, `DELETE FROM uhr`); err != nil {
		return fmt.Errorf("reset clock: %w", err)
	}
	return nil
}

// errClockRange is the limit of a time.Duration, as the person who set the
// clock reads it.
var errClockRange = errors.New("die Uhr kann höchstens etwa 292 Jahre von der Echtzeit abweichen")

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
