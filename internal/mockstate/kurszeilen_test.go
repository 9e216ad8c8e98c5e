package mockstate

import (
	"encoding/xml"
	"reflect"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The rows of kursZeilen come in no order; details puts the sections in
// the order of their begin, then of their report, then of their code, and
// the changes of Kursort in the order they take effect, then of their
// section, whatever order SQLite gave them in.
func TestKursDetailsOrdersRows(t *testing.T) {
	abschnitt := func(code, beginn, gemeldet string) kursZeile {
		daten, err := xml.Marshal(inge.Kursabschnittsdaten{Kursabschnitt: code})
		if err != nil {
			t.Fatal(err)
		}
		return kursZeile{teil: teilAbschnitt, t1: code, t2: beginn, t3: gemeldet, b1: daten}
	}
	aenderung := func(code, ort, weitere, ab string) kursZeile {
		return kursZeile{teil: teilOrtsaenderung, t1: code, t2: ort, t3: weitere, t4: ab}
	}
	teilnehmer := func(code string, person int64) kursZeile {
		return kursZeile{teil: teilTeilnehmer, t1: code, n: person}
	}
	zeilen := []kursZeile{
		teilnehmer("2", 7),
		abschnitt("3", "2027-07-12", "2027-07-01T10:00:00Z"),
		aenderung("3", "KO-1", `["KO-3"]`, "2027-06-01"),
		abschnitt("1", "2027-05-03", "2027-05-02T10:00:00Z"),
		aenderung("4", "KO-2", "", "2027-05-01"),
		abschnitt("2b", "2027-06-07", "2027-06-01T09:00:00Z"),
		teilnehmer("1", 3),
		abschnitt("2a", "2027-06-07", "2027-06-01T09:00:00Z"),
		abschnitt("2c", "2027-06-07", "2027-05-31T09:00:00Z"),
		aenderung("2", "KO-2", "", "2027-06-01"),
	}
	var k kurs
	if err := k.details(zeilen); err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, a := range k.abschnitte {
		codes = append(codes, a.daten.Kursabschnitt)
	}
	if want := []string{"1", "2c", "2a", "2b", "3"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("sections %v; want %v", codes, want)
	}
	wantAenderungen := []inge.Kursortaenderung{
		{Kursabschnitt: "4", Kursort: "KO-2", GueltigAb: "2027-05-01"},
		{Kursabschnitt: "2", Kursort: "KO-2", GueltigAb: "2027-06-01"},
		{Kursabschnitt: "3", Kursort: "KO-1", WeitererKursort: []string{"KO-3"}, GueltigAb: "2027-06-01"},
	}
	if !reflect.DeepEqual(k.aenderungen, wantAenderungen) {
		t.Errorf("changes of Kursort\n%+v\nwant\n%+v", k.aenderungen, wantAenderungen)
	}
	if want := map[int64]string{7: "2", 3: "1"}; !reflect.DeepEqual(k.planPersonen, want) {
		t.Errorf("persons of the plan %v; want %v", k.planPersonen, want)
	}

	for _, tt := range []struct {
		name  string
		zeile kursZeile
	}{
		{"SecondCourseRow", kursZeile{teil: teilKurs}},
		{"UndecodableSection", kursZeile{teil: teilAbschnitt, b1: []byte("<Kursabschnittsdaten>")}},
		{"UndecodableKursorte", kursZeile{teil: teilOrtsaenderung, t3: "[KO-3"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var k kurs
			if err := k.details([]kursZeile{tt.zeile}); err == nil {
				t.Errorf("details(%+v) = nil; want an error", tt.zeile)
			}
		})
	}
}
