package certrun_test

import (
	"path/filepath"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// TestFeatures runs the whole test concept against a local mock, as many
// scenarios at once as there are CPUs, each in its own sandbox; every
// scenario is a subtest. No sandbox is left behind.
func TestFeatures(t *testing.T) {
	mock := mustStartMock(t)
	res, err := certrun.Run(t.Context(), certrun.Config{Endpoint: mock.Endpoint(), Admin: mock.AdminURL, TestingT: t, Format: "progress"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Errorf("Result = %d passed, %d failed %v; want all passed", res.Passed, res.Failed, res.FailedNames)
	}
	if !res.Sandboxes {
		t.Errorf("Result.Sandboxes = false; want a sandbox per scenario")
	}
	for _, sb := range mock.Sandboxes.List() {
		if sb.Name != sandbox.Standard {
			t.Errorf("sandbox %s is left after the run", sb.Name)
		}
	}
}

// mustStartMock starts mockinge with its admin API on loopback ports and a
// database in a temporary directory, closed at the end of the test.
func mustStartMock(tb testing.TB, opts ...func(*mockserver.Config)) *mockserver.Local {
	tb.Helper()
	cfg := mockserver.Config{AdminAddr: "127.0.0.1:0"}
	for _, o := range opts {
		o(&cfg)
	}
	mock, err := mockserver.StartLocal(tb.Context(), "127.0.0.1:0", filepath.Join(tb.TempDir(), "mockinge.db"), harness.Testdatenpaket(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := mock.Close(); err != nil {
			tb.Errorf("close mock: %v", err)
		}
	})
	return mock
}
