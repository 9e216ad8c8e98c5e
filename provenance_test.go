package harness_test

import (
	"bufio"
	"encoding/xml"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// citationRE is how the XSD documentation and the Go comments cite a
// source: quelle:KEY, perhaps followed by a section ("(quelle:ITM 10.3.9)").
// The scenarios write it as a tag, @quelle:KEY.
var citationRE = regexp.MustCompile(`quelle:([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)`)

// sourceTagRE is a source tag of a scenario or a feature.
var sourceTagRE = regexp.MustCompile(`^@quelle:(.*)$`)

// citations collects where each key of the register is cited.
type citations map[string][]string

func (c citations) add(key, where string) { c[key] = append(c[key], where) }

// TestSourcesAreRegistered fails when a source key cited anywhere is not in
// the register internal/inge/quellen.tsv, when a citation is written
// without the convention (a bare key instead of quelle:KEY), when a rule
// of internal/mockstate names no source and does not say rekonstruiert,
// and when a key of the register is cited nowhere.
func TestSourcesAreRegistered(t *testing.T) {
	q := inge.DefaultQuellen()
	cited := citations{}
	t.Run("Katalog", func(t *testing.T) { checkKatalog(t, q, cited) })
	t.Run("Codelisten", func(t *testing.T) { checkCodelisten(t, q, cited) })
	t.Run("XSD", func(t *testing.T) { checkXSD(t, q, cited) })
	t.Run("Regeln", func(t *testing.T) { checkRegeln(t, q, cited) })
	t.Run("Szenarien", func(t *testing.T) { checkFeatureTags(t, q, cited) })
	t.Run("Register", func(t *testing.T) {
		for _, s := range q.All() {
			if len(cited[s.Schluessel]) == 0 {
				t.Errorf("internal/inge/quellen.tsv: %s is cited nowhere; remove it or cite it", s.Schluessel)
			}
		}
	})
}

// checkKatalog: the Herkunft of every catalogue entry is KEY, KEY
// rekonstruiert or rekonstruiert, KEY in the register.
func checkKatalog(t *testing.T, q *inge.Quellen, cited citations) {
	for _, e := range inge.DefaultKatalog().Entries() {
		citeHerkunft(t, q, cited, e.Herkunft, "", "katalog.tsv", e.Code)
	}
}

// checkCodelisten: the loader already refuses an unknown key; the course
// structures, a table of the same kind, are checked here.
func checkCodelisten(t *testing.T, q *inge.Quellen, cited citations) {
	for _, l := range inge.Codelisten() {
		for _, c := range l.Codes {
			if c.Herkunft.Quelle != "" {
				cited.add(c.Herkunft.Quelle, "codeliste "+l.ID+" "+c.Schluessel)
			}
		}
	}
	kursarten, _ := inge.CodelisteByID("802")
	for _, c := range kursarten.Codes {
		k, ok := inge.KursstrukturOf(c.Schluessel)
		if !ok {
			continue // TestKursstruktur reports it
		}
		citeHerkunft(t, q, cited, k.Herkunft, "quelle:", "kursstruktur.tsv", k.Kursart)
	}
}

// citeHerkunft checks the Herkunft of a row of a data file of internal/inge
// and records the source it cites.
func citeHerkunft(t *testing.T, q *inge.Quellen, cited citations, herkunft, prefix, file, row string) {
	t.Helper()
	h, err := q.ParseHerkunft(herkunft, prefix)
	if err != nil {
		t.Errorf("internal/inge/%s %s: %v", file, row, err)
		return
	}
	if h.Quelle != "" {
		cited.add(h.Quelle, file+" "+row)
	}
}

// checkXSD: every xs:documentation of the contract cites as quelle:KEY.
func checkXSD(t *testing.T, q *inge.Quellen, cited citations) {
	const path = "internal/inge/contract/inge-kurstraeger.xsd"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(bufio.NewReader(f))
	var doc *strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "documentation" && tok.Name.Space == "http://www.w3.org/2001/XMLSchema" {
				doc = new(strings.Builder)
			}
		case xml.CharData:
			if doc != nil {
				doc.Write(tok)
			}
		case xml.EndElement:
			if doc != nil && tok.Name.Local == "documentation" {
				line, _ := dec.InputPos()
				checkText(t, q, cited, doc.String(), path, line)
				doc = nil
			}
		}
	}
}

