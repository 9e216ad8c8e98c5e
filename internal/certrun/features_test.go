package certrun_test

import (
	"path/filepath"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// TestFeatures runs the whole test concept against a local mock; every
// scenario is a subtest.
func TestFeatures(t *testing.T) {
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "mockinge.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := mock.Close(); err != nil {
			t.Errorf("close mock: %v", err)
		}
	})
	res, err := certrun.Run(certrun.Config{Endpoint: mock.Endpoint(), Admin: mock.AdminURL, TestingT: t, Format: "progress"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Errorf("Result = %d passed, %d failed %v; want all passed", res.Passed, res.Failed, res.FailedNames)
	}
}
