package certrun

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/antchfx/xmlquery"
	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// The steps that check the answer of any procedure: its Status and
// Meldungen, the elements it must not carry, and Faults. They are shared
// because every procedure answers in the same frame (inge.Antwort, or a
// SOAP Fault with a catalogue code).
func (w *world) registerAntwortSteps(sc steps) {
	sc.Step(sc.re(`^ist der Status "([^"]*)"$`), w.status)
	sc.Step(sc.re(`^die Antwort enthält die Meldung "([^"]*)"(?: zum Feld "([^"]*)")?$`), w.meldungZumFeld)
	sc.Step(sc.re(`^die Antwort enthält nicht die Meldung "([^"]*)"$`), w.keineMeldung)
	sc.Step(sc.re(`^die Antwort enthält genau diese Meldungen:$`), w.genauDieseMeldungen)
	sc.Step(sc.re(`^die Antwort enthält keine Meldungen$`), w.keineMeldungen)
	sc.Step(sc.re(`^die Meldung "([^"]*)" nennt "([^"]*)"$`), w.meldungNennt)
	sc.Step(sc.re(`^die Antwort enthält keines der Elemente (.+)$`), w.keinesDerElemente)
	sc.Step(sc.re(`^antwortet der Dienst mit dem Fault "([^"]*)" und dem faultcode "([^"]*)"$`), w.faultMitCode)
	sc.Step(sc.re(`^antwortet der Dienst mit dem Fault "([^"]*)" zum Feld "([^"]*)"$`), w.faultZumFeld)
}

func (w *world) status(want string) error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	if got := string(resp.Base().Status); got != want {
		return fmt.Errorf("Status = %s; erwartet %s (Meldungen: %s)", got, want, describe(resp.Base().List()))
	}
	return nil
}

// meldungZumFeld expects a Meldung with the code; a non-empty feld must
// match its field path too.
func (w *world) meldungZumFeld(code, feld string) error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	for _, m := range resp.Base().List() {
		if m.Code == code && (feld == "" || m.Feld == feld) {
			if m.Text == "" {
				return fmt.Errorf("Meldung %s hat keinen Text", code)
			}
			return nil
		}
	}
	if feld != "" {
		return fmt.Errorf("keine Meldung %s zum Feld %s; erhalten: %s", code, feld, describe(resp.Base().List()))
	}
	return fmt.Errorf("keine Meldung %s; erhalten: %s", code, describe(resp.Base().List()))
}

// keineMeldung expects no Meldung with the code, e.g. no success Hinweis
// after a Rollback.
func (w *world) keineMeldung(code string) error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	for _, m := range resp.Base().List() {
		if m.Code == code {
			return fmt.Errorf("die Antwort enthält die Meldung %s %s (%s)", m.Code, m.Feld, m.Text)
		}
	}
	return nil
}

// meldungMit returns the first Meldung of the answer with the code.
func (w *world) meldungMit(code string) (inge.Meldung, error) {
	resp, err := w.answer()
	if err != nil {
		return inge.Meldung{}, err
	}
	for _, m := range resp.Base().List() {
		if m.Code == code {
			return m, nil
		}
	}
	return inge.Meldung{}, fmt.Errorf("keine Meldung %s; erhalten: %s", code, describe(resp.Base().List()))
}

// meldungNennt expects the Meldung's text to name a value, e.g. both
// obliging bodies or the day an entitlement expired.
func (w *world) meldungNennt(code, text string) error {
	m, err := w.meldungMit(code)
	if err != nil {
		return err
	}
	if !strings.Contains(m.Text, text) {
		return fmt.Errorf("Meldung %s: %q nennt nicht %q", code, m.Text, text)
	}
	return nil
}

func (w *world) keineMeldungen() error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	if ms := resp.Base().List(); len(ms) > 0 {
		return fmt.Errorf("erwartet keine Meldungen, erhalten: %s", describe(ms))
	}
	return nil
}

func (w *world) genauDieseMeldungen(table *godog.Table) error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	var want, got []string
	for i, row := range table.Rows {
		if i > 0 {
			want = append(want, row.Cells[0].Value+" "+row.Cells[1].Value)
		}
	}
	for _, m := range resp.Base().List() {
		got = append(got, m.Code+" "+m.Feld)
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		return fmt.Errorf("Meldungen:\n  %s\nerwartet:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	return nil
}

// auskunftMeldet returns the step "die ...-Auskunft (zu dieser ...) meldet
// CODE" of a procedure whose Auskunft about the scenario's thing ask asks
// for.
func (w *world) auskunftMeldet(ask func(context.Context) error) func(ctx context.Context, frisch, code string) error {
	return func(ctx context.Context, frisch, code string) error {
		if err := askFirst(ctx, frisch, ask); err != nil {
			return err
		}
		return w.meldungZumFeld(code, "")
	}
}

var quotedRE = regexp.MustCompile(`"([^"]+)"`)

// keinesDerElemente checks the response as it came over the wire: none of
// the named elements may occur anywhere in it.
func (w *world) keinesDerElemente(list string) error {
	names := quotedRE.FindAllStringSubmatch(list, -1)
	if len(names) == 0 {
		return fmt.Errorf("keine Elementnamen in %q", list)
	}
	if w.raw == nil {
		return fmt.Errorf("es liegt keine Antwort vor")
	}
	doc, err := xmlquery.Parse(bytes.NewReader(w.raw))
	if err != nil {
		return fmt.Errorf("Antwort ist kein XML: %w", err)
	}
	for _, n := range names {
		if found := xmlquery.Find(doc, "//*[local-name()='"+n[1]+"']"); len(found) > 0 {
			return fmt.Errorf("die Antwort enthält das Element %s", n[1])
		}
	}
	return nil
}

// faultcodeNS resolves the prefix of a faultcode as the features write it
// ("soapenv:Client", "wsse:FailedAuthentication"). inge reads the same two
// prefixes in its catalogue, but does not export them.
func faultcodeNS(prefix string) string {
	switch prefix {
	case "soapenv":
		return soap.EnvelopeNS
	case "wsse":
		return wsse.SecextNS
	}
	return ""
}

func (w *world) faultMitCode(code, faultcode string) error {
	if err := w.faultZumFeld(code, ""); err != nil {
		return err
	}
	prefix, local, _ := strings.Cut(faultcode, ":")
	if ns := faultcodeNS(prefix); w.fault.Code.Space != ns || w.fault.Code.Local != local {
		return fmt.Errorf("faultcode = {%s}%s; erwartet %s", w.fault.Code.Space, w.fault.Code.Local, faultcode)
	}
	return nil
}

func (w *world) faultZumFeld(code, feld string) error {
	if w.fault == nil {
		if w.response != nil {
			return fmt.Errorf("erwartet Fault %s, erhalten Status %s (Meldungen: %s)", code, w.response.Base().Status, describe(w.response.Base().List()))
		}
		return fmt.Errorf("erwartet Fault %s, es liegt keine Antwort vor", code)
	}
	if got := inge.FaultCode(w.fault); got != code {
		return fmt.Errorf("Fault %s (%s); erwartet %s", got, w.fault.String, code)
	}
	if feld != "" && w.fault.Detail.Field != feld {
		return fmt.Errorf("Fault %s zum Feld %q; erwartet %q", code, w.fault.Detail.Field, feld)
	}
	return nil
}

func describe(ms []inge.Meldung) string {
	if len(ms) == 0 {
		return "keine"
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%s %s (%s)", m.Code, m.Feld, m.Text)
	}
	return strings.Join(parts, "; ")
}
