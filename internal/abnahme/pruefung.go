package abnahme

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/antchfx/xmlquery"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// Befund is a check of a test case that failed: where (the task, the
// journal entry of the request, the field) and what was expected and
// found.
type Befund struct {
	Fall         string `json:"fall"`
	Aufgabe      int    `json:"aufgabe,omitempty"` // 0: the case as a whole
	Anfrage      int64  `json:"anfrage,omitempty"` // the request's journal entry
	Feld         string `json:"feld,omitempty"`
	Erwartet     string `json:"erwartet,omitempty"`
	Tatsaechlich string `json:"tatsaechlich,omitempty"`
	Text         string `json:"text"`
}

// String is the finding in one German line, e.g. "TF-AN-03, Aufgabe 2,
// Anfrage 17, Feld Anmeldung/Anschrift/Postleitzahl: ... (erwartet
// "91999", gesendet "9199")".
func (b Befund) String() string {
	where := []string{b.Fall}
	if b.Aufgabe > 0 {
		where = append(where, "Aufgabe "+strconv.Itoa(b.Aufgabe))
	}
	if b.Anfrage > 0 {
		where = append(where, "Anfrage "+strconv.FormatInt(b.Anfrage, 10))
	}
	if b.Feld != "" {
		where = append(where, "Feld "+b.Feld)
	}
	s := strings.Join(where, ", ") + ": " + b.Text
	if b.Erwartet != "" || b.Tatsaechlich != "" {
		s += fmt.Sprintf(" (erwartet %s, tatsächlich %s)", quoteOrNone(b.Erwartet), quoteOrNone(b.Tatsaechlich))
	}
	return s
}

func quoteOrNone(s string) string {
	if s == "" {
		return "nichts"
	}
	return strconv.Quote(s)
}

// phase is what arrived for one task of a case: the attempts at its
// request (each answered with a transient fault, and the last one) and
// the Auskuenfte the product asked for meanwhile, which are allowed.
type phase struct {
	aufgabe    *Aufgabe
	versuche   []*eingang
	auskuenfte []*eingang
}

// letzter is the last attempt, or nil.
func (p *phase) letzter() *eingang {
	if len(p.versuche) == 0 {
		return nil
	}
	return p.versuche[len(p.versuche)-1]
}

// ausgang is the entry whose answer is the task's outcome: the last
// attempt, or for one accepted during an outage the entry of its later
// processing (nil while it waits).
func (p *phase) ausgang() *eingang {
	l := p.letzter()
	if l != nil && l.Ergebnis == string(inge.StatusAngenommen) {
		return l.abschluss
	}
	return l
}

// vollstaendig reports whether the task's request has arrived with an
// outcome that ends it: not a transient fault, and processed.
func (p *phase) vollstaendig() bool {
	l := p.letzter()
	return l != nil && !voruebergehend(l.Ergebnis) && p.ausgang() != nil
}

// voruebergehend are the faults after which a product sends again: InGe
// unavailable, a server error, too many requests.
func voruebergehend(ergebnis string) bool {
	return ergebnis == "F301" || ergebnis == "F302" || ergebnis == "F303"
}

// nurLesend are the procedures that change nothing; a product may ask
// them at any time.
var nurLesend = []string{"Teilnehmerauskunft", "Kursauskunft", "LidPruefungAuskunft"}

// teile assigns a case's requests, in the order of the journal, to its
// tasks: each task takes the attempts answered with a transient fault and
// then one more, its request; an Auskunft that is not the task's own is
// allowed in between. What is left belongs to no task.
func teile(es []*eingang, aufgaben []*Aufgabe) (phasen []*phase, rest []*eingang) {
	var anfragen []*eingang
	for _, e := range es {
		if !e.vorbereitung && !e.nachtrag {
			anfragen = append(anfragen, e)
		}
	}
	i := 0
	for _, a := range aufgaben {
		ph := &phase{aufgabe: a}
		for i < len(anfragen) {
			e := anfragen[i]
			i++
			if slices.Contains(nurLesend, e.Operation) && e.Operation != a.Verfahren {
				ph.auskuenfte = append(ph.auskuenfte, e)
				continue
			}
			ph.versuche = append(ph.versuche, e)
			if !voruebergehend(e.Ergebnis) {
				break
			}
		}
		phasen = append(phasen, ph)
	}
	return phasen, anfragen[i:]
}

// regeln are what a run checks beyond the contract: the password type the
// product is set up for ("" accepts both).
type regeln struct {
	passwortArt wsse.PasswordMode
}

