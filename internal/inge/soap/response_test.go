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

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func TestDecodeResponse(t *testing.T) {
	var b strings.Builder
	if err := soap.Encode(&b, nil, &echo{Text: "hi"}); err != nil {
		t.Fatalf("Encode() error = %v", err)
	}
	var got echo
	if err := soap.DecodeResponse(strings.NewReader(b.String()), &got); err != nil {
		t.Fatalf("DecodeResponse() error = %v; want nil", err)
	}
	want := echo{XMLName: xml.Name{Space: testNS, Local: "Echo"}, Text: "hi"}
	if got != want {
		t.Errorf("DecodeResponse() = %+v; want %+v", got, want)
	}
}

func TestDecodeResponseIntoNil(t *testing.T) {
	in := envelope(`<x:H xmlns:x="urn:x" soapenv:mustUnderstand="1"/>`, echoBody)
	if err := soap.DecodeResponse(strings.NewReader(in), nil); err != nil {
		t.Errorf("DecodeResponse() error = %v; want nil", err)
	}
}

func TestDecodeResponseFaultRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		fault soap.Fault
	}{
		{
			name:  "returns soapenv Client fault",
			fault: soap.Fault{Code: xml.Name{Space: soap.EnvelopeNS, Local: soap.FaultClient}, String: "bad request"},
		},
		{
			name: "returns wsse fault with detail",
			fault: soap.Fault{
				Code:   xml.Name{Space: wsse.SecextNS, Local: "FailedAuthentication"},
				String: "The security token could not be authenticated or authorized",
				Actor:  "urn:actor",
				Detail: &soap.Detail{XMLName: xml.Name{Space: testNS, Local: "Error"}, Code: "AUTH", Text: "denied", Field: "a.b"},
			},
		},
		{
			name:  "returns fault with other namespace code",
			fault: soap.Fault{Code: xml.Name{Space: testNS, Local: "Busy"}, String: "busy"},
		},
		{
			name:  "returns fault with unqualified code",
			fault: soap.Fault{Code: xml.Name{Local: "Client"}, String: "bad request"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := soap.EncodeFault(&b, tt.fault); err != nil {
				t.Fatalf("EncodeFault() error = %v", err)
			}
			err := soap.DecodeResponse(strings.NewReader(b.String()), &echo{})
			var got *soap.Fault
			if !errors.As(err, &got) {
				t.Fatalf("DecodeResponse() error = %v; want *soap.Fault", err)
			}
			got.Raw = nil // TestDecodeResponseForeignFault checks it
			if !reflect.DeepEqual(*got, tt.fault) {
				t.Errorf("DecodeResponse() fault = %+v; want %+v", *got, tt.fault)
			}
		})
	}
}

func TestDecodeResponseForeignFault(t *testing.T) {
	entry := xml.Name{Space: testNS, Local: "Error"}
	tests := []struct {
		name string
		in   string
		want soap.Fault
	}{
		{
			name: "resolves prefix declared on Envelope",
			in: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
				`<s:Body><s:Fault><faultcode>o:InvalidSecurity</faultcode><faultstring xml:lang="en">no</faultstring></s:Fault></s:Body></s:Envelope>`,
			want: soap.Fault{Code: xml.Name{Space: wsse.SecextNS, Local: "InvalidSecurity"}, String: "no"},
		},
		{
			name: "resolves prefix declared on faultcode",
			in: envelope("", `<soapenv:Fault><faultcode xmlns:a="urn:a"> a:Foo </faultcode><faultstring>no</faultstring>`+
				`<detail>text<e:Error xmlns:e="urn:test"><e:Code>C1</e:Code><e:Text>first</e:Text></e:Error><e:Error xmlns:e="urn:test"/></detail>`+
				`</soapenv:Fault>`),
			want: soap.Fault{
				Code:   xml.Name{Space: "urn:a", Local: "Foo"},
				String: "no",
				Detail: &soap.Detail{XMLName: entry, Code: "C1", Text: "first"},
			},
		},
		{
			name: "resolves prefix rebound on Fault",
			in: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><f:Fault xmlns:f="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soapenv="urn:rebound">` +
				`<faultcode>soapenv:Client</faultcode><faultstring>no</faultstring><detail/></f:Fault></soapenv:Body></soapenv:Envelope>`,
			want: soap.Fault{Code: xml.Name{Space: "urn:rebound", Local: "Client"}, String: "no"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := soap.DecodeResponse(strings.NewReader(tt.in), nil)
			var got *soap.Fault
			if !errors.As(err, &got) {
				t.Fatalf("DecodeResponse() error = %v; want *soap.Fault", err)
			}
			// Raw keeps the detail entry that Detail was decoded from.
			switch {
			case tt.want.Detail == nil && got.Raw != nil:
				t.Errorf("Raw = %v; want nil without a detail entry", got.Raw.Name)
			case tt.want.Detail != nil && (got.Raw == nil || got.Raw.Name != tt.want.Detail.XMLName):
				t.Errorf("Raw = %v; want the entry %v", got.Raw, tt.want.Detail.XMLName)
			}
			got.Raw = nil
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("DecodeResponse() fault = %+v; want %+v", *got, tt.want)
			}
		})
	}
}

