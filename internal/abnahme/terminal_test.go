package abnahme

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// terminalFixture is a Terminal between two pipes: the test types into
// tippe and reads what the terminal writes, line by line, from ausgabe.
type terminalFixture struct {
	term    *Terminal
	tippe   *io.PipeWriter
	ausgabe chan string
	gesehen []string
}

// neuesTerminal starts a Terminal on pipes; the pipes are closed when the
// test ends, and with the input the reading goroutine.
func neuesTerminal(t *testing.T) *terminalFixture {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	fx := &terminalFixture{term: NewTerminal(inR, outW), tippe: inW, ausgabe: make(chan string, 100)}
	go func() {
		defer close(fx.ausgabe)
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			fx.ausgabe <- sc.Text()
		}
	}()
	t.Cleanup(func() {
		fx.term.Close()
		inW.Close()
		outW.Close()
		fx.term.zeilen() // started if no test step read, to see it end at EOF
		select {
		case <-fx.term.fertig:
		case <-time.After(5 * time.Second):
			t.Error("the goroutine reading the input did not end with its input")
		}
	})
	return fx
}

// erwarte reads the terminal's lines until one contains want.
func (fx *terminalFixture) erwarte(t *testing.T, want string) {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case line, ok := <-fx.ausgabe:
			if !ok {
				t.Fatalf("output ended without %q; seen:\n%s", want, strings.Join(fx.gesehen, "\n"))
			}
			fx.gesehen = append(fx.gesehen, line)
			if strings.Contains(line, want) {
				return
			}
		case <-timeout:
			t.Fatalf("no line with %q; seen:\n%s", want, strings.Join(fx.gesehen, "\n"))
		}
	}
}

// schreibe types a line (with Enter) into the terminal.
func (fx *terminalFixture) schreibe(t *testing.T, line string) {
	t.Helper()
	if _, err := io.WriteString(fx.tippe, line+"\n"); err != nil {
		t.Fatalf("typing %q: %v", line, err)
	}
}

// warte waits for a result of a call running in a goroutine.
func warte[T any](t *testing.T, c <-chan T, was string) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not return", was)
	}
	panic("unreachable")
}

var testZugang = Zugang{
	Sandbox: "abnahme-0123abcd", Endpoint: "http://127.0.0.1:8080/inge", WSDL: "http://127.0.0.1:8080/inge?wsdl",
	Benutzer:   []ZugangNutzer{{Traegernummer: "10000001", Name: "abnahme-0123abcd.produkt", Passwort: "Geheim-xyz_1"}},
	Abnahmetag: "12.04.2027",
}

// Bereit shows the access data and waits for Enter.
func TestTerminalBereit(t *testing.T) {
	fx := neuesTerminal(t)
	done := make(chan error, 1)
	go func() { done <- fx.term.Bereit(t.Context(), testZugang) }()
	for _, want := range []string{
		"Sandbox:        abnahme-0123abcd",
		"SOAP-Endpunkt:  http://127.0.0.1:8080/inge",
		"WSDL:           http://127.0.0.1:8080/inge?wsdl",
		"Trägernummer:   10000001",
		"Benutzer:       abnahme-0123abcd.produkt",
		"Passwort:       Geheim-xyz_1",
		"Abnahmetag:     12.04.2027",
		"Richten Sie Ihre Software so ein:",
		"UsernameToken",
		"Drücken Sie Enter, sobald Ihre Software eingerichtet ist.",
	} {
		fx.erwarte(t, want)
	}
	select {
	case err := <-done:
		t.Fatalf("Bereit returned (%v) before Enter", err)
	default:
	}
	fx.schreibe(t, "")
	if err := warte(t, done, "Bereit"); err != nil {
		t.Errorf("Bereit = %v", err)
	}
}

// At the end of the input Bereit goes on without Enter; when ctx ends it
// returns its error.
func TestTerminalBereitOhneEingabe(t *testing.T) {
	t.Run("EOF", func(t *testing.T) {
		term := NewTerminal(strings.NewReader(""), io.Discard)
		if err := term.Bereit(t.Context(), testZugang); err != nil {
			t.Errorf("Bereit at EOF = %v; want nil", err)
		}
	})
	t.Run("ErrCanceled", func(t *testing.T) {
		fx := neuesTerminal(t)
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		go func() { done <- fx.term.Bereit(ctx, testZugang) }()
		fx.erwarte(t, "Drücken Sie Enter")
		cancel()
		if err := warte(t, done, "Bereit"); !errors.Is(err, context.Canceled) {
			t.Errorf("Bereit = %v; want context.Canceled", err)
		}
	})
}

