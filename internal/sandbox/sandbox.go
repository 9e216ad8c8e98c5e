// Package sandbox keeps the isolated worlds the mock serves. A sandbox is a
// store of its own (its own SQLite file) loaded with the Testdatenpaket: its
// Traeger, courses, registrations, LiD exams, persons' histories, journal,
// clocks and injected faults are invisible to every other sandbox, so many
// vendors or CI jobs can use one mock at once. A request reaches the sandbox
// of the user in its UsernameToken; user names are unique across sandboxes.
//
// Sandboxes are opened when they are first used, and the least recently
// used idle ones are closed when more than Config.MaxOpen are open, so that
// a mock with a thousand sandboxes on disk starts at once and never runs
// out of file handles. An index beside the database (see verzeichnis) knows
// every sandbox and its users without opening them.
package sandbox

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Standard is the name of the sandbox at the configured database path,
// whose users are those of the Testdatenpaket.
const Standard = "standard"

// Defaults of Config.
const (
	DefaultMaxSandboxes = 1000
	DefaultMaxOpen      = 64
)

// Errors of the registry, to be tested with errors.Is.
var (
	ErrNotFound   = errors.New("sandbox not found")
	ErrExists     = errors.New("sandbox exists")
	ErrUserTaken  = errors.New("user name taken")
	ErrBadName    = errors.New("bad sandbox name")
	ErrNoUsers    = errors.New("a sandbox needs at least one user")
	ErrIsStandard = errors.New("the standard sandbox cannot be removed")
	// ErrUnknownUser means a user is in no sandbox, also one whose sandbox
	// is being removed: a request of that user fails authentication.
	ErrUnknownUser = errors.New("unknown user")
	// ErrTooMany means the mock has as many sandboxes as it may.
	ErrTooMany = errors.New("too many sandboxes")
	// ErrDamaged means a sandbox's database cannot be opened or read: its
	// requests fail, the other sandboxes serve on; removing or resetting
	// it helps.
	ErrDamaged = errors.New("sandbox damaged")
	// ErrNoFileHandles means the process has no file handle left to open
	// a sandbox's database.
	ErrNoFileHandles = errors.New("no file handles left")
)

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Sandbox is one isolated world.
type Sandbox struct {
	Name    string
	Created time.Time
	// Profil is the contract profile the sandbox speaks, "" for our
	// contract (the standard sandbox always). It is chosen when the
	// sandbox is made and kept with its store.
	Profil string

	reg  *Registry
	path string // database file; mockstate.MemoryPath in memory

	// gate lets requests share the store and a reset have it alone.
	gate    sync.RWMutex
	store   *mockstate.Store // nil while closed, damaged or removed
	removed bool
	damaged error                 // why the store cannot be opened; nil if it can (set with setDamaged)
	shown   atomic.Pointer[error] // damaged, for Damaged without the gate
	loaded  bool                  // the Testdatenpaket is in the file since this process opened it

	lastUse atomic.Int64 // unix nanoseconds of the last use, for closing idle stores

	faults faults

	inflight atomic.Int32 // requests holding a slot of the sandbox
}

// Enter takes one of the sandbox's limit slots for a request and reports
// whether there was one; Leave gives it back. Slots are counted per
// sandbox so that one sandbox's load or latency cannot take every slot of
// the mock.
func (s *Sandbox) Enter(limit int) bool {
	if s.inflight.Add(1) > int32(limit) {
		s.inflight.Add(-1)
		return false
	}
	return true
}

// Leave gives back a slot taken with Enter.
func (s *Sandbox) Leave() { s.inflight.Add(-1) }

// InFlight is the number of the sandbox's slots taken.
func (s *Sandbox) InFlight() int { return int(s.inflight.Load()) }

// Path is the sandbox's database file; mockstate.MemoryPath in memory.
func (s *Sandbox) Path() string { return s.path }

// Damaged returns why the sandbox's database cannot be used, or nil. It
// never waits for the sandbox.
func (s *Sandbox) Damaged() error {
	if p := s.shown.Load(); p != nil {
		return *p
	}
	return nil
}

// setDamaged records why the store cannot be opened (nil: it can).
func (s *Sandbox) setDamaged(err error) {
	s.damaged = err
	if err == nil {
		s.shown.Store(nil)
	} else {
		s.shown.Store(&err)
	}
}

// IsOpen reports whether the sandbox's store is open now.
func (s *Sandbox) IsOpen() bool {
	s.gate.RLock()
	defer s.gate.RUnlock()
	return s.store != nil
}

// acquire holds the sandbox shared with its store open, opening it if it
// is closed; the caller must call s.gate.RUnlock.
func (s *Sandbox) acquire(ctx context.Context) (*mockstate.Store, error) {
	for {
		s.gate.RLock()
		if s.store != nil {
			s.lastUse.Store(time.Now().UnixNano())
			return s.store, nil
		}
		err := s.unusable()
		s.gate.RUnlock()
		if err != nil {
			return nil, err
		}
		s.gate.Lock()
		err = s.ensureOpen(ctx)
		s.gate.Unlock()
		if err != nil {
			return nil, err
		}
	}
}

