package mockstate

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursauskunft returns what BAMF holds on one of the caller's courses: before
// the Kursbeginnmeldung the active plan, afterwards the course data as last
// reported, and never Kursart, Beginn-Kursabschnitt or Zusatzangaben (quelle:Q-KA).
// Announced Kursort changes show in the sections they concern.
func kursauskunft(ctx context.Context, tx *Tx, c *call, r *inge.KursauskunftAnfrage) (inge.Response, error) {
	resp := &inge.KursauskunftAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil {
		return resp, err
	}
	if k.beginn == nil {
		resp.Kurs = planAuskunft(k)
	} else {
		resp.Kurs = kursAuskunft(k)
	}
	return resp, nil
}

func planAuskunft(k *kurs) *inge.Kursdaten {
	p := k.planung
	d := &inge.Kursdaten{
		Kurskennung: k.kennung, Traegernummer: k.traegernummer, Kursstatus: k.status,
		Kursbeginn: p.Kursbeginn, Kursende: p.Kursende, Kursort: p.Kursort,
		Wochenstunden: p.Wochenstunden, Unterrichtszeit: p.Unterrichtszeit, Unterbrechung: p.Unterbrechung,
		UnterbrechungSchulferien: p.UnterbrechungSchulferien, TnrKursMax: p.TnrKursMax,
		Teilnehmer: p.Teilnehmer, Lehrkraft: p.Lehrkraft,
	}
	for _, a := range p.Abschnitt {
		d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{
			Kursabschnitt: a.Kursabschnitt, Beginn: a.Beginn, Ende: a.Ende, Kursort: k.kursortVon(a.Kursabschnitt, a.Kursort),
		})
	}
	for _, a := range k.aenderungen {
		if !planned(p, a.Kursabschnitt) {
			d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{Kursabschnitt: a.Kursabschnitt, Beginn: a.GueltigAb, Kursort: a.Kursort})
		}
	}
	return d
}

func kursAuskunft(k *kurs) *inge.Kursdaten {
	b := k.beginn
	last := k.letzterAbschnitt().daten
	d := &inge.Kursdaten{
		Kurskennung: k.kennung, Traegernummer: k.traegernummer, Kursstatus: k.status,
		Kursbeginn: b.Beginn, Kursende: b.Kursende, Kursort: last.Kursort,
		Wochenstunden: last.Wochenstunden, Unterrichtszeit: last.Unterrichtszeit, Unterbrechung: last.Unterbrechung,
		UnterbrechungSchulferien: last.UnterbrechungSchulferien, TnrKursMax: last.TnrKursMax,
		Lehrkraft: last.Lehrkraft,
	}
	for _, t := range last.Teilnehmer {
		d.Teilnehmer = append(d.Teilnehmer, inge.PlanTeilnehmer{Ident: &t, Kursabschnitt: last.Kursabschnitt})
	}
	for _, a := range k.abschnitte {
		x := a.daten
		d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{
			Kursabschnitt: x.Kursabschnitt, Beginn: x.Beginn, Ende: x.Ende, Kursort: x.Kursort, BeginnGemeldet: true,
			Lehrkraft: x.Lehrkraft, Lehrwerk: x.Lehrwerk, Teilnehmer: x.Teilnehmer, VorzeitigesKursende: x.VorzeitigesKursende,
		})
	}
	for _, a := range k.aenderungen {
		if _, begun := k.abschnitt(a.Kursabschnitt); !begun {
			d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{Kursabschnitt: a.Kursabschnitt, Beginn: a.GueltigAb, Kursort: a.Kursort})
		}
	}
	return d
}

// kursortVon returns the Kursort of a section: an announced change, or the
// planned one.
func (k *kurs) kursortVon(abschnitt, geplant string) string {
	for _, a := range k.aenderungen {
		if a.Kursabschnitt == abschnitt {
			return a.Kursort
		}
	}
	return geplant
}

func planned(p inge.Kursplanung, abschnitt string) bool {
	for _, a := range p.Abschnitt {
		if a.Kursabschnitt == abschnitt {
			return true
		}
	}
	return false
}
