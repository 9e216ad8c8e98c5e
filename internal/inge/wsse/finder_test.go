package wsse

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// finderDocs are documents whose masking by a SecretFinder fed by
// soap.ReadEnvelopeObserved must equal MaskSecrets: the golden envelopes
// (passwords in the header), the hostile corpus (refused or cut short) and
// passwords where a client should not put them.
func finderDocs(tb testing.TB) map[string][]byte {
	tb.Helper()
	docs := map[string][]byte{}
	for _, pattern := range []string{"golden/*.xml", "corpus/*"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", pattern))
		if err != nil || len(files) == 0 {
			tb.Fatalf("no documents in testdata/%s: %v", pattern, err)
		}
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			docs[filepath.Base(file)] = b
		}
	}
	env := func(header, body string) []byte {
		return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>` + header +
			`</s:Header><s:Body>` + body + `</s:Body></s:Envelope>` + "\n")
	}
	token := `<wsse:Security xmlns:wsse="` + SecextNS + `"><wsse:UsernameToken><wsse:Username>u</wsse:Username>` +
		`<wsse:Password Type="#PasswordText">Geheim!1&amp;<![CDATA[x]]><!-- c --></wsse:Password></wsse:UsernameToken></wsse:Security>`
	docs["Token"] = env(token, `<k:Kursauskunft xmlns:k="urn:x"/>`)
	docs["PasswortImBody"] = env(token, `<k:Notiz xmlns:k="urn:x"><k:Passwort>Geheim!1</k:Passwort><k:passWORD/></k:Notiz>`)
	docs["PasswortAttribut"] = env(token, `<k:Notiz xmlns:k="urn:x" k:password='Geheim!1' Passwort="x"/>`)
	docs["PasswortImPasswort"] = env(`<Password xmlns="urn:y"><Password>a</Password>b</Password>`, `<k:a xmlns:k="urn:x"/>`)
	docs["OhneToken"] = env(``, `<k:Kursauskunft xmlns:k="urn:x"/>`)
	docs["ZweiWurzeln"] = append(env(token, `<k:a xmlns:k="urn:x"/>`), `<Password>Geheim!1</Password>`...)
	docs["TextNachWurzel"] = append(env(token, `<k:a xmlns:k="urn:x"/>`), `Password Geheim!1`...)
	docs["Abgebrochen"] = env(token, `<k:a xmlns:k="urn:x"/>`)[:300]
	docs["OhnePrefixDeklaration"] = env(`<o:Password>Geheim!1</o:Password>`, `<k:a xmlns:k="urn:x"/>`)
	docs["Leer"] = nil
	return docs
}

// showEnvelope feeds a finder for doc from soap.ReadEnvelopeObserved, as
// the server does; the envelope may be refused.
func showEnvelope(doc []byte) *SecretFinder {
	f := NewSecretFinder(doc)
	_, _ = soap.ReadEnvelopeObserved(doc, soap.Limits{}, IsSecurity, f.Token)
	return f
}

// A finder fed by the envelope's one parse masks exactly as MaskSecrets
// does, with and without further secrets, whether or not the envelope was
// read to its end; for every golden request it does so from the spans it
// found, without a parse of its own.
func TestSecretFinderMasksAsMaskSecrets(t *testing.T) {
	for name, doc := range finderDocs(t) {
		t.Run(name, func(t *testing.T) {
			for _, extra := range [][]string{nil, {"Geheim!1"}, {"Test!Passwort1", "kt1"}} {
				f := showEnvelope(doc)
				if got, want := f.Mask(extra...), MaskSecrets(doc, extra...); !bytes.Equal(got, want) {
					t.Errorf("Mask(%q) =\n%s\nwant MaskSecrets's\n%s", extra, got, want)
				}
			}
			f := showEnvelope(doc)
			if _, err := soap.ReadEnvelope(bytes.NewReader(doc), soap.Limits{}, IsSecurity); err == nil && mayNamePassword(doc) {
				if f.f.end != int64(len(doc)) {
					t.Errorf("the finder saw %d of %d bytes of an envelope read whole", f.f.end, len(doc))
				}
				if _, err := f.f.result(); err != nil {
					t.Errorf("no spans from an envelope read whole: %v", err)
				}
			}
		})
	}
}

// FuzzSecretFinder: whatever the document, the finder fed by the envelope's
// parse masks it as MaskSecrets does.
func FuzzSecretFinder(f *testing.F) {
	for _, doc := range finderDocs(f) {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		finder := showEnvelope(doc)
		if got, want := finder.Mask("Geheim!1"), MaskSecrets(doc, "Geheim!1"); !bytes.Equal(got, want) {
			t.Fatalf("Mask =\n%q\nwant MaskSecrets's\n%q", got, want)
		}
	})
}
