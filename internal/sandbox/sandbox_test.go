package sandbox_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// kt1 is a user of the Testdatenpaket, in the standard sandbox.
var kt1 = ingetest.KT1()

// MustOpenRegistry opens a registry at path (a file in a temporary directory
// unless path is given) and closes it when the test ends.
func MustOpenRegistry(tb testing.TB, path string) *sandbox.Registry {
	tb.Helper()
	if path == "" {
		path = filepath.Join(tb.TempDir(), "mockinge.db")
	}
	reg, err := sandbox.Open(context.Background(), path, harness.Testdatenpaket())
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	tb.Cleanup(func() { reg.Close() }) // a second Close is harmless
	return reg
}

// user returns a user of Traeger 10000001.
func user(name string) mockstate.Zugang {
	return mockstate.Zugang{Name: name, Passwort: "Geheim!" + name, Traegernummer: kt1.Traegernummer}
}

// MustCreate creates a sandbox with users.
func MustCreate(tb testing.TB, reg *sandbox.Registry, name string, users ...mockstate.Zugang) *sandbox.Sandbox {
	tb.Helper()
	sb, err := reg.Create(context.Background(), name, users)
	if err != nil {
		tb.Fatalf("Create(%s): %v", name, err)
	}
	return sb
}

// kursplanung is a valid KursplanungErfassen of Traeger 10000001
// (ingetest.Plan) that begins in 60 days and ends days days later.
func kursplanung(tb testing.TB, days int) *inge.KursplanungErfassenAnfrage {
	tb.Helper()
	beginn := time.Now().AddDate(0, 0, 60)
	k := ingetest.Plan(tb, "KP-1", inge.DatumOf(beginn))
	k.Kursende = inge.DatumOf(beginn.AddDate(0, 0, days))
	return &inge.KursplanungErfassenAnfrage{Anfrage: kt1.Anfrage(), Kursplanung: k}
}

// MustPlanKurs stores a course in the sandbox and returns its Kurskennung.
func MustPlanKurs(tb testing.TB, sb *sandbox.Sandbox, benutzer string, days int) string {
	tb.Helper()
	var kennung string
	err := sb.Use(func(st *mockstate.Store) error {
		resp, err := ingetest.TryApply(tb, st, mockstate.Caller{Benutzer: benutzer, Traegernummer: kt1.Traegernummer}, kursplanung(tb, days))
		if err != nil {
			return err
		}
		r := resp.(*inge.KursplanungErfassenAntwort)
		if r.Status != inge.StatusVerarbeitet {
			tb.Fatalf("KursplanungErfassen: Status = %s; want verarbeitet (%+v)", r.Status, r.Meldungen)
		}
		kennung = r.Kurskennung
		return nil
	})
	if err != nil {
		tb.Fatalf("KursplanungErfassen in %s: %v", sb.Name, err)
	}
	return kennung
}

