package soap_test

import (
	"encoding/xml"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

const securityHeader = `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" soapenv:mustUnderstand="1">` +
	`<wsse:UsernameToken><wsse:Username>alice</wsse:Username><wsse:Password>geheim</wsse:Password></wsse:UsernameToken></wsse:Security>`

func wantSecurity(mustUnderstand bool) *wsse.Security {
	return &wsse.Security{
		XMLName:        xml.Name{Space: wsse.SecextNS, Local: "Security"},
		MustUnderstand: mustUnderstand,
		UsernameToken:  &wsse.UsernameToken{Username: "alice", Password: &wsse.Password{Value: "geheim"}},
	}
}

// got is what a test reads of an envelope: the Security block (decoded)
// and the body.
type got struct {
	Security *wsse.Security
	Body     any
}

// read reads an envelope as the mock does (understanding wsse:Security)
// and decodes its Security block and its body.
func read(t *testing.T, in string, limits soap.Limits) (*got, error) {
	t.Helper()
	env, err := soap.ReadEnvelope(strings.NewReader(in), limits, wsse.IsSecurity)
	if err != nil {
		return nil, err
	}
	sec, err := wsse.ReadSecurity(env.Header)
	if err != nil {
		t.Fatalf("ReadSecurity() error = %v", err)
	}
	body, err := newBody(env.Body.Name)
	if err != nil {
		return nil, err
	}
	if err := env.Body.Decode(body); err != nil {
		return nil, err
	}
	return &got{Security: sec, Body: body}, nil
}

func TestReadEnvelope(t *testing.T) {
	echoName := xml.Name{Space: testNS, Local: "Echo"}
	hi := &echo{XMLName: echoName, Text: "hi"}

	tests := []struct {
		name string
		in   string
		want *got
	}{
		{
			name: "reads prefixes declared on Envelope",
			in:   xml.Header + envelope(securityHeader, echoBody),
			want: &got{Security: wantSecurity(true), Body: hi},
		},
		{
			name: "reads prefixes declared on Header and Body",
			in: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">` +
				`<soapenv:Header xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
				`<wsse:Security><wsse:UsernameToken><wsse:Username>alice</wsse:Username><wsse:Password>geheim</wsse:Password></wsse:UsernameToken></wsse:Security>` +
				`</soapenv:Header><soapenv:Body xmlns:t="urn:test">` + echoBody + `</soapenv:Body></soapenv:Envelope>`,
			want: &got{Security: wantSecurity(false), Body: hi},
		},
		{
			name: "reads prefixes declared on the elements themselves",
			in: `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header>` +
				`<o:Security xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><o:UsernameToken>` +
				`<o:Username>alice</o:Username><o:Password>geheim</o:Password></o:UsernameToken></o:Security>` +
				`</S:Header><S:Body><x:Echo xmlns:x="urn:test"><x:Text>hi</x:Text></x:Echo></S:Body></S:Envelope>`,
			want: &got{Security: wantSecurity(false), Body: hi},
		},
		{
			name: "reads default namespaces",
			in: `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>` +
				`<Echo xmlns="urn:test"><Text>hi</Text></Echo></Body></Envelope>`,
			want: &got{Body: hi},
		},
		{
			name: "reads a prefix rebound to another namespace",
			in: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
				`<s:Echo xmlns:s="urn:test"><s:Text>hi</s:Text></s:Echo></s:Body></s:Envelope>`,
			want: &got{Body: hi},
		},
		{
			name: "ignores headers without mustUnderstand",
			in: envelope(`<x:Trace xmlns:x="urn:x">1</x:Trace>`+
				`<x:Other xmlns:x="urn:x" soapenv:mustUnderstand="0"/>`+
				`<x:Foreign xmlns:x="urn:x" xmlns:env="http://www.w3.org/2003/05/soap-envelope" env:mustUnderstand="true"/>`, echoBody),
			want: &got{Body: hi},
		},
		{
			name: "accepts comments, whitespace and an empty Header",
			in:   "<!-- before -->\n" + envelope("", " <!-- c --> "+echoBody+"\n") + "\n<!-- after -->\n",
			want: &got{Body: hi},
		},
		{
			name: "reads CDATA and character references",
			in:   envelope("", `<t:Echo><t:Text><![CDATA[<h]]>&#105;</t:Text></t:Echo>`),
			want: &got{Body: &echo{XMLName: echoName, Text: "<hi"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := read(t, tt.in, soap.Limits{})
			if err != nil {
				t.Fatalf("ReadEnvelope() error = %v; want nil", err)
			}
			if !reflect.DeepEqual(g, tt.want) {
				t.Errorf("ReadEnvelope() = %+v; want %+v", g, tt.want)
			}
		})
	}
}

// TestReadEnvelopeKeepsScope checks that the body keeps the namespace
// declarations of Envelope and Body, so that QName values in it resolve.
func TestReadEnvelopeKeepsScope(t *testing.T) {
	in := `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xs="http://www.w3.org/2001/XMLSchema"><e:Body xmlns="urn:test">` + `<Echo/></e:Body></e:Envelope>`
	env, err := soap.ReadEnvelope(strings.NewReader(in), soap.Limits{}, wsse.IsSecurity)
	if err != nil {
		t.Fatal(err)
	}
	var prefixes []string
	for _, a := range env.Body.Scope() {
		prefixes = append(prefixes, a.Name.Space+":"+a.Name.Local+"="+a.Value)
	}
	want := []string{"xmlns:e=http://schemas.xmlsoap.org/soap/envelope/", "xmlns:xs=http://www.w3.org/2001/XMLSchema", ":xmlns=urn:test"}
	if !reflect.DeepEqual(prefixes, want) {
		t.Errorf("Scope() = %v; want %v", prefixes, want)
	}
	if env.Body.Name != (xml.Name{Space: testNS, Local: "Echo"}) {
		t.Errorf("Body.Name = %v", env.Body.Name)
	}
}

func TestReadElement(t *testing.T) {
	el, err := soap.ReadElement(strings.NewReader(`<?xml version="1.0"?><Echo xmlns="urn:test"><Text>hi</Text></Echo>`), soap.Limits{})
	if err != nil {
		t.Fatalf("ReadElement() error = %v", err)
	}
	var e echo
	if err := el.Decode(&e); err != nil || e.Text != "hi" {
		t.Errorf("Decode() = %+v, %v; want Text hi", e, err)
	}
	for _, in := range []string{``, `<a/><b/>`, `<a>`, `<p:a/>`} {
		if _, err := soap.ReadElement(strings.NewReader(in), soap.Limits{}); err == nil {
			t.Errorf("ReadElement(%q) error = nil; want an error", in)
		}
	}
}

// rejections are inputs ReadEnvelope must reject with kind; they also
// seed FuzzReadEnvelope.
var rejections = []struct {
	name string
	in   string
	kind soap.Kind
}{
	{name: "malformed empty input", in: "", kind: soap.Malformed},
	{name: "malformed truncated", in: envelope("", echoBody)[:60], kind: soap.Malformed},
	{name: "malformed mismatched tags", in: strings.Replace(envelope("", echoBody), "</t:Echo>", "</t:Other>", 1), kind: soap.Malformed},
	{name: "malformed undefined entity", in: envelope("", `<t:Echo><t:Text>&lol;</t:Text></t:Echo>`), kind: soap.Malformed},
	{name: "malformed invalid UTF-8 in text", in: envelope("", "<t:Echo><t:Text>\xff</t:Text></t:Echo>"), kind: soap.Malformed},
	{name: "malformed invalid UTF-8 in comment", in: envelope("", "<!-- \xc3\x28 -->"+echoBody), kind: soap.Malformed},
	{name: "malformed non-UTF-8 encoding", in: `<?xml version="1.0" encoding="ISO-8859-1"?>` + envelope("", echoBody), kind: soap.Malformed},
	{name: "malformed XML declaration not first", in: " " + xml.Header + envelope("", echoBody), kind: soap.Malformed},
	{name: "malformed processing instruction", in: envelope("", `<?php echo 1; ?>`+echoBody), kind: soap.Malformed},
	{name: "malformed text in Envelope", in: strings.Replace(envelope("", echoBody), "<soapenv:Body>", "x<soapenv:Body>", 1), kind: soap.Malformed},
	{name: "malformed without Body", in: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/></soapenv:Envelope>`, kind: soap.Malformed},
	{name: "malformed Body before Header", in: strings.Replace(envelope("", echoBody), "</soapenv:Body>", "</soapenv:Body><soapenv:Header/>", 1), kind: soap.Malformed},
	{name: "two body children", in: envelope("", echoBody+echoBody), kind: soap.BodyNotSingle},
	{name: "malformed trailing garbage", in: envelope("", echoBody) + "garbage", kind: soap.Malformed},
	{name: "malformed trailing element", in: envelope("", echoBody) + "<x/>", kind: soap.Malformed},
	{name: "malformed undeclared prefix of an element", in: envelope("", `<t:Echo><u:Text>hi</u:Text></t:Echo>`), kind: soap.Malformed},
	{name: "malformed undeclared prefix of an attribute", in: envelope("", `<t:Echo u:id="1"/>`), kind: soap.Malformed},
	{name: "malformed prefix bound to nothing", in: envelope("", `<t:Echo xmlns:u=""/>`), kind: soap.Malformed},
	{name: "not an envelope", in: `<Echo xmlns="urn:test"/>`, kind: soap.NotEnvelope},
	{name: "version mismatch for Envelope without namespace", in: `<Envelope><Body/></Envelope>`, kind: soap.VersionMismatch},
	{
		name: "version mismatch for SOAP 1.2",
		in:   `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>` + `<t:Echo xmlns:t="urn:test"/>` + `</env:Body></env:Envelope>`,
		kind: soap.VersionMismatch,
	},
	{
		name: "version mismatch for soapenv prefix bound elsewhere",
		in:   `<soapenv:Envelope xmlns:soapenv="urn:not-soap"><soapenv:Body/></soapenv:Envelope>`,
		kind: soap.VersionMismatch,
	},
	{
		name: "DTD forbidden for billion laughs",
		in: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
			`<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
			`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">` +
			`<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>` +
			envelope("", `<t:Echo><t:Text>&lol4;</t:Text></t:Echo>`),
		kind: soap.DTDForbidden,
	},
	{
		name: "DTD forbidden for external entity",
		in:   `<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + envelope("", `<t:Echo><t:Text>&xxe;</t:Text></t:Echo>`),
		kind: soap.DTDForbidden,
	},
	{name: "DTD forbidden inside Body", in: envelope("", `<!DOCTYPE x>`+echoBody), kind: soap.DTDForbidden},
	{name: "limit exceeded at depth 65", in: envelope("", nested(65)), kind: soap.LimitExceeded},
	{name: "limit exceeded with too many elements", in: envelope("", siblings(soap.DefaultMaxElements+1)), kind: soap.LimitExceeded},
	{name: "limit exceeded in a skipped header", in: envelope(`<x:H xmlns:x="urn:x">`+strings.Repeat("<a>", 70)+strings.Repeat("</a>", 70)+`</x:H>`, echoBody), kind: soap.LimitExceeded},
	{name: "must understand with 1", in: envelope(`<x:Trace xmlns:x="urn:x" soapenv:mustUnderstand="1"/>`, echoBody), kind: soap.MustUnderstand},
	{name: "must understand with true", in: envelope(`<x:Trace xmlns:x="urn:x" soapenv:mustUnderstand="true"/>`, echoBody), kind: soap.MustUnderstand},
	{
		name: "must understand old wsse namespace",
		in:   envelope(`<wsse:Security xmlns:wsse="http://schemas.xmlsoap.org/ws/2002/07/secext" soapenv:mustUnderstand="1"/>`, echoBody),
		kind: soap.MustUnderstand,
	},
	{name: "empty body", in: envelope("", ""), kind: soap.BodyNotSingle},
	{name: "empty body with comment", in: envelope("", " <!-- nothing --> "), kind: soap.BodyNotSingle},
}

func TestReadEnvelopeRejects(t *testing.T) {
	for _, tt := range rejections {
		t.Run(tt.name, func(t *testing.T) {
			env, err := soap.ReadEnvelope(strings.NewReader(tt.in), soap.Limits{}, wsse.IsSecurity)
			checkKind(t, err, tt.kind)
			if env != nil {
				t.Errorf("ReadEnvelope() = %+v; want nil with the error", env)
			}
		})
	}
}

func TestElementDecodeKeepsCause(t *testing.T) {
	in := envelope("", `<t:Schedule><t:At>31.12.2026</t:At></t:Schedule>`)
	env, err := soap.ReadEnvelope(strings.NewReader(in), soap.Limits{}, wsse.IsSecurity)
	if err != nil {
		t.Fatal(err)
	}
	err = env.Body.Decode(new(schedule))
	checkKind(t, err, soap.InvalidBody)
	var parseErr *time.ParseError
	if !errors.As(err, &parseErr) {
		t.Errorf("Decode() error = %v; want *time.ParseError", err)
	}
}

func TestReadEnvelopeLimits(t *testing.T) {
	tests := []struct {
		name   string
		limits soap.Limits
		body   string
		want   soap.Kind // 0 for success
	}{
		{name: "accepts default depth 64", body: nested(64)},
		{name: "limit exceeded at default depth 65", body: nested(65), want: soap.LimitExceeded},
		{name: "accepts default element count", body: siblings(soap.DefaultMaxElements)},
		{name: "limit exceeded one over default element count", body: siblings(soap.DefaultMaxElements + 1), want: soap.LimitExceeded},
		{name: "accepts custom depth", limits: soap.Limits{MaxDepth: 5}, body: nested(5)},
		{name: "limit exceeded over custom depth", limits: soap.Limits{MaxDepth: 5}, body: nested(6), want: soap.LimitExceeded},
		{name: "accepts custom element count", limits: soap.Limits{MaxElements: 10}, body: siblings(10)},
		{name: "limit exceeded over custom element count", limits: soap.Limits{MaxElements: 10}, body: siblings(11), want: soap.LimitExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := soap.ReadEnvelope(strings.NewReader(envelope("", tt.body)), tt.limits, wsse.IsSecurity)
			if tt.want == 0 {
				if err != nil {
					t.Errorf("ReadEnvelope() error = %v; want nil", err)
				}
				return
			}
			checkKind(t, err, tt.want)
		})
	}
}

// nested returns an Echo body element (at depth 3) with nested content
// whose deepest element is at depth.
func nested(depth int) string {
	return "<t:Echo>" + strings.Repeat("<a>", depth-3) + strings.Repeat("</a>", depth-3) + "</t:Echo>"
}

// siblings returns an Echo body element with children such that the
// envelope holds total elements.
func siblings(total int) string {
	return "<t:Echo>" + strings.Repeat("<a/>", total-3) + "</t:Echo>"
}

// TestErrorGrund checks the German reasons a Fault shows for refused
// envelopes: the parser's syntax errors translated with their line, and no
// Go internals.
func TestErrorGrund(t *testing.T) {
	tests := []struct{ in, want string }{
		{strings.Replace(envelope("", echoBody), "</t:Echo>", "</t:Other>", 1), "XML-Syntaxfehler in Zeile 1: das Element <Echo> wird durch </Other> geschlossen."},
		{envelope("", echoBody)[:60], "XML-Syntaxfehler in Zeile 1: unerwartetes Ende der Daten."},
		{envelope("", `<t:Echo><t:Text>&lol;</t:Text></t:Echo>`), "XML-Syntaxfehler in Zeile 1: unbekannte oder ungültige Entität &lol;."},
		{`<?xml version="1.0" encoding="ISO-8859-1"?>` + envelope("", echoBody), "Nur UTF-8 wird unterstützt, nicht die Kodierung „ISO-8859-1“."},
		{envelope("", `<u:Echo/>`), "Das Präfix u des Elements Echo ist nicht deklariert."},
		{envelope("", ""), "Body enthält kein Element."},
	}
	for _, tt := range tests {
		_, err := soap.ReadEnvelope(strings.NewReader(tt.in), soap.Limits{}, wsse.IsSecurity)
		var se *soap.Error
		if !errors.As(err, &se) {
			t.Fatalf("ReadEnvelope(%q) error = %v; want a *soap.Error", tt.in, err)
		}
		if got := se.Grund(); got != tt.want {
			t.Errorf("Grund() = %q; want %q", got, tt.want)
		}
	}
}
