package mockserver

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// The journal of a sandbox: every SOAP exchange, request and response with
// the password masked, newest first; and the same as a ZIP of XML files,
// the acceptance evidence vendors keep.
//
//	GET /sandboxes/{sandbox}/journal      ?operation=&ergebnis=&von=&bis=&nach=&limit=&xml=1
//	GET /sandboxes/{sandbox}/journal.zip  the same filters
//
// operation is a procedure's name; ergebnis a status (verarbeitet,
// geprueft, abgelehnt, angenommen) or a Fault code (F301); von (inclusive)
// and bis (exclusive) are RFC 3339 instants; nach=ID keeps the entries after
// entry ID, those journaled since, for a reader that follows the journal;
// limit keeps the newest N; xml=1
// adds the request and response XML. Every filter is checked: an unknown
// parameter or value is 400, never ignored. An entry:
//
//	{"id": 42, "zeit": "2027-03-10T09:00:01.123Z", "traegernummer": "10000001",
//	 "benutzer": "kt1.sachbearbeitung", "operation": "KursplanungErfassen",
//	 "vorgangsnummer": "V-20270310-…", "ergebnis": "verarbeitet", "dauer": "12ms"}
//
// The ZIP holds one pair of files per exchange, named by time, id and
// procedure, e.g. 20270310T090001.123Z_000042_KursplanungErfassen_anfrage.xml
// and …_antwort.xml, so that they sort in order of time, and index.csv
// (id, zeit, operation, ergebnis, vorgangsnummer). An exchange of a profiled
// sandbox has a second pair, …_anfrage_kanonisch.xml and
// …_antwort_kanonisch.xml, in our contract's names.
//
// Exchanges whose caller is not known (failed authentication, malformed
// requests) are in the journal of the standard sandbox.
func (a *Admin) journalRoutes() {
	a.handle("/sandboxes/{sandbox}/journal", a.getJournal, http.MethodGet)
	a.handleLang("/sandboxes/{sandbox}/journal.zip", a.getJournalZIP, http.MethodGet)
}

// journalJSON is a journal entry as the admin API shows it.
type journalJSON struct {
	ID             int64     `json:"id"`
	Zeit           time.Time `json:"zeit"`
	Traegernummer  string    `json:"traegernummer"`
	Benutzer       string    `json:"benutzer"`
	Operation      string    `json:"operation"`
	Vorgangsnummer string    `json:"vorgangsnummer"`
	Ergebnis       string    `json:"ergebnis"`
	Dauer          string    `json:"dauer"`
	Anfrage        *string   `json:"anfrage,omitempty"` // only with xml=1
	Antwort        *string   `json:"antwort,omitempty"`
	// Profil is the contract profile of a profiled sandbox's exchange;
	// anfrage and antwort are then in its names, as they went over the
	// wire, and anfrageKanonisch and antwortKanonisch (with xml=1) as our
	// contract writes them.
	Profil           string  `json:"profil,omitempty"`
	AnfrageKanonisch *string `json:"anfrageKanonisch,omitempty"`
	AntwortKanonisch *string `json:"antwortKanonisch,omitempty"`
}

func (a *Admin) getJournal(r *http.Request) (any, error) {
	_, entries, withXML, err := a.journal(r)
	if err != nil {
		return nil, err
	}
	out := make([]journalJSON, 0, len(entries))
	for _, e := range entries {
		j := journalJSON{
			ID: e.ID, Zeit: e.Zeit.UTC(), Traegernummer: e.Traegernummer, Benutzer: e.Benutzer,
			Operation: e.Operation, Vorgangsnummer: e.Vorgangsnummer, Ergebnis: e.Ergebnis, Dauer: e.Dauer.String(),
			Profil: e.Profil,
		}
		if withXML {
			anfrage, antwort := string(e.Anfrage), string(e.Antwort)
			j.Anfrage, j.Antwort = &anfrage, &antwort
			if e.AnfrageKanonisch != nil || e.AntwortKanonisch != nil {
				anfrage, antwort := string(e.AnfrageKanonisch), string(e.AntwortKanonisch)
				j.AnfrageKanonisch, j.AntwortKanonisch = &anfrage, &antwort
			}
		}
		out = append(out, j)
	}
	return out, nil
}

