package mockserver

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The clock of a sandbox: the business time that the deadlines of the
// procedures are measured against (see mockstate/clock.go).
//
//	GET    /sandboxes/{traeger}/clock          the clock
//	PUT    /sandboxes/{traeger}/clock          {"now": "2027-03-10T09:00:00Z", "frozen": true}
//	POST   /sandboxes/{traeger}/clock/advance  {"by": "48h"}
//	DELETE /sandboxes/{traeger}/clock          back to real time
//
// PUT sets the clock to now (RFC 3339); frozen stops it there, without
// frozen (or false) it runs on from that instant. advance moves it by a Go
// duration ("48h", "-30m"); a frozen clock stays frozen. Every route answers
// with the clock as GET shows it:
//
//	{"traegernummer": "10000001", "now": "2027-03-10T09:00:00Z", "frozen": true}
func (a *Admin) clockRoutes() {
	const path = "/sandboxes/{traeger}/clock"
	a.handle(path, a.getClock, http.MethodGet)
	a.handle(path, a.putClock, http.MethodPut)
	a.handle(path, a.resetClock, http.MethodDelete)
	a.handle(path+"/advance", a.advanceClock, http.MethodPost)
}

// clockJSON is a sandbox's clock as the admin API shows it.
type clockJSON struct {
	Traegernummer string    `json:"traegernummer"`
	Now           time.Time `json:"now"`
	Frozen        bool      `json:"frozen"`
}

// A clock is kept within these years: far beyond them its offset from real
// time would overflow a time.Duration (about 292 years).
const minClockYear, maxClockYear = 1900, 2199

func checkClockRange(t time.Time) error {
	if y := t.Year(); y < minClockYear || y > maxClockYear {
		return badRequest("die Uhr kann nur auf die Jahre %d bis %d gestellt werden, nicht auf %s", minClockYear, maxClockYear, t.Format(time.RFC3339))
	}
	return nil
}

func (a *Admin) getClock(r *http.Request) (any, error) {
	nr := mux.Vars(r)["traeger"]
	var c clockJSON
	err := a.store.View(r.Context(), func(tx *mockstate.Tx) error {
		var err error
		c, err = clockState(r.Context(), tx, nr)
		return err
	})
	return c, traegerError(nr, err)
}

func (a *Admin) putClock(r *http.Request) (any, error) {
	nr := mux.Vars(r)["traeger"]
	var body struct {
		Now    *string `json:"now"`
		Frozen bool    `json:"frozen"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return nil, err
	}
	if body.Now == nil {
		return nil, badRequest(`"now" fehlt: der Zeitpunkt nach RFC 3339, z. B. "2027-03-10T09:00:00Z"`)
	}
	t, err := time.Parse(time.RFC3339, *body.Now)
	if err != nil {
		return nil, badRequest(`"now" %q ist kein Zeitpunkt nach RFC 3339, z. B. "2027-03-10T09:00:00Z"`, *body.Now)
	}
	if err := checkClockRange(t); err != nil {
		return nil, err
	}
	c, err := a.changeClock(r.Context(), nr, func(tx *mockstate.Tx) error {
		if body.Frozen {
			return tx.FreezeClock(r.Context(), nr, t)
		}
		return tx.SetClock(r.Context(), nr, t)
	})
	if err == nil {
		a.log.Info("admin: clock set", "traeger", nr, "now", c.Now, "frozen", c.Frozen)
	}
	return c, err
}

func (a *Admin) advanceClock(r *http.Request) (any, error) {
	nr := mux.Vars(r)["traeger"]
	var body struct {
		By string `json:"by"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return nil, err
	}
	if body.By == "" {
		return nil, badRequest(`"by" fehlt: eine Dauer wie "48h" oder "-30m"`)
	}
	d, err := time.ParseDuration(body.By)
	if err != nil {
		return nil, badRequest(`"by" %q ist keine Dauer wie "48h" oder "-30m"`, body.By)
	}
	c, err := a.changeClock(r.Context(), nr, func(tx *mockstate.Tx) error {
		now, err := tx.Now(r.Context(), nr)
		if err != nil {
			return err
		}
		if err := checkClockRange(now.Add(d)); err != nil {
			return err
		}
		return tx.AdvanceClock(r.Context(), nr, d)
	})
	if err == nil {
		a.log.Info("admin: clock advanced", "traeger", nr, "by", d, "now", c.Now, "frozen", c.Frozen)
	}
	return c, err
}

func (a *Admin) resetClock(r *http.Request) (any, error) {
	nr := mux.Vars(r)["traeger"]
	c, err := a.changeClock(r.Context(), nr, func(tx *mockstate.Tx) error {
		return tx.ResetClock(r.Context(), nr)
	})
	if err == nil {
		a.log.Info("admin: clock reset to real time", "traeger", nr)
	}
	return c, err
}

// changeClock applies change to the clock of Traeger nr and reads the
// result in the same transaction.
func (a *Admin) changeClock(ctx context.Context, nr string, change func(tx *mockstate.Tx) error) (clockJSON, error) {
	var c clockJSON
	err := a.store.Update(ctx, func(tx *mockstate.Tx) error {
		if err := change(tx); err != nil {
			return err
		}
		var err error
		c, err = clockState(ctx, tx, nr)
		return err
	})
	return c, traegerError(nr, err)
}

// clockState reads the clock of Traeger nr.
//
// mockstate exports the clock's time but not whether it stands still, so
// this reads its table uhr (a row with frozen_at set is a frozen clock).
// A (*mockstate.Tx).Clock returning both would remove this knowledge of the
// schema from the HTTP layer.
func clockState(ctx context.Context, tx *mockstate.Tx, nr string) (clockJSON, error) {
	now, err := tx.Now(ctx, nr)
	if err != nil {
		return clockJSON{}, err
	}
	var frozen bool
	err = tx.QueryRowContext(ctx, `SELECT frozen_at IS NOT NULL FROM uhr WHERE traegernummer = ?`, nr).Scan(&frozen)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return clockJSON{}, fmt.Errorf("clock of traeger %q: %w", nr, err)
	}
	return clockJSON{Traegernummer: nr, Now: now, Frozen: frozen}, nil
}
