package abnahme_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/abnahme/referenz"
)

// faelleMit lists case IDs: "TF-AN-03 TF-AN-05" and so on, or whole groups
// as "TF-KU-*".
func faelleMit(alle []string, spec string) []string {
	var out []string
	for _, s := range strings.Fields(spec) {
		if prefix, ok := strings.CutSuffix(s, "*"); ok {
			for _, id := range alle {
				if strings.HasPrefix(id, prefix) {
					out = append(out, id)
				}
			}
			continue
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// ohne is all cases but those.
func ohne(alle []string, spec string) []string {
	not := faelleMit(alle, spec)
	var out []string
	for _, id := range alle {
		if !slices.Contains(not, id) {
			out = append(out, id)
		}
	}
	return out
}

// Each mutant of the reference product has one realistic bug, and fails
// exactly the cases its bug touches; the reference product itself fails
// none. The table is the issue's: bug, cases that caught it.
func TestMutanten(t *testing.T) {
	mock := startMock(t)
	ref := lauf(t, mock, referenz.Keiner, "")
	var alle []string
	for _, f := range ref.Faelle {
		alle = append(alle, f.Info.ID)
	}
	slices.Sort(alle)
	if len(alle) < 60 {
		t.Fatalf("the Testfallheft has %d cases; want at least 60", len(alle))
	}
	ohneDatum := "TF-KU-* TF-KS-* TF-LS-* TF-LU-*" // requests without a date
	tests := []struct {
		fehler referenz.Fehler
		want   []string
	}{
		{referenz.Keiner, nil},
		{referenz.FalscherNamensraum, alle},
		{referenz.PflichtfeldFehlt, faelleMit(alle, "TF-AN-*")},
		{referenz.DatumDeutsch, ohne(alle, ohneDatum)},
		{referenz.DatumEinTagFrueher, ohne(alle, ohneDatum)},
		{referenz.MeldungenIgnorieren, faelleMit(alle, "TF-AN-03 TF-AN-04 TF-AN-05 TF-WV-02 TF-WV-03 TF-AA-02 TF-AB-02 TF-AB-03 TF-AB-04 TF-KU-03 TF-KU-04 TF-KB-02 TF-KB-03 TF-KB-04 TF-KB-05 TF-KO-02 TF-KO-03 TF-KA-02 TF-KA-03 TF-KP-02 TF-KP-03 TF-KP-04 TF-KP-06 TF-KS-02 TF-KS-03 TF-LA-02 TF-LA-03 TF-LU-02 TF-LE-02 TF-LE-03 TF-LS-02 TF-LS-03 TF-LT-03 TF-LT-04 TF-ST-02 TF-ST-03 TF-ST-04 TF-TA-03 TF-TA-04 TF-TA-05")},
		{referenz.ErneutSenden, faelleMit(alle, "TF-AN-01 TF-AN-02 TF-AN-03 TF-AN-05 TF-AN-06 TF-AN-07 TF-AN-08 TF-WV-01 TF-WV-03 TF-AA-01 TF-AA-03 TF-AB-01 TF-AB-02 TF-KB-01 TF-KB-03 TF-KB-04 TF-KB-06 TF-KO-01 TF-KO-03 TF-KA-01 TF-KP-* TF-KS-01 TF-LA-01 TF-LA-02 TF-LE-* TF-LS-01 TF-LT-01 TF-LT-02 TF-LT-04 TF-ST-*")},
		{referenz.FalschePerson, faelleMit(alle, "TF-AA-* TF-AB-* TF-KB-* TF-KA-* TF-KP-* TF-LT-01 TF-LT-02 TF-ST-01")},
		{referenz.KeinErneuterVersuch, faelleMit(alle, "TF-AN-06 TF-KB-06 TF-KP-05 TF-LE-04")},
		{referenz.PasswordText, alle},
		{referenz.VeralteterZeitstempel, alle},
		{referenz.OhneNachmeldungsgrund, faelleMit(alle, "TF-KP-03")},
		{referenz.KorrekturIgnoriert, faelleMit(alle, "TF-AN-03 TF-AN-05 TF-WV-03 TF-AB-02 TF-KB-03 TF-KB-04 TF-KO-03 TF-KP-02 TF-KP-03 TF-KP-04 TF-LA-02 TF-LE-02 TF-LE-03 TF-LT-04 TF-ST-02 TF-ST-03 TF-ST-04 TF-TA-04")},
		{referenz.NummerNichtAngezeigt, faelleMit(alle, "TF-KP-01 TF-KP-02 TF-KP-06 TF-LE-01 TF-LE-02")},
		{referenz.BogennummerOhneNull, faelleMit(alle, "TF-ST-*")},
	}
	if got := len(tests) - 1; got != len(referenz.Alle())-1 || got < 12 {
		t.Fatalf("%d mutants in the table, %d bugs in package referenz; want them all, at least 12", got, len(referenz.Alle())-1)
	}
	var table []string
	for _, tt := range tests {
		res := ref
		if tt.fehler != referenz.Keiner {
			res = lauf(t, mock, tt.fehler, "")
		}
		var failed []string
		for _, f := range res.Faelle {
			switch {
			case f.Urteil == abnahme.NichtBestanden:
				failed = append(failed, f.Info.ID)
				if len(f.AlleBefunde()) == 0 {
					t.Errorf("%s: %s failed without a finding", tt.fehler.Beschreibung(), f.Info.ID)
				}
			case f.Urteil != abnahme.Bestanden:
				t.Errorf("%s: %s is %s; a program answers every question", tt.fehler.Beschreibung(), f.Info.ID, f.Urteil)
			}
		}
		slices.Sort(failed)
		if !slices.Equal(failed, tt.want) {
			t.Errorf("%s: failed %d cases %v; want %d %v", tt.fehler.Beschreibung(), len(failed), failed, len(tt.want), tt.want)
			for _, f := range res.Faelle {
				if f.Urteil == abnahme.NichtBestanden && !slices.Contains(tt.want, f.Info.ID) {
					for _, b := range f.AlleBefunde() {
						t.Logf("  unexpected: %s", b)
					}
				}
			}
		}
		caught := fmt.Sprintf("%d", len(failed))
		if len(failed) == len(alle) {
			caught += " (alle)"
		} else if len(failed) > 0 {
			caught += ": " + strings.Join(failed, " ")
		}
		table = append(table, fmt.Sprintf("| %s | %s |", tt.fehler.Beschreibung(), caught))
	}
	t.Logf("%d cases; bug | cases that caught it\n%s", len(alle), strings.Join(table, "\n"))
}
