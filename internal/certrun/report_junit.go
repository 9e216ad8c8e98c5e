package certrun

import (
	"cmp"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/junit"
)

// The JUnit XML of a run (package junit): a testsuite per feature, a
// testcase per scenario with classname "features.<file>" and a name unique
// in its suite. godog's junit formatter reported errors="0" beside its
// <error> elements, gave no classname, and repeated names.

// junitPackage is the package of every testcase's classname: the features
// of the test concept.
const junitPackage = "features"

// junitXML writes the JUnit XML of the features as godog's Cucumber JSON
// has them. A scenario failed when a step failed (<failure>); it errored
// when a step was undefined, pending or ambiguous, which is a fault of the
// test concept rather than of the endpoint (<error>); it was skipped when
// no step ran.
func junitXML(features []cukeFeature, started time.Time, hostname string) ([]byte, error) {
	doc := junit.Suites{}
	for i, f := range features {
		suite := junit.Suite{
			ID: i, Package: junitPackage, Name: cmp.Or(junit.Token(f.Name), f.URI), Hostname: hostname,
			Timestamp:  junit.Timestamp(started),
			Properties: []junit.Property{{Name: "datei", Value: f.URI}},
		}
		classname := junitPackage + "." + strings.TrimSuffix(path.Base(f.URI), ".feature")
		names := map[string]int{}
		for _, el := range f.Elements {
			names[junit.Token(el.Name)]++
		}
		var total time.Duration
		for _, el := range f.Elements {
			c := junit.Case{Name: junit.Token(el.Name), Classname: classname}
			if names[c.Name] > 1 {
				c.Name += " (Zeile " + strconv.Itoa(el.Line) + ")"
			}
			var d time.Duration
			for _, s := range el.Steps {
				d += time.Duration(s.Result.Duration)
			}
			total += d
			c.Time = junit.Seconds(d)
			switch kind, step := scenarioOutcome(el); kind {
			case "failed":
				c.Failure = problem(f, el, step, "fehlgeschlagen")
			case "undefined", "pending", "ambiguous":
				c.Error = problem(f, el, step, map[string]string{"undefined": "undefiniert", "pending": "ausstehend", "ambiguous": "mehrdeutig"}[kind])
			case "skipped":
				c.Skipped = &junit.Skipped{}
			}
			suite.Cases = append(suite.Cases, c)
		}
		suite.Count(total)
		doc.Suites = append(doc.Suites, suite)
	}
	return junit.Marshal(doc)
}

// scenarioOutcome is a scenario's outcome from its steps, and the step
// that decided it: the first step that failed, or was undefined, pending or
// ambiguous; else "skipped" if a step was skipped (godog.ErrSkip) or none
// ran, else "passed".
func scenarioOutcome(el cukeElement) (string, *cukeStep) {
	outcome := "passed"
	if len(el.Steps) == 0 {
		outcome = "skipped"
	}
	for i := range el.Steps {
		switch st := el.Steps[i].Result.Status; st {
		case "passed":
		case "skipped":
			outcome = "skipped"
		default:
			return st, &el.Steps[i]
		}
	}
	return outcome, nil
}

// problem describes the step that decided a scenario's outcome: the
// message is the error's first line, the text the step with its place and
// the whole error.
func problem(f cukeFeature, el cukeElement, st *cukeStep, kind string) *junit.Problem {
	p := &junit.Problem{Type: kind}
	if st == nil {
		return p
	}
	first, _, _ := strings.Cut(st.Result.Error, "\n")
	p.Message = first
	if p.Message == "" {
		p.Message = "Schritt " + kind
	}
	p.Text = strings.TrimSpace(fmt.Sprintf("%s%s (%s:%d, Szenario „%s“)\n%s", st.Keyword, st.Name, f.URI, st.Line, el.Name, st.Result.Error))
	return p
}
