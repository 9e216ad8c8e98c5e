package certrun

import (
	"encoding/xml"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// TestReadable checks that a step's error names fields, not Go syntax.
func TestReadable(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"Struct", inge.Kontingent{GenehmigteStunden: 700, VerfuegbareStunden: 700}, "GenehmigteStunden 700, VerfuegbareStunden 700"},
		{"NilPointer", (*inge.Kontingent)(nil), "keine"},
		{"Slice", []inge.DtzErgebnis{{Pruefungsdatum: "2026-05-01", Ergebnis: "B1"}, {Ergebnis: "A2"}}, "Pruefungsdatum 2026-05-01, Ergebnis B1; Ergebnis A2"},
		{"EmptySlice", []string(nil), "keine"},
		{"Answer", &inge.KursplanungErfassenAntwort{XMLName: xml.Name{Local: "KursplanungErfassenResponse"}, Antwort: inge.Antwort{Status: "abgelehnt"}}, "Status abgelehnt"},
		{"Nested", &inge.TeilnehmerIdent{Geburtsdatum: "1990-01-02", Aktenzeichen: &inge.Aktenzeichen{Art: "BAMF", Wert: "123"}}, "Geburtsdatum 1990-01-02, Aktenzeichen (Art BAMF, Wert 123)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readable(tt.v); got != tt.want {
				t.Errorf("readable = %q; want %q", got, tt.want)
			}
		})
	}
}
