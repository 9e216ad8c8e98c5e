package abnahme_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// zeepTags are the cases the zeep product performs: the registration and
// the course planning.
const zeepTags = "@AnmeldungErstverfahren,@KursplanungErfassen"

// TestZeepProdukt has a product in another language, a Python program on
// zeep (testdata/zeep/produkt.py), take the acceptance as a vendor's test
// suite would: it performs the tasks of a prepared sandbox, and the
// evaluation of the sandbox's journal judges what it sent.
func TestZeepProdukt(t *testing.T) {
	ingetest.RequireZeep(t)
	mock := startMock(t)

	// Done right, every case passes, or is left to a person when it asks
	// what only a person sees ("Ihre Software zeigt …"): the evaluation
	// has nobody to ask.
	t.Run("Bestanden", func(t *testing.T) {
		t.Parallel()
		vor, nach := zeepAbnahme(t, mock, nil)
		pruefeFaelle(t, vor, nach, "")
	})

	// A birth date entered wrong in one task fails exactly that case, at
	// that field.
	t.Run("FalschesGeburtsdatum", func(t *testing.T) {
		t.Parallel()
		const fall, feld, falsch = "TF-AN-01", "Anmeldung/Ident/Geburtsdatum", "1982-12-06"
		var richtig string
		vor, nach := zeepAbnahme(t, mock, func(aufgaben []abnahme.Aufgabe) {
			for i, a := range aufgaben {
				if a.Fall != fall || a.Nummer != 1 {
					continue
				}
				j := slices.IndexFunc(a.Felder, func(f abnahme.Feldwert) bool { return f.Feld == feld })
				if j < 0 {
					t.Fatalf("%s, Aufgabe 1 has no field %s: %+v", fall, feld, a.Felder)
				}
				richtig = a.Felder[j].Wert
				aufgaben[i].Felder[j].Wert = falsch
				return
			}
			t.Fatalf("no task 1 of %s", fall)
		})
		if richtig == falsch {
			t.Fatalf("%s %s is %s already; the control changes nothing", fall, feld, falsch)
		}
		pruefeFaelle(t, vor, nach, fall)
		f := fallNamed(t, nach, fall)
		if !slices.ContainsFunc(befunde(f), func(b abnahme.Befund) bool {
			return b.Aufgabe == 1 && b.Feld == feld && b.Erwartet == richtig && b.Tatsaechlich == falsch
		}) {
			t.Errorf("%s: no finding at %s (erwartet %q, tatsächlich %q); findings:", fall, feld, richtig, falsch)
			logBefunde(t, f)
		}
	})
}

