package mockserver_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// TestDifferentialXmllintProfil keeps a profiled sandbox at least as strict
// as the profile's XSD, as the differential test keeps ours: the golden
// requests of all 17 procedures, written in the counter-profile's names,
// mutated by the same schema-blind mutator, go through the real handler to
// a sandbox that speaks the profile; its verdict (accepted, or the
// profile's code of F108) must equal xmllint --schema on the body element
// against the profile's XSD. A request the profile's XSD admits and ours
// refuses after the mapping would show up here as a disagreement: a rule
// the profile states otherwise.
func TestDifferentialXmllintProfil(t *testing.T) {
	p := mustGegenprofil(t)
	mutants := makeMutantsOf(t, func(proc *inge.Procedure) []byte { return profilEnvelope(t, p, proc) })
	if len(mutants) < 3000 {
		t.Fatalf("%d mutants; want at least 3,000", len(mutants))
	}
	want := xmllintVerdictsAgainst(t, mutants, p.XSDName(), p.XSD())

	reg, err := sandbox.Open(context.Background(), ":memory:", harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	if _, err := reg.CreateProfiled(t.Context(), "gegen", p.Name, []mockstate.Zugang{{Name: "gegen.kt1", Passwort: "Geheim!1", Traegernummer: traeger1}}); err != nil {
		t.Fatal(err)
	}
	srv := mockserver.New(reg, mockserver.Config{Profile: map[string]*profil.Profil{p.Name: p}})
	form := vertragsform{user: "gegen.kt1", password: "Geheim!1", refused: "T-108", foreignMandant: "T-206", detail: "stoerung", deviation: "befund",
		action: func(name string) string {
			proc, _ := inge.Lookup(xml.Name{Space: inge.Namespace, Local: name})
			return `"` + p.SOAPAction(proc) + `"`
		}}

	var v verdicts
	var details []mutant
	for i, m := range mutants {
		got, detail, err := verdictOf(srv, m, form)
		if err != nil {
			t.Fatalf("mutant %d (%s, %s): %v\n%s", i, m.procedure, m.kind, err, m.body)
		}
		if detail != nil && i%5 == 0 {
			details = append(details, mutant{m.procedure, "detail", detail})
		}
		v.record(t, i, m, got, want[i], detail)
	}
	table, total := v.table()
	t.Logf("profiled sandbox against xmllint --schema %s, %d requests, %d valid, %d disagreements:\n%s", p.XSDName(), total.mutants, total.valid, total.disagree, table)
	// The Faults' details conform to the profile's XSD too.
	for i, ok := range xmllintVerdictsAgainst(t, details, p.XSDName(), p.XSD()) {
		if !ok {
			t.Errorf("the detail does not conform to the profile's XSD:\n%s", details[i].body)
		}
	}
}

// profilEnvelope writes the golden request of a procedure in the
// profile's names, as a client of the profile sends it.
func profilEnvelope(t *testing.T, p *profil.Profil, proc *inge.Procedure) []byte {
	t.Helper()
	golden := goldenEnvelope(t, proc)
	start := bytes.Index(golden, []byte("<soapenv:Body>")) + len("<soapenv:Body>")
	el, err := soap.ReadElement(bytes.NewReader(golden[start:bytes.LastIndex(golden, []byte("</soapenv:Body>"))]), soap.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	req := proc.NewRequest()
	if err := el.Decode(req); err != nil {
		t.Fatal(err)
	}
	body, _, err := p.EncodeRequest(proc, req)
	if err != nil {
		t.Fatal(err)
	}
	var env bytes.Buffer
	if err := soap.Encode(&env, nil, body); err != nil {
		t.Fatal(err)
	}
	return env.Bytes()
}
