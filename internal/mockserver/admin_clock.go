package mockserver

import (
	"context"
	"net/http"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The clock of a sandbox: the business time that the deadlines of the
// procedures are measured against (see mockstate/clock.go). A sandbox is a
// store with one clock, so all its Traeger share one "today".
//
//	GET    /sandboxes/{sandbox}/clock          the clock
//	PUT    /sandboxes/{sandbox}/clock          {"now": "2027-03-10T09:00:00Z", "frozen": true}
//	POST   /sandboxes/{sandbox}/clock/advance  {"by": "48h"}
//	DELETE /sandboxes/{sandbox}/clock          back to real time
//
// PUT sets the clock to now (RFC 3339); frozen stops it there, without
// frozen (or false) it runs on from that instant. advance moves it by a Go
// duration ("48h", "-30m"); a frozen clock stays frozen. Every route answers
// with the clock as GET shows it:
//
//	{"sandbox": "standard", "now": "2027-03-10T09:00:00Z", "frozen": true}
func (a *Admin) clockRoutes() {
	const path = "/sandboxes/{sandbox}/clock"
	a.handle(path, a.getClock, http.MethodGet)
	a.handle(path, a.putClock, http.MethodPut)
	a.handle(path, a.resetClock, http.MethodDelete)
	a.handle(path+"/advance", a.advanceClock, http.MethodPost)
}

// clockJSON is a sandbox's clock as the admin API shows it.
type clockJSON struct {
	Sandbox string    `json:"sandbox"`
	Now     time.Time `json:"now"`
	Frozen  bool      `json:"frozen"`
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
	return a.changeClock(r, nil)
}

func (a *Admin) putClock(r *http.Request) (any, error) {
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
	// time.Parse takes zones up to ±23:59; zones in use end at ±14:00.
	if _, off := t.Zone(); off > 14*3600 || off < -14*3600 {
		return nil, badRequest(`"now" %q hat eine Zeitzone jenseits von ±14:00`, *body.Now)
	}
	if err := checkClockRange(t); err != nil {
		return nil, err
	}
	return a.changeClock(r, func(ctx context.Context, tx *mockstate.Tx) error {
		if body.Frozen {
			return tx.FreezeClock(ctx, t)
		}
		return tx.SetClock(ctx, t)
	})
}

func (a *Admin) advanceClock(r *http.Request) (any, error) {
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
	return a.changeClock(r, func(ctx context.Context, tx *mockstate.Tx) error {
		now, err := tx.Now(ctx)
		if err != nil {
			return err
		}
		if err := checkClockRange(now.Add(d)); err != nil {
			return err
		}
		return tx.AdvanceClock(ctx, d)
	})
}

func (a *Admin) resetClock(r *http.Request) (any, error) {
	return a.changeClock(r, func(ctx context.Context, tx *mockstate.Tx) error {
		return tx.ResetClock(ctx)
	})
}

// changeClock applies change (nil: none) to the clock of the request's
// sandbox and reads the result in the same transaction.
func (a *Admin) changeClock(r *http.Request, change func(ctx context.Context, tx *mockstate.Tx) error) (clockJSON, error) {
	ctx := r.Context()
	sb, err := a.sandbox(r)
	if err != nil {
		return clockJSON{}, err
	}
	c := clockJSON{Sandbox: sb.Name}
	err = sb.Use(func(st *mockstate.Store) error {
		return st.Update(ctx, func(tx *mockstate.Tx) error {
			if change != nil {
				if err := change(ctx, tx); err != nil {
					return err
				}
			}
			var err error
			c.Now, c.Frozen, err = tx.Clock(ctx)
			return err
		})
	})
	if err == nil && change != nil {
		a.log.Info("admin: clock changed", "sandbox", sb.Name, "now", c.Now, "frozen", c.Frozen, "method", r.Method)
	}
	return c, err
}