// kursende returns the Kursende of a course as the Kursauskunft of the
// sandbox shows it, or "" if the sandbox does not know the course.
func kursende(tb testing.TB, sb *sandbox.Sandbox, kennung string) string {
	tb.Helper()
	var ende string
	err := sb.Use(func(st *mockstate.Store) error {
		req := &inge.KursauskunftAnfrage{Anfrage: kt1.Anfrage(), Kurskennung: kennung}
		resp, err := ingetest.TryApply(tb, st, mockstate.Caller{Benutzer: "auskunft", Traegernummer: kt1.Traegernummer}, req)
		if err != nil {
			return err
		}
		if r := resp.(*inge.KursauskunftAntwort); r.Status == inge.StatusVerarbeitet && r.Kurs != nil {
			ende = string(r.Kurs.Kursende)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("Kursauskunft in %s: %v", sb.Name, err)
	}
	return ende
}

// password returns a user's password as Login gives it to WS-Security.
func password(tb testing.TB, reg *sandbox.Registry, name string) (string, error) {
	tb.Helper()
	lease, err := reg.Login(context.Background(), name)
	if err != nil {
		return "", err
	}
	defer lease.Release()
	return lease.Zugang.Passwort, nil
}

func names(sbs []*sandbox.Sandbox) []string {
	var out []string
	for _, sb := range sbs {
		out = append(out, sb.Name)
	}
	return out
}

func TestCreate(t *testing.T) {
	reg := MustOpenRegistry(t, "")
	before := time.Now()
	sb := MustCreate(t, reg, "ci-17", user("ci17.kt1"), user("ci17.kt1b"))

	t.Run("OK", func(t *testing.T) {
		if sb.Name != "ci-17" || sb.Created.Before(before.Add(-time.Second)) {
			t.Errorf("sandbox = %s created %v; want ci-17 created now", sb.Name, sb.Created)
		}
		if got, err := reg.Get("ci-17"); err != nil || got != sb {
			t.Errorf("Get(ci-17) = %v, %v; want the created sandbox", got, err)
		}
		if got := names(reg.List()); len(got) != 2 || got[0] != "ci-17" || got[1] != sandbox.Standard {
			t.Errorf("List = %v; want [ci-17 standard]", got)
		}
		var users []mockstate.Benutzer
		_ = sb.Use(func(st *mockstate.Store) (err error) { users, err = st.Users(context.Background()); return err })
		if len(users) != 2 || users[0].Name != "ci17.kt1" || users[1].Name != "ci17.kt1b" {
			t.Errorf("users = %+v; want only its own two", users)
		}
	})
	t.Run("GetUnknown", func(t *testing.T) {
		if _, err := reg.Get("gibtsnicht"); !errors.Is(err, sandbox.ErrNotFound) {
			t.Errorf("Get(gibtsnicht) error = %v; want ErrNotFound", err)
		}
	})

	tests := []struct {
		name    string
		sandbox string
		users   []mockstate.Zugang
		want    error
	}{
		{"ErrBadNameUpperCase", "CI-17", []mockstate.Zugang{user("a")}, sandbox.ErrBadName},
		{"ErrBadNameSlash", "a/b", []mockstate.Zugang{user("a")}, sandbox.ErrBadName},
		{"ErrBadNameEmpty", "", []mockstate.Zugang{user("a")}, sandbox.ErrBadName},
		{"ErrBadNameHyphenFirst", "-a", []mockstate.Zugang{user("a")}, sandbox.ErrBadName},
		{"ErrBadNameTooLong", "a234567890123456789012345678901234567890x", []mockstate.Zugang{user("a")}, sandbox.ErrBadName},
		{"ErrBadNameStandard", sandbox.Standard, []mockstate.Zugang{user("a")}, sandbox.ErrBadName},
		{"ErrNoUsers", "leer", nil, sandbox.ErrNoUsers},
		{"ErrExists", "ci-17", []mockstate.Zugang{user("neu")}, sandbox.ErrExists},
		{"ErrUserTakenByStandard", "zwei", []mockstate.Zugang{{Name: kt1.Benutzer, Passwort: "x", Traegernummer: kt1.Traegernummer}}, sandbox.ErrUserTaken},
		{"ErrUserTakenByOther", "zwei", []mockstate.Zugang{user("ci17.kt1")}, sandbox.ErrUserTaken},
		{"ErrUserTwice", "zwei", []mockstate.Zugang{user("dup"), user("dup")}, sandbox.ErrUserTaken},
		{"ErrTraegerUnknown", "zwei", []mockstate.Zugang{{Name: "z", Passwort: "x", Traegernummer: "99999999"}}, mockstate.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := reg.Create(context.Background(), tt.sandbox, tt.users); !errors.Is(err, tt.want) {
				t.Errorf("Create(%q) error = %v; want %v", tt.sandbox, err, tt.want)
			}
		})
	}
	// Nothing of the failed creations is left: no sandbox, no file, no user.
	if got := names(reg.List()); len(got) != 2 {
		t.Errorf("List after failed creations = %v; want [ci-17 standard]", got)
	}
	std, _ := reg.Get(sandbox.Standard)
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(std.Path()), "*zwei*"))
	if len(matches) > 0 {
		t.Errorf("files left by failed creations: %v", matches)
	}
	if _, ok := reg.ForUser("z"); ok {
		t.Errorf("ForUser(z) found a user of a failed creation")
	}
}

