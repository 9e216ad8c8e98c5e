package soap_test

import (
	"encoding/xml"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

const prolog = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
	`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">`

func TestEncode(t *testing.T) {
	tests := []struct {
		name     string
		security *wsse.Security
		body     any
		want     string
	}{
		{
			name: "writes body without Header",
			body: &echo{Text: "a<b"},
			want: prolog + `<soapenv:Body><Echo xmlns="urn:test"><Text>a&lt;b</Text></Echo></soapenv:Body></soapenv:Envelope>`,
		},
		{
			name: "writes Security Header",
			security: &wsse.Security{MustUnderstand: true, UsernameToken: &wsse.UsernameToken{
				Username: "alice",
				Password: &wsse.Password{Type: wsse.PasswordTextType, Value: "geheim"},
			}},
			body: echo{Text: "hi"},
			want: prolog + `<soapenv:Header>` +
				`<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"` +
				` xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" soapenv:mustUnderstand="1">` +
				`<wsse:UsernameToken><wsse:Username>alice</wsse:Username>` +
				`<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">geheim</wsse:Password>` +
				`</wsse:UsernameToken></wsse:Security></soapenv:Header>` +
				`<soapenv:Body><Echo xmlns="urn:test"><Text>hi</Text></Echo></soapenv:Body></soapenv:Envelope>`,
		},
		{
			name: "writes Fault body",
			body: soap.Fault{Code: xml.Name{Space: soap.EnvelopeNS, Local: soap.FaultServer}, String: "down"},
			want: prolog + `<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>down</faultstring>` +
				`</soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := soap.Encode(&b, tt.security, tt.body); err != nil {
				t.Fatalf("Encode() error = %v; want nil", err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("Encode() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestEncodeFault(t *testing.T) {
	tests := []struct {
		name  string
		fault soap.Fault
		want  string
	}{
		{
			name:  "writes soapenv code with declared prefix",
			fault: soap.Fault{Code: xml.Name{Space: soap.EnvelopeNS, Local: soap.FaultClient}, String: "bad <request>", Actor: "urn:actor"},
			want: prolog + `<soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode>` +
				`<faultstring>bad &lt;request&gt;</faultstring><faultactor>urn:actor</faultactor>` +
				`</soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
		},
		{
			name: "writes wsse code and detail",
			fault: soap.Fault{
				Code: xml.Name{Space: wsse.SecextNS, Local: "FailedAuthentication"}, CodePrefix: "wsse",
				String: "The security token could not be authenticated or authorized",
				Detail: &soap.Detail{XMLName: xml.Name{Space: testNS, Local: "Error"}, Code: "AUTH", Text: "denied", Field: "a.b"},
			},
			want: prolog + `<soapenv:Body><soapenv:Fault>` +
				`<faultcode xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">wsse:FailedAuthentication</faultcode>` +
				`<faultstring>The security token could not be authenticated or authorized</faultstring>` +
				`<detail><Error xmlns="urn:test"><Code>AUTH</Code><Text>denied</Text><Feld>a.b</Feld></Error></detail>` +
				`</soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
		},
		{
			name:  "writes other namespace code",
			fault: soap.Fault{Code: xml.Name{Space: testNS, Local: "Busy"}, String: "busy"},
			want: prolog + `<soapenv:Body><soapenv:Fault><faultcode xmlns:ns="urn:test">ns:Busy</faultcode>` +
				`<faultstring>busy</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := soap.EncodeFault(&b, tt.fault); err != nil {
				t.Fatalf("EncodeFault() error = %v; want nil", err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("EncodeFault() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

type failingWriter struct{}

var errWrite = errors.New("write failed")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		w    interface{ Write([]byte) (int, error) }
		body any
	}{
		{name: "fails for nil body", w: &strings.Builder{}},
		{name: "fails for fault without code", w: &strings.Builder{}, body: &soap.Fault{String: "x"}},
		{
			name: "fails for detail without name",
			w:    &strings.Builder{},
			body: &soap.Fault{Code: xml.Name{Space: soap.EnvelopeNS, Local: soap.FaultClient}, Detail: &soap.Detail{Code: "X"}},
		},
		{name: "fails for failing writer", w: failingWriter{}, body: &echo{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := soap.Encode(tt.w, nil, tt.body); err == nil {
				t.Error("Encode() error = nil; want error")
			}
		})
	}
}

// TestEncodeAfterFailure checks that an envelope left half written by a
// failure does not leak into the next one: Encode reuses its encoders.
func TestEncodeAfterFailure(t *testing.T) {
	halfWritten := &soap.Fault{Code: xml.Name{Space: soap.EnvelopeNS, Local: soap.FaultClient}, Detail: &soap.Detail{Code: "X"}}
	want := prolog + `<soapenv:Body><Echo xmlns="urn:test"><Text>hi</Text></Echo></soapenv:Body></soapenv:Envelope>`
	for i := range 3 {
		if err := soap.Encode(&strings.Builder{}, nil, halfWritten); err == nil {
			t.Fatal("Encode(detail without name) error = nil; want error")
		}
		if err := soap.Encode(failingWriter{}, nil, &echo{Text: "hi"}); err == nil {
			t.Fatal("Encode(failing writer) error = nil; want error")
		}
		var b strings.Builder
		if err := soap.Encode(&b, nil, &echo{Text: "hi"}); err != nil {
			t.Fatalf("round %d: Encode() error = %v; want nil", i, err)
		}
		if got := b.String(); got != want {
			t.Errorf("round %d: Encode() after a failure =\n%s\nwant\n%s", i, got, want)
		}
	}
}

func TestEncodeReadEnvelopeRoundTrip(t *testing.T) {
	tok, err := wsse.NewUsernameToken("alice", "geheim", wsse.PasswordDigest, t0, []byte("0123456789abcdef"))
	if err != nil {
		t.Fatalf("NewUsernameToken() error = %v", err)
	}
	sec := &wsse.Security{MustUnderstand: true, UsernameToken: tok}
	var b strings.Builder
	if err := soap.Encode(&b, sec, &echo{Text: "hi & bye"}); err != nil {
		t.Fatalf("Encode() error = %v", err)
	}
	got, err := read(t, b.String(), soap.Limits{})
	if err != nil {
		t.Fatalf("ReadEnvelope(Encode()) error = %v; want nil", err)
	}
	wantSec := *sec
	wantSec.XMLName = xml.Name{Space: wsse.SecextNS, Local: "Security"}
	if !reflect.DeepEqual(got.Security, &wantSec) {
		t.Errorf("ReadEnvelope(Encode()).Security = %+v; want %+v", got.Security, &wantSec)
	}
	wantBody := &echo{XMLName: xml.Name{Space: testNS, Local: "Echo"}, Text: "hi & bye"}
	if !reflect.DeepEqual(got.Body, wantBody) {
		t.Errorf("ReadEnvelope(Encode()).Body = %+v; want %+v", got.Body, wantBody)
	}
}
