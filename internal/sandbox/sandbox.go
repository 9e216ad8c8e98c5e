// Package sandbox keeps the isolated worlds the mock serves. A sandbox is a
// store of its own (its own SQLite file) loaded with the Testdatenpaket: its
// Traeger, courses, registrations, LiD exams, persons' histories, journal,
// clocks and injected faults are invisible to every other sandbox, so many
// vendors or CI jobs can use one mock at once. A request reaches the sandbox
// of the user in its UsernameToken; user names are unique across sandboxes.
package sandbox

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Standard is the name of the sandbox at the configured database path,
// whose users are those of the Testdatenpaket.
const Standard = "standard"

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

	path string // database file; mockstate.MemoryPath in memory

	// gate lets requests share the store and a reset have it alone.
	gate  sync.RWMutex
	store *mockstate.Store

	faults faults
}

// Use runs fn with the sandbox's store, while no reset or removal can swap it.
func (s *Sandbox) Use(fn func(*mockstate.Store) error) error {
	s.gate.RLock()
	defer s.gate.RUnlock()
	if s.store == nil {
		return fmt.Errorf("sandbox %s: %w", s.Name, ErrNotFound) // removed meanwhile
	}
	return fn(s.store)
}

// Path is the sandbox's database file; mockstate.MemoryPath in memory.
func (s *Sandbox) Path() string { return s.path }

// Exclusive runs fn with the sandbox's store while no request uses it:
// requests in flight finish first, new ones wait. Draining the queue of
// asynchronous requests needs it, so that no request accepted meanwhile is
// left behind. fn must not call Use.
func (s *Sandbox) Exclusive(fn func(*mockstate.Store) error) error {
	s.gate.Lock()
	defer s.gate.Unlock()
	if s.store == nil {
		return fmt.Errorf("sandbox %s: %w", s.Name, ErrNotFound)
	}
	return fn(s.store)
}

// Registry holds the sandboxes of one mock.
type Registry struct {
	dbPath    string // path of the standard sandbox; others lie beside it
	testdaten fs.FS
	opts      []mockstate.Option

	// creating serializes Create: two creations of one name would
	// otherwise open, and then delete, the same file.
	creating sync.Mutex

	mu     sync.RWMutex
	byName map[string]*Sandbox
	byUser map[string]*Sandbox
}

// Open opens the standard sandbox at dbPath and every sandbox created earlier
// beside it (files <dbPath without .db>.sandbox-<name>.db), loading the
// Testdatenpaket into each. With dbPath mockstate.MemoryPath every sandbox
// lives in memory and nothing survives a restart.
func Open(ctx context.Context, dbPath string, testdaten fs.FS, opts ...mockstate.Option) (*Registry, error) {
	r := &Registry{dbPath: dbPath, testdaten: testdaten, opts: opts, byName: map[string]*Sandbox{}, byUser: map[string]*Sandbox{}}
	std := &Sandbox{Name: Standard, Created: time.Now(), path: dbPath}
	if err := r.openStore(ctx, std, nil); err != nil {
		return nil, err
	}
	if err := r.add(ctx, std); err != nil {
		std.store.Close()
		return nil, err
	}
	if dbPath == mockstate.MemoryPath {
		return r, nil
	}
	// The directory is read rather than globbed: a database path may contain
	// characters that are special to filepath.Match.
	prefix := filepath.Base(strings.TrimSuffix(r.pathOf(""), ".db"))
	dir := filepath.Dir(dbPath)
	entries, err := os.ReadDir(dir)
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("sandboxes: %w", err)
	}
	for _, e := range entries {
		name, isSandbox := strings.CutPrefix(e.Name(), prefix)
		name, isDB := strings.CutSuffix(name, ".db")
		if !isSandbox || !isDB || !e.Type().IsRegular() || !nameRE.MatchString(name) || name == Standard {
			continue
		}
		sb := &Sandbox{Name: name, path: filepath.Join(dir, e.Name())}
		if info, err := e.Info(); err == nil {
			sb.Created = info.ModTime() // the creation time is not kept; the last change is the best guess
		}
		if err := r.openStore(ctx, sb, ownUsers); err != nil {
			r.Close()
			return nil, err
		}
		if sb.Profil, err = sb.store.Profil(ctx); err != nil {
			sb.store.Close()
			r.Close()
			return nil, fmt.Errorf("sandbox %s: %w", sb.Name, err)
		}
		if err := r.add(ctx, sb); err != nil {
			sb.store.Close()
			r.Close()
			return nil, err
		}
	}
	return r, nil
}

