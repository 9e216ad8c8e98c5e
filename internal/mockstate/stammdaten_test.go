package mockstate_test

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLookups(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)

	for _, tc := range []struct {
		name   string
		lookup func(tx *mockstate.Tx) (any, error)
		want   any // nil: want ErrNotFound
	}{
		{
			name:   "ZugangOK",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Zugang(ctx, "kt1.leitung") },
			want:   mockstate.Zugang{Name: "kt1.leitung", Passwort: "Test!Passwort2", Traegernummer: "10000001"},
		},
		{
			name:   "ZugangErrNotFound",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Zugang(ctx, "kt9.unbekannt") },
		},
		{
			name:   "ZugangErrNotFoundOtherCase",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Zugang(ctx, "KT1.LEITUNG") },
		},
		{
			name:   "TraegerOK",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Traeger(ctx, "10000001") },
			want: mockstate.Traeger{
				Traegernummer: "10000001", Name: "Sprachschule Beispielstadt gGmbH", Bundesland: "09",
				LidPruefstelle: true, Verwaltungsstandort: "VS-10000001-01", Lieferadresse: "LA-10000001-01",
			},
		},
		{
			name:   "TraegerWithoutLieferadresseOK",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Traeger(ctx, "10000002") },
			want: mockstate.Traeger{
				Traegernummer: "10000002", Name: "Volkshochschule Musterhausen", Bundesland: "05",
				Verwaltungsstandort: "VS-10000002-01",
			},
		},
		{
			name:   "TraegerErrNotFound",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Traeger(ctx, "10000003") },
		},
		{
			name:   "KursortOK",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Kursort(ctx, "KO-10000001-02") },
			want: mockstate.Kursort{
				Kennung: "KO-10000001-02", Traegernummer: "10000001",
				Bezeichnung: "Sprachschule Beispielstadt – Zweigstelle Am Markt",
				Strasse:     "Am Markt 3", Postleitzahl: "91999", Ort: "Beispielstadt", Bundesland: "09",
			},
		},
		{
			name:   "KursortErrNotFound",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Kursort(ctx, "KO-10000001-99") },
		},
		{
			name:   "LehrkraftOK",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Lehrkraft(ctx, "LK-2021-01388") },
			want: mockstate.Lehrkraft{
				Kennung: "LK-2021-01388", Familienname: "Demir", Vorname: "Murat",
				Geburtsdatum: date("1984-10-02"), ZugelassenBis: date("2027-06-30"),
			},
		},
		{
			name:   "LehrkraftWithoutLimitOK",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Lehrkraft(ctx, "LK-2019-00417") },
			want: mockstate.Lehrkraft{
				Kennung: "LK-2019-00417", Familienname: "Bergmann", Vorname: "Katharina",
				Geburtsdatum: date("1978-03-14"),
			},
		},
		{
			name:   "LehrkraftErrNotFound",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Lehrkraft(ctx, "LK-0000-00000") },
		},
		{
			name:   "LehrwerkOK",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Lehrwerk(ctx, "LW-003") },
			want: mockstate.Lehrwerk{
				Kennung: "LW-003", Titel: "Buchstabe für Buchstabe – Alphabetisierung im Integrationskurs",
				Verlag: "Verlag Lernweg", Kursarten: []string{"05", "09"},
			},
		},
		{
			name:   "LehrwerkErrNotFound",
			lookup: func(tx *mockstate.Tx) (any, error) { return tx.Lehrwerk(ctx, "LW-999") },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got any
			err := s.View(ctx, func(tx *mockstate.Tx) (err error) {
				got, err = tc.lookup(tx)
				return err
			})
			if tc.want == nil {
				if !errors.Is(err, mockstate.ErrNotFound) {
					t.Fatalf("err = %v; want ErrNotFound", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v; want %+v", got, tc.want)
			}
		})
	}
}

