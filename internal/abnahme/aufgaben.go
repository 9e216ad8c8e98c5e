package abnahme

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cucumber/godog"
)

// aufgabenPhrasen say in plain German what the operator does for each
// procedure: "Wenn Sie in Ihrer Software <phrase>, mit diesen Angaben:".
var aufgabenPhrasen = []struct{ phrase, verfahren string }{
	{"die Person im Erstverfahren anmelden", "AnmeldungErstverfahren"},
	{"die Person im Wiederholerverfahren anmelden", "AnmeldungWiederholerverfahren"},
	{"die Teilnehmerauskunft abrufen", "Teilnehmerauskunft"},
	{"den Sprachtest melden", "SprachtestMelden"},
	{"die Kursplanung erfassen", "KursplanungErfassen"},
	{"die Kursplanung aktualisieren", "KursplanungAktualisieren"},
	{"die Kursplanung stornieren", "KursplanungStornieren"},
	{"den Kursbeginn melden", "KursbeginnMelden"},
	{"den Beginn des Kursabschnitts melden", "KursabschnittsbeginnMelden"},
	{"den Kursabschnitt aktualisieren", "KursabschnittAktualisieren"},
	{"die Kursortänderung melden", "KursortaenderungMelden"},
	{"die Kursauskunft abrufen", "Kursauskunft"},
	{"die LiD-Prüfung erfassen", "LidPruefungErfassen"},
	{"die LiD-Prüfung aktualisieren", "LidPruefungAktualisieren"},
	{"die LiD-Prüfung stornieren", "LidPruefungStornieren"},
	{"die Teilnehmenden der LiD-Prüfung melden", "LidTeilnehmendeMelden"},
	{"die Auskunft zur LiD-Prüfung abrufen", "LidPruefungAuskunft"},
}

func (w *welt) registerAufgaben(sc *godog.ScenarioContext) {
	sc.Step(`^Sie in Ihrer Software (.+?),? mit diesen Angaben:$`, w.aufgabe)
	sc.Step(`^Sie die Angaben so korrigieren und die Meldung erneut senden:$`, w.korrektur)
}

// aufgabe is a task: the operator enters the table's data in the product
// and sends.
func (w *welt) aufgabe(ctx context.Context, phrase string, table *godog.Table) error {
	i := slices.IndexFunc(aufgabenPhrasen, func(p struct{ phrase, verfahren string }) bool { return p.phrase == phrase })
	if i < 0 {
		var known []string
		for _, p := range aufgabenPhrasen {
			known = append(known, p.phrase)
		}
		return fmt.Errorf("unbekannte Aufgabe %q; bekannt sind: %s", phrase, strings.Join(known, "; "))
	}
	angaben, err := angabenAus(table)
	if err != nil {
		return err
	}
	return w.stelle(ctx, aufgabenPhrasen[i].verfahren, "Sie in Ihrer Software "+phrase+", mit diesen Angaben:", angaben, 0)
}

// korrektur is a task that sends the previous one's message again with
// the table's rows changed.
func (w *welt) korrektur(ctx context.Context, table *godog.Table) error {
	if w.nichtVorbereitet {
		return nil
	}
	if len(w.aufgaben) == 0 && w.pass != passVorbereitung {
		return fmt.Errorf("es gibt keine Meldung, die korrigiert werden könnte")
	}
	rows, err := angabenAus(table)
	if err != nil {
		return err
	}
	if w.pass == passVorbereitung {
		return nil
	}
	prev := w.aufgaben[len(w.aufgaben)-1]
	angaben := append(slices.Clone(prev.Angaben), rows...)
	return w.stelle(ctx, prev.Verfahren, "Sie die Angaben so korrigieren und die Meldung erneut senden:", angaben, len(prev.Angaben))
}

// angabenAus reads a table Feld | Wert.
func angabenAus(table *godog.Table) ([]Angabe, error) {
	if table == nil || len(table.Rows) < 2 {
		return nil, fmt.Errorf("die Aufgabe braucht eine Tabelle | Feld | Wert | mit mindestens einer Zeile")
	}
	var out []Angabe
	for i, row := range table.Rows {
		if len(row.Cells) != 2 {
			return nil, fmt.Errorf("Zeile %d der Tabelle hat nicht zwei Spalten", i+1)
		}
		if i == 0 {
			continue // | Feld | Wert |
		}
		out = append(out, Angabe{Feld: row.Cells[0].Value, Wert: row.Cells[1].Value})
	}
	return out, nil
}

