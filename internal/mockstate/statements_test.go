package mockstate_test

import (
	"context"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// A statement run in a transaction is prepared once the transaction is
// over and then reused, by readers and writers alike; a text of several
// statements is never prepared (Prepare would compile only its first), and
// each of its statements still runs.
func TestPreparedStatements(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, "")
	before := mockstate.Prepared(s)
	read := func() int {
		var n int
		if err := s.View(ctx, func(tx *mockstate.Tx) error {
			return tx.QueryRowContext(ctx, `SELECT count(*) FROM traeger WHERE traegernummer <> ?`, "x").Scan(&n)
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	first := read()
	if got := mockstate.Prepared(s); got != before {
		t.Fatalf("after one read, %d statements prepared; want %d: a statement run once is not", got, before)
	}
	if again := read(); again != first || mockstate.Prepared(s) != before+1 {
		t.Errorf("the second read: %d (want %d), %d statements prepared (want %d)", again, first, mockstate.Prepared(s), before+1)
	}
	if again := read(); again != first || mockstate.Prepared(s) != before+1 {
		t.Errorf("the third read: %d (want %d), %d statements prepared (want %d)", again, first, mockstate.Prepared(s), before+1)
	}
	for range 2 {
		if err := s.Update(ctx, func(tx *mockstate.Tx) error {
			_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS t1 (a); CREATE TABLE IF NOT EXISTS t2 (b);`)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if got := mockstate.Prepared(s); got != before+1 {
		t.Errorf("a text of two statements was prepared: %d statements; want %d", got, before+1)
	}
	if err := s.View(ctx, func(tx *mockstate.Tx) error {
		_, err := tx.QueryContext(ctx, `SELECT b FROM t2`)
		return err
	}); err != nil {
		t.Errorf("the second statement of the text did not run: %v", err)
	}
}

// Zugang answers from a copy of the users that every change of them
// renews, also one made in a transaction of the rules' plain SQL.
func TestZugangFollowsChanges(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)
	u := mockstate.Zugang{Name: "neu.kt1", Passwort: "Geheim!1", Traegernummer: "10000001"}
	if _, err := s.Zugang(ctx, u.Name); !errors.Is(err, mockstate.ErrNotFound) {
		t.Fatalf("Zugang of a user not yet added: %v; want ErrNotFound", err)
	}
	steps := []struct {
		name   string
		change func(context.Context) error
		want   string // the password Zugang then gives; "" for not found
	}{
		{"AddUser", func(ctx context.Context) error { return s.AddUser(ctx, u) }, "Geheim!1"},
		{"UpdateSQL", func(ctx context.Context) error {
			return s.Update(ctx, func(tx *mockstate.Tx) error {
				_, err := tx.ExecContext(ctx, `UPDATE benutzer SET passwort = 'Anders!2' WHERE name = ?`, u.Name)
				return err
			})
		}, "Anders!2"},
		{"RemoveUser", func(ctx context.Context) error { return s.RemoveUser(ctx, u.Name) }, ""},
		{"SetUsers", func(ctx context.Context) error { return s.SetUsers(ctx, []mockstate.Zugang{u}) }, "Geheim!1"},
	}
	for _, step := range steps {
		if err := step.change(ctx); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		z, err := s.Zugang(ctx, u.Name)
		switch {
		case step.want == "" && !errors.Is(err, mockstate.ErrNotFound):
			t.Errorf("after %s: Zugang = %+v, %v; want ErrNotFound", step.name, z, err)
		case step.want != "" && (err != nil || z.Passwort != step.want):
			t.Errorf("after %s: Zugang = %+v, %v; want the password %s", step.name, z, err, step.want)
		}
	}
}

// Which statements count as writes to the users.
func TestWritesUsers(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{`INSERT INTO benutzer (name, passwort, traegernummer) VALUES (?, ?, ?)`, true},
		{`DELETE FROM benutzer WHERE name = ?`, true},
		{"update\n  benutzer SET passwort = ?", true},
		{`INSERT INTO journal (zeit, traegernummer, benutzer, operation) VALUES (?, ?, ?, ?)`, false},
		{`UPDATE journal SET benutzer = ''`, false},
		{`SELECT passwort FROM benutzer WHERE name = ?`, true}, // a read, counted to be safe
	} {
		if got := mockstate.WritesUsers(tc.query); got != tc.want {
			t.Errorf("writesUsers(%q) = %v; want %v", tc.query, got, tc.want)
		}
	}
}

// Which statements count as writes to the Testdatenpaket: its tables are
// those of the first migration but the users, the clock and the journal,
// and every write to them that loading it runs counts.
func TestWritesStammdaten(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{`INSERT INTO person_kennziffer (person_id, art, wert) VALUES (?, ?, ?)`, true},
		{"update person SET fruehere_namen = ?", true},
		{`DELETE FROM lehrwerk_kursart WHERE lehrwerk = ?`, true},
		{`INSERT INTO kurs_teilnehmer (kurskennung, person_id, kursabschnitt) VALUES (?, ?, ?)`, false},
		{`INSERT INTO journal (zeit, traegernummer, benutzer, operation) VALUES (?, ?, ?, ?)`, false},
		{`UPDATE kurs SET status = ? WHERE kurskennung = ?`, false},
	} {
		if got := mockstate.WritesStammdaten(tc.query); got != tc.want {
			t.Errorf("writesStammdaten(%q) = %v; want %v", tc.query, got, tc.want)
		}
	}
	sql, err := os.ReadFile("migrations/001_stammdaten.sql")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for _, m := range regexp.MustCompile(`CREATE TABLE (\w+)`).FindAllStringSubmatch(string(sql), -1) {
		if m[1] != "benutzer" && m[1] != "uhr" && m[1] != "journal" {
			tables = append(tables, m[1])
		}
	}
	if got := mockstate.StammdatenTabellen; !slices.Equal(got, tables) {
		t.Errorf("stammdatenTabellen = %v; want the tables of 001_stammdaten.sql: %v", got, tables)
	}
	s := openFileStore(t)
	n := 0
	for _, q := range mockstate.PreparedQueries(s) {
		f := strings.Fields(q)
		if len(f) < 3 || !slices.Contains(tables, f[2]) && !(f[0] == "UPDATE" && slices.Contains(tables, f[1])) {
			continue
		}
		n++
		if !mockstate.WritesStammdaten(q) {
			t.Errorf("loading the Testdatenpaket ran %q, which writesStammdaten does not count", q)
		}
	}
	if n < 10 {
		t.Errorf("loading the Testdatenpaket ran %d writes to its tables; want more", n)
	}
}