func TestForUser(t *testing.T) {
	reg := MustOpenRegistry(t, "")
	a := MustCreate(t, reg, "a", user("a.kt1"))
	b := MustCreate(t, reg, "b", user("b.kt1"))
	std, _ := reg.Get(sandbox.Standard)
	for name, want := range map[string]*sandbox.Sandbox{"a.kt1": a, "b.kt1": b, kt1.Benutzer: std, "kt2.sachbearbeitung": std} {
		if got, ok := reg.ForUser(name); !ok || got != want {
			t.Errorf("ForUser(%s) = %v; want sandbox %s", name, got, want.Name)
		}
	}
	if _, ok := reg.ForUser("niemand"); ok {
		t.Errorf("ForUser(niemand) found a sandbox")
	}
	if pw, err := password(t, reg, "a.kt1"); err != nil || pw != "Geheim!a.kt1" {
		t.Errorf("Password(a.kt1) = %q, %v; want its own", pw, err)
	}
	if _, err := password(t, reg, "niemand"); !errors.Is(err, sandbox.ErrUnknownUser) {
		t.Errorf("Password(niemand) error = %v; want ErrUnknownUser", err)
	}

	t.Run("AddUser", func(t *testing.T) {
		if err := reg.AddUser(context.Background(), a, user("a.kt1b")); err != nil {
			t.Fatal(err)
		}
		if got, ok := reg.ForUser("a.kt1b"); !ok || got != a {
			t.Errorf("ForUser(a.kt1b) = %v; want a", got)
		}
	})
	t.Run("AddUserTakenElsewhere", func(t *testing.T) {
		for _, name := range []string{"b.kt1", kt1.Benutzer, "a.kt1"} {
			if err := reg.AddUser(context.Background(), a, user(name)); !errors.Is(err, sandbox.ErrUserTaken) {
				t.Errorf("AddUser(%s) error = %v; want ErrUserTaken", name, err)
			}
		}
		if got, _ := reg.ForUser("b.kt1"); got != b {
			t.Errorf("ForUser(b.kt1) = %v after a failed AddUser; want b", got)
		}
	})
	t.Run("AddUserTraegerUnknown", func(t *testing.T) {
		u := mockstate.Zugang{Name: "x", Passwort: "y", Traegernummer: "99999999"}
		if err := reg.AddUser(context.Background(), a, u); !errors.Is(err, mockstate.ErrNotFound) {
			t.Errorf("AddUser error = %v; want ErrNotFound", err)
		}
		if _, ok := reg.ForUser("x"); ok {
			t.Errorf("ForUser(x) found the user of a failed AddUser")
		}
	})
	t.Run("RemoveUser", func(t *testing.T) {
		if err := reg.RemoveUser(context.Background(), a, "a.kt1b"); err != nil {
			t.Fatal(err)
		}
		if _, ok := reg.ForUser("a.kt1b"); ok {
			t.Errorf("ForUser(a.kt1b) found a removed user")
		}
		if _, err := password(t, reg, "a.kt1b"); !errors.Is(err, sandbox.ErrUnknownUser) {
			t.Errorf("Password of a removed user: error = %v; want ErrUnknownUser", err)
		}
		// The name is free again, in another sandbox too.
		if err := reg.AddUser(context.Background(), b, user("a.kt1b")); err != nil {
			t.Errorf("AddUser of a freed name: %v", err)
		}
	})
	t.Run("RemoveUserOfOtherSandbox", func(t *testing.T) {
		if err := reg.RemoveUser(context.Background(), a, "b.kt1"); !errors.Is(err, mockstate.ErrNotFound) {
			t.Errorf("RemoveUser(a, b.kt1) error = %v; want ErrNotFound", err)
		}
		if got, _ := reg.ForUser("b.kt1"); got != b {
			t.Errorf("ForUser(b.kt1) = %v; want b untouched", got)
		}
	})
}