// pruefePhase checks what arrived for a task: a request of its procedure,
// valid under the contract, with the fields the task prescribes, and
// after a transient fault the same request again.
func pruefePhase(fall string, ph *phase, r regeln) []Befund {
	a := ph.aufgabe
	last := ph.letzter()
	if last == nil {
		return []Befund{{Fall: fall, Aufgabe: a.Nummer, Text: "Keine Anfrage " + a.Verfahren + " ist angekommen."}}
	}
	var out []Befund
	for _, e := range ph.versuche {
		out = append(out, pruefeAnfrage(fall, a.Nummer, e, r)...)
	}
	if last.Operation != a.Verfahren {
		out = append(out, Befund{Fall: fall, Aufgabe: a.Nummer, Anfrage: last.ID, Text: "Ihre Software hat ein anderes Verfahren gesendet.", Erwartet: a.Verfahren, Tatsaechlich: last.Operation})
		return out
	}
	if voruebergehend(last.Ergebnis) {
		out = append(out, Befund{Fall: fall, Aufgabe: a.Nummer, Anfrage: last.ID,
			Text: fmt.Sprintf("Nach dem Fault %s hat Ihre Software die Meldung nicht erneut gesendet: sie ist verloren.", last.Ergebnis)})
	}
	for _, e := range ph.versuche {
		if e.Operation != a.Verfahren {
			continue
		}
		// A field the XSD check found wrong is not found wrong twice.
		ungueltig := map[string]bool{}
		for _, b := range out {
			if b.Anfrage == e.ID && b.Feld != "" {
				ungueltig[b.Feld] = true
			}
		}
		for _, b := range pruefeFelder(fall, a.Nummer, e, a.Verfahren, a.Felder) {
			if !ungueltig[b.Feld] {
				out = append(out, b)
			}
		}
	}
	if last.Ergebnis == string(inge.StatusAngenommen) && last.abschluss == nil {
		out = append(out, Befund{Fall: fall, Aufgabe: a.Nummer, Anfrage: last.ID, Text: "Die während eines Ausfalls angenommene Meldung wurde noch nicht verarbeitet."})
	}
	return out
}

// pruefeRest judges what arrived for a case after its last task: an
// Auskunft is allowed, any other request is one too many, e.g. a message
// sent again after InGe had accepted it.
func pruefeRest(fall string, rest []*eingang) []Befund {
	var out []Befund
	for _, e := range rest {
		if slices.Contains(nurLesend, e.Operation) {
			continue
		}
		out = append(out, Befund{Fall: fall, Anfrage: e.ID, Text: fmt.Sprintf("Zu den Daten dieses Testfalls kam eine Anfrage %s mehr an, als der Testfall vorsieht (Ergebnis %s).", e.Operation, e.Ergebnis)})
	}
	return out
}

// pruefeFremdeDaten finds requests of a case that name the data of another
// case as well.
func pruefeFremdeDaten(fall string, es []*eingang) []Befund {
	var out []Befund
	for _, e := range es {
		if len(e.faelle) > 1 && !e.vorbereitung && !e.nachtrag {
			var andere []string
			for _, f := range e.faelle {
				if f != fall {
					andere = append(andere, f)
				}
			}
			out = append(out, Befund{Fall: fall, Anfrage: e.ID, Text: "Die Anfrage nennt auch Daten der Testfälle " + strings.Join(andere, ", ") + "; jeder Testfall darf nur seine eigenen Daten verwenden."})
		}
	}
	return out
}

