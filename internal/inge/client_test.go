package inge_test

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// dialekt stands in for a contract profile: its request element and
// SOAPAction are its own, and it reads its answers back into ours.
type dialekt struct{}

type fremdeAnfrage struct {
	XMLName xml.Name `xml:"urn:fremd kursFragen"`
	Nummer  string   `xml:"nummer"`
}

func (dialekt) EncodeRequest(p *inge.Procedure, req inge.Request) (any, string, error) {
	return fremdeAnfrage{Nummer: req.(*inge.KursauskunftAnfrage).Kurskennung}, "urn:fremd#kursFragen", nil
}

func (dialekt) DecodeResponse(p *inge.Procedure, envelope []byte) ([]byte, error) {
	return []byte(strings.NewReplacer(`<fremd xmlns="urn:fremd">OK</fremd>`,
		`<KursauskunftResponse xmlns="`+inge.Namespace+`"><Status>verarbeitet</Status><Vorgangsnummer>V-1</Vorgangsnummer></KursauskunftResponse>`).Replace(string(envelope))), nil
}

// A client with a Dialect sends the dialect's element and SOAPAction, and
// reads the dialect's answer as ours; the exchange keeps both forms.
func TestClientDialect(t *testing.T) {
	const answer = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><fremd xmlns="urn:fremd">OK</fremd></soapenv:Body></soapenv:Envelope>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("SOAPAction") != `"urn:fremd#kursFragen"` || !strings.Contains(string(body), `<kursFragen xmlns="urn:fremd"><nummer>K1</nummer></kursFragen>`) {
			t.Errorf("SOAPAction %q, body %s", r.Header.Get("SOAPAction"), body)
		}
		w.Header().Set("Content-Type", "text/xml")
		_, _ = io.WriteString(w, answer)
	}))
	defer srv.Close()
	var ex inge.Exchange
	c := &inge.Client{Endpoint: srv.URL, Dialect: dialekt{}, Observe: func(e inge.Exchange) { ex = e }}
	resp, err := inge.Kursauskunft.Call(t.Context(), c, &inge.KursauskunftAnfrage{Kurskennung: "K1"})
	if err != nil || resp.Status != inge.StatusVerarbeitet || resp.Vorgangsnummer != "V-1" {
		t.Fatalf("Call = %+v, %v", resp, err)
	}
	if string(ex.Response) != answer || !strings.Contains(string(ex.Canonical), "<Status>verarbeitet</Status>") {
		t.Errorf("exchange: Response %s, Canonical %s", ex.Response, ex.Canonical)
	}
}
