package mockserver_test

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// The benchmarks of this file measure the read path (Kursauskunft) stage by
// stage, in the order the server runs them, and the whole handler on a
// database file as mockinge keeps it: go test ./internal/mockserver -run '^$'
// -bench 'Stage|Handler' -benchmem. They assert nothing about time.

// kursauskunftBody is the body of a Kursauskunft of kennung for traeger1.
func kursauskunftBody(kennung string) string {
	return `<k:Kursauskunft><k:Mandant><k:Traegernummer>` + traeger1 + `</k:Traegernummer></k:Mandant><k:Kurskennung>` + kennung + `</k:Kurskennung></k:Kursauskunft>`
}

// freshEnvelopes builds n Kursauskunft envelopes, each with a fresh nonce.
func freshEnvelopes(b *testing.B, n int, body string) [][]byte {
	b.Helper()
	out := make([][]byte, n)
	for i := range out {
		out[i] = []byte(envelope(digest(b, user1, password1), body))
	}
	return out
}

// BenchmarkStage_Envelope reads the envelope within the limits: the one
// parse of the request, as the server reads it (InMemory: scan, the
// password finder observing) and as a stream (encoding/xml).
func BenchmarkStage_Envelope(b *testing.B) {
	raw := []byte(envelope(digest(b, user1, password1), kursauskunftBody("K000000001")))
	b.Run("InMemory", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := soap.ReadEnvelopeObserved(raw, soap.Limits{}, wsse.IsSecurity, wsse.NewSecretFinder(raw).Token); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Streaming", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := soap.ReadEnvelope(bytes.NewReader(raw), soap.Limits{}, wsse.IsSecurity); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkStage_WSSecurity reads and verifies the UsernameToken
// (PasswordDigest, fresh nonce, the nonce cache).
func BenchmarkStage_WSSecurity(b *testing.B) {
	raws := freshEnvelopes(b, b.N, kursauskunftBody("K000000001"))
	envs := make([]*soap.Envelope, len(raws))
	for i, raw := range raws {
		var err error
		if envs[i], err = soap.ReadEnvelope(bytes.NewReader(raw), soap.Limits{}, wsse.IsSecurity); err != nil {
			b.Fatal(err)
		}
	}
	// One user sends every nonce: the caps are raised past b.N, as
	// bench/run.sh raises them for mockinge.
	v := &wsse.Verifier{MaxNonces: b.N + 1, MaxNonceBytes: 64 * (b.N + 1)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		sec, err := wsse.ReadSecurity(envs[i].Header)
		if err != nil {
			b.Fatal(err)
		}
		tok, err := v.Parse(sec)
		if err != nil {
			b.Fatal(err)
		}
		if err := v.Authenticate(tok, password1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStage_Decode decodes the body and checks it strictly against
// the XSD.
func BenchmarkStage_Decode(b *testing.B) {
	env, err := soap.ReadEnvelope(strings.NewReader(envelope("", kursauskunftBody("K000000001"))), soap.Limits{}, wsse.IsSecurity)
	if err != nil {
		b.Fatal(err)
	}
	p, _ := inge.Lookup(env.Body.Name)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Decode(env.Body); err != nil {
			b.Fatal(err)
		}
	}
}

// benchStore opens a store on a file with the Testdatenpaket and a planned
// course, and returns the checked Kursauskunft of that course.
func benchStore(b *testing.B) (*mockstate.Store, inge.Checked) {
	b.Helper()
	reg, err := sandbox.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), harness.Testdatenpaket())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { reg.Close() })
	kennung := benchCourse(b, mockserver.New(reg, mockserver.Config{}))
	sb, err := reg.Get(sandbox.Standard)
	if err != nil {
		b.Fatal(err)
	}
	var st *mockstate.Store
	if err := sb.Use(func(s *mockstate.Store) error { st = s; return nil }); err != nil {
		b.Fatal(err)
	}
	checked, err := inge.ReadRequest(strings.NewReader(strings.ReplaceAll(kursauskunftBody(kennung), "<k:Kursauskunft>", `<k:Kursauskunft xmlns:k="`+ingeNS+`">`)))
	if err != nil {
		b.Fatal(err)
	}
	return st, checked
}

// BenchmarkStage_Apply runs the Kursauskunft's rules against the state,
// with a journal entry of no request and no answer.
func BenchmarkStage_Apply(b *testing.B) {
	st, checked := benchStore(b)
	caller := mockstate.Caller{Benutzer: user1, Traegernummer: traeger1}
	bare := func(resp inge.Response) (mockstate.Eintrag, error) {
		return mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: string(resp.Base().Status)}, nil
	}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := st.ApplyJournaled(b.Context(), caller, checked, bare)
		if err != nil || resp.Base().Status != inge.StatusVerarbeitet {
			b.Fatal(resp, err)
		}
	}
}