func TestReset(t *testing.T) {
	reg := MustOpenRegistry(t, "")
	a := MustCreate(t, reg, "a", user("a.kt1"))
	b := MustCreate(t, reg, "b", user("b.kt1"))
	std, _ := reg.Get(sandbox.Standard)
	if err := reg.AddUser(context.Background(), a, user("a.neu")); err != nil {
		t.Fatal(err)
	}
	inA := MustPlanKurs(t, a, "a.kt1", 100)
	inB := MustPlanKurs(t, b, "b.kt1", 200)
	inStd := MustPlanKurs(t, std, kt1.Benutzer, 300)
	a.SetFaults(sandbox.Faults{Outage: true, Latency: time.Second, FailNext: 3})
	b.SetFaults(sandbox.Faults{FailNext: 1})

	if err := reg.Reset(context.Background(), a); err != nil {
		t.Fatalf("Reset(a): %v", err)
	}
	if got := kursende(t, a, inA); got != "" {
		t.Errorf("Kursauskunft(%s) in a after reset: Kursende %s; want the course gone", inA, got)
	}
	if got := a.Faults(); !reflect.DeepEqual(got, sandbox.Faults{}) {
		t.Errorf("Faults of a after reset = %+v; want none", got)
	}
	for _, name := range []string{"a.kt1", "a.neu"} {
		if got, ok := reg.ForUser(name); !ok || got != a {
			t.Errorf("ForUser(%s) after reset = %v; want a", name, got)
		}
		if pw, err := password(t, reg, name); err != nil || pw != "Geheim!"+name {
			t.Errorf("Password(%s) after reset = %q, %v; want kept", name, pw, err)
		}
	}
	// The Testdatenpaket is back: a course can be planned at its Kursort.
	if k := MustPlanKurs(t, a, "a.kt1", 100); k != inA {
		t.Logf("first course after reset: %s (before: %s)", k, inA)
	}

	// Others are untouched.
	if got, want := kursende(t, b, inB), string(kursplanung(t, 200).Kursplanung.Kursende); got != want {
		t.Errorf("course of b after reset of a: Kursende %q; want %q", got, want)
	}
	if got, want := kursende(t, std, inStd), string(kursplanung(t, 300).Kursplanung.Kursende); got != want {
		t.Errorf("course of standard after reset of a: Kursende %q; want %q", got, want)
	}
	if b.Faults().FailNext != 1 {
		t.Errorf("faults of b after reset of a = %+v; want kept", b.Faults())
	}

	t.Run("Standard", func(t *testing.T) {
		if err := reg.RemoveUser(context.Background(), std, "kt1.leitung"); err != nil {
			t.Fatal(err)
		}
		if err := reg.Reset(context.Background(), std); err != nil {
			t.Fatalf("Reset(standard): %v", err)
		}
		if got := kursende(t, std, inStd); got != "" {
			t.Errorf("course of standard after its reset: Kursende %s; want gone", got)
		}
		if pw, err := password(t, reg, kt1.Benutzer); err != nil || pw != kt1.Passwort {
			t.Errorf("Password(%s) after reset = %q, %v; want the package's", kt1.Benutzer, pw, err)
		}
		// A removed user stays removed; the routing agrees with the store.
		if _, ok := reg.ForUser("kt1.leitung"); ok {
			t.Errorf("ForUser(kt1.leitung) after reset: found; want removed")
		}
		if _, err := password(t, reg, "kt1.leitung"); !errors.Is(err, sandbox.ErrUnknownUser) {
			t.Errorf("Password(kt1.leitung) after reset: error = %v; want ErrUnknownUser", err)
		}
	})
	t.Run("NoUsersLeft", func(t *testing.T) {
		c := MustCreate(t, reg, "c", user("c.kt1"))
		if err := reg.RemoveUser(context.Background(), c, "c.kt1"); err != nil {
			t.Fatal(err)
		}
		if err := reg.Reset(context.Background(), c); err != nil {
			t.Fatalf("Reset(c): %v", err)
		}
		var users []mockstate.Benutzer
		_ = c.Use(func(st *mockstate.Store) (err error) { users, err = st.Users(context.Background()); return err })
		if len(users) != 0 {
			t.Errorf("users of c after reset = %+v; want none (not the package's)", users)
		}
	})
}

func TestRemove(t *testing.T) {
	reg := MustOpenRegistry(t, "")
	a := MustCreate(t, reg, "a", user("a.kt1"))
	MustPlanKurs(t, a, "a.kt1", 100) // the WAL has content
	path := a.Path()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database of a: %v", err)
	}
	if err := reg.Remove(context.Background(), a); err != nil {
		t.Fatalf("Remove(a): %v", err)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s after Remove: %v; want it deleted", filepath.Base(f), err)
		}
	}
	if _, err := reg.Get("a"); !errors.Is(err, sandbox.ErrNotFound) {
		t.Errorf("Get(a) after Remove: error = %v; want ErrNotFound", err)
	}
	if _, ok := reg.ForUser("a.kt1"); ok {
		t.Errorf("ForUser(a.kt1) after Remove: found")
	}
	if err := a.Use(func(*mockstate.Store) error { return nil }); !errors.Is(err, sandbox.ErrNotFound) {
		t.Errorf("Use after Remove: error = %v; want ErrNotFound", err)
	}
	if err := reg.Remove(context.Background(), a); err != nil {
		t.Errorf("second Remove: %v; want nil", err)
	}
	// The name and the user are free again, with a fresh database.
	again := MustCreate(t, reg, "a", user("a.kt1"))
	if got := kursende(t, again, "K000000001"); got != "" {
		t.Errorf("the new sandbox a knows a course of the removed one")
	}

	t.Run("ErrIsStandard", func(t *testing.T) {
		std, _ := reg.Get(sandbox.Standard)
		if err := reg.Remove(context.Background(), std); !errors.Is(err, sandbox.ErrIsStandard) {
			t.Errorf("Remove(standard) error = %v; want ErrIsStandard", err)
		}
		if _, ok := reg.ForUser(kt1.Benutzer); !ok {
			t.Errorf("ForUser(%s) after a refused Remove: not found", kt1.Benutzer)
		}
	})
}

