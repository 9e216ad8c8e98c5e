package mockserver_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The test users of the embedded Testdatenpaket.
const (
	user1, password1, traeger1 = "kt1.sachbearbeitung", "Test!Passwort1", "10000001"
	user2, password2, traeger2 = "kt2.sachbearbeitung", "Test!Passwort3", "10000002"
)

// The namespaces, written out here rather than taken from the code under
// test, so that a change of the contract shows up as a failing test.
const (
	ingeNS     = "urn:inge-harness:kurstraeger:1"
	soap11NS   = "http://schemas.xmlsoap.org/soap/envelope/"
	soap12NS   = "http://www.w3.org/2003/05/soap-envelope"
	secextNS   = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
	wsdlSOAPNS = "http://schemas.xmlsoap.org/wsdl/soap/"
	xsdNS      = "http://www.w3.org/2001/XMLSchema"
	textXML    = "text/xml; charset=utf-8"
)

// The SOAP 1.1 and WS-Security fault codes.
var (
	faultClient          = xml.Name{Space: soap11NS, Local: "Client"}
	faultVersionMismatch = xml.Name{Space: soap11NS, Local: "VersionMismatch"}
	faultMustUnderstand  = xml.Name{Space: soap11NS, Local: "MustUnderstand"}
	faultInvalidSecurity = xml.Name{Space: secextNS, Local: "InvalidSecurity"}
	faultInvalidToken    = xml.Name{Space: secextNS, Local: "InvalidSecurityToken"}
	faultFailedAuth      = xml.Name{Space: secextNS, Local: "FailedAuthentication"}
	faultMessageExpired  = xml.Name{Space: secextNS, Local: "MessageExpired"}
)

var kurskennungPattern = regexp.MustCompile(`^K\d{9}$`)

