package soap

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scanSeeds are documents of every kind scan reads itself and of every
// kind it leaves to encoding/xml, valid or not.
var scanSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><x xmlns="urn:x" a='1'b="2"/></e:Body></e:Envelope>`,
	`<?xml version='1.0' encoding='utf-8'?><a>Grüße &lt;&amp;&gt; &apos;&quot; <!-- ein Kommentar --> </a >`,
	`<?xml version="1.0" standalone="yes"?><a/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version="1.0" ?><a/>`,
	`<?xml-stylesheet href="x"?><a/>`,
	`<?php echo 1; ?><a/>`,
	`<a>` + "\r\n" + `</a>`,
	`<a b="x` + "\r" + `y"/>`,
	`<a>&#xE4;&#228;&#0;&#x110000;</a>`,
	`<a>&nbsp;&lt</a>`,
	`<a><![CDATA[<b>]]></a>`,
	`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`,
	`<a>]]></a>`, `<a b="]]>"/>`, `<a b="<"/>`, `<a b=c/>`, `<a b/>`, `<a b="1"`,
	`<a:b:c/>`, `<:a/>`, `<a:/>`, `<1a/>`, `<-a/>`, `<äb/>`, `<ab` + "\xc3\xa4" + `/>`, `< a/>`, `<>`, `</>`, `</a`, `</a b>`,
	`<a>` + "\x00" + `</a>`, `<a>` + "\x7f\x1f" + `</a>`, `<a>` + "\xff" + `</a>`, `<a>` + "\xef\xbf\xbe" + `</a>`, `<a>` + "\xef\xbf\xbd" + `</a>`,
	`<!-- a -- b --><a/>`, `<!---->`, `<!--->`, `<!-->-->`, `<!-`, `<!--`, `<!x>`,
	`text before <a/> and after`, `<a></b>`, `<a>`, `</a>`, `<`, `<a`, `&amp;`, `]]`, "\ufeff<a/>",
	`<a xmlns="" xmlns:p="urn:p" p:x="1" xmlns:q=""><p:b/></a>`,
}

// seedFiles returns the requests and answers of the golden files and the
// hardening corpus.
func seedFiles(t testing.TB) [][]byte {
	t.Helper()
	var docs [][]byte
	for _, pattern := range []string{"../../../testdata/golden/*.xml", "../../../testdata/corpus/*.xml"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("glob %s: %v, %d files", pattern, err, len(files))
		}
		for _, f := range files {
			doc, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, doc)
		}
	}
	return docs
}

func FuzzScan(f *testing.F) {
	for _, s := range append(append([]string{}, scanSeeds...), resolveSeeds...) {
		f.Add([]byte(s))
	}
	for _, doc := range seedFiles(f) {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		checkScanned(t, doc)
		checkResolved(t, doc)
		checkSameEnvelope(t, doc)
	})
}

func TestScanAgreesWithEncodingXML(t *testing.T) {
	docs := seedFiles(t)
	for _, s := range scanSeeds {
		docs = append(docs, []byte(s))
	}
	for _, doc := range docs {
		checkScanned(t, doc)
		checkSameEnvelope(t, doc)
	}
}