// stelle makes the task, and in the judging pass has it performed,
// awaits its requests and checks them. The operator reads the rows from
// neuAb on: a correction shows only what changes.
func (w *welt) stelle(ctx context.Context, verfahren, text string, angaben []Angabe, neuAb int) error {
	if w.pass == passVorbereitung || w.nichtVorbereitet {
		return nil
	}
	k := w.kontext()
	felder, err := felderDer(verfahren, angaben, k)
	if err != nil {
		return err
	}
	a := &Aufgabe{Fall: w.info.ID, Nummer: len(w.aufgaben) + 1, Verfahren: verfahren, Text: text, Felder: felder, Hinweise: w.hinweise}
	w.hinweise = nil
	for i, an := range angaben {
		if i >= neuAb {
			a.Anzeige = append(a.Anzeige, anzeige(verfahren, an, k)...)
		}
		if v, err := aufloesen(an.Wert, w.bezug); err == nil {
			an.Wert = v
		}
		a.Angaben = append(a.Angaben, an)
	}
	w.aufgaben = append(w.aufgaben, a)
	if w.pass == passAufgaben {
		return nil
	}
	if b := w.l.cfg.Bediener; b != nil && w.l.cfg.Modus == Interaktiv {
		if len(w.aufgaben) == 1 {
			if err := b.Beginne(ctx, w.info, w.erg.Vorbereitet); err != nil {
				return err
			}
		}
		if err := b.Ausfuehren(ctx, *a); err != nil {
			return err
		}
		skipped, err := w.erwarte(ctx, a)
		if err != nil {
			return err
		}
		if skipped {
			w.schritt.Status = statusUebersprungen
		}
	}
	if err := w.l.lies(ctx); err != nil {
		return err
	}
	w.phasen, _ = teile(w.l.zuo.des(w.info.ID), w.aufgaben)
	ph := w.aktuell()
	if w.schritt.Status == statusUebersprungen && ph.letzter() == nil {
		return nil
	}
	w.befund(pruefePhase(w.info.ID, ph, w.l.regeln)...)
	return nil
}

// erwarte waits until the task's request has arrived with its outcome,
// and then the Nachlauf for one sent twice; or until the time is up, or
// the operator skips.
func (w *welt) erwarte(ctx context.Context, a *Aufgabe) (uebersprungen bool, err error) {
	b := w.l.cfg.Bediener
	wctx, cancel := context.WithTimeout(ctx, w.l.cfg.Warten)
	defer cancel()
	done := make(chan bool, 1)
	go func() { done <- b.Abwarten(wctx, *a) }()
	tick := time.NewTicker(w.l.cfg.Abfrage)
	defer tick.Stop()
	gemeldet := map[int64]bool{}
	for {
		select {
		case skipped := <-done:
			if skipped {
				return true, nil
			}
			if ctx.Err() != nil {
				return false, ctx.Err()
			}
			return false, nil // the time is up: the checks say what is missing
		case <-tick.C:
			if err := w.l.lies(ctx); err != nil {
				return false, err
			}
			es := w.l.zuo.des(w.info.ID)
			for _, e := range es {
				if !e.vorbereitung && !gemeldet[e.ID] {
					gemeldet[e.ID] = true
					b.Melde(fmt.Sprintf("  angekommen: %s (Eintrag %d) – %s", e.Operation, e.ID, ergebnisText(e)))
				}
			}
			phasen, _ := teile(es, w.aufgaben)
			if phasen[a.Nummer-1].vollstaendig() {
				if err := w.l.warteNachlauf(ctx); err != nil {
					return false, err
				}
				cancel()
				<-done
				return false, nil
			}
		}
	}
}

// warteNachlauf waits the Nachlauf and reads the journal again.
func (l *lauf) warteNachlauf(ctx context.Context) error {
	select {
	case <-time.After(l.cfg.Nachlauf):
	case <-ctx.Done():
		return ctx.Err()
	}
	return l.lies(ctx)
}

// ergebnisText is an entry's outcome with its Meldungen, for the operator.
func ergebnisText(e *eingang) string {
	a := leseAntwort(e.Antwort)
	if a.Fault != "" {
		return "Fault " + a.Fault + ": " + faultText(e.Antwort)
	}
	var codes []string
	for _, m := range a.Meldungen {
		c := m.Code
		if m.Feld != "" {
			c += " (" + m.Feld + ")"
		}
		codes = append(codes, c)
	}
	if len(codes) == 0 {
		return a.Status
	}
	return a.Status + ": " + strings.Join(codes, ", ")
}