// BenchmarkStage_Encode encodes the answer of a Kursauskunft.
func BenchmarkStage_Encode(b *testing.B) {
	st, checked := benchStore(b)
	resp, err := st.Apply(b.Context(), mockstate.Caller{Benutzer: user1, Traegernummer: traeger1}, checked)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := soap.Encode(&buf, nil, resp); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkStage_Journal appends the journal entry of a Kursauskunft, its
// request and answer masked, in a transaction of its own.
func BenchmarkStage_Journal(b *testing.B) {
	st, checked := benchStore(b)
	resp, err := st.Apply(b.Context(), mockstate.Caller{Benutzer: user1, Traegernummer: traeger1}, checked)
	if err != nil {
		b.Fatal(err)
	}
	var answer bytes.Buffer
	if err := soap.Encode(&answer, nil, resp); err != nil {
		b.Fatal(err)
	}
	request := []byte(envelope(digest(b, user1, password1), kursauskunftBody("K000000001")))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := st.AppendJournal(b.Context(), mockstate.Eintrag{
			Operation: "Kursauskunft", Ergebnis: "verarbeitet", Benutzer: user1, Traegernummer: traeger1,
			Anfrage: request, Antwort: answer.Bytes(), Geheim: []string{password1},
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// fileServer serves the mock over a registry on a database file, as
// mockinge runs.
func fileServer(b *testing.B) http.Handler {
	b.Helper()
	reg, err := sandbox.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), harness.Testdatenpaket())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { reg.Close() })
	return mockserver.New(reg, mockserver.Config{})
}

// BenchmarkHandler_KursauskunftDatei is the read path through the whole
// handler on a database file.
func BenchmarkHandler_KursauskunftDatei(b *testing.B) {
	srv := fileServer(b)
	requests := freshEnvelopes(b, b.N, kursauskunftBody(benchCourse(b, srv)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if rec := benchPost(srv, "Kursauskunft", string(requests[i])); rec.Code != http.StatusOK {
			b.Fatalf("Status = %d; want 200: %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkHandler_KursplanungErfassen is the durable write path, a new
// course each time, and with Rollback the same request checked only.
func BenchmarkHandler_KursplanungErfassen(b *testing.B) {
	for _, rollback := range []bool{false, true} {
		b.Run("Rollback="+strconv.FormatBool(rollback), func(b *testing.B) {
			srv := fileServer(b)
			body := kursplanungBody(traeger1)
			want := "<Status>verarbeitet</Status>"
			if rollback {
				body = strings.Replace(body, "<k:Kursplanung>", "<k:Rollback>true</k:Rollback><k:Kursplanung>", 1)
				want = "<Status>geprueft</Status>"
			}
			requests := freshEnvelopes(b, b.N, body)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				rec := benchPost(srv, "KursplanungErfassen", string(requests[i]))
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
					b.Fatalf("Status = %d; want 200 with %s: %s", rec.Code, want, rec.Body)
				}
			}
		})
	}
}

// BenchmarkStage_Rollback measures what a Rollback of KursplanungErfassen
// does beyond a read, to compare the two handlers with: the envelope and
// strict check of its larger request, and the procedure's checks in the
// store (with the drawing of the Kurskennung and its savepoint, without a
// journal entry).
func BenchmarkStage_Rollback(b *testing.B) {
	body := strings.Replace(kursplanungBody(traeger1), "<k:Kursplanung>", "<k:Rollback>true</k:Rollback><k:Kursplanung>", 1)
	raw := []byte(envelope(digest(b, user1, password1), body))
	b.Run("EnvelopeDecode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			env, err := soap.ReadEnvelope(bytes.NewReader(raw), soap.Limits{}, wsse.IsSecurity)
			if err != nil {
				b.Fatal(err)
			}
			p, _ := inge.Lookup(env.Body.Name)
			if _, err := p.Decode(env.Body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Regeln", func(b *testing.B) {
		st, _ := benchStore(b)
		checked, err := inge.ReadRequest(strings.NewReader(strings.Replace(body, "<k:KursplanungErfassen>", `<k:KursplanungErfassen xmlns:k="`+ingeNS+`">`, 1)))
		if err != nil {
			b.Fatal(err)
		}
		caller := mockstate.Caller{Benutzer: user1, Traegernummer: traeger1}
		b.ReportAllocs()
		for b.Loop() {
			resp, err := st.Apply(b.Context(), caller, checked)
			if err != nil || resp.Base().Status != inge.StatusGeprueft {
				b.Fatal(resp, err)
			}
		}
	})
}
