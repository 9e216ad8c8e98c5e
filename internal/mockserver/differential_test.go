package mockserver_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// The differential test keeps the mock at least as strict as its own XSD:
// for thousands of requests made by mutating the golden envelopes of all 17
// procedures, the mock's verdict (accepted, or Fault F108) must equal the
// verdict of libxml2 (xmllint --schema) on the body element. The mutator
// knows nothing of the schema, so it cannot share a mistake with the
// strict check.

// mutantsPerKind is how many distinct mutants each kind contributes per
// procedure at most: a small request has fewer elements to drop, say,
// than this.
const mutantsPerKind = 12

const (
	xsiNS       = "http://www.w3.org/2001/XMLSchema-instance"
	foreignNS   = "urn:fremd:1"
	mutantsSeed = 20261201
)

// xnode is an element, a text or a comment of a request, as the mutator
// edits it. Names are resolved; the writer declares what they need.
type xnode struct {
	space, local string
	attrs        []xml.Attr
	children     []*xnode
	text         string // a text node's content
	isText       bool
	cdata        bool // write the text as a CDATA section
	comment      bool
}

func (n *xnode) clone() *xnode {
	c := *n
	c.attrs = slices.Clone(n.attrs)
	c.children = make([]*xnode, len(n.children))
	for i, ch := range n.children {
		c.children[i] = ch.clone()
	}
	return &c
}

func (n *xnode) isElement() bool { return !n.isText && !n.comment }

// elements returns the element children.
func (n *xnode) elements() []*xnode {
	var out []*xnode
	for _, c := range n.children {
		if c.isElement() {
			out = append(out, c)
		}
	}
	return out
}

// parseBody reads the Body's element of an envelope into xnodes.
func parseBody(tb testing.TB, envelope []byte) *xnode {
	tb.Helper()
	d := xml.NewDecoder(bytes.NewReader(envelope))
	var stack []*xnode
	var body *xnode
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("golden envelope: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth < 3 { // Envelope, Header or Body
				if t.Name.Local == "Header" {
					if err := d.Skip(); err != nil {
						tb.Fatal(err)
					}
					depth--
				}
				continue
			}
			n := &xnode{space: t.Name.Space, local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space != "xmlns" && !(a.Name.Space == "" && a.Name.Local == "xmlns") {
					n.attrs = append(n.attrs, a)
				}
			}
			if len(stack) == 0 {
				body = n
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			depth--
			if depth >= 2 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 && len(bytes.TrimSpace(t)) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, &xnode{text: string(t), isText: true})
			}
		}
	}
	return body
}

// writeBody writes the request element as a document of its own: the
// contract's namespace as the default on the root, every other namespace
// declared where it is used, xsi bound on the root.
func writeBody(root *xnode) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	writeNode(&b, root, "", true)
	return b.Bytes()
}

func writeNode(b *bytes.Buffer, n *xnode, parentNS string, root bool) {
	switch {
	case n.comment:
		b.WriteString("<!--" + n.text + "-->")
		return
	case n.isText && n.cdata:
		b.WriteString("<![CDATA[" + n.text + "]]>")
		return
	case n.isText:
		_ = xml.EscapeText(b, []byte(n.text))
		return
	}
	b.WriteString("<" + n.local)
	if root || n.space != parentNS {
		fmt.Fprintf(b, ` xmlns="%s"`, n.space)
	}
	if root {
		b.WriteString(` xmlns:xsi="` + xsiNS + `" xmlns:xs="` + xsdNS + `" xmlns:f="` + foreignNS + `"`)
	}
	for _, a := range n.attrs {
		name := a.Name.Local
		switch a.Name.Space {
		case "":
		case xsiNS:
			name = "xsi:" + name
		default:
			name = "f:" + name
		}
		b.WriteString(" " + name + `="`)
		_ = xml.EscapeText(b, []byte(a.Value))
		b.WriteString(`"`)
	}
	b.WriteString(">")
	for _, c := range n.children {
		writeNode(b, c, n.space, false)
	}
	b.WriteString("</" + n.local + ">")
}

// A mutation changes one thing of a request; it reports false when the
// request offers nothing to change of its kind.
type mutation func(r *rand.Rand, root *xnode) bool

