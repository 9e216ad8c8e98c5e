package soap

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"testing"
)

// resolveSeeds are documents whose namespaces, scopes and end tags the
// resolver must treat as encoding/xml does, errors included.
var resolveSeeds = []string{
	`<a xmlns="urn:a"><b xmlns=""><c/></b><d/></a>`,
	`<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"><p:c/></p:b><p:d/></p:a>`,
	`<a xmlns:p="urn:p" p:x="1" xml:lang="de" xmlns:q="urn:q" y="2"><q:b p:z="3"/></a>`,
	`<a xmlns:p="urn:1" xmlns:p="urn:2"><p:b/></a>`,
	`<a xmlns="urn:1" xmlns="urn:2"><b/></a>`,
	`<xmlns/>`, `<a xmlns="urn:a"><xmlns/></a>`, `<xml:a/>`, `<a xmlns:xml="urn:x"><xml:b/></a>`, `<p:a/>`, `<a p:b="1"/>`,
	`<a></b>`, `<a></p:a>`, `<p:a xmlns:p="urn:p"></q:a>`, `<p:a xmlns:p="urn:p"></a>`, `<p:a xmlns:p="urn:p"></p:a>`,
	`</a>`, `<a>`, `<a/></a>`, `<a><b></a></b>`, `<a><b/>`, `<a xmlns:p="urn:p"><p:b></p:b></a><p:c/>`,
	`<?xml version="1.0"?><!--x--><a>t<b>u</b>v</a>`,
}

// checkResolved fails unless the resolver returns, for the tokens scan
// reads from doc, what xml.Decoder's Token returns for them: the same
// tokens and the same error, and Skip the same.
func checkResolved(t *testing.T, doc []byte) {
	t.Helper()
	toks, ok := scan(doc)
	if !ok {
		return
	}
	again, _ := scan(doc) // the decoders change the attributes of their tokens
	got := tokens(newResolver(newGuard(toks, Limits{}, nil)))
	want := tokens(xml.NewTokenDecoder(newGuard(again, Limits{}, nil)))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("resolver(%q) =\n%v\nencoding/xml\n%v", doc, got, want)
	}
	toks, _ = scan(doc)
	again, _ = scan(doc)
	if got, want := skipped(newResolver(newGuard(toks, Limits{}, nil))), skipped(xml.NewTokenDecoder(newGuard(again, Limits{}, nil))); got != want {
		t.Fatalf("resolver(%q) skips to %s; encoding/xml to %s", doc, got, want)
	}
}

// tokens reads d to its first error, which ends the list.
func tokens(d tokenStream) []string {
	var out []string
	for {
		tok, err := d.Token()
		if err != nil {
			return append(out, "error: "+err.Error())
		}
		out = append(out, fmt.Sprintf("%#v", tok))
	}
}

// skipped reads the first token of d and skips the rest of its element.
func skipped(d tokenStream) string {
	tok, err := d.Token()
	if err != nil {
		return "error: " + err.Error()
	}
	if _, ok := tok.(xml.StartElement); !ok {
		return fmt.Sprintf("%#v", tok)
	}
	if err := d.Skip(); err != nil {
		return "error: " + err.Error()
	}
	tok, err = d.Token()
	return fmt.Sprintf("%#v %v", tok, err)
}

func TestResolverAgreesWithEncodingXML(t *testing.T) {
	docs := seedFiles(t)
	for _, s := range append(append([]string{}, scanSeeds...), resolveSeeds...) {
		docs = append(docs, []byte(s))
	}
	for _, doc := range docs {
		checkResolved(t, doc)
		checkSameEnvelope(t, doc)
	}
}
