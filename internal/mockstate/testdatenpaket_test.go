package mockstate_test

import (
	"reflect"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

func TestLoadTestdatenpaket_Embedded(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)

	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []mockstate.Benutzer{
		{Name: "kt1.leitung", Traegernummer: "10000001"},
		{Name: "kt1.sachbearbeitung", Traegernummer: "10000001"},
		{Name: "kt2.sachbearbeitung", Traegernummer: "10000002"},
	}
	if !reflect.DeepEqual(users, want) {
		t.Errorf("Users = %v; want %v", users, want)
	}

	// Every record of the package is loaded: the expected counts come from
	// the package itself, so adding a test case does not break this test.
	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{"traeger": len(paket.Traeger), "lehrwerk": len(paket.Lehrwerke), "testfall": len(paket.Faelle)}
	for _, tr := range paket.Traeger {
		counts["benutzer"] += len(tr.Benutzer)
	}
	for _, f := range paket.Faelle {
		counts["kursort"] += len(f.Kursorte)
		counts["lehrkraft"] += len(f.Lehrkraefte)
		counts["person"] += len(f.Personen)
	}
	for table, want := range counts {
		if got := count(t, s, table); got != want {
			t.Errorf("%s: %d rows; want %d", table, got, want)
		}
	}
}

func TestLoadTestdatenpaket_Idempotent(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustStore(t)
	before := dump(t, s)
	if err := s.LoadTestdatenpaket(ctx, harness.Testdatenpaket()); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, s); after != before {
		t.Errorf("state after second load differs:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestLoadTestdatenpaket_Invalid(t *testing.T) {
	for _, tc := range []struct {
		name    string
		file    string // file of ingetest.MinimalPaket to change
		old     string // replace old by new in it
		new     string
		wantErr string
	}{
		{
			name: "ErrUnknownTraeger",
			file: "faelle/T-1.json", old: `"Traegernummer": "20000001"`, new: `"Traegernummer": "29999999"`,
			wantErr: `Traegernummer "29999999" is not in traeger.json`,
		},
		{
			name: "ErrDigitsInName",
			file: "faelle/T-1.json", old: `"Vorname": "Amina"`, new: `"Vorname": "Amina2"`,
			wantErr: `Vorname "Amina2": BAMF accepts no digits or special characters in names`,
		},
		{
			name: "ErrSpecialCharacterInName",
			file: "faelle/T-1.json", old: `"Familienname": "Yousef"`, new: `"Familienname": "Yousef!"`,
			wantErr: `Familienname "Yousef!": BAMF accepts no digits`,
		},
		{
			name: "ErrDuplicateKennziffer",
			file: "faelle/T-1.json", old: `"Wert": "0000002-423"`, new: `"Wert": "0000001-475"`,
			wantErr: `Kennziffer BAMF "0000001-475" is already used by faelle/T-1.json: Personen[0] Yousef, Amina`,
		},
		{
			name: "ErrBadDate",
			file: "faelle/T-1.json", old: `"Geburtsdatum": "1990-01-31"`, new: `"Geburtsdatum": "1990-02-30"`,
			wantErr: `Geburtsdatum "1990-02-30" is not a date yyyy-mm-dd`,
		},
		{
			name: "ErrUnknownField",
			file: "traeger.json", old: `"LidPruefstelle"`, new: `"LiDPruefstelle": true, "Pruefstelle"`,
			wantErr: `traeger.json: json: unknown field "Pruefstelle"`,
		},
		{
			name: "ErrIDNotFileName",
			file: "faelle/T-1.json", old: `"ID": "T-1"`, new: `"ID": "T-9"`,
			wantErr: `faelle/T-1.json: ID "T-9" does not match the file name`,
		},
		{
			name: "ErrUnknownKennzifferArt",
			file: "faelle/T-1.json", old: `"Art": "ABH"`, new: `"Art": "AZR"`,
			wantErr: `Kennziffer Art "AZR" is not one of`,
		},
		{
			name: "ErrKursortInOtherBundesland",
			file: "faelle/T-1.json", old: `"Bundesland": "03", "Barrierefrei"`, new: `"Bundesland": "04", "Barrierefrei"`,
			wantErr: `Bundesland "04" differs from the Bundesland "03" of Traeger 20000001`,
		},
		{
			name: "ErrTrailingData",
			file: "lehrwerke.json", old: `"05"]}]}`, new: `"05"]}]} {}`,
			wantErr: `lehrwerke.json: data after the top-level value`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := ingetest.MinimalPaketWith(t, tc.file, tc.old, tc.new)
			s := ingetest.MustOpen(t, mockstate.MemoryPath)
			err := s.LoadTestdatenpaket(t.Context(), fsys)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("LoadTestdatenpaket: err = %v; want one containing %q", err, tc.wantErr)
			}
			if n := count(t, s, "traeger"); n != 0 {
				t.Errorf("traeger: %d rows after a failed load; want 0", n)
			}
		})
	}

	t.Run("OK", func(t *testing.T) {
		s := ingetest.MustOpen(t, mockstate.MemoryPath)
		if err := s.LoadTestdatenpaket(t.Context(), ingetest.MinimalPaket()); err != nil {
			t.Fatalf("LoadTestdatenpaket of the unchanged package: %v", err)
		}
	})
}

// dump renders every row of the tables the Testdatenpaket fills, sorted.
func dump(tb testing.TB, s *mockstate.Store) string {
	tb.Helper()
	return dumpTables(tb, s, "traeger", "benutzer", "testfall", "kursort", "lehrkraft", "lehrwerk", "lehrwerk_kursart",
		"person", "person_staatsangehoerigkeit", "person_kennziffer")
}
