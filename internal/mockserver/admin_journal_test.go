package mockserver_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

type journalReply struct {
	ID             int64     `json:"id"`
	Zeit           time.Time `json:"zeit"`
	Traegernummer  string    `json:"traegernummer"`
	Benutzer       string    `json:"benutzer"`
	Operation      string    `json:"operation"`
	Vorgangsnummer string    `json:"vorgangsnummer"`
	Ergebnis       string    `json:"ergebnis"`
	Dauer          string    `json:"dauer"`
	Anfrage        *string   `json:"anfrage"`
	Antwort        *string   `json:"antwort"`
}

// unzip returns the names of the files of a ZIP archive, in its order,
// and their contents.
func unzip(tb testing.TB, b []byte) ([]string, map[string][]byte) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatalf("not a ZIP archive: %v", err)
	}
	var names []string
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatalf("%s: %v", f.Name, err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatalf("%s: %v", f.Name, err)
		}
		names = append(names, f.Name)
		files[f.Name] = content
	}
	return names, files
}

// journalFixture is a sandbox with three exchanges, oldest first: a stored
// plan (verarbeitet), a Kursauskunft of an unknown course (abgelehnt), and a
// plan for another Traeger's Mandant (Fault F206).
type journalFixture struct {
	mock     *mockserver.Local
	base     string // the sandbox's admin URL
	from, to time.Time
	vorgang  string // of the stored plan
	password string // sent as text in every request
}

func newJournalFixture(t *testing.T) journalFixture {
	t.Helper()
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "jo", "jo.kt1")
	fx := journalFixture{mock: mock, base: mock.AdminURL + "/sandboxes/jo", password: sandboxPassword("jo.kt1")}
	c := sandboxClient(mock, "jo.kt1")
	c.Credentials.Mode = wsse.PasswordText
	fx.from = time.Now().Add(-time.Millisecond)
	var plan inge.KursplanungErfassenAntwort
	if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), kp1Plan(traeger1), &plan); err != nil || plan.Status != inge.StatusVerarbeitet {
		t.Fatalf("KursplanungErfassen: %v, %s", err, plan.Status)
	}
	fx.vorgang = plan.Vorgangsnummer
	if kursauskunft(t, c, "K999999999") != nil {
		t.Fatal("Kursauskunft of an unknown course found one")
	}
	if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), kp1Plan(traeger2), &plan); inge.FaultCode(err) != "F206" {
		t.Fatalf("KursplanungErfassen for another Mandant: %v; want Fault F206", err)
	}
	fx.to = time.Now().Add(time.Millisecond)
	return fx
}

