package testdaten

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// UEProWoche is the teaching load of a planned week: a section of 100 UE
// takes four weeks.
const UEProWoche = 25

// Kursplanung builds a complete, valid plan of a course of the Kursart
// from the test case: every section of the Kursart in order, each at 25 UE
// a week from Monday to Friday (four weeks for 100 UE), at the case's
// first Kursort, with all its Lehrkraefte and all its persons from the
// first section on.
func (f *Fall) Kursplanung(kursart string, beginn time.Time) (inge.Kursplanung, error) {
	struktur, ok := inge.KursstrukturOf(kursart)
	if !ok {
		return inge.Kursplanung{}, fmt.Errorf("Kursart %q hat keine Kursstruktur", kursart)
	}
	if len(f.Kursorte) == 0 || len(f.Personen) == 0 {
		return inge.Kursplanung{}, fmt.Errorf("Testfall %s hat keinen Kursort oder keine Personen", f.ID)
	}
	ort := f.Kursorte[0]
	k := inge.Kursplanung{
		Kursart:             kursart,
		BeginnKursabschnitt: struktur.Abschnitte[0],
		Kursbeginn:          inge.DatumOf(beginn),
		Kursort:             ort.Kennung,
		Wochenstunden:       new(UEProWoche),
		TnrKursMax:          new(max(20, len(f.Personen))),
		Zusatzangaben:       &inge.Zusatzangaben{Barrierefreiheit: new(ort.Barrierefrei), Kinderbeaufsichtigung: new(false)},
	}
	start := beginn
	for _, a := range struktur.Abschnitte {
		ue := struktur.UE
		if a == "OK" {
			ue = struktur.UEOrientierung
		}
		wochen := max(1, (ue+UEProWoche-1)/UEProWoche)
		ende := start.AddDate(0, 0, 7*wochen-3) // the Friday of the last week
		k.Abschnitt = append(k.Abschnitt, inge.GeplanterAbschnitt{
			Kursabschnitt: a, Beginn: inge.DatumOf(start), Ende: inge.DatumOf(ende), Kursort: ort.Kennung,
		})
		k.Kursende = inge.DatumOf(ende)
		start = start.AddDate(0, 0, 7*wochen)
	}
	for _, tag := range []inge.Wochentag{"Mo", "Di", "Mi", "Do", "Fr"} {
		k.Unterrichtszeit = append(k.Unterrichtszeit, inge.Unterrichtszeit{
			Wochentag: tag, Beginn: "08:30", Ende: "12:45", PauseBeginn: "10:00", PauseEnde: "10:15", Unterrichtseinheiten: new(5),
		})
	}
	for _, p := range f.Personen {
		k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: p.Ident()})
	}
	for _, l := range f.Lehrkraefte {
		k.Lehrkraft = append(k.Lehrkraft, inge.Lehrkraft{Lehrkraftkennung: l.Kennung, Familienname: l.Familienname, Vorname: l.Vorname})
	}
	return k, nil
}

// Abschnittsdaten derives valid data of a planned section from a plan: its
// planned dates and Kursort, the plan's teaching times and TnrKursMax, the
// plan's first Lehrkraft, the Lehrwerk, and the participants who joined by
// this section (all of the plan's if none has yet). ok is false for a
// section the plan lacks.
func Abschnittsdaten(plan *inge.Kursplanung, abschnitt, lehrwerk string) (d inge.Kursabschnittsdaten, ok bool) {
	i := slices.IndexFunc(plan.Abschnitt, func(a inge.GeplanterAbschnitt) bool { return a.Kursabschnitt == abschnitt })
	if i < 0 {
		return inge.Kursabschnittsdaten{}, false
	}
	a := plan.Abschnitt[i]
	d = inge.Kursabschnittsdaten{
		Kursabschnitt:   abschnitt,
		Beginn:          a.Beginn,
		Ende:            a.Ende,
		Kursort:         cmp.Or(a.Kursort, plan.Kursort),
		Wochenstunden:   plan.Wochenstunden,
		Unterrichtszeit: plan.Unterrichtszeit,
		TnrKursMax:      plan.TnrKursMax,
		Lehrwerk:        []string{lehrwerk},
		Teilnehmer:      TeilnehmerBis(plan, abschnitt),
	}
	if len(plan.Lehrkraft) > 0 {
		d.Lehrkraft = plan.Lehrkraft[:1]
	}
	return d, true
}

// TeilnehmerBis are the participants of a plan who joined by the section
// (in the order of the Kursart), or all of them if none has yet.
func TeilnehmerBis(plan *inge.Kursplanung, abschnitt string) []inge.TeilnehmerIdent {
	var out []inge.TeilnehmerIdent
	if struktur, ok := inge.KursstrukturOf(plan.Kursart); ok {
		pos := struktur.Position(abschnitt)
		for _, t := range plan.Teilnehmer {
			ein := cmp.Or(t.Kursabschnitt, plan.BeginnKursabschnitt)
			if pos >= 0 && struktur.Position(ein) <= pos && t.Ident != nil {
				out = append(out, *t.Ident)
			}
		}
	}
	if len(out) == 0 {
		for _, t := range plan.Teilnehmer {
			if t.Ident != nil {
				out = append(out, *t.Ident)
			}
		}
	}
	return out
}

// LehrwerkFuer returns the first Lehrwerk of the package approved for the
// Kursart.
func (p *Paket) LehrwerkFuer(kursart string) (string, error) {
	for _, l := range p.Lehrwerke {
		if slices.Contains(l.Kursarten, kursart) {
			return l.Kennung, nil
		}
	}
	return "", fmt.Errorf("kein Lehrwerk im Testdatenpaket ist für die Kursart %s zugelassen", kursart)
}

// What a LiD exam of the Testdatenpaket has that its cases do not give.
const (
	LidBeginnzeit   = "10:00"
	LidRaumnummer   = "1.07"
	LidKontaktEmail = "lid-pruefung@kurstraeger.example"
)

// LidPruefung builds a complete LiD exam on the day at the case's first
// Kursort, with the Verwaltungsstandort and Lieferadresse of the Traeger.
func (f *Fall) LidPruefung(t *Traeger, tag time.Time) (inge.LidPruefung, error) {
	if len(f.Kursorte) == 0 {
		return inge.LidPruefung{}, fmt.Errorf("Testfall %s hat keinen Kursort für die Prüfung", f.ID)
	}
	return inge.LidPruefung{
		Pruefungsdatum:      inge.DatumOf(tag),
		Beginnzeit:          LidBeginnzeit,
		Pruefungsort:        f.Kursorte[0].Kennung,
		Raumnummer:          LidRaumnummer,
		KontaktEmail:        LidKontaktEmail,
		Verwaltungsstandort: t.Verwaltungsstandort,
		Lieferadresse:       t.Lieferadresse,
	}, nil
}
