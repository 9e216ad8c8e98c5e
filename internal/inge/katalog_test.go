package inge_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// Every entry is complete; katalog_keys.go is generated from the same rows
// (TestGeneratedFiles), so the code can use no key without a row.
func TestKatalogEntriesComplete(t *testing.T) {
	for _, e := range inge.DefaultKatalog().Entries() {
		if e.Text == "" || e.Code == "" || e.Herkunft == "" {
			t.Errorf("entry %s is incomplete: %+v", e.Key, e)
		}
	}
}

func TestParseKatalogRejects(t *testing.T) {
	tests := map[string]string{
		"ErrColumns":   "Schluessel\tCode\tArt\tHerkunft\tText\nA\tM1\tFehler\tx\n",
		"ErrArt":       "Schluessel\tCode\tArt\tHerkunft\tText\nA\tM1\tSchlimm\tx\tT\n",
		"ErrDupKey":    "Schluessel\tCode\tArt\tHerkunft\tText\nA\tM1\tFehler\tx\tT\nA\tM2\tFehler\tx\tT\n",
		"ErrDupCode":   "Schluessel\tCode\tArt\tHerkunft\tText\nA\tM1\tFehler\tx\tT\nB\tM1\tFehler\tx\tT\n",
		"ErrFaultSpec": "Schluessel\tCode\tArt\tHerkunft\tText\nA\tF1\tFault:foo:Client:500\tx\tT\n",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := inge.ParseKatalog(strings.NewReader(in)); err == nil {
				t.Errorf("ParseKatalog() error = nil; want an error")
			}
		})
	}
}

func TestNewMeldungFillsPlaceholders(t *testing.T) {
	m := inge.NewMeldung(inge.KursortUnbekannt, "Kursplanung/Kursort", "Wert", "KO-X")
	if m.Code != "M3001" || m.Art != inge.ArtFehler || m.Feld != "Kursplanung/Kursort" || !strings.Contains(m.Text, `"KO-X"`) {
		t.Errorf("NewMeldung() = %+v", m)
	}
}

func TestCodelisten(t *testing.T) {
	for _, id := range []string{"005", "010", "801", "802", "803", "805", "806", "813", "814", "816", "ISCED", "STAAT"} {
		l, ok := inge.CodelisteByID(id)
		if !ok || len(l.Codes) == 0 {
			t.Errorf("code list %s missing or empty", id)
		}
	}
	if l, _ := inge.CodelisteByID("806"); l.Codes[5].Schluessel != "6" || l.Codes[5].Bezeichnung != "Kurswiederholer" {
		t.Errorf("806: key 6 must be Kurswiederholer (CMX-TEV)")
	}
}

// TestREADMECatalogue keeps the catalogue tables of the README in step with
// katalog.tsv: the section between the katalog markers is generated.
func TestREADMECatalogue(t *testing.T) {
	const path = "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- katalog:begin", "<!-- katalog:end -->"
	b := strings.Index(string(readme), begin)
	e := strings.Index(string(readme), end)
	if b < 0 || e < b {
		t.Fatalf("README.md lacks the markers %q ... %q", begin, end)
	}
	b += strings.Index(string(readme[b:]), "\n") + 1
	want := catalogueTables()
	if inge.UpdateGenerated() {
		out := string(readme[:b]) + want + string(readme[e:])
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := string(readme[b:e]); got != want {
		t.Errorf("the catalogue in README.md is out of date; run go test ./internal/inge -run TestREADMECatalogue -update")
	}
}

func catalogueTables() string {
	var m, f strings.Builder
	m.WriteString("#### Meldungen (HTTP 200, in `Meldungen`)\n\n| Code | Art | Schlüssel | Herkunft der Regel | Text |\n|---|---|---|---|---|\n")
	f.WriteString("#### Faults (`detail/Fehler/Code`)\n\n| Code | faultcode | HTTP | Schlüssel | Herkunft der Regel | Text |\n|---|---|---|---|---|---|\n")
	prefix := map[string]string{soap.EnvelopeNS: "soapenv", wsse.SecextNS: "wsse"}
	for _, e := range inge.DefaultKatalog().Entries() {
		text := strings.ReplaceAll(e.Text, "|", "\\|")
		if e.Fault != nil {
			fmt.Fprintf(&f, "| %s | %s:%s | %d | %s | %s | %s |\n", e.Code, prefix[e.Fault.Code.Space], e.Fault.Code.Local, e.Fault.HTTPStatus, e.Key, e.Herkunft, text)
			continue
		}
		fmt.Fprintf(&m, "| %s | %s | %s | %s | %s |\n", e.Code, e.Art, e.Key, e.Herkunft, text)
	}
	return m.String() + "\n" + f.String()
}

func TestKursstruktur(t *testing.T) {
	kursarten, _ := inge.CodelisteByID("802")
	abschnitte, _ := inge.CodelisteByID("803")
	for _, c := range kursarten.Codes {
		k, ok := inge.KursstrukturOf(c.Schluessel)
		if !ok {
			t.Errorf("Kursart %s has no Kursstruktur", c.Schluessel)
			continue
		}
		for _, a := range k.Abschnitte {
			if !abschnitte.Contains(a) {
				t.Errorf("Kursart %s: section %q is not in code list 803", c.Schluessel, a)
			}
		}
	}
	allgemein, _ := inge.KursstrukturOf("01")
	if next, ok := allgemein.Next("6"); !ok || next != "OK" {
		t.Errorf("01: Next(6) = %q, %v; want OK", next, ok)
	}
	if _, ok := allgemein.Next("OK"); ok {
		t.Errorf("01: Next(OK) exists; want the end of the course")
	}
	if intensiv, _ := inge.KursstrukturOf("07"); intensiv.Contains("5") || intensiv.UEOrientierung != 30 {
		t.Errorf("07 Intensivkurs = %+v; want 4 sections and a 30 UE Orientierungskurs", intensiv)
	}
}
