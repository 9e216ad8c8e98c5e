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
	var se *inge.SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("Apply: err = %v; want a *inge.SchemaError", err)
	}
	if feld := se.Abweichungen[0].Feld; feld != "Kursplanung/Kursbeginn" {
		t.Errorf("first deviation at %q; want %q", feld, "Kursplanung/Kursbeginn")
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
		var se *inge.SchemaError
		if err != nil && !errors.As(err, &se) {
			t.Errorf("Apply(empty %s) error = %v; want an answer or a schema violation", p.Name, err)
			continue
		}
		if err == nil && resp.Base().Vorgangsnummer == "" {
			t.Errorf("Apply(empty %s) = %+v; want a Vorgangsnummer", p.Name, resp)
		}
	}
}