// Beginne and Ausfuehren show the case and its task.
func TestTerminalAufgabe(t *testing.T) {
	fx := neuesTerminal(t)
	done := make(chan error, 1)
	go func() {
		info := FallInfo{ID: "TF-AN-06", Titel: "InGe ist beim ersten Versuch nicht erreichbar", Verfahren: "AnmeldungErstverfahren"}
		if err := fx.term.Beginne(t.Context(), info, []string{"InGe ist beim ersten Versuch mit den Daten 5010601-439 nicht erreichbar."}); err != nil {
			done <- err
			return
		}
		done <- fx.term.Ausfuehren(t.Context(), Aufgabe{
			Fall: "TF-AN-06", Nummer: 1, Verfahren: "AnmeldungErstverfahren",
			Text:    "Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:",
			Angaben: []Angabe{{Feld: "Anmeldung", Wert: "Moradi, Omid"}, {Feld: "Anmeldung/Bildungsstand", Wert: "3B"}},
			Anzeige: []string{"Person (Anmeldung): Moradi, Omid, geb. 03.03.1990, BAMF 5010601-439", "Bildungsstand (Anmeldung/Bildungsstand): 3B"},
			Felder: []Feldwert{
				{Feld: "Anmeldung/Ident/Geburtsdatum", Wert: "1990-03-03"}, {Feld: "Anmeldung/Geburtsort", Wert: "Herat"},
				{Feld: "Anmeldung/Bildungsstand", Wert: "3B"}, {Feld: "Anmeldung/Geburtsname", Fehlt: true},
			},
			Hinweise: []string{"InGe ist bei Ihrem ersten Versuch nicht erreichbar (Fault F301, HTTP 503)."},
		})
	}()
	for _, want := range []string{
		"Testfall TF-AN-06: InGe ist beim ersten Versuch nicht erreichbar",
		"Verfahren: AnmeldungErstverfahren",
		"  - InGe ist beim ersten Versuch mit den Daten 5010601-439 nicht erreichbar.",
		"Aufgabe 1 (TF-AN-06, AnmeldungErstverfahren):",
		"  Bitte in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:",
		"    Person (Anmeldung): Moradi, Omid, geb. 03.03.1990, BAMF 5010601-439",
		"    Bildungsstand (Anmeldung/Bildungsstand): 3B",
		"  Hinweis: InGe ist bei Ihrem ersten Versuch nicht erreichbar (Fault F301, HTTP 503).",
		"Warte auf Ihre Anfrage … (Enter: weiter warten, ü + Enter: Aufgabe überspringen)",
	} {
		fx.erwarte(t, want)
	}
	if err := warte(t, done, "Ausfuehren"); err != nil {
		t.Errorf("Ausfuehren = %v", err)
	}
}

