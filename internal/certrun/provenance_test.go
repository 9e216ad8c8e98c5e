package certrun

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// featuresDir is the test concept on disk: the embedded features and, in
// einstellungen/, the scenarios that need a mock with another setting
// (TestFeaturesEinstellungen runs them).
const featuresDir = "../../features"

// assertionStep is a step that asserts a catalogue code: its expression as
// registered, and the submatch that is the code, or 0 for the Code column
// of the step's table.
type assertionStep struct {
	expr  string
	group int
}

// assertionSteps are the steps that count as asserting a code. A code
// named anywhere else (a comment, "enthält nicht die Meldung", a
// description) is no assertion.
func assertionSteps() []assertionStep {
	return []assertionStep{
		{`^die Antwort enthält die Meldung "([^"]*)"(?: zum Feld "([^"]*)")?$`, 1},
		{`^die Antwort enthält genau diese Meldungen:$`, 0},
		{`^die Meldung "([^"]*)" nennt "([^"]*)"$`, 1},
		{`^die Meldung "([^"]*)" nennt die Prüfungsnummer$`, 1},
		{`^die Meldung "([^"]*)" lautet wie für eine unbekannte Prüfungsnummer$`, 1},
		{`^die Kursauskunft( zu dieser Kurskennung)? meldet "([^"]*)"$`, 2},
		{`^die LiD-Auskunft( zu dieser Prüfung)? meldet "([^"]*)"$`, 2},
		{`^antwortet der Dienst mit dem Fault "([^"]*)" und dem faultcode "([^"]*)"$`, 1},
		{`^antwortet der Dienst mit dem Fault "([^"]*)" zum Feld "([^"]*)"$`, 1},
		{`^antwortet der Dienst auf (\d+) davon mit dem Fault "([^"]*)" und auf die übrigen mit dem Status "([^"]*)"$`, 2},
	}
}

// allowedWithoutScenario are the catalogue codes that no correct client
// can provoke, each with its reason and the Go test that asserts it
// instead.
func allowedWithoutScenario() map[string]struct{ reason, goTest string } {
	return map[string]struct{ reason, goTest string }{
		"F300": {"nur ein Fehler in mockinge selbst (z. B. eine kaputte Datenbank) führt dazu, keine Anfrage", "TestInternalErrorIsF300"},
	}
}

// scenario is a pickle of the test concept as godog runs it: Examples
// filled in, the tags of its feature included.
type scenario struct {
	where string // file: name
	tags  []string
	steps []scenarioStep
}

type scenarioStep struct {
	text  string
	table [][]string // nil without a table
}

