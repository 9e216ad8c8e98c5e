package abnahme

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Terminal is the Bediener of a person at a terminal (certrunner
// -abnahme): it writes the access data, each test case and its tasks in
// German to an io.Writer (stdout), and reads the operator's lines from an
// io.Reader (stdin): Enter to go on, ü to skip a task, j or n to answer a
// question.
//
// One goroutine reads the lines into a channel, for the whole run, so that
// Abwarten and Fragen read the same input and a line typed ahead is not
// lost. It starts with the first read and ends when the reader reports EOF
// or an error, or after Close: at once if it is waiting to hand over a
// line, else when its pending Read returns. A Read cannot be interrupted,
// so on os.Stdin that goroutine may live until the next line or the end of
// the process; it holds nothing but the reader.
//
// Make one with NewTerminal; its methods may be called from several
// goroutines (Melde while Abwarten waits), as Run does.
type Terminal struct {
	in  io.Reader
	out io.Writer

	mu sync.Mutex // one block of output at a time; guards vorrat

	start     sync.Once
	lines     chan string   // the lines read; closed at the reader's end
	readErr   error         // why the reader ended, other than EOF; read after lines is closed
	stop      chan struct{} // closed by Close
	closeOnce sync.Once
	fertig    chan struct{} // closed when the reading goroutine has ended
	// vorrat is a line Abwarten took while its task ended: the next
	// reader gets it first.
	vorrat *string
}

// NewTerminal returns a Terminal that reads the operator's lines from in
// and writes to out.
func NewTerminal(in io.Reader, out io.Writer) *Terminal {
	return &Terminal{in: in, out: out, lines: make(chan string), stop: make(chan struct{}), fertig: make(chan struct{})}
}

// Close lets the goroutine that reads the input end (see Terminal); it
// does not close the reader. Call it when the run has ended.
func (t *Terminal) Close() {
	t.closeOnce.Do(func() { close(t.stop) })
}

// zeilen starts the reading goroutine once and returns its channel.
func (t *Terminal) zeilen() <-chan string {
	t.start.Do(func() { go t.lesen() })
	return t.lines
}

// lesen hands the input's lines over, one at a time, until the input or
// the Terminal ends.
func (t *Terminal) lesen() {
	defer close(t.fertig)
	defer close(t.lines)
	sc := bufio.NewScanner(t.in)
	for sc.Scan() {
		select {
		case t.lines <- strings.TrimSpace(sc.Text()):
		case <-t.stop:
			return
		}
	}
	t.readErr = sc.Err() // published by close(t.lines)
}

// naechste is the next line: the one kept back, or one from the input. ok
// is false at the input's end; err is ctx's when it ended first.
func (t *Terminal) naechste(ctx context.Context) (line string, ok bool, err error) {
	t.mu.Lock()
	if v := t.vorrat; v != nil {
		t.vorrat = nil
		t.mu.Unlock()
		return *v, true, nil
	}
	t.mu.Unlock()
	select {
	case line, ok := <-t.zeilen():
		return line, ok, nil
	case <-ctx.Done():
		return "", false, ctx.Err()
	}
}

// zurueck keeps a line for the next reader.
func (t *Terminal) zurueck(line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.vorrat = &line
}

// eingabeEnde says why there is no more input.
func (t *Terminal) eingabeEnde() string {
	if t.readErr != nil {
		return "Die Eingabe ist nicht lesbar (" + t.readErr.Error() + ")"
	}
	return "Keine Eingabe mehr (Ende der Eingabe)"
}

// schreibe writes one block of output.
func (t *Terminal) schreibe(s string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, err := io.WriteString(t.out, s); err != nil {
		return fmt.Errorf("abnahme: Ausgabe am Terminal: %w", err)
	}
	return nil
}

// SchreibeZugang writes the access data of an acceptance as the operator
// sets the product up with them: the sandbox, endpoint and WSDL, each
// user with its Trägernummer and password, the Abnahmetag.
func SchreibeZugang(w io.Writer, z Zugang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "  Sandbox:        %s\n", z.Sandbox)
	fmt.Fprintf(&b, "  SOAP-Endpunkt:  %s\n", z.Endpoint)
	fmt.Fprintf(&b, "  WSDL:           %s\n", z.WSDL)
	for _, u := range z.Benutzer {
		fmt.Fprintf(&b, "  Trägernummer:   %s\n", u.Traegernummer)
		fmt.Fprintf(&b, "  Benutzer:       %s\n", u.Name)
		if u.Passwort != "" {
			fmt.Fprintf(&b, "  Passwort:       %s\n", u.Passwort)
		} else {
			b.WriteString("  Passwort:       (wie bei der Vorbereitung ausgegeben)\n")
		}
	}
	fmt.Fprintf(&b, "  Abnahmetag:     %s (die Uhr der Sandbox steht an diesem Tag, 09:00 Uhr)\n", z.Abnahmetag)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("abnahme: Zugang ausgeben: %w", err)
	}
	return nil
}

