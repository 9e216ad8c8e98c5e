package mockserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// The answers of the admin API, decoded strictly: a key the contract does
// not name (a password, say) fails the test.
type (
	sandboxReply struct {
		Name     string          `json:"name"`
		Erstellt time.Time       `json:"erstellt"`
		Benutzer []benutzerReply `json:"benutzer"`
	}
	benutzerReply struct {
		Name          string `json:"name"`
		Traegernummer string `json:"traegernummer"`
	}
	fehlerReply struct {
		Fehler string `json:"fehler"`
	}
)

// mustAdmin sends an admin request that must be answered with status want,
// and decodes the JSON answer strictly into a T.
func mustAdmin[T any](tb testing.TB, method, url, body string, want int) T {
	tb.Helper()
	r := adminDo(tb, method, url, body)
	if r.status != want {
		tb.Fatalf("%s %s %s: Status = %d; want %d\n%s", method, url, body, r.status, want, r.body)
	}
	if !strings.HasPrefix(r.contentType, "application/json") {
		tb.Errorf("%s %s: Content-Type = %q; want application/json", method, url, r.contentType)
	}
	var v T
	dec := json.NewDecoder(bytes.NewReader(r.body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		tb.Fatalf("%s %s: body %s: %v", method, url, r.body, err)
	}
	return v
}

// mustNoContent sends an admin request that must be answered 204 without
// a body.
func mustNoContent(tb testing.TB, method, url string) {
	tb.Helper()
	r := adminDo(tb, method, url, "")
	if r.status != http.StatusNoContent || len(r.body) != 0 {
		tb.Fatalf("%s %s: Status = %d, body %q; want %d and none", method, url, r.status, r.body, http.StatusNoContent)
	}
}

// isFehler checks an error answer: its status, and that its German text
// contains want.
func isFehler(tb testing.TB, r adminReply, status int, want string) {
	tb.Helper()
	if r.status != status {
		tb.Errorf("Status = %d; want %d\n%s", r.status, status, r.body)
	}
	if !strings.HasPrefix(r.contentType, "application/json") {
		tb.Errorf("Content-Type = %q; want application/json", r.contentType)
	}
	var f fehlerReply
	dec := json.NewDecoder(bytes.NewReader(r.body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil || !strings.Contains(f.Fehler, want) {
		tb.Errorf("body = %s; want {\"fehler\": ...%s...}", r.body, want)
	}
}

// sandboxPassword is the password mustCreateSandbox gives a user.
func sandboxPassword(user string) string { return "Geheim!" + user }

// mustCreateSandbox creates a sandbox over the admin API with users of
// Traeger 10000001, each with password sandboxPassword(user).
func mustCreateSandbox(tb testing.TB, mock *mockserver.Local, name string, users ...string) sandboxReply {
	tb.Helper()
	type zugang struct {
		Name          string `json:"name"`
		Passwort      string `json:"passwort"`
		Traegernummer string `json:"traegernummer"`
	}
	body := struct {
		Name     string   `json:"name"`
		Benutzer []zugang `json:"benutzer"`
	}{Name: name}
	for _, u := range users {
		body.Benutzer = append(body.Benutzer, zugang{u, sandboxPassword(u), traeger1})
	}
	b, _ := json.Marshal(body)
	return mustAdmin[sandboxReply](tb, http.MethodPost, mock.AdminURL+"/sandboxes", string(b), http.StatusCreated)
}

// sandboxClient is an inge.Client for a user made by mustCreateSandbox.
func sandboxClient(mock *mockserver.Local, user string) *inge.Client {
	return NewClient(mock, user, sandboxPassword(user), wsse.PasswordDigest)
}

// kursauskunft asks for a course; it returns the course, or nil when the
// answer is abgelehnt.
func kursauskunft(tb testing.TB, c *inge.Client, kennung string) *inge.Kursdaten {
	tb.Helper()
	var resp inge.KursauskunftAntwort
	req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: kennung}
	if err := c.Call(tb.Context(), inge.Kursauskunft.Procedure(), req, &resp); err != nil {
		tb.Fatalf("Kursauskunft %s: %v", kennung, err)
	}
	if resp.Status == inge.StatusAbgelehnt {
		return nil
	}
	if resp.Status != inge.StatusVerarbeitet || resp.Kurs == nil {
		tb.Fatalf("Kursauskunft %s: Status %s, Kurs %v; want verarbeitet with the course, or abgelehnt", kennung, resp.Status, resp.Kurs)
	}
	return resp.Kurs
}

// mustPlan stores kp1Plan, with the given Kursende offset in days, and
// returns the Kurskennung.
func mustPlan(tb testing.TB, c *inge.Client, days int) string {
	tb.Helper()
	req := kp1Plan(traeger1)
	req.Kursplanung.Kursende = inge.DatumOf(time.Now().AddDate(0, 0, 60+days))
	var resp inge.KursplanungErfassenAntwort
	if err := c.Call(tb.Context(), inge.KursplanungErfassen.Procedure(), req, &resp); err != nil {
		tb.Fatalf("KursplanungErfassen: %v", err)
	}
	if resp.Status != inge.StatusVerarbeitet || resp.Kurskennung == "" {
		tb.Fatalf("KursplanungErfassen: Status %s, Kurskennung %q; want verarbeitet (%+v)", resp.Status, resp.Kurskennung, resp.Meldungen)
	}
	return resp.Kurskennung
}

func TestAdminSandboxes(t *testing.T) {
	mock := mustStartAdmin(t)
	base := mock.AdminURL + "/sandboxes"

	t.Run("ListStandard", func(t *testing.T) {
		list := mustAdmin[[]sandboxReply](t, http.MethodGet, base, "", http.StatusOK)
		if len(list) != 1 || list[0].Name != sandbox.Standard {
			t.Fatalf("GET /sandboxes = %+v; want the standard sandbox only", list)
		}
		want := []benutzerReply{{"kt1.leitung", traeger1}, {user1, traeger1}, {user2, traeger2}}
		if !jsonEqual(list[0].Benutzer, want) {
			t.Errorf("users of standard = %+v; want %+v", list[0].Benutzer, want)
		}
		if list[0].Erstellt.IsZero() || time.Since(list[0].Erstellt) > time.Minute {
			t.Errorf("erstellt = %v; want about now", list[0].Erstellt)
		}
	})

	before := time.Now().Add(-time.Second)
	ci := mustCreateSandbox(t, mock, "ci-17", "ci17.kt1")
	t.Run("Create", func(t *testing.T) {
		if ci.Name != "ci-17" || ci.Erstellt.Before(before.Truncate(time.Second)) || !jsonEqual(ci.Benutzer, []benutzerReply{{"ci17.kt1", traeger1}}) {
			t.Errorf("POST /sandboxes = %+v; want ci-17, created now, with its user", ci)
		}
		if got := mustAdmin[sandboxReply](t, http.MethodGet, base+"/ci-17", "", http.StatusOK); !jsonEqual(got, ci) {
			t.Errorf("GET /sandboxes/ci-17 = %+v; want %+v", got, ci)
		}
		list := mustAdmin[[]sandboxReply](t, http.MethodGet, base, "", http.StatusOK)
		if len(list) != 2 || list[0].Name != "ci-17" || list[1].Name != sandbox.Standard {
			t.Errorf("GET /sandboxes = %+v; want ci-17 and standard, by name", list)
		}
		// The user works, in its own sandbox.
		c := sandboxClient(mock, "ci17.kt1")
		k := mustPlan(t, c, 180)
		if kursauskunft(t, NewClient(mock, user1, password1, wsse.PasswordDigest), k) != nil {
			t.Errorf("the course %s of ci-17 is seen in the standard sandbox", k)
		}
		if kursauskunft(t, c, k) == nil {
			t.Errorf("the course %s of ci-17 is not seen in ci-17", k)
		}
	})

	t.Run("AddAndRemoveUser", func(t *testing.T) {
		u := mustAdmin[benutzerReply](t, http.MethodPost, base+"/ci-17/benutzer",
			`{"name": "ci17.neu", "passwort": "`+sandboxPassword("ci17.neu")+`", "traegernummer": "10000002"}`, http.StatusCreated)
		if u != (benutzerReply{"ci17.neu", traeger2}) {
			t.Errorf("POST benutzer = %+v; want the user without its password", u)
		}
		got := mustAdmin[sandboxReply](t, http.MethodGet, base+"/ci-17", "", http.StatusOK)
		if len(got.Benutzer) != 2 {
			t.Errorf("users after POST benutzer = %+v; want two", got.Benutzer)
		}
		c := sandboxClient(mock, "ci17.neu")
		var resp inge.KursauskunftAntwort
		req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger2}}, Kurskennung: "K000000001"}
		if err := c.Call(t.Context(), inge.Kursauskunft.Procedure(), req, &resp); err != nil {
			t.Errorf("a call of the added user: %v", err)
		}

		mustNoContent(t, http.MethodDelete, base+"/ci-17/benutzer/ci17.neu")
		if err := c.Call(t.Context(), inge.Kursauskunft.Procedure(), req, &resp); inge.FaultCode(err) != "F202" {
			t.Errorf("a call of the removed user: %v; want Fault F202", err)
		}
		isFehler(t, adminDo(t, http.MethodDelete, base+"/ci-17/benutzer/ci17.neu", ""), http.StatusNotFound, "ci17.neu")
		isFehler(t, adminDo(t, http.MethodDelete, base+"/ci-17/benutzer/"+user1, ""), http.StatusNotFound, user1) // of another sandbox
	})

	t.Run("Reset", func(t *testing.T) {
		c := sandboxClient(mock, "ci17.kt1")
		k := mustPlan(t, c, 200)
		std := NewClient(mock, user1, password1, wsse.PasswordDigest)
		kStd := mustPlan(t, std, 210)
		mustAdmin[stoerungenReply](t, http.MethodPut, base+"/ci-17/stoerungen", `{"naechsteFehlschlagen": 5, "latenz": "1ms"}`, http.StatusOK)

		got := mustAdmin[sandboxReply](t, http.MethodPost, base+"/ci-17/reset", "", http.StatusOK)
		if got.Name != "ci-17" || !jsonEqual(got.Benutzer, []benutzerReply{{"ci17.kt1", traeger1}}) {
			t.Errorf("POST reset = %+v; want ci-17 with its user", got)
		}
		if kursauskunft(t, c, k) != nil {
			t.Errorf("course %s of ci-17 after its reset: still there", k)
		}
		if kursauskunft(t, std, kStd) == nil {
			t.Errorf("course %s of the standard sandbox after the reset of ci-17: gone", kStd)
		}
		if f := mustAdmin[stoerungenReply](t, http.MethodGet, base+"/ci-17/stoerungen", "", http.StatusOK); !reflect.DeepEqual(f, keineGezielten(stoerungenReply{Latenz: "0s"})) {
			t.Errorf("faults after reset = %+v; want none", f)
		}
	})

	t.Run("Remove", func(t *testing.T) {
		sb, err := mock.Sandboxes.Get("ci-17")
		if err != nil {
			t.Fatal(err)
		}
		path := sb.Path()
		mustNoContent(t, http.MethodDelete, base+"/ci-17")
		isFehler(t, adminDo(t, http.MethodGet, base+"/ci-17", ""), http.StatusNotFound, "ci-17")
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("database %s after DELETE: %v; want it deleted", path, err)
		}
		var resp inge.KursauskunftAntwort
		req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K000000001"}
		if err := sandboxClient(mock, "ci17.kt1").Call(t.Context(), inge.Kursauskunft.Procedure(), req, &resp); inge.FaultCode(err) != "F202" {
			t.Errorf("a call of a user of the removed sandbox: %v; want Fault F202", err)
		}
		// Name and user are free again.
		mustCreateSandbox(t, mock, "ci-17", "ci17.kt1")
	})
}

