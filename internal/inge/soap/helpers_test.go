package soap_test

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

const testNS = "urn:test"

// echo is a small body type.
type echo struct {
	XMLName xml.Name `xml:"urn:test Echo"`
	Text    string   `xml:"Text"`
}

// schedule has a field whose text decoding can fail.
type schedule struct {
	XMLName xml.Name  `xml:"urn:test Schedule"`
	At      time.Time `xml:"At"`
}

var errNoOperation = errors.New("no such operation")

func newBody(name xml.Name) (any, error) {
	switch name {
	case xml.Name{Space: testNS, Local: "Echo"}:
		return new(echo), nil
	case xml.Name{Space: testNS, Local: "Schedule"}:
		return new(schedule), nil
	}
	return nil, fmt.Errorf("%w: %s", errNoOperation, name.Local)
}

// envelope wraps header blocks and body content in a SOAP 1.1 envelope
// whose prefixes are declared on the Envelope.
func envelope(header, body string) string {
	var b strings.Builder
	b.WriteString(`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:test">`)
	if header != "" {
		b.WriteString("<soapenv:Header>" + header + "</soapenv:Header>")
	}
	b.WriteString("<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>")
	return b.String()
}

const echoBody = `<t:Echo><t:Text>hi</t:Text></t:Echo>`

// checkKind fails unless err is an *soap.Error of kind want.
func checkKind(t *testing.T, err error, want soap.Kind) *soap.Error {
	t.Helper()
	var e *soap.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v; want *soap.Error of kind %v", err, want)
	}
	if e.Kind != want {
		t.Fatalf("error = %v, kind %v; want kind %v", err, e.Kind, want)
	}
	return e
}
