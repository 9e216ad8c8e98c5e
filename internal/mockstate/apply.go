package mockstate

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Berlin for the deadlines

	"github.com/inge-harness/inge-harness/internal/inge"
)

// Caller is the authenticated party of a request: a DeBeV user and the
// Traeger it belongs to. The Traeger is also the sandbox the request works in.
type Caller struct {
	Benutzer      string
	Traegernummer string
}

// call is the context of one procedure: who calls, the day on the Traeger's
// clock, and the findings collected so far.
type call struct {
	caller    Caller
	regeln    Regeln
	now       time.Time // real time, for timestamps of records
	today     time.Time // midnight UTC of the day on the Traeger's clock
	meldungen []inge.Meldung
	// lesend says the procedure only reads: what it loads it may take
	// from the store's decoded plans, and must not change.
	lesend bool
	// pruefen says the request is a Rollback of a procedure that writes:
	// it is answered from the procedure's checks, and writes nothing but
	// the numbers its answer names (nurPruefen).
	pruefen bool

	// erfolg is the Hinweis of a stored outcome ("Kursplanung erfolgreich
	// gespeichert"); Apply adds it only when the outcome is stored.
	erfolg     inge.Key
	erfolgArgs []string // placeholders of the erfolg text
	// issued are the numbers handed out from sequence tables, by table.
	// A Rollback answers with them but must not give them out again.
	issued map[string][]int64

	// items are the paths of the parts of a request that are accepted or
	// refused one by one: a Fehler inside one refuses that part only
	// (SprachtestMelden answers per candidate, quelle:ABESO-TEST).
	items []string
	// abgelehnt refuses the request as a whole, e.g. when none of its items
	// was accepted.
	abgelehnt bool
}

// nurPruefen reports whether a procedure that writes ends after its
// checks: a Fehler was found, or the request is a Rollback. A procedure
// asks it after its last rule and before its first write, so that a
// Rollback costs its checks and no writes to undo; the outcome is never
// kept either way.
func (c *call) nurPruefen() bool { return c.pruefen || c.failed() }

// neueNummer hands out the next number of a sequence table and records it.
func (c *call) neueNummer(ctx context.Context, tx *Tx, table string) (int64, error) {
	// table is one of our sequence tables, never input.
	res, err := tx.ExecContext(ctx, `INSERT INTO `+table+` DEFAULT VALUES`)
	if err != nil {
		return 0, err
	}
	n, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	c.issue(table, n)
	return n, nil
}

// issue records a number handed out from a sequence table.
func (c *call) issue(table string, n int64) {
	if c.issued == nil {
		c.issued = map[string][]int64{}
	}
	c.issued[table] = append(c.issued[table], n)
}

func (c *call) add(key inge.Key, path string, args ...string) {
	c.meldungen = append(c.meldungen, inge.NewMeldung(key, path, args...))
}

// failed reports whether the request is refused: a Fehler outside the
// items that are judged one by one, or a refusal of the whole.
func (c *call) failed() bool {
	if c.abgelehnt {
		return true
	}
	for _, m := range c.meldungen {
		if m.Art == inge.ArtFehler && !c.inItem(m.Feld) {
			return true
		}
	}
	return false
}

// inItem reports whether a field lies in one of the call's items.
func (c *call) inItem(feld string) bool {
	for _, item := range c.items {
		if within(feld, item) {
			return true
		}
	}
	return false
}

// itemFailed reports whether a Fehler concerns the item at path.
func (c *call) itemFailed(path string) bool {
	for _, m := range c.meldungen {
		if m.Art == inge.ArtFehler && within(m.Feld, path) {
			return true
		}
	}
	return false
}

// within reports whether feld is path or a field inside it.
func within(feld, path string) bool {
	return feld == path || strings.HasPrefix(feld, path+"/")
}

// handler applies the rules of one procedure to its request inside a
// transaction and fills the response.
type handler func(ctx context.Context, tx *Tx, c *call, req inge.Request) (inge.Response, error)

// Apply runs a request that passed the strict check for caller: the
// procedure's rules in one transaction, collecting every finding after
// those of the schema's rule attributes. The procedure's writes are kept
// only when no finding is a Fehler and the request is not a Rollback. The
// response carries the status, a new Vorgangsnummer and all findings.
func (s *Store) Apply(ctx context.Context, caller Caller, in inge.Checked) (inge.Response, error) {
	return s.apply(ctx, caller, in, newVorgangsnummer(s.now()), nil, nil)
}

// ApplyJournaled is Apply with the request's journal entry, which j gives
// once the response is known: a procedure that writes commits its effect
// and the entry in one transaction, so that neither is kept without the
// other; if the entry cannot be written (a full disk), nothing is applied
// and the error is returned. A procedure that only reads journals after
// its read, and fails likewise when the entry cannot be written.
func (s *Store) ApplyJournaled(ctx context.Context, caller Caller, in inge.Checked, j JournalFunc) (inge.Response, error) {
	return s.apply(ctx, caller, in, newVorgangsnummer(s.now()), nil, j)
}

