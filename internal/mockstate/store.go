// Package mockstate is the state of the InGe mock: an SQLite store holding the
// Testdatenpaket (Traeger, Benutzer, Kursorte, Lehrkraefte, Lehrwerke,
// Personen), what the procedures stored, the store's clock and the journal of
// SOAP exchanges. A store is one sandbox. The procedures' rules run inside
// its transactions (see Store.Update and Tx), one file per procedure.
package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	// Registers the "sqlite3" driver.
	_ "github.com/mattn/go-sqlite3"
)

// ErrNotFound is wrapped by every lookup that finds nothing.
var ErrNotFound = errors.New("nicht gefunden")

// MemoryPath opens a private in-memory store instead of a file.
const MemoryPath = ":memory:"

// Store is the mock's SQLite database. It is safe for concurrent use.
type Store struct {
	// db takes every write. Its transactions begin IMMEDIATE: a deferred
	// transaction that reads and then writes fails at once with SQLITE_BUSY
	// when another connection wrote in between, and busy_timeout cannot
	// help; taking the write lock up front makes writers queue instead.
	db *sql.DB

	// rdb serves View. go-sqlite3 ignores sql.TxOptions and applies _txlock
	// to every BEGIN, so read-only transactions get a pool of their own with
	// deferred transactions and query_only: under WAL they then never wait
	// for a writer. For an in-memory store rdb is db.
	rdb *sql.DB

	// checkpoints copies the write-ahead log into the file in the
	// background; nil for an in-memory store.
	checkpoints *checkpointer

	now func() time.Time // real time; the store's clock is derived from it

	regeln Regeln // the settings where the sources disagree

	name      string       // the sandbox's, for the log
	log       *slog.Logger // never nil
	retention Retention
	appended  atomic.Int64 // journal entries since the last pruning

	stmts  statements
	users  vorrat[zugaenge] // the copy Zugang answers from
	uhr    vorrat[uhr]      // the clock, for reads
	gruppe gruppe
	plaene planVorrat
	kurse  vorraete[kursSchluessel, *kurs] // the courses reads loaded
	// stammdaten are copies of what the rules looked up in the
	// Testdatenpaket, which changes only when it is loaded.
	stammdaten vorraete[stammSchluessel, any]

	ungepackt bool // the journal's documents are stored as they are (WithUngepacktemJournal)
}

// WithName names the store in its log lines (the sandbox's name).
func WithName(name string) Option { return func(s *Store) { s.name = name } }

// WithUngepacktemJournal keeps the journal's requests and answers as they
// are instead of compressed: more disk (about six times), less CPU per
// request (about a tenth of a read's).
func WithUngepacktemJournal() Option { return func(s *Store) { s.ungepackt = true } }

// WithLogger gives the store a logger for what it does on its own, such as
// pruning its journal; without one it logs nothing.
func WithLogger(l *slog.Logger) Option { return func(s *Store) { s.log = l } }

// Option configures a Store at Open.
type Option func(*Store)

