package mockstate_test

import (
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// A Kursauskunft decodes a plan once and answers the same from the kept
// one; after a KursplanungAktualisieren it answers the new plan, and the
// plan kept for the old one stays as it was.
func TestPlanVorrat(t *testing.T) {
	l := neuerKurs(t, nil)
	erste := auskunft(t, l.s, l.v, kt1, l.kennung)
	if n := mockstate.Plaene(l.s); n != 1 {
		t.Fatalf("after one Kursauskunft the store keeps %d plans; want 1", n)
	}
	zweite := auskunft(t, l.s, l.v, kt1, l.kennung)
	if !reflect.DeepEqual(erste.Kurs, zweite.Kurs) || mockstate.Plaene(l.s) != 1 {
		t.Errorf("the second Kursauskunft differs or decoded again (%d plans):\n%+v\n%+v", mockstate.Plaene(l.s), erste.Kurs, zweite.Kurs)
	}
	mustSucceed(t, l.apply(l.neuePlanung()))
	danach := auskunft(t, l.s, l.v, kt1, l.kennung)
	if danach.Kurs == nil || danach.Kurs.Kursort != "KO-10000001-02" || len(danach.Kurs.Teilnehmer) != len(erste.Kurs.Teilnehmer)+1 {
		t.Errorf("after the update the Kursauskunft answers %+v; want Kursort KO-10000001-02 and one more Teilnehmer", danach.Kurs)
	}
	if erste.Kurs.Kursort == "KO-10000001-02" {
		t.Error("the answer of before the update changed with it")
	}
}