// zeepAbnahme prepares a sandbox, has produkt.py perform its tasks (after
// aendern, if not nil, changed them as a buggy product would enter them),
// and evaluates the sandbox's journal.
func zeepAbnahme(t *testing.T, mock *mockserver.Local, aendern func([]abnahme.Aufgabe)) (vor, nach abnahme.Ergebnis) {
	t.Helper()
	cfg := abnahme.Config{
		Modus: abnahme.Vorbereiten, Endpoint: mock.Endpoint(), Admin: mock.AdminURL,
		PasswortArt: wsse.PasswordDigest, Tags: zeepTags,
		Nachlauf: time.Millisecond, Abfrage: 5 * time.Millisecond,
	}
	start := time.Now()
	vor, err := abnahme.Run(t.Context(), cfg)
	if err != nil {
		t.Fatalf("Vorbereiten: %v", err)
	}
	if len(vor.Aufgaben) == 0 || len(vor.Zugang.Benutzer) == 0 {
		t.Fatalf("Vorbereiten: %d tasks, %d users; want some of each", len(vor.Aufgaben), len(vor.Zugang.Benutzer))
	}
	aufgaben := slices.Clone(vor.Aufgaben)
	for i := range aufgaben {
		aufgaben[i].Felder = slices.Clone(aufgaben[i].Felder)
	}
	if aendern != nil {
		aendern(aufgaben)
	}
	raw, err := json.Marshal(aufgaben)
	if err != nil {
		t.Fatal(err)
	}
	datei := filepath.Join(t.TempDir(), "aufgaben.json")
	if err := os.WriteFile(datei, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	vorbereitet := time.Now()

	u := vor.Zugang.Benutzer[0]
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	script := filepath.Join("..", "..", "testdata", "zeep", "produkt.py")
	cmd := exec.CommandContext(ctx, ingetest.Python, script, datei)
	cmd.Env = append(os.Environ(),
		"INGE_ENDPOINT="+vor.Zugang.Endpoint, "INGE_BENUTZER="+u.Name, "INGE_PASSWORT="+u.Passwort,
		"INGE_TRAEGERNUMMER="+u.Traegernummer, "INGE_PAUSE=0.05")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	t.Logf("produkt.py:\n%s", out)
	if err != nil {
		t.Fatalf("%s %s: %v\nstderr:\n%s", ingetest.Python, script, err, stderr.String())
	}
	if lines := strings.Count(string(out), "\n"); lines != len(aufgaben) {
		t.Errorf("produkt.py printed %d lines; want one per task, %d", lines, len(aufgaben))
	}
	ausgefuehrt := time.Now()

	cfg.Modus, cfg.Sandbox, cfg.Report = abnahme.Auswerten, vor.Zugang.Sandbox, t.TempDir()
	nach, err = abnahme.Run(t.Context(), cfg)
	if err != nil {
		t.Fatalf("Auswerten: %v", err)
	}
	t.Logf("Vorbereiten %v, produkt.py %v, Auswerten %v", vorbereitet.Sub(start).Round(time.Millisecond),
		ausgefuehrt.Sub(vorbereitet).Round(time.Millisecond), time.Since(ausgefuehrt).Round(time.Millisecond))
	return vor, nach
}

// pruefeFaelle checks the verdicts: every case with a task was evaluated;
// the one named as failing (if any) is not bestanden, every other one is
// bestanden, or manuell zu prüfen exactly when it asked a question.
func pruefeFaelle(t *testing.T, vor, nach abnahme.Ergebnis, scheitert string) {
	t.Helper()
	var mitAufgabe []string
	for _, a := range vor.Aufgaben {
		if !slices.Contains(mitAufgabe, a.Fall) {
			mitAufgabe = append(mitAufgabe, a.Fall)
		}
	}
	var bewertet []string
	je := map[string]int{}
	for _, f := range nach.Faelle {
		bewertet = append(bewertet, f.Info.ID)
		je[f.Info.Verfahren]++
		want := abnahme.Bestanden
		switch {
		case f.Info.ID == scheitert:
			want = abnahme.NichtBestanden
		case len(f.Fragen) > 0:
			want = abnahme.Manuell
		}
		if f.Urteil != want {
			t.Errorf("%s %s: %s; want %s", f.Info.ID, f.Info.Titel, f.Urteil, want)
			logBefunde(t, f)
		}
	}
	if !slices.Equal(bewertet, mitAufgabe) {
		t.Errorf("evaluated cases %v; want the cases with tasks %v", bewertet, mitAufgabe)
	}
	if je["AnmeldungErstverfahren"] == 0 {
		t.Errorf("no case of AnmeldungErstverfahren among %v", bewertet)
	}
	if len(nach.OhneFall) > 0 {
		t.Errorf("journal entries %v name no case's data; the product sent what no task said", nach.OhneFall)
	}
	t.Logf("%d cases by procedure %v: %d bestanden, %d manuell zu prüfen, %d nicht bestanden", len(nach.Faelle), je,
		nach.Zaehle(abnahme.Bestanden), nach.Zaehle(abnahme.Manuell), nach.Zaehle(abnahme.NichtBestanden))
}

func fallNamed(t *testing.T, e abnahme.Ergebnis, id string) *abnahme.FallErgebnis {
	t.Helper()
	for _, f := range e.Faelle {
		if f.Info.ID == id {
			return f
		}
	}
	t.Fatalf("case %s was not evaluated", id)
	return nil
}

// befunde are a case's findings, of its steps and of the case as a whole.
func befunde(f *abnahme.FallErgebnis) []abnahme.Befund {
	out := slices.Clone(f.Befunde)
	for _, s := range f.Schritte {
		out = append(out, s.Befunde...)
	}
	return out
}

func logBefunde(t *testing.T, f *abnahme.FallErgebnis) {
	t.Helper()
	for _, b := range befunde(f) {
		t.Logf("  %s", b)
	}
}
