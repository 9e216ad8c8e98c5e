package console_test

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSeitenBarrierefrei visits every kind of page, with content: every
// form field has a label, and axe-core finds no serious or critical
// violation. Each page's result is logged, and a screenshot kept.
func TestSeitenBarrierefrei(t *testing.T) {
	axe := axeSource(t)
	mock := startMock(t)
	anlegen(t, mock, "axe", "axe.kt1")
	b := newBrowser(t, mock)
	// The checks can fail: an input without a label is found by both.
	b.open("/konsole/")
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("main").insertAdjacentHTML("beforeend", '<input id="ohne-label">')`))
	if got := b.unlabelled(); !slices.Contains(got, "ohne-label") {
		t.Errorf("the label check found %v; want the input without a label", got)
	}
	if res := b.axeRun(axe); !slices.ContainsFunc(res.Violations, func(v axeViolation) bool { return v.ID == "label" }) {
		t.Errorf("axe found %+v; want the violation label", res.Violations)
	}
	// Content for the journal and the answer of a Web-Maske.
	b.open("/konsole/sandboxes/axe/maske/KursplanungErfassen?beispiel=1")
	b.set("Kursplanung/TnrKursMax", "")
	b.klick("#senden")
	b.check(axe, "maske-antwort")
	b.klick("#xml-zeigen")
	b.check(axe, "maske-xml")
	for _, p := range []struct{ name, path string }{
		{"uebersicht", "/konsole/"},
		{"sandbox", "/konsole/sandboxes/axe"},
		{"loeschen", "/konsole/sandboxes/axe/loeschen"},
		{"journal", "/konsole/sandboxes/axe/journal"},
		{"maske-leer", "/konsole/sandboxes/axe/maske/LidTeilnehmendeMelden"},
		{"maske-beispiel", "/konsole/sandboxes/axe/maske/AnmeldungErstverfahren?beispiel=1"},
		{"testdaten", "/konsole/testdaten"},
		{"fehler", "/konsole/sandboxes/gibtsnicht"},
		{"abnahme-ohne-vorbereitung", "/konsole/sandboxes/axe/abnahme"},
	} {
		b.open(p.path)
		b.check(axe, p.name)
	}
	b.open("/konsole/sandboxes/axe/journal")
	b.klick("#journal-zeilen tr[data-id] a")
	b.check(axe, "eintrag")
}

// check runs the label and axe checks on the page and keeps a screenshot.
func (b *browser) check(axe, name string) {
	b.t.Helper()
	if missing := b.unlabelled(); len(missing) > 0 {
		b.t.Errorf("%s: fields without a label: %v", name, missing)
	}
	b.axe(axe, name)
	b.screenshot("seite-" + name)
}
