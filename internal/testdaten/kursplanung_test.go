package testdaten_test

import (
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

func TestKursplanungAndAbschnittsdaten(t *testing.T) {
	p, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	f, ok := p.Fall("KL-1")
	if !ok {
		t.Fatal("no case KL-1")
	}
	beginn := time.Date(2027, 4, 5, 0, 0, 0, 0, time.UTC)
	plan, err := f.Kursplanung("01", beginn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inge.Check(&inge.KursplanungErfassenAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: f.Traegernummer}}, Kursplanung: plan}); err != nil {
		t.Errorf("the plan does not pass the strict check: %v", err)
	}
	var abschnitte []string
	for i, a := range plan.Abschnitt {
		abschnitte = append(abschnitte, a.Kursabschnitt)
		if i > 0 {
			prev, _ := plan.Abschnitt[i-1].Ende.Time()
			this, _ := a.Beginn.Time()
			if this.Sub(prev) != 72*time.Hour {
				t.Errorf("section %s begins %s, not on the Monday after %s", a.Kursabschnitt, a.Beginn, plan.Abschnitt[i-1].Ende)
			}
		}
	}
	if got := len(abschnitte); got != 7 || abschnitte[0] != "1" || abschnitte[6] != "OK" || plan.Kursende != plan.Abschnitt[6].Ende {
		t.Errorf("sections %v, Kursende %s; want 1 to 6 and OK, ending with the last", abschnitte, plan.Kursende)
	}
	if len(plan.Teilnehmer) != len(f.Personen) || len(plan.Lehrkraft) != len(f.Lehrkraefte) {
		t.Errorf("%d participants, %d teachers; want all of the case's", len(plan.Teilnehmer), len(plan.Lehrkraft))
	}

	plan.Teilnehmer[7].Kursabschnitt = "3"
	d, ok := testdaten.Abschnittsdaten(&plan, "2", "LW-001")
	if !ok || d.Beginn != plan.Abschnitt[1].Beginn || d.Kursort != plan.Kursort || len(d.Teilnehmer) != 7 || len(d.Lehrkraft) != 1 {
		t.Errorf("Abschnittsdaten(2) = %+v, %v; want section 2's dates with the 7 who joined by then", d, ok)
	}
	if d, _ := testdaten.Abschnittsdaten(&plan, "3", "LW-001"); len(d.Teilnehmer) != 8 {
		t.Errorf("section 3 has %d participants; want all 8", len(d.Teilnehmer))
	}
	if _, ok := testdaten.Abschnittsdaten(&plan, "9", "LW-001"); ok {
		t.Error("Abschnittsdaten(9) of a general course: ok; want none")
	}
	if lw, err := p.LehrwerkFuer("05"); err != nil || lw == "" {
		t.Errorf("LehrwerkFuer(05) = %q, %v", lw, err)
	}
	if _, err := p.LehrwerkFuer("77"); err == nil {
		t.Error("LehrwerkFuer(77): no error")
	}
}
