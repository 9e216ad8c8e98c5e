package mockstate_test

import (
	"errors"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
)

func TestApplySchemaViolation(t *testing.T) {
	s := openStore(t)
	req := validPlan(t)
	req.Kursplanung.Kursbeginn = "01.04.2027"
	resp, err := ingetest.TryApply(t, s, kt1, req)
	var violation *inge.Violation
	if !errors.As(err, &violation) {
		t.Fatalf("Apply: err = %v; want a *inge.Violation", err)
	}
	if violation.Feld != "Kursplanung/Kursbeginn" {
		t.Errorf("Violation.Feld = %q; want %q", violation.Feld, "Kursplanung/Kursbeginn")
	}
	if resp != nil {
		t.Errorf("Apply: response = %+v; want nil", resp)
	}
	hasNothingStored(t, s)
}

// Every procedure of the contract has rules: an empty request of each is
// answered (here: with its Pflichtfeld findings), never with an internal error.
func TestApplyServesEveryProcedure(t *testing.T) {
	s := openStore(t)
	for _, p := range inge.Procedures() {
		req := p.NewRequest()
		req.Base().Mandant.Traegernummer = kt1.Traegernummer
		resp, err := ingetest.TryApply(t, s, kt1, req)
		var v *inge.Violation
		if err != nil && !errors.As(err, &v) {
			t.Errorf("Apply(empty %s) error = %v; want an answer or a schema violation", p.Name, err)
			continue
		}
		if err == nil && resp.Base().Vorgangsnummer == "" {
			t.Errorf("Apply(empty %s) = %+v; want a Vorgangsnummer", p.Name, resp)
		}
	}
}
