package mockstate_test

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// growing are the tables that grow with a sandbox's use: a statement of
// the hot paths must find its rows in them through an index, never by
// scanning, so that its cost stays flat from an empty sandbox to 10^5
// courses and 10^6 journal entries (bench/skala.sh measures it).
var growing = map[string]bool{
	"journal": true, "kurs": true, "kurs_teilnehmer": true, "kursabschnitt": true, "abschnitt_teilnehmer": true,
	"kursortaenderung": true, "kursbesuch": true, "kursbesuch_abschnitt": true, "anmeldung": true, "berechtigung": true,
	"warteschlange": true, "lid_pruefung": true, "lid_pruefling": true, "sprachtest_pruefling": true,
}

// where finds the WHERE of a statement.
var where = regexp.MustCompile(`\bWHERE\b`)

// scanned finds the table a step of a query plan scans ("SCAN journal"),
// but not "SCAN ... USING INDEX", which walks an index in order.
var scanned = regexp.MustCompile(`^SCAN (\w+)(?: AS (\w+))?$`)

// readsAll reports whether a statement reads a whole table on purpose: a
// SELECT without WHERE (the journal's export, verify).
func readsAll(q string) bool {
	u := strings.ToUpper(q)
	return strings.HasPrefix(strings.TrimSpace(u), "SELECT") && !where.MatchString(u)
}

// The statements of the read path (Kursauskunft), of the write path
// (KursplanungErfassen) and of the journal's append and reading use an
// index on every table that grows: EXPLAIN QUERY PLAN shows no full scan.
func TestHotQueriesUseIndexes(t *testing.T) {
	ctx := t.Context()
	var v vorgaenge
	s := openFileStore(t)
	for range 2 { // the second time, everything runs prepared
		k := erfassen(t, s, &v, kt1, validPlan(t))
		auskunft(t, s, &v, kt1, k.Kurskennung)
		if _, err := s.AppendJournal(ctx, mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: "verarbeitet", Anfrage: []byte("<a/>")}); err != nil {
			t.Fatal(err)
		}
		for _, f := range []mockstate.Filter{{}, {Operation: "Kursauskunft", Limit: 50}, {NachID: 1}, {Traegernummer: "10000001", Limit: 10}} {
			if _, err := s.Journal(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	queries := mockstate.PreparedQueries(s)
	sort.Strings(queries)
	if len(queries) < 10 {
		t.Fatalf("only %d statements were prepared; the test sees too little", len(queries))
	}
	for _, q := range queries {
		trimmed := strings.TrimSpace(q)
		if !strings.HasPrefix(strings.ToUpper(trimmed), "SELECT") && !strings.HasPrefix(strings.ToUpper(trimmed), "UPDATE") &&
			!strings.HasPrefix(strings.ToUpper(trimmed), "DELETE") && !strings.HasPrefix(strings.ToUpper(trimmed), "INSERT") {
			continue // SAVEPOINT, RELEASE, PRAGMA: no plan
		}
		args := make([]any, strings.Count(q, "?"))
		err := s.View(ctx, func(tx *mockstate.Tx) error {
			rows, err := tx.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					return err
				}
				if m := scanned.FindStringSubmatch(detail); m != nil && growing[m[1]] && !readsAll(q) {
					t.Errorf("%s\nscans the table %s (%s): it needs an index", strings.Join(strings.Fields(q), " "), m[1], detail)
				}
			}
			return rows.Err()
		})
		if err != nil {
			t.Errorf("EXPLAIN QUERY PLAN %s: %v", strings.Join(strings.Fields(q), " "), err)
		}
	}
	t.Logf("%d statements checked", len(queries))
}