// TestScanReadsRequests checks that the requests of the contract, as our
// client and third-party clients write them, take the fast way: otherwise
// the differential tests would pass with scan never used.
func TestScanReadsRequests(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/golden/*.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := scan(doc); !ok {
			t.Errorf("scan(%s) gave up; want its tokens", filepath.Base(f))
		}
		// zeep writes single quotes and a lower-case encoding, .NET
		// indents; both are common.
		zeep := bytes.Replace(doc, []byte(`<?xml version="1.0" encoding="UTF-8"?>`), []byte(`<?xml version='1.0' encoding='utf-8'?>`), 1)
		indented := bytes.ReplaceAll(zeep, []byte("><"), []byte(">\n  <"))
		if _, ok := scan(indented); !ok {
			t.Errorf("scan(%s, as zeep and indented) gave up; want its tokens", filepath.Base(f))
		}
	}
}

func TestScanGivesUpOnLongDocuments(t *testing.T) {
	doc := []byte("<a>" + strings.Repeat("<b/>", scanLimit) + "</a>")
	if _, ok := scan(doc); ok {
		t.Errorf("scan(%d elements) read it; want encoding/xml to stream it", scanLimit+1)
	}
	checkSameEnvelope(t, doc)
}

// checkScanned fails if scan reads doc other than encoding/xml's RawToken.
func checkScanned(t *testing.T, doc []byte) {
	t.Helper()
	got, ok := scan(doc)
	if !ok {
		return
	}
	raw := xml.NewDecoder(bytes.NewReader(doc))
	raw.CharsetReader = refuseCharset
	for i := 0; ; i++ {
		tok, err := raw.RawToken()
		if err == io.EOF {
			if i != len(got.toks) {
				t.Fatalf("scan(%q) read %d tokens; encoding/xml %d", doc, len(got.toks), i)
			}
			return
		}
		if err != nil {
			t.Fatalf("scan(%q) read it; encoding/xml refuses it after %d tokens: %v", doc, i, err)
		}
		if i >= len(got.toks) {
			t.Fatalf("scan(%q) read %d tokens; encoding/xml more: %#v", doc, len(got.toks), tok)
		}
		if want := xml.CopyToken(tok); !reflect.DeepEqual(got.toks[i], want) {
			t.Fatalf("scan(%q) token %d = %#v; encoding/xml %#v", doc, i, got.toks[i], want)
		}
		if got.ends[i] != raw.InputOffset() {
			t.Fatalf("scan(%q) token %d ends at %d; encoding/xml at %d", doc, i, got.ends[i], raw.InputOffset())
		}
	}
}

// observed is what an Observer was shown.
type observed struct {
	tok        xml.Token
	start, end int64
}

// checkSameEnvelope fails if ReadEnvelopeObserved and ReadEnvelope differ
// for doc: in the envelope, the error, or what the observer was shown.
func checkSameEnvelope(t *testing.T, doc []byte) {
	t.Helper()
	limits := Limits{MaxDepth: 16, MaxElements: 256}
	understood := func(n xml.Name) bool { return n.Local == "Security" }
	var fast, slow []observed
	gotEnv, gotErr := ReadEnvelopeObserved(doc, limits, understood, func(tok xml.Token, start, end int64) {
		fast = append(fast, observed{xml.CopyToken(tok), start, end})
	})
	wantEnv, wantErr := readEnvelope(&envelopeReader{d: newDecoder(bytes.NewReader(doc), limits, func(tok xml.Token, start, end int64) {
		slow = append(slow, observed{xml.CopyToken(tok), start, end})
	})}, understood)
	if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("ReadEnvelopeObserved(%q) error = %v; ReadEnvelope's %v", doc, gotErr, wantErr)
	}
	if !reflect.DeepEqual(gotEnv, wantEnv) {
		t.Fatalf("ReadEnvelopeObserved(%q) = %#v; ReadEnvelope's %#v", doc, gotEnv, wantEnv)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("ReadEnvelopeObserved(%q) showed %#v; ReadEnvelope %#v", doc, fast, slow)
	}
}

// TestScanTokensCannotOverwriteTheDocument checks that appending to a
// token's bytes copies them: the tokens share the document's bytes.
func TestScanTokensCannotOverwriteTheDocument(t *testing.T) {
	doc := []byte(`<?xml version="1.0"?><a>Text<!--Kommentar--></a>`)
	want := string(doc)
	got, ok := scan(doc)
	if !ok {
		t.Fatal("scan gave up")
	}
	for _, tok := range got.toks {
		switch b := tok.(type) {
		case xml.CharData:
			_ = append(b, 'X')
		case xml.Comment:
			_ = append(b, 'X')
		case xml.ProcInst:
			_ = append(b.Inst, 'X')
		}
	}
	if string(doc) != want {
		t.Errorf("document after appending to its tokens = %q; want %q", doc, want)
	}
}
