package wsse_test

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

var securityName = xml.Name{Space: wsse.SecextNS, Local: "Security"}

// zeepSecurity is a digest token exactly as Python zeep emits it; the
// digest was computed with openssl for password "geheim".
const zeepSecurity = `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
	`<wsse:UsernameToken><wsse:Username>alice</wsse:Username>` +
	`<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">ez5VieblzHmDPd8lFkb7pbwXyq0=</wsse:Password>` +
	`<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">dGhpcyBpcyBhIG5vbmNlIQ==</wsse:Nonce>` +
	`<wsu:Created xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">2026-03-01T12:00:00Z</wsu:Created>` +
	`</wsse:UsernameToken></wsse:Security>`

var zeepWant = wsse.Security{
	XMLName: securityName,
	UsernameToken: &wsse.UsernameToken{
		Username: "alice",
		Password: &wsse.Password{Type: wsse.PasswordDigestType, Value: "ez5VieblzHmDPd8lFkb7pbwXyq0="},
		Nonce:    &wsse.Nonce{EncodingType: wsse.Base64Binary, Value: "dGhpcyBpcyBhIG5vbmNlIQ=="},
		Created:  "2026-03-01T12:00:00Z",
	},
}

func TestSecurityUnmarshal(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want wsse.Security
	}{
		{name: "decodes zeep token", in: zeepSecurity, want: zeepWant},
		{
			name: "decodes WCF prefixes o and u",
			in: `<o:Security s:mustUnderstand="1" xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" ` +
				`xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" ` +
				`xmlns:u="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">` +
				`<u:Timestamp u:Id="_0"><u:Created>2026-03-01T12:00:00.000Z</u:Created><u:Expires>2026-03-01T12:05:00.000Z</u:Expires></u:Timestamp>` +
				`<o:UsernameToken u:Id="uuid-1"><o:Username>alice</o:Username>` +
				`<o:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">geheim</o:Password>` +
				`</o:UsernameToken></o:Security>`,
			want: wsse.Security{
				XMLName:        securityName,
				MustUnderstand: true,
				UsernameToken: &wsse.UsernameToken{
					Username: "alice",
					Password: &wsse.Password{Type: wsse.PasswordTextType, Value: "geheim"},
				},
			},
		},
		{
			name: "decodes default namespaces",
			in: `<Security xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><UsernameToken>` +
				`<Username>alice</Username><Password>geheim</Password><Nonce>dGhpcyBpcyBhIG5vbmNlIQ==</Nonce>` +
				`<Created xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">2026-03-01T12:00:00Z</Created>` +
				`</UsernameToken></Security>`,
			want: wsse.Security{
				XMLName: securityName,
				UsernameToken: &wsse.UsernameToken{
					Username: "alice",
					Password: &wsse.Password{Value: "geheim"},
					Nonce:    &wsse.Nonce{Value: "dGhpcyBpcyBhIG5vbmNlIQ=="},
					Created:  "2026-03-01T12:00:00Z",
				},
			},
		},
		{
			name: "ignores children in other namespaces",
			in: `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:x="urn:other">` +
				`<wsse:UsernameToken><x:Username>mallory</x:Username><wsse:Username>alice</wsse:Username>` +
				`<x:Created>2000-01-01T00:00:00Z</x:Created></wsse:UsernameToken></wsse:Security>`,
			want: wsse.Security{
				XMLName:       securityName,
				UsernameToken: &wsse.UsernameToken{Username: "alice"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got wsse.Security
			if err := xml.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatalf("Unmarshal() error = %v; want nil", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Unmarshal() = %s; want %s", dump(got), dump(tt.want))
			}
		})
	}
}

func TestSecurityUnmarshalRejectsOtherNamespace(t *testing.T) {
	in := `<wsse:Security xmlns:wsse="http://schemas.xmlsoap.org/ws/2002/07/secext"><wsse:UsernameToken/></wsse:Security>`
	var got wsse.Security
	if err := xml.Unmarshal([]byte(in), &got); err == nil {
		t.Errorf("Unmarshal() = %s, nil; want error", dump(got))
	}
}

func TestSecurityMarshal(t *testing.T) {
	tests := []struct {
		name string
		in   wsse.Security
		want string
	}{
		{
			name: "writes full token with prefixes",
			in: wsse.Security{
				MustUnderstand: true,
				UsernameToken:  zeepWant.UsernameToken,
			},
			want: `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"` +
				` xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"` +
				` xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" soapenv:mustUnderstand="1">` +
				`<wsse:UsernameToken><wsse:Username>alice</wsse:Username>` +
				`<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">ez5VieblzHmDPd8lFkb7pbwXyq0=</wsse:Password>` +
				`<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">dGhpcyBpcyBhIG5vbmNlIQ==</wsse:Nonce>` +
				`<wsu:Created>2026-03-01T12:00:00Z</wsu:Created></wsse:UsernameToken></wsse:Security>`,
		},
		{
			name: "omits optional parts",
			in: wsse.Security{UsernameToken: &wsse.UsernameToken{
				Username: "a<b",
				Password: &wsse.Password{Value: "x&y"},
			}},
			want: `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
				`<wsse:UsernameToken><wsse:Username>a&lt;b</wsse:Username><wsse:Password>x&amp;y</wsse:Password>` +
				`</wsse:UsernameToken></wsse:Security>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := xml.Marshal(&tt.in)
			if err != nil {
				t.Fatalf("Marshal() error = %v; want nil", err)
			}
			if string(got) != tt.want {
				t.Errorf("Marshal() =\n%s\nwant\n%s", got, tt.want)
			}

			var back wsse.Security
			if err := xml.Unmarshal(got, &back); err != nil {
				t.Fatalf("Unmarshal(Marshal()) error = %v; want nil", err)
			}
			want := tt.in
			want.XMLName = securityName
			if !reflect.DeepEqual(back, want) {
				t.Errorf("Unmarshal(Marshal()) = %s; want %s", dump(back), dump(want))
			}
		})
	}
}

// dump formats s with its pointers followed, for failure messages.
func dump(s wsse.Security) string {
	out := fmt.Sprintf("{XMLName:%v MustUnderstand:%v", s.XMLName, s.MustUnderstand)
	if t := s.UsernameToken; t != nil {
		out += fmt.Sprintf(" Username:%q Created:%q", t.Username, t.Created)
		if t.Password != nil {
			out += fmt.Sprintf(" Password:%+v", *t.Password)
		}
		if t.Nonce != nil {
			out += fmt.Sprintf(" Nonce:%+v", *t.Nonce)
		}
	}
	return out + "}"
}
