package sandbox_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// Issue 14, item 1: a damaged sandbox file is reported, and every other
// sandbox serves: the mock starts.
func TestOpen_DamagedFileReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mockinge.db")
	reg := MustOpenRegistry(t, path)
	MustCreate(t, reg, "kaputt", user("ka.kt1"))
	heil := MustCreate(t, reg, "heil", user("he.kt1"))
	kennung := MustPlanKurs(t, heil, "he.kt1", 100)
	if err := reg.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(filepath.Dir(path), "mockinge.sandbox-kaputt.db")
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(file, info.Size()/2+100); err != nil {
		t.Fatal(err)
	}

	reg, err = sandbox.Open(context.Background(), path, harness.Testdatenpaket())
	if err != nil {
		t.Fatalf("Open with a truncated sandbox file: %v; want the mock to start", err)
	}
	t.Cleanup(func() { reg.Close() })
	kaputt, err := reg.Get("kaputt")
	if err != nil {
		t.Fatalf("Get(kaputt): %v; want it listed", err)
	}
	if err := kaputt.Damaged(); !errors.Is(err, sandbox.ErrDamaged) {
		t.Errorf("Damaged() = %v; want ErrDamaged", err)
	}
	if _, err := reg.Login(context.Background(), "ka.kt1"); !errors.Is(err, sandbox.ErrDamaged) {
		t.Errorf("Login of its user: %v; want ErrDamaged", err)
	}
	heil, _ = reg.Get("heil")
	if got := kursende(t, heil, kennung); got == "" {
		t.Errorf("course %s of the other sandbox: gone; want it served", kennung)
	}
	// A reset builds it anew with its users.
	if err := reg.Reset(context.Background(), kaputt); err != nil {
		t.Fatalf("Reset of the damaged sandbox: %v", err)
	}
	if err := kaputt.Damaged(); err != nil {
		t.Errorf("Damaged() after the reset = %v; want nil", err)
	}
	if pw, err := password(t, reg, "ka.kt1"); err != nil || pw != "Geheim!ka.kt1" {
		t.Errorf("its user after the reset: %q, %v", pw, err)
	}
}

// Issue 14, item 1: a creation that a crash interrupted leaves nothing: its
// file is built under a temporary name, which the next start removes.
func TestCreate_UnfinishedFileRemoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mockinge.db")
	reg := MustOpenRegistry(t, path)
	MustCreate(t, reg, "fertig", user("fe.kt1"))
	if err := reg.Close(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	// What a creation killed before its rename leaves: the finished
	// sandbox's file copied under a temporary name of another sandbox.
	data, err := os.ReadFile(filepath.Join(dir, "mockinge.sandbox-fertig.db"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "mockinge.sandbox-halb.db.tmp-0123456789ab")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	reg = MustOpenRegistry(t, path)
	if got := names(reg.List()); strings.Join(got, ",") != "fertig,standard" {
		t.Errorf("List after the interrupted creation = %v; want [fertig standard]", got)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("the unfinished file is still there: %v", err)
	}
}

// Issue 14, item 1: after a reset the Kurskennungen go on: none is handed
// out twice, and the journal starts empty.
func TestReset_NumbersContinue(t *testing.T) {
	reg := MustOpenRegistry(t, "")
	a := MustCreate(t, reg, "a", user("a.kt1"))
	before := MustPlanKurs(t, a, "a.kt1", 100)
	_ = a.Use(func(st *mockstate.Store) error {
		_, err := st.AppendJournal(context.Background(), mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: "abgelehnt"})
		return err
	})
	if err := reg.Reset(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if after := MustPlanKurs(t, a, "a.kt1", 100); after <= before {
		t.Errorf("first Kurskennung after the reset = %s, before it %s; want a later one", after, before)
	}
	var n int
	_ = a.Use(func(st *mockstate.Store) error {
		es, err := st.Journal(context.Background(), mockstate.Filter{})
		n = len(es)
		return err
	})
	if n != 0 {
		t.Errorf("journal after the reset has %d entries; want 0", n)
	}
}

// Issue 14, item 3: the number of sandboxes is bounded.
func TestCreate_Limit(t *testing.T) {
	reg, err := sandbox.OpenConfig(context.Background(), sandbox.Config{DB: filepath.Join(t.TempDir(), "m.db"), Testdaten: harness.Testdatenpaket(), MaxSandboxes: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	MustCreate(t, reg, "eins", user("e.kt1"))
	MustCreate(t, reg, "zwei", user("z.kt1"))
	if _, err := reg.Create(context.Background(), "drei", []mockstate.Zugang{user("d.kt1")}); !errors.Is(err, sandbox.ErrTooMany) {
		t.Errorf("a fourth sandbox with MaxSandboxes 3: %v; want ErrTooMany", err)
	}
}

// Issue 14, item 3: sandboxes are opened when they are first used, not at
// start, and idle ones are closed when too many are open.
func TestOpen_LazyAndBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mockinge.db")
	reg := MustOpenRegistry(t, path)
	for i := range 6 {
		MustCreate(t, reg, fmt.Sprintf("s%d", i), user(fmt.Sprintf("s%d.kt1", i)))
	}
	if err := reg.Close(); err != nil {
		t.Fatal(err)
	}
	reg, err := sandbox.OpenConfig(context.Background(), sandbox.Config{DB: path, Testdaten: harness.Testdatenpaket(), MaxOpen: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	if n := reg.OpenStores(); n != 1 {
		t.Errorf("stores open after start = %d; want 1 (the standard sandbox)", n)
	}
	for i := range 6 {
		l, err := reg.Login(context.Background(), fmt.Sprintf("s%d.kt1", i))
		if err != nil {
			t.Fatalf("Login s%d: %v", i, err)
		}
		l.Release()
		if n := reg.OpenStores(); n > 3 {
			t.Errorf("stores open after using s%d = %d; want at most 3", i, n)
		}
	}
}
