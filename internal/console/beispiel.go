package console

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// quelle is what an example request is made of: the Testdatenpaket as the
// chosen user's Traeger sees it, the sandbox's today, and the courses and
// exams the mock has already handed out in the sandbox.
type quelle struct {
	traeger    testdaten.Traeger
	fall       *testdaten.Fall // the Traeger's first case with Kursorte and Lehrkraefte
	paket      *testdaten.Paket
	heute      time.Time // the sandbox's day, 00:00 UTC
	kurs       *bekannterKurs
	pruefung   string // the newest Pruefungsnummer, or ""
	bogenSerie int    // makes each example's Bogennummer new (it is reported once ever)
}

// bekannterKurs is a course the sandbox's journal shows as planned.
type bekannterKurs struct {
	Kurskennung string
	Kursbeginn  time.Time
}

// beispiel fills the form of p with an example from the Testdatenpaket:
// every mandatory field, the groups a procedure is hardly sent without
// (Teilnehmer, Lehrkraft, Einstufungstest), and the values the rules ask for
// (a course planned from today, taught Monday to Friday, an exam three weeks
// ahead). It is an example, not a promise: whether the mock stores it
// depends on the sandbox's state, as for any product.
func beispiel(p *inge.Procedure, q quelle) *formular {
	fm := newFormular()
	b := beispieler{fm: fm, q: q, proc: p.Name, person: q.person(p.Name)}
	b.felder(p.Felder(), "", "")
	return fm
}

type beispieler struct {
	fm     *formular
	q      quelle
	proc   string
	person testdaten.Person
}

// wanted are optional groups an example includes.
var wanted = []string{"Teilnehmer", "Lehrkraft", "Einstufungstest", "Ident", "Anschrift"}

func (b beispieler) felder(felder []inge.Feld, path, group string) {
	for _, f := range felder {
		p := join(path, f.Name)
		if f.Attribut() {
			if v := b.wert(f, p, group); v != "" {
				b.fm.werte[p] = v
			}
			continue
		}
		n := 1
		if f.Name == "Unterrichtszeit" {
			n = len(wochentage)
		}
		if f.Typ == nil && f.Min == 0 && !f.Pflicht && !slices.Contains(wanted, f.Name) {
			continue
		}
		if f.Wiederholbar() {
			b.fm.anzahl[p] = n
			for i := 1; i <= n; i++ {
				b.feld(f, indexed(p, i), group)
			}
			continue
		}
		b.feld(f, p, group)
	}
}

var (
	wochentage   = []string{"Mo", "Di", "Mi", "Do", "Fr"}
	occurrenceRE = regexp.MustCompile(`\[(\d+)\]/Wochentag$`)
)

func (b beispieler) feld(f inge.Feld, path string, group string) {
	switch {
	case f.Auswahl:
		alt := f.Felder[0]
		b.fm.wahl[path] = alt.Name
		b.felder(alt.Felder, join(path, alt.Name), alt.Name)
	case f.Typ != nil:
		if v := b.wert(f, path, group); v != "" {
			b.fm.werte[path] = v
		}
		for _, a := range f.Felder {
			if v := b.wert(a, join(path, a.Name), f.Name); v != "" {
				b.fm.werte[join(path, a.Name)] = v
			}
		}
	default:
		b.felder(f.Felder, path, f.Name)
	}
}

// beginn is the first day of the example's course: that of the newest
// course of the sandbox for the reports about a course, else today.
func (b beispieler) beginn() time.Time {
	if b.q.kurs != nil && b.proc != inge.KursplanungErfassen.Procedure().Name {
		return b.q.kurs.Kursbeginn
	}
	return b.q.heute
}

// abschnittsmeldung reports whether the procedure reports a later section.
func (b beispieler) abschnittsmeldung() bool {
	return b.proc == inge.KursabschnittsbeginnMelden.Procedure().Name || b.proc == inge.KursabschnittAktualisieren.Procedure().Name
}

func datum(t time.Time) string { return t.Format(time.DateOnly) }