// apply is Apply with a given Vorgangsnummer, an optional step that runs
// in the same transaction whatever the outcome, e.g. taking the request off
// the queue of asynchronous requests, so it is applied exactly once, and an
// optional journal entry.
func (s *Store) apply(ctx context.Context, caller Caller, in inge.Checked, vorgang string, after func(*Tx) error, j JournalFunc) (inge.Response, error) {
	p := in.Procedure()
	h, ok := rules[p]
	if !ok {
		return nil, fmt.Errorf("apply %s: no rules for this procedure", p.Name)
	}
	req := in.Request()
	write := p.Write || after != nil
	var resp inge.Response
	// procedure runs the rules in tx and fills resp. A write then undoes
	// an outcome not kept, runs after and writes its journal entry; a read
	// writes its entry if journal is set.
	procedure := func(tx *Tx, journal bool) error {
		now, err := tx.Now(ctx)
		if err != nil {
			return err
		}
		if write {
			// A savepoint lets an outcome that is not kept undo the
			// procedure, yet keep the numbers it handed out consumed and
			// the after step done.
			if _, err := tx.ExecContext(ctx, `SAVEPOINT apply`); err != nil {
				return fmt.Errorf("savepoint: %w", err)
			}
		}
		c := &call{caller: caller, regeln: s.regeln, now: s.now(), today: day(now), meldungen: in.Befunde(), lesend: !write,
			pruefen: req.Base().Rollback && p.Write}
		resp, err = h(ctx, tx, c, req)
		if err != nil {
			return err
		}
		a := resp.Base()
		a.Vorgangsnummer = vorgang
		switch {
		case c.failed():
			a.Status = inge.StatusAbgelehnt
		case req.Base().Rollback && p.Write:
			a.Status = inge.StatusGeprueft
			c.add(inge.RollbackGeprueft, "")
		default:
			a.Status = inge.StatusVerarbeitet
			if c.erfolg != "" {
				c.add(c.erfolg, "", c.erfolgArgs...)
			}
		}
		if len(c.meldungen) > 0 {
			a.Meldungen = &inge.Meldungen{Meldung: c.meldungen}
		}
		if !write {
			if journal {
				return tx.journal(ctx, j, resp)
			}
			return nil // View rolls back: a read-only transaction has nothing to keep
		}
		if a.Status != inge.StatusVerarbeitet {
			if err := undo(ctx, tx, c.issued); err != nil {
				return err
			}
		}
		if after != nil {
			if err := after(tx); err != nil {
				return err
			}
		}
		return tx.journal(ctx, j, resp)
	}
	var err error
	switch {
	case write:
		err = s.Update(ctx, func(tx *Tx) error { return procedure(tx, true) })
	case j == nil:
		err = s.View(ctx, func(tx *Tx) error { return procedure(tx, false) })
	default:
		err = s.read(ctx, j, procedure, &resp)
	}
	if err != nil {
		return nil, fmt.Errorf("apply %s: %w", p.Name, err)
	}
	return resp, nil
}

// read runs a procedure that only reads, and its journal entry. The
// store's copies answer most reads without a statement; the entry is then
// made and prepared before it waits for the writer, which only stores it.
// A read that needs the tables runs in the writer's group (see
// viewKopien), in the transaction of its entry: it sees what is committed
// with it, and is answered once that is.
func (s *Store) read(ctx context.Context, j JournalFunc, procedure func(tx *Tx, journal bool) error, resp *inge.Response) error {
	tabellen, err := s.viewKopien(ctx, func(tx *Tx) error { return procedure(tx, false) })
	if tabellen {
		// Whatever the copies' read returned, perhaps a finding made of
		// the refused statement's error: it is read again from the tables.
		return s.update(ctx, func(tx *Tx) error { return procedure(tx, true) }, true)
	}
	if err != nil {
		return err
	}
	e, err := j(*resp)
	if err != nil {
		return fmt.Errorf("journal entry: %w", err)
	}
	_, err = s.appendPrepared(ctx, s.prepareEintrag(e))
	return err
}

// undo undoes the procedure's writes but records the numbers it handed out
// again, so that they are never given to another course or exam.
func undo(ctx context.Context, tx *Tx, issued map[string][]int64) error {
	if _, err := tx.ExecContext(ctx, `ROLLBACK TO apply`); err != nil {
		return fmt.Errorf("rollback to savepoint: %w", err)
	}
	for table, numbers := range issued {
		for _, n := range numbers {
			// table is one of our sequence tables, never input.
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (nummer) VALUES (?)`, n); err != nil {
				return fmt.Errorf("keep %s %d: %w", table, n, err)
			}
		}
	}
	_, err := tx.ExecContext(ctx, `RELEASE apply`)
	return err
}

// newVorgangsnummer returns a unique number for an exchange: the day and 64
// random bits, so it needs no shared counter.
func newVorgangsnummer(now time.Time) string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return "V-" + now.UTC().Format("20060102") + "-" + hex.EncodeToString(b[:])
}

// day returns t's calendar day in Germany, where the deadlines run, as
// midnight UTC of that date (the form all dates are compared in).
func day(t time.Time) time.Time {
	y, m, d := t.In(germany).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// germany is the time zone of the deadlines. time/tzdata is embedded, so the
// zone is there even on a machine without a zoneinfo database.
var germany = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err) // impossible with time/tzdata
	}
	return loc
}()
