package certrun

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"
)

// The JUnit XML of a run, in the format of Apache Ant's JUnit task that
// Jenkins, GitLab, Azure DevOps and the GitHub actions read, valid against
// its schema (testdata/junit/JUnit.xsd, checked by the tests): a testsuite
// per feature, a testcase per scenario with classname "features.<file>"
// and a name unique in its suite, and counts that are the elements' own.
// godog's junit formatter reported errors="0" beside its <error> elements,
// gave no classname, and repeated names.
type (
	junitSuites struct {
		XMLName xml.Name     `xml:"testsuites"`
		Suites  []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		ID         int             `xml:"id,attr"`
		Package    string          `xml:"package,attr"`
		Name       string          `xml:"name,attr"`
		Timestamp  string          `xml:"timestamp,attr"`
		Hostname   string          `xml:"hostname,attr"`
		Tests      int             `xml:"tests,attr"`
		Failures   int             `xml:"failures,attr"`
		Errors     int             `xml:"errors,attr"`
		Skipped    int             `xml:"skipped,attr"`
		Time       string          `xml:"time,attr"`
		Properties []junitProperty `xml:"properties>property"`
		Cases      []junitCase     `xml:"testcase"`
		SystemOut  string          `xml:"system-out"`
		SystemErr  string          `xml:"system-err"`
	}
	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Time      string        `xml:"time,attr"`
		Skipped   *struct{}     `xml:"skipped"`
		Error     *junitProblem `xml:"error"`
		Failure   *junitProblem `xml:"failure"`
	}
	junitProblem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// junitPackage is the package of every testcase's classname: the features
// of the test concept.
const junitPackage = "features"

// junitXML writes the JUnit XML of the features as godog's Cucumber JSON
// has them. A scenario failed when a step failed (<failure>); it errored
// when a step was undefined, pending or ambiguous, which is a fault of the
// test concept rather than of the endpoint (<error>); it was skipped when
// no step ran.
func junitXML(features []cukeFeature, started time.Time, hostname string) ([]byte, error) {
	doc := junitSuites{Suites: []junitSuite{}}
	for i, f := range features {
		suite := junitSuite{
			ID: i, Package: junitPackage, Name: cmp.Or(cleanToken(f.Name), f.URI), Hostname: hostname,
			Timestamp:  started.UTC().Format("2006-01-02T15:04:05"),
			Properties: []junitProperty{{Name: "datei", Value: f.URI}},
		}
		classname := junitPackage + "." + strings.TrimSuffix(path.Base(f.URI), ".feature")
		names := map[string]int{}
		for _, el := range f.Elements {
			names[cleanToken(el.Name)]++
		}
		var total time.Duration
		for _, el := range f.Elements {
			c := junitCase{Name: cleanToken(el.Name), Classname: classname}
			if names[c.Name] > 1 {
				c.Name += " (Zeile " + strconv.Itoa(el.Line) + ")"
			}
			var d time.Duration
			for _, s := range el.Steps {
				d += time.Duration(s.Result.Duration)
			}
			total += d
			c.Time = seconds(d)
			switch kind, step := scenarioOutcome(el); kind {
			case "failed":
				c.Failure = problem(f, el, step, "fehlgeschlagen")
				suite.Failures++
			case "undefined", "pending", "ambiguous":
				c.Error = problem(f, el, step, map[string]string{"undefined": "undefiniert", "pending": "ausstehend", "ambiguous": "mehrdeutig"}[kind])
				suite.Errors++
			case "skipped":
				c.Skipped = &struct{}{}
				suite.Skipped++
			}
			suite.Cases = append(suite.Cases, c)
		}
		suite.Tests = len(suite.Cases)
		suite.Time = seconds(total)
		doc.Suites = append(doc.Suites, suite)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
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
func problem(f cukeFeature, el cukeElement, st *cukeStep, kind string) *junitProblem {
	p := &junitProblem{Type: kind}
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

// seconds formats a duration as JUnit wants it: seconds, three decimals.
func seconds(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) }

// cleanToken makes a name an xs:token, as the schema types names: no line
// breaks or tabs, no leading, trailing or doubled spaces.
func cleanToken(s string) string { return strings.Join(strings.Fields(s), " ") }