// MustStartLocal starts the mock with the embedded Testdatenpaket on a free
// loopback port and a database in a temporary directory, and closes it when
// the test ends.
func MustStartLocal(tb testing.TB, cfg mockserver.Config) *mockserver.Local {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "m.db")
	mock, err := mockserver.StartLocal(context.Background(), "127.0.0.1:0", db, harness.Testdatenpaket(), cfg)
	if err != nil {
		tb.Fatalf("StartLocal: %v", err)
	}
	tb.Cleanup(func() {
		if err := mock.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return mock
}

// NewClient returns an inge.Client for a test user.
func NewClient(mock *mockserver.Local, user, password string, mode wsse.PasswordMode) *inge.Client {
	return &inge.Client{
		Endpoint:    mock.Endpoint(),
		Credentials: &inge.Credentials{Username: user, Password: password, Mode: mode},
	}
}

// result is an HTTP response, read whole.
type result struct {
	status int
	header http.Header
	body   []byte
}

// do sends one request and reads the whole response. Reading to the end
// means the handler has returned, and with it the journal entry is written.
func do(ctx context.Context, method, url string, header http.Header, body []byte) (*result, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &result{status: resp.StatusCode, header: resp.Header, body: b}, nil
}

// MustPost posts a raw SOAP request to the endpoint.
func MustPost(tb testing.TB, mock *mockserver.Local, header http.Header, body string) *result {
	tb.Helper()
	r, err := do(tb.Context(), http.MethodPost, mock.Endpoint(), header, []byte(body))
	if err != nil {
		tb.Fatalf("POST %s: %v", mock.Endpoint(), err)
	}
	return r
}

// MustGet fetches url.
func MustGet(tb testing.TB, url string) *result {
	tb.Helper()
	r, err := do(tb.Context(), http.MethodGet, url, nil, nil)
	if err != nil {
		tb.Fatalf("GET %s: %v", url, err)
	}
	return r
}

// headers returns the HTTP headers of a SOAP request: the content type and,
// if given, the SOAPAction.
func headers(contentType string, soapAction ...string) http.Header {
	h := http.Header{}
	h.Set("Content-Type", contentType)
	for _, a := range soapAction {
		h.Add("SOAPAction", a)
	}
	return h
}

// action is the quoted SOAPAction of an operation.
func action(op string) string { return `"` + ingeNS + "#" + op + `"` }

// soapHeaders are the headers a correct client sends for op.
func soapHeaders(op string) http.Header { return headers(textXML, action(op)) }

// envelope wraps header blocks and a body in a SOAP 1.1 envelope; the
// prefix k is bound to the contract's namespace. An empty header leaves
// out the Header element.
func envelope(header, body string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<soapenv:Envelope xmlns:soapenv="` + soap11NS + `" xmlns:k="` + ingeNS + `">`)
	if header != "" {
		b.WriteString("<soapenv:Header>" + header + "</soapenv:Header>")
	}
	b.WriteString("<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>")
	return b.String()
}

// security returns a wsse:Security header block with a fresh nonce.
func security(tb testing.TB, user, password string, mode wsse.PasswordMode, created time.Time) string {
	tb.Helper()
	tok, err := wsse.NewUsernameToken(user, password, mode, created, []byte(rand.Text()))
	if err != nil {
		tb.Fatalf("NewUsernameToken: %v", err)
	}
	b, err := xml.Marshal(wsse.Security{MustUnderstand: true, UsernameToken: tok})
	if err != nil {
		tb.Fatalf("marshal Security: %v", err)
	}
	return string(b)
}

// digest returns a current PasswordDigest Security header block.
func digest(tb testing.TB, user, password string) string {
	tb.Helper()
	return security(tb, user, password, wsse.PasswordDigest, time.Now())
}

// kursplanungBody is a valid KursplanungErfassen of Testfall KP-1 for
// mandant, starting in 60 days.
func kursplanungBody(mandant string) string {
	beginn := time.Now().AddDate(0, 0, 60)
	return fmt.Sprintf(`<k:KursplanungErfassen>
  <k:Mandant><k:Traegernummer>%s</k:Traegernummer></k:Mandant>
  <k:Kursplanung>
    <k:Kursart>01</k:Kursart>
    <k:BeginnKursabschnitt>1</k:BeginnKursabschnitt>
    <k:Kursbeginn>%s</k:Kursbeginn>
    <k:Kursende>%s</k:Kursende>
    <k:Kursort>KO-10000001-01</k:Kursort>
    <k:Unterrichtszeit><k:Wochentag>Mo</k:Wochentag><k:Beginn>08:30</k:Beginn><k:Ende>12:45</k:Ende><k:Unterrichtseinheiten>5</k:Unterrichtseinheiten></k:Unterrichtszeit>
    <k:TnrKursMax>20</k:TnrKursMax>
    <k:Teilnehmer><k:Ident><k:Geburtsdatum>1991-04-17</k:Geburtsdatum><k:Aktenzeichen Art="BAMF">6100101-475</k:Aktenzeichen></k:Ident></k:Teilnehmer>
    <k:Teilnehmer><k:Ident><k:Geburtsdatum>1995-11-02</k:Geburtsdatum><k:Aktenzeichen Art="BAMF">6100102-423</k:Aktenzeichen></k:Ident></k:Teilnehmer>
    <k:Lehrkraft><k:Lehrkraftkennung>LK-2019-00417</k:Lehrkraftkennung></k:Lehrkraft>
  </k:Kursplanung>
</k:KursplanungErfassen>`, mandant, beginn.Format(time.DateOnly), beginn.AddDate(0, 0, 180).Format(time.DateOnly))
}

// kursbeginnPattern finds the Kursbeginn of kursplanungBody.
var kursbeginnPattern = regexp.MustCompile(`<k:Kursbeginn>[^<]*</k:Kursbeginn>`)

// withKursbeginn returns body with its Kursbeginn replaced by value.
func withKursbeginn(body, value string) string {
	return kursbeginnPattern.ReplaceAllLiteralString(body, "<k:Kursbeginn>"+value+"</k:Kursbeginn>")
}

// mustReplace replaces old, which must occur in s, by new.
func mustReplace(tb testing.TB, s, old, new string) string {
	tb.Helper()
	if !strings.Contains(s, old) {
		tb.Fatalf("%q not found in %s", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

// kp1Plan is the same plan as kursplanungBody, as a typed request.
func kp1Plan(mandant string) *inge.KursplanungErfassenAnfrage {
	n := func(i int) *int { return &i }
	beginn := time.Now().AddDate(0, 0, 60)
	ident := func(geburtsdatum, aktenzeichen string) *inge.TeilnehmerIdent {
		return &inge.TeilnehmerIdent{Geburtsdatum: inge.Datum(geburtsdatum), Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenBAMF, Wert: aktenzeichen}}
	}
	return &inge.KursplanungErfassenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: mandant}},
		Kursplanung: inge.Kursplanung{
			Kursart: "01", BeginnKursabschnitt: "1",
			Kursbeginn: inge.DatumOf(beginn), Kursende: inge.DatumOf(beginn.AddDate(0, 0, 180)),
			Kursort:         "KO-10000001-01",
			Unterrichtszeit: []inge.Unterrichtszeit{{Wochentag: "Mo", Beginn: "08:30", Ende: "12:45", Unterrichtseinheiten: n(5)}},
			TnrKursMax:      n(20),
			Teilnehmer: []inge.PlanTeilnehmer{
				{Ident: ident("1991-04-17", "6100101-475")},
				{Ident: ident("1995-11-02", "6100102-423")},
			},
			Lehrkraft: []inge.Lehrkraft{{Lehrkraftkennung: "LK-2019-00417"}},
		},
	}
}

// A check is one expectation on a response.
type check func(testing.TB, *result)

func hasStatus(want int) check {
	return func(tb testing.TB, r *result) {
		tb.Helper()
		if r.status != want {
			tb.Errorf("Status = %d; want %d", r.status, want)
		}
	}
}

func hasContentType(want string) check {
	return func(tb testing.TB, r *result) {
		tb.Helper()
		got := r.header.Get("Content-Type")
		if mt, _, err := mime.ParseMediaType(got); err != nil || mt != want {
			tb.Errorf("Content-Type = %q; want %s", got, want)
		}
	}
}

// isFault checks that the response is a SOAP 1.1 Fault with the catalogue
// code in its detail and the SOAP fault code.
func isFault(code string, faultcode xml.Name) check {
	return func(tb testing.TB, r *result) {
		tb.Helper()
		f := decodeFault(tb, r)
		if f == nil {
			return
		}
		if f.Detail == nil {
			tb.Errorf("Fault %v has no detail; want code %s", f, code)
			return
		}
		if f.Detail.Code != code {
			tb.Errorf("Detail.Code = %q; want %s (fault: %v)", f.Detail.Code, code, f)
		}
		if f.Code != faultcode {
			tb.Errorf("Code = %v; want %v", f.Code, faultcode)
		}
	}
}

// hasFeld checks the field path in the Fault's detail.
func hasFeld(want string) check {
	return func(tb testing.TB, r *result) {
		tb.Helper()
		if f := decodeFault(tb, r); f != nil && f.Detail != nil && f.Detail.Field != want {
			tb.Errorf("Detail.Field = %q; want %q", f.Detail.Field, want)
		}
	}
}

func decodeFault(tb testing.TB, r *result) *soap.Fault {
	tb.Helper()
	err := soap.DecodeResponse(bytes.NewReader(r.body), nil)
	var f *soap.Fault
	if !errors.As(err, &f) {
		tb.Errorf("DecodeResponse = %v; want a *soap.Fault\nbody:\n%s", err, r.body)
		return nil
	}
	return f
}

// isFaultResponse are the checks every Fault answer must pass.
func isFaultResponse(code string, faultcode xml.Name) []check {
	return []check{hasStatus(http.StatusInternalServerError), hasContentType("text/xml"), isFault(code, faultcode)}
}

// Test limits of the server under test, small so that the requests that
// exceed them stay small.
const (
	testMaxBody  = 16 << 10
	testMaxDepth = 32
)

func TestSOAP_Faults(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{MaxBodyBytes: testMaxBody, XML: soap.Limits{MaxDepth: testMaxDepth}})

	kp := kursplanungBody(traeger1)
	valid := func() string { return envelope(digest(t, user1, password1), kp) }
	unknownOp := `<k:KursLoeschen><k:Mandant><k:Traegernummer>10000001</k:Traegernummer></k:Mandant></k:KursLoeschen>`
	badDate := withKursbeginn(kp, "01.04.2027")
	badNumber := mustReplace(t, kp, "<k:TnrKursMax>20</k:TnrKursMax>", "<k:TnrKursMax>zwanzig</k:TnrKursMax>")
	wrongPassword := func() string { return digest(t, user1, "Falsch!Passwort9") }
	nested := strings.Repeat(`<x:D xmlns:x="urn:test">`, testMaxDepth) + strings.Repeat(`</x:D>`, testMaxDepth)
	padding := `<x:Pad xmlns:x="urn:test">` + strings.Repeat("a", testMaxBody) + `</x:Pad>`

	tests := []struct {
		name   string
		header http.Header
		body   string
		replay bool // send the same request once before, expecting success
		checks []check
	}{
		{
			name:   "F100_MalformedXML",
			header: soapHeaders("KursplanungErfassen"),
			body:   `<soapenv:Envelope xmlns:soapenv="` + soap11NS + `"><soapenv:Header></soapenv:Body></soapenv:Envelope>`,
			checks: isFaultResponse("F100", faultClient),
		},
		{
			name:   "F101_NotAnEnvelope",
			header: soapHeaders("KursplanungErfassen"),
			body:   `<?xml version="1.0"?><k:KursplanungErfassen xmlns:k="` + ingeNS + `"/>`,
			checks: isFaultResponse("F101", faultClient),
		},
		{
			name:   "F102_SOAP12Envelope",
			header: soapHeaders("KursplanungErfassen"),
			body:   `<env:Envelope xmlns:env="` + soap12NS + `" xmlns:k="` + ingeNS + `"><env:Body>` + kp + `</env:Body></env:Envelope>`,
			checks: isFaultResponse("F102", faultVersionMismatch),
		},
		{
			name:   "F102_SOAP12ContentType",
			header: headers(`application/soap+xml; charset=utf-8; action="`+ingeNS+`#KursplanungErfassen"`, action("KursplanungErfassen")),
			body:   valid(),
			checks: isFaultResponse("F102", faultVersionMismatch),
		},
		{
			name:   "F103_Doctype",
			header: soapHeaders("KursplanungErfassen"),
			body: `<?xml version="1.0"?><!DOCTYPE soapenv:Envelope [<!ENTITY x "y">]>` +
				strings.TrimPrefix(valid(), `<?xml version="1.0" encoding="UTF-8"?>`+"\n"),
			checks: isFaultResponse("F103", faultClient),
		},
		{
			name:   "F104_BodyTooLarge",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1)+padding, kp),
			checks: isFaultResponse("F104", faultClient),
		},
		{
			name:   "F104_TooDeep",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1)+nested, kp),
			checks: isFaultResponse("F104", faultClient),
		},
		{
			name:   "F105_MustUnderstand",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1)+`<x:Transaktion xmlns:x="urn:test" soapenv:mustUnderstand="1">1</x:Transaktion>`, kp),
			checks: isFaultResponse("F105", faultMustUnderstand),
		},
		{
			name:   "F106_BodyNotSingle",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1), ""),
			checks: isFaultResponse("F106", faultClient),
		},
		{
			name:   "F107_UnknownOperation",
			header: soapHeaders("KursLoeschen"),
			body:   envelope(digest(t, user1, password1), unknownOp),
			checks: isFaultResponse("F107", faultClient),
		},
		{
			name:   "F108_DateNotISO",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1), badDate),
			checks: append(isFaultResponse("F108", faultClient), hasFeld("Kursplanung/Kursbeginn")),
		},
		{
			name:   "F108_NotANumber",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1), badNumber),
			checks: isFaultResponse("F108", faultClient),
		},
		{
			name:   "F109_WrongSOAPAction",
			header: soapHeaders("Kursauskunft"),
			body:   valid(),
			checks: isFaultResponse("F109", faultClient),
		},
		{
			name:   "F109_MissingSOAPAction",
			header: headers(textXML),
			body:   valid(),
			checks: isFaultResponse("F109", faultClient),
		},
		{
			name:   "F110_TextPlain",
			header: headers("text/plain; charset=utf-8", action("KursplanungErfassen")),
			body:   valid(),
			checks: isFaultResponse("F110", faultClient),
		},
		{
			name:   "F200_NoSecurityHeader",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope("", kp),
			checks: isFaultResponse("F200", faultInvalidSecurity),
		},
		{
			name:   "F201_TokenWithoutPassword",
			header: soapHeaders("KursplanungErfassen"),
			body: envelope(`<wsse:Security xmlns:wsse="`+secextNS+`"><wsse:UsernameToken><wsse:Username>kt1.sachbearbeitung</wsse:Username></wsse:UsernameToken></wsse:Security>`,
				kp),
			checks: isFaultResponse("F201", faultInvalidToken),
		},
		{
			name:   "F202_UnknownUser",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, "kt9.niemand", password1), kp),
			checks: isFaultResponse("F202", faultFailedAuth),
		},
		{
			name:   "F203_WrongPassword",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(wrongPassword(), kp),
			checks: isFaultResponse("F203", faultFailedAuth),
		},
		{
			name:   "F203_WrongPasswordText",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(security(t, user1, "Falsch!Passwort9", wsse.PasswordText, time.Now()), kp),
			checks: isFaultResponse("F203", faultFailedAuth),
		},
		{
			name:   "F204_ReplayedNonce",
			header: soapHeaders("Kursauskunft"),
			body:   envelope(digest(t, user1, password1), `<k:Kursauskunft><k:Mandant><k:Traegernummer>10000001</k:Traegernummer></k:Mandant><k:Kurskennung>K000000001</k:Kurskennung></k:Kursauskunft>`),
			replay: true,
			checks: isFaultResponse("F204", faultFailedAuth),
		},
		{
			name:   "F205_CreatedTenMinutesAgo",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(security(t, user1, password1, wsse.PasswordDigest, time.Now().Add(-10*time.Minute)), kp),
			checks: isFaultResponse("F205", faultMessageExpired),
		},
		{
			name:   "F206_MandantOfOtherTraeger",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1), kursplanungBody(traeger2)),
			checks: append(isFaultResponse("F206", faultClient), hasFeld("Mandant/Traegernummer")),
		},

		// Authentication comes before the body: an unauthenticated caller
		// learns nothing about what is wrong with it.
		{
			name:   "F200_UnknownOperationWithoutSecurity",
			header: soapHeaders("KursLoeschen"),
			body:   envelope("", unknownOp),
			checks: isFaultResponse("F200", faultInvalidSecurity),
		},
		{
			name:   "F203_UnknownOperationWrongPassword",
			header: soapHeaders("KursLoeschen"),
			body:   envelope(wrongPassword(), unknownOp),
			checks: isFaultResponse("F203", faultFailedAuth),
		},
		{
			name:   "F200_SchemaViolationWithoutSecurity",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope("", badDate),
			checks: isFaultResponse("F200", faultInvalidSecurity),
		},
		{
			name:   "F203_SchemaViolationWrongPassword",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(wrongPassword(), badDate),
			checks: isFaultResponse("F203", faultFailedAuth),
		},
		{
			name:   "F200_UndecodableBodyWithoutSecurity",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope("", badNumber),
			checks: isFaultResponse("F200", faultInvalidSecurity),
		},
		{
			// The strict check comes right after authentication, before the
			// Mandant is read: a request the schema refuses is F108 whoever
			// it is for.
			name:   "F108_SchemaViolationBeforeMandant",
			header: soapHeaders("KursplanungErfassen"),
			body:   envelope(digest(t, user1, password1), withKursbeginn(kursplanungBody(traeger2), "01.04.2027")),
			checks: isFaultResponse("F108", faultClient),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.replay {
				first := MustPost(t, mock, tt.header, tt.body)
				if first.status != http.StatusOK {
					t.Fatalf("first request: Status = %d; want %d\n%s", first.status, http.StatusOK, first.body)
				}
			}
			r := MustPost(t, mock, tt.header, tt.body)
			for _, c := range tt.checks {
				c(t, r)
			}
		})
	}
}

// The raw requests of TestSOAP_Faults are right apart from the one thing
// each case breaks: sent unbroken, they succeed.
func TestSOAP_RawRequestOK(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{MaxBodyBytes: testMaxBody, XML: soap.Limits{MaxDepth: testMaxDepth}})
	tests := []struct {
		name   string
		header http.Header
		body   string
	}{
		{"PasswordDigest", soapHeaders("KursplanungErfassen"), envelope(digest(t, user1, password1), kursplanungBody(traeger1))},
		{"PasswordText", soapHeaders("KursplanungErfassen"), envelope(security(t, user1, password1, wsse.PasswordText, time.Now()), kursplanungBody(traeger1))},
		{"EmptySOAPAction", headers(textXML, `""`), envelope(digest(t, user1, password1), kursplanungBody(traeger1))},
		{"UnquotedSOAPAction", headers(textXML, ingeNS+"#KursplanungErfassen"), envelope(digest(t, user1, password1), kursplanungBody(traeger1))},
		{"NestedHeaderWithinLimit", soapHeaders("KursplanungErfassen"), envelope(digest(t, user1, password1)+
			strings.Repeat(`<x:D xmlns:x="urn:test">`, testMaxDepth-3)+strings.Repeat(`</x:D>`, testMaxDepth-3), kursplanungBody(traeger1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MustPost(t, mock, tt.header, tt.body)
			hasStatus(http.StatusOK)(t, r)
			hasContentType("text/xml")(t, r)
			var resp inge.KursplanungErfassenAntwort
			if err := soap.DecodeResponse(bytes.NewReader(r.body), &resp); err != nil {
				t.Fatalf("DecodeResponse: %v\n%s", err, r.body)
			}
			if resp.Status != inge.StatusVerarbeitet {
				t.Errorf("Status = %q; want %q (Meldungen %+v)", resp.Status, inge.StatusVerarbeitet, resp.List())
			}
			if !kurskennungPattern.MatchString(resp.Kurskennung) {
				t.Errorf("Kurskennung = %q; want %s", resp.Kurskennung, kurskennungPattern)
			}
		})
	}
}

// The default body limit holds without any configuration.
func TestSOAP_DefaultBodyLimit(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	padding := `<x:Pad xmlns:x="urn:test">` + strings.Repeat("a", mockserver.DefaultMaxBodyBytes) + `</x:Pad>`
	r := MustPost(t, mock, soapHeaders("KursplanungErfassen"), envelope(digest(t, user1, password1)+padding, kursplanungBody(traeger1)))
	for _, c := range isFaultResponse("F104", faultClient) {
		c(t, r)
	}
}

func TestContract(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	tests := []struct {
		name   string
		query  string
		checks []check
	}{
		{"WSDL", "?wsdl", []check{hasStatus(http.StatusOK), hasContentType("text/xml")}},
		{"XSD", "?xsd=inge-kurstraeger.xsd", []check{hasStatus(http.StatusOK), hasContentType("text/xml"), hasBody(inge.XSD())}},
		{"UnknownXSD_NotFound", "?xsd=other.xsd", []check{hasStatus(http.StatusNotFound)}},
		{"PathInXSD_NotFound", "?xsd=../contract/inge-kurstraeger.wsdl", []check{hasStatus(http.StatusNotFound)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MustGet(t, mock.Endpoint()+tt.query)
			for _, c := range tt.checks {
				c(t, r)
			}
		})
	}

	t.Run("WSDLPointsAtServer", func(t *testing.T) {
		w := parseWSDL(t, MustGet(t, mock.Endpoint()+"?wsdl").body)
		if w.address != mock.Endpoint() {
			t.Errorf("soap:address location = %q; want %q", w.address, mock.Endpoint())
		}
		wantImport := mock.Endpoint() + "?xsd=inge-kurstraeger.xsd"
		if w.schemaLocation != wantImport {
			t.Errorf("xs:import schemaLocation = %q; want %q", w.schemaLocation, wantImport)
		}
		// The import must resolve on this server to the schema.
		r := MustGet(t, w.schemaLocation)
		hasStatus(http.StatusOK)(t, r)
		hasBody(inge.XSD())(t, r)
	})

	t.Run("WSDLHas17Operations", func(t *testing.T) {
		w := parseWSDL(t, MustGet(t, mock.Endpoint()+"?wsdl").body)
		if len(w.soapActions) != 17 {
			t.Errorf("soap:operation count = %d; want 17", len(w.soapActions))
		}
		for _, p := range inge.Procedures() {
			if want := ingeNS + "#" + p.Name; !slices.Contains(w.soapActions, want) {
				t.Errorf("no soap:operation with soapAction %q", want)
			}
		}
	})
}

func hasBody(want []byte) check {
	return func(tb testing.TB, r *result) {
		tb.Helper()
		if !bytes.Equal(r.body, want) {
			tb.Errorf("body (%d bytes) differs from the expected %d bytes", len(r.body), len(want))
		}
	}
}

// wsdlFacts are what a toolkit needs to find in the WSDL.
type wsdlFacts struct {
	address        string
	schemaLocation string
	soapActions    []string
}

func parseWSDL(tb testing.TB, doc []byte) wsdlFacts {
	tb.Helper()
	var w wsdlFacts
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return w
		}
		if err != nil {
			tb.Fatalf("WSDL is not well-formed: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name {
		case xml.Name{Space: wsdlSOAPNS, Local: "operation"}:
			w.soapActions = append(w.soapActions, attr(se, "soapAction"))
		case xml.Name{Space: wsdlSOAPNS, Local: "address"}:
			w.address = attr(se, "location")
		case xml.Name{Space: xsdNS, Local: "import"}:
			w.schemaLocation = attr(se, "schemaLocation")
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func TestClient_Kursplanung(t *testing.T) {
	for _, mode := range []struct {
		name string
		mode wsse.PasswordMode
	}{
		{"PasswordDigest", wsse.PasswordDigest},
		{"PasswordText", wsse.PasswordText},
	} {
		t.Run(mode.name, func(t *testing.T) {
			mock := MustStartLocal(t, mockserver.Config{})
			ctx := t.Context()
			kt1 := NewClient(mock, user1, password1, mode.mode)
			kt2 := NewClient(mock, user2, password2, mode.mode)

			erfasst, err := inge.KursplanungErfassen.Call(ctx, kt1, kp1Plan(traeger1))
			if err != nil {
				t.Fatalf("KursplanungErfassen: %v", err)
			}
			if erfasst.Status != inge.StatusVerarbeitet {
				t.Fatalf("KursplanungErfassen: Status = %q; want %q (Meldungen %+v)", erfasst.Status, inge.StatusVerarbeitet, erfasst.List())
			}
			if !kurskennungPattern.MatchString(erfasst.Kurskennung) {
				t.Fatalf("Kurskennung = %q; want %s", erfasst.Kurskennung, kurskennungPattern)
			}
			if erfasst.Vorgangsnummer == "" {
				t.Errorf("KursplanungErfassen: no Vorgangsnummer")
			}
			hasMeldung(t, erfasst.List(), "M3000", "")

			// The Traeger sees its course.
			auskunft, err := inge.Kursauskunft.Call(ctx, kt1, &inge.KursauskunftAnfrage{
				Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: erfasst.Kurskennung})
			if err != nil {
				t.Fatalf("Kursauskunft: %v", err)
			}
			if auskunft.Status != inge.StatusVerarbeitet {
				t.Errorf("Kursauskunft: Status = %q; want %q (Meldungen %+v)", auskunft.Status, inge.StatusVerarbeitet, auskunft.List())
			}
			switch k := auskunft.Kurs; {
			case k == nil:
				t.Errorf("Kursauskunft: no Kurs")
			default:
				if k.Kurskennung != erfasst.Kurskennung || k.Traegernummer != traeger1 || k.Kursstatus != inge.KursGeplant || k.Kursort != "KO-10000001-01" {
					t.Errorf("Kurs = {%s %s %s %s}; want {%s %s %s KO-10000001-01}", k.Kurskennung, k.Traegernummer, k.Kursstatus, k.Kursort,
						erfasst.Kurskennung, traeger1, inge.KursGeplant)
				}
				if len(k.Teilnehmer) != 2 {
					t.Errorf("Kurs has %d Teilnehmer; want 2", len(k.Teilnehmer))
				}
			}

			// Another Traeger does not: its sandbox has no such course.
			fremd, err := inge.Kursauskunft.Call(ctx, kt2, &inge.KursauskunftAnfrage{
				Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger2}}, Kurskennung: erfasst.Kurskennung})
			if err != nil {
				t.Fatalf("Kursauskunft by %s: %v", user2, err)
			}
			if fremd.Status != inge.StatusAbgelehnt {
				t.Errorf("Kursauskunft by %s: Status = %q; want %q", user2, fremd.Status, inge.StatusAbgelehnt)
			}
			hasMeldung(t, fremd.List(), "M3002", "Kurskennung")
			if fremd.Kurs != nil {
				t.Errorf("Kursauskunft by %s: Kurs = %+v; want none", user2, fremd.Kurs)
			}

			// Rollback: checked and answered, nothing stored.
			plan := kp1Plan(traeger1)
			plan.Rollback = true
			geprueft, err := inge.KursplanungErfassen.Call(ctx, kt1, plan)
			if err != nil {
				t.Fatalf("KursplanungErfassen with Rollback: %v", err)
			}
			if geprueft.Status != inge.StatusGeprueft {
				t.Fatalf("KursplanungErfassen with Rollback: Status = %q; want %q (Meldungen %+v)", geprueft.Status, inge.StatusGeprueft, geprueft.List())
			}
			hasMeldung(t, geprueft.List(), "M1003", "")
			if !kurskennungPattern.MatchString(geprueft.Kurskennung) {
				t.Fatalf("Rollback: Kurskennung = %q; want one as if stored, %s", geprueft.Kurskennung, kurskennungPattern)
			}
			danach, err := inge.Kursauskunft.Call(ctx, kt1, &inge.KursauskunftAnfrage{
				Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: geprueft.Kurskennung})
			if err != nil {
				t.Fatalf("Kursauskunft after Rollback: %v", err)
			}
			if danach.Status != inge.StatusAbgelehnt || danach.Kurs != nil {
				t.Errorf("Kursauskunft of rolled-back %s: Status = %q, Kurs = %+v; want %q and none", geprueft.Kurskennung, danach.Status, danach.Kurs, inge.StatusAbgelehnt)
			}
			hasMeldung(t, danach.List(), "M3002", "Kurskennung")
		})
	}
}

// hasMeldung checks that ms holds a Meldung with code (and, unless empty,
// the field path feld).
func hasMeldung(tb testing.TB, ms []inge.Meldung, code, feld string) {
	tb.Helper()
	for _, m := range ms {
		if m.Code == code && (feld == "" || m.Feld == feld) {
			return
		}
	}
	tb.Errorf("Meldungen = %+v; want one with Code %s and Feld %q", ms, code, feld)
}

func TestJournal(t *testing.T) {
	const wrongPassword = "Falsch!Passwort9"
	mock := MustStartLocal(t, mockserver.Config{})
	ctx := t.Context()
	kt1 := NewClient(mock, user1, password1, wsse.PasswordText)
	wrong := NewClient(mock, user1, wrongPassword, wsse.PasswordText)

	// Five exchanges: two good ones, three rejected at different stages.
	erfasst, err := inge.KursplanungErfassen.Call(ctx, kt1, kp1Plan(traeger1))
	if err != nil || erfasst.Status != inge.StatusVerarbeitet {
		t.Fatalf("KursplanungErfassen = %+v, %v; want verarbeitet", erfasst, err)
	}
	if _, err := inge.Kursauskunft.Call(ctx, kt1, &inge.KursauskunftAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: erfasst.Kurskennung}); err != nil {
		t.Fatalf("Kursauskunft: %v", err)
	}
	if _, err := inge.Kursauskunft.Call(ctx, wrong, &inge.KursauskunftAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: erfasst.Kurskennung}); inge.FaultCode(err) != "F203" {
		t.Fatalf("Kursauskunft with a wrong password: err = %v; want Fault F203", err)
	}
	MustPost(t, mock, soapHeaders("KursplanungErfassen"), envelope("", kursplanungBody(traeger1)))
	// Not well-formed, with a clear-text password in it.
	malformed := envelope(security(t, user1, password1, wsse.PasswordText, time.Now()), kursplanungBody(traeger1))
	MustPost(t, mock, soapHeaders("KursplanungErfassen"), strings.TrimSuffix(malformed, "</soapenv:Envelope>")+"</soapenv:Body>")

	want := []struct {
		operation, ergebnis, traeger, benutzer string
		token                                  bool // the request carried a UsernameToken the journal must show, masked
	}{
		{"KursplanungErfassen", "verarbeitet", traeger1, user1, true},
		{"Kursauskunft", "verarbeitet", traeger1, user1, true},
		{"Kursauskunft", "F203", "", "", true},
		{"KursplanungErfassen", "F200", "", "", false},
		{"", "F100", "", "", false},
	}
	entries, err := mock.Standard().Journal(ctx, mockstate.Filter{})
	if err != nil {
		t.Fatalf("Journal: %v", err)
	}
	if len(entries) != len(want) {
		t.Fatalf("Journal has %d entries; want %d", len(entries), len(want))
	}
	slices.Reverse(entries) // oldest first, as sent
	for i, w := range want {
		e := entries[i]
		t.Run(fmt.Sprintf("%d_%s_%s", i+1, w.operation, w.ergebnis), func(t *testing.T) {
			if e.Operation != w.operation || e.Ergebnis != w.ergebnis {
				t.Errorf("Operation, Ergebnis = %q, %q; want %q, %q", e.Operation, e.Ergebnis, w.operation, w.ergebnis)
			}
			if e.Traegernummer != w.traeger || e.Benutzer != w.benutzer {
				t.Errorf("Traegernummer, Benutzer = %q, %q; want %q, %q", e.Traegernummer, e.Benutzer, w.traeger, w.benutzer)
			}
			if ok := strings.HasPrefix(w.ergebnis, "F"); ok == (e.Vorgangsnummer != "") {
				t.Errorf("Vorgangsnummer = %q for Ergebnis %s; want one exactly for a processed request", e.Vorgangsnummer, w.ergebnis)
			}
			if len(e.Anfrage) == 0 || len(e.Antwort) == 0 {
				t.Fatalf("Anfrage has %d bytes, Antwort %d; want both", len(e.Anfrage), len(e.Antwort))
			}
			for _, secret := range []string{password1, wrongPassword} {
				if bytes.Contains(e.Anfrage, []byte(secret)) || bytes.Contains(e.Antwort, []byte(secret)) {
					t.Errorf("journal shows the password %q:\n%s\n%s", secret, e.Anfrage, e.Antwort)
				}
			}
			if w.token && !bytes.Contains(e.Anfrage, []byte("UsernameToken")) {
				t.Errorf("Anfrage lacks the UsernameToken the client sent:\n%s", e.Anfrage)
			}
		})
	}
}

// A burst of hostile and broken requests, sent concurrently, is answered
// with Faults, and the mock serves the next good request.
func TestServer_SurvivesBadRequests(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	good := envelope(digest(t, user1, password1), kursplanungBody(traeger1))
	bad := []struct {
		name string
		body string
	}{
		{"Empty", ""},
		{"Binary", "\x00\xff\xfe\x01<\x00"},
		{"Truncated", good[:len(good)/2]},
		{"InvalidUTF8", envelope("", "<k:Kursauskunft><k:Kurskennung>\xff\xfe</k:Kurskennung></k:Kursauskunft>")},
		{"Latin1", `<?xml version="1.0" encoding="ISO-8859-1"?><soapenv:Envelope xmlns:soapenv="` + soap11NS + `"><soapenv:Body/></soapenv:Envelope>`},
		{"BillionLaughs", `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>`},
		{"ExternalEntity", `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]><soapenv:Envelope xmlns:soapenv="` + soap11NS + `"><soapenv:Body>&x;</soapenv:Body></soapenv:Envelope>`},
		{"Deep", strings.Repeat("<a>", 20000)}, // unread rest < 256 KiB: the server keeps the connection
		{"ManyElements", envelope(`<x:H xmlns:x="urn:test">`+strings.Repeat("<x:e/>", soap.DefaultMaxElements+1)+`</x:H>`, "")},
		{"TooLarge", envelope(`<x:Pad xmlns:x="urn:test">`+strings.Repeat("a", mockserver.DefaultMaxBodyBytes)+`</x:Pad>`, "")},
		{"TwoBodyChildren", envelope(digest(t, user1, password1), kursplanungBody(traeger1)+kursplanungBody(traeger1))},
		{"TrailingGarbage", good + "<more/>"},
		{"UnboundPrefix", `<soapenv:Envelope><soapenv:Body/></soapenv:Envelope>`},
		{"TwoSecurityHeaders", envelope(digest(t, user1, password1)+digest(t, user1, password1), kursplanungBody(traeger1))},
		{"UnknownUserLongName", envelope(digest(t, strings.Repeat("u", 10000), password1), kursplanungBody(traeger1))},
	}

	const workers, rounds = 4, 3
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range rounds {
				for _, b := range bad {
					r, err := do(t.Context(), http.MethodPost, mock.Endpoint(), soapHeaders("KursplanungErfassen"), []byte(b.body))
					if err != nil {
						t.Errorf("worker %d, %s: %v", w, b.name, err)
						continue
					}
					f := new(soap.Fault)
					if err := soap.DecodeResponse(bytes.NewReader(r.body), nil); !errors.As(err, &f) || f.Detail == nil {
						t.Errorf("%s: Status = %d, DecodeResponse = %v; want a Fault with a catalogue code", b.name, r.status, err)
						continue
					}
					if r.status != http.StatusInternalServerError || f.Detail.Code == "F300" {
						t.Errorf("%s: Status = %d, code %s; want %d and a client error", b.name, r.status, f.Detail.Code, http.StatusInternalServerError)
					}
				}
			}
		})
	}
	wg.Wait()

	resp, err := inge.KursplanungErfassen.Call(t.Context(), NewClient(mock, user1, password1, wsse.PasswordDigest), kp1Plan(traeger1))
	if err != nil {
		t.Fatalf("KursplanungErfassen after %d bad requests: %v", workers*rounds*len(bad), err)
	}
	if resp.Status != inge.StatusVerarbeitet {
		t.Errorf("Status = %q; want %q", resp.Status, inge.StatusVerarbeitet)
	}
	entries, err := mock.Standard().Journal(t.Context(), mockstate.Filter{})
	if err != nil {
		t.Fatalf("Journal: %v", err)
	}
	if want := workers*rounds*len(bad) + 1; len(entries) != want {
		t.Errorf("Journal has %d entries; want %d, one per exchange", len(entries), want)
	}
}

// Every procedure of the registry reaches its rules on the server through
// the client: the right operation and SOAPAction (no F107 or F109), an
// answer or the strict check's F108 for an empty request, and a journal
// entry of its name.
func TestClient_ReachesEveryProcedure(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	var observed []inge.Exchange
	client := NewClient(mock, user1, password1, wsse.PasswordDigest)
	client.Observe = func(ex inge.Exchange) { observed = append(observed, ex) }

	for _, p := range inge.Procedures() {
		t.Run(p.Name, func(t *testing.T) {
			req := p.NewRequest()
			req.Base().Mandant.Traegernummer = traeger1
			resp := p.NewResponse()
			err := client.Call(t.Context(), p, req, resp)
			var f *soap.Fault
			switch {
			case errors.As(err, &f):
				// An empty request may break the schema (F108); any other
				// Fault means the request did not reach the procedure.
				if code := inge.FaultCode(err); code != "F108" {
					t.Errorf("Call(%s): %v; want the procedure to be reached", p.Name, err)
				}
			case err != nil:
				t.Errorf("Call(%s): %v", p.Name, err)
			case resp.Base().Vorgangsnummer == "":
				t.Errorf("Call(%s) = %+v; want an answer with a Vorgangsnummer", p.Name, resp)
			}
			if len(observed) == 0 || observed[len(observed)-1].Procedure != p.Name {
				t.Errorf("last exchange is not of %s", p.Name)
			}
			last, err := mock.Standard().Journal(t.Context(), mockstate.Filter{Limit: 1})
			if err != nil {
				t.Fatalf("Journal: %v", err)
			}
			if len(last) != 1 || last[0].Operation != p.Name {
				t.Errorf("journal's last entry = %+v; want one of operation %s", last, p.Name)
			}
		})
	}
}

// The runtime's profiles are on the admin listener only when asked for.
func TestPprof(t *testing.T) {
	for _, on := range []bool{true, false} {
		mock := MustStartLocal(t, mockserver.Config{AdminAddr: "127.0.0.1:0", Pprof: on})
		resp, err := http.Get(mock.AdminURL + "/debug/pprof/goroutine?debug=1")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		served := resp.StatusCode == http.StatusOK && strings.Contains(string(body), "goroutine profile")
		if served != on {
			t.Errorf("Pprof %v: GET /debug/pprof/goroutine = %d, a profile: %v", on, resp.StatusCode, served)
		}
	}
}
