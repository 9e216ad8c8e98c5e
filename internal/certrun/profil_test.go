package certrun_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// gegenprofil is the counter-profile, which differs from our contract
// wherever a profile can.
func gegenprofil(tb testing.TB) *profil.Profil {
	tb.Helper()
	p, err := profil.Load(filepath.Join("..", "..", "testdata", "gegenprofil"))
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestFeaturesGegenprofil runs the whole test concept through the
// counter-profile: every scenario's sandbox speaks it, the client writes
// and reads its names, and every scenario passes as it does on our
// contract.
func TestFeaturesGegenprofil(t *testing.T) {
	p := gegenprofil(t)
	mock := mustStartMock(t, func(c *mockserver.Config) { c.Profile = map[string]*profil.Profil{p.Name: p} })
	res, err := certrun.Run(t.Context(), certrun.Config{Endpoint: mock.Endpoint(), Admin: mock.AdminURL, TestingT: t, Format: "progress", Profil: p})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Errorf("Result = %d passed, %d failed %v; want all passed", res.Passed, res.Failed, res.FailedNames)
	}
}

// A run through a profile the mock has not loaded, or has loaded in
// another version, stops before any scenario.
func TestProfilPreflight(t *testing.T) {
	p := gegenprofil(t)
	mock := mustStartMock(t)
	_, err := certrun.Run(t.Context(), certrun.Config{Endpoint: mock.Endpoint(), Admin: mock.AdminURL, Profil: p})
	if err == nil || !strings.Contains(err.Error(), "das Profil gegenprofil") || !strings.Contains(err.Error(), "mockinge -profil") {
		t.Errorf("Run against a mock without the profile = %v", err)
	}
	other := *p
	other.Digest = strings.Repeat("0", 64)
	withProfile := mustStartMock(t, func(c *mockserver.Config) { c.Profile = map[string]*profil.Profil{p.Name: &other} })
	_, err = certrun.Run(t.Context(), certrun.Config{Endpoint: withProfile.Endpoint(), Admin: withProfile.AdminURL, Profil: p})
	if err == nil || !strings.Contains(err.Error(), "in einer anderen Fassung") {
		t.Errorf("Run against another version = %v", err)
	}
}
