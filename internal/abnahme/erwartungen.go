package abnahme

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The expectations of a case: what InGe answers the latest task, and what
// the operator sees in the product. They check the task's outcome; a task
// whose request never arrived has its finding already, so they check
// nothing then ("nicht geprüft").

func (w *welt) registerErwartungen(sc *godog.ScenarioContext) {
	sc.Step(`^antwortet InGe mit dem Status "([^"]*)"$`, w.status)
	sc.Step(`^die Antwort enthält die Meldung "([^"]*)"(?: zum Feld "([^"]*)")?$`, w.meldung)
	sc.Step(`^die Antwort enthält nicht die Meldung "([^"]*)"$`, w.keineMeldung)
	sc.Step(`^die Antwort enthält genau die Meldungen:$`, w.genauDieMeldungen)
	sc.Step(`^die Rückmeldung zum (\d+)\. Prüfling lautet "([^"]*)"$`, w.rueckmeldung)
	sc.Step(`^InGe war beim ersten Versuch nicht erreichbar, und die Meldung ist nicht verloren$`, w.nichtVerloren)
	sc.Step(`^Ihre Software zeigt die Meldung "([^"]*)" an$`, w.zeigtMeldung)
	sc.Step(`^Ihre Software zeigt die (Kurskennung|Prüfungsnummer) an$`, w.zeigtNummer)
	sc.Step(`^Ihre Software zeigt "([^"]*)" als (.+) an$`, w.zeigtWert)
}

// ausgang is the answer to the latest task, or false when there is none to
// check (nothing arrived, or the pass does not judge).
func (w *welt) ausgang() (antwort, *eingang, bool) {
	if w.pass != passPruefung || w.nichtVorbereitet {
		return antwort{}, nil, false
	}
	ph := w.aktuell()
	if ph == nil {
		w.l.fehlerIn(w.info.ID, fmt.Errorf("Schritt %q: vor ihm steht keine Aufgabe", w.schritt.Text))
		return antwort{}, nil, false
	}
	e := ph.ausgang()
	if e == nil || e.Operation != ph.aufgabe.Verfahren {
		w.schritt.Status = statusUngeprueft
		return antwort{}, nil, false
	}
	return leseAntwort(e.Antwort), e, true
}

func (w *welt) fehlt(e *eingang, text, erwartet, tatsaechlich string) {
	w.befund(Befund{Fall: w.info.ID, Aufgabe: w.aktuell().aufgabe.Nummer, Anfrage: e.ID, Text: text, Erwartet: erwartet, Tatsaechlich: tatsaechlich})
}

func (w *welt) status(want string) error {
	a, e, ok := w.ausgang()
	if !ok {
		return nil
	}
	got := a.Status
	if a.Fault != "" {
		got = "Fault " + a.Fault
	}
	if got != want {
		w.fehlt(e, "InGe hat die Meldung nicht wie erwartet beantwortet.", want, got)
	}
	return nil
}

func (w *welt) meldung(code, feld string) error {
	a, e, ok := w.ausgang()
	if !ok {
		return nil
	}
	if !slices.ContainsFunc(a.Meldungen, func(m inge.Meldung) bool { return m.Code == code && (feld == "" || m.Feld == feld) }) {
		want := code
		if feld != "" {
			want += " zum Feld " + feld
		}
		w.fehlt(e, "Die Antwort enthält die erwartete Meldung nicht.", want, meldungenText(a.Meldungen))
	}
	return nil
}

func (w *welt) keineMeldung(code string) error {
	a, e, ok := w.ausgang()
	if !ok {
		return nil
	}
	if slices.ContainsFunc(a.Meldungen, func(m inge.Meldung) bool { return m.Code == code }) {
		w.fehlt(e, "Die Antwort enthält eine Meldung, die der Testfall ausschließt.", "ohne "+code, meldungenText(a.Meldungen))
	}
	return nil
}

func (w *welt) genauDieMeldungen(table *godog.Table) error {
	var want []string
	for i, row := range table.Rows {
		if i == 0 {
			continue // | Code | Feld |
		}
		m := row.Cells[0].Value
		if len(row.Cells) > 1 && row.Cells[1].Value != "" {
			m += " zum Feld " + row.Cells[1].Value
		}
		want = append(want, m)
	}
	a, e, ok := w.ausgang()
	if !ok {
		return nil
	}
	var got []string
	for _, m := range a.Meldungen {
		s := m.Code
		if m.Feld != "" {
			s += " zum Feld " + m.Feld
		}
		got = append(got, s)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		w.fehlt(e, "Die Antwort enthält nicht genau die erwarteten Meldungen.", strings.Join(want, "; "), strings.Join(got, "; "))
	}
	return nil
}

