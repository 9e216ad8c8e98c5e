package mockstate_test

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The callers of the tests: the Sachbearbeitung of Traeger 10000001 (Testfall
// KP-1) and of Traeger 10000002 (Testfall KP-2).
var (
	kt1 = ingetest.KT1().Caller()
	kt2 = ingetest.KT2().Caller()
)

// jetzt is the real time of the stores of openStore, so "today" on their
// clock is 2027-03-10 and the plans of the tests lie in the future.
var jetzt = time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)

// openStore opens a store holding the Testdatenpaket whose real time stands
// at jetzt.
func openStore(tb testing.TB, opts ...mockstate.Option) *mockstate.Store {
	tb.Helper()
	return ingetest.MustStore(tb, atJetzt(opts)...)
}

// openFileStore is openStore in a file, as mockinge runs it: concurrent
// requests then work on connections of their own, not one after the other
// on the single connection of an in-memory store.
func openFileStore(tb testing.TB, opts ...mockstate.Option) *mockstate.Store {
	tb.Helper()
	s := ingetest.MustOpen(tb, "", atJetzt(opts)...)
	ingetest.MustLoad(tb, s)
	return s
}

// atJetzt prepends to opts a real time standing at jetzt.
func atJetzt(opts []mockstate.Option) []mockstate.Option {
	return append([]mockstate.Option{mockstate.WithTimeSource(ingetest.NewTimeSource(jetzt).Now)}, opts...)
}

// kursplanung returns the request that stores ingetest.Plan of test case
// fall, beginning on beginn, for account a.
func kursplanung(tb testing.TB, a ingetest.Account, fall string, beginn inge.Datum) *inge.KursplanungErfassenAnfrage {
	tb.Helper()
	return &inge.KursplanungErfassenAnfrage{Anfrage: a.Anfrage(), Kursplanung: ingetest.Plan(tb, fall, beginn)}
}

// plusTage returns the day n days after d.
func plusTage(tb testing.TB, d inge.Datum, n int) inge.Datum {
	tb.Helper()
	t, err := d.Time()
	if err != nil {
		tb.Fatal(err)
	}
	return inge.DatumOf(t.AddDate(0, 0, n))
}

// heute freezes the store's clock at 09:00 UTC of datum.
func heute(tb testing.TB, s *mockstate.Store, datum inge.Datum) {
	tb.Helper()
	d, err := datum.Time()
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Update(tb.Context(), func(tx *mockstate.Tx) error { return tx.FreezeClock(tb.Context(), d.Add(9*time.Hour)) }); err != nil {
		tb.Fatal(err)
	}
}

// person returns the Ident of a person of the Testdatenpaket by Geburtsdatum
// and BAMF-Personenkennziffer.
func person(geburtsdatum, kennziffer string) *inge.TeilnehmerIdent {
	return &inge.TeilnehmerIdent{
		Geburtsdatum: inge.Datum(geburtsdatum),
		Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenBAMF, Wert: kennziffer},
	}
}

