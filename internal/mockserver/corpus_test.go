package mockserver_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// corpusCase is one row of testdata/corpus/corpus.tsv.
type corpusCase struct {
	file, contentType, action, auth, want, desc string
}

func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "corpus", "corpus.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 6 {
			t.Fatalf("corpus.tsv: %q has %d columns, want 6", line, len(c))
		}
		out = append(out, corpusCase{c[0], c[1], c[2], c[3], c[4], c[5]})
	}
	if len(out) < 40 {
		t.Fatalf("corpus has %d cases; the hostile-input corpus must have at least 40", len(out))
	}
	return out
}

// TestHostileCorpus posts every request of the corpus to a running mock and
// checks the answer's code, that no state changed, and that the mock still
// answers a valid request afterwards.
func TestHostileCorpus(t *testing.T) {
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	placeholders := corpusSetup(t, mock)

	for _, c := range readCorpus(t) {
		t.Run(strings.TrimSuffix(c.file, ".xml"), func(t *testing.T) {
			body := corpusBody(t, c.file, placeholders)
			before := stateOf(t, mock)
			if c.auth == "replay" { // the first use of the token is fine
				tok := securityHeader(t, c.auth)
				post(t, mock, c, bytes.ReplaceAll(body, []byte("{{SECURITY}}"), tok))
				body = bytes.ReplaceAll(body, []byte("{{SECURITY}}"), tok)
			} else {
				body = bytes.ReplaceAll(body, []byte("{{SECURITY}}"), securityHeader(t, c.auth))
			}
			got := post(t, mock, c, body)
			if got != c.want {
				t.Errorf("%s (%s): answer %s; want %s", c.file, c.desc, got, c.want)
			}
			if after := stateOf(t, mock); after != before {
				t.Errorf("%s changed the state:\n before %s\n after  %s", c.file, before, after)
			}
			alive(t, mock)
		})
	}
}

// corpusSetup creates the foreign identifiers some cases use.
func corpusSetup(t *testing.T, mock *mockserver.Local) map[string]string {
	t.Helper()
	ctx := t.Context()
	kt2 := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: "kt2.sachbearbeitung", Password: "Test!Passwort3"}}
	beginn := time.Now().AddDate(0, 2, 0)
	plan := &inge.KursplanungErfassenAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000002"}}, Kursplanung: inge.Kursplanung{
		Kursart: "01", BeginnKursabschnitt: "1", Kursbeginn: inge.DatumOf(beginn), Kursende: inge.DatumOf(beginn.AddDate(0, 6, 0)),
		Kursort:         "KO-10000002-01",
		Unterrichtszeit: []inge.Unterrichtszeit{{Wochentag: "Mo", Beginn: "08:30", Ende: "12:45", Unterrichtseinheiten: ptr(5)}},
		TnrKursMax:      ptr(20),
	}}
	kurs, err := inge.KursplanungErfassen.Call(ctx, kt2, plan)
	if err != nil || kurs.Kurskennung == "" {
		t.Fatalf("setup course of Traeger 10000002: %v %+v", err, kurs)
	}
	kt1 := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: "kt1.sachbearbeitung", Password: "Test!Passwort1"}}
	lid, err := inge.LidPruefungErfassen.Call(ctx, kt1, &inge.LidPruefungErfassenAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Pruefung: inge.LidPruefung{
		Pruefungsdatum: inge.DatumOf(time.Now().AddDate(0, 1, 0)), Beginnzeit: "09:00", Pruefungsort: "KO-10000001-01",
		Raumnummer: "R 1", KontaktEmail: "pruefung@example.org", Verwaltungsstandort: "VS-10000001-01",
	}})
	if err != nil || lid.Pruefungsnummer == "" {
		t.Fatalf("setup LiD exam of Traeger 10000001: %v %+v", err, lid)
	}
	return map[string]string{"{{KURS_T2}}": kurs.Kurskennung, "{{PRUEFUNG_T1}}": lid.Pruefungsnummer}
}

func ptr[T any](v T) *T { return &v }

// corpusBody reads a corpus file, or generates the ones too large or too
// binary to keep as files.
func corpusBody(t *testing.T, file string, placeholders map[string]string) []byte {
	t.Helper()
	const head = `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="urn:inge-harness:kurstraeger:1"><soapenv:Header>{{SECURITY}}</soapenv:Header><soapenv:Body>`
	const tail = `</soapenv:Body></soapenv:Envelope>`
	auskunft := func(kk string) string {
		return `<i:Kursauskunft><i:Mandant><i:Traegernummer>10000001</i:Traegernummer></i:Mandant><i:Kurskennung>` + kk + `</i:Kurskennung></i:Kursauskunft>`
	}
	switch file {
	case "gen:gross":
		return []byte(head + auskunft(strings.Repeat("K", 2<<20)) + tail)
	case "gen:tief":
		// Inside a real operation, so the decoder must descend to find out.
		return []byte(head + "<i:Kursauskunft>" + strings.Repeat("<i:x>", 200) + strings.Repeat("</i:x>", 200) + "</i:Kursauskunft>" + tail)
	case "gen:viele":
		return []byte(head + "<i:Kursauskunft>" + strings.Repeat("<i:y/>", 30000) + "</i:Kursauskunft>" + tail)
	case "gen:utf8":
		return []byte(head + auskunft("K\xff\xfe000001") + tail)
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", file))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range placeholders {
		b = bytes.ReplaceAll(b, []byte(k), []byte(v))
	}
	return b
}