// A file-backed registry opens its sandboxes again after a restart, with
// their users and their data.
func TestOpen_Restart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mockinge.db")
	reg := MustOpenRegistry(t, path)
	a := MustCreate(t, reg, "ci-17", user("ci17.kt1"))
	if err := reg.AddUser(context.Background(), a, user("ci17.neu")); err != nil {
		t.Fatal(err)
	}
	kennung := MustPlanKurs(t, a, "ci17.kt1", 100)
	created := a.Created
	if err := reg.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "mockinge.sandbox-ci-17.db")); err != nil {
		t.Fatalf("the sandbox's file: %v", err)
	}

	reg = MustOpenRegistry(t, path)
	if got := names(reg.List()); len(got) != 2 || got[0] != "ci-17" {
		t.Fatalf("List after restart = %v; want [ci-17 standard]", got)
	}
	a, _ = reg.Get("ci-17")
	if a.Created.IsZero() || a.Created.Before(created.Add(-time.Minute)) {
		t.Errorf("Created after restart = %v; want about %v", a.Created, created)
	}
	for _, name := range []string{"ci17.kt1", "ci17.neu"} {
		if got, ok := reg.ForUser(name); !ok || got != a {
			t.Errorf("ForUser(%s) after restart = %v; want ci-17", name, got)
		}
	}
	var users []mockstate.Benutzer
	_ = a.Use(func(st *mockstate.Store) (err error) { users, err = st.Users(context.Background()); return err })
	if len(users) != 2 {
		t.Errorf("users of ci-17 after restart = %+v; want only its own two", users)
	}
	if got, ok := reg.ForUser(kt1.Benutzer); !ok || got.Name != sandbox.Standard {
		t.Errorf("ForUser(%s) after restart = %v; want standard", kt1.Benutzer, got)
	}
	if got := kursende(t, a, kennung); got == "" {
		t.Errorf("course %s of ci-17 after restart: gone; want kept", kennung)
	}
}

func TestOpen_Memory(t *testing.T) {
	reg := MustOpenRegistry(t, mockstate.MemoryPath)
	a := MustCreate(t, reg, "a", user("a.kt1"))
	b := MustCreate(t, reg, "b", user("b.kt1"))
	k := MustPlanKurs(t, a, "a.kt1", 100)
	if got := kursende(t, a, k); got == "" {
		t.Errorf("course in a: not found")
	}
	if got := kursende(t, b, k); got != "" {
		t.Errorf("course %s of a seen in b", k)
	}
	if err := reg.Reset(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if got := kursende(t, a, k); got != "" {
		t.Errorf("course in a after reset: still there")
	}
	if pw, err := password(t, reg, "a.kt1"); err != nil || pw != "Geheim!a.kt1" {
		t.Errorf("Password(a.kt1) after reset = %q, %v", pw, err)
	}
	if err := reg.Remove(context.Background(), b); err != nil {
		t.Errorf("Remove(b): %v", err)
	}
	if files, _ := filepath.Glob("*.sandbox-*"); len(files) > 0 {
		t.Errorf("an in-memory registry wrote files: %v", files)
	}
}

func TestFaults(t *testing.T) {
	reg := MustOpenRegistry(t, mockstate.MemoryPath)
	sb, _ := reg.Get(sandbox.Standard)
	if f := sb.Faults(); !reflect.DeepEqual(f, sandbox.Faults{}) {
		t.Errorf("Faults = %+v; want none at start", f)
	}
	if old := sb.SetFaults(sandbox.Faults{FailNext: 2, Latency: time.Millisecond}); !reflect.DeepEqual(old, sandbox.Faults{}) {
		t.Errorf("SetFaults returned %+v; want the previous (none)", old)
	}
	for i, want := range []bool{true, true, false, false} {
		if got := sb.TakeFailure(); got != want {
			t.Errorf("TakeFailure #%d = %v; want %v", i+1, got, want)
		}
	}
	if f := sb.Faults(); f.FailNext != 0 || f.Latency != time.Millisecond {
		t.Errorf("Faults after counting down = %+v; want FailNext 0, the latency kept", f)
	}
}

// Requests use a sandbox while it is reset; run with -race.
func TestUse_DuringReset(t *testing.T) {
	reg := MustOpenRegistry(t, "")
	a := MustCreate(t, reg, "a", user("a.kt1"))
	ctx := context.Background()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 8)
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				err := a.Use(func(st *mockstate.Store) error {
					_, err := st.Zugang(ctx, "a.kt1")
					return err
				})
				if err != nil {
					errs <- err
					return
				}
				if _, err := password(t, reg, "a.kt1"); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for range 5 {
		if err := reg.Reset(ctx, a); err != nil {
			t.Errorf("Reset: %v", err)
		}
		a.SetFaults(sandbox.Faults{FailNext: 1})
		a.TakeFailure()
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Use during Reset: %v", err)
	}
}

