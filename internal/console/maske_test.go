package console

import (
	"bytes"
	"errors"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

func testQuelle(t *testing.T) quelle {
	t.Helper()
	paket, err := testdaten.Read(harness.Testdatenpaket())
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := paket.TraegerByNummer("10000001")
	return quelle{
		traeger: *tr, paket: paket, fall: fallFuer(paket, tr.Traegernummer),
		heute:    time.Date(2027, 3, 10, 0, 0, 0, 0, time.UTC),
		kurs:     &bekannterKurs{Kurskennung: "K-1", Kursbeginn: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)},
		pruefung: "P-1", bogenSerie: 4711,
	}
}

// TestEveryExampleIsValid: the example of every one of the 17 forms,
// written as the Web-Maske sends it, passes the strict check with no
// finding of the schema's rule attributes (no mandatory field missing).
func TestEveryExampleIsValid(t *testing.T) {
	q := testQuelle(t)
	for _, p := range inge.Procedures() {
		t.Run(p.Name, func(t *testing.T) {
			x := beispiel(p, q).anfrage(p)
			c, err := inge.ReadRequest(bytes.NewReader(x))
			var se *inge.SchemaError
			if errors.As(err, &se) {
				t.Fatalf("schema: %v\n%s", se.Abweichungen, x)
			}
			if err != nil {
				t.Fatal(err)
			}
			if b := c.Befunde(); len(b) > 0 {
				t.Errorf("findings %v\n%s", b, x)
			}
		})
	}
}

// TestFormRoundTrip: a request read into a form and written again is the
// same request.
func TestFormRoundTrip(t *testing.T) {
	q := testQuelle(t)
	for _, p := range inge.Procedures() {
		x := beispiel(p, q).anfrage(p)
		fm, err := formularAusAnfrage(p, x)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if y := fm.anfrage(p); !bytes.Equal(x, y) {
			t.Errorf("%s: read and written again\n%s\nwant\n%s", p.Name, y, x)
		}
	}
}

func TestFormRemoveShiftsTheRest(t *testing.T) {
	p := inge.KursplanungErfassen.Procedure()
	fm := beispiel(p, testQuelle(t))
	f, ok := feldAt(p, "Kursplanung/Unterrichtszeit[2]")
	if !ok {
		t.Fatal("no field Kursplanung/Unterrichtszeit")
	}
	fm.entfernen(f, "Kursplanung/Unterrichtszeit", 2)
	if got := fm.anzahl["Kursplanung/Unterrichtszeit"]; got != 4 {
		t.Errorf("Unterrichtszeit shown %d times; want 4", got)
	}
	for i, want := range []string{"Mo", "Mi", "Do", "Fr"} {
		if got := fm.werte[indexed("Kursplanung/Unterrichtszeit", i+1)+"/Wochentag"]; got != want {
			t.Errorf("Unterrichtszeit[%d]/Wochentag = %q; want %q", i+1, got, want)
		}
	}
	if _, left := fm.werte["Kursplanung/Unterrichtszeit[5]/Wochentag"]; left {
		t.Error("the fifth occurrence is still there")
	}
	fm.hinzufuegen(f, "Kursplanung/Unterrichtszeit")
	if got := fm.shown(f, "Kursplanung/Unterrichtszeit"); got != 5 {
		t.Errorf("after adding, shown %d; want 5", got)
	}
}

// TestEmptyFormNamesWhatIsMissing: an empty form sends the groups the
// schema requires, so that the mock names the missing mandatory fields.
func TestEmptyFormNamesWhatIsMissing(t *testing.T) {
	p := inge.KursplanungErfassen.Procedure()
	fm := newFormular()
	fm.werte["Mandant/Traegernummer"] = "10000001"
	x := fm.anfrage(p)
	want := `<KursplanungErfassen xmlns="urn:inge-harness:kurstraeger:1"><Mandant><Traegernummer>10000001</Traegernummer></Mandant><Kursplanung></Kursplanung></KursplanungErfassen>`
	if string(x) != want {
		t.Fatalf("empty form writes\n%s\nwant\n%s", x, want)
	}
	c, err := inge.ReadRequest(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Befunde()); n < 5 {
		t.Errorf("%d findings of missing fields; want every mandatory field of Kursplanung", n)
	}
}

func TestHervorheben(t *testing.T) {
	got := einruecken([]byte(`<?xml version="1.0"?><a xmlns:p="u"><p:b x="1">wert</p:b><c><d/></c></a>`))
	want := "<?xml version=\"1.0\"?>\n<a xmlns:p=\"u\">\n  <p:b x=\"1\">wert</p:b>\n  <c>\n    <d></d>\n  </c>\n</a>"
	if got != want {
		t.Errorf("einruecken =\n%s\nwant\n%s", got, want)
	}
	if got := hervorheben([]byte("<a><b></a>")); len(got) != 1 || got[0].T != "<a><b></a>" {
		t.Errorf("malformed XML shown as %v; want it as it came", got)
	}
}
