package ingetest

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// MustStore opens a private in-memory store with the embedded Testdatenpaket
// loaded, and closes it when the test ends. It is the store for tests of
// the procedures' rules; opts are those of mockstate.Open, e.g.
// mockstate.WithTimeSource or mockstate.WithRegeln.
func MustStore(tb testing.TB, opts ...mockstate.Option) *mockstate.Store {
	tb.Helper()
	s := MustOpen(tb, mockstate.MemoryPath, opts...)
	MustLoad(tb, s)
	return s
}

// MustOpen opens the store at path with nothing loaded but its schema, and
// closes it when the test ends. An empty path is a new file in the test's
// temporary directory: the store as mockinge runs it, with a write
// connection and a pool of readers, for tests of the file, of concurrency
// and of loading.
func MustOpen(tb testing.TB, path string, opts ...mockstate.Option) *mockstate.Store {
	tb.Helper()
	if path == "" {
		path = filepath.Join(tb.TempDir(), "mockinge.db")
	}
	s, err := mockstate.Open(tb.Context(), path, opts...)
	if err != nil {
		tb.Fatalf("open store %s: %v", path, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close store %s: %v", path, err)
		}
	})
	return s
}

// MustLoad loads the embedded Testdatenpaket into s.
func MustLoad(tb testing.TB, s *mockstate.Store) {
	tb.Helper()
	if err := s.LoadTestdatenpaket(tb.Context(), harness.Testdatenpaket()); err != nil {
		tb.Fatal(err)
	}
}

// View runs fn in a read-only transaction of s and returns its result; an
// error stops the test. It reads what the store offers only inside a
// transaction (tx.Traeger, tx.Now, ...).
func View[T any](tb testing.TB, s *mockstate.Store, fn func(tx *mockstate.Tx) (T, error)) T {
	tb.Helper()
	var v T
	err := s.View(tb.Context(), func(tx *mockstate.Tx) error {
		var err error
		v, err = fn(tx)
		return err
	})
	if err != nil {
		tb.Fatalf("View: %v", err)
	}
	return v
}

// TryApply checks req strictly, as the server does with a request it
// receives, and runs it for c in s. A request the schema refuses comes back
// as the *inge.SchemaError. It is the one place where tests call
// Store.Apply, so that a change of Apply's signature is made here once.
// Unlike Apply it never stops the test, so it may be called from any
// goroutine.
func TryApply(tb testing.TB, s *mockstate.Store, c mockstate.Caller, req inge.Request) (inge.Response, error) {
	checked, err := inge.Check(req)
	if err != nil {
		return nil, err
	}
	return s.Apply(tb.Context(), c, checked)
}

// Apply runs req for c in s and returns the answer; an error, such as a
// schema violation, stops the test.
func Apply(tb testing.TB, s *mockstate.Store, c mockstate.Caller, req inge.Request) inge.Response {
	tb.Helper()
	resp, err := TryApply(tb, s, c, req)
	if err != nil {
		tb.Fatalf("Apply(%T): %v", req, err)
	}
	return resp
}

// TimeSource is a real-time source for mockstate.WithTimeSource that stands
// still until the test moves it, so that clocks and deadlines are
// deterministic. It is safe for concurrent use.
type TimeSource struct {
	mu sync.Mutex
	t  time.Time
}

// NewTimeSource returns a time source standing at t.
func NewTimeSource(t time.Time) *TimeSource { return &TimeSource{t: t} }

// Now returns the time the source stands at.
func (s *TimeSource) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.t
}

// Add moves the source by d.
func (s *TimeSource) Add(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.t = s.t.Add(d)
}

// ProcedureOf finds the procedure of a typed request, or stops the test.
func ProcedureOf(tb testing.TB, req inge.Request) *inge.Procedure {
	tb.Helper()
	p, err := inge.ProcedureOf(req)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}
