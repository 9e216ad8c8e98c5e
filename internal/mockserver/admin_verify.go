package mockserver

import (
	"bytes"
	"math"
	"net/http"
	"strings"

	"github.com/antchfx/xmlquery"
	"github.com/antchfx/xpath"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Verify: did the sandbox receive a message of a procedure that matches
// XPath conditions, and how many times?
//
//	POST /sandboxes/{sandbox}/verify
//	{"operation": "KursplanungErfassen", "ergebnis": "verarbeitet",
//	 "xpath": ["//Kursplanung/Kursort='KO-10000001-01'", "count(//Teilnehmer)=3"]}
//
// It counts the journaled exchanges of operation (and of ergebnis, if
// given) whose request satisfies every condition: the boolean value of the
// expression as XPath 1.0 defines it (a node set is true when not empty, a
// number when not 0, a string when not empty). Names in the expressions
// carry no prefix, whatever prefixes the client used: the request is
// matched as if it had none. No conditions count every exchange of the
// operation. The answer, the Vorgangsnummern newest first:
//
//	{"anzahl": 1, "vorgangsnummern": ["V-20270310-…"]}
//
// An asynchronous request is journaled twice, when it is accepted
// ("angenommen") and when it is applied, under the same Vorgangsnummer.
func (a *Admin) verifyRoutes() {
	a.handleLang("/sandboxes/{sandbox}/verify", a.verify, http.MethodPost)
}

// verifyJSON is the answer of verify.
type verifyJSON struct {
	Anzahl          int      `json:"anzahl"`
	Vorgangsnummern []string `json:"vorgangsnummern"`
}

func (a *Admin) verify(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	var body struct {
		Operation string   `json:"operation"`
		Ergebnis  string   `json:"ergebnis"`
		XPath     []string `json:"xpath"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return nil, err
	}
	if body.Operation == "" {
		return nil, badRequest(`"operation" fehlt: der Name einer Operation, z. B. "KursplanungErfassen"`)
	}
	if err := checkOperation(body.Operation, `"operation"`); err != nil {
		return nil, err
	}
	if body.Ergebnis != "" {
		if err := checkErgebnis(body.Ergebnis, `"ergebnis"`); err != nil {
			return nil, err
		}
	}
	for i, expr := range body.XPath {
		if strings.TrimSpace(expr) == "" {
			return nil, badRequest("xpath[%d] ist leer", i)
		}
		if _, err := xpath.Compile(expr); err != nil {
			return nil, badRequest("xpath[%d] %q ist kein gültiger XPath-Ausdruck: %v", i, expr, err)
		}
	}
	// The journal is read one entry at a time: a long one takes time, not
	// memory.
	out := verifyJSON{Vorgangsnummern: []string{}}
	err = sb.Use(func(st *mockstate.Store) error {
		return st.EachJournal(r.Context(), mockstate.Filter{Operation: body.Operation, Ergebnis: body.Ergebnis}, false, func(e mockstate.Eintrag) error {
			if !matchesAll(e.Anfrage, body.XPath) {
				return nil
			}
			out.Anzahl++
			if e.Vorgangsnummer != "" {
				out.Vorgangsnummern = append(out.Vorgangsnummern, e.Vorgangsnummer)
			}
			return nil
		})
	})
	if err != nil {
		return nil, a.registryError(err, sb.Name, nil)
	}
	return out, nil
}

// matchesAll reports whether the request satisfies every expression. A
// request that is not well-formed XML satisfies none.
func matchesAll(request []byte, exprs []string) bool {
	if len(exprs) == 0 {
		return true
	}
	doc, err := xmlquery.Parse(bytes.NewReader(request))
	if err != nil {
		return false
	}
	withoutPrefixes(doc)
	nav := xmlquery.CreateXPathNavigator(doc)
	for _, s := range exprs {
		// Compiled per request: Evaluate keeps state in a compiled
		// expression, so reusing one across documents is not safe.
		expr, err := xpath.Compile(s)
		if err != nil || !truth(expr.Evaluate(nav)) {
			return false
		}
		nav.MoveToRoot()
	}
	return true
}

// withoutPrefixes drops the namespace prefixes and namespace declarations
// of a parsed document, so that a name test without a prefix (Kursort)
// matches an element whatever prefix, or default namespace, it had.
func withoutPrefixes(n *xmlquery.Node) {
	for ; n != nil; n = n.NextSibling {
		n.Prefix, n.NamespaceURI = "", ""
		attrs := n.Attr[:0]
		for _, at := range n.Attr {
			if at.Name.Space == "xmlns" || at.Name.Space == "" && at.Name.Local == "xmlns" {
				continue
			}
			at.Name.Space, at.NamespaceURI = "", ""
			attrs = append(attrs, at)
		}
		n.Attr = attrs
		withoutPrefixes(n.FirstChild)
	}
}

// truth is the boolean value of an XPath result (XPath 1.0, boolean()).
func truth(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case float64:
		return v != 0 && !math.IsNaN(v)
	case string:
		return v != ""
	case *xpath.NodeIterator:
		return v.MoveNext()
	}
	return false
}