// pruefeAnfrage checks one request as the contract and the run's rules
// want it: a readable envelope, a body valid under the XSD, the password
// type agreed, and an answer that is not a fault of the product's making.
func pruefeAnfrage(fall string, aufgabe int, e *eingang, r regeln) []Befund {
	b := func(feld, text string) Befund {
		return Befund{Fall: fall, Aufgabe: aufgabe, Anfrage: e.ID, Feld: feld, Text: text}
	}
	var out []Befund
	env, err := soap.ReadEnvelope(strings.NewReader(e.Anfrage), soap.Limits{}, wsse.IsSecurity)
	var se *soap.Error
	switch {
	case errors.As(err, &se):
		return []Befund{b("", "Die Anfrage ist kein gültiger SOAP-Umschlag: "+se.Grund())}
	case err != nil:
		return []Befund{b("", "Die Anfrage ließ sich nicht lesen: "+err.Error())}
	}
	body := env.Body
	if e.AnfrageKanonisch != "" {
		// The mock checked the product's request against its profile's
		// XSD (F108 otherwise); ours judges its canonical form.
		if body, err = soap.ReadElement(strings.NewReader(e.AnfrageKanonisch), soap.Limits{}); err != nil {
			return []Befund{b("", "Die Anfrage ließ sich nicht lesen: "+err.Error())}
		}
	}
	p, known := inge.Lookup(body.Name)
	if !known {
		return []Befund{b("", fmt.Sprintf("Das Element {%s}%s des Body ist keine Operation des Vertrags (Namensraum %s).", body.Name.Space, body.Name.Local, inge.Namespace))}
	}
	if _, err := p.Decode(body); err != nil {
		var schemaErr *inge.SchemaError
		if !errors.As(err, &schemaErr) {
			return append(out, b("", "Die Anfrage ließ sich nicht prüfen: "+err.Error()))
		}
		for _, ab := range schemaErr.Abweichungen {
			out = append(out, b(ab.Feld, "Nach dem Vertrag (XSD) ungültig: "+ab.Text))
		}
		if schemaErr.Weitere > 0 {
			out = append(out, b("", fmt.Sprintf("… und %d weitere Abweichungen vom Vertrag.", schemaErr.Weitere)))
		}
	}
	if want := r.passwortArt; want != 0 {
		if got := passwortArt(e.Anfrage); got != want {
			out = append(out, Befund{Fall: fall, Aufgabe: aufgabe, Anfrage: e.ID, Feld: "Security/UsernameToken/Password/@Type",
				Text: "Das Passwort ist nicht in der vereinbarten Art gesendet.", Erwartet: passwortName(want), Tatsaechlich: passwortName(got)})
		}
	}
	if strings.HasPrefix(e.Ergebnis, "F") && !voruebergehend(e.Ergebnis) && e.Ergebnis != "F108" {
		wo := ""
		if e.abgewiesen {
			wo = fmt.Sprintf(" (Eintrag %d im Journal der Sandbox %s: vor der Anmeldung kennt InGe die Sandbox nicht)", e.ID, standardSandbox)
		}
		out = append(out, b("", fmt.Sprintf("InGe hat die Anfrage mit dem Fault %s abgewiesen%s: %s", e.Ergebnis, wo, faultText(e.Antwort))))
	}
	return out
}

// passwortArt reads the type of the UsernameToken's password from a
// request (0 if there is none).
func passwortArt(anfrage string) wsse.PasswordMode {
	doc, err := xmlquery.Parse(strings.NewReader(anfrage))
	if err != nil {
		return 0
	}
	n := xmlquery.FindOne(doc, "//*[local-name()='UsernameToken']/*[local-name()='Password']")
	if n == nil {
		return 0
	}
	switch n.SelectAttr("Type") {
	case wsse.PasswordDigestType:
		return wsse.PasswordDigest
	case wsse.PasswordTextType, "":
		return wsse.PasswordText
	}
	return 0
}

// passwortName is the password type as WS-Security names it.
func passwortName(m wsse.PasswordMode) string {
	switch m {
	case wsse.PasswordDigest:
		return "PasswordDigest"
	case wsse.PasswordText:
		return "PasswordText"
	}
	return "keines"
}

// pruefeFelder checks that a request carries each prescribed field with
// its value, and not the fields that must be missing.
func pruefeFelder(fall string, aufgabe int, e *eingang, verfahren string, felder []Feldwert) []Befund {
	body := anfrageBody(e.anfrageInhalt())
	var tree []inge.Feld
	if p, ok := verfahrenNamed(verfahren); ok {
		tree = p.Felder()
	}
	var out []Befund
	for _, f := range felder {
		got, found := feldImXML(body, f.Feld)
		basis := ""
		if n, ok := feldAt(tree, f.Feld); ok && n.Typ != nil {
			basis = n.Typ.Basis
		}
		switch {
		case f.Fehlt && found:
			out = append(out, Befund{Fall: fall, Aufgabe: aufgabe, Anfrage: e.ID, Feld: f.Feld, Text: "Das Feld darf nicht gesendet werden.", Tatsaechlich: got})
		case !f.Fehlt && !found:
			out = append(out, Befund{Fall: fall, Aufgabe: aufgabe, Anfrage: e.ID, Feld: f.Feld, Text: "Das Feld fehlt.", Erwartet: f.Wert})
		case !f.Fehlt && !gleich(basis, got, f.Wert):
			out = append(out, Befund{Fall: fall, Aufgabe: aufgabe, Anfrage: e.ID, Feld: f.Feld, Text: "Das Feld trägt nicht die Angabe des Testfalls.", Erwartet: f.Wert, Tatsaechlich: got})
		}
	}
	return out
}

