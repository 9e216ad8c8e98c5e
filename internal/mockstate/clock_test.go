package mockstate_test

import (
	"errors"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestClock(t *testing.T) {
	ctx := t.Context()
	wall := ingetest.NewTimeSource(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	s := ingetest.MustOpen(t, "", mockstate.WithTimeSource(wall.Now))
	ingetest.MustLoad(t, s)
	const kt1, kt2 = "10000001", "10000002"

	now := func(nr string) time.Time {
		t.Helper()
		n, err := s.Now(ctx, nr)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	check := func(nr string, want time.Time) {
		t.Helper()
		if got := now(nr); !got.Equal(want) {
			t.Errorf("Now(%s) = %v; want %v", nr, got, want)
		}
	}

	t.Run("RealTimeByDefault", func(t *testing.T) {
		check(kt1, wall.Now())
		check(kt2, wall.Now())
	})

	t.Run("SetRunsFromThere", func(t *testing.T) {
		start := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
		must(s.SetClock(ctx, kt1, start))
		check(kt1, start)
		wall.Add(90 * time.Minute)
		check(kt1, start.Add(90*time.Minute))
		check(kt2, wall.Now()) // the other sandbox is untouched
	})

	t.Run("AdvanceRunning", func(t *testing.T) {
		before := now(kt1)
		must(s.AdvanceClock(ctx, kt1, 14*24*time.Hour))
		check(kt1, before.Add(14*24*time.Hour))
		check(kt2, wall.Now())
	})

	t.Run("FreezeStandsStill", func(t *testing.T) {
		frozen := time.Date(2026, 10, 5, 12, 0, 0, 123456789, time.FixedZone("CEST", 2*3600))
		must(s.FreezeClock(ctx, kt2, frozen))
		wall.Add(time.Hour)
		check(kt2, frozen)
		must(s.AdvanceClock(ctx, kt2, 7*24*time.Hour))
		check(kt2, frozen.Add(7*24*time.Hour))
		if got := now(kt2).Location(); got != time.UTC {
			t.Errorf("Now location = %v; want UTC", got)
		}
	})

	t.Run("SetUnfreezes", func(t *testing.T) {
		at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		must(s.SetClock(ctx, kt2, at))
		wall.Add(time.Minute)
		check(kt2, at.Add(time.Minute))
	})

	t.Run("ResetToRealTime", func(t *testing.T) {
		must(s.ResetClock(ctx, kt1))
		must(s.ResetClock(ctx, kt2))
		check(kt1, wall.Now())
		check(kt2, wall.Now())
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		for name, err := range map[string]error{
			"Now":     func() error { _, err := s.Now(ctx, "99999999"); return err }(),
			"Set":     s.SetClock(ctx, "99999999", wall.Now()),
			"Freeze":  s.FreezeClock(ctx, "99999999", wall.Now()),
			"Advance": s.AdvanceClock(ctx, "99999999", time.Hour),
			"Reset":   s.ResetClock(ctx, "99999999"),
		} {
			if !errors.Is(err, mockstate.ErrNotFound) {
				t.Errorf("%s for an unknown Traeger: err = %v; want ErrNotFound", name, err)
			}
		}
	})

	t.Run("ErrOutOfRange", func(t *testing.T) {
		if err := s.SetClock(ctx, kt1, time.Date(2600, 1, 1, 0, 0, 0, 0, time.UTC)); err == nil {
			t.Error("SetClock 574 years ahead: err = nil; want an error")
		}
		check(kt1, wall.Now())
	})

	t.Run("InsideTransaction", func(t *testing.T) {
		at := time.Date(2027, 1, 4, 8, 0, 0, 0, time.UTC)
		must(s.Update(ctx, func(tx *mockstate.Tx) error {
			if err := tx.FreezeClock(ctx, kt1, at); err != nil {
				return err
			}
			got, err := tx.Now(ctx, kt1)
			if err != nil {
				return err
			}
			if !got.Equal(at) {
				t.Errorf("tx.Now = %v; want %v", got, at)
			}
			return nil
		}))
		check(kt1, at)
	})
}
