package mockstate_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// TestGruppeJournalEntries: in a group of several writes each entry is
// made by the goroutine waiting for its write and written with the
// group; a write whose entry cannot be made (an error, a panic) keeps
// neither its effect nor an entry, and the others of its group keep both.
func TestGruppeJournalEntries(t *testing.T) {
	ctx := t.Context()
	s := openFileStore(t)
	errKaputt := errors.New("Eintrag kaputt")
	type lauf struct {
		name    string
		eintrag func(n int, resp inge.Response) (mockstate.Eintrag, error)
	}
	eintrag := func(n int, resp inge.Response) (mockstate.Eintrag, error) {
		return mockstate.Eintrag{Operation: "KursplanungErfassen", Ergebnis: string(resp.Base().Status), Vorgangsnummer: fmt.Sprintf("V-test-%d", n)}, nil
	}
	for _, l := range []lauf{
		{"AlleGut", eintrag},
		{"EinFehler", func(n int, resp inge.Response) (mockstate.Eintrag, error) {
			if n == 2 {
				return mockstate.Eintrag{}, errKaputt
			}
			return eintrag(n, resp)
		}},
		{"EinePanik", func(n int, resp inge.Response) (mockstate.Eintrag, error) {
			if n == 3 {
				panic(errKaputt)
			}
			return eintrag(n, resp)
		}},
	} {
		t.Run(l.name, func(t *testing.T) {
			vorher, _ := stored(t, s)
			journalVorher := len(mustJournal(t, s))
			// One write holds the writer while four queue: they are then
			// one group, each with its entry made apart.
			var wg sync.WaitGroup
			release := holdWriter(t, s, &wg)
			type ausgang struct {
				kennung  string
				err      error
				panicked any
			}
			ausgaenge := make([]ausgang, 4)
			for i := range ausgaenge {
				wg.Go(func() {
					defer func() { ausgaenge[i].panicked = recover() }()
					checked, err := inge.Check(validPlan(t))
					if err != nil {
						ausgaenge[i].err = err
						return
					}
					resp, err := s.ApplyJournaled(ctx, kt1, checked, func(resp inge.Response) (mockstate.Eintrag, error) { return l.eintrag(i, resp) })
					ausgaenge[i].err = err
					if a, ok := resp.(*inge.KursplanungErfassenAntwort); ok {
						ausgaenge[i].kennung = a.Kurskennung
					}
				})
				waitQueued(t, s, i+1)
			}
			release()
			wg.Wait()
			gut := 0
			for i, a := range ausgaenge {
				failed := a.err != nil || a.panicked != nil
				wantFailed := l.name == "EinFehler" && i == 2 || l.name == "EinePanik" && i == 3
				switch {
				case failed != wantFailed:
					t.Errorf("write %d: err %v, panic %v; want failed %v", i, a.err, a.panicked, wantFailed)
				case failed && a.err != nil && !errors.Is(a.err, errKaputt):
					t.Errorf("write %d: err %v; want %v", i, a.err, errKaputt)
				case !failed:
					gut++
				}
			}
			nachher, _ := stored(t, s)
			if nachher-vorher != gut {
				t.Errorf("%d courses stored for %d writes that succeeded", nachher-vorher, gut)
			}
			es := mustJournal(t, s)
			if len(es)-journalVorher != gut {
				t.Errorf("%d journal entries for %d writes that succeeded", len(es)-journalVorher, gut)
			}
		})
	}
}

func mustJournal(t *testing.T, s *mockstate.Store) []mockstate.Eintrag {
	t.Helper()
	es, err := s.Journal(t.Context(), mockstate.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return es
}