// gleich compares a value sent with the one prescribed in the type of the
// field, as the contract reads them: a date with a zone is that day, a
// boolean 1 is true, an int 05 is 5; anything else as text.
func gleich(basis, got, want string) bool {
	if got == want {
		return true
	}
	switch basis {
	case "xs:date":
		g, err1 := inge.Datum(got).Time()
		w, err2 := inge.Datum(want).Time()
		return err1 == nil && err2 == nil && g.Format(time.DateOnly) == w.Format(time.DateOnly)
	case "xs:boolean":
		g, err1 := strconv.ParseBool(got)
		w, err2 := strconv.ParseBool(want)
		return err1 == nil && err2 == nil && g == w
	case "xs:int":
		g, err1 := strconv.Atoi(got)
		w, err2 := strconv.Atoi(want)
		return err1 == nil && err2 == nil && g == w
	}
	return false
}

// anfrageBody is the element in the Body of a request, or nil.
func anfrageBody(anfrage string) *xmlquery.Node {
	doc, err := xmlquery.Parse(strings.NewReader(anfrage))
	if err != nil {
		return nil
	}
	if env := xmlquery.FindOne(doc, "/*[local-name()='Envelope']/*[local-name()='Body']/*[1]"); env != nil {
		return env
	}
	return xmlquery.FindOne(doc, "/*[1]") // a canonical request element of its own
}

// feldImXML finds the text at a field path below an element: steps by
// local name, [n] the n-th of that name, @Name an attribute.
func feldImXML(el *xmlquery.Node, path string) (string, bool) {
	cur := el
	for _, step := range strings.Split(path, "/") {
		if cur == nil {
			return "", false
		}
		if name, ok := strings.CutPrefix(step, "@"); ok {
			for _, a := range cur.Attr {
				if a.Name.Local == name {
					return strings.TrimSpace(a.Value), true
				}
			}
			return "", false
		}
		name, index := step, 1
		if n, rest, ok := strings.Cut(step, "["); ok {
			name = n
			index, _ = strconv.Atoi(strings.TrimSuffix(rest, "]"))
		}
		var next *xmlquery.Node
		seen := 0
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xmlquery.ElementNode && c.Data == name {
				if seen++; seen == index {
					next = c
					break
				}
			}
		}
		cur = next
	}
	if cur == nil {
		return "", false
	}
	return strings.TrimSpace(cur.InnerText()), true
}

// antwort is what an answer of InGe said: its status and Meldungen, or
// its fault; for a Sprachtestmeldung the reply about each candidate.
type antwort struct {
	Status         string
	Meldungen      []inge.Meldung
	Fault          string // the catalogue code of a fault
	Rueckmeldungen []rueckmeldung
}

type rueckmeldung struct {
	Status    string
	Meldungen []inge.Meldung
}

// leseAntwort reads an answer as the journal keeps it.
func leseAntwort(xmlText string) antwort {
	doc, err := xmlquery.Parse(bytes.NewReader([]byte(xmlText)))
	if err != nil {
		return antwort{}
	}
	var a antwort
	if f := xmlquery.FindOne(doc, "//*[local-name()='Fault']//*[local-name()='Fehler']/*[local-name()='Code']"); f != nil {
		a.Fault = strings.TrimSpace(f.InnerText())
		return a
	}
	resp := xmlquery.FindOne(doc, "/*[local-name()='Envelope']/*[local-name()='Body']/*[1]")
	if resp == nil {
		return a
	}
	if s := xmlquery.FindOne(resp, "./*[local-name()='Status']"); s != nil {
		a.Status = strings.TrimSpace(s.InnerText())
	}
	a.Meldungen = meldungenIn(resp)
	for _, r := range xmlquery.Find(resp, "./*[local-name()='Rueckmeldung']") {
		rm := rueckmeldung{Meldungen: meldungenIn(r)}
		if s := xmlquery.FindOne(r, "./*[local-name()='Status']"); s != nil {
			rm.Status = strings.TrimSpace(s.InnerText())
		}
		a.Rueckmeldungen = append(a.Rueckmeldungen, rm)
	}
	return a
}

// meldungenIn reads the Meldungen directly below an element.
func meldungenIn(el *xmlquery.Node) []inge.Meldung {
	var out []inge.Meldung
	for _, m := range xmlquery.Find(el, "./*[local-name()='Meldungen']/*[local-name()='Meldung']") {
		text := func(name string) string {
			if n := xmlquery.FindOne(m, "./*[local-name()='"+name+"']"); n != nil {
				return strings.TrimSpace(n.InnerText())
			}
			return ""
		}
		out = append(out, inge.Meldung{Code: text("Code"), Art: inge.MeldungArt(text("Art")), Feld: text("Feld"), Text: text("Text")})
	}
	return out
}

// faultText is the faultstring of a fault answer.
func faultText(xmlText string) string {
	doc, err := xmlquery.Parse(strings.NewReader(xmlText))
	if err != nil {
		return ""
	}
	if n := xmlquery.FindOne(doc, "//*[local-name()='faultstring']"); n != nil {
		return strings.TrimSpace(n.InnerText())
	}
	return ""
}
