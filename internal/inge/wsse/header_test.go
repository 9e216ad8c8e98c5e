package wsse_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// readHeader reads the header blocks of an envelope with header as its
// Header content, as a server that understands wsse:Security does.
func readHeader(t *testing.T, header string) []soap.Element {
	t.Helper()
	env, err := soap.ReadEnvelope(strings.NewReader(`<e:Envelope xmlns:e="`+soap.EnvelopeNS+`" xmlns:wsse="`+wsse.SecextNS+`"><e:Header>`+header+`</e:Header><e:Body><x xmlns="urn:x"/></e:Body></e:Envelope>`), soap.Limits{}, wsse.IsSecurity)
	if err != nil {
		t.Fatalf("ReadEnvelope: %v", err)
	}
	return env.Header
}

func TestReadSecurity(t *testing.T) {
	token := `<wsse:UsernameToken><wsse:Username>alice</wsse:Username><wsse:Password>geheim</wsse:Password></wsse:UsernameToken>`
	tests := []struct {
		name     string
		header   string
		wantUser string // "" for no Security header
		wantErr  error
	}{
		{name: "OK", header: `<wsse:Security>` + token + `</wsse:Security>`, wantUser: "alice"},
		{name: "OK/PrefixDeclaredOnBlock", header: `<s:Security xmlns:s="` + wsse.SecextNS + `"><s:UsernameToken><s:Username>bob</s:Username></s:UsernameToken></s:Security>`, wantUser: "bob"},
		{name: "OK/NoSecurity", header: `<other xmlns="urn:other"/>`},
		{name: "ErrTwoSecurityHeaders", header: `<wsse:Security>` + token + `</wsse:Security><wsse:Security>` + token + `</wsse:Security>`, wantErr: wsse.ErrMalformedToken},
		{name: "ErrTwoUsernameTokens", header: `<wsse:Security>` + token + strings.Replace(token, "alice", "mallory", 1) + `</wsse:Security>`, wantErr: wsse.ErrMalformedToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sec, err := wsse.ReadSecurity(readHeader(t, tt.header))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ReadSecurity() error = %v; want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			switch {
			case tt.wantUser == "" && sec != nil:
				t.Errorf("ReadSecurity() = %+v; want nil", sec)
			case tt.wantUser != "" && (sec == nil || sec.UsernameToken == nil || sec.UsernameToken.Username != tt.wantUser):
				t.Errorf("ReadSecurity() = %+v; want user %s", sec, tt.wantUser)
			}
		})
	}
}
