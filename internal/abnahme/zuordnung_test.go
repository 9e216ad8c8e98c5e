package abnahme

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/features"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// eintrag builds a journal entry whose request names the data and whose
// answer has the status (or Fault) and the elements.
func eintrag(id int64, benutzer, op, ergebnis, vorgang string, daten []string, antwortElemente ...string) mockadmin.Eintrag {
	var req strings.Builder
	req.WriteString(`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><` + op + ` xmlns="urn:x">`)
	for _, d := range daten {
		req.WriteString("<Aktenzeichen>" + d + "</Aktenzeichen>")
	}
	req.WriteString("</" + op + "></soapenv:Body></soapenv:Envelope>")
	resp := "<Envelope><Body><R><Status>" + ergebnis + "</Status>" + strings.Join(antwortElemente, "") + "</R></Body></Envelope>"
	return mockadmin.Eintrag{ID: id, Benutzer: benutzer, Operation: op, Ergebnis: ergebnis, Vorgangsnummer: vorgang, Anfrage: req.String(), Antwort: resp}
}

func ids(es []*eingang) []int64 {
	var out []int64
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestZuordnung(t *testing.T) {
	z := newZuordnung(map[string]string{"P-A": "TF-A", "P-B": "TF-B", "KO-A": "TF-A"}, func(u string) bool { return strings.HasSuffix(u, ".vorbereitung") })
	z.add([]mockadmin.Eintrag{
		eintrag(1, "x.vorbereitung", "KursplanungErfassen", "verarbeitet", "V1", []string{"P-A"}, "<Kurskennung>K1</Kurskennung>"),
		eintrag(2, "produkt", "KursbeginnMelden", "verarbeitet", "V2", []string{"K1"}),
		eintrag(3, "produkt", "AnmeldungErstverfahren", "verarbeitet", "V3", []string{"P-B"}),
		eintrag(4, "produkt", "KursplanungErfassen", "verarbeitet", "V4", []string{"P-A", "P-B"}, "<Kurskennung>K2</Kurskennung>"),
		eintrag(5, "produkt", "KursauskunftX", "abgelehnt", "V5", []string{"K2"}),
		eintrag(6, "produkt", "Teilnehmerauskunft", "verarbeitet", "V6", []string{"P-C"}),
		eintrag(7, "produkt", "KursbeginnMelden", "angenommen", "V7", []string{"KO-A"}),
		eintrag(8, "produkt", "KursbeginnMelden", "verarbeitet", "V7", []string{"KO-A"}),
		eintrag(2, "produkt", "KursbeginnMelden", "verarbeitet", "V2", []string{"K1"}), // read twice: ignored
	})
	if got, want := ids(z.des("TF-A")), []int64{1, 2, 4, 7, 8}; !slices.Equal(got, want) {
		t.Errorf("TF-A: entries %v; want %v (the Kurskennung of the preparation is the case's)", got, want)
	}
	if got, want := ids(z.des("TF-B")), []int64{3, 4}; !slices.Equal(got, want) {
		t.Errorf("TF-B: entries %v; want %v", got, want)
	}
	if got := ids(z.ohneFall()); !slices.Equal(got, []int64{5, 6}) {
		t.Errorf("without case: %v; want [5 6] (K2 came in an answer of two cases, so it is nobody's)", got)
	}
	e7 := z.des("TF-A")[3]
	if e7.abschluss == nil || e7.abschluss.ID != 8 || !z.des("TF-A")[4].nachtrag {
		t.Errorf("the accepted request 7 is not closed by its processing 8: %+v", e7)
	}
	if b := pruefeFremdeDaten("TF-A", z.des("TF-A")); len(b) != 1 || b[0].Anfrage != 4 || !strings.Contains(b[0].Text, "TF-B") {
		t.Errorf("foreign data of TF-A: %v; want entry 4 naming TF-B", b)
	}
}

func TestTeile(t *testing.T) {
	e := func(id int64, op, ergebnis string) *eingang {
		return &eingang{Eintrag: mockadmin.Eintrag{ID: id, Operation: op, Ergebnis: ergebnis}}
	}
	a := func(n int, op string) *Aufgabe { return &Aufgabe{Nummer: n, Verfahren: op} }
	prep := e(1, "KursplanungErfassen", "verarbeitet")
	prep.vorbereitung = true
	tests := []struct {
		name     string
		es       []*eingang
		aufgaben []*Aufgabe
		want     string // attempts of each phase | Auskuenfte | rest
	}{
		{"OneEach", []*eingang{prep, e(2, "KursbeginnMelden", "verarbeitet")}, []*Aufgabe{a(1, "KursbeginnMelden")}, "[2] | [] | []"},
		{"RetriesAfterOutage", []*eingang{e(2, "X", "F301"), e(3, "X", "F302"), e(4, "X", "verarbeitet")}, []*Aufgabe{a(1, "X")}, "[2 3 4] | [] | []"},
		{"WrongThenCorrected", []*eingang{e(2, "X", "abgelehnt"), e(3, "X", "verarbeitet")}, []*Aufgabe{a(1, "X"), a(2, "X")}, "[2] [3] | [] [] | []"},
		{"AuskunftBetween", []*eingang{e(2, "Kursauskunft", "verarbeitet"), e(3, "X", "verarbeitet")}, []*Aufgabe{a(1, "X")}, "[3] | [2] | []"},
		{"AuskunftIsTheTask", []*eingang{e(2, "Kursauskunft", "verarbeitet")}, []*Aufgabe{a(1, "Kursauskunft")}, "[2] | [] | []"},
		{"SentTwice", []*eingang{e(2, "X", "verarbeitet"), e(3, "X", "abgelehnt")}, []*Aufgabe{a(1, "X")}, "[2] | [] | [3]"},
		{"NothingArrived", nil, []*Aufgabe{a(1, "X")}, "[] | [] | []"},
		{"AnotherFaultEndsTheTask", []*eingang{e(2, "X", "F108"), e(3, "X", "verarbeitet")}, []*Aufgabe{a(1, "X")}, "[2] | [] | [3]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			phasen, rest := teile(tt.es, tt.aufgaben)
			var v, au []string
			for _, p := range phasen {
				v = append(v, fmt.Sprint(ids(p.versuche)))
				au = append(au, fmt.Sprint(ids(p.auskuenfte)))
			}
			got := strings.Join(v, " ") + " | " + strings.Join(au, " ") + " | " + fmt.Sprint(ids(rest))
			if got != tt.want {
				t.Errorf("teile = %s; want %s", got, tt.want)
			}
		})
	}
}

