package mockserver_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// kursauskunftText is a Kursauskunft of the standard sandbox's first user
// with a PasswordText token, as the README sends it by hand; created, if
// not empty, is the token's wsu:Created.
func kursauskunftText(user, password, created string) string {
	var c string
	if created != "" {
		c = `<wsu:Created xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">` + created + `</wsu:Created>`
	}
	return `<soapenv:Envelope xmlns:soapenv="` + soap11NS + `" xmlns:i="` + ingeNS + `"><soapenv:Header>` +
		`<wsse:Security xmlns:wsse="` + secextNS + `"><wsse:UsernameToken><wsse:Username>` + user + `</wsse:Username>` +
		`<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">` + password + `</wsse:Password>` +
		c + `</wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body>` +
		`<i:Kursauskunft><i:Mandant><i:Traegernummer>10000001</i:Traegernummer></i:Mandant><i:Kurskennung>K000000001</i:Kurskennung></i:Kursauskunft>` +
		`</soapenv:Body></soapenv:Envelope>`
}

func kursauskunftHeader() http.Header {
	return http.Header{"Content-Type": {textXML}, "Soapaction": {`"` + ingeNS + `#Kursauskunft"`}}
}

// Issue 14, item 4: XML allows a UTF-8 byte order mark before the
// declaration; a request with one is answered like one without.
func TestSlips_ByteOrderMarkAccepted(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	for name, body := range map[string]string{
		"WithoutDeclaration": "\ufeff" + kursauskunftText(user1, password1, ""),
		"WithDeclaration":    "\ufeff" + `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + kursauskunftText(user1, password1, ""),
	} {
		t.Run(name, func(t *testing.T) {
			r := MustPost(t, mock, kursauskunftHeader(), body)
			if r.status != http.StatusOK || !bytes.Contains(r.body, []byte("<Status>abgelehnt</Status>")) {
				t.Errorf("Status = %d; want 200 with the business answer\n%s", r.status, r.body)
			}
		})
	}
}

// Issue 14, item 4: a compressed body is refused with a Fault that names
// its encoding, not with a misleading F100.
func TestSlips_ContentEncodingNamed(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(kursauskunftText(user1, password1, "")))
	_ = zw.Close()
	h := kursauskunftHeader()
	h.Set("Content-Encoding", "gzip")
	r := MustPost(t, mock, h, gz.String())
	if code, text := faultOf(t, r); code != "F111" || !strings.Contains(text, "gzip") {
		t.Errorf("gzip body: Fault %s %q; want F111 naming gzip", code, text)
	}
	h.Set("Content-Encoding", "identity")
	if r := MustPost(t, mock, h, kursauskunftText(user1, password1, "")); r.status != http.StatusOK {
		t.Errorf("Content-Encoding identity: Status = %d; want 200\n%s", r.status, r.body)
	}
}

// Issue 14, item 4: an oversized body gets its F104 also when the client
// sends the whole body before it reads, as Python's http.client does: the
// mock reads on (a bounded amount) before it answers and closes.
func TestSlips_OversizedBodyAnsweredToAClientThatSendsFirst(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{MaxBodyBytes: 1 << 10})
	u, _ := url.Parse(mock.Endpoint())
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := kursauskunftText(user1, password1, "")
	body = strings.Replace(body, "<soapenv:Header>", "<soapenv:Header><!--"+strings.Repeat("x", 32<<20)+"-->", 1)
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"%s#Kursauskunft\"\r\nContent-Length: %d\r\n\r\n", u.Path, u.Host, ingeNS, len(body))
	if _, err := io.WriteString(conn, head+body); err != nil {
		t.Fatalf("sending the whole body first: %v; want the mock to read it", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("reading the answer after sending the whole body: %v; want Fault F104", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !bytes.Contains(b, []byte("<Code>F104</Code>")) {
		t.Errorf("answer to an oversized body: %d\n%s\nwant Fault F104", resp.StatusCode, b)
	}
}

// Issue 14, item 4: a wsu:Created with a zone offset beyond ±14:00 is not
// an xs:dateTime; it is refused as malformed rather than read as an
// instant.
func TestSlips_CreatedZoneOutOfRange(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	// The instant is now; only its notation is out of range.
	created := time.Now().In(time.FixedZone("", -(23*3600 + 59*60))).Format("2006-01-02T15:04:05-07:00")
	r := MustPost(t, mock, kursauskunftHeader(), kursauskunftText(user1, password1, created))
	if code, text := faultOf(t, r); code != "F201" {
		t.Errorf("Created %s: Fault %s %q; want F201", created, code, text)
	}
}

// Issue 14, item 4: exactly one UsernameToken, or the request is refused
// (wsse.ReadSecurity refuses the second; this keeps the server so).
func TestSlips_TwoUsernameTokensRefused(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	body := kursauskunftText(user1, password1, "")
	start, end := strings.Index(body, "<wsse:UsernameToken>"), strings.Index(body, "</wsse:Security>")
	second := strings.NewReplacer(user1, user2, password1, password2).Replace(body[start:end])
	body = body[:end] + second + body[end:]
	if code, text := faultOf(t, MustPost(t, mock, kursauskunftHeader(), body)); code != "F201" || !strings.Contains(text, "genau eines") {
		t.Errorf("two UsernameTokens: Fault %s %q; want F201", code, text)
	}
}

// Issue 14, item 3: what anyone can send without authenticating is
// journaled cut to a bound.
func TestSlips_UnauthenticatedJournaledCut(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{MaxJournalUnauthenticated: 1000})
	body := kursauskunftText("niemand", "x", "")
	body = strings.Replace(body, "<soapenv:Header>", "<soapenv:Header><!--"+strings.Repeat("x", 100_000)+"-->", 1)
	r := MustPost(t, mock, kursauskunftHeader(), body)
	if code, _ := faultOf(t, r); code != "F202" {
		t.Fatalf("unknown user: Fault %s; want F202", code)
	}
	entries, err := mock.Standard().Journal(t.Context(), mockstateFilterLimit(1))
	if err != nil || len(entries) != 1 {
		t.Fatalf("journal: %v, %d entries", err, len(entries))
	}
	if n := len(entries[0].Anfrage); n > 1100 {
		t.Errorf("journaled %d bytes of an unauthenticated request of %d; want at most about 1000", n, len(body))
	}
	if n := len(entries[0].Antwort); n == 0 {
		t.Errorf("the answer is not journaled")
	}
}

func mockstateFilterLimit(n int) mockstate.Filter { return mockstate.Filter{Limit: n} }

// faultOf returns the code and text of the Fault r carries; "" when it is
// none.
func faultOf(tb testing.TB, r *result) (code, text string) {
	tb.Helper()
	m := regexp.MustCompile(`<Code>(F\d+)</Code><Text>([^<]*)</Text>`).FindSubmatch(r.body)
	if m == nil {
		return "", string(r.body)
	}
	return string(m[1]), string(m[2])
}

// Issue 14, item 4: an admin path with an encoded slash or dot segments is
// refused, never redirected: a client that follows a redirect would
// delete another sandbox.
func TestSlips_AdminEncodedSlashRefused(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "case", "case.kt1")
	mustCreateSandbox(t, mock, "x3", "x3.kt1")
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/sandboxes/x3%2F..%2Fcase", "/sandboxes/x3/../case", "/sandboxes/x3%2fbenutzer", "/sandboxes/./case", "/sandboxes//case"} {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodDelete, mock.AdminURL+path, nil)
		req.URL.Opaque = path // as sent, not cleaned by the client
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("DELETE %s: Status = %d (Location %q); want 400", path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	for _, name := range []string{"case", "x3"} {
		mustAdmin[sandboxReply](t, http.MethodGet, mock.AdminURL+"/sandboxes/"+name, "", http.StatusOK)
	}
}

// Issue 14, item 4: the README promises 400 for a key that is not one of
// the API's: a key given twice, or in another case, is one.
func TestSlips_AdminJSONKeysExact(t *testing.T) {
	mock := mustStartAdmin(t)
	for _, tc := range []struct{ name, body, want string }{
		{"Duplicate", `{"name": "dup-a", "name": "dup-b", "benutzer": [{"name": "dup.kt1", "passwort": "x", "traegernummer": "10000001"}]}`, `\"name\"`},
		{"CaseVariant", `{"Name": "dup-c", "benutzer": [{"name": "dup.kt2", "passwort": "x", "traegernummer": "10000001"}]}`, `\"Name\"`},
		{"NestedDuplicate", `{"name": "dup-d", "benutzer": [{"name": "dup.kt3", "passwort": "x", "passwort": "y", "traegernummer": "10000001"}]}`, `\"passwort\"`},
		{"NestedCaseVariant", `{"name": "dup-e", "benutzer": [{"name": "dup.kt4", "PASSWORT": "x", "traegernummer": "10000001"}]}`, `\"PASSWORT\"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := adminDo(t, http.MethodPost, mock.AdminURL+"/sandboxes", tc.body)
			if r.status != http.StatusBadRequest || !strings.Contains(string(r.body), tc.want) {
				t.Errorf("POST /sandboxes %s: Status = %d\n%s\nwant 400 naming %s", tc.body, r.status, r.body, tc.want)
			}
		})
	}
	r := adminDo(t, http.MethodPut, mock.AdminURL+"/sandboxes/standard/clock", `{"now": "2027-03-10T09:00:00-23:59"}`)
	if r.status != http.StatusBadRequest {
		t.Errorf("PUT clock with a zone of -23:59: Status = %d\n%s\nwant 400", r.status, r.body)
	}
}