// unusable says why a sandbox without a store cannot be opened: removed
// or damaged. The gate is held.
func (s *Sandbox) unusable() error {
	switch {
	case s.removed:
		return fmt.Errorf("sandbox %s: %w", s.Name, ErrNotFound)
	case s.damaged != nil:
		return fmt.Errorf("sandbox %s: %w", s.Name, s.damaged)
	}
	return nil
}

// ensureOpen opens the store of a closed sandbox; the gate is held
// exclusively.
func (s *Sandbox) ensureOpen(ctx context.Context) error {
	if s.store != nil {
		return nil
	}
	if err := s.unusable(); err != nil {
		return err
	}
	if err := s.reg.open(ctx, s); err != nil {
		return err
	}
	s.lastUse.Store(time.Now().UnixNano())
	return nil
}

// Use runs fn with the sandbox's store, while no reset or removal can swap
// it; a closed store is opened first.
func (s *Sandbox) Use(fn func(*mockstate.Store) error) error {
	st, err := s.acquire(context.Background())
	if err != nil {
		return err
	}
	defer s.gate.RUnlock()
	return fn(st)
}

// TryUse runs fn with the sandbox's store, as Use does, if that needs no
// waiting: it reports false, and runs nothing, when the sandbox is held
// alone (draining, being reset) or its store is closed.
func (s *Sandbox) TryUse(fn func(*mockstate.Store) error) (bool, error) {
	if !s.gate.TryRLock() {
		return false, nil
	}
	defer s.gate.RUnlock()
	if s.store == nil {
		return false, nil
	}
	s.lastUse.Store(time.Now().UnixNano())
	return true, fn(s.store)
}

// Exclusive runs fn with the sandbox's store while no request uses it:
// requests in flight finish first, new ones wait. Draining the queue of
// asynchronous requests needs it, so that no request accepted meanwhile is
// left behind. fn must not call Use.
func (s *Sandbox) Exclusive(fn func(*mockstate.Store) error) error {
	s.gate.Lock()
	defer s.gate.Unlock()
	if err := s.ensureOpen(context.Background()); err != nil {
		return err
	}
	return fn(s.store)
}

// Config configures a Registry; zero fields take the defaults.
type Config struct {
	// DB is the path of the standard sandbox; the others lie beside it.
	// mockstate.MemoryPath keeps every sandbox in memory.
	DB string
	// Testdaten is the Testdatenpaket every sandbox is loaded with.
	Testdaten fs.FS
	// Store are the options of every sandbox's store.
	Store []mockstate.Option
	// MaxSandboxes bounds the sandboxes, the standard one included
	// (default DefaultMaxSandboxes).
	MaxSandboxes int
	// MaxOpen bounds the stores open at once (default DefaultMaxOpen):
	// beyond it, the least recently used idle one is closed. A store holds
	// about ten file handles (database, WAL and shared memory of each of
	// its connections), so that 64 stay well below the common limit of
	// 1024.
	MaxOpen int
	// OnOpen, if set, runs when a sandbox's store was opened, with the
	// sandbox held exclusively: applying the queue it kept (Server.Drain).
	OnOpen func(ctx context.Context, sb *Sandbox, st *mockstate.Store) error
	// Logger receives a line for each sandbox found damaged, opened lazily
	// or closed while idle; nil discards.
	Logger *slog.Logger
}

// Registry holds the sandboxes of one mock.
type Registry struct {
	cfg   Config
	index *verzeichnis // nil in memory

	// mu guards the maps only; it is never held while a store is used, so
	// that an operation on one sandbox (waiting for its drain, say) never
	// holds up the lookup of another's users.
	mu     sync.RWMutex
	byName map[string]*Sandbox
	byUser map[string]userEntry
	// creating are the names of the sandboxes being created: two
	// creations of one name would otherwise open, and then delete, the
	// same file.
	creating map[string]bool

	opened atomic.Int32 // stores open

	// vorlage is a database file with the Testdatenpaket and no users,
	// built once per process, that a new sandbox's file is copied from:
	// loading the Testdatenpaket takes ten times as long as a copy.
	vorlage struct {
		mu   sync.Mutex
		path string // "" until built
	}
}

// userEntry routes a user to its sandbox, with its Traeger: what the
// registry can say of a user without opening its sandbox's store.
type userEntry struct {
	sb            *Sandbox
	traegernummer string
}

// User is a user as the registry knows it, without its password.
type User struct {
	Name          string
	Traegernummer string
}

// Open opens the registry of the sandboxes at dbPath; see OpenConfig.
func Open(ctx context.Context, dbPath string, testdaten fs.FS, opts ...mockstate.Option) (*Registry, error) {
	return OpenConfig(ctx, Config{DB: dbPath, Testdaten: testdaten, Store: opts})
}