// securityHeader builds the wsse:Security header of an auth variant.
func securityHeader(t *testing.T, auth string) []byte {
	t.Helper()
	user, pw, mode, created := "kt1.sachbearbeitung", "Test!Passwort1", wsse.PasswordDigest, time.Now()
	switch auth {
	case "keine":
		return nil
	case "gueltig", "replay":
	case "gueltig-kt2":
		user, pw = "kt2.sachbearbeitung", "Test!Passwort3"
	case "unbekannt":
		user = "niemand"
	case "falsch-text":
		pw, mode = "falsch", wsse.PasswordText
	case "falsch-digest":
		pw = "falsch"
	case "alt":
		created = created.Add(-10 * time.Minute)
	case "zukunft":
		created = created.Add(10 * time.Minute)
	case "nonce-kaputt":
	default:
		t.Fatalf("unknown auth variant %q", auth)
	}
	nonce := make([]byte, 16)
	copy(nonce, fmt.Sprintf("%d", time.Now().UnixNano()))
	tok, err := wsse.NewUsernameToken(user, pw, mode, created, nonce)
	if err != nil {
		t.Fatal(err)
	}
	if auth == "nonce-kaputt" {
		tok.Nonce.Value = "!!! kein Base64 !!!"
	}
	b, err := xml.Marshal(wsse.Security{UsernameToken: tok})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// post sends a corpus request and returns the Fault code, or the code of
// the expected kind among the Meldungen.
func post(t *testing.T, mock *mockserver.Local, c corpusCase, body []byte) string {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, mock.Endpoint(), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ct := c.contentType
	if ct == "-" {
		ct = "text/xml; charset=utf-8"
	}
	req.Header.Set("Content-Type", ct)
	switch c.action {
	case "-":
		req.Header.Set("SOAPAction", `"`+actionOf(body)+`"`)
	case "FEHLT":
	default:
		req.Header.Set("SOAPAction", c.action)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("post %s: %v", c.file, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		Status    string
		Meldungen struct {
			Meldung []struct{ Code string }
		}
	}
	err = soap.DecodeResponse(bytes.NewReader(raw), &answer)
	if f, ok := err.(*soap.Fault); ok {
		if resp.StatusCode != http.StatusInternalServerError && resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s: Fault with HTTP %d; want 500", c.file, resp.StatusCode)
		}
		return f.Detail.Code
	}
	if err != nil {
		t.Fatalf("%s: answer is neither a Fault nor a response: %v\n%s", c.file, err, raw)
	}
	for _, m := range answer.Meldungen.Meldung {
		if m.Code == c.want {
			return m.Code
		}
	}
	return fmt.Sprintf("Status %s ohne Meldung %s", answer.Status, c.want)
}

// actionOf derives the SOAPAction from the first element in the body.
func actionOf(body []byte) string {
	i := bytes.Index(body, []byte("<i:"))
	if i < 0 {
		return ""
	}
	name := body[i+3:]
	if j := bytes.IndexAny(name, " />"); j >= 0 {
		name = name[:j]
	}
	return inge.Namespace + "#" + string(name)
}

// stateOf summarises every table a procedure writes, in the standard
// sandbox. The number sequences are left out: a Rollback consumes the number
// it shows, so that it is never handed out again.
func stateOf(t *testing.T, mock *mockserver.Local) string {
	t.Helper()
	tables := []string{"kurs", "kurs_teilnehmer", "kursabschnitt", "kursortaenderung", "anmeldung", "sprachtest_pruefling",
		"lid_pruefung", "lid_pruefling", "warteschlange", "person", "benutzer", "traeger"}
	var b strings.Builder
	err := mock.Standard().View(t.Context(), func(tx *mockstate.Tx) error {
		for _, table := range tables {
			var n int
			if err := tx.QueryRowContext(t.Context(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			fmt.Fprintf(&b, "%s=%d ", table, n)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("state: %v", err)
	}
	return b.String()
}

// alive checks that the mock answers a valid request.
func alive(t *testing.T, mock *mockserver.Local) {
	t.Helper()
	c := &inge.Client{Endpoint: mock.Endpoint(), Credentials: &inge.Credentials{Username: "kt1.sachbearbeitung", Password: "Test!Passwort1"}}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	resp, err := inge.Kursauskunft.Call(ctx, c, &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Kurskennung: "K999999999"})
	if err != nil || resp.Status != inge.StatusAbgelehnt {
		t.Fatalf("the mock does not answer a valid request any more: %v %+v", err, resp)
	}
}
