package inge_test

import (
	"regexp"
	"strings"
	"testing"

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
		if q := c.Herkunft; !strings.HasPrefix(q, "quelle:DESTATIS-") || strings.HasSuffix(q, inge.Rekonstruiert) {
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
