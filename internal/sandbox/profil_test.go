package sandbox_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// A sandbox speaks the profile it was made with, after a reset and after
// a restart; the standard sandbox and one made without speak ours.
func TestCreateProfiled(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "mockinge.db")
	reg := MustOpenRegistry(t, path)
	sb, err := reg.CreateProfiled(ctx, "bamf", "gegenprofil", nil)
	if err == nil {
		t.Fatal("a profiled sandbox without users was made")
	}
	if sb, err = reg.CreateProfiled(ctx, "bamf", "gegenprofil", []mockstate.Zugang{user("bamf.kt1")}); err != nil {
		t.Fatal(err)
	}
	plain := MustCreate(t, reg, "unsere", user("unsere.kt1"))
	if err := reg.Reset(ctx, sb); err != nil {
		t.Fatal(err)
	}
	std, _ := reg.Get(sandbox.Standard)
	if sb.Profil != "gegenprofil" || plain.Profil != "" || std.Profil != "" {
		t.Errorf("Profil: bamf %q, unsere %q, standard %q", sb.Profil, plain.Profil, std.Profil)
	}
	if err := reg.Close(); err != nil {
		t.Fatal(err)
	}
	reg = MustOpenRegistry(t, path)
	for name, want := range map[string]string{"bamf": "gegenprofil", "unsere": "", sandbox.Standard: ""} {
		sb, err := reg.Get(name)
		if err != nil || sb.Profil != want {
			t.Errorf("after the restart, %s speaks %q (%v); want %q", name, sb.Profil, err, want)
		}
	}
}