// OpenConfig opens the standard sandbox at cfg.DB and finds every sandbox
// created earlier beside it (files <DB without .db>.sandbox-<name>.db),
// without opening them: each is opened when it is first used. A sandbox
// file that is damaged is reported (Damaged) and the others serve. With
// DB mockstate.MemoryPath every sandbox lives in memory and nothing
// survives a restart.
func OpenConfig(ctx context.Context, cfg Config) (*Registry, error) {
	if cfg.MaxSandboxes <= 0 {
		cfg.MaxSandboxes = DefaultMaxSandboxes
	}
	if cfg.MaxOpen <= 0 {
		cfg.MaxOpen = DefaultMaxOpen
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	r := &Registry{cfg: cfg, byName: map[string]*Sandbox{}, byUser: map[string]userEntry{}, creating: map[string]bool{}}
	std := &Sandbox{Name: Standard, Created: time.Now(), path: cfg.DB, reg: r}
	if err := r.openStore(ctx, std, std.path, nil); err != nil {
		return nil, err
	}
	users, err := std.store.Zugaenge(ctx)
	if err == nil {
		err = r.add(std, users)
	}
	if err != nil {
		std.store.Close()
		return nil, err
	}
	if cfg.DB == mockstate.MemoryPath {
		return r, nil
	}
	if err := r.findSandboxes(ctx); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// findSandboxes registers the sandboxes beside the standard one: those of
// the index by their entries, without opening them; files the index does
// not know (written before it existed) by opening them once.
func (r *Registry) findSandboxes(ctx context.Context) error {
	var err error
	if r.index, err = openVerzeichnis(ctx, r.indexPath()); err != nil {
		return fmt.Errorf("sandboxes: %w", err)
	}
	known, err := r.index.all(ctx)
	if err != nil {
		return fmt.Errorf("sandboxes: %w", err)
	}
	// The directory is read rather than globbed: a database path may contain
	// characters that are special to filepath.Match.
	prefix := filepath.Base(strings.TrimSuffix(r.pathOf(""), ".db"))
	dir := filepath.Dir(r.cfg.DB)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("sandboxes: %w", err)
	}
	onDisk := map[string]bool{}
	stdTemp := filepath.Base(r.cfg.DB) + ".tmp-"
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stdTemp) { // a reset of the standard sandbox that did not finish
			removeFiles(filepath.Join(dir, e.Name()))
			continue
		}
		rest, isSandbox := strings.CutPrefix(e.Name(), prefix)
		if !isSandbox || !e.Type().IsRegular() {
			continue
		}
		if before, _, isTemp := strings.Cut(rest, ".db.tmp-"); isTemp && nameRE.MatchString(before) {
			// A creation or reset that did not finish: the sandbox is as
			// it was before it.
			removeFiles(filepath.Join(dir, e.Name()))
			r.cfg.Logger.Warn("sandbox: unfinished file removed", "file", e.Name())
			continue
		}
		name, isDB := strings.CutSuffix(rest, ".db")
		if !isDB || !nameRE.MatchString(name) || name == Standard {
			continue
		}
		onDisk[name] = true
		sb := &Sandbox{Name: name, path: filepath.Join(dir, e.Name()), reg: r}
		if k := known[name]; k != nil {
			sb.Created, sb.Profil = k.erstellt, k.profil
			sb.setDamaged(checkHeader(sb.path))
			if err := r.add(sb, k.benutzer); err != nil {
				return err
			}
			if sb.damaged != nil {
				r.cfg.Logger.Error("sandbox damaged", "sandbox", name, "err", sb.damaged)
			}
			continue
		}
		if err := r.adopt(ctx, sb, e); err != nil {
			return err
		}
	}
	for name := range known {
		if !onDisk[name] { // its creation did not finish, or its removal did
			if err := r.index.remove(ctx, name); err != nil {
				return fmt.Errorf("sandboxes: %w", err)
			}
		}
	}
	return nil
}

// adopt opens a sandbox file that the index does not know, once, and
// enters it with its users. A file that cannot be opened is reported as
// damaged, with no users: nobody can reach it until it is removed.
func (r *Registry) adopt(ctx context.Context, sb *Sandbox, e fs.DirEntry) error {
	if info, err := e.Info(); err == nil {
		sb.Created = info.ModTime() // the creation time was not kept; the last change is the best guess
	}
	var users []mockstate.Zugang
	err := r.openStore(ctx, sb, sb.path, ownUsers)
	if err == nil {
		users, err = sb.store.Zugaenge(ctx)
	}
	if err == nil {
		sb.Profil, err = sb.store.Profil(ctx)
	}
	if err == nil && len(users) == 0 {
		err = errors.New("die Sandbox hat keinen Benutzer (ihr Anlegen wurde unterbrochen)")
	}
	if err == nil {
		err = r.index.add(ctx, sb, users)
	}
	if err != nil {
		if sb.store != nil {
			sb.store.Close()
			sb.store = nil
			r.opened.Add(-1)
		}
		sb.setDamaged(fmt.Errorf("%w: %v", ErrDamaged, err))
		r.cfg.Logger.Error("sandbox damaged", "sandbox", sb.Name, "err", err)
		return r.add(sb, nil)
	}
	// Closed again: it is opened when it is used, like every other.
	err = sb.store.Close()
	sb.store = nil
	r.opened.Add(-1)
	if err != nil {
		return fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	return r.add(sb, users)
}

// checkHeader reads the header of an SQLite file and reports a file that
// is not one or is shorter than its header says (truncated), without
// opening it as a database. The size in the header counts only when it is
// valid (its version-valid-for number matches the change counter) and no
// write-ahead log holds pages yet to be copied back, as after a kill.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("%w: die Datei %s ist keine SQLite-Datenbank (mehr)", ErrDamaged, filepath.Base(path))
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if pageSize < 512 || info.Size()%pageSize != 0 {
		return fmt.Errorf("%w: die Datei %s ist abgeschnitten (%d Bytes, keine ganze Zahl von Seiten)", ErrDamaged, filepath.Base(path), info.Size())
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96])
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		valid = false
	}
	if valid && info.Size() < pages*pageSize {
		return fmt.Errorf("%w: die Datei %s ist abgeschnitten (%d Bytes, erwartet %d)", ErrDamaged, filepath.Base(path), info.Size(), pages*pageSize)
	}
	return nil
}