// WithTimeSource makes the store read real time from now instead of
// time.Now, so that tests of clocks and deadlines are deterministic.
func WithTimeSource(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Open opens the SQLite database at path, creating it if needed, and brings
// its schema up to date. Path MemoryPath (":memory:") gives a private
// in-memory database, e.g. for certrunner's embedded mock and for tests.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{now: time.Now, regeln: DefaultRegeln(), kurse: vorraete[kursSchluessel, *kurs]{max: maxKurse},
		stammdaten: vorraete[stammSchluessel, any]{max: maxStammdaten}}
	for _, opt := range opts {
		opt(s)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if err := s.regeln.Validate(); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}

	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if path == MemoryPath {
		return s.openMemory(ctx)
	}

	// Pragmas go into the DSN, not into an Exec after Open: database/sql
	// opens connections lazily and an Exec reaches only one of them, while
	// the driver applies DSN pragmas to every connection it opens.
	//   journal_mode=WAL: readers don't block the writer and vice versa.
	//   foreign_keys=on: SQLite leaves them off by default, per connection.
	//   busy_timeout: wait up to 5s for a lock instead of failing at once.
	//   synchronous=NORMAL: safe with WAL (no corruption, at worst the last
	//   transactions are lost on power failure) and much faster than FULL.
	params := url.Values{
		"_journal_mode": {"WAL"},
		"_foreign_keys": {"on"},
		"_busy_timeout": {"5000"},
		"_synchronous":  {"NORMAL"},
		"_txlock":       {"immediate"},
	}
	var err error
	if s.db, err = sql.Open("sqlite3", fileDSN(path, params)); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// SQLite takes one writer at a time anyway. With one connection in the
	// write pool, writers queue in Go for as long as it takes, instead of
	// spinning on the file lock until busy_timeout gives up with "database
	// is locked" under heavy load. Code inside Update must therefore use
	// its Tx, never the Store.
	s.db.SetMaxOpenConns(1)
	if err := migrate(ctx, s.db); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}

	// Opened after migrate, which has switched the file to WAL for good.
	params = url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {"5000"},
		"_txlock":       {"deferred"},
		"_query_only":   {"on"},
	}
	if s.rdb, err = sql.Open("sqlite3", fileDSN(path, params)); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// A bounded pool of readers' connections, all kept: opening one costs
	// more than a read (database/sql keeps two idle by default, and under
	// load opened and closed one for every tenth read), and each keeps its
	// prepared statements. Readers beyond the bound wait for one, which
	// costs less than a connection of their own on two cores. Nothing reads
	// inside a read (a View in a View would need two). An idle sandbox
	// gives its file handles back after a while.
	s.rdb.SetMaxOpenConns(maxReaders)
	s.rdb.SetMaxIdleConns(maxReaders)
	s.rdb.SetConnMaxIdleTime(time.Minute)
	if s.checkpoints, err = startCheckpointer(path, s.log, s.name); err != nil {
		s.rdb.Close()
		s.db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// openMemory opens a private in-memory database. An in-memory database
// exists per connection, so a pool of several connections would hand out
// several empty databases; a shared-cache database (file::memory:?cache=shared)
// would be shared by every Store of the process and reports table locks as
// SQLITE_LOCKED, which busy_timeout does not cover. Hence one connection
// that is never closed while the Store is open. The cost: a Tx holds the only
// connection, so code inside Update or View must use the Tx, never the Store.
func (s *Store) openMemory(ctx context.Context) (*Store, error) {
	params := url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {"5000"},
		"_txlock":       {"immediate"},
	}
	db, err := sql.Open("sqlite3", "file::memory:?"+params.Encode())
	if err != nil {
		return nil, fmt.Errorf("open in-memory store: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open in-memory store: %w", err)
	}
	s.db, s.rdb = db, db
	return s, nil
}

// fileDSN builds a file: URI for go-sqlite3. Characters that would end the
// path part of the URI are escaped; SQLite decodes them again.
func fileDSN(path string, params url.Values) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + escaped + "?" + params.Encode()
}

// maxReaders is how many connections a store has for readers.
const maxReaders = 8

// Close closes the database. An in-memory store's data is gone afterwards.
func (s *Store) Close() error {
	err := s.checkpoints.close()
	s.stmts.close()
	if s.rdb != s.db {
		err = errors.Join(err, s.rdb.Close())
	}
	return errors.Join(err, s.db.Close())
}

// Update runs fn in a read-write transaction. The transaction commits if fn
// returns nil and rolls back if fn returns an error or panics. fn must do
// all its work through tx: Store methods called from fn run in transactions
// of their own and may wait for this one.
//
// Updates that wait for one another are committed together (see gruppe):
// fn runs in a savepoint of a transaction shared with them, and Update
// returns once that transaction committed. fn's error or panic undoes fn
// alone.
func (s *Store) Update(ctx context.Context, fn func(tx *Tx) error) error {
	return s.update(ctx, fn, false)
}

// View runs fn in a read-only transaction, which sees one consistent
// snapshot of the database and is always rolled back.
func (s *Store) View(ctx context.Context, fn func(tx *Tx) error) error {
	return s.run(ctx, s.rdb, fn, nil)
}

// viewKopien runs fn like View, but only as far as the store's copies
// answer: its first statement fails with errNurKopien, and tabellen
// reports whether fn tried one. A read that needs the tables is better
// run in the writer's group, on the writer's connection, whose page
// cache the group's commits leave as it is: a reader's connection drops
// its whole page cache at its next read after any commit, and every
// request commits its journal entry. A course read anew cost some 30 µs
// more there.
func (s *Store) viewKopien(ctx context.Context, fn func(tx *Tx) error) (tabellen bool, err error) {
	err = s.run(ctx, s.rdb, fn, &tabellen)
	return tabellen, err
}

// errNurKopien fails the statements of viewKopien.
var errNurKopien = errors.New("a read of the store's copies only ran a statement")

