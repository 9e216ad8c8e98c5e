package mockstate_test

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestClock(t *testing.T) {
	ctx := t.Context()
	wall := ingetest.NewTimeSource(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	s := ingetest.MustStore(t, mockstate.WithTimeSource(wall.Now))

	now := func(t *testing.T) time.Time {
		t.Helper()
		return ingetest.View(t, s, func(tx *mockstate.Tx) (time.Time, error) { return tx.Now(ctx) })
	}
	change := func(t *testing.T, fn func(tx *mockstate.Tx) error) {
		t.Helper()
		if err := s.Update(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	check := func(t *testing.T, want time.Time) {
		t.Helper()
		if got := now(t); !got.Equal(want) {
			t.Errorf("Now = %v; want %v", got, want)
		}
	}

	t.Run("RealTimeByDefault", func(t *testing.T) {
		check(t, wall.Now())
	})

	t.Run("SetRunsFromThere", func(t *testing.T) {
		start := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
		change(t, func(tx *mockstate.Tx) error { return tx.SetClock(ctx, start) })
		check(t, start)
		wall.Add(90 * time.Minute)
		check(t, start.Add(90*time.Minute))
	})

	t.Run("AdvanceRunning", func(t *testing.T) {
		before := now(t)
		change(t, func(tx *mockstate.Tx) error { return tx.AdvanceClock(ctx, 14*24*time.Hour) })
		check(t, before.Add(14*24*time.Hour))
	})

	t.Run("FreezeStandsStill", func(t *testing.T) {
		frozen := time.Date(2026, 10, 5, 12, 0, 0, 123456789, time.FixedZone("CEST", 2*3600))
		change(t, func(tx *mockstate.Tx) error { return tx.FreezeClock(ctx, frozen) })
		wall.Add(time.Hour)
		check(t, frozen)
		change(t, func(tx *mockstate.Tx) error { return tx.AdvanceClock(ctx, 7*24*time.Hour) })
		check(t, frozen.Add(7*24*time.Hour))
		if got := now(t).Location(); got != time.UTC {
			t.Errorf("Now location = %v; want UTC", got)
		}
		if at, stands := clockOf(t, s); !stands || !at.Equal(frozen.Add(7*24*time.Hour)) {
			t.Errorf("Clock = %v, frozen %t; want frozen at %v", at, stands, frozen.Add(7*24*time.Hour))
		}
	})

	t.Run("SetUnfreezes", func(t *testing.T) {
		at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		change(t, func(tx *mockstate.Tx) error { return tx.SetClock(ctx, at) })
		wall.Add(time.Minute)
		check(t, at.Add(time.Minute))
	})

	t.Run("ResetToRealTime", func(t *testing.T) {
		change(t, func(tx *mockstate.Tx) error { return tx.ResetClock(ctx) })
		check(t, wall.Now())
	})

	t.Run("ErrOutOfRange", func(t *testing.T) {
		err := s.Update(ctx, func(tx *mockstate.Tx) error { return tx.SetClock(ctx, time.Date(2600, 1, 1, 0, 0, 0, 0, time.UTC)) })
		if err == nil {
			t.Error("SetClock 574 years ahead: err = nil; want an error")
		}
		check(t, wall.Now())
	})

	t.Run("InsideTransaction", func(t *testing.T) {
		at := time.Date(2027, 1, 4, 8, 0, 0, 0, time.UTC)
		change(t, func(tx *mockstate.Tx) error {
			if err := tx.FreezeClock(ctx, at); err != nil {
				return err
			}
			got, err := tx.Now(ctx)
			if err != nil {
				return err
			}
			if !got.Equal(at) {
				t.Errorf("tx.Now = %v; want %v", got, at)
			}
			return nil
		})
		check(t, at)
	})
}

// A store is a sandbox with one clock: every Traeger's requests are
// judged by the same today.
func TestClock_OneForEveryTraeger(t *testing.T) {
	s := openStore(t) // real time 2027-03-10
	for _, tc := range []struct {
		account ingetest.Account
		fall    string
	}{
		{ingetest.KT1(), "KP-1"},
		{ingetest.KT2(), "KP-2"},
	} {
		t.Run(tc.account.Traegernummer, func(t *testing.T) {
			heute(t, s, "2027-05-04")
			// Begun yesterday on the store's clock, so it needs a reason.
			resp := ingetest.Apply(t, s, tc.account.Caller(), kursplanung(t, tc.account, tc.fall, "2027-05-03"))
			hasStatus(t, resp, inge.StatusAbgelehnt)
			hasMeldungen(t, resp.Base().List(), meldung{inge.NachmeldungsgrundFehlt, "Kursplanung/Nachmeldungsgrund"})
		})
	}
}

// Migration 007 turns the clocks of the Traeger into the store's one clock:
// of clocks that differ, the one of the lowest Traegernummer.
func TestMigration007_OneClock(t *testing.T) {
	frozen := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		uhr  string // rows of uhr at schema version 006
		want func(wall time.Time) (time.Time, bool)
	}{
		{"OK/RealTime", ``, func(wall time.Time) (time.Time, bool) { return wall, false }},
		{"OK/SameForAll", `('10000001', '2027-03-10T09:00:00.000000000Z', 0), ('10000002', '2027-03-10T09:00:00.000000000Z', 0)`,
			func(time.Time) (time.Time, bool) { return frozen, true }},
		{"OK/LowestTraegernummer", `('10000002', '2027-03-10T09:00:00.000000000Z', 0), ('10000001', NULL, 3600000000000)`,
			func(wall time.Time) (time.Time, bool) { return wall.Add(time.Hour), false }},
		{"OK/OnlyOneSet", `('10000002', '2027-03-10T09:00:00.000000000Z', 0)`,
			func(time.Time) (time.Time, bool) { return frozen, true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "v006.db")
			schemaVersion6(t, path, tc.uhr)
			wall := ingetest.NewTimeSource(time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC))
			s := ingetest.MustOpen(t, path, mockstate.WithTimeSource(wall.Now))
			got, gotFrozen := clockOf(t, s)
			if want, frozen := tc.want(wall.Now()); !got.Equal(want) || gotFrozen != frozen {
				t.Errorf("Clock after migration = %v, frozen %t; want %v, frozen %t", got, gotFrozen, want, frozen)
			}
		})
	}
}