// pathOf returns the database file of a sandbox other than the standard one.
func (r *Registry) pathOf(name string) string {
	base := strings.TrimSuffix(r.cfg.DB, filepath.Ext(r.cfg.DB))
	return base + ".sandbox-" + name + ".db"
}

// indexPath is the file of the index of sandboxes.
func (r *Registry) indexPath() string {
	return strings.TrimSuffix(r.cfg.DB, filepath.Ext(r.cfg.DB)) + ".verzeichnis.db"
}

// usersFrom says which users openStore gives a store: it runs before the
// Testdatenpaket is loaded, and its result replaces every user of the store.
// A nil usersFrom leaves the package's users (the standard sandbox).
type usersFrom func(context.Context, *mockstate.Store) ([]mockstate.Zugang, error)

// ownUsers keeps the users the store has, e.g. of a sandbox file opened
// again after a restart: loading the Testdatenpaket adds its users, which
// belong to the standard sandbox.
func ownUsers(ctx context.Context, st *mockstate.Store) ([]mockstate.Zugang, error) {
	return st.Zugaenge(ctx)
}

// givenUsers gives the store users.
func givenUsers(users []mockstate.Zugang) usersFrom {
	return func(context.Context, *mockstate.Store) ([]mockstate.Zugang, error) { return users, nil }
}

// openStore opens the store at path for sb and, the first time in this
// process, loads the Testdatenpaket; users, if not nil, chooses the
// store's users then. The store becomes sb's.
func (r *Registry) openStore(ctx context.Context, sb *Sandbox, path string, users usersFrom) error {
	var st *mockstate.Store
	var err error
	if sb.loaded {
		st, err = r.plainStore(ctx, sb, path)
	} else {
		st, err = r.newStore(ctx, sb, path, users)
	}
	if err != nil {
		return err
	}
	sb.store, sb.loaded = st, true
	r.opened.Add(1)
	return nil
}

// plainStore opens the store at path for sb as it is.
func (r *Registry) plainStore(ctx context.Context, sb *Sandbox, path string) (*mockstate.Store, error) {
	opts := append(append([]mockstate.Option(nil), r.cfg.Store...), mockstate.WithName(sb.Name))
	st, err := mockstate.Open(ctx, path, opts...)
	if err != nil {
		return nil, fmt.Errorf("sandbox %s: %w", sb.Name, fileHandles(err))
	}
	return st, nil
}

// newStore opens the store at path for sb and loads the Testdatenpaket.
func (r *Registry) newStore(ctx context.Context, sb *Sandbox, path string, users usersFrom) (*mockstate.Store, error) {
	st, err := r.plainStore(ctx, sb, path)
	if err != nil {
		return nil, err
	}
	var zugaenge []mockstate.Zugang
	if users != nil {
		zugaenge, err = users(ctx, st)
	}
	if err == nil {
		err = st.LoadTestdatenpaket(ctx, r.cfg.Testdaten)
	}
	if err == nil && users != nil {
		err = st.SetUsers(ctx, zugaenge)
	}
	if err == nil && sb.Profil != "" {
		err = st.SetProfil(ctx, sb.Profil)
	}
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("sandbox %s: %w", sb.Name, fileHandles(err))
	}
	return st, nil
}

// fileHandles marks an error of a process out of file handles.
func fileHandles(err error) error {
	if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) || strings.Contains(err.Error(), "too many open files") {
		return fmt.Errorf("%w: %w", ErrNoFileHandles, err)
	}
	return err
}

// open opens the store of a closed sandbox (the gate held exclusively),
// closing idle ones first when too many are open. A store that cannot be
// opened marks the sandbox damaged, unless the process is only out of file
// handles.
func (r *Registry) open(ctx context.Context, sb *Sandbox) error {
	r.closeIdle(sb)
	first := !sb.loaded
	err := r.openStore(ctx, sb, sb.path, ownUsers)
	if errors.Is(err, ErrNoFileHandles) {
		r.closeIdle(sb) // one more try with what closing frees
		err = r.openStore(ctx, sb, sb.path, ownUsers)
	}
	if errors.Is(err, ErrNoFileHandles) {
		return err
	}
	if err != nil {
		sb.setDamaged(fmt.Errorf("%w: %v", ErrDamaged, err))
		r.cfg.Logger.Error("sandbox damaged", "sandbox", sb.Name, "err", err)
		return fmt.Errorf("sandbox %s: %w", sb.Name, sb.damaged)
	}
	r.cfg.Logger.Debug("sandbox opened", "sandbox", sb.Name)
	if first { // the index may lag behind a crash of the last run
		if err := r.reconcile(ctx, sb); err != nil {
			r.cfg.Logger.Warn("sandbox index", "sandbox", sb.Name, "err", err)
		}
	}
	if r.cfg.OnOpen != nil {
		if err := r.cfg.OnOpen(ctx, sb, sb.store); err != nil {
			r.cfg.Logger.Error("sandbox opened", "sandbox", sb.Name, "err", err)
		}
	}
	return nil
}