func TestAdminSandboxes_Errors(t *testing.T) {
	mock := mustStartAdmin(t)
	base := mock.AdminURL + "/sandboxes"
	mustCreateSandbox(t, mock, "da", "da.kt1")
	user := func(name, traeger string) string {
		return `{"name": "` + name + `", "passwort": "Geheim!1", "traegernummer": "` + traeger + `"}`
	}
	create := func(name string, users ...string) string {
		return `{"name": "` + name + `", "benutzer": [` + strings.Join(users, ", ") + `]}`
	}
	tests := []struct {
		name         string
		method, path string
		body         string
		want         int
		wantInFehler string
	}{
		{"CreateNoBody", http.MethodPost, "", "", http.StatusBadRequest, "leer"},
		{"CreateBadJSON", http.MethodPost, "", `{"name": `, http.StatusBadRequest, "JSON"},
		{"CreateUnknownKey", http.MethodPost, "", `{"name": "x", "nutzer": []}`, http.StatusBadRequest, "nutzer"},
		{"CreateNameMissing", http.MethodPost, "", `{"benutzer": [` + user("x.kt1", traeger1) + `]}`, http.StatusBadRequest, `"name" fehlt`},
		{"CreateBadName", http.MethodPost, "", create("CI 17", user("x.kt1", traeger1)), http.StatusBadRequest, "Kleinbuchstaben"},
		{"CreateStandard", http.MethodPost, "", create("standard", user("x.kt1", traeger1)), http.StatusBadRequest, "standard"},
		{"CreateNoUsers", http.MethodPost, "", create("leer"), http.StatusBadRequest, "mindestens einen Benutzer"},
		{"CreateUserNameMissing", http.MethodPost, "", create("x", `{"passwort": "a", "traegernummer": "10000001"}`), http.StatusBadRequest, "benutzer[0].name fehlt"},
		{"CreateUserNameWithSpace", http.MethodPost, "", create("x", user("x kt1", traeger1)), http.StatusBadRequest, "kein Benutzername"},
		{"CreatePasswordMissing", http.MethodPost, "", create("x", `{"name": "x.kt1", "traegernummer": "10000001"}`), http.StatusBadRequest, "benutzer[0].passwort fehlt"},
		{"CreateTraegerMissing", http.MethodPost, "", create("x", `{"name": "x.kt1", "passwort": "a"}`), http.StatusBadRequest, "benutzer[0].traegernummer fehlt"},
		{"CreateTraegerUnknown", http.MethodPost, "", create("x", user("x.kt1", traeger1), user("x.kt9", "99999999")), http.StatusBadRequest, `benutzer[1].traegernummer "99999999"`},
		{"CreateUserTwice", http.MethodPost, "", create("x", user("x.kt1", traeger1), user("x.kt1", traeger2)), http.StatusBadRequest, "zweimal"},
		{"CreateNameTaken", http.MethodPost, "", create("da", user("x.kt1", traeger1)), http.StatusConflict, `Sandbox "da" gibt es schon`},
		{"CreateUserOfStandard", http.MethodPost, "", create("x", user(user1, traeger1)), http.StatusConflict, `zur Sandbox "standard"`},
		{"CreateUserOfOther", http.MethodPost, "", create("x", user("da.kt1", traeger1)), http.StatusConflict, `zur Sandbox "da"`},
		{"CreateTooLarge", http.MethodPost, "", `{"name": "` + strings.Repeat("x", 70<<10) + `"}`, http.StatusRequestEntityTooLarge, "Bytes"},
		{"GetUnknown", http.MethodGet, "/gibtsnicht", "", http.StatusNotFound, `"gibtsnicht" ist unbekannt`},
		{"DeleteUnknown", http.MethodDelete, "/gibtsnicht", "", http.StatusNotFound, "unbekannt"},
		{"DeleteStandard", http.MethodDelete, "/standard", "", http.StatusConflict, "nur zurückgesetzt"},
		{"ResetUnknown", http.MethodPost, "/gibtsnicht/reset", "", http.StatusNotFound, "unbekannt"},
		{"AddUserUnknownSandbox", http.MethodPost, "/gibtsnicht/benutzer", user("y", traeger1), http.StatusNotFound, "unbekannt"},
		{"AddUserTaken", http.MethodPost, "/da/benutzer", user(user2, traeger2), http.StatusConflict, user2},
		{"AddUserTraegerUnknown", http.MethodPost, "/da/benutzer", user("y", "1"), http.StatusBadRequest, `"traegernummer" "1"`},
		{"AddUserNoPassword", http.MethodPost, "/da/benutzer", `{"name": "y", "traegernummer": "10000001"}`, http.StatusBadRequest, `"passwort" fehlt`},
		{"AddUserSlash", http.MethodPost, "/da/benutzer", user("a/b", traeger1), http.StatusBadRequest, "Schrägstriche"},
		{"RemoveUserUnknownSandbox", http.MethodDelete, "/gibtsnicht/benutzer/da.kt1", "", http.StatusNotFound, "unbekannt"},
		{"RemoveUserUnknown", http.MethodDelete, "/da/benutzer/niemand", "", http.StatusNotFound, "niemand"},
		{"PutSandboxes", http.MethodPut, "", `{}`, http.StatusMethodNotAllowed, "PUT"},
		{"GetReset", http.MethodGet, "/da/reset", "", http.StatusMethodNotAllowed, "GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isFehler(t, adminDo(t, tt.method, base+tt.path, tt.body), tt.want, tt.wantInFehler)
		})
	}
	// Nothing of the failed requests is left.
	list := mustAdmin[[]sandboxReply](t, http.MethodGet, base, "", http.StatusOK)
	if len(list) != 2 || list[0].Name != "da" || len(list[0].Benutzer) != 1 || len(list[1].Benutzer) != 3 {
		t.Errorf("sandboxes after failed requests = %+v; want da with one user and standard with three", list)
	}
}