// readScenarios parses the feature files under featuresDir as godog does.
func readScenarios(t *testing.T) []scenario {
	t.Helper()
	suite := godog.TestSuite{Options: &godog.Options{FS: os.DirFS(featuresDir), Paths: []string{"."}}}
	feats, err := suite.RetrieveFeatures()
	if err != nil {
		t.Fatalf("parse %s: %v", featuresDir, err)
	}
	var out []scenario
	for _, f := range feats {
		for _, p := range f.Pickles {
			s := scenario{where: p.Uri + ": " + p.Name}
			for _, tag := range p.Tags {
				s.tags = append(s.tags, tag.Name)
			}
			for _, st := range p.Steps {
				step := scenarioStep{text: st.Text}
				if st.Argument != nil && st.Argument.DataTable != nil {
					for _, row := range st.Argument.DataTable.Rows {
						var cells []string
						for _, c := range row.Cells {
							cells = append(cells, c.Value)
						}
						step.table = append(step.table, cells)
					}
				}
				s.steps = append(s.steps, step)
			}
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no scenarios under %s", featuresDir)
	}
	return out
}

// registeredSteps returns the expressions of every step certrun registers,
// as godog lists them (godog -d).
func registeredSteps(t *testing.T) map[string]bool {
	t.Helper()
	var buf bytes.Buffer
	r := &runner{}
	godog.TestSuite{ScenarioInitializer: r.initScenario, Options: &godog.Options{ShowStepDefinitions: true, Format: "progress", Output: &buf, NoColors: true}}.Run()
	ansi := regexp.MustCompile(`\x1b\[[0-9;]*m`)
	out := map[string]bool{}
	for _, line := range strings.Split(ansi.ReplaceAllString(buf.String(), ""), "\n") {
		if i := strings.LastIndex(line, " # "); i > 0 {
			out[strings.TrimSpace(line[:i])] = true
		}
	}
	if len(out) == 0 {
		t.Fatalf("godog lists no step definitions:\n%s", buf.String())
	}
	return out
}

// assertedCodes returns the codes a scenario asserts, in step order.
func assertedCodes(t *testing.T, s scenario, steps []assertionStep, res []*regexp.Regexp) []string {
	t.Helper()
	var codes []string
	for _, st := range s.steps {
		for i, a := range steps {
			m := res[i].FindStringSubmatch(st.text)
			if m == nil {
				continue
			}
			if a.group > 0 {
				codes = append(codes, m[a.group])
				continue
			}
			col := -1
			if len(st.table) > 0 {
				col = slices.Index(st.table[0], "Code")
			}
			if col < 0 {
				t.Errorf("%s: %q has no table with a column Code", s.where, st.text)
				continue
			}
			for _, row := range st.table[1:] {
				codes = append(codes, row[col])
			}
		}
	}
	return codes
}

// scenarioCodes reads every scenario and the codes it asserts; it fails if
// an assertion step of the list is not a step certrun registers.
func scenarioCodes(t *testing.T) ([]scenario, [][]string) {
	t.Helper()
	steps := assertionSteps()
	registered := registeredSteps(t)
	res := make([]*regexp.Regexp, len(steps))
	for i, a := range steps {
		if !registered[a.expr] {
			t.Errorf("assertion step %s is not a registered step; the list in %s must follow the steps", a.expr, "provenance_test.go")
		}
		res[i] = regexp.MustCompile(a.expr)
	}
	scenarios := readScenarios(t)
	codes := make([][]string, len(scenarios))
	for i, s := range scenarios {
		codes[i] = assertedCodes(t, s, steps, res)
	}
	return scenarios, codes
}

// TestEveryCatalogueCodeIsAsserted fails when a code of the catalogue is
// asserted by no scenario (a Meldung or Fault code named in an assertion
// step or its table, Examples filled in), unless it is on the allow-list
// with its reason and a Go test of that name exists; and when a scenario
// asserts a code the catalogue lacks.
func TestEveryCatalogueCodeIsAsserted(t *testing.T) {
	scenarios, codes := scenarioCodes(t)
	kat := inge.DefaultKatalog()
	asserted := map[string][]string{}
	for i, s := range scenarios {
		for _, c := range codes[i] {
			if _, ok := kat.ByCode(c); !ok {
				t.Errorf("%s asserts %q, which is not in the catalogue", s.where, c)
			}
			asserted[c] = append(asserted[c], s.where)
		}
	}
	allowed := allowedWithoutScenario()
	var missing []string
	for _, e := range kat.Entries() {
		_, ok := allowed[e.Code]
		switch {
		case len(asserted[e.Code]) == 0 && !ok:
			missing = append(missing, e.Code+" ("+string(e.Key)+")")
		case len(asserted[e.Code]) > 0 && ok:
			t.Errorf("%s is on the allow-list but asserted by %s: take it off", e.Code, asserted[e.Code][0])
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d catalogue codes are asserted by no scenario: %s\n"+
			"write a scenario (features/), or, if no correct client can provoke the code, put it on allowedWithoutScenario with its reason and the Go test that asserts it",
			len(missing), len(kat.Entries()), strings.Join(missing, ", "))
	}
	tests := goTestNames(t)
	for code, a := range allowed {
		if _, ok := kat.ByCode(code); !ok {
			t.Errorf("allow-list: %s is not in the catalogue", code)
		}
		if a.reason == "" || !tests[a.goTest] {
			t.Errorf("allow-list: %s needs a reason and an existing Go test (%q not found)", code, a.goTest)
		}
	}
	t.Logf("%d of %d catalogue codes asserted by a scenario; %d allowed without one", len(kat.Entries())-len(missing)-len(allowed), len(kat.Entries()), len(allowed))
}

// goTestNames returns the names of the Test functions of the module.
func goTestNames(t *testing.T) map[string]bool {
	t.Helper()
	re := regexp.MustCompile(`(?m)^func (Test\w+)\(`)
	names := map[string]bool{}
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			names[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestEveryScenarioNamesASource fails when a scenario carries, with the
// tags of its feature, neither a source tag @quelle:KEY nor @rekonstruiert;
// and when its tags leave out a source of a code it asserts: the key of the
// code's Herkunft in the catalogue, or @rekonstruiert for a code that is
// rekonstruiert. The keys themselves are checked against the register by
// TestSourcesAreRegistered (the module's root package).
func TestEveryScenarioNamesASource(t *testing.T) {
	scenarios, codes := scenarioCodes(t)
	kat, quellen := inge.DefaultKatalog(), inge.DefaultQuellen()
	for i, s := range scenarios {
		keys, rekonstruiert := map[string]bool{}, false
		for _, tag := range s.tags {
			if key, ok := strings.CutPrefix(tag, "@quelle:"); ok {
				keys[key] = true
			}
			rekonstruiert = rekonstruiert || tag == "@"+inge.Rekonstruiert
		}
		if len(keys) == 0 && !rekonstruiert {
			t.Errorf("%s names no source: tag it @quelle:KEY (the source of the rule it tests) or @%s", s.where, inge.Rekonstruiert)
			continue
		}
		var want []string
		for _, c := range codes[i] {
			e, ok := kat.ByCode(c)
			if !ok {
				continue // reported by TestEveryCatalogueCodeIsAsserted
			}
			h, err := quellen.ParseHerkunft(e.Herkunft, "")
			switch {
			case err != nil:
				continue // reported by TestSourcesAreRegistered
			case h.Quelle != "" && !keys[h.Quelle]:
				want = append(want, "@quelle:"+h.Quelle+" ("+c+")")
			case h.Quelle == "" && !rekonstruiert:
				want = append(want, "@"+inge.Rekonstruiert+" ("+c+")")
			}
		}
		if len(want) > 0 {
			sort.Strings(want)
			t.Errorf("%s lacks the tags of the rules it asserts: %s", s.where, strings.Join(slices.Compact(want), " "))
		}
	}
}
