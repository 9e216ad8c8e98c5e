package inge_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// STAAT is the full Destatis list: three-digit keys, each taken from the
// Destatis lists of the register, with the values the Testdatenpaket and
// the features use, and a valid key outside the old 21 (432 Vietnam,
// fidelity review P2).
func TestCodelisteStaat(t *testing.T) {
	l, ok := inge.CodelisteByID("STAAT")
	if !ok {
		t.Fatal("code list STAAT missing")
	}
	if len(l.Codes) < 200 {
		t.Errorf("STAAT has %d values; want the full Destatis list (more than 200)", len(l.Codes))
	}
	threeDigits := regexp.MustCompile(`^[0-9]{3}$`)
	for _, c := range l.Codes {
		if !threeDigits.MatchString(c.Schluessel) {
			t.Errorf("STAAT key %q is not three digits", c.Schluessel)
		}
		if q := c.Herkunft.String(); !strings.HasPrefix(q, "quelle:DESTATIS-") || strings.HasSuffix(q, inge.Rekonstruiert) {
			t.Errorf("STAAT %s: Herkunft %s; want a Destatis list of the register", c.Schluessel, q)
		}
	}
	for key, want := range map[string]string{
		"000": "Deutschland", "121": "Albanien", "152": "Polen", "154": "Rumänien", "160": "Russische Föderation",
		"163": "Türkei", "166": "Ukraine", "224": "Eritrea", "225": "Äthiopien", "252": "Marokko",
		"423": "Afghanistan", "432": "Vietnam", "438": "Irak", "439": "Iran", "475": "Syrien",
		"997": "staatenlos", "998": "ungeklärt", "527": "Cookinseln",
	} {
		if c, ok := l.Lookup(key); !ok || c.Bezeichnung != want {
			t.Errorf("STAAT %s = %q, %v; want %q", key, c.Bezeichnung, ok, want)
		}
	}
	// 999 "ohne Angabe" and 910 "für interne Zwecke" are left out: the
	// Staatsangehoerigkeit is mandatory (see the file's header).
	for _, key := range []string{"999", "910"} {
		if l.Contains(key) {
			t.Errorf("STAAT contains %s; it is left out on purpose", key)
		}
	}
}

func TestParseCodelistenRejects(t *testing.T) {
	const head = "# Codeliste 999 Test\nSchluessel\tBezeichnung\tHerkunft\n"
	tests := map[string]string{
		"ErrUnknownKey":       "1\tEins\tquelle:inge-public-facts\n",
		"ErrNoPrefix":         "1\tEins\tITM\n",
		"ErrSection":          "1\tEins\tquelle:ITM 10.3.9\n",
		"ErrNotRekonstruiert": "1\tEins\tquelle:ITM vermutet\n",
		"ErrEmpty":            "1\tEins\t\n",
		"ErrDupKey":           "1\tEins\trekonstruiert\n1\tZwei\trekonstruiert\n",
	}
	for name, rows := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{"999-test.tsv": {Data: []byte(head + rows)}}
			if _, err := inge.ParseCodelisten(fsys, inge.DefaultQuellen()); err == nil {
				t.Errorf("ParseCodelisten() error = nil; want an error")
			}
		})
	}
	fsys := fstest.MapFS{"999-test.tsv": {Data: []byte(head + "1\tEins\tquelle:ITM\n2\tZwei\tquelle:KLARO-AN rekonstruiert\n3\tDrei\trekonstruiert\n")}}
	lists, err := inge.ParseCodelisten(fsys, inge.DefaultQuellen())
	if err != nil {
		t.Fatalf("ParseCodelisten() = %v; want the three forms of Herkunft accepted", err)
	}
	want := []inge.Herkunft{{Quelle: "ITM"}, {Quelle: "KLARO-AN", Rekonstruiert: true}, {Rekonstruiert: true}}
	for i, c := range lists["999"].Codes {
		if c.Herkunft != want[i] {
			t.Errorf("value %s: Herkunft = %+v; want %+v", c.Schluessel, c.Herkunft, want[i])
		}
	}
}

// The values the fidelity review found sourced in label but guessed in
// key say so; the ones whose key a source gives do not.
func TestCodelistenGuessedKeys(t *testing.T) {
	for _, tt := range []struct {
		list, key string
		want      inge.Herkunft
	}{
		{"801", "1", inge.Herkunft{Quelle: "KLARO-AN", Rekonstruiert: true}},
		{"802", "01", inge.Herkunft{Quelle: "BAMF-KN", Rekonstruiert: true}},
		{"802", "10", inge.Herkunft{Quelle: "KLARO-KB", Rekonstruiert: true}},
		{"803", "2", inge.Herkunft{Quelle: "Q-BSP"}},
		{"803", "OK", inge.Herkunft{Quelle: "KLARO-KB", Rekonstruiert: true}},
		{"806", "6", inge.Herkunft{Quelle: "CMX-TEV"}},
		{"814", "01", inge.Herkunft{Quelle: "Q-KP", Rekonstruiert: true}},
		{"ISCED", "3A", inge.Herkunft{Quelle: "ITM"}},
		{"ISCED", "KA", inge.Herkunft{Quelle: "ITM", Rekonstruiert: true}},
		{"ZULASSUNGSART", "W", inge.Herkunft{Quelle: "CMX-TEV", Rekonstruiert: true}},
		{"KOSTENBEFREIUNG", "SGB2", inge.Herkunft{Quelle: "ABES-TN", Rekonstruiert: true}},
		{"DTZERGEBNIS", "UA2", inge.Herkunft{Quelle: "CMX-GAST", Rekonstruiert: true}},
		{"DTZERGEBNIS", "A2", inge.Herkunft{Rekonstruiert: true}},
		{"DTZERGEBNIS", "B1", inge.Herkunft{Quelle: "CMX-GAST"}},
		{"STAAT", "000", inge.Herkunft{Quelle: "DESTATIS-STAATSANGEHOERIGKEIT"}},
	} {
		l, _ := inge.CodelisteByID(tt.list)
		if c, ok := l.Lookup(tt.key); !ok || c.Herkunft != tt.want {
			t.Errorf("%s %s: Herkunft = %s; want %s", tt.list, tt.key, c.Herkunft, tt.want)
		}
	}
}