// run runs fn in a read-only transaction of db, always rolled back. The
// transaction begins at fn's first statement: a read the store's copies
// answer takes no connection at all. With nurKopien, it never begins: the
// statement fails with errNurKopien and *nurKopien is set.
func (s *Store) run(ctx context.Context, db *sql.DB, fn func(tx *Tx) error, nurKopien *bool) error {
	// Statements the transaction ran unprepared are prepared once it is
	// over and its connection free again (deferred first, so run last).
	defer s.stmts.prepareWanted(ctx, db)
	// Taken before the transaction's snapshot: a copy is read only if it
	// did not change since.
	uhrGen, kurseGen, stammdatenGen := s.uhr.generation(), s.kurse.generation(), s.stammdaten.generation()
	tx := &Tx{db: db, now: s.now, s: s, lesend: true, uhrGen: uhrGen, kurseGen: kurseGen, stammdatenGen: stammdatenGen, nurKopien: nurKopien}
	// Also releases the transaction when fn panics.
	defer func() {
		if tx.tx != nil {
			tx.tx.Rollback()
		}
	}()
	return fn(tx)
}

// view runs fn in View and returns its result.
func view[T any](ctx context.Context, s *Store, fn func(tx *Tx) (T, error)) (T, error) {
	var v T
	err := s.View(ctx, func(tx *Tx) error {
		var err error
		v, err = fn(tx)
		return err
	})
	return v, err
}

// update runs fn in Update and returns its result.
func update[T any](ctx context.Context, s *Store, fn func(tx *Tx) (T, error)) (T, error) {
	var v T
	err := s.Update(ctx, func(tx *Tx) error {
		var err error
		v, err = fn(tx)
		return err
	})
	return v, err
}

// Tx is a transaction of the Store, valid only inside the function passed to
// Update or View. Its lookups (Traeger, Kursort, Person, Now ...) see the
// transaction's own writes, and most exist only here: a Store method of its
// own is kept only where code outside a transaction needs one. Its plain SQL
// is for the rules, which add their own methods to Tx, and for tests that
// look at the tables.
type Tx struct {
	tx  *sql.Tx
	db  *sql.DB // the pool the transaction came from
	now func() time.Time
	s   *Store
	// usersWritten says a statement of the transaction wrote to the table
	// benutzer, so that the store's copy of its users is dropped;
	// uhrWritten likewise for the clock. stateWritten says a statement
	// wrote anything but the journal, so that the courses reads loaded are
	// dropped.
	usersWritten, uhrWritten, stateWritten bool
	// lesend says the transaction is a View's, which never writes; uhrGen
	// and kurseGen are the generations of the clock's copy and of the
	// courses' when it began.
	lesend           bool
	uhrGen, kurseGen uint64
	// stammdatenGen is the generation of the copies of the Testdatenpaket
	// when a View began. gruppe is what the writes of a group, this one included, wrote
	// of what the store keeps copies of: the copies are then not what the
	// group's transaction sees.
	stammdatenGen uint64
	gruppe        *gruppenKopien
	// nachtraege, in a write of a group of several, collects the journal
	// entries its goroutine makes (nachtrag); schreiber is the write, and
	// selbst says it is the leader's own.
	nachtraege *[]*nachtrag
	schreiber  *schreiben
	selbst     bool
	// nurKopien, in viewKopien, is set when a statement was refused.
	nurKopien *bool
}

// gruppenKopien says what the writes of a group wrote of what the store
// keeps copies of: the Testdatenpaket, the clock, and (kurse) anything but
// the journal, even if it was undone again.
type gruppenKopien struct {
	stammdaten, uhr, kurse bool
}

// kopie reports whether the transaction sees what a copy of the store
// holds that the group's writes did not change (written), and the
// generation the copy must be of.
func (tx *Tx) kopie(v interface{ generation() uint64 }, viewGen uint64, written func(*gruppenKopien) bool) (gen uint64, ok bool) {
	if tx.lesend {
		return viewGen, true
	}
	if tx.gruppe == nil || written(tx.gruppe) {
		return 0, false
	}
	// The group's transaction commits before any other write, and a
	// generation changes only with a commit.
	return v.generation(), true
}

// stammdatenKopie reports whether the transaction sees the Testdatenpaket
// as the store's copies of it do, and of which generation they must be.
func (tx *Tx) stammdatenKopie() (gen uint64, ok bool) {
	return tx.kopie(&tx.s.stammdaten, tx.stammdatenGen, func(g *gruppenKopien) bool { return g.stammdaten })
}