// entry is a detail entry of another contract than Detail's names.
type entry struct {
	XMLName xml.Name `xml:"urn:other Stoerung"`
	Nummer  string   `xml:"Nummer"`
}

// A Fault written with an Entry carries it in detail, and the reader gets
// it back as Raw, its tokens kept.
func TestFaultEntry(t *testing.T) {
	var buf strings.Builder
	f := soap.Fault{Code: xml.Name{Space: soap.EnvelopeNS, Local: soap.FaultClient}, String: "nein", Entry: entry{Nummer: "T-108"}}
	if err := soap.EncodeFault(&buf, f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<detail><Stoerung xmlns="urn:other"><Nummer>T-108</Nummer></Stoerung></detail>`) {
		t.Fatalf("EncodeFault wrote %s", buf.String())
	}
	err := soap.DecodeResponse(strings.NewReader(buf.String()), nil)
	var got *soap.Fault
	if !errors.As(err, &got) || got.Raw == nil {
		t.Fatalf("DecodeResponse = %v; want a Fault with Raw", err)
	}
	var back entry
	if err := got.Raw.Decode(&back); err != nil || back.Nummer != "T-108" {
		t.Errorf("Raw decodes to %+v, %v; want Nummer T-108", back, err)
	}
}

func TestDecodeResponseRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind soap.Kind
	}{
		{name: "invalid body for other element", in: envelope("", `<t:Other/>`), kind: soap.InvalidBody},
		{name: "invalid body for other namespace", in: envelope("", `<x:Echo xmlns:x="urn:other"/>`), kind: soap.InvalidBody},
		{name: "malformed fault without faultcode", in: envelope("", `<soapenv:Fault><faultstring>x</faultstring></soapenv:Fault>`), kind: soap.Malformed},
		{name: "malformed faultcode with undeclared prefix", in: envelope("", `<soapenv:Fault><faultcode>x:Client</faultcode></soapenv:Fault>`), kind: soap.Malformed},
		{name: "malformed empty faultcode", in: envelope("", `<soapenv:Fault><faultcode></faultcode></soapenv:Fault>`), kind: soap.Malformed},
		{name: "malformed trailing garbage after fault", in: envelope("", `<soapenv:Fault><faultcode>soapenv:Server</faultcode></soapenv:Fault>`) + "x", kind: soap.Malformed},
		{name: "version mismatch for SOAP 1.2", in: `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body/></env:Envelope>`, kind: soap.VersionMismatch},
		{name: "DTD forbidden", in: `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>` + envelope("", echoBody), kind: soap.DTDForbidden},
		{name: "empty body", in: envelope("", ""), kind: soap.BodyNotSingle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := soap.DecodeResponse(strings.NewReader(tt.in), &echo{})
			checkKind(t, err, tt.kind)
		})
	}
}

func TestFaultError(t *testing.T) {
	f := &soap.Fault{
		Code: xml.Name{Space: wsse.SecextNS, Local: "FailedAuthentication"}, CodePrefix: "wsse",
		String: "denied",
		Detail: &soap.Detail{Code: "AUTH-1", Text: "wrong password", Field: "Header.Security"},
	}
	got := f.Error()
	for _, want := range []string{"wsse:FailedAuthentication", "denied", "AUTH-1", "wrong password", "Header.Security"} {
		if !strings.Contains(got, want) {
			t.Errorf("Error() = %q; want it to contain %q", got, want)
		}
	}
}

func TestKindFaultCode(t *testing.T) {
	tests := []struct {
		kind soap.Kind
		want string
	}{
		{soap.VersionMismatch, soap.FaultVersionMismatch},
		{soap.MustUnderstand, soap.FaultMustUnderstand},
		{soap.Malformed, soap.FaultClient},
		{soap.InvalidBody, soap.FaultClient},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String(), func(t *testing.T) {
			want := xml.Name{Space: soap.EnvelopeNS, Local: tt.want}
			if got := tt.kind.FaultCode(); got != want {
				t.Errorf("FaultCode() = %v; want %v", got, want)
			}
		})
	}
}