// collect lists the elements below the root (the root stays: a renamed
// root is another operation, not a schema question).
func collect(root *xnode) (all []*xnode, parents map[*xnode]*xnode) {
	parents = map[*xnode]*xnode{}
	var walk func(n *xnode)
	walk = func(n *xnode) {
		for _, c := range n.elements() {
			parents[c] = n
			all = append(all, c)
			walk(c)
		}
	}
	walk(root)
	return all, parents
}

func leaves(root *xnode) []*xnode {
	all, _ := collect(root)
	var out []*xnode
	for _, n := range all {
		if len(n.elements()) == 0 {
			out = append(out, n)
		}
	}
	return out
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func setText(n *xnode, text string) {
	n.children = nil
	if text != "" {
		n.children = []*xnode{{text: text, isText: true}}
	}
}

// lexicalValues are wrong, or tricky but right, for some simple type of
// the contract; facetValues break a length, range, pattern or list.
var (
	lexicalValues = []string{"", "abc", "31.12.2027", " 2027-01-01", "2027-01-01 ", "2027-1-01", "2027-02-29", "2028-02-29",
		"2027-01-01Z", "2027-01-01+14:30", "-2027-01-01", "12027-01-01", "02027-01-01", "0000-01-01", "+3", "007", "-0", "1.5", "1e3",
		"2147483648", "١٢", "TRUE", " true ", "yes", "1", "0", "false", "2027", "2027Z", "8:30", "08:30 ", "12:00"}
	facetValues = []string{strings.Repeat("X", 31), strings.Repeat("Ä", 61), strings.Repeat("x", 101), strings.Repeat("y", 256),
		"10000", "-1", "9999", "Montag", "bamf", "BAMF", "Mo", "verarbeitet", "1000000", "123456789", "1000000a", "24:00", "23:59", "10000001"}
)

var mutations = []struct {
	kind string
	fn   mutation
}{
	{"drop", func(r *rand.Rand, root *xnode) bool {
		all, parents := collect(root)
		n := pick(r, all)
		p := parents[n]
		p.children = slices.DeleteFunc(p.children, func(c *xnode) bool { return c == n })
		return true
	}},
	{"duplicate", func(r *rand.Rand, root *xnode) bool {
		all, parents := collect(root)
		n := pick(r, all)
		p := parents[n]
		i := slices.Index(p.children, n)
		p.children = slices.Insert(p.children, i+1, n.clone())
		return true
	}},
	{"rename", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		n := pick(r, all)
		switch r.IntN(3) {
		case 0: // a typo
			runes := []rune(n.local)
			i := r.IntN(len(runes))
			n.local = string(append(runes[:i:i], runes[i+1:]...))
		case 1: // another element's name
			n.local = pick(r, all).local
		default:
			n.local = n.local + "X"
		}
		return n.local != ""
	}},
	{"renamespace", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		pick(r, all).space = foreignNS
		return true
	}},
	{"unqualify", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		pick(r, all).space = ""
		return true
	}},
	{"reorder", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		var parents []*xnode
		for _, n := range append(all, root) {
			if len(n.elements()) >= 2 {
				parents = append(parents, n)
			}
		}
		if len(parents) == 0 {
			return false
		}
		p := pick(r, parents)
		i, j := r.IntN(len(p.children)), r.IntN(len(p.children))
		if i == j || !p.children[i].isElement() || !p.children[j].isElement() {
			return false
		}
		p.children[i], p.children[j] = p.children[j], p.children[i]
		return true
	}},
	{"insert-unknown", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		p := pick(r, append(all, root))
		unknown := &xnode{space: inge.Namespace, local: pick(r, []string{"Unbekannt", "Bemerkung", "Rolback", "Kommentar"})}
		setText(unknown, "x")
		p.children = slices.Insert(p.children, r.IntN(len(p.children)+1), unknown)
		return true
	}},
	{"lexical", func(r *rand.Rand, root *xnode) bool {
		setText(pick(r, leaves(root)), pick(r, lexicalValues))
		return true
	}},
	{"facet", func(r *rand.Rand, root *xnode) bool {
		setText(pick(r, leaves(root)), pick(r, facetValues))
		return true
	}},
	{"nil", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		n := pick(r, all)
		if r.IntN(2) == 0 {
			n.children = nil
		}
		n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Space: xsiNS, Local: "nil"}, Value: pick(r, []string{"true", "false", "1"})})
		return true
	}},
	{"empty", func(r *rand.Rand, root *xnode) bool {
		setText(pick(r, leaves(root)), "")
		return true
	}},
	{"attribute", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		n := pick(r, all)
		switch r.IntN(4) {
		case 0:
			n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Local: "id"}, Value: "1"})
		case 1:
			n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Space: foreignNS, Local: "Art"}, Value: "BAMF"})
		case 2:
			if len(n.attrs) == 0 {
				return false
			}
			n.attrs = n.attrs[1:]
		default:
			if len(n.attrs) == 0 {
				return false
			}
			n.attrs[0].Value = pick(r, []string{"bamf", "XYZ", "", "ABH", " BAMF"})
		}
		return true
	}},
	{"text", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		p := pick(r, append(all, root))
		p.children = slices.Insert(p.children, r.IntN(len(p.children)+1), &xnode{text: pick(r, []string{"x", " ", "\n\t"}), isText: true})
		return true
	}},
	{"comment", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		p := pick(r, append(all, root))
		p.children = slices.Insert(p.children, r.IntN(len(p.children)+1), &xnode{text: " Hinweis ", comment: true})
		return true
	}},
	{"cdata", func(r *rand.Rand, root *xnode) bool {
		for _, c := range pick(r, leaves(root)).children {
			c.cdata = true
		}
		return true
	}},
	{"xsi-type", func(r *rand.Rand, root *xnode) bool {
		all, _ := collect(root)
		n := pick(r, all)
		n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Space: xsiNS, Local: "type"}, Value: pick(r, []string{"xs:string", "xs:date", "xs:boolean", "xs:int", "xsd:string", "string", "f:Kennung"})})
		return true
	}},
}

