package mockserver_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

var kurskennungInAnswer = regexp.MustCompile(`<[^>]*Kurskennung>(K\d{9})<`)

// BenchmarkHandler_Kursauskunft measures the read path inside the server:
// envelope, WS-Security (PasswordDigest with a fresh nonce), decoding and the
// strict check, the state, encoding and the journal, without the network.
// The envelopes are built before the timer starts, so the client's work is
// not counted.
func BenchmarkHandler_Kursauskunft(b *testing.B) {
	srv := benchServer(b)
	kennung := benchCourse(b, srv)
	body := `<k:Kursauskunft><k:Mandant><k:Traegernummer>` + traeger1 + `</k:Traegernummer></k:Mandant><k:Kurskennung>` + kennung + `</k:Kurskennung></k:Kursauskunft>`
	requests := make([]string, b.N)
	for i := range requests {
		requests[i] = envelope(digest(b, user1, password1), body)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		rec := benchPost(srv, "Kursauskunft", requests[i])
		if rec.Code != http.StatusOK {
			b.Fatalf("Status = %d; want 200: %s", rec.Code, rec.Body)
		}
	}
}

// benchServer serves the mock over an in-memory registry with the embedded
// Testdatenpaket.
func benchServer(b *testing.B) http.Handler {
	b.Helper()
	reg, err := sandbox.Open(context.Background(), ":memory:", harness.Testdatenpaket())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { reg.Close() })
	return mockserver.New(reg, mockserver.Config{})
}

// benchCourse plans the course of Testfall KP-1 and returns its Kurskennung.
func benchCourse(b *testing.B, srv http.Handler) string {
	b.Helper()
	rec := benchPost(srv, "KursplanungErfassen", envelope(digest(b, user1, password1), kursplanungBody(traeger1)))
	m := kurskennungInAnswer.FindStringSubmatch(rec.Body.String())
	if rec.Code != http.StatusOK || m == nil {
		b.Fatalf("KursplanungErfassen: %d %s", rec.Code, rec.Body)
	}
	return m[1]
}

func benchPost(srv http.Handler, op, envelope string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, mockserver.Path, strings.NewReader(envelope))
	req.Header = soapHeaders(op)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}
