package mockstate_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// A store keeps the name of its sandbox's contract profile, also when it
// is opened again.
func TestProfil(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "p.db")
	s := ingetest.MustOpen(t, path)
	if name, err := s.Profil(ctx); err != nil || name != "" {
		t.Fatalf("Profil of a new store = %q, %v; want our contract", name, err)
	}
	for _, name := range []string{"gegenprofil", "bamf-2"} {
		if err := s.SetProfil(ctx, name); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = ingetest.MustOpen(t, path)
	if name, err := s.Profil(ctx); err != nil || name != "bamf-2" {
		t.Errorf("Profil after reopening = %q, %v; want bamf-2", name, err)
	}
	if err := s.SetProfil(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if name, _ := s.Profil(ctx); name != "" {
		t.Errorf("Profil after SetProfil(\"\") = %q", name)
	}
}

// The journal keeps both forms of a profiled exchange, the canonical one
// masked too.
func TestJournalProfil(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, mockstate.MemoryPath)
	secret := func(ns string) []byte {
		return []byte(`<Envelope xmlns:w="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><w:Password>Geheim!1</w:Password><x xmlns="` + ns + `"/></Envelope>`)
	}
	if _, err := s.AppendJournal(ctx, mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: "verarbeitet", Profil: "gegenprofil",
		Anfrage: secret("urn:profil"), Antwort: []byte("<profil/>"), AnfrageKanonisch: secret("urn:ours"), AntwortKanonisch: []byte("<ours/>")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AppendJournal(ctx, mockstate.Eintrag{Operation: "Kursauskunft", Ergebnis: "verarbeitet", Anfrage: []byte("<a/>")}); err != nil {
		t.Fatal(err)
	}
	es, err := s.Journal(ctx, mockstate.Filter{})
	if err != nil || len(es) != 2 {
		t.Fatalf("Journal = %v, %v", es, err)
	}
	p, plain := es[1], es[0]
	if p.Profil != "gegenprofil" || !bytes.Contains(p.AnfrageKanonisch, []byte("urn:ours")) || string(p.AntwortKanonisch) != "<ours/>" || !bytes.Contains(p.Anfrage, []byte("urn:profil")) {
		t.Errorf("profiled entry: %+v", p)
	}
	if bytes.Contains(p.AnfrageKanonisch, []byte("Geheim!1")) || bytes.Contains(p.Anfrage, []byte("Geheim!1")) {
		t.Error("a form of the request holds the password")
	}
	if plain.Profil != "" || plain.AnfrageKanonisch != nil || plain.AntwortKanonisch != nil {
		t.Errorf("entry of our contract: %+v", plain)
	}
}