// wert is the example value of the simple field f at path, in group (the
// name of the enclosing element), or "".
func (b beispieler) wert(f inge.Feld, path, group string) string {
	q, pe := b.q, b.person
	tag := func(days int) string { return datum(b.beginn().AddDate(0, 0, days)) }
	if strings.HasSuffix(path, "Aktenzeichen/@Art") {
		return b.kennziffer().Art
	}
	if f.Typ == nil {
		return ""
	}
	switch f.Typ.Basis {
	case "xs:date":
		switch f.Name {
		case "Geburtsdatum":
			return pe.Geburtsdatum
		case "Anmeldedatum", "Testdatum":
			return datum(q.heute)
		case "Kursbeginn":
			return tag(0)
		case "Kursende":
			return tag(33*7 - 3)
		case "Beginn":
			if b.abschnittsmeldung() {
				return tag(5 * 7)
			}
			return tag(0)
		case "Ende":
			if b.abschnittsmeldung() {
				return tag(10*7 - 3)
			}
			return tag(5*7 - 3)
		case "GueltigAb":
			return tag(5 * 7)
		case "Pruefungsdatum":
			return datum(q.heute.AddDate(0, 0, 21))
		}
		return ""
	case "xs:boolean", "xs:gYear":
		return ""
	}
	if f.Codeliste != "" {
		return b.code(f)
	}
	switch f.Name {
	case "Wochentag": // of the occurrence of Unterrichtszeit, Mo to Fr
		if m := occurrenceRE.FindStringSubmatch(path); m != nil {
			n, _ := strconv.Atoi(m[1])
			return wochentage[(n-1)%len(wochentage)]
		}
		return wochentage[0]
	case "Traegernummer":
		return q.traeger.Traegernummer
	case "Kurskennung":
		if q.kurs != nil {
			return q.kurs.Kurskennung
		}
	case "Pruefungsnummer":
		return q.pruefung
	case "Kursort", "Pruefungsort":
		if len(q.fall.Kursorte) == 0 {
			return ""
		}
		if f.Name == "Kursort" && group == "Aenderung" && len(q.fall.Kursorte) > 1 {
			return q.fall.Kursorte[1].Kennung
		}
		return q.fall.Kursorte[0].Kennung
	case "Lehrkraftkennung":
		if len(q.fall.Lehrkraefte) > 0 {
			return q.fall.Lehrkraefte[0].Kennung
		}
	case "Aktenzeichen":
		return b.kennziffer().Wert
	case "Familienname", "Vorname":
		if group == "Lehrkraft" {
			if len(q.fall.Lehrkraefte) == 0 {
				return ""
			}
			l := q.fall.Lehrkraefte[0]
			return map[string]string{"Familienname": l.Familienname, "Vorname": l.Vorname}[f.Name]
		}
		return map[string]string{"Familienname": pe.Familienname, "Vorname": pe.Vorname}[f.Name]
	case "Geburtsort":
		return pe.Geburtsort
	case "Strasse":
		return pe.Anschrift.Strasse
	case "Postleitzahl":
		return pe.Anschrift.Postleitzahl
	case "Ort":
		return pe.Anschrift.Ort
	case "Beginn", "Beginnzeit":
		if f.Name == "Beginnzeit" {
			return "09:00"
		}
		return "08:30"
	case "Ende":
		return "12:45"
	case "Unterrichtseinheiten":
		return "5"
	case "Wochenstunden", "TnrKursMax":
		return "25"
	case "Auftragsnummer":
		return "1234567" // the placeholder since 2023 (TRS 15/2022)
	case "Bogennummer":
		return fmt.Sprintf("0%06d", q.bogenSerie%1000000)
	case "Ausweisnummer":
		return "L01X00T47"
	case "Raumnummer":
		return "1.01"
	case "KontaktEmail":
		return "pruefung@example.org"
	case "Verwaltungsstandort":
		return q.traeger.Verwaltungsstandort
	case "Lieferadresse":
		return q.traeger.Lieferadresse
	}
	return ""
}