func TestTerminalBeginneOhneVorbereitung(t *testing.T) {
	var out strings.Builder
	if err := NewTerminal(strings.NewReader(""), &out).Beginne(t.Context(), FallInfo{ID: "TF-AN-01", Titel: "T", Verfahren: "V"}, nil); err != nil {
		t.Fatal(err)
	}
	if want := "Vorbereitet: nichts; InGe hat nur das Testdatenpaket."; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

type fehlerWriter struct{}

func (fehlerWriter) Write([]byte) (int, error) { return 0, errors.New("kaputt") }

// A failed write is an error of Bereit, Beginne and Ausfuehren.
func TestTerminalErrAusgabe(t *testing.T) {
	term := NewTerminal(strings.NewReader(""), fehlerWriter{})
	if err := term.Ausfuehren(t.Context(), Aufgabe{Nummer: 1}); err == nil || !strings.Contains(err.Error(), "kaputt") {
		t.Errorf("Ausfuehren = %v; want the write error", err)
	}
	if err := term.Bereit(t.Context(), testZugang); err == nil {
		t.Error("Bereit = nil; want the write error")
	}
}

var aufgabe1 = Aufgabe{Fall: "TF-AN-01", Nummer: 1, Verfahren: "AnmeldungErstverfahren"}

// Abwarten: Enter waits on, ü skips, the end of ctx returns false.
func TestTerminalAbwarten(t *testing.T) {
	for _, skip := range []string{"ü", "Ü", "s", "skip", "  ü  "} {
		t.Run("Skip"+strings.TrimSpace(skip), func(t *testing.T) {
			fx := neuesTerminal(t)
			done := make(chan bool, 1)
			go func() { done <- fx.term.Abwarten(t.Context(), aufgabe1) }()
			fx.schreibe(t, skip)
			if !warte(t, done, "Abwarten") {
				t.Errorf("Abwarten after %q = false; want true", skip)
			}
			fx.erwarte(t, "Aufgabe 1 wird übersprungen.")
		})
	}
	t.Run("EnterWaitsOn", func(t *testing.T) {
		fx := neuesTerminal(t)
		ctx, cancel := context.WithTimeout(t.Context(), time.Hour)
		defer cancel()
		done := make(chan bool, 1)
		go func() { done <- fx.term.Abwarten(ctx, aufgabe1) }()
		fx.schreibe(t, "")
		fx.erwarte(t, "Warte weiter auf Ihre Anfrage (noch 59 min")
		fx.schreibe(t, "weiter")
		fx.erwarte(t, "„weiter“ verstehe ich nicht: Enter wartet weiter, ü + Enter überspringt die Aufgabe.")
		select {
		case <-done:
			t.Fatal("Abwarten returned while ctx runs")
		default:
		}
		cancel() // the request arrived
		if warte(t, done, "Abwarten") {
			t.Error("Abwarten = true when ctx ended; want false")
		}
	})
	t.Run("TimeUp", func(t *testing.T) {
		fx := neuesTerminal(t)
		ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
		defer cancel()
		done := make(chan bool, 1)
		go func() { done <- fx.term.Abwarten(ctx, aufgabe1) }()
		fx.erwarte(t, "Die Wartezeit für Aufgabe 1 ist um.")
		if warte(t, done, "Abwarten") {
			t.Error("Abwarten = true when the time was up; want false")
		}
	})
	t.Run("EOFWaitsForCtx", func(t *testing.T) {
		fx := neuesTerminal(t)
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan bool, 1)
		go func() { done <- fx.term.Abwarten(ctx, aufgabe1) }()
		fx.tippe.Close()
		fx.erwarte(t, "Keine Eingabe mehr (Ende der Eingabe); es wird bis zum Ende der Wartezeit gewartet.")
		select {
		case <-done:
			t.Fatal("Abwarten returned at EOF while ctx runs")
		default:
		}
		cancel()
		if warte(t, done, "Abwarten") {
			t.Error("Abwarten = true; want false")
		}
	})
}

