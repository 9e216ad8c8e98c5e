package mockstate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateKompression = flag.Bool("update-kompression", false, "rewrite testdata/journal_gepackt.bin (only with a new dictionary prefix)")

// kursauskunftAnfrage is a request as the journal keeps it, masked.
const kursauskunftAnfrage = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:k="urn:inge-harness:kurstraeger:1"><soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" soapenv:mustUnderstand="1"><wsse:UsernameToken><wsse:Username>kt1.sachbearbeitung</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">***</wsse:Password><wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">DowlhYLoPPgMfmo3VUAscA==</wsse:Nonce><wsu:Created>2026-12-02T01:10:29.720Z</wsu:Created></wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body><k:Kursauskunft><k:Mandant><k:Traegernummer>10000001</k:Traegernummer></k:Mandant><k:Kurskennung>K000000001</k:Kurskennung></k:Kursauskunft></soapenv:Body></soapenv:Envelope>`

// A document reads back byte for byte, whether it was packed or kept as
// it was (short, not shrinking, or written before the journal packed).
func TestPackRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name     string
		doc      []byte
		packed   bool
		maxRatio float64 // of the packed size to the document's
	}{
		{"Anfrage", []byte(kursauskunftAnfrage), true, 0.15},
		{"Umlaute", []byte(strings.Repeat("<Text>Die Kursplanung soll möglichst früh übermittelt werden.</Text>", 5)), true, 0.5},
		{"Kurz", []byte("<a/>"), false, 1},
		{"Leer", nil, false, 1},
		{"Platzhalter", []byte("<!-- not stored: unparsable XML, 12 bytes -->"), false, 1},
		{"Zufall", bytes.Repeat([]byte{0xff, 0x13, 0x7a, 0x00, 0x42, 0x99, 0xc3, 0x01}, 40), true, 1}, // shrinks a little: repeated
	} {
		t.Run(tc.name, func(t *testing.T) {
			stored := pack(tc.doc)
			if got := bytes.HasPrefix(stored, []byte(packedPrefix)); got != tc.packed {
				t.Errorf("packed: %v; want %v", got, tc.packed)
			}
			if ratio := float64(len(stored)) / float64(max(len(tc.doc), 1)); tc.packed && ratio > tc.maxRatio {
				t.Errorf("packed to %d of %d bytes (%.2f); want at most %.2f", len(stored), len(tc.doc), ratio, tc.maxRatio)
			}
			back, err := unpack(stored)
			if err != nil || !bytes.Equal(back, tc.doc) {
				t.Errorf("unpack = %q, %v; want the document", back, err)
			}
		})
	}
	if _, err := unpack([]byte(packedPrefix + "kaputt")); err == nil {
		t.Error("unpack of damaged data: no error")
	}
}

// An entry packed with dictionary 1 stays readable: the dictionary must
// never change (a new one gets a new prefix).
func TestPackedWithDictionary1StaysReadable(t *testing.T) {
	golden := filepath.Join("testdata", "journal_gepackt.bin")
	if *updateKompression {
		if err := os.WriteFile(golden, pack([]byte(kursauskunftAnfrage)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stored, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := unpack(stored)
	if err != nil || string(doc) != kursauskunftAnfrage {
		t.Errorf("the golden entry reads %q, %v; want the request", doc, err)
	}
}

// A store made WithUngepacktemJournal keeps the documents as they are;
// either store reads both kinds of entry.
func TestUngepacktesJournal(t *testing.T) {
	ctx := t.Context()
	for _, ungepackt := range []bool{false, true} {
		var opts []Option
		if ungepackt {
			opts = append(opts, WithUngepacktemJournal())
		}
		s, err := Open(ctx, MemoryPath, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AppendJournal(ctx, Eintrag{Operation: "Kursauskunft", Ergebnis: "verarbeitet", Anfrage: []byte(kursauskunftAnfrage)}); err != nil {
			t.Fatal(err)
		}
		var stored []byte
		if err := s.View(ctx, func(tx *Tx) error {
			return tx.QueryRowContext(ctx, `SELECT anfrage FROM journal`).Scan(&stored)
		}); err != nil {
			t.Fatal(err)
		}
		if packed := bytes.HasPrefix(stored, []byte(packedPrefix)); packed == ungepackt {
			t.Errorf("ungepackt %v: stored packed %v", ungepackt, packed)
		}
		es, err := s.Journal(ctx, Filter{})
		if err != nil || len(es) != 1 || string(es[0].Anfrage) != kursauskunftAnfrage {
			t.Errorf("ungepackt %v: Journal = %v, %v", ungepackt, es, err)
		}
		s.Close()
	}
}

// BenchmarkPack packs a Kursauskunft's request as the journal stores it.
func BenchmarkPack(b *testing.B) {
	doc := []byte(kursauskunftAnfrage)
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		pack(doc)
	}
}