// code is the example value of a field with a code list.
func (b beispieler) code(f inge.Feld) string {
	pe := b.person
	switch f.Name {
	case "Kursart", "EmpfohleneKursart":
		return "01"
	case "Kursabschnitt", "BeginnKursabschnitt", "EmpfohlenerKursabschnitt":
		if b.abschnittsmeldung() || f.Name == "Kursabschnitt" && b.proc == inge.KursortaenderungMelden.Procedure().Name {
			return "2"
		}
		return "1"
	case "Geschlecht":
		return pe.Geschlecht
	case "Staatsangehoerigkeit":
		if len(pe.Staatsangehoerigkeit) > 0 {
			return pe.Staatsangehoerigkeit[0]
		}
	case "Staat":
		return pe.Anschrift.Staat
	case "Bundesland":
		return pe.Anschrift.Bundesland
	case "Bildungsstand":
		return "2" // ISCED 1 would ask for the Schuljahre (M2005)
	case "Nachmeldungsgrund":
		// A course has begun on its first day, so a plan of a course
		// beginning today is sent late and gives its reason (M3004).
		if b.proc == inge.KursplanungErfassen.Procedure().Name && !b.beginn().After(b.q.heute) {
			return b.ersterCode(f)
		}
		return ""
	}
	if !f.Pflicht && f.Min == 0 {
		return "" // an optional code, such as a Kostenbefreiungsgrund, asks for more
	}
	return b.ersterCode(f)
}

// ersterCode is the first code of f's code list, or "".
func (b beispieler) ersterCode(f inge.Feld) string {
	if l, ok := inge.CodelisteByID(f.Codeliste); ok && len(l.Codes) > 0 {
		return l.Codes[0].Schluessel
	}
	return ""
}

// kennziffer is the Aktenzeichen the example identifies its person with:
// the Wiederholer-Aktenzeichen for a repetition, else the BAMF one.
func (b beispieler) kennziffer() testdaten.Kennziffer {
	want := string(inge.AktenzeichenBAMF)
	if b.proc == inge.AnmeldungWiederholerverfahren.Procedure().Name {
		want = string(inge.AktenzeichenWiederholer)
	}
	for _, k := range b.person.Kennziffern {
		if k.Art == want {
			return k
		}
	}
	if len(b.person.Kennziffern) == 0 {
		return testdaten.Kennziffer{}
	}
	return b.person.Kennziffern[0]
}

// person chooses the example's person: for a registration one the Traeger
// has not registered yet (in the Wiederholerverfahren one admitted to
// repeat), else the first person of the Traeger's case.
func (q quelle) person(proc string) testdaten.Person {
	registered := func(p testdaten.Person) bool {
		return slices.ContainsFunc(p.Anmeldungen, func(a testdaten.Anmeldung) bool { return a.Traegernummer == q.traeger.Traegernummer })
	}
	hasArt := func(p testdaten.Person, art inge.AktenzeichenArt) bool {
		return slices.ContainsFunc(p.Kennziffern, func(k testdaten.Kennziffer) bool { return k.Art == string(art) })
	}
	var pick func(testdaten.Person) bool
	switch proc {
	case inge.AnmeldungErstverfahren.Procedure().Name:
		pick = func(p testdaten.Person) bool { return !registered(p) && hasArt(p, inge.AktenzeichenBAMF) }
	case inge.AnmeldungWiederholerverfahren.Procedure().Name:
		pick = func(p testdaten.Person) bool { return registered(p) && hasArt(p, inge.AktenzeichenWiederholer) }
	}
	if pick != nil {
		for _, f := range q.paket.Faelle {
			for _, p := range f.Personen {
				if f.Traegernummer == q.traeger.Traegernummer && pick(p) {
					return p
				}
			}
		}
	}
	if q.fall != nil && len(q.fall.Personen) > 0 {
		return q.fall.Personen[0]
	}
	return testdaten.Person{}
}

// fallFuer returns the Traeger's first case with Kursorte and Lehrkraefte,
// the one its examples and pickers draw on; nil if it has none.
func fallFuer(p *testdaten.Paket, traegernummer string) *testdaten.Fall {
	for i, f := range p.Faelle {
		if f.Traegernummer == traegernummer && len(f.Kursorte) > 0 && len(f.Lehrkraefte) > 0 {
			return &p.Faelle[i]
		}
	}
	return nil
}