func TestPruefeRest(t *testing.T) {
	rest := []*eingang{
		{Eintrag: mockadmin.Eintrag{ID: 5, Operation: "Kursauskunft", Ergebnis: "verarbeitet"}},
		{Eintrag: mockadmin.Eintrag{ID: 6, Operation: "KursbeginnMelden", Ergebnis: "abgelehnt"}},
	}
	b := pruefeRest("TF-X", rest)
	if len(b) != 1 || b[0].Anfrage != 6 {
		t.Errorf("pruefeRest = %v; want one finding, about entry 6 (an Auskunft may come at any time)", b)
	}
}

// The README says how many cases the Testfallheft has, by procedure.
func TestREADMETestfallheft(t *testing.T) {
	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(features.Abnahme, "abnahme")
	if err != nil {
		t.Fatal(err)
	}
	h, err := leseHeft(sub, "", paket)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ")
	if want := fmt.Sprintf("**Das Testfallheft** hat %d Testfälle", len(h.faelle)); !strings.Contains(text, want) {
		t.Errorf("README lacks %q", want)
	}
	for _, keys := range [][2]string{{"AnmeldungErstverfahren", "Anmeldung im Erstverfahren %d"}, {"KursbeginnMelden", "Kursbeginn %d"}, {"LidPruefungAuskunft", "Auskunft %d"}} {
		n := 0
		for _, f := range h.faelle {
			if f.Verfahren == keys[0] {
				n++
			}
		}
		if want := fmt.Sprintf(keys[1], n); !strings.Contains(text, want) {
			t.Errorf("README lacks %q", want)
		}
	}
}