// clockOf returns the time on the store's clock and whether it stands still.
func clockOf(t *testing.T, s *mockstate.Store) (now time.Time, frozen bool) {
	t.Helper()
	err := s.View(t.Context(), func(tx *mockstate.Tx) (err error) {
		now, frozen, err = tx.Clock(t.Context())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return now, frozen
}

// schemaVersion6 writes a database at path as a build with migrations 001
// to 006 left it, with two Traeger and the given rows of their clocks.
func schemaVersion6(t *testing.T, path, uhr string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(query string) {
		t.Helper()
		if _, err := db.ExecContext(t.Context(), query); err != nil {
			t.Fatalf("%.60s...: %v", query, err)
		}
	}
	exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`)
	names, err := filepath.Glob("migrations/00[1-6]_*.sql")
	if err != nil || len(names) != 6 {
		t.Fatalf("migrations 001 to 006: %v, %v", names, err)
	}
	for i, name := range names {
		body, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		exec(string(body))
		exec(`INSERT INTO schema_migrations VALUES (` + strconv.Itoa(i+1) + `, '` + filepath.Base(name) + `', '')`)
	}
	exec(`INSERT INTO traeger (traegernummer, name, bundesland, lid_pruefstelle, verwaltungsstandort)
		VALUES ('10000001', 'T1', '09', 1, 'VS-1'), ('10000002', 'T2', '05', 0, 'VS-2')`)
	if uhr != "" {
		exec(`INSERT INTO uhr (traegernummer, frozen_at, offset_ns) VALUES ` + uhr)
	}
}

// Reads take the clock from the store's copy; every change is seen by the
// first read after it is acknowledged, while other reads fill the copy
// meanwhile, and a change that is not kept is never seen.
func TestClockCopyFollowsEveryChange(t *testing.T) {
	ctx := t.Context()
	t0 := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	for name, path := range map[string]string{"Datei": filepath.Join(t.TempDir(), "uhr.db"), "Speicher": mockstate.MemoryPath} {
		t.Run(name, func(t *testing.T) {
			s := ingetest.MustOpen(t, path)
			now := func() (time.Time, error) {
				var got time.Time
				err := s.View(ctx, func(tx *mockstate.Tx) error {
					var err error
					got, err = tx.Now(ctx)
					return err
				})
				return got, err
			}
			defer whileReading(t, func() error { _, err := now(); return err })()
			errNotKept := errors.New("not kept")
			for i := range 200 {
				want := t0.Add(time.Duration(i) * time.Hour)
				if err := s.Update(ctx, func(tx *mockstate.Tx) error { return tx.FreezeClock(ctx, want) }); err != nil {
					t.Fatal(err)
				}
				if i%10 == 9 {
					// A change whose write fails is rolled back, clock and all.
					err := s.Update(ctx, func(tx *mockstate.Tx) error {
						if err := tx.FreezeClock(ctx, want.AddDate(1, 0, 0)); err != nil {
							return err
						}
						return errNotKept
					})
					if !errors.Is(err, errNotKept) {
						t.Fatalf("Update = %v; want errNotKept", err)
					}
				}
				if got, err := now(); err != nil || !got.Equal(want) {
					t.Fatalf("change %d: Now = %v, %v; want %v", i, got, err, want)
				}
			}
			if err := s.Update(ctx, func(tx *mockstate.Tx) error { return tx.ResetClock(ctx) }); err != nil {
				t.Fatal(err)
			}
			if got, err := now(); err != nil || got.Sub(time.Now()).Abs() > time.Minute {
				t.Fatalf("after ResetClock: Now = %v, %v; want real time", got, err)
			}
		})
	}
}

// TestClockCopyInTheGroup: a write reads the clock from the store's copy
// only while no write of its group changed it; one after the change in the
// same group, and every one after its commit, reads the changed clock.
func TestClockCopyInTheGroup(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, filepath.Join(t.TempDir(), "uhr.db"))
	t0 := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	now := func(tx *mockstate.Tx, got *time.Time) error {
		var err error
		*got, err = tx.Now(ctx)
		return err
	}
	if err := s.Update(ctx, func(tx *mockstate.Tx) error { return tx.FreezeClock(ctx, t0) }); err != nil {
		t.Fatal(err)
	}
	var got time.Time
	for range 2 { // the first fills the copy, the second reads it
		if err := s.Update(ctx, func(tx *mockstate.Tx) error { return now(tx, &got) }); err != nil || !got.Equal(t0) {
			t.Fatalf("Now = %v, %v; want %v", got, err, t0)
		}
	}
	var wg sync.WaitGroup
	release := holdWriter(t, s, &wg)
	t1 := t0.Add(48 * time.Hour)
	wg.Go(func() {
		if err := s.Update(ctx, func(tx *mockstate.Tx) error { return tx.FreezeClock(ctx, t1) }); err != nil {
			t.Error(err)
		}
	})
	waitQueued(t, s, 1)
	var inGroup time.Time
	wg.Go(func() {
		if err := s.Update(ctx, func(tx *mockstate.Tx) error { return now(tx, &inGroup) }); err != nil {
			t.Error(err)
		}
	})
	waitQueued(t, s, 2)
	release()
	wg.Wait()
	if !inGroup.Equal(t1) {
		t.Errorf("a write after the change in its group: Now = %v; want %v", inGroup, t1)
	}
	if err := s.Update(ctx, func(tx *mockstate.Tx) error { return now(tx, &got) }); err != nil || !got.Equal(t1) {
		t.Errorf("a write after the commit: Now = %v, %v; want %v", got, err, t1)
	}
}