// Bereit writes the access data and what to set up in the product, and
// waits until the operator presses Enter (or the input ends), so that
// setting the product up does not use up the first task's time.
func (t *Terminal) Bereit(ctx context.Context, z Zugang) error {
	var b strings.Builder
	b.WriteString("\nDie Sandbox der Abnahme ist vorbereitet. Ihr Zugang:\n\n")
	if err := SchreibeZugang(&b, z); err != nil {
		return err
	}
	b.WriteString("\nRichten Sie Ihre Software so ein:\n")
	b.WriteString("  - InGe-Adresse: der SOAP-Endpunkt oben (die WSDL liegt unter der WSDL-Adresse).\n")
	b.WriteString("  - Anmeldung: Benutzer und Passwort oben, als WS-Security-UsernameToken\n")
	b.WriteString("    (PasswordDigest oder PasswordText, wie Sie es vereinbart haben).\n")
	b.WriteString("  - Kursträger: die Trägernummer oben.\n")
	b.WriteString("  - Datum: InGe rechnet mit dem Abnahmetag als heute; geben Sie die Daten ein,\n")
	b.WriteString("    die der Testfall nennt.\n")
	b.WriteString("\nDrücken Sie Enter, sobald Ihre Software eingerichtet ist.\n")
	if err := t.schreibe(b.String()); err != nil {
		return err
	}
	_, ok, err := t.naechste(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return t.schreibe(t.eingabeEnde() + "; es geht ohne Bestätigung weiter.\n")
	}
	return nil
}

// trenner sets a test case off from the one before.
const trenner = "────────────────────────────────────────────────────────────────────────\n"

// Beginne writes the case's header: its ID, title and procedure, and what
// its preparation made.
func (t *Terminal) Beginne(_ context.Context, fall FallInfo, vorbereitet []string) error {
	var b strings.Builder
	b.WriteString("\n" + trenner)
	fmt.Fprintf(&b, "Testfall %s: %s\n", fall.ID, fall.Titel)
	fmt.Fprintf(&b, "Verfahren: %s\n", fall.Verfahren)
	if len(vorbereitet) == 0 {
		b.WriteString("Vorbereitet: nichts; InGe hat nur das Testdatenpaket.\n")
	} else {
		b.WriteString("Vorbereitet:\n")
		for _, v := range vorbereitet {
			b.WriteString("  - " + v + "\n")
		}
	}
	return t.schreibe(b.String())
}

// Ausfuehren writes the task: what to do, each row to enter, the hints,
// and that its request is awaited.
func (t *Terminal) Ausfuehren(_ context.Context, a Aufgabe) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nAufgabe %d (%s, %s):\n", a.Nummer, a.Fall, a.Verfahren)
	b.WriteString("  " + aufgabenSatz(a.Text) + "\n")
	for _, z := range a.Anzeige {
		b.WriteString("    " + z + "\n")
	}
	for _, h := range a.Hinweise {
		b.WriteString("  Hinweis: " + h + "\n")
	}
	b.WriteString("Warte auf Ihre Anfrage … (Enter: weiter warten, ü + Enter: Aufgabe überspringen)\n")
	return t.schreibe(b.String())
}