func (a *Admin) getJournalZIP(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	f, _, err := journalFilter(r.URL.Query())
	if err != nil {
		return nil, err
	}
	// What can fail before the download starts does: an unknown or
	// damaged sandbox is answered with its error, not a broken ZIP.
	if err := sb.Use(func(*mockstate.Store) error { return nil }); err != nil {
		return nil, a.registryError(err, sb.Name, nil)
	}
	return download{
		contentType: "application/zip",
		filename:    "journal-" + sb.Name + ".zip",
		write: func(w io.Writer) error {
			return sb.Use(func(st *mockstate.Store) error {
				// One snapshot, read twice: the index, then the files,
				// one entry at a time, oldest first as the files sort.
				return st.View(r.Context(), func(tx *mockstate.Tx) error { return writeJournalZIP(r.Context(), w, tx, f) })
			})
		},
	}, nil
}

// journal reads the entries of the request's sandbox that its filters
// select, and whether it asks for the XML.
func (a *Admin) journal(r *http.Request) (*sandbox.Sandbox, []mockstate.Eintrag, bool, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, nil, false, err
	}
	f, withXML, err := journalFilter(r.URL.Query())
	if err != nil {
		return nil, nil, false, err
	}
	entries, err := a.journalOf(r.Context(), sb, f)
	return sb, entries, withXML, err
}

// journalFilter reads the query of a journal request.
func journalFilter(q url.Values) (f mockstate.Filter, withXML bool, err error) {
	for key, values := range q {
		if !slices.Contains([]string{"operation", "ergebnis", "von", "bis", "nach", "limit", "xml"}, key) {
			return f, false, badRequest("unbekannter Parameter %q; möglich sind operation, ergebnis, von, bis, nach, limit und xml", key)
		}
		if len(values) > 1 {
			return f, false, badRequest("Parameter %q ist mehrfach angegeben", key)
		}
	}
	if f.Operation = q.Get("operation"); f.Operation != "" {
		if err := checkOperation(f.Operation, "operation"); err != nil {
			return f, false, err
		}
	}
	if f.Ergebnis = q.Get("ergebnis"); f.Ergebnis != "" {
		if err := checkErgebnis(f.Ergebnis, "ergebnis"); err != nil {
			return f, false, err
		}
	}
	for _, t := range []struct {
		key string
		to  *time.Time
	}{{"von", &f.Von}, {"bis", &f.Bis}} {
		if v := q.Get(t.key); v != "" {
			if *t.to, err = time.Parse(time.RFC3339, v); err != nil {
				return f, false, badRequest("%s %q ist kein Zeitpunkt nach RFC 3339, z. B. 2027-03-10T09:00:00Z (in einer URL: + als %%2B)", t.key, v)
			}
		}
	}
	if !f.Von.IsZero() && !f.Bis.IsZero() && !f.Von.Before(f.Bis) {
		return f, false, badRequest("von %s liegt nicht vor bis %s", f.Von.Format(time.RFC3339), f.Bis.Format(time.RFC3339))
	}
	if v := q.Get("nach"); v != "" {
		if f.NachID, err = strconv.ParseInt(v, 10, 64); err != nil || f.NachID < 0 {
			return f, false, badRequest("nach %q ist keine Nummer eines Eintrags (0 oder größer)", v)
		}
	}
	if v := q.Get("limit"); v != "" {
		if f.Limit, err = strconv.Atoi(v); err != nil || f.Limit < 1 {
			return f, false, badRequest("limit %q ist keine positive ganze Zahl", v)
		}
	}
	if v := q.Get("xml"); v != "" {
		if withXML, err = strconv.ParseBool(v); err != nil {
			return f, false, badRequest("xml %q ist weder 1 noch 0", v)
		}
	}
	return f, withXML, nil
}

