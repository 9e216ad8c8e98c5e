package mockstate

import (
	"context"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// kursauskunft returns what BAMF holds on one of the caller's courses: before
// the Kursbeginnmeldung the active plan, afterwards the course data as last
// reported, and never Kursart, Beginn-Kursabschnitt or Zusatzangaben (quelle:Q-KA).
// A cancelled plan is no active plan: "afterwards the planning cannot be
// used any more" (quelle:Q-KP), so it is answered with KursplanungIstStorniert.
// Announced Kursort changes show in the sections they concern.
func kursauskunft(ctx context.Context, tx *Tx, c *call, r *inge.KursauskunftAnfrage) (inge.Response, error) {
	resp := &inge.KursauskunftAntwort{}
	k, err := ownKurs(ctx, tx, c, r.Kurskennung, "Kurskennung")
	if err != nil || k == nil || !usable(c, k, "Kurskennung") {
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
		ort, weitere := k.kursorteVon(a.Kursabschnitt, a.Kursort, a.WeitererKursort)
		d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{
			Kursabschnitt: a.Kursabschnitt, Beginn: a.Beginn, Ende: a.Ende, Kursort: ort, WeitererKursort: weitere,
		})
	}
	for _, a := range k.aenderungen {
		if !planned(p, a.Kursabschnitt) {
			d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{Kursabschnitt: a.Kursabschnitt, Beginn: a.GueltigAb, Kursort: a.Kursort, WeitererKursort: a.WeitererKursort})
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
			Kursabschnitt: x.Kursabschnitt, Beginn: x.Beginn, Ende: x.Ende, Kursort: x.Kursort, WeitererKursort: x.WeitererKursort, BeginnGemeldet: true,
			Lehrkraft: x.Lehrkraft, Lehrwerk: x.Lehrwerk, Teilnehmer: x.Teilnehmer, VorzeitigesKursende: x.VorzeitigesKursende,
		})
	}
	for _, a := range k.aenderungen {
		if _, begun := k.abschnitt(a.Kursabschnitt); !begun {
			d.Abschnitt = append(d.Abschnitt, inge.AuskunftAbschnitt{Kursabschnitt: a.Kursabschnitt, Beginn: a.GueltigAb, Kursort: a.Kursort, WeitererKursort: a.WeitererKursort})
		}
	}
	return d
}

// kursorteVon returns the Kursorte of a section: an announced change, or the
// planned ones.
func (k *kurs) kursorteVon(abschnitt, geplant string, weitere []string) (string, []string) {
	for _, a := range k.aenderungen {
		if a.Kursabschnitt == abschnitt {
			return a.Kursort, a.WeitererKursort
		}
	}
	return geplant, weitere
}

func planned(p inge.Kursplanung, abschnitt string) bool {
	for _, a := range p.Abschnitt {
		if a.Kursabschnitt == abschnitt {
			return true
		}
	}
	return false
}
