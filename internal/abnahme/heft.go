package abnahme

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// FallInfo names a test case of the Testfallheft.
type FallInfo struct {
	ID        string   `json:"id"`        // TF-AN-01, its tag without @
	Titel     string   `json:"titel"`     // the scenario's name after the ID
	Verfahren string   `json:"verfahren"` // the procedure's tag
	Datei     string   `json:"datei"`     // the feature file
	Tags      []string `json:"tags"`
}

// fallTag is the tag of a test case's ID: TF-, two letters of its
// procedure, two digits.
var fallTag = regexp.MustCompile(`^@(TF-[A-Z]{2}-\d{2})$`)

// unbekanntRE is the precondition that makes an identifier no course or
// exam has, such as a mistyped Kurskennung, one of the case's data.
var unbekanntRE = regexp.MustCompile(`^die (?:Kurskennung|Prüfungsnummer) "([^"]+)" gibt es nicht$`)

// abnahmetagRE is the background step that names the day of the
// acceptance test.
var abnahmetagRE = regexp.MustCompile(`^der Abnahmetag ist der (\d{2}\.\d{2}\.\d{4})$`)

// heft is the Testfallheft: its cases in the order of its files, and the
// day they all take place.
type heft struct {
	faelle     []FallInfo
	abnahmetag string // TT.MM.JJJJ
	// unbekannt are identifiers of no course or exam that a case names
	// as its own (unbekanntRE), by case ID.
	unbekannt map[string][]string
}

// leseHeft reads the Testfallheft's feature files, selected by a tag
// expression, and checks what the judgement relies on: every scenario is
// one case with one ID tag, its procedure's tag and a name that begins with
// its ID; IDs are unique; every case has its data in the Testdatenpaket
// under the same ID; all name the same Abnahmetag.
func leseHeft(fsys fs.FS, tags string, paket *testdaten.Paket) (*heft, error) {
	suite := godog.TestSuite{Options: &godog.Options{FS: fsys, Paths: []string{"."}, Tags: tags}}
	feats, err := suite.RetrieveFeatures()
	if err != nil {
		return nil, fmt.Errorf("Testfallheft: %w", err)
	}
	h := &heft{unbekannt: map[string][]string{}}
	var probs []string
	seen := map[string]bool{}
	verfahren := map[string]bool{}
	for _, p := range inge.Procedures() {
		verfahren[p.Name] = true
	}
	for _, f := range feats {
		for _, p := range f.Pickles {
			info := FallInfo{Datei: p.Uri}
			var ids []string
			for _, t := range p.Tags {
				info.Tags = append(info.Tags, t.Name)
				if m := fallTag.FindStringSubmatch(t.Name); m != nil {
					ids = append(ids, m[1])
				}
				if name := strings.TrimPrefix(t.Name, "@"); verfahren[name] {
					info.Verfahren = name
				}
			}
			where := p.Uri + ": " + p.Name
			if len(ids) != 1 {
				probs = append(probs, fmt.Sprintf("%s: hat %d Tags @TF-XX-NN; jeder Testfall hat genau einen", where, len(ids)))
				continue
			}
			info.ID = ids[0]
			info.Titel = strings.TrimSpace(strings.TrimPrefix(p.Name, info.ID))
			switch {
			case !strings.HasPrefix(p.Name, info.ID+" "):
				probs = append(probs, fmt.Sprintf("%s: der Name beginnt nicht mit %s", where, info.ID))
			case seen[info.ID]:
				probs = append(probs, fmt.Sprintf("%s: %s gibt es zweimal", where, info.ID))
			case info.Verfahren == "":
				probs = append(probs, fmt.Sprintf("%s: kein Tag eines Verfahrens (z. B. @KursbeginnMelden)", where))
			}
			if _, ok := paket.Fall(info.ID); !ok {
				probs = append(probs, fmt.Sprintf("%s: das Testdatenpaket hat keinen Testfall %s", where, info.ID))
			}
			seen[info.ID] = true
			tag := ""
			for _, st := range p.Steps {
				if m := abnahmetagRE.FindStringSubmatch(st.Text); m != nil {
					tag = m[1]
				}
				if m := unbekanntRE.FindStringSubmatch(st.Text); m != nil {
					h.unbekannt[info.ID] = append(h.unbekannt[info.ID], m[1])
				}
			}
			switch {
			case tag == "":
				probs = append(probs, fmt.Sprintf("%s: nennt keinen Abnahmetag (Grundlage: Angenommen der Abnahmetag ist der TT.MM.JJJJ)", where))
			case h.abnahmetag == "":
				h.abnahmetag = tag
			case tag != h.abnahmetag:
				probs = append(probs, fmt.Sprintf("%s: Abnahmetag %s; die anderen Testfälle nennen %s, eine Sandbox hat nur eine Uhr", where, tag, h.abnahmetag))
			}
			h.faelle = append(h.faelle, info)
		}
	}
	if len(probs) > 0 {
		return nil, fmt.Errorf("Testfallheft:\n  %s", strings.Join(probs, "\n  "))
	}
	if len(h.faelle) == 0 {
		return nil, fmt.Errorf("Testfallheft: kein Testfall ausgewählt (Tags %q)", tags)
	}
	return h, nil
}

// schluessel are the identifiers of the cases' data, each naming its
// case: the Kennziffern of its persons, its Kursorte and Lehrkraefte. Two
// cases sharing one could not be told apart in the journal, so that is an
// error of the Testdatenpaket.
func (h *heft) schluessel(paket *testdaten.Paket) (map[string]string, error) {
	out := map[string]string{}
	var probs []string
	add := func(k, fall string) {
		if other, ok := out[k]; ok && other != fall {
			probs = append(probs, fmt.Sprintf("%s gehört zu %s und %s", k, other, fall))
			return
		}
		out[k] = fall
	}
	for _, info := range h.alle(paket) {
		f, _ := paket.Fall(info)
		for _, p := range f.Personen {
			for _, k := range p.Kennziffern {
				add(k.Wert, f.ID)
			}
		}
		for _, k := range f.Kursorte {
			add(k.Kennung, f.ID)
		}
		for _, l := range f.Lehrkraefte {
			add(l.Kennung, f.ID)
		}
		for _, k := range h.unbekannt[f.ID] {
			add(k, f.ID)
		}
		add(f.ID, f.ID) // the marker of its preparation (datenDesTestfalls)
	}
	if len(probs) > 0 {
		slices.Sort(probs)
		return nil, fmt.Errorf("Testdatenpaket: Daten, die mehrere Testfälle verwenden: %s", strings.Join(probs, "; "))
	}
	return out, nil
}

// alle are the IDs of every case of the Testdatenpaket that belongs to the
// Testfallheft (TF-…), selected or not: the data of a case not selected
// still marks its requests as not the selected cases'.
func (h *heft) alle(paket *testdaten.Paket) []string {
	var out []string
	for _, f := range paket.Faelle {
		if strings.HasPrefix(f.ID, "TF-") {
			out = append(out, f.ID)
		}
	}
	return out
}