// aufgabenSatz turns the step's clause "Sie in Ihrer Software … anmelden,
// mit diesen Angaben:" into a request to the operator, "Bitte in Ihrer
// Software … anmelden, mit diesen Angaben:".
func aufgabenSatz(text string) string {
	if rest, ok := strings.CutPrefix(text, "Sie "); ok {
		return "Bitte " + rest
	}
	return text
}

// Abwarten reads the operator's lines while the task's request is
// awaited: Enter waits on, ü (or s, skip) skips the task and returns true.
// It returns false when ctx ends; at the end of the input it waits for
// that.
func (t *Terminal) Abwarten(ctx context.Context, a Aufgabe) bool {
	for {
		if ctx.Err() != nil {
			return t.warteEnde(ctx, a)
		}
		line, ok, err := t.naechste(ctx)
		switch {
		case err != nil:
			return t.warteEnde(ctx, a)
		case !ok:
			_ = t.schreibe(t.eingabeEnde() + "; es wird bis zum Ende der Wartezeit gewartet.\n")
			<-ctx.Done()
			return t.warteEnde(ctx, a)
		case ctx.Err() != nil:
			// The task ended while the line came: it is the next
			// question's, say an answer typed ahead.
			t.zurueck(line)
			return t.warteEnde(ctx, a)
		case istUeberspringen(line):
			_ = t.schreibe(fmt.Sprintf("Aufgabe %d wird übersprungen.\n", a.Nummer))
			return true
		case line == "":
			_ = t.schreibe("Warte weiter auf Ihre Anfrage" + restzeit(ctx) + " …\n")
		default:
			_ = t.schreibe(fmt.Sprintf("„%s“ verstehe ich nicht: Enter wartet weiter, ü + Enter überspringt die Aufgabe.\n", line))
		}
	}
}

// warteEnde says when the time for the task is up, and returns false.
func (t *Terminal) warteEnde(ctx context.Context, a Aufgabe) bool {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		_ = t.schreibe(fmt.Sprintf("Die Wartezeit für Aufgabe %d ist um.\n", a.Nummer))
	}
	return false
}

// istUeberspringen reports whether a line asks to skip the task.
func istUeberspringen(line string) bool {
	switch strings.ToLower(line) {
	case "ü", "ue", "s", "skip", "überspringen":
		return true
	}
	return false
}

// restzeit is how long ctx waits on, e.g. " (noch 9 min 58 s)", or "".
func restzeit(ctx context.Context) string {
	dl, ok := ctx.Deadline()
	if !ok {
		return ""
	}
	d := time.Until(dl).Truncate(time.Second)
	if d <= 0 {
		return ""
	}
	if m := int(d / time.Minute); m > 0 {
		return fmt.Sprintf(" (noch %d min %d s)", m, int((d%time.Minute)/time.Second))
	}
	return fmt.Sprintf(" (noch %d s)", int(d/time.Second))
}

// Fragen asks the question and reads j, ja, n or nein; it asks again on
// any other line. At the end of the input the question stays open
// (Offen: manuell zu prüfen); when ctx ends it returns ctx's error.
func (t *Terminal) Fragen(ctx context.Context, f Frage) (Antwort, error) {
	if err := t.schreibe(fmt.Sprintf("\nFrage zu Aufgabe %d (%s): %s [j/n]\n", f.Aufgabe, f.Fall, f.Text)); err != nil {
		return Offen, err
	}
	for {
		line, ok, err := t.naechste(ctx)
		if err != nil {
			return Offen, err
		}
		if !ok {
			return Offen, t.schreibe(t.eingabeEnde() + ": die Frage bleibt offen (manuell zu prüfen).\n")
		}
		switch strings.ToLower(line) {
		case "j", "ja":
			return Ja, nil
		case "n", "nein":
			return Nein, nil
		}
		if err := t.schreibe("Bitte j (ja) oder n (nein) eingeben und Enter drücken.\n"); err != nil {
			return Offen, err
		}
	}
}

// Melde writes the line. A failed write is not reported: the line is a
// message to the operator, and the verdict does not depend on it.
func (t *Terminal) Melde(zeile string) {
	_ = t.schreibe(zeile + "\n")
}