// Fragen reads j, ja, n, nein and asks again on anything else.
func TestTerminalFragen(t *testing.T) {
	frage := Frage{Fall: "TF-AN-03", Aufgabe: 1, Text: "Zeigt Ihre Software die Meldung M1010 („Die Person ist nicht eindeutig.“) an?", Meldung: "M1010"}
	tests := []struct {
		name   string
		zeilen []string
		want   Antwort
	}{
		{"J", []string{"j"}, Ja},
		{"Ja", []string{"Ja"}, Ja},
		{"N", []string{"n"}, Nein},
		{"Nein", []string{"NEIN"}, Nein},
		{"AsksAgain", []string{"", "vielleicht", "ja"}, Ja},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := neuesTerminal(t)
			type res struct {
				a   Antwort
				err error
			}
			done := make(chan res, 1)
			go func() {
				a, err := fx.term.Fragen(t.Context(), frage)
				done <- res{a, err}
			}()
			fx.erwarte(t, "Frage zu Aufgabe 1 (TF-AN-03): Zeigt Ihre Software die Meldung M1010 („Die Person ist nicht eindeutig.“) an? [j/n]")
			for i, z := range tt.zeilen {
				fx.schreibe(t, z)
				if i < len(tt.zeilen)-1 {
					fx.erwarte(t, "Bitte j (ja) oder n (nein) eingeben und Enter drücken.")
				}
			}
			r := warte(t, done, "Fragen")
			if r.err != nil || r.a != tt.want {
				t.Errorf("Fragen after %q = %v, %v; want %v, nil", tt.zeilen, r.a, r.err, tt.want)
			}
		})
	}
	t.Run("EOFIsOffen", func(t *testing.T) {
		fx := neuesTerminal(t)
		done := make(chan Antwort, 1)
		go func() {
			a, err := fx.term.Fragen(t.Context(), frage)
			if err != nil {
				t.Errorf("Fragen at EOF: %v", err)
			}
			done <- a
		}()
		fx.schreibe(t, "hm")
		fx.erwarte(t, "Bitte j (ja) oder n (nein)")
		fx.tippe.Close()
		if a := warte(t, done, "Fragen"); a != Offen {
			t.Errorf("Fragen at EOF = %v; want Offen", a)
		}
		fx.erwarte(t, "Keine Eingabe mehr (Ende der Eingabe): die Frage bleibt offen (manuell zu prüfen).")
	})
	t.Run("ErrCanceled", func(t *testing.T) {
		fx := neuesTerminal(t)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if a, err := fx.term.Fragen(ctx, frage); a != Offen || !errors.Is(err, context.Canceled) {
			t.Errorf("Fragen with ctx ended = %v, %v; want Offen, context.Canceled", a, err)
		}
	})
}

// Abwarten and Fragen read the same input, one line after another: the
// Enter of the wait is not taken as the answer.
func TestTerminalGemeinsameEingabe(t *testing.T) {
	fx := neuesTerminal(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan bool, 1)
	go func() { done <- fx.term.Abwarten(ctx, aufgabe1) }()
	fx.schreibe(t, "")
	fx.erwarte(t, "Warte weiter")
	cancel()
	warte(t, done, "Abwarten")

	answer := make(chan Antwort, 1)
	go func() {
		a, _ := fx.term.Fragen(t.Context(), Frage{Fall: "TF-AN-01", Aufgabe: 1, Text: "Zeigt Ihre Software die Kurskennung K1 an?"})
		answer <- a
	}()
	fx.erwarte(t, "Zeigt Ihre Software die Kurskennung K1 an? [j/n]")
	fx.schreibe(t, "n")
	if a := warte(t, answer, "Fragen"); a != Nein {
		t.Errorf("Fragen = %v; want Nein", a)
	}
	// A second wait on the same Terminal still reads the input.
	done2 := make(chan bool, 1)
	go func() { done2 <- fx.term.Abwarten(t.Context(), Aufgabe{Nummer: 2}) }()
	fx.schreibe(t, "ü")
	if !warte(t, done2, "Abwarten") {
		t.Error("second Abwarten after ü = false; want true")
	}
}

// A line Abwarten took when its task had ended is the next question's.
func TestTerminalZeileZurueck(t *testing.T) {
	term := NewTerminal(strings.NewReader(""), io.Discard)
	term.zurueck("j")
	a, err := term.Fragen(t.Context(), Frage{Text: "?"})
	if err != nil || a != Ja {
		t.Errorf("Fragen after a line kept back = %v, %v; want Ja", a, err)
	}
}

// Close ends the reading goroutine while it waits to hand over a line that
// nobody takes, though the input has not ended.
func TestTerminalClose(t *testing.T) {
	inR, inW := io.Pipe()
	defer inW.Close()
	term := NewTerminal(inR, io.Discard)
	answer := make(chan Antwort, 1)
	go func() {
		a, _ := term.Fragen(t.Context(), Frage{Text: "?"})
		answer <- a
	}()
	if _, err := io.WriteString(inW, "j\nübrig\n"); err != nil { // the goroutine reads both
		t.Fatal(err)
	}
	if a := warte(t, answer, "Fragen"); a != Ja {
		t.Fatalf("Fragen = %v; want Ja", a)
	}
	term.Close()
	select {
	case <-term.fertig:
	case <-time.After(5 * time.Second):
		t.Fatal("the goroutine reading the input did not end after Close")
	}
}
