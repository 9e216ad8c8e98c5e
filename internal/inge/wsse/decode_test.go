package wsse

import (
	"encoding/json"
	"encoding/xml"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// securityBlock reads the Security header block of an envelope around
// header, as the server does; ok is false if the envelope is refused.
func securityBlock(t testing.TB, header string) (soap.Element, bool) {
	t.Helper()
	doc := `<soapenv:Envelope xmlns:soapenv="` + soap.EnvelopeNS + `"><soapenv:Header>` + header +
		`</soapenv:Header><soapenv:Body><k:Kursauskunft xmlns:k="urn:inge-harness:kurstraeger:1"/></soapenv:Body></soapenv:Envelope>`
	env, err := soap.ReadEnvelope(strings.NewReader(doc), soap.Limits{}, IsSecurity)
	if err != nil || len(env.Header) != 1 {
		return soap.Element{}, false
	}
	return env.Header[0], true
}

// show spells out a decoded block, with what its pointers point to.
func show(s Security) string {
	b, err := json.Marshal(s)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// decodedBoth decodes a block both ways: without reflection, and with it.
func decodedBoth(el soap.Element) (fast Security, ok bool, slow Security, slowErr error) {
	fast, ok = decodeSecurity(el)
	slowErr = el.Decode(&slow)
	return fast, ok, slow, slowErr
}

// clientHeaders are Security headers as clients send them.
func clientHeaders(tb testing.TB) []struct{ name, header string } {
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	tok, err := NewUsernameToken("kt1.sachbearbeitung", "Test!Passwort1", PasswordDigest, now, []byte("0123456789abcdef"))
	if err != nil {
		tb.Fatal(err)
	}
	ours, err := xml.Marshal(Security{MustUnderstand: true, UsernameToken: tok})
	if err != nil {
		tb.Fatal(err)
	}
	return []struct{ name, header string }{
		{"our client", string(ours)},
		{"zeep", `<wsse:Security xmlns:wsse="` + SecextNS + `"><wsse:UsernameToken><wsse:Username>kt1</wsse:Username>` +
			`<wsse:Password Type="` + PasswordDigestType + `">c2VjcmV0</wsse:Password>` +
			`<wsse:Nonce EncodingType="` + Base64Binary + `">bm9uY2U=</wsse:Nonce>` +
			`<wsu:Created xmlns:wsu="` + UtilityNS + `">2027-03-10T09:00:00+00:00</wsu:Created></wsse:UsernameToken></wsse:Security>`},
		{"WCF, with a Timestamp and ids", `<o:Security s:mustUnderstand="1" xmlns:s="` + soap.EnvelopeNS + `" xmlns:o="` + SecextNS + `" xmlns:u="` + UtilityNS + `">` +
			`<u:Timestamp u:Id="_0"><u:Created>2027-03-10T09:00:00.000Z</u:Created><u:Expires>2027-03-10T09:05:00.000Z</u:Expires></u:Timestamp>` +
			`<o:UsernameToken u:Id="uuid-1"><o:Username>alice</o:Username><o:Password Type="` + PasswordTextType + `">geheim</o:Password></o:UsernameToken></o:Security>`},
		{"default namespaces, indented", "<Security xmlns=\"" + SecextNS + "\">\n  <UsernameToken>\n    <Username>alice</Username>\n    <Password>ge&amp;heim</Password>\n" +
			"    <!-- a comment between the values -->\n    <Created xmlns=\"" + UtilityNS + "\">2027-03-10T09:00:00Z</Created>\n  </UsernameToken>\n</Security>"},
		{"mustUnderstand true, no token", `<wsse:Security xmlns:wsse="` + SecextNS + `" xmlns:e="` + soap.EnvelopeNS + `" e:mustUnderstand=" true "/>`},
		{"a value empty, one in the wrong namespace", `<wsse:Security xmlns:wsse="` + SecextNS + `"><wsse:UsernameToken><wsse:Username/><wsse:Created>x</wsse:Created></wsse:UsernameToken></wsse:Security>`},
	}
}

// The Security headers that clients send are read without reflection,
// into what xml.Unmarshal makes of them. Without this, the comparison of
// FuzzDecodeSecurity would pass with the fast way never taken.
func TestDecodeSecurityReadsClients(t *testing.T) {
	for _, c := range clientHeaders(t) {
		t.Run(c.name, func(t *testing.T) {
			el, ok := securityBlock(t, c.header)
			if !ok {
				t.Fatal("the envelope was refused")
			}
			fast, ok, slow, err := decodedBoth(el)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !ok {
				t.Fatal("left to Decode")
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Errorf("read %s; Decode reads %s", show(fast), show(slow))
			}
		})
	}
}

// otherHeaders are Security headers that xml.Unmarshal reads in ways of
// its own.
func otherHeaders() []struct{ name, header string } {
	sec := func(token string) string {
		return `<wsse:Security xmlns:wsse="` + SecextNS + `" xmlns:x="urn:x"><wsse:UsernameToken>` + token + `</wsse:UsernameToken></wsse:Security>`
	}
	return []struct{ name, header string }{
		{"a value twice", sec(`<wsse:Username>a</wsse:Username><wsse:Username>b</wsse:Username>`)},
		{"a comment in a value", sec(`<wsse:Password>ge<!-- x -->heim</wsse:Password>`)},
		{"an element in a value", sec(`<wsse:Username>a<x:b>c</x:b></wsse:Username>`)},
		{"Type twice", sec(`<wsse:Password Type="a" x:Type="b">geheim</wsse:Password>`)},
		{"mustUnderstand unreadable", `<wsse:Security xmlns:wsse="` + SecextNS + `" xmlns:e="` + soap.EnvelopeNS + `" e:mustUnderstand="ja"/>`},
	}
}

// What it does not read exactly as xml.Unmarshal does is left to Decode.
func TestDecodeSecurityLeavesTheRest(t *testing.T) {
	for _, c := range otherHeaders() {
		t.Run(c.name, func(t *testing.T) {
			el, ok := securityBlock(t, c.header)
			if !ok {
				t.Fatal("the envelope was refused")
			}
			if _, ok := decodeSecurity(el); ok {
				t.Error("read without Decode")
			}
		})
	}
}

// FuzzDecodeSecurity: whatever the header, a Security block read without
// reflection is what Decode reads, and Decode does not fail on it.
func FuzzDecodeSecurity(f *testing.F) {
	f.Add(`<wsse:Security xmlns:wsse="` + SecextNS + `"><wsse:UsernameToken><wsse:Username>kt1</wsse:Username><wsse:Password Type="t">p</wsse:Password><wsse:Nonce EncodingType="e">n</wsse:Nonce><wsu:Created xmlns:wsu="` + UtilityNS + `">c</wsu:Created></wsse:UsernameToken></wsse:Security>`)
	f.Add(`<o:Security s:mustUnderstand="1" xmlns:s="` + soap.EnvelopeNS + `" xmlns:o="` + SecextNS + `"><x:y xmlns:x="urn:x"><o:UsernameToken/></x:y><o:UsernameToken a="b"><o:Username>a<!--c-->b</o:Username></o:UsernameToken></o:Security>`)
	for _, c := range append(clientHeaders(f), otherHeaders()...) {
		f.Add(c.header)
	}
	f.Fuzz(func(t *testing.T, header string) {
		el, ok := securityBlock(t, header)
		if !ok {
			return
		}
		fast, ok, slow, err := decodedBoth(el)
		if !ok {
			return
		}
		if err != nil {
			t.Fatalf("read %s; Decode fails: %v", show(fast), err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("read %s; Decode reads %s", show(fast), show(slow))
		}
	})
}

func BenchmarkReadSecurity(b *testing.B) {
	tok, err := NewUsernameToken("kt1.sachbearbeitung", "Test!Passwort1", PasswordDigest, time.Now(), []byte("0123456789abcdef"))
	if err != nil {
		b.Fatal(err)
	}
	header, err := xml.Marshal(Security{MustUnderstand: true, UsernameToken: tok})
	if err != nil {
		b.Fatal(err)
	}
	el, ok := securityBlock(b, string(header))
	if !ok {
		b.Fatal("refused")
	}
	blocks := []soap.Element{el}
	b.Run("Tokens", func(b *testing.B) {
		for b.Loop() {
			if _, err := ReadSecurity(blocks); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Decode", func(b *testing.B) {
		for b.Loop() {
			var sec Security
			if err := el.Decode(&sec); err != nil {
				b.Fatal(err)
			}
		}
	})
}