// vorgaenge checks that every response of a test carries a Vorgangsnummer of
// its own. It is safe for concurrent use.
type vorgaenge struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (v *vorgaenge) check(tb testing.TB, resp inge.Response) {
	tb.Helper()
	nr := resp.Base().Vorgangsnummer
	if nr == "" || len(nr) > 30 { // schema type Kennung
		tb.Errorf("Vorgangsnummer = %q; want 1 to 30 characters", nr)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.seen == nil {
		v.seen = map[string]bool{}
	}
	if v.seen[nr] {
		tb.Errorf("Vorgangsnummer %q was given before", nr)
	}
	v.seen[nr] = true
}

// mustApply runs req for caller, fails the test on an error and checks the
// Vorgangsnummer. A write is first applied as a Rollback, which must answer
// as the write then does and change nothing (wieRollback).
func mustApply[R inge.Response](tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, req inge.Request) R {
	tb.Helper()
	probe := rollbackProbe(tb, s, caller, req)
	journaled := journaledReadProbe(tb, s, caller, req)
	resp := ingetest.Apply(tb, s, caller, req)
	probe(resp)
	journaled(resp)
	r, ok := resp.(R)
	if !ok {
		tb.Fatalf("Apply(%T) = %T; want %T", req, resp, r)
	}
	v.check(tb, r)
	return r
}

// nichtFachlich are the tables a Rollback may change: the sequences of
// numbers, whose numbers it names, and the journal.
var nichtFachlich = []string{"kurs_nummer", "lid_nummer", "journal", "sqlite_sequence"}

// fachlicheTabellen returns the store's other tables.
func fachlicheTabellen(tb testing.TB, s *mockstate.Store) []string {
	tb.Helper()
	return ingetest.View(tb, s, func(tx *mockstate.Tx) ([]string, error) {
		var names []string
		for _, r := range queryAll(tb, tx, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`) {
			if !slices.Contains(nichtFachlich, r[0]) {
				names = append(names, r[0])
			}
		}
		return names, nil
	})
}

// rollbackProbe applies a write request as a Rollback ("prüfen und
// antworten wie gespeichert, aber nichts speichern", quelle:ITM 10.4)
// before the test applies it, and returns the check of the write's
// response: the Rollback changed no table, and answered with the same
// Meldungen, geprueft where the write is verarbeitet, with
// RollbackGeprueft where the write has its Hinweis of success. A request
// that is no write, a Rollback or asynchronous is not probed.
func rollbackProbe(tb testing.TB, s *mockstate.Store, caller mockstate.Caller, req inge.Request) func(inge.Response) {
	tb.Helper()
	b := req.Base()
	if b.Rollback || b.Asynchron {
		return func(inge.Response) {}
	}
	checked, err := inge.Check(req)
	if err != nil || !checked.Procedure().Write {
		return func(inge.Response) {} // the test's own request: its error is the test's
	}
	copy := checked.Request()
	copy.Base().Rollback = true
	tabellen := fachlicheTabellen(tb, s)
	vorher := dumpTables(tb, s, tabellen...)
	rb, err := ingetest.TryApply(tb, s, caller, copy)
	if err != nil {
		tb.Fatalf("Rollback of %s: %v", checked.Procedure().Name, err)
	}
	if got := dumpTables(tb, s, tabellen...); got != vorher {
		tb.Fatalf("the Rollback of %s changed the store:\n%s\nwant\n%s", checked.Procedure().Name, got, vorher)
	}
	return func(resp inge.Response) {
		tb.Helper()
		name := checked.Procedure().Name
		want, got := resp.Base().List(), rb.Base().List()
		switch resp.Base().Status {
		case inge.StatusVerarbeitet:
			if rb.Base().Status != inge.StatusGeprueft {
				tb.Errorf("%s: Rollback answered %s; the write %s", name, rb.Base().Status, resp.Base().Status)
			}
			rbEintrag, _ := inge.DefaultKatalog().Lookup(inge.RollbackGeprueft)
			if len(got) == 0 || got[len(got)-1].Code != rbEintrag.Code {
				tb.Errorf("%s: Rollback's Meldungen %v; want RollbackGeprueft last", name, got)
			} else {
				got = got[:len(got)-1]
			}
			// The write's last Meldung may be its Hinweis of success.
			if len(want) == len(got)+1 {
				want = want[:len(got)]
			}
		default:
			if rb.Base().Status != resp.Base().Status {
				tb.Errorf("%s: Rollback answered %s; the write %s", name, rb.Base().Status, resp.Base().Status)
			}
		}
		if !slices.EqualFunc(want, got, func(a, b inge.Meldung) bool { return a.Code == b.Code && a.Feld == b.Feld && a.Text == b.Text }) {
			tb.Errorf("%s: Rollback's Meldungen differ from the write's:\n%v\nwant\n%v", name, got, want)
		}
		if g, w := antwortOhneVorgang(tb, rb), antwortOhneVorgang(tb, resp); g != w {
			tb.Errorf("%s: the Rollback's answer differs from the write's:\n%s\nwant\n%s", name, g, w)
		}
	}
}

// journaledReadProbe runs a request that only reads as the server runs it
// before the test applies it: with its journal entry (ApplyJournaled), so
// that a read the store's copies do not answer reads the tables in the
// writer's group. It returns the check that the test's own answer, read in
// a View, is the same but for its Vorgangsnummer. Other requests are not
// probed.
func journaledReadProbe(tb testing.TB, s *mockstate.Store, caller mockstate.Caller, req inge.Request) func(inge.Response) {
	tb.Helper()
	checked, err := inge.Check(req)
	if err != nil || checked.Procedure().Write || req.Base().Asynchron {
		return func(inge.Response) {}
	}
	name := checked.Procedure().Name
	var entries int
	j := func(resp inge.Response) (mockstate.Eintrag, error) {
		entries++
		return mockstate.Eintrag{Operation: name, Ergebnis: string(resp.Base().Status)}, nil
	}
	journaled, err := s.ApplyJournaled(tb.Context(), caller, checked, j)
	if err != nil {
		tb.Fatalf("ApplyJournaled(%s): %v", name, err)
	}
	if entries != 1 {
		tb.Fatalf("ApplyJournaled(%s) made %d journal entries; want 1", name, entries)
	}
	return func(resp inge.Response) {
		tb.Helper()
		if g, w := antwortOhne(tb, journaled, vorgangsnummer), antwortOhne(tb, resp, vorgangsnummer); g != w {
			tb.Errorf("%s: answered with its journal entry as\n%s\nwithout as\n%s", name, g, w)
		}
	}
}

// vorgangsnummer is the part of an answer that differs between two
// exchanges of the same read.
var vorgangsnummer = regexp.MustCompile(`<Vorgangsnummer>[^<]*</Vorgangsnummer>`)

// vorgangsteile are the parts of an answer that differ from one exchange
// to the next: its number, its status and Meldungen (compared on their
// own), and the number a new course or exam draws.
var vorgangsteile = regexp.MustCompile(`<Vorgangsnummer>[^<]*</Vorgangsnummer>|<Status>(verarbeitet|geprueft)</Status>|<Meldungen>.*</Meldungen>|<(Kurskennung|Pruefungsnummer)>[KL][0-9]{9}</(Kurskennung|Pruefungsnummer)>`)

// antwortOhneVorgang renders an answer without its vorgangsteile, and
// with geprueft (a candidate of SprachtestMelden) read as verarbeitet.
func antwortOhneVorgang(tb testing.TB, resp inge.Response) string {
	tb.Helper()
	return antwortOhne(tb, resp, vorgangsteile)
}

// antwortOhne renders an answer without what parts matches.
func antwortOhne(tb testing.TB, resp inge.Response, parts *regexp.Regexp) string {
	tb.Helper()
	b, err := xml.Marshal(resp)
	if err != nil {
		tb.Fatal(err)
	}
	return parts.ReplaceAllString(string(b), "…")
}

// meldung is what the tests expect of a Meldung: its catalogue entry and the
// field it concerns. Art and Text come from the catalogue.
type meldung struct {
	key  inge.Key
	feld string
}

func (m meldung) String() string {
	e, _ := inge.DefaultKatalog().Lookup(m.key)
	return fmt.Sprintf("%s (%s) at %q", e.Code, m.key, m.feld)
}

// hasMeldungen checks that got holds exactly the Meldungen want, in any
// order, each with the Art of its catalogue entry and a fully rendered text.
func hasMeldungen(tb testing.TB, got []inge.Meldung, want ...meldung) {
	tb.Helper()
	k := inge.DefaultKatalog()
	type codeFeld struct{ code, feld string }
	var g, w []codeFeld
	for _, m := range got {
		g = append(g, codeFeld{m.Code, m.Feld})
		e, ok := k.ByCode(m.Code)
		switch {
		case !ok:
			tb.Errorf("Meldung %s at %q: code not in the catalogue", m.Code, m.Feld)
		case m.Art != e.Art:
			tb.Errorf("Meldung %s at %q: Art = %s; want %s", m.Code, m.Feld, m.Art, e.Art)
		}
		if m.Text == "" || strings.ContainsAny(m.Text, "{}") {
			tb.Errorf("Meldung %s at %q: Text = %q; want a rendered text", m.Code, m.Feld, m.Text)
		}
	}
	for _, m := range want {
		e, ok := k.Lookup(m.key)
		if !ok {
			tb.Fatalf("no catalogue key %s", m.key)
		}
		w = append(w, codeFeld{e.Code, m.feld})
	}
	cmp := func(a, b codeFeld) int { return strings.Compare(a.code+"\x00"+a.feld, b.code+"\x00"+b.feld) }
	slices.SortFunc(g, cmp)
	slices.SortFunc(w, cmp)
	if !slices.Equal(g, w) {
		tb.Errorf("Meldungen (Code, Feld) = %v; want %v", g, w)
	}
}

func hasStatus(tb testing.TB, resp inge.Response, want inge.Status) {
	tb.Helper()
	if got := resp.Base().Status; got != want {
		tb.Errorf("Status = %s; want %s", got, want)
	}
}

// mustSucceed stops the test unless resp was stored.
func mustSucceed(tb testing.TB, resp inge.Response) {
	tb.Helper()
	if got := resp.Base().Status; got != inge.StatusVerarbeitet {
		tb.Fatalf("%T: Status = %s, Meldungen %+v; want %s", resp, got, resp.Base().List(), inge.StatusVerarbeitet)
	}
}

// oder returns v, or sonst if v is the zero value.
func oder[T comparable](v, sonst T) T {
	var zero T
	if v != zero {
		return v
	}
	return sonst
}

// dumpTables renders every row of the tables, sorted, so that a test can
// show that a refused or rolled-back request changed nothing.
func dumpTables(tb testing.TB, s *mockstate.Store, tables ...string) string {
	tb.Helper()
	ctx := tb.Context()
	var lines []string
	err := s.View(ctx, func(tx *mockstate.Tx) error {
		for _, table := range tables {
			rows, err := tx.QueryContext(ctx, `SELECT * FROM `+table)
			if err != nil {
				return err
			}
			cols, err := rows.Columns()
			if err != nil {
				rows.Close()
				return err
			}
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return err
				}
				fields := make([]string, len(vals))
				for i, v := range vals {
					switch v := v.(type) {
					case nil:
						fields[i] = "NULL"
					case []byte:
						fields[i] = string(v)
					default:
						fields[i] = fmt.Sprint(v)
					}
				}
				lines = append(lines, table+" "+strings.Join(fields, " | "))
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// unveraendertGegen checks that zustand still renders vorher.
func unveraendertGegen(t *testing.T, zustand func() string, vorher string) {
	t.Helper()
	if got := zustand(); got != vorher {
		t.Errorf("the request changed the store:\n%s\nwant\n%s", got, vorher)
	}
}

// ergebnisGegen checks the answer to a write: with want nil it was stored
// with the Hinweis erfolg; otherwise it was refused with exactly want and
// zustand renders what it rendered before (vorher).
func ergebnisGegen(t *testing.T, zustand func() string, resp inge.Response, erfolg inge.Key, vorher string, want []meldung) {
	t.Helper()
	if want == nil {
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.Base().List(), meldung{erfolg, ""})
		return
	}
	hasStatus(t, resp, inge.StatusAbgelehnt)
	hasMeldungen(t, resp.Base().List(), want...)
	unveraendertGegen(t, zustand, vorher)
}

// gleicherTextWieUnbekannt checks that refusing a foreign identifier reads
// exactly like refusing an unknown one, so an answer never reveals that the
// object exists. id and unbekanntID are replaced by a placeholder.
func gleicherTextWieUnbekannt(t *testing.T, got, unbekannt []inge.Meldung, id, unbekanntID string) {
	t.Helper()
	if id == "" || len(got) != 1 || len(unbekannt) != 1 {
		return
	}
	g := strings.ReplaceAll(got[0].Text, id, "…")
	w := strings.ReplaceAll(unbekannt[0].Text, unbekanntID, "…")
	if g != w {
		t.Errorf("Text = %q; want %q, as for an unknown identifier", g, w)
	}
}

func count(tb testing.TB, s *mockstate.Store, table string) int {
	tb.Helper()
	var n int
	err := s.View(tb.Context(), func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(tb.Context(), `SELECT count(*) FROM `+table).Scan(&n)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}