// uhrKopie is stammdatenKopie for the clock.
func (tx *Tx) uhrKopie() (gen uint64, ok bool) {
	return tx.kopie(&tx.s.uhr, tx.uhrGen, func(g *gruppenKopien) bool { return g.uhr })
}

// kurseKopie is stammdatenKopie for the courses reads loaded.
func (tx *Tx) kurseKopie() (gen uint64, ok bool) {
	return tx.kopie(&tx.s.kurse, tx.kurseGen, func(g *gruppenKopien) bool { return g.kurse })
}

// clockWritten records that the transaction wrote the clock.
func (tx *Tx) clockWritten() {
	tx.uhrWritten = true
	if tx.gruppe != nil {
		tx.gruppe.uhr = true
	}
}

// ExecContext executes a statement in the transaction, prepared once per
// connection.
func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	tx.stateWritten = true
	if tx.gruppe != nil {
		tx.gruppe.kurse = true
	}
	if !tx.usersWritten && writesUsers(query) {
		tx.usersWritten = true
	}
	if tx.gruppe != nil && !tx.gruppe.stammdaten && writesStammdaten(query) {
		tx.gruppe.stammdaten = true
	}
	return tx.exec(ctx, query, args...)
}

// execJournal executes a statement that writes the journal and nothing
// else, which leaves the courses reads loaded as they are.
func (tx *Tx) execJournal(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.exec(ctx, query, args...)
}

func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	sqlTx, err := tx.begun(ctx)
	if err != nil {
		return nil, err
	}
	if st := tx.s.stmts.get(tx.db, query); st != nil {
		return sqlTx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return sqlTx.ExecContext(ctx, query, args...)
}

// begun returns the transaction's SQL transaction, which a View begins
// only at its first statement.
func (tx *Tx) begun(ctx context.Context) (*sql.Tx, error) {
	if tx.tx == nil {
		if tx.nurKopien != nil {
			*tx.nurKopien = true
			return nil, errNurKopien
		}
		sqlTx, err := tx.db.BeginTx(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("begin transaction: %w", err)
		}
		tx.tx = sqlTx
	}
	return tx.tx, nil
}

// writesUsers reports whether a statement may write to the table benutzer:
// it names it after INTO, FROM or UPDATE (a column benutzer, as the
// journal's, does not count).
func writesUsers(query string) bool { return writesTable(query, "benutzer") }

// stammdatenTabellen are the tables of the Testdatenpaket, which only
// loading it writes, never a procedure.
var stammdatenTabellen = []string{"traeger", "testfall", "kursort", "lehrkraft", "lehrwerk", "lehrwerk_kursart",
	"person", "person_staatsangehoerigkeit", "person_kennziffer"}

// writesStammdaten reports whether a statement may write to a table of the
// Testdatenpaket (stammdatenTabellen).
func writesStammdaten(query string) bool {
	for _, table := range stammdatenTabellen {
		if writesTable(query, table) {
			return true
		}
	}
	return false
}

// writesTable reports whether a statement may write to table: it names it
// (or a table whose name begins with it) after INTO, FROM or UPDATE.
func writesTable(query, table string) bool {
	for rest := query; ; {
		i := strings.Index(rest, table)
		if i < 0 {
			return false
		}
		before := strings.TrimRight(rest[:i], " \t\r\n")
		word := before[strings.LastIndexAny(before, " \t\r\n(,")+1:]
		for _, kw := range []string{"INTO", "FROM", "UPDATE"} {
			if strings.EqualFold(word, kw) {
				return true
			}
		}
		rest = rest[i+len(table):]
	}
}

// QueryContext runs a query in the transaction, prepared once per
// connection.
func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	sqlTx, err := tx.begun(ctx)
	if err != nil {
		return nil, err
	}
	if st := tx.s.stmts.get(tx.db, query); st != nil {
		return sqlTx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return sqlTx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query that returns at most one row in the
// transaction, prepared once per connection.
func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	sqlTx, err := tx.begun(ctx)
	if err != nil {
		return &Row{err: err}
	}
	if st := tx.s.stmts.get(tx.db, query); st != nil {
		return &Row{row: sqlTx.StmtContext(ctx, st).QueryRowContext(ctx, args...)}
	}
	return &Row{row: sqlTx.QueryRowContext(ctx, query, args...)}
}

// Row is the result of QueryRowContext: sql.Row's, or the error of
// beginning the transaction.
type Row struct {
	row *sql.Row
	err error
}

// Scan is sql.Row's Scan.
func (r *Row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.row.Scan(dest...)
}