func TestFindPersons(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)
	findPersons := func(t *testing.T, geburtsdatum time.Time, art inge.AktenzeichenArt, wert string) []mockstate.Person {
		t.Helper()
		return ingetest.View(t, s, func(tx *mockstate.Tx) ([]mockstate.Person, error) {
			return tx.FindPersons(ctx, geburtsdatum, art, wert)
		})
	}

	for _, tc := range []struct {
		name         string
		geburtsdatum time.Time
		art          inge.AktenzeichenArt
		wert         string
		want         string // Familienname; "" for no match
	}{
		{"BAMFOK", date("1988-07-23"), inge.AktenzeichenBAMF, "6100103-163", "Öztürk"},
		{"ABHOK", date("1988-07-23"), inge.AktenzeichenABH, "ABH-09-2023-004711", "Öztürk"},
		{"TGSOK", date("2001-09-12"), inge.AktenzeichenTGS, "962D104711", "Tesfamariam"},
		{"BVAOK", date("1969-03-08"), inge.AktenzeichenBVA, "BVA-2024-118305", "Schneider"},
		{"OtherLocationSameDateOK", time.Date(1991, 4, 17, 23, 30, 0, 0, time.FixedZone("CEST", 2*3600)), inge.AktenzeichenBAMF, "6100101-475", "Al-Hassan"},
		{"NoMatchWrongDate", date("1988-07-24"), inge.AktenzeichenBAMF, "6100103-163", ""},
		{"NoMatchWrongArt", date("1988-07-23"), inge.AktenzeichenABH, "6100103-163", ""},
		{"NoMatchPrefix", date("1988-07-23"), inge.AktenzeichenBAMF, "6100103", ""},
		{"NoMatchWhitespace", date("1988-07-23"), inge.AktenzeichenBAMF, " 6100103-163", ""},
		{"NoMatchCase", date("2001-09-12"), inge.AktenzeichenTGS, "962d104711", ""},
		{"NoMatchOtherPersonsDate", date("1995-11-02"), inge.AktenzeichenBAMF, "6100103-163", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := findPersons(t, tc.geburtsdatum, tc.art, tc.wert)
			switch {
			case tc.want == "" && len(ps) != 0:
				t.Errorf("FindPersons = %v; want none", ps)
			case tc.want != "" && (len(ps) != 1 || ps[0].Familienname != tc.want):
				t.Errorf("FindPersons = %v; want one person %s", ps, tc.want)
			}
		})
	}

	t.Run("FullPerson", func(t *testing.T) {
		ps := findPersons(t, date("1993-05-05"), inge.AktenzeichenBAMF, "6100106-438")
		if len(ps) != 1 {
			t.Fatalf("FindPersons = %v; want one person", ps)
		}
		p := ps[0]
		p.ID = 0
		want := mockstate.Person{
			Familienname: "Mahmoud", Vorname: "Layla", Geburtsdatum: date("1993-05-05"), Geburtsort: "Mossul",
			Geschlecht: "w", Staatsangehoerigkeit: []string{"438", "439"},
			Anschrift: mockstate.Anschrift{
				Strasse: "Rosenweg 11", Postleitzahl: "91999", Ort: "Beispielstadt", Staat: "000", Bundesland: "09",
			},
			Kennziffern: []mockstate.Kennziffer{{Art: inge.AktenzeichenBAMF, Wert: "6100106-438"}},
			Testfall:    "KP-1",
		}
		if !reflect.DeepEqual(p, want) {
			t.Errorf("person = %+v; want %+v", p, want)
		}
	})
}

// Person reads a person and its lists in one statement; for every person
// of the Testdatenpaket it gives what the three tables hold, in their
// order, and FindPersons finds each by each of its Kennziffern.
func TestPersonWieGespeichert(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)
	err := s.View(ctx, func(tx *mockstate.Tx) error {
		ids := queryAll(t, tx, `SELECT id FROM person ORDER BY id`)
		if len(ids) < 100 {
			t.Fatalf("%d persons; want the Testdatenpaket's", len(ids))
		}
		mehrere := 0
		for _, id := range ids {
			p, err := tx.Person(ctx, mustInt(t, id[0]))
			if err != nil {
				return err
			}
			var staaten []string
			for _, r := range queryAll(t, tx, `SELECT code FROM person_staatsangehoerigkeit WHERE person_id = ? ORDER BY rang`, id[0]) {
				staaten = append(staaten, r[0])
			}
			var kennziffern []mockstate.Kennziffer
			for _, r := range queryAll(t, tx, `SELECT art, wert FROM person_kennziffer WHERE person_id = ? ORDER BY rowid`, id[0]) {
				kennziffern = append(kennziffern, mockstate.Kennziffer{Art: inge.AktenzeichenArt(r[0]), Wert: r[1]})
			}
			if len(kennziffern) > 1 {
				mehrere++
			}
			if !slices.Equal(p.Staatsangehoerigkeit, staaten) || !slices.Equal(p.Kennziffern, kennziffern) {
				t.Errorf("person %s: %v, %v; want %v, %v", id[0], p.Staatsangehoerigkeit, p.Kennziffern, staaten, kennziffern)
			}
			for _, k := range kennziffern {
				found, err := tx.FindPersons(ctx, p.Geburtsdatum, k.Art, k.Wert)
				if err != nil {
					return err
				}
				if len(found) != 1 || !reflect.DeepEqual(found[0], p) {
					t.Errorf("FindPersons(%s %s) = %+v; want %+v", k.Art, k.Wert, found, p)
				}
			}
		}
		if mehrere == 0 {
			t.Error("no person with several Kennziffern: their order is not tested")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// queryAll returns the rows of a query as text.
func queryAll(t testing.TB, tx *mockstate.Tx, query string, args ...any) [][]string {
	t.Helper()
	rows, err := tx.QueryContext(t.Context(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		row := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
