package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// A user removed from its store is removed, also when the index cannot
// record it: RemoveUser reports success, the registry forgets the user at
// once, the name can be given again while the index still holds it, and
// after a restart the index is brought in line with the store.
func TestRemoveUserWhileTheIndexFails(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "mockinge.db")
	reg, err := Open(ctx, path, harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { reg.Close() }()
	zugang := func(name string) mockstate.Zugang {
		return mockstate.Zugang{Name: name, Passwort: "Geheim!" + name, Traegernummer: "10000001"}
	}
	a, err := reg.Create(ctx, "a", []mockstate.Zugang{zugang("a.eins"), zugang("a.zwei"), zugang("a.drei")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := reg.Create(ctx, "b", []mockstate.Zugang{zugang("b.eins")})
	if err != nil {
		t.Fatal(err)
	}
	inStore := func(sb *Sandbox, name string) bool {
		t.Helper()
		var found bool
		if err := sb.Use(func(st *mockstate.Store) error {
			_, err := st.Zugang(ctx, name)
			found = err == nil
			if errors.Is(err, mockstate.ErrNotFound) {
				err = nil
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return found
	}

	// The index fails, as on a full disk.
	working := reg.index.db
	broken, err := sql.Open("sqlite3", "file:"+filepath.Join(t.TempDir(), "kaputt.db"))
	if err != nil {
		t.Fatal(err)
	}
	broken.Close()
	reg.index.db = broken
	if err := reg.RemoveUser(ctx, a, "a.zwei"); err != nil {
		t.Fatalf("RemoveUser while the index fails: %v; want nil, the store has removed the user", err)
	}
	if err := reg.RemoveUser(ctx, a, "a.drei"); err != nil {
		t.Fatalf("RemoveUser while the index fails: %v", err)
	}
	reg.index.db = working
	if inStore(a, "a.zwei") {
		t.Error("a.zwei is still in the store of a")
	}
	if _, ok := reg.ForUser("a.zwei"); ok {
		t.Error("ForUser(a.zwei) still finds the removed user")
	}
	// The index still holds a.drei; the name is free and can be given.
	if err := reg.AddUser(ctx, b, zugang("a.drei")); err != nil {
		t.Fatalf("AddUser(b, a.drei) while the index still holds the name: %v", err)
	}

	if err := reg.Close(); err != nil {
		t.Fatal(err)
	}
	if reg, err = Open(ctx, path, harness.Testdatenpaket()); err != nil {
		t.Fatal(err)
	}
	a, _ = reg.Get("a")
	b, _ = reg.Get("b")
	if _, err := reg.Login(ctx, "a.zwei"); !errors.Is(err, ErrUnknownUser) {
		t.Errorf("Login(a.zwei) after a restart: %v; want ErrUnknownUser", err)
	}
	if _, ok := reg.ForUser("a.zwei"); ok {
		t.Error("ForUser(a.zwei) after a restart finds the removed user")
	}
	if got, ok := reg.ForUser("a.drei"); !ok || got != b {
		t.Errorf("ForUser(a.drei) after a restart = %v, %v; want b", got, ok)
	}
	if !inStore(b, "a.drei") || inStore(a, "a.drei") {
		t.Error("a.drei is not the user of b alone")
	}
	if _, ok := reg.ForUser("a.eins"); !ok || !inStore(a, "a.eins") {
		t.Error("a.eins, never removed, is gone")
	}
}