// reconcile drops the users the index has for sb that its store lacks:
// an addition or removal of a user that a crash interrupted.
func (r *Registry) reconcile(ctx context.Context, sb *Sandbox) error {
	if r.index == nil {
		return nil
	}
	have, err := sb.store.Zugaenge(ctx)
	if err != nil {
		return err
	}
	in := map[string]bool{}
	for _, u := range have {
		in[u.Name] = true
	}
	var stale []string
	r.mu.Lock()
	for name, e := range r.byUser {
		if e.sb == sb && !in[name] {
			stale = append(stale, name)
			delete(r.byUser, name)
		}
	}
	r.mu.Unlock()
	for _, name := range stale {
		if err := r.index.removeUser(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

// closeIdle closes least recently used idle stores until fewer than
// MaxOpen are open; except is the sandbox about to open, whose gate the
// caller holds.
func (r *Registry) closeIdle(except *Sandbox) {
	for int(r.opened.Load()) >= r.cfg.MaxOpen {
		var victims []*Sandbox
		for _, sb := range r.List() {
			if sb != except && sb.Name != Standard && sb.path != mockstate.MemoryPath {
				victims = append(victims, sb)
			}
		}
		sort.Slice(victims, func(i, j int) bool { return victims[i].lastUse.Load() < victims[j].lastUse.Load() })
		closed := false
		for _, sb := range victims {
			if !sb.gate.TryLock() { // in use: not idle
				continue
			}
			if sb.store != nil {
				err := sb.store.Close()
				sb.store = nil
				r.opened.Add(-1)
				closed = true
				r.cfg.Logger.Debug("sandbox closed while idle", "sandbox", sb.Name, "err", err)
			}
			sb.gate.Unlock()
			if closed {
				break
			}
		}
		if !closed {
			return // every open store is in use; open one more all the same
		}
	}
}

// add registers a sandbox and its users.
func (r *Registry) add(sb *Sandbox, users []mockstate.Zugang) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.byName[sb.Name]; dup {
		return fmt.Errorf("sandbox %s: %w", sb.Name, ErrExists)
	}
	for _, u := range users {
		if other, taken := r.byUser[u.Name]; taken {
			return fmt.Errorf("sandbox %s: user %s is also in sandbox %s: %w", sb.Name, u.Name, other.sb.Name, ErrUserTaken)
		}
	}
	r.byName[sb.Name] = sb
	for _, u := range users {
		r.byUser[u.Name] = userEntry{sb: sb, traegernummer: u.Traegernummer}
	}
	return nil
}

// Create makes a new sandbox with the Testdatenpaket and its own users. It
// appears whole or not at all: its file is built under a temporary name and
// renamed into place once complete, so that a crash leaves no sandbox
// without users behind.
func (r *Registry) Create(ctx context.Context, name string, users []mockstate.Zugang) (*Sandbox, error) {
	return r.CreateProfiled(ctx, name, "", users)
}

// CreateProfiled makes a new sandbox that speaks the contract profile
// profil ("" for ours). The registry keeps the name only; the server knows
// the profiles.
func (r *Registry) CreateProfiled(ctx context.Context, name, profil string, users []mockstate.Zugang) (*Sandbox, error) {
	if !nameRE.MatchString(name) || name == Standard {
		return nil, fmt.Errorf("%q: %w (lower-case letters, digits, hyphens; at most 40)", name, ErrBadName)
	}
	if len(users) == 0 {
		return nil, ErrNoUsers
	}
	if err := r.reserve(name, users); err != nil {
		return nil, err
	}
	defer func() {
		r.mu.Lock()
		delete(r.creating, name)
		r.mu.Unlock()
	}()
	sb := &Sandbox{Name: name, Created: time.Now(), Profil: profil, path: mockstate.MemoryPath, reg: r}
	if r.cfg.DB == mockstate.MemoryPath {
		if err := r.openStore(ctx, sb, sb.path, givenUsers(users)); err != nil {
			return nil, err
		}
		if err := r.add(sb, users); err != nil { // AddUser may have taken a name meanwhile
			sb.store.Close()
			r.opened.Add(-1)
			return nil, err
		}
		return sb, nil
	}
	sb.path = r.pathOf(name)
	removeFiles(sb.path) // leftovers of a sandbox removed while the mock was down
	tmp, err := r.build(ctx, sb, givenUsers(users), mockstate.Nummernstand{})
	if err != nil {
		return nil, err
	}
	// Entered in the index before its file is in place: a crash between
	// leaves an entry without a file, which the next start drops.
	if err := r.index.add(ctx, sb, users); err != nil {
		removeFiles(tmp)
		return nil, fmt.Errorf("sandbox %s: %w", name, err)
	}
	if err := rename(tmp, sb.path); err != nil {
		removeFiles(tmp)
		_ = r.index.remove(ctx, name)
		return nil, fmt.Errorf("sandbox %s: %w", name, err)
	}
	sb.loaded = true
	if err := r.add(sb, users); err != nil { // AddUser may have taken a name meanwhile
		removeFiles(sb.path)
		_ = r.index.remove(ctx, name)
		return nil, err
	}
	return sb, nil
}

// build makes the complete database of sb under a temporary name beside
// its file, with the Testdatenpaket, users and numbers continuing after
// nummern, and returns that name. The file holds everything (no write-ahead
// log) and is synced, ready to be renamed into place.
func (r *Registry) build(ctx context.Context, sb *Sandbox, users usersFrom, nummern mockstate.Nummernstand) (string, error) {
	var b [6]byte
	_, _ = rand.Read(b[:])
	tmp := sb.path + ".tmp-" + hex.EncodeToString(b[:])
	r.closeIdle(sb)
	st, err := r.fromVorlage(ctx, sb, tmp, users)
	if err == nil {
		err = st.ContinueNummern(ctx, nummern)
		if err == nil {
			err = st.Checkpoint(ctx)
		}
		err = errors.Join(err, st.Close())
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err != nil {
		removeFiles(tmp)
		return "", err
	}
	removeFiles(tmp + "-wal") // empty after the checkpoint and close
	return tmp, nil
}

// fromVorlage opens a copy at path of the database with the Testdatenpaket
// (built the first time) and gives it its users.
func (r *Registry) fromVorlage(ctx context.Context, sb *Sandbox, path string, users usersFrom) (*mockstate.Store, error) {
	vorlage, err := r.buildVorlage(ctx)
	if err == nil {
		err = copyFile(vorlage, path)
	}
	if err != nil {
		return nil, fmt.Errorf("sandbox %s: %w", sb.Name, fileHandles(err))
	}
	st, err := r.plainStore(ctx, sb, path)
	if err != nil {
		return nil, err
	}
	zugaenge, err := users(ctx, st)
	if err == nil {
		err = st.SetUsers(ctx, zugaenge)
	}
	if err == nil && sb.Profil != "" {
		err = st.SetProfil(ctx, sb.Profil)
	}
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	return st, nil
}

// buildVorlage returns the template database, building it the first time.
func (r *Registry) buildVorlage(ctx context.Context) (string, error) {
	r.vorlage.mu.Lock()
	defer r.vorlage.mu.Unlock()
	if r.vorlage.path != "" {
		return r.vorlage.path, nil
	}
	path := strings.TrimSuffix(r.cfg.DB, filepath.Ext(r.cfg.DB)) + ".vorlage.db"
	removeFiles(path)
	st, err := r.newStore(ctx, &Sandbox{Name: "vorlage"}, path, givenUsers(nil))
	if err == nil {
		err = st.Checkpoint(ctx)
		err = errors.Join(err, st.Close())
	}
	if err != nil {
		removeFiles(path)
		return "", fmt.Errorf("template: %w", err)
	}
	removeFiles(path + "-wal")
	removeFiles(path + "-shm")
	r.vorlage.path = path
	return path, nil
}

// copyFile copies a closed database file.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return errors.Join(err, out.Close())
}

// rename moves a finished database file into place and syncs the
// directory, so that the rename itself survives a crash.
func rename(from, to string) error {
	removeFiles(to + "-wal") // the old database's, if any: the new file is whole
	if err := os.Rename(from, to); err != nil {
		return err
	}
	removeFiles(from) // its -shm, if any
	if d, err := os.Open(filepath.Dir(to)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// reserve marks name as being created, or reports a taken sandbox name
// (also one being created) or user name, a user named twice in users, or
// that the mock has as many sandboxes as it may.
func (r *Registry) reserve(name string, users []mockstate.Zugang) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.byName[name]; dup || r.creating[name] {
		return fmt.Errorf("sandbox %s: %w", name, ErrExists)
	}
	if len(r.byName)+len(r.creating) >= r.cfg.MaxSandboxes {
		return fmt.Errorf("%d sandboxes: %w", len(r.byName), ErrTooMany)
	}
	seen := make(map[string]bool, len(users))
	for _, u := range users {
		if other, taken := r.byUser[u.Name]; taken {
			return fmt.Errorf("user %s (sandbox %s): %w", u.Name, other.sb.Name, ErrUserTaken)
		}
		if seen[u.Name] {
			return fmt.Errorf("user %s named twice: %w", u.Name, ErrUserTaken)
		}
		seen[u.Name] = true
	}
	r.creating[name] = true
	return nil
}

// MaxSandboxes is how many sandboxes the registry may hold.
func (r *Registry) MaxSandboxes() int { return r.cfg.MaxSandboxes }

// Get returns a sandbox by name.
func (r *Registry) Get(name string) (*Sandbox, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	sb, ok := r.byName[name]
	if !ok {
		return nil, fmt.Errorf("%q: %w", name, ErrNotFound)
	}
	return sb, nil
}

// ForUser returns the sandbox of a user.
func (r *Registry) ForUser(user string) (*Sandbox, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	e, ok := r.byUser[user]
	return e.sb, ok
}

// Users returns the users of a sandbox by name, without their passwords,
// from the registry alone: it never waits for the sandbox's store.
func (r *Registry) Users(sb *Sandbox) []User {
	r.mu.RLock()
	defer r.mu.RUnlock()
	var out []User
	for name, e := range r.byUser {
		if e.sb == sb {
			out = append(out, User{Name: name, Traegernummer: e.traegernummer})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// List returns the sandboxes ordered by name.
func (r *Registry) List() []*Sandbox {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]*Sandbox, 0, len(r.byName))
	for _, sb := range r.byName {
		out = append(out, sb)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lease is a user's hold on its sandbox for one request: the sandbox, its
// store and the user's account, found with one lookup. While it is held, no
// reset or removal swaps the store, so the request works in one world from
// authentication to its journal entry. Release it exactly once.
type Lease struct {
	Sandbox *Sandbox
	Store   *mockstate.Store
	// Zugang is the user's account: name, password (never log it) and
	// Traeger.
	Zugang mockstate.Zugang
	// Zeit is when the request entered its sandbox: after any reset it
	// waited for, so that its journal entry is wholly after that reset.
	Zeit    time.Time
	release func()
}

// Release ends the hold on the sandbox.
func (l *Lease) Release() {
	if l.release != nil {
		l.release()
		l.release = nil
	}
}

// Login finds the sandbox of a user and the user's account in it, with one
// lookup, and holds the sandbox until the lease is released; a closed
// sandbox is opened. A user in no sandbox, or whose sandbox is being
// removed, wraps ErrUnknownUser; a user of a damaged sandbox ErrDamaged.
func (r *Registry) Login(ctx context.Context, user string) (*Lease, error) {
	sb, ok := r.ForUser(user)
	if !ok {
		return nil, fmt.Errorf("benutzer %q: %w", user, ErrUnknownUser)
	}
	st, err := sb.acquire(ctx)
	if errors.Is(err, ErrNotFound) { // removed since it was found
		return nil, fmt.Errorf("benutzer %q: sandbox %s: %w", user, sb.Name, ErrUnknownUser)
	}
	if err != nil {
		return nil, err
	}
	z, err := st.Zugang(ctx, user)
	if err != nil {
		sb.gate.RUnlock()
		if errors.Is(err, mockstate.ErrNotFound) { // removed from the sandbox meanwhile
			return nil, fmt.Errorf("sandbox %s: %w: %w", sb.Name, ErrUnknownUser, err)
		}
		return nil, fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	return &Lease{Sandbox: sb, Store: st, Zugang: z, Zeit: time.Now(), release: sb.gate.RUnlock}, nil
}

// AddUser adds a user to a sandbox. The name is taken in the registry
// first, then the user is stored, waiting for the sandbox if it is busy
// (draining, say) but holding up no other sandbox; until it is stored, a
// request of the user finds no such user.
func (r *Registry) AddUser(ctx context.Context, sb *Sandbox, u mockstate.Zugang) error {
	// Opened first: its first opening brings the index in line with its
	// store, which must happen before the new user is entered.
	if err := sb.Use(func(*mockstate.Store) error { return nil }); err != nil {
		return err
	}
	r.mu.Lock()
	if other, taken := r.byUser[u.Name]; taken {
		r.mu.Unlock()
		return fmt.Errorf("user %s (sandbox %s): %w", u.Name, other.sb.Name, ErrUserTaken)
	}
	r.byUser[u.Name] = userEntry{sb: sb, traegernummer: u.Traegernummer}
	r.mu.Unlock()
	err := r.indexed(func(v *verzeichnis) error { return v.addUser(ctx, sb.Name, u) }, sb)
	if err == nil {
		err = sb.Use(func(st *mockstate.Store) error { return st.AddUser(ctx, u) })
		if err != nil {
			_ = r.indexed(func(v *verzeichnis) error { return v.removeUser(ctx, u.Name) }, sb)
		}
	}
	if err != nil {
		r.mu.Lock()
		if r.byUser[u.Name].sb == sb {
			delete(r.byUser, u.Name)
		}
		r.mu.Unlock()
		return err
	}
	return nil
}

// indexed runs fn on the index for a sandbox other than the standard one
// (whose users are its store's own); in memory there is no index.
func (r *Registry) indexed(fn func(*verzeichnis) error, sb *Sandbox) error {
	if r.index == nil || sb.Name == Standard {
		return nil
	}
	return fn(r.index)
}

// RemoveUser removes a user from its sandbox: from its store, then from
// the registry and the index, holding up no other sandbox meanwhile. The
// store decides: once the user is gone from it, the removal has happened
// and is reported so, even if the index cannot follow (a full disk, say).
// An index that lags behind its store is brought in line when the sandbox
// is next opened (reconcile), and a name it still holds can be given
// again meanwhile (addUser).
func (r *Registry) RemoveUser(ctx context.Context, sb *Sandbox, user string) error {
	if err := sb.Use(func(st *mockstate.Store) error { return st.RemoveUser(ctx, user) }); err != nil {
		return err
	}
	r.mu.Lock()
	if r.byUser[user].sb == sb {
		delete(r.byUser, user)
	}
	r.mu.Unlock()
	if err := r.indexed(func(v *verzeichnis) error { return v.removeUser(ctx, user) }, sb); err != nil {
		r.cfg.Logger.Warn("sandbox index lags behind a removed user", "sandbox", sb.Name, "benutzer", user, "err", err)
	}
	return nil
}

// Reset brings a sandbox back to the Testdatenpaket, keeping its users
// (the standard sandbox too) and nothing else: its journal, queue and
// faults are gone. Its Kurskennungen and Pruefungsnummern continue where
// they were, so that none is ever handed out twice. The reset is atomic: the
// new database is built whole under a temporary name while requests wait,
// then renamed into place, so that every request is wholly before or
// wholly after it and a crash leaves the old sandbox or the new one. A
// damaged sandbox is built anew from the users of the index. Other
// sandboxes are not touched.
func (r *Registry) Reset(ctx context.Context, sb *Sandbox) error {
	sb.gate.Lock()
	defer sb.gate.Unlock()
	if sb.removed {
		return fmt.Errorf("sandbox %s: %w", sb.Name, ErrNotFound)
	}
	if sb.damaged == nil {
		if err := sb.ensureOpen(ctx); err != nil && !errors.Is(err, ErrDamaged) {
			return fmt.Errorf("reset %s: %w", sb.Name, err)
		}
	}
	// Every user is kept, also in the standard sandbox: a user added
	// there stays routed to it, and one removed stays removed.
	var (
		users   []mockstate.Zugang
		nummern mockstate.Nummernstand
		err     error
	)
	if sb.store != nil {
		if users, err = sb.store.Zugaenge(ctx); err == nil {
			nummern, err = sb.store.Nummern(ctx)
		}
	} else {
		users, err = r.indexedUsers(ctx, sb)
	}
	if err != nil {
		return fmt.Errorf("reset %s: %w", sb.Name, err)
	}
	if sb.path == mockstate.MemoryPath {
		st, err := r.newStore(ctx, sb, sb.path, givenUsers(users))
		if err == nil {
			err = st.ContinueNummern(ctx, nummern)
		}
		if err != nil {
			return fmt.Errorf("reset %s: %w", sb.Name, err)
		}
		old := sb.store
		sb.store = st
		if old != nil {
			old.Close()
		}
		sb.faults.clear()
		return nil
	}
	tmp, err := r.build(ctx, sb, givenUsers(users), nummern)
	if err != nil {
		return fmt.Errorf("reset %s: %w", sb.Name, err)
	}
	if sb.store != nil {
		err := sb.store.Close()
		sb.store = nil
		r.opened.Add(-1)
		if err != nil {
			removeFiles(tmp)
			return fmt.Errorf("reset %s: %w", sb.Name, err)
		}
	}
	if err := rename(tmp, sb.path); err != nil {
		removeFiles(tmp)
		return fmt.Errorf("reset %s: %w", sb.Name, err)
	}
	removeFiles(sb.path + "-shm")
	sb.setDamaged(nil)
	sb.loaded = true
	sb.faults.clear()
	return r.openStore(ctx, sb, sb.path, nil)
}

// indexedUsers returns the users the index has for sb, with passwords.
func (r *Registry) indexedUsers(ctx context.Context, sb *Sandbox) ([]mockstate.Zugang, error) {
	if r.index == nil {
		return nil, fmt.Errorf("sandbox %s: %w", sb.Name, sb.damaged)
	}
	all, err := r.index.all(ctx)
	if err != nil {
		return nil, err
	}
	if e := all[sb.Name]; e != nil && len(e.benutzer) > 0 {
		return e.benutzer, nil
	}
	return nil, fmt.Errorf("sandbox %s: keine Benutzer im Verzeichnis: %w", sb.Name, sb.damaged)
}

// Remove closes a sandbox and deletes its database. The files are gone
// before the name is free again, so a Create of the same name cannot meet
// them, and before the sandbox leaves the index, so that a crash cannot
// bring it back.
func (r *Registry) Remove(ctx context.Context, sb *Sandbox) error {
	if sb.Name == Standard {
		return ErrIsStandard
	}
	var err error
	sb.gate.Lock()
	if sb.store != nil {
		err = sb.store.Close()
		sb.store = nil
		r.opened.Add(-1)
	}
	if !sb.removed && sb.path != mockstate.MemoryPath {
		removeFiles(sb.path)
	}
	sb.removed = true
	sb.gate.Unlock()
	if r.index != nil {
		err = errors.Join(err, r.index.remove(ctx, sb.Name))
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byName[sb.Name] == sb {
		delete(r.byName, sb.Name)
	}
	for u, e := range r.byUser {
		if e.sb == sb {
			delete(r.byUser, u)
		}
	}
	return err
}

// Close closes every sandbox's store and the index.
func (r *Registry) Close() error {
	var errs []error
	for _, sb := range r.List() {
		sb.gate.Lock()
		if sb.store != nil {
			errs = append(errs, sb.store.Close())
			sb.store = nil
			r.opened.Add(-1)
		}
		sb.removed = true
		sb.gate.Unlock()
	}
	if r.index != nil {
		errs = append(errs, r.index.close())
		r.index = nil
	}
	r.vorlage.mu.Lock()
	if r.vorlage.path != "" {
		removeFiles(r.vorlage.path)
		r.vorlage.path = ""
	}
	r.vorlage.mu.Unlock()
	return errors.Join(errs...)
}

// removeFiles deletes a database with its WAL and shared-memory files.
func removeFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(path + suffix) // absent files are fine
	}
}

// OpenStores is the number of sandboxes whose store is open.
func (r *Registry) OpenStores() int { return int(r.opened.Load()) }