// pathOf returns the database file of a sandbox other than the standard one.
func (r *Registry) pathOf(name string) string {
	base := strings.TrimSuffix(r.dbPath, filepath.Ext(r.dbPath))
	return base + ".sandbox-" + name + ".db"
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

// openStore opens the sandbox's store and loads the Testdatenpaket; users,
// if not nil, chooses the store's users.
func (r *Registry) openStore(ctx context.Context, sb *Sandbox, users usersFrom) error {
	st, err := mockstate.Open(ctx, sb.path, r.opts...)
	if err != nil {
		return fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	var zugaenge []mockstate.Zugang
	if users != nil {
		zugaenge, err = users(ctx, st)
	}
	if err == nil {
		err = st.LoadTestdatenpaket(ctx, r.testdaten)
	}
	if err == nil && users != nil {
		err = st.SetUsers(ctx, zugaenge)
	}
	if err == nil && sb.Profil != "" {
		err = st.SetProfil(ctx, sb.Profil)
	}
	if err != nil {
		st.Close()
		return fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	sb.store = st
	return nil
}

// add registers an opened sandbox and its users.
func (r *Registry) add(ctx context.Context, sb *Sandbox) error {
	users, err := sb.store.Users(ctx)
	if err != nil {
		return fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.byName[sb.Name]; dup {
		return fmt.Errorf("sandbox %s: %w", sb.Name, ErrExists)
	}
	for _, u := range users {
		if other, taken := r.byUser[u.Name]; taken {
			return fmt.Errorf("sandbox %s: user %s is also in sandbox %s: %w", sb.Name, u.Name, other.Name, ErrUserTaken)
		}
	}
	r.byName[sb.Name] = sb
	for _, u := range users {
		r.byUser[u.Name] = sb
	}
	return nil
}

// Create makes a new sandbox with the Testdatenpaket and its own users.
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
	r.creating.Lock()
	defer r.creating.Unlock()
	if err := r.checkFree(name, users); err != nil {
		return nil, err
	}
	sb := &Sandbox{Name: name, Created: time.Now(), Profil: profil, path: mockstate.MemoryPath}
	if r.dbPath != mockstate.MemoryPath {
		sb.path = r.pathOf(name)
		removeFiles(sb.path) // leftovers of a sandbox removed while the mock was down
	}
	if err := r.openStore(ctx, sb, givenUsers(users)); err != nil {
		removeFiles(sb.path)
		return nil, err
	}
	if err := r.add(ctx, sb); err != nil { // AddUser may have taken a name meanwhile
		sb.store.Close()
		removeFiles(sb.path)
		return nil, err
	}
	return sb, nil
}

// checkFree reports a taken sandbox name or user name, or a user named
// twice in users.
func (r *Registry) checkFree(name string, users []mockstate.Zugang) error {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if _, dup := r.byName[name]; dup {
		return fmt.Errorf("sandbox %s: %w", name, ErrExists)
	}
	seen := make(map[string]bool, len(users))
	for _, u := range users {
		if other, taken := r.byUser[u.Name]; taken {
			return fmt.Errorf("user %s (sandbox %s): %w", u.Name, other.Name, ErrUserTaken)
		}
		if seen[u.Name] {
			return fmt.Errorf("user %s named twice: %w", u.Name, ErrUserTaken)
		}
		seen[u.Name] = true
	}
	return nil
}

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
	sb, ok := r.byUser[user]
	return sb, ok
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
	Zugang  mockstate.Zugang
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
// lookup, and holds the sandbox until the lease is released. A user in no
// sandbox, or whose sandbox is being removed, wraps ErrUnknownUser.
func (r *Registry) Login(ctx context.Context, user string) (*Lease, error) {
	sb, ok := r.ForUser(user)
	if !ok {
		return nil, fmt.Errorf("benutzer %q: %w", user, ErrUnknownUser)
	}
	sb.gate.RLock()
	if sb.store == nil { // removed since it was found
		sb.gate.RUnlock()
		return nil, fmt.Errorf("benutzer %q: sandbox %s: %w", user, sb.Name, ErrUnknownUser)
	}
	z, err := sb.store.Zugang(ctx, user)
	if err != nil {
		sb.gate.RUnlock()
		if errors.Is(err, mockstate.ErrNotFound) { // removed from the sandbox meanwhile
			return nil, fmt.Errorf("sandbox %s: %w: %w", sb.Name, ErrUnknownUser, err)
		}
		return nil, fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	return &Lease{Sandbox: sb, Store: sb.store, Zugang: z, release: sb.gate.RUnlock}, nil
}

// AddUser adds a user to a sandbox.
func (r *Registry) AddUser(ctx context.Context, sb *Sandbox, u mockstate.Zugang) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if other, taken := r.byUser[u.Name]; taken {
		return fmt.Errorf("user %s (sandbox %s): %w", u.Name, other.Name, ErrUserTaken)
	}
	if err := sb.Use(func(st *mockstate.Store) error { return st.AddUser(ctx, u) }); err != nil {
		return err
	}
	r.byUser[u.Name] = sb
	return nil
}

// RemoveUser removes a user from its sandbox.
func (r *Registry) RemoveUser(ctx context.Context, sb *Sandbox, user string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := sb.Use(func(st *mockstate.Store) error { return st.RemoveUser(ctx, user) }); err != nil {
		return err
	}
	delete(r.byUser, user)
	return nil
}

// Reset brings a sandbox back to the Testdatenpaket, keeping its users
// (the standard sandbox too) and nothing else: its faults are cleared and
// its queue of asynchronous requests is dropped. Requests wait meanwhile;
// other sandboxes are not touched.
func (r *Registry) Reset(ctx context.Context, sb *Sandbox) error {
	sb.gate.Lock()
	defer sb.gate.Unlock()
	if sb.store == nil {
		return fmt.Errorf("sandbox %s: %w", sb.Name, ErrNotFound)
	}
	// Every user is kept, also in the standard sandbox: a user added
	// there stays routed to it, and one removed stays removed, as the
	// registry's map of users says.
	users, err := sb.store.Zugaenge(ctx)
	if err != nil {
		return fmt.Errorf("reset %s: %w", sb.Name, err)
	}
	if err := sb.store.Close(); err != nil {
		return fmt.Errorf("reset %s: %w", sb.Name, err)
	}
	sb.store = nil
	if sb.path != mockstate.MemoryPath {
		removeFiles(sb.path)
	}
	if err := r.openStore(ctx, sb, givenUsers(users)); err != nil {
		return fmt.Errorf("reset %s: %w", sb.Name, err)
	}
	sb.faults.clear()
	return nil
}

// Remove closes a sandbox and deletes its database. The files are gone
// before the name is free again, so a Create of the same name cannot meet
// them.
func (r *Registry) Remove(sb *Sandbox) error {
	if sb.Name == Standard {
		return ErrIsStandard
	}
	var err error
	sb.gate.Lock()
	if sb.store != nil {
		err = sb.store.Close()
		sb.store = nil
		if sb.path != mockstate.MemoryPath {
			removeFiles(sb.path)
		}
	}
	sb.gate.Unlock()

	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byName[sb.Name] == sb {
		delete(r.byName, sb.Name)
	}
	for u, owner := range r.byUser {
		if owner == sb {
			delete(r.byUser, u)
		}
	}
	return err
}

// Close closes every sandbox's store.
func (r *Registry) Close() error {
	var errs []error
	for _, sb := range r.List() {
		sb.gate.Lock()
		if sb.store != nil {
			errs = append(errs, sb.store.Close())
			sb.store = nil
		}
		sb.gate.Unlock()
	}
	return errors.Join(errs...)
}

// removeFiles deletes a database with its WAL and shared-memory files.
func removeFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(path + suffix) // absent files are fine
	}
}