// twoAtOnce applies two mutations of the first twelve kinds.
func twoAtOnce(r *rand.Rand, root *xnode) bool {
	a, b := pick(r, mutations[:12]), pick(r, mutations[:12])
	return a.fn(r, root) && b.fn(r, root)
}

type mutant struct {
	procedure, kind string
	body            []byte
}

// makeMutants returns the golden bodies and, per procedure and kind, up to
// mutantsPerKind distinct mutants, the same ones on every run.
func makeMutants(t *testing.T) []mutant {
	t.Helper()
	return makeMutantsOf(t, func(p *inge.Procedure) []byte { return goldenEnvelope(t, p) })
}

// goldenEnvelope reads the golden envelope of a procedure's request.
func goldenEnvelope(t *testing.T, p *inge.Procedure) []byte {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", p.Name+".xml"))
	if err != nil {
		t.Fatalf("golden envelope of %s: %v", p.Name, err)
	}
	return golden
}

// makeMutantsOf mutates the request envelope that envelopeOf returns for
// each procedure, as makeMutants mutates the golden ones.
func makeMutantsOf(t *testing.T, envelopeOf func(*inge.Procedure) []byte) []mutant {
	t.Helper()
	r := rand.New(rand.NewPCG(mutantsSeed, 1))
	seen := map[string]bool{}
	var out []mutant
	for _, p := range inge.Procedures() {
		original := parseBody(t, envelopeOf(p))
		body := writeBody(original)
		seen[string(body)] = true
		out = append(out, mutant{p.Name, "golden", body})
		kinds := append(slices.Clone(mutations), struct {
			kind string
			fn   mutation
		}{"two-at-once", twoAtOnce})
		for _, m := range kinds {
			made := 0
			for try := 0; made < mutantsPerKind && try < 50*mutantsPerKind; try++ {
				root := original.clone()
				if !m.fn(r, root) {
					continue
				}
				body := writeBody(root)
				if seen[string(body)] {
					continue
				}
				seen[string(body)] = true
				out = append(out, mutant{p.Name, m.kind, body})
				made++
			}
		}
	}
	return out
}

// xmllintVerdicts validates every body with xmllint against the XSD the
// mock serves and returns whether each is valid.
func xmllintVerdicts(t *testing.T, mutants []mutant) []bool {
	t.Helper()
	return xmllintVerdictsAgainst(t, mutants, inge.XSDName, inge.XSD())
}

