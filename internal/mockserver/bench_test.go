package mockserver_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/profil"
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

// BenchmarkHandler_KursauskunftProfil measures the same read path in a
// sandbox that speaks the counter-profile: the strict check against the
// profile's XSD, the mapping onto ours and our strict check, then the
// answer mapped back and checked against the profile's XSD. Its ratio to
// BenchmarkHandler_Kursauskunft is the cost of a profile:
//
//	go test ./internal/mockserver -run '^$' -bench 'Handler_Kursauskunft' -count 5
func BenchmarkHandler_KursauskunftProfil(b *testing.B) {
	p := mustGegenprofil(b)
	reg, err := sandbox.Open(context.Background(), ":memory:", harness.Testdatenpaket())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { reg.Close() })
	if _, err := reg.CreateProfiled(b.Context(), "gegen", p.Name, []mockstate.Zugang{{Name: "gegen.kt1", Passwort: "Geheim!1", Traegernummer: traeger1}}); err != nil {
		b.Fatal(err)
	}
	srv := mockserver.New(reg, mockserver.Config{Profile: map[string]*profil.Profil{p.Name: p}})
	post := func(op *inge.Procedure, env string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, mockserver.Path, strings.NewReader(env))
		req.Header = headers(textXML, `"`+p.SOAPAction(op)+`"`)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	planBody, _, err := p.EncodeRequest(inge.KursplanungErfassen.Procedure(), kp1Plan(traeger1))
	if err != nil {
		b.Fatal(err)
	}
	plan, err := xml.Marshal(planBody)
	if err != nil {
		b.Fatal(err)
	}
	rec := post(inge.KursplanungErfassen.Procedure(), envelope(digest(b, "gegen.kt1", "Geheim!1"), string(plan)))
	m := regexp.MustCompile(`<kursNr>(K\d{9})<`).FindStringSubmatch(rec.Body.String())
	if rec.Code != http.StatusOK || m == nil {
		b.Fatalf("erfassenKursplanung: %d %s", rec.Code, rec.Body)
	}
	body := `<abfragenKurs xmlns="` + gegenNS + `"><traegerNr>` + traeger1 + `</traegerNr><kursNr>` + m[1] + `</kursNr></abfragenKurs>`
	requests := make([]string, b.N)
	for i := range requests {
		requests[i] = envelope(digest(b, "gegen.kt1", "Geheim!1"), body)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		rec := post(inge.Kursauskunft.Procedure(), requests[i])
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<status>VERARBEITET</status>") {
			b.Fatalf("Status = %d; want 200 VERARBEITET: %s", rec.Code, rec.Body)
		}
	}
}