// The admin API never shows a password: not the Testdatenpaket's, not one
// given to it.
func TestAdmin_NoPasswords(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "pw", "pw.kt1")
	c := sandboxClient(mock, "pw.kt1")
	c.Credentials.Mode = wsse.PasswordText // the password itself travels
	mustPlan(t, c, 100)
	secrets := []string{password1, password2, "Test!Passwort2", sandboxPassword("pw.kt1")}
	for _, path := range []string{"/sandboxes", "/sandboxes/pw", "/sandboxes/standard", "/sandboxes/pw/journal?xml=1", "/sandboxes/pw/journal.zip", "/sandboxes/pw/stoerungen"} {
		r := adminDo(t, http.MethodGet, mock.AdminURL+path, "")
		if r.status != http.StatusOK {
			t.Errorf("GET %s: Status = %d", path, r.status)
		}
		body := r.body
		if strings.HasSuffix(path, ".zip") {
			_, files := unzip(t, r.body)
			body = nil
			for _, f := range files {
				body = append(body, f...)
			}
		}
		for _, s := range secrets {
			if bytes.Contains(body, []byte(s)) {
				t.Errorf("GET %s shows the password %q", path, s)
			}
		}
	}
}

// Two sandboxes serve requests at once and never see each other's courses.
func TestAdmin_ParallelSandboxes(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "eins", "eins.kt1")
	mustCreateSandbox(t, mock, "zwei", "zwei.kt1")
	counts := map[string]int{"eins": 6, "zwei": 3}
	days := map[string]int{"eins": 100, "zwei": 200}

	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	errs := make(chan error, len(counts))
	var wg sync.WaitGroup
	for name, n := range counts {
		wg.Go(func() {
			c := sandboxClient(mock, name+".kt1")
			for range n {
				req := kp1Plan(traeger1)
				req.Kursplanung.Kursende = inge.DatumOf(time.Now().AddDate(0, 0, 60+days[name]))
				var resp inge.KursplanungErfassenAntwort
				if err := c.Call(ctx, inge.KursplanungErfassen.Procedure(), req, &resp); err != nil || resp.Status != inge.StatusVerarbeitet {
					errs <- fmt.Errorf("%s: KursplanungErfassen: status %q, error %v", name, resp.Status, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	for name, n := range counts {
		c := sandboxClient(mock, name+".kt1")
		wantEnde := inge.DatumOf(time.Now().AddDate(0, 0, 60+days[name]))
		for i := 1; i <= 6; i++ {
			k := fmt.Sprintf("K%09d", i)
			kurs := kursauskunft(t, c, k)
			switch {
			case i <= n && kurs == nil:
				t.Errorf("%s: course %s not found; want its own", name, k)
			case i <= n && kurs.Kursende != wantEnde:
				t.Errorf("%s: course %s ends %s; want %s, its own plan", name, k, kurs.Kursende, wantEnde)
			case i > n && kurs != nil:
				t.Errorf("%s: course %s found; it belongs to the other sandbox", name, k)
			}
		}
		journal := mustAdmin[[]journalReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/"+name+"/journal?operation=KursplanungErfassen", "", http.StatusOK)
		if len(journal) != n {
			t.Errorf("%s: %d KursplanungErfassen in the journal; want %d", name, len(journal), n)
		}
	}
}
