// Package junit writes the JUnit XML that CI servers read, in the format
// of Apache Ant's JUnit task that Jenkins, GitLab, Azure DevOps and the
// GitHub actions take, valid against its schema: a testsuite per file of
// scenarios, a testcase per scenario, and counts that are the elements'
// own. certrunner's run of the test concept and the acceptance of a
// vendor's software both report through it.
package junit

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// Suites is the document.
type Suites struct {
	XMLName xml.Name `xml:"testsuites"`
	Suites  []Suite  `xml:"testsuite"`
}

// Suite is one testsuite; Count sets its counts from its cases.
type Suite struct {
	ID         int        `xml:"id,attr"`
	Package    string     `xml:"package,attr"`
	Name       string     `xml:"name,attr"`
	Timestamp  string     `xml:"timestamp,attr"`
	Hostname   string     `xml:"hostname,attr"`
	Tests      int        `xml:"tests,attr"`
	Failures   int        `xml:"failures,attr"`
	Errors     int        `xml:"errors,attr"`
	Skipped    int        `xml:"skipped,attr"`
	Time       string     `xml:"time,attr"`
	Properties []Property `xml:"properties>property"`
	Cases      []Case     `xml:"testcase"`
	SystemOut  string     `xml:"system-out"`
	SystemErr  string     `xml:"system-err"`
}

// Property is a name and value of a suite.
type Property struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// Case is one testcase: passed, or skipped, errored or failed (the schema
// takes one of them).
type Case struct {
	Name      string   `xml:"name,attr"`
	Classname string   `xml:"classname,attr"`
	Time      string   `xml:"time,attr"`
	Skipped   *Skipped `xml:"skipped"`
	Error     *Problem `xml:"error"`
	Failure   *Problem `xml:"failure"`
}

// Skipped marks a skipped case, with why.
type Skipped struct {
	Message string `xml:"message,attr,omitempty"`
}

// Problem is an error or failure: its first line, its kind, the whole
// text.
type Problem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// Count sets the suite's counts and time from its cases.
func (s *Suite) Count(d time.Duration) {
	s.Tests, s.Failures, s.Errors, s.Skipped = len(s.Cases), 0, 0, 0
	for _, c := range s.Cases {
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Error != nil:
			s.Errors++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	s.Time = Seconds(d)
}

// Marshal writes the document with its XML header.
func Marshal(doc Suites) ([]byte, error) {
	if doc.Suites == nil {
		doc.Suites = []Suite{}
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

// Seconds formats a duration as JUnit wants it: seconds, three decimals.
func Seconds(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) }

// Token makes a name an xs:token, as the schema types names: no line
// breaks or tabs, no leading, trailing or doubled spaces.
func Token(s string) string { return strings.Join(strings.Fields(s), " ") }

// Timestamp is a time as the schema's timestamp (no zone, UTC).
func Timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") }
