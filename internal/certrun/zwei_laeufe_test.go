package certrun_test

import (
	"path/filepath"
	"sync"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// TestTwoRunsShareOneMock runs the whole test concept twice at the same time
// against one mock, as two CI jobs would: each scenario of each run works in
// a sandbox of its own, so both runs pass, and no sandbox is left behind.
func TestTwoRunsShareOneMock(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole test concept twice")
	}
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "zwei.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	var wg sync.WaitGroup
	results := make([]certrun.Result, 2)
	errs := make([]error, 2)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = certrun.Run(t.Context(), certrun.Config{Endpoint: mock.Endpoint(), Admin: mock.AdminURL, Format: "progress"})
		}()
	}
	wg.Wait()
	for i := range results {
		if errs[i] != nil || !results[i].OK() {
			t.Errorf("run %d: %v, %d passed, %d failed %v", i+1, errs[i], results[i].Passed, results[i].Failed, results[i].FailedNames)
		}
	}
	if results[0].Passed != results[1].Passed {
		t.Errorf("the runs passed %d and %d scenarios; want the same", results[0].Passed, results[1].Passed)
	}
	if left := mock.Sandboxes.List(); len(left) != 1 {
		t.Errorf("%d sandboxes after both runs; want only the standard sandbox", len(left))
	}
}