// xmllintVerdictsAgainst validates every body with xmllint against an XSD.
func xmllintVerdictsAgainst(t *testing.T, mutants []mutant, xsdName string, xsdBytes []byte) []bool {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint not found (Debian package libxml2-utils); CI must install it")
		}
		t.Skip("xmllint not found; install libxml2-utils")
	}
	dir := t.TempDir()
	xsd := filepath.Join(dir, xsdName)
	if err := os.WriteFile(xsd, xsdBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	verdicts := make([]bool, len(mutants))
	const batch = 400
	for start := 0; start < len(mutants); start += batch {
		end := min(start+batch, len(mutants))
		args := []string{"--noout", "--nonet", "--schema", xsd}
		index := map[string]int{}
		for i := start; i < end; i++ {
			name := filepath.Join(dir, fmt.Sprintf("m%05d.xml", i))
			if err := os.WriteFile(name, mutants[i].body, 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, name)
			index[name] = i
		}
		out, _ := exec.Command(xmllint, args...).CombinedOutput() // exits 3 when a file fails
		decided := map[int]bool{}
		for _, line := range strings.Split(string(out), "\n") {
			switch name, ok := strings.CutSuffix(line, " validates"); {
			case ok:
				verdicts[index[name]] = true
				decided[index[name]] = true
			default:
				if name, ok := strings.CutSuffix(line, " fails to validate"); ok {
					decided[index[name]] = true
				}
			}
		}
		for i := start; i < end; i++ {
			if !decided[i] {
				t.Fatalf("xmllint gave no verdict for mutant %d (%s, %s):\n%s\n%s", i, mutants[i].procedure, mutants[i].kind, mutants[i].body, out)
			}
		}
	}
	return verdicts
}

// mockVerdict sends a body to the mock inside an envelope of a valid user
// and says whether the strict check accepted it: any answer, or a Fault
// that comes after the check (F206, a foreign Mandant), is accepted; F108
// is refused, with the raw detail element; anything else is a failure of
// the test.
func mockVerdict(srv http.Handler, m mutant) (accepted bool, detail []byte, err error) {
	return verdictOf(srv, m, vertragsform{user: user1, password: password1, action: func(p string) string { return action(p) },
		refused: "F108", foreignMandant: "F206", detail: "Fehler", deviation: "Abweichung"})
}

// vertragsform is how the mock answers a mutant in one contract: its user,
// its SOAPActions, the codes of a refusal by the strict check and of a
// foreign Mandant, and the names of the Fault's detail entry and of a
// deviation in it.
type vertragsform struct {
	user, password          string
	action                  func(procedure string) string
	refused, foreignMandant string
	detail, deviation       string // the elements of the detail entry and of a deviation in it
}

// verdictOf sends a mutant to the mock in the contract f and says whether
// its strict check accepted it.
func verdictOf(srv http.Handler, m mutant, f vertragsform) (accepted bool, detail []byte, err error) {
	body := bytes.TrimPrefix(m.body, []byte(xml.Header[:len(xml.Header)-1]))
	env := `<soapenv:Envelope xmlns:soapenv="` + soap11NS + `"><soapenv:Header>` + textSecurity(f.user, f.password) +
		`</soapenv:Header><soapenv:Body>` + string(body) + `</soapenv:Body></soapenv:Envelope>`
	req := httptest.NewRequest(http.MethodPost, mockserver.Path, strings.NewReader(env))
	req.Header = headers(textXML, f.action(m.procedure))
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code == http.StatusOK {
		return true, nil, nil
	}
	err = soap.DecodeResponse(bytes.NewReader(rec.Body.Bytes()), nil)
	var fault *soap.Fault
	if !errors.As(err, &fault) || fault.Raw == nil {
		return false, nil, fmt.Errorf("HTTP %d without a Fault: %s", rec.Code, rec.Body)
	}
	raw := rec.Body.Bytes()
	start, end := bytes.Index(raw, []byte("<"+f.detail)), bytes.Index(raw, []byte("</"+f.detail+">"))
	if start < 0 || end < start {
		return false, nil, fmt.Errorf("Fault without its detail %s: %s", f.detail, rec.Body)
	}
	entry := raw[start : end+len("</"+f.detail+">")]
	switch code := faultCode(entry); code {
	case f.refused:
		if !bytes.Contains(entry, []byte("<"+f.deviation+">")) {
			return false, nil, fmt.Errorf("%s without deviations: %s", code, rec.Body)
		}
		return false, entry, nil
	case f.foreignMandant:
		return true, nil, nil
	default:
		return false, nil, fmt.Errorf("unexpected Fault %s: %s", code, rec.Body)
	}
}

