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

func TestDecodeRequest(t *testing.T) {
	echoName := xml.Name{Space: testNS, Local: "Echo"}
	hi := &echo{XMLName: echoName, Text: "hi"}

	tests := []struct {
		name string
		in   string
		want *soap.Request
	}{
		{
			name: "decodes prefixes declared on Envelope",
			in:   xml.Header + envelope(securityHeader, echoBody),
			want: &soap.Request{Security: wantSecurity(true), Operation: echoName, Body: hi},
		},
		{
			name: "decodes prefixes declared on Header and Body",
			in: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">` +
				`<soapenv:Header xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
				`<wsse:Security><wsse:UsernameToken><wsse:Username>alice</wsse:Username><wsse:Password>geheim</wsse:Password></wsse:UsernameToken></wsse:Security>` +
				`</soapenv:Header><soapenv:Body xmlns:t="urn:test">` + echoBody + `</soapenv:Body></soapenv:Envelope>`,
			want: &soap.Request{Security: wantSecurity(false), Operation: echoName, Body: hi},
		},
		{
			name: "decodes prefixes declared on the elements themselves",
			in: `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header>` +
				`<o:Security xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><o:UsernameToken>` +
				`<o:Username>alice</o:Username><o:Password>geheim</o:Password></o:UsernameToken></o:Security>` +
				`</S:Header><S:Body><x:Echo xmlns:x="urn:test"><x:Text>hi</x:Text></x:Echo></S:Body></S:Envelope>`,
			want: &soap.Request{Security: wantSecurity(false), Operation: echoName, Body: hi},
		},
		{
			name: "decodes default namespaces",
			in: `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>` +
				`<Echo xmlns="urn:test"><Text>hi</Text></Echo></Body></Envelope>`,
			want: &soap.Request{Operation: echoName, Body: hi},
		},
		{
			name: "decodes a prefix rebound to another namespace",
			in: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
				`<s:Echo xmlns:s="urn:test"><s:Text>hi</s:Text></s:Echo></s:Body></s:Envelope>`,
			want: &soap.Request{Operation: echoName, Body: hi},
		},
		{
			name: "ignores headers without mustUnderstand",
			in: envelope(`<x:Trace xmlns:x="urn:x">1</x:Trace>`+
				`<x:Other xmlns:x="urn:x" soapenv:mustUnderstand="0"/>`+
				`<x:Foreign xmlns:x="urn:x" xmlns:env="http://www.w3.org/2003/05/soap-envelope" env:mustUnderstand="true"/>`, echoBody),
			want: &soap.Request{Operation: echoName, Body: hi},
		},
		{
			name: "accepts comments, whitespace and an empty Header",
			in:   "<!-- before -->\n" + envelope("", " <!-- c --> "+echoBody+"\n") + "\n<!-- after -->\n",
			want: &soap.Request{Operation: echoName, Body: hi},
		},
		{
			name: "decodes CDATA and character references",
			in:   envelope("", `<t:Echo><t:Text><![CDATA[<h]]>&#105;</t:Text></t:Echo>`),
			want: &soap.Request{Operation: echoName, Body: &echo{XMLName: echoName, Text: "<hi"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := soap.DecodeRequest(strings.NewReader(tt.in), soap.Limits{}, newBody)
			if err != nil {
				t.Fatalf("DecodeRequest() error = %v; want nil", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DecodeRequest() = %+v; want %+v", got, tt.want)
			}
		})
	}
}

// rejections are inputs DecodeRequest must reject with kind; they also
// seed FuzzDecodeRequest.
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
	{name: "malformed two Security headers", in: envelope(securityHeader+securityHeader, echoBody), kind: soap.Malformed},
	{
		name: "malformed Security header",
		in:   envelope(`<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" soapenv:mustUnderstand="yes"/>`, echoBody),
		kind: soap.Malformed,
	},
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
	{name: "unknown operation", in: envelope("", `<t:Nope/>`), kind: soap.UnknownOperation},
	{name: "unknown operation in other namespace", in: envelope("", `<x:Echo xmlns:x="urn:other"/>`), kind: soap.UnknownOperation},
	{name: "invalid body", in: envelope("", `<t:Schedule><t:At>31.12.2026</t:At></t:Schedule>`), kind: soap.InvalidBody},
}

func TestDecodeRequestRejects(t *testing.T) {
	for _, tt := range rejections {
		t.Run(tt.name, func(t *testing.T) {
			got, err := soap.DecodeRequest(strings.NewReader(tt.in), soap.Limits{}, newBody)
			se := checkKind(t, err, tt.kind)
			partial := se != nil && (se.Kind == soap.UnknownOperation || se.Kind == soap.InvalidBody)
			switch {
			case partial && (got == nil || got.Body != nil || got.Operation.Local == ""):
				t.Errorf("DecodeRequest() = %+v; want the envelope without a Body", got)
			case !partial && got != nil:
				t.Errorf("DecodeRequest() = %+v; want nil", got)
			}
		})
	}
}

func TestDecodeRequestKeepsCause(t *testing.T) {
	t.Run("unknown operation wraps newBody error", func(t *testing.T) {
		_, err := soap.DecodeRequest(strings.NewReader(envelope("", `<t:Nope/>`)), soap.Limits{}, newBody)
		if !errors.Is(err, errNoOperation) {
			t.Errorf("DecodeRequest() error = %v; want %v", err, errNoOperation)
		}
	})
	t.Run("invalid body wraps decoding error", func(t *testing.T) {
		in := envelope("", `<t:Schedule><t:At>31.12.2026</t:At></t:Schedule>`)
		_, err := soap.DecodeRequest(strings.NewReader(in), soap.Limits{}, newBody)
		var parseErr *time.ParseError
		if !errors.As(err, &parseErr) {
			t.Errorf("DecodeRequest() error = %v; want *time.ParseError", err)
		}
	})
}

// A body error leaves the header readable, so the server can authenticate
// the caller before it answers with the schema fault.
func TestDecodeRequestKeepsSecurityOnBodyErrors(t *testing.T) {
	header := `<wsse:Security xmlns:wsse="` + wsse.SecextNS + `"><wsse:UsernameToken><wsse:Username>u</wsse:Username></wsse:UsernameToken></wsse:Security>`
	for _, body := range []string{`<t:Nope/>`, `<t:Schedule><t:At>31.12.2026</t:At></t:Schedule>`} {
		got, err := soap.DecodeRequest(strings.NewReader(envelope(header, body)), soap.Limits{}, newBody)
		if err == nil || got == nil || got.Security == nil || got.Security.UsernameToken.Username != "u" {
			t.Errorf("DecodeRequest(%s) = %+v, %v; want the Security header and an error", body, got, err)
		}
	}
}

func TestDecodeRequestLimits(t *testing.T) {
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
			_, err := soap.DecodeRequest(strings.NewReader(envelope("", tt.body)), tt.limits, newBody)
			if tt.want == 0 {
				if err != nil {
					t.Errorf("DecodeRequest() error = %v; want nil", err)
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