// checkRegeln: every comment of internal/mockstate cites as quelle:KEY,
// and every rule (a handler bound in rules.go or a check* function) names
// a source in its doc comment or says rekonstruiert.
func checkRegeln(t *testing.T, q *inge.Quellen, cited citations) {
	const dir = "internal/mockstate"
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	handlers := map[string]bool{}
	var rules []*ast.FuncDecl
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range file.Comments {
			for _, c := range g.List {
				checkText(t, q, cited, c.Text, path, fset.Position(c.Pos()).Line)
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn, ok := call.Fun.(*ast.Ident); ok && fn.Name == "rule" && len(call.Args) == 2 {
					if h, ok := call.Args[1].(*ast.Ident); ok {
						handlers[h.Name] = true
					}
				}
			}
			return true
		})
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil {
				rules = append(rules, fn)
			}
		}
	}
	if len(handlers) != len(inge.Procedures()) {
		t.Errorf("%s/rules.go binds %d handlers; want one per procedure (%d)", dir, len(handlers), len(inge.Procedures()))
	}
	for _, fn := range rules {
		name := fn.Name.Name
		if !handlers[name] && !strings.HasPrefix(name, "check") {
			continue
		}
		doc := fn.Doc.Text()
		if !citationRE.MatchString(doc) && !strings.Contains(doc, inge.Rekonstruiert) {
			t.Errorf("%s: the rule %s names no source: cite it as (quelle:KEY) in its doc comment, or say %s",
				fset.Position(fn.Pos()), name, inge.Rekonstruiert)
		}
	}
}

// checkFeatureTags: every @quelle:KEY tag of a feature or a scenario under
// features/ (the embedded ones and those of features/einstellungen) names a
// key of the register. That every scenario has one is checked by
// internal/certrun, which reads the scenarios as godog runs them.
func checkFeatureTags(t *testing.T, q *inge.Quellen, cited citations) {
	fsys := os.DirFS("features")
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".feature") {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "@") {
				continue
			}
			for _, tag := range strings.Fields(line) {
				m := sourceTagRE.FindStringSubmatch(tag)
				if m == nil {
					continue
				}
				if _, ok := q.Lookup(m[1]); !ok {
					t.Errorf("features/%s:%d: tag %s: %q is not in the register internal/inge/quellen.tsv", path, i+1, tag, m[1])
					continue
				}
				cited.add(m[1], "features/"+path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkText checks the citations of one text: each quelle:KEY names a key
// of the register, and no key of the register stands there without it.
func checkText(t *testing.T, q *inge.Quellen, cited citations, text, path string, line int) {
	t.Helper()
	for _, m := range citationRE.FindAllStringSubmatch(text, -1) {
		if _, ok := q.Lookup(m[1]); !ok {
			t.Errorf("%s:%d: quelle:%s is not in the register internal/inge/quellen.tsv", path, line, m[1])
			continue
		}
		cited.add(m[1], path)
	}
	for _, key := range bareKeys(q, text) {
		t.Errorf("%s:%d: %s is cited without the convention; write quelle:%s", path, line, key, key)
	}
}

// bareKeys returns the keys of the register that text names as a word but
// not as quelle:KEY.
func bareKeys(q *inge.Quellen, text string) []string {
	var out []string
	for _, s := range q.All() {
		for i := 0; ; {
			j := strings.Index(text[i:], s.Schluessel)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(s.Schluessel)
			i = end
			if start > 0 && (isKeyByte(text[start-1]) || text[start-1] == ':') || end < len(text) && isKeyByte(text[end]) {
				continue // part of a longer word, or quelle:KEY
			}
			if !slices.Contains(out, s.Schluessel) {
				out = append(out, s.Schluessel)
			}
		}
	}
	sort.Strings(out)
	return out
}

// isKeyByte reports whether b can be part of a key or a longer word.
func isKeyByte(b byte) bool {
	return b == '-' || b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}
