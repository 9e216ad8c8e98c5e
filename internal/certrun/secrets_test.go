package certrun_test

import (
	"bytes"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// syncBuffer is a bytes.Buffer that the server's goroutines may log into.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) Bytes() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]byte(nil), s.b.Bytes()...)
}

// TestNoPasswordLeaks runs the whole test concept twice, once in a sandbox
// per scenario and once in the standard sandbox (whose journal stays), with
// reports, and scans the mock's log, the journal and every report for the
// password of every test user: none may appear, though the scenarios send
// passwords as PasswordText too.
func TestNoPasswordLeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole test concept twice")
	}
	var logs syncBuffer
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "s.db"), harness.Testdatenpaket(),
		mockserver.Config{AdminAddr: "127.0.0.1:0", Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	reports := t.TempDir()
	for _, run := range []struct{ dir, sandbox string }{{"je-szenario", ""}, {"standard", "standard"}} {
		res, err := certrun.Run(t.Context(), certrun.Config{
			Endpoint: mock.Endpoint(), Admin: mock.AdminURL, Sandbox: run.sandbox,
			Report: filepath.Join(reports, run.dir), Format: "progress",
		})
		if err != nil || !res.OK() {
			t.Fatalf("run %s: %v, %d passed, %d failed %v", run.dir, err, res.Passed, res.Failed, res.FailedNames)
		}
	}

	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	var secrets []string
	for _, tr := range paket.Traeger {
		for _, b := range tr.Benutzer {
			secrets = append(secrets, b.Passwort)
		}
	}
	scan := func(where string, data []byte) {
		for _, pw := range secrets {
			if bytes.Contains(data, []byte(pw)) {
				t.Errorf("%s contains the password of a test user (%q)", where, pw)
			}
		}
	}
	scan("the log", logs.Bytes())
	entries, err := mock.Standard().Journal(t.Context(), mockstate.Filter{})
	if err != nil || len(entries) == 0 {
		t.Fatalf("journal of the standard sandbox: %d entries, %v", len(entries), err)
	}
	for _, e := range entries {
		scan("journal entry "+e.Operation, append(append([]byte(nil), e.Anfrage...), e.Antwort...))
	}
	files := 0
	err = filepath.WalkDir(reports, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		scan(path, data)
		return nil
	})
	if err != nil || files < 6 {
		t.Fatalf("reports: %d files, %v; want junit.xml, cucumber.json and protokoll.html of both runs", files, err)
	}
}
