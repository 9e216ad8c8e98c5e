package mockserver_test

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Issue 14, item 3: each sandbox's journal keeps its newest entries only,
// and the pruning is logged.
func TestBounds_JournalRetention(t *testing.T) {
	var logs logBuffer
	mock := mustStartAdminConfig(t, mockserver.Config{Retention: mockstate.Retention{MaxEintraege: 10}, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	for range 25 {
		if code, err := auskunft(t.Context(), c); code != "" || err != nil {
			t.Fatalf("Kursauskunft: %q %v", code, err)
		}
	}
	journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/standard/journal", "", http.StatusOK)
	if len(journal) != 10 || journal[0].ID != 25 {
		t.Errorf("journal after 25 exchanges with MaxEintraege 10: %d entries, newest %d; want the newest 10", len(journal), journal[0].ID)
	}
	if !strings.Contains(logs.String(), "journal pruned") || !strings.Contains(logs.String(), "sandbox=standard") {
		t.Errorf("the pruning is not logged:\n%s", logs.String())
	}
}

// Issue 14, item 3: the number of sandboxes is bounded, with a clear
// answer of the admin API.
func TestBounds_SandboxLimit(t *testing.T) {
	mock := mustStartAdminConfig(t, mockserver.Config{MaxSandboxes: 3})
	mustCreateSandbox(t, mock, "eins", "e.kt1")
	mustCreateSandbox(t, mock, "zwei", "z.kt1")
	r := adminDo(t, http.MethodPost, mock.AdminURL+"/sandboxes", `{"name": "drei", "benutzer": [{"name": "d.kt1", "passwort": "x", "traegernummer": "10000001"}]}`)
	if r.status != http.StatusConflict || !strings.Contains(string(r.body), "-max-sandboxen") {
		t.Errorf("a fourth sandbox with -max-sandboxen 3: Status %d\n%s\nwant 409 naming the limit", r.status, r.body)
	}
	adminDo(t, http.MethodDelete, mock.AdminURL+"/sandboxes/eins", "")
	mustCreateSandbox(t, mock, "drei", "d.kt1")
}