func meldungenText(ms []inge.Meldung) string {
	var out []string
	for _, m := range ms {
		s := m.Code
		if m.Feld != "" {
			s += " zum Feld " + m.Feld
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func (w *welt) rueckmeldung(n int, want string) error {
	a, e, ok := w.ausgang()
	if !ok {
		return nil
	}
	got := ""
	if n >= 1 && n <= len(a.Rueckmeldungen) {
		got = a.Rueckmeldungen[n-1].Status
	}
	if got != want {
		w.fehlt(e, "Die Rückmeldung zum "+strconv.Itoa(n)+". Prüfling lautet anders.", want, got)
	}
	return nil
}

// nichtVerloren: the first attempt met the outage (F301), and the message
// arrived again afterwards; or it was sent asynchronously, accepted and
// processed.
func (w *welt) nichtVerloren() error {
	if w.pass != passPruefung || w.nichtVorbereitet {
		return nil
	}
	ph := w.aktuell()
	if ph == nil || len(ph.versuche) == 0 {
		w.schritt.Status = statusUngeprueft
		return nil
	}
	first := ph.versuche[0]
	switch {
	case first.Ergebnis == "F301" && len(ph.versuche) > 1 && !voruebergehend(ph.letzter().Ergebnis):
	case first.Ergebnis == string(inge.StatusAngenommen) && first.abschluss != nil:
	case first.Ergebnis == "F301":
		w.fehlt(ph.letzter(), "Nach dem Ausfall hat Ihre Software die Meldung nicht erneut gesendet: sie ist verloren.", "ein zweiter Versuch", "keiner")
	default:
		w.fehlt(first, "Der erste Versuch traf nicht auf den vorbereiteten Ausfall; stimmen die Daten der Anfrage?", "Fault F301 oder angenommen", first.Ergebnis)
	}
	return nil
}

// frage asks the operator, if there is one; a question nobody can answer
// leaves the case to a person.
func (w *welt) frage(ctx context.Context, f Frage) error {
	f.Fall, f.Aufgabe = w.info.ID, w.aktuell().aufgabe.Nummer
	b := w.l.cfg.Bediener
	var ant Antwort
	if b != nil && w.l.cfg.Modus == Interaktiv {
		var err error
		if ant, err = b.Fragen(ctx, f); err != nil {
			return err
		}
	}
	w.erg.Fragen = append(w.erg.Fragen, Befragung{Frage: f, Antwort: ant})
	switch ant {
	case Offen:
		w.schritt.Status = statusOffen
	case Nein:
		w.befund(Befund{Fall: w.info.ID, Aufgabe: f.Aufgabe, Text: "Laut Bediener: " + strings.TrimSuffix(f.Text, "?") + " – nein."})
	}
	return nil
}

// zeigtMeldung asks whether the product shows a Meldung of the answer; an
// answer without it has its finding already.
// nichtsZuZeigen: after a Fault the product has no data to show; the
// fault has its finding.
func (w *welt) nichtsZuZeigen(a antwort) bool {
	if a.Fault != "" {
		w.schritt.Status = statusUngeprueft
		return true
	}
	return false
}

func (w *welt) zeigtMeldung(ctx context.Context, code string) error {
	a, _, ok := w.ausgang()
	if !ok {
		return nil
	}
	i := slices.IndexFunc(a.Meldungen, func(m inge.Meldung) bool { return m.Code == code })
	if i < 0 {
		w.schritt.Status = statusUngeprueft
		return nil
	}
	// A product of a profile shows the profile's code and text.
	shown, text := code, a.Meldungen[i].Text
	if p := w.l.cfg.Profil; p != nil {
		shown, text = p.MeldungImProfil(code, text)
	}
	return w.frage(ctx, Frage{Text: fmt.Sprintf("Zeigt Ihre Software die Meldung %s („%s“) an?", shown, text), Meldung: shown})
}

func (w *welt) zeigtNummer(ctx context.Context, was string) error {
	a, e, ok := w.ausgang()
	if !ok || w.nichtsZuZeigen(a) {
		return nil
	}
	element := map[string]string{"Kurskennung": "Kurskennung", "Prüfungsnummer": "Pruefungsnummer"}[was]
	nr := first(elementTexte([]byte(e.Antwort), element))
	if nr == "" {
		w.fehlt(e, "Die Antwort enthält keine "+was+".", was, "keine")
		return nil
	}
	return w.frage(ctx, Frage{Text: fmt.Sprintf("Zeigt Ihre Software die %s %s an?", was, nr), Wert: nr})
}

func (w *welt) zeigtWert(ctx context.Context, wert, als string) error {
	a, _, ok := w.ausgang()
	if !ok || w.nichtsZuZeigen(a) {
		return nil
	}
	if p := w.l.cfg.Profil; p != nil {
		wert = p.WertImProfil(als, wert) // "geplant" als Kursstatus: the profile's value
	}
	return w.frage(ctx, Frage{Text: fmt.Sprintf("Zeigt Ihre Software „%s“ als %s an?", wert, als), Wert: wert})
}
