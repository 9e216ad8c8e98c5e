package mockserver_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// An error inside mockinge, here a table its store has lost, is answered
// with Fault F300 (soapenv:Server, HTTP 500) and the request is not
// stored. No correct request can cause it, so no scenario shows it: this
// test stands for it (internal/certrun, TestEveryCatalogueCodeIsAsserted).
func TestInternalErrorIsF300(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{})
	err := mock.Standard().Update(t.Context(), func(tx *mockstate.Tx) error {
		_, err := tx.ExecContext(t.Context(), `ALTER TABLE kurs RENAME TO kurs_verloren`)
		return err
	})
	if err != nil {
		t.Fatalf("break the store: %v", err)
	}
	var status int
	c := NewClient(mock, user1, password1, wsse.PasswordDigest)
	c.Observe = func(ex inge.Exchange) { status = ex.HTTPStatus }
	req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K000000001"}
	_, err = inge.Kursauskunft.Call(t.Context(), c, req)
	if code := inge.FaultCode(err); code != "F300" || status != http.StatusInternalServerError {
		t.Fatalf("Kursauskunft with a broken store: Fault %q, HTTP %d (%v); want F300 with HTTP 500", code, status, err)
	}
	var f *soap.Fault
	if !errors.As(err, &f) || f.Code.Space != soap11NS || f.Code.Local != "Server" {
		t.Errorf("Fault = %v; want faultcode {%s}Server", err, soap11NS)
	}
}