// Creations of one name at once: one wins, and its database survives the
// others' failures.
func TestCreate_Concurrent(t *testing.T) {
	reg := MustOpenRegistry(t, "")
	const n = 6
	var wg sync.WaitGroup
	results := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			_, err := reg.Create(context.Background(), "gleich", []mockstate.Zugang{user("g" + string(rune('a'+i)))})
			results <- err
		})
	}
	wg.Wait()
	close(results)
	won := 0
	for err := range results {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, sandbox.ErrExists):
			t.Errorf("Create: %v; want nil or ErrExists", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d creations won; want 1", won)
	}
	sb, err := reg.Get("gleich")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sb.Path()); err != nil {
		t.Errorf("database of the winner: %v", err)
	}
	if k := MustPlanKurs(t, sb, "x", 100); kursende(t, sb, k) == "" {
		t.Errorf("the winner's store does not keep a course")
	}
}

// A targeted outage meets an element whose whole text is its datum, no
// more often than it says, and is gone when used up.
func TestTargetedOutage(t *testing.T) {
	for _, tt := range []struct {
		body string
		want bool
	}{
		{`<Aktenzeichen Art="BAMF">5010101-475</Aktenzeichen>`, true},
		{`<Kursort>5010101-475</Kursort>`, true},
		{`<Aktenzeichen Art="BAMF">5010101-4750</Aktenzeichen>`, false},
		{`<Aktenzeichen Art="BAMF">15010101-475</Aktenzeichen>`, false},
		{`<Vermerk>5010101-475 und mehr</Vermerk>`, false},
		{`<Aktenzeichen Art="5010101-475">x</Aktenzeichen>`, false},
	} {
		if got := (sandbox.TargetedOutage{Datum: "5010101-475", Requests: 1}).Meets([]byte(tt.body)); got != tt.want {
			t.Errorf("Meets(%s) = %v; want %v", tt.body, got, tt.want)
		}
	}
	sb := &sandbox.Sandbox{}
	sb.SetFaults(sandbox.Faults{Targeted: []sandbox.TargetedOutage{{Datum: "A", Requests: 2}, {Datum: "B", Requests: 1}}})
	steps := []struct {
		body        string
		met, ended  bool
		leftTargets int
	}{
		{"<x>C</x>", false, false, 2},
		{"<x>A</x>", true, false, 2},
		{"<x>B</x>", true, true, 1},
		{"<x>B</x>", false, false, 1},
		{"<x>A</x>", true, true, 0},
		{"<x>A</x>", false, false, 0},
	}
	for i, st := range steps {
		met, ended := sb.TakeTargetedOutage([]byte(st.body))
		if met != st.met || ended != st.ended || len(sb.Faults().Targeted) != st.leftTargets {
			t.Errorf("step %d (%s): met %v, ended %v, %d left; want %v, %v, %d", i, st.body, met, ended, len(sb.Faults().Targeted), st.met, st.ended, st.leftTargets)
		}
	}
}