func TestAdminJournal(t *testing.T) {
	fx := newJournalFixture(t)

	all := mustAdmin[[]journalReply](t, http.MethodGet, fx.base+"/journal", "", http.StatusOK)
	if len(all) != 3 {
		t.Fatalf("journal has %d entries; want 3", len(all))
	}
	want := []struct{ operation, ergebnis string }{{"KursplanungErfassen", "F206"}, {"Kursauskunft", "abgelehnt"}, {"KursplanungErfassen", "verarbeitet"}}
	for i, e := range all {
		if e.Operation != want[i].operation || e.Ergebnis != want[i].ergebnis {
			t.Errorf("entry %d = %s %s; want %s %s (newest first)", i, e.Operation, e.Ergebnis, want[i].operation, want[i].ergebnis)
		}
		if i > 0 && e.ID >= all[i-1].ID {
			t.Errorf("entry %d has id %d after id %d; want newest first", i, e.ID, all[i-1].ID)
		}
		if e.Zeit.Before(fx.from) || e.Zeit.After(fx.to) || e.Zeit.Location() != time.UTC {
			t.Errorf("entry %d zeit = %v; want in UTC between %v and %v", i, e.Zeit, fx.from, fx.to)
		}
		if d, err := time.ParseDuration(e.Dauer); err != nil || d <= 0 {
			t.Errorf("entry %d dauer = %q; want a Go duration", i, e.Dauer)
		}
		if e.Benutzer != "jo.kt1" || e.Traegernummer != traeger1 {
			t.Errorf("entry %d by %q of %q; want jo.kt1 of %s", i, e.Benutzer, e.Traegernummer, traeger1)
		}
		if e.Anfrage != nil || e.Antwort != nil {
			t.Errorf("entry %d has XML without xml=1", i)
		}
	}
	if all[2].Vorgangsnummer != fx.vorgang || all[0].Vorgangsnummer != "" {
		t.Errorf("Vorgangsnummern = %q, %q; want the plan's %q and none for the Fault", all[2].Vorgangsnummer, all[0].Vorgangsnummer, fx.vorgang)
	}

	ids := func(es []journalReply) []int64 {
		var out []int64
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	rfc := func(t time.Time) string { return url.QueryEscape(t.Format(time.RFC3339Nano)) }
	filters := []struct {
		name  string
		query string
		want  []int64
	}{
		{"Operation", "operation=Kursauskunft", ids(all[1:2])},
		{"Ergebnis", "ergebnis=verarbeitet", ids(all[2:])},
		{"ErgebnisFault", "ergebnis=F206", ids(all[:1])},
		{"OperationAndErgebnis", "operation=KursplanungErfassen&ergebnis=F206", ids(all[:1])},
		{"Limit", "limit=2", ids(all[:2])},
		{"Nach", "nach=" + strconv.FormatInt(all[len(all)-1].ID, 10), ids(all[:len(all)-1])},
		{"NachNewest", "nach=" + strconv.FormatInt(all[0].ID, 10), nil},
		{"NachZero", "nach=0", ids(all)},
		{"NachAndLimit", "nach=" + strconv.FormatInt(all[len(all)-1].ID, 10) + "&limit=1", ids(all[:1])},
		{"Window", "von=" + rfc(fx.from) + "&bis=" + rfc(fx.to), ids(all)},
		{"VonLater", "von=" + rfc(fx.to), nil},
		{"BisEarlier", "bis=" + rfc(fx.from), nil},
		{"VonWithOffset", "von=" + url.QueryEscape(fx.from.In(time.FixedZone("CET", 3600)).Format(time.RFC3339Nano)), ids(all)},
		{"XMLOff", "xml=0", ids(all)},
	}
	for _, tt := range filters {
		t.Run(tt.name, func(t *testing.T) {
			got := mustAdmin[[]journalReply](t, http.MethodGet, fx.base+"/journal?"+tt.query, "", http.StatusOK)
			if !slices.Equal(ids(got), tt.want) {
				t.Errorf("?%s = ids %v; want %v", tt.query, ids(got), tt.want)
			}
		})
	}

	t.Run("XML", func(t *testing.T) {
		got := mustAdmin[[]journalReply](t, http.MethodGet, fx.base+"/journal?xml=1&operation=KursplanungErfassen&ergebnis=verarbeitet", "", http.StatusOK)
		if len(got) != 1 || got[0].Anfrage == nil || got[0].Antwort == nil {
			t.Fatalf("?xml=1 = %+v; want one entry with its XML", got)
		}
		if a := *got[0].Anfrage; !strings.Contains(a, "KursplanungErfassen") || !strings.Contains(a, "KO-10000001-01") || strings.Contains(a, fx.password) {
			t.Errorf("anfrage = %s; want the request, its password masked", a)
		}
		if !kurskennungInXML.MatchString(*got[0].Antwort) {
			t.Errorf("antwort = %s; want the response with the Kurskennung", *got[0].Antwort)
		}
	})
}

func TestAdminJournal_ZIP(t *testing.T) {
	fx := newJournalFixture(t)
	entries := mustAdmin[[]journalReply](t, http.MethodGet, fx.base+"/journal?xml=1", "", http.StatusOK)

	r := adminDo(t, http.MethodGet, fx.base+"/journal.zip", "")
	if r.status != http.StatusOK || r.contentType != "application/zip" {
		t.Fatalf("GET journal.zip: Status = %d, Content-Type %q; want 200 and application/zip\n%s", r.status, r.contentType, r.body)
	}
	names, files := unzip(t, r.body)
	if len(names) != 1+2*len(entries) || names[0] != "index.csv" {
		t.Fatalf("files = %v; want index.csv and a pair per exchange (%d)", names, len(entries))
	}
	fileName := regexp.MustCompile(`^(\d{8}T\d{6}\.\d{3}Z)_(\d{6})_([A-Za-z]+)_(anfrage|antwort)\.xml$`)
	pairs := names[1:]
	if !slices.IsSorted(pairs) {
		t.Errorf("files = %v; want them in order of time", pairs)
	}
	for i := range entries {
		e := entries[len(entries)-1-i] // oldest first
		stamp := e.Zeit.UTC().Format("20060102T150405.000Z")
		for j, part := range []struct {
			suffix string
			body   *string
		}{{"anfrage", e.Anfrage}, {"antwort", e.Antwort}} {
			name := pairs[2*i+j]
			m := fileName.FindStringSubmatch(name)
			if m == nil {
				t.Errorf("file %q; want <time>_<id>_<operation>_<anfrage|antwort>.xml", name)
				continue
			}
			if id, _ := strconv.ParseInt(m[2], 10, 64); m[1] != stamp || id != e.ID || m[3] != e.Operation || m[4] != part.suffix {
				t.Errorf("file %q; want time %s, id %d, %s, %s", name, stamp, e.ID, e.Operation, part.suffix)
			}
			if string(files[name]) != *part.body {
				t.Errorf("file %q differs from the journal's %s", name, part.suffix)
			}
			if bytes.Contains(files[name], []byte(fx.password)) {
				t.Errorf("file %q shows the password", name)
			}
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(files["index.csv"])).ReadAll()
	if err != nil {
		t.Fatalf("index.csv: %v", err)
	}
	if len(rows) != 1+len(entries) || !slices.Equal(rows[0], []string{"id", "zeit", "operation", "ergebnis", "vorgangsnummer"}) {
		t.Fatalf("index.csv = %v; want a header and a row per exchange", rows)
	}
	for i, row := range rows[1:] {
		e := entries[len(entries)-1-i]
		zeit, err := time.Parse(time.RFC3339Nano, row[1])
		if row[0] != strconv.FormatInt(e.ID, 10) || err != nil || !zeit.Equal(e.Zeit) || row[2] != e.Operation || row[3] != e.Ergebnis || row[4] != e.Vorgangsnummer {
			t.Errorf("index.csv row %d = %v; want %d %v %s %s %s", i+1, row, e.ID, e.Zeit, e.Operation, e.Ergebnis, e.Vorgangsnummer)
		}
	}

	t.Run("Filtered", func(t *testing.T) {
		r := adminDo(t, http.MethodGet, fx.base+"/journal.zip?operation=Kursauskunft", "")
		names, _ := unzip(t, r.body)
		if len(names) != 3 || !strings.Contains(names[1], "_Kursauskunft_anfrage.xml") || !strings.Contains(names[2], "_Kursauskunft_antwort.xml") {
			t.Errorf("files of ?operation=Kursauskunft = %v; want index.csv and one pair", names)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		r := adminDo(t, http.MethodGet, fx.base+"/journal.zip?ergebnis=angenommen", "")
		if names, files := unzip(t, r.body); len(names) != 1 || strings.Count(string(files["index.csv"]), "\n") != 1 {
			t.Errorf("files of an empty selection = %v; want index.csv with its header", names)
		}
	})
}

func TestAdminJournal_Errors(t *testing.T) {
	mock := mustStartAdmin(t)
	base := mock.AdminURL + "/sandboxes/standard"
	tests := []struct {
		name         string
		path         string
		want         int
		wantInFehler string
	}{
		{"UnknownSandbox", "/sandboxes/gibtsnicht/journal", http.StatusNotFound, "gibtsnicht"},
		{"UnknownSandboxZIP", "/sandboxes/gibtsnicht/journal.zip", http.StatusNotFound, "gibtsnicht"},
		{"UnknownParameter", "/journal?operaton=Kursauskunft", http.StatusBadRequest, `"operaton"`},
		{"RepeatedParameter", "/journal?limit=1&limit=2", http.StatusBadRequest, "mehrfach"},
		{"UnknownOperation", "/journal?operation=KursLoeschen", http.StatusBadRequest, "KursLoeschen"},
		{"UnknownErgebnis", "/journal?ergebnis=gut", http.StatusBadRequest, `"gut"`},
		{"ErgebnisMeldung", "/journal?ergebnis=M3001", http.StatusBadRequest, "M3001"},
		{"VonGermanDate", "/journal?von=10.03.2027", http.StatusBadRequest, "RFC 3339"},
		{"BisUnescapedPlus", "/journal?bis=2027-03-10T09:00:00+01:00", http.StatusBadRequest, "%2B"},
		{"VonAfterBis", "/journal?von=2027-03-10T10:00:00Z&bis=2027-03-10T09:00:00Z", http.StatusBadRequest, "nicht vor"},
		{"LimitZero", "/journal?limit=0", http.StatusBadRequest, "positive"},
		{"NachNegative", "/journal?nach=-1", http.StatusBadRequest, "Nummer eines Eintrags"},
		{"NachWord", "/journal?nach=gestern", http.StatusBadRequest, "Nummer eines Eintrags"},
		{"LimitWord", "/journal?limit=alle", http.StatusBadRequest, "positive"},
		{"XMLWord", "/journal?xml=vielleicht", http.StatusBadRequest, "vielleicht"},
		{"ZIPBadFilter", "/journal.zip?limit=-1", http.StatusBadRequest, "positive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := base + tt.path
			if strings.HasPrefix(tt.path, "/sandboxes/") {
				u = mock.AdminURL + tt.path
			}
			isFehler(t, adminDo(t, http.MethodGet, u, ""), tt.want, tt.wantInFehler)
		})
	}
	isFehler(t, adminDo(t, http.MethodPost, base+"/journal", "{}"), http.StatusMethodNotAllowed, "POST")
}
