package certrun_test

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool returns the path of a program the test needs. Without it the
// test is skipped, or fails under CI=true, where .ci/run installs it.
func needTool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not found (%s); CI must install it", name, install)
	}
	t.Skipf("%s not found; install %s", name, install)
	return ""
}

// TestReportJUnitSchema validates junit.xml against the JUnit schema of
// Apache Ant (internal/junit/testdata/JUnit.xsd, the format Jenkins and GitLab read) with
// libxml2, for a run with every outcome and one with the whole concept's
// names.
func TestReportJUnitSchema(t *testing.T) {
	xmllint := needTool(t, "xmllint", "Debian package libxml2-utils")
	dir := goldenRun(t)
	out, err := exec.Command(xmllint, "--noout", "--schema", "../junit/testdata/JUnit.xsd", filepath.Join(dir, "junit.xml")).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint --schema testdata/JUnit.xsd junit.xml: %v\n%s", err, out)
	}
	// A document the schema refuses, so that the check can fail: a
	// testcase without classname, as godog wrote them.
	bad := filepath.Join(t.TempDir(), "bad.xml")
	doc := strings.Replace(mustRead(t, filepath.Join(dir, "junit.xml")), ` classname="features.bericht"`, "", 1)
	if err := os.WriteFile(bad, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--schema", "../junit/testdata/JUnit.xsd", bad).CombinedOutput(); err == nil {
		t.Errorf("xmllint accepted a testcase without classname:\n%s", out)
	}
}

// junitparserScript reads a JUnit XML with junitparser, the parser of the
// GitHub action publish-unit-test-result-action, and prints what it sees.
const junitparserScript = `
import json, sys
from junitparser import JUnitXml, Failure, Error, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
suites = []
for s in xml:
    cases = []
    for c in s:
        kinds = [type(r).__name__ for r in c.result]
        cases.append({"classname": c.classname, "name": c.name, "result": kinds, "message": [r.message for r in c.result]})
    suites.append({"name": s.name, "tests": s.tests, "failures": s.failures, "errors": s.errors, "skipped": s.skipped, "cases": cases})
json.dump(suites, sys.stdout)
`

// TestReportJUnitConsumer reads junit.xml with junitparser, as a CI
// action does: every suite's counts must be those of its testcases, and
// every classname and name pair unique.
func TestReportJUnitConsumer(t *testing.T) {
	// Debian's Python, where its package python3-junitparser installs.
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		python = needTool(t, "python3", "Debian package python3")
	}
	if err := exec.Command(python, "-c", "import junitparser").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("Python module junitparser missing (Debian package python3-junitparser); CI must install it")
		}
		t.Skip("Python module junitparser missing; install the Debian package python3-junitparser")
	}
	dir := goldenRun(t)
	out, err := exec.Command(python, "-c", junitparserScript, filepath.Join(dir, "junit.xml")).Output()
	if err != nil {
		t.Fatalf("junitparser: %v", err)
	}
	var suites []struct {
		Name                             string
		Tests, Failures, Errors, Skipped int
		Cases                            []struct {
			Classname, Name string
			Result          []string
			Message         []string
		}
	}
	if err := json.Unmarshal(out, &suites); err != nil {
		t.Fatalf("junitparser's view: %v\n%s", err, out)
	}
	if len(suites) != 2 {
		t.Fatalf("junitparser sees %d suites; want 2", len(suites))
	}
	seen := map[string]bool{}
	total := map[string]int{}
	for _, s := range suites {
		count := map[string]int{}
		for _, c := range s.Cases {
			key := c.Classname + "\x00" + c.Name
			if seen[key] {
				t.Errorf("testcase %s / %s appears twice", c.Classname, c.Name)
			}
			seen[key] = true
			if !strings.HasPrefix(c.Classname, "features.") {
				t.Errorf("testcase %q: classname %q; want features.<file>", c.Name, c.Classname)
			}
			for _, r := range c.Result {
				count[r]++
				total[r]++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != count["Failure"] || s.Errors != count["Error"] || s.Skipped != count["Skipped"] {
			t.Errorf("suite %q says tests %d, failures %d, errors %d, skipped %d; its testcases: %d, %v", s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), count)
		}
	}
	if len(seen) != 8 || total["Failure"] != 1 || total["Error"] != 1 || total["Skipped"] != 0 {
		t.Errorf("junitparser sees %d testcases, %v; want 8 with 1 Failure and 1 Error", len(seen), total)
	}
	if !strings.Contains(string(out), "Status = abgelehnt; erwartet verarbeitet") {
		t.Errorf("the failure's message is not the failed step's error:\n%s", out)
	}
}

// reporterScript renders a Cucumber JSON with cucumber-html-reporter, a
// consumer of the format as cucumber-js and cucumber-jvm write it.
const reporterScript = `
const reporter = require(process.argv[1]);
reporter.generate({theme: "bootstrap", jsonFile: process.argv[2], output: process.argv[3],
  reportSuiteAsScenarios: true, launchReport: false, brandTitle: "InGe-Abnahme", metadata: {}});
`

// TestReportCucumberConsumer renders cucumber.json with
// cucumber-html-reporter (npm; .ci/run installs it in scripts/consumers)
// and checks that the report has every scenario, the failed one as failed,
// and every SOAP exchange as an attachment with the envelope's bytes.
func TestReportCucumberConsumer(t *testing.T) {
	node := needTool(t, "node", "Debian package nodejs")
	pkg, err := filepath.Abs("../../scripts/consumers/node_modules/cucumber-html-reporter")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(pkg); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cucumber-html-reporter missing (npm ci in scripts/consumers); CI must install it: %v", err)
		}
		t.Skip("cucumber-html-reporter missing; run npm ci in scripts/consumers")
	}
	dir := goldenRun(t)
	html := filepath.Join(t.TempDir(), "cucumber.html")
	if out, err := exec.Command(node, "-e", reporterScript, pkg, filepath.Join(dir, "cucumber.json"), html).CombinedOutput(); err != nil {
		t.Fatalf("cucumber-html-reporter: %v\n%s", err, out)
	}
	page := mustRead(t, html)

	var features []struct {
		Elements []struct {
			Name  string
			Steps []struct {
				Embeddings []struct {
					MimeType string `json:"mime_type"`
					Data     string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(mustRead(t, filepath.Join(dir, "cucumber.json"))), &features); err != nil {
		t.Fatal(err)
	}
	embedded := 0
	for _, f := range features {
		for _, el := range f.Elements {
			if !strings.Contains(page, htmlEscape(el.Name)) {
				t.Errorf("the HTML report lacks the scenario %q", el.Name)
			}
			for _, s := range el.Steps {
				for _, e := range s.Embeddings {
					embedded++
					raw, err := base64.StdEncoding.DecodeString(e.Data)
					if err != nil || e.MimeType != "text/xml" || !strings.HasPrefix(string(raw), "<?xml") {
						t.Errorf("embedding %s is no XML envelope in base64: %v", e.MimeType, err)
					}
					// The reporter offers an XML attachment as a file to download, its bytes as they are.
					if !strings.Contains(page, `data:application/octet-stream;base64,`+e.Data+`" download="file.xml"`) {
						t.Errorf("the HTML report lacks the attachment of an envelope of %q", el.Name)
					}
				}
			}
		}
	}
	if embedded != 10 {
		t.Errorf("%d embeddings; want 10 (5 exchanges, request and response)", embedded)
	}
}

// htmlEscape escapes as the reporter's templates do.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(s)
}