// faultCode is the text of the first child of a Fault's detail entry: its
// code, in either contract's names.
func faultCode(entry []byte) string {
	var e struct {
		Children []struct {
			Text string `xml:",chardata"`
		} `xml:",any"`
	}
	if xml.Unmarshal(entry, &e) != nil || len(e.Children) == 0 {
		return ""
	}
	return e.Children[0].Text
}

// textSecurity is a PasswordText token without nonce and Created, which
// the mock accepts any number of times: the test is about the body.
func textSecurity(user, password string) string {
	return `<wsse:Security xmlns:wsse="` + secextNS + `"><wsse:UsernameToken><wsse:Username>` + user +
		`</wsse:Username><wsse:Password>` + password + `</wsse:Password></wsse:UsernameToken></wsse:Security>`
}

// tally counts the mutants of one kind: how many, how many xmllint finds
// valid or refuses, and on how many the mock disagrees.
type tally struct{ mutants, valid, refused, disagree int }

// verdicts compares the mock's verdicts on mutants with xmllint's, by kind.
type verdicts struct {
	byKind        map[string]*tally
	disagreements int
}

// record counts mutant i, which the mock accepts (got) and xmllint finds
// valid (want) or not; the first ten disagreements are errors of t.
func (v *verdicts) record(t *testing.T, i int, m mutant, got, want bool, detail []byte) {
	t.Helper()
	if v.byKind == nil {
		v.byKind = map[string]*tally{}
	}
	k := v.byKind[m.kind]
	if k == nil {
		k = &tally{}
		v.byKind[m.kind] = k
	}
	k.mutants++
	if want {
		k.valid++
	} else {
		k.refused++
	}
	if got != want {
		k.disagree++
		v.disagreements++
		if v.disagreements <= 10 {
			t.Errorf("mutant %d (%s, %s): mock accepts = %v, xmllint valid = %v %s\n%s", i, m.procedure, m.kind, got, want, detail, m.body)
		}
	}
}

// table prints the counts by kind, and the totals.
func (v *verdicts) table() (string, tally) {
	kinds := make([]string, 0, len(v.byKind))
	for k := range v.byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var b strings.Builder
	fmt.Fprintf(&b, "%-15s %8s %8s %8s %13s\n", "kind", "mutants", "valid", "refused", "disagreements")
	var total tally
	for _, k := range kinds {
		c := v.byKind[k]
		fmt.Fprintf(&b, "%-15s %8d %8d %8d %13d\n", k, c.mutants, c.valid, c.refused, c.disagree)
		total.mutants += c.mutants
		total.valid += c.valid
		total.refused += c.refused
		total.disagree += c.disagree
	}
	fmt.Fprintf(&b, "%-15s %8d %8d %8d %13d", "total", total.mutants, total.valid, total.refused, total.disagree)
	return b.String(), total
}

func TestDifferentialXmllint(t *testing.T) {
	mutants := makeMutants(t)
	if len(mutants) < 3000 {
		t.Fatalf("%d mutants; the test promises at least 3,000", len(mutants))
	}
	want := xmllintVerdicts(t, mutants)

	reg, err := sandbox.Open(context.Background(), ":memory:", harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	srv := mockserver.New(reg, mockserver.Config{})

	var v verdicts
	var details []mutant // the Fault details of every fifth refusal, to validate them as well
	for i, m := range mutants {
		got, detail, err := mockVerdict(srv, m)
		if detail != nil && i%5 == 0 {
			details = append(details, mutant{m.procedure, "detail", detail})
		}
		if err != nil {
			t.Fatalf("mutant %d (%s, %s): %v\n%s", i, m.procedure, m.kind, err, m.body)
		}
		v.record(t, i, m, got, want[i], detail)
	}
	table, total := v.table()
	t.Logf("mock against xmllint --schema, %d requests from the golden envelopes of %d procedures:\n%s", total.mutants, len(inge.Procedures()), table)

	// The F108 details themselves conform to the XSD's Fehler element,
	// deviations, texts and paths included.
	for i, ok := range xmllintVerdicts(t, details) {
		if !ok {
			t.Errorf("the F108 detail does not conform to the XSD:\n%s", details[i].body)
		}
	}
	t.Logf("%d F108 details validated against the XSD's element Fehler", len(details))
}