// checkOperation accepts the name of one of the 17 procedures.
func checkOperation(op, field string) error {
	var names []string
	for _, p := range inge.Procedures() {
		if p.Name == op {
			return nil
		}
		names = append(names, p.Name)
	}
	return badRequest("%s %q ist keine Operation des Vertrags; möglich sind %s", field, op, strings.Join(names, ", "))
}

// statuses are the status words a response can carry.
var statuses = []inge.Status{inge.StatusVerarbeitet, inge.StatusGeprueft, inge.StatusAbgelehnt, inge.StatusAngenommen}

// checkErgebnis accepts a status word or the code of a Fault.
func checkErgebnis(e, field string) error {
	if slices.Contains(statuses, inge.Status(e)) {
		return nil
	}
	if k, ok := inge.DefaultKatalog().ByCode(e); ok && k.Fault != nil {
		return nil
	}
	return badRequest("%s %q ist weder ein Status (verarbeitet, geprueft, abgelehnt, angenommen) noch der Code eines Faults (z. B. F301)", field, e)
}

// writeJournalZIP writes the entries f selects, oldest first, as a ZIP of
// XML files with an index, reading them one at a time: the index in a first
// pass, the files in a second.
func writeJournalZIP(ctx context.Context, w io.Writer, tx *mockstate.Tx, f mockstate.Filter) error {
	zw := zip.NewWriter(w)
	index, err := zw.CreateHeader(&zip.FileHeader{Name: "index.csv", Method: zip.Deflate, Modified: time.Now()})
	if err != nil {
		return err
	}
	cw := csv.NewWriter(index)
	_ = cw.Write([]string{"id", "zeit", "operation", "ergebnis", "vorgangsnummer"})
	err = tx.EachJournal(ctx, f, true, func(e mockstate.Eintrag) error {
		return cw.Write([]string{strconv.FormatInt(e.ID, 10), e.Zeit.UTC().Format(time.RFC3339Nano), e.Operation, e.Ergebnis, e.Vorgangsnummer})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	err = tx.EachJournal(ctx, f, true, func(e mockstate.Eintrag) error {
		for _, part := range []struct {
			suffix string
			body   []byte
		}{{"anfrage", e.Anfrage}, {"antwort", e.Antwort}, {"anfrage_kanonisch", e.AnfrageKanonisch}, {"antwort_kanonisch", e.AntwortKanonisch}} {
			if part.body == nil && strings.HasSuffix(part.suffix, "_kanonisch") {
				continue // an exchange in our contract
			}
			zf, err := zw.CreateHeader(&zip.FileHeader{Name: exchangeFileName(e, part.suffix), Method: zip.Deflate, Modified: e.Zeit})
			if err != nil {
				return err
			}
			if _, err := zf.Write(part.body); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return zw.Close()
}

// exchangeFileName names a file of an exchange by its time, its id (which
// keeps names unique and in order within a millisecond) and its procedure:
// 20270310T090001.123Z_000042_KursplanungErfassen_anfrage.xml.
func exchangeFileName(e mockstate.Eintrag, suffix string) string {
	op := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, e.Operation)
	if op == "" {
		op = "unbekannt" // not even the operation could be read
	}
	return fmt.Sprintf("%s_%06d_%s_%s.xml", e.Zeit.UTC().Format("20060102T150405.000Z"), e.ID, op, suffix)
}

// journalOf reads the entries of sb that f selects, newest first.
func (a *Admin) journalOf(ctx context.Context, sb *sandbox.Sandbox, f mockstate.Filter) ([]mockstate.Eintrag, error) {
	var entries []mockstate.Eintrag
	err := sb.Use(func(st *mockstate.Store) (err error) {
		entries, err = st.Journal(ctx, f)
		return err
	})
	if err != nil {
		return nil, a.registryError(err, sb.Name, nil)
	}
	return entries, nil
}
