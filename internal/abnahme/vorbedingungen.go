package abnahme

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// The preconditions of a case: what BAMF's system holds before the
// operator starts. The first pass makes them, as the tool's own users of
// the case's Traeger (or of the other Traeger), each on its own day of the
// sandbox's clock; the second finds what they made in the journal, since
// an evaluation runs in another process than the preparation.

const datum = `(\d{2}\.\d{2}\.\d{4})`

var quoted = regexp.MustCompile(`"([^"]+)"`)

func (w *welt) registerVorbedingungen(sc *godog.ScenarioContext) {
	sc.Step(`^der Abnahmetag ist der `+datum+`$`, w.abnahmetag)
	sc.Step(`^Sie verwenden nur die Daten des Testfalls "([^"]*)"$`, w.datenDesTestfalls)
	sc.Step(`^am `+datum+` ist ein Kurs dieses Testfalls geplant mit Kursbeginn am `+datum+`$`, w.kursGeplant)
	sc.Step(`^am `+datum+` ist der Kursbeginn dieses Kurses gemeldet$`, w.kursbeginnGemeldet)
	sc.Step(`^am `+datum+` ist der Beginn des Kursabschnitts "([^"]*)" gemeldet(?: mit vorzeitigem Kursende "([^"]*)")?$`, w.abschnittGemeldet)
	sc.Step(`^am `+datum+` ist die Kursplanung dieses Kurses storniert$`, w.kursStorniert)
	sc.Step(`^am `+datum+` hat ein anderer Kursträger einen Kurs mit den Personen dieses Testfalls geplant$`, w.andererKurs)
	sc.Step(`^am `+datum+` ist eine LiD-Prüfung dieses Testfalls für den `+datum+` erfasst$`, w.lidErfasst)
	sc.Step(`^am `+datum+` ist diese LiD-Prüfung storniert$`, w.lidStorniert)
	sc.Step(`^am `+datum+` (?:ist|sind) (.+) zu dieser LiD-Prüfung gemeldet$`, w.lidGemeldet)
	sc.Step(`^am `+datum+` ist der Sprachtest von "([^"]*)" mit der Bogennummer "([^"]*)" gemeldet$`, w.sprachtestGemeldet)
	sc.Step(`^InGe ist beim ersten Versuch mit den Daten "([^"]*)" nicht erreichbar$`, w.ausfallBeimErstenVersuch)
	sc.Step(`^die (Kurskennung|Prüfungsnummer) "([^"]*)" gibt es nicht$`, w.gibtEsNicht)
}

func (w *welt) abnahmetag(string) error {
	w.schritt.Status = statusVorbereitet
	return nil // leseHeft has checked that all cases name the same day
}

// datenDesTestfalls opens a case. Its preparation begins with a marker in
// the journal, a Kursauskunft by the tool's user that names the case's ID
// as Kurskennung (InGe knows none such and says M3002), so that an
// evaluation later knows which cases the sandbox was prepared for; a case
// without one is not judged (NichtVorbereitet).
func (w *welt) datenDesTestfalls(ctx context.Context, id string) error {
	w.schritt.Status = statusVorbereitet
	if id != w.info.ID {
		return fmt.Errorf("der Testfall %s nennt die Daten von %s", w.info.ID, id)
	}
	markierung := &inge.KursauskunftAnfrage{Kurskennung: w.info.ID}
	markierung.Mandant.Traegernummer = w.fall.Traegernummer
	if w.pass == passVorbereitung {
		c, err := w.l.vorbereitungsClient(w.fall.Traegernummer)
		if err != nil {
			return err
		}
		if err := c.Call(ctx, inge.Kursauskunft.Procedure(), markierung, &inge.KursauskunftAntwort{}); err != nil {
			return fmt.Errorf("Markierung des Testfalls im Journal: %w", err)
		}
		return nil
	}
	for _, e := range w.l.zuo.des(w.info.ID) {
		if e.vorbereitung && e.Operation == inge.Kursauskunft.Procedure().Name {
			return nil
		}
	}
	if w.l.cfg.Modus == Auswerten {
		w.nichtVorbereitet = true
		return nil
	}
	return fmt.Errorf("die Markierung des Testfalls fehlt im Journal der Sandbox %s", w.l.zugang.Sandbox)
}

// tag parses a day of the Testfallheft.
func tag(d string) (time.Time, error) {
	t, err := time.ParseInLocation("02.01.2006", d, berlin)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q ist kein Tag TT.MM.JJJJ", d)
	}
	return t, nil
}

// vorbereiten makes one precondition: in the first pass it sends req as
// the tool's user of the Traeger on the day, which must be stored; in the
// later passes it finds that request of the case in the journal. It
// returns the answer's text of the element named wanted ("" for none).
func (w *welt) vorbereiten(ctx context.Context, am string, traegernummer string, req inge.Request, wanted string) (string, error) {
	w.schritt.Status = statusVorbereitet
	p, err := inge.ProcedureOf(req)
	if err != nil {
		return "", err
	}
	req.Base().Mandant.Traegernummer = traegernummer
	if w.pass == passVorbereitung {
		t, err := tag(am)
		if err != nil {
			return "", err
		}
		if t.After(w.l.abnahmetag) {
			return "", fmt.Errorf("die Vorbereitung am %s liegt nach dem Abnahmetag", am)
		}
		if err := w.l.admin.FreezeClock(ctx, w.l.zugang.Sandbox, t.Add(9*time.Hour)); err != nil {
			return "", err
		}
		c, err := w.l.vorbereitungsClient(traegernummer)
		if err != nil {
			return "", err
		}
		var raw []byte
		c.Observe = func(ex inge.Exchange) {
			raw = ex.Response
			if ex.Canonical != nil { // through a profile: the answer as ours writes it
				raw = ex.Canonical
			}
		}
		resp := p.NewResponse()
		if err := c.Call(ctx, p, req, resp); err != nil {
			return "", fmt.Errorf("Vorbereitung %s am %s: %w", p.Name, am, err)
		}
		if st := resp.Base().Status; st != inge.StatusVerarbeitet {
			return "", fmt.Errorf("Vorbereitung %s am %s: %s %v", p.Name, am, st, resp.Base().List())
		}
		return first(elementTexte(raw, wanted)), nil
	}
	user := w.l.vorbereitung[traegernummer].Name
	key := p.Name + " " + user
	n := 0
	for _, e := range w.l.zuo.des(w.info.ID) {
		if !e.vorbereitung || e.Operation != p.Name || e.Benutzer != user {
			continue
		}
		if n == w.cursor[key] {
			w.cursor[key]++
			return first(elementTexte([]byte(e.Antwort), wanted)), nil
		}
		n++
	}
	if w.l.cfg.Modus == Auswerten {
		// The sandbox was prepared with another selection of cases: this
		// one is not part of its acceptance.
		w.nichtVorbereitet = true
		return "", nil
	}
	return "", fmt.Errorf("die Vorbereitung %s fehlt im Journal der Sandbox %s (ist sie mit certrunner -abnahme -vorbereiten vorbereitet?)", p.Name, w.l.zugang.Sandbox)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func (w *welt) vorbereitet(format string, args ...any) {
	w.erg.Vorbereitet = append(w.erg.Vorbereitet, fmt.Sprintf(format, args...))
}

// kursGeplant plans the case's course (testdaten.Fall.Kursplanung, a
// general course); a plan captured on or after its start gives a reason.
func (w *welt) kursGeplant(ctx context.Context, am, beginn string) error {
	b, err := tag(beginn)
	if err != nil {
		return err
	}
	plan, err := w.fall.Kursplanung("01", b)
	if err != nil {
		return err
	}
	if t, err := tag(am); err == nil && !b.After(t) {
		plan.Nachmeldungsgrund = "01"
	}
	w.plan = &plan
	kennung, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, &inge.KursplanungErfassenAnfrage{Kursplanung: plan}, "Kurskennung")
	if err != nil {
		return err
	}
	w.bezug["Kurskennung"] = kennung
	w.vorbereitet("Am %s wurde der Kurs %s dieses Testfalls geplant, mit Kursbeginn am %s.", am, kennung, beginn)
	return nil
}

// abschnittsdaten are the data of a section of the case's course.
func (w *welt) abschnittsdaten(abschnitt string) (inge.Kursabschnittsdaten, error) {
	if w.plan == nil {
		return inge.Kursabschnittsdaten{}, fmt.Errorf("der Testfall hat noch keinen Kurs geplant")
	}
	lw, err := w.l.paket.LehrwerkFuer(w.plan.Kursart)
	if err != nil {
		return inge.Kursabschnittsdaten{}, err
	}
	d, ok := testdaten.Abschnittsdaten(w.plan, abschnitt, lw)
	if !ok {
		return inge.Kursabschnittsdaten{}, fmt.Errorf("der Kurs hat keinen Kursabschnitt %s", abschnitt)
	}
	return d, nil
}

func (w *welt) kursbeginnGemeldet(ctx context.Context, am string) error {
	d, err := w.abschnittsdaten(w.planOrEmpty().BeginnKursabschnitt)
	if err != nil {
		return err
	}
	d.Beginn = w.plan.Kursbeginn
	req := &inge.KursbeginnMeldenAnfrage{Kurskennung: w.bezug["Kurskennung"], Kursbeginn: inge.Kursbeginndaten{Kursabschnittsdaten: d, Kursart: w.plan.Kursart, Kursende: w.plan.Kursende}}
	if _, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, req, ""); err != nil {
		return err
	}
	w.vorbereitet("Am %s wurde der Kursbeginn gemeldet.", am)
	return nil
}

func (w *welt) planOrEmpty() *inge.Kursplanung {
	if w.plan == nil {
		return &inge.Kursplanung{}
	}
	return w.plan
}

func (w *welt) abschnittGemeldet(ctx context.Context, am, abschnitt, kursende string) error {
	d, err := w.abschnittsdaten(abschnitt)
	if err != nil {
		return err
	}
	d.VorzeitigesKursende = kursende
	req := &inge.KursabschnittsbeginnMeldenAnfrage{Kurskennung: w.bezug["Kurskennung"], Abschnitt: d}
	if _, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, req, ""); err != nil {
		return err
	}
	if kursende != "" {
		w.vorbereitet("Am %s wurde der Beginn des Kursabschnitts %s gemeldet, mit vorzeitigem Kursende %s.", am, abschnitt, kursende)
	} else {
		w.vorbereitet("Am %s wurde der Beginn des Kursabschnitts %s gemeldet.", am, abschnitt)
	}
	return nil
}

func (w *welt) kursStorniert(ctx context.Context, am string) error {
	req := &inge.KursplanungStornierenAnfrage{Kurskennung: w.bezug["Kurskennung"], Stornierungsgrund: "01"}
	if _, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, req, ""); err != nil {
		return err
	}
	w.vorbereitet("Am %s wurde die Kursplanung storniert.", am)
	return nil
}

// andererKurs lets the other Traeger of the package plan a course with the
// case's persons at a Kursort and with a Lehrkraft of its own; its
// Kurskennung is <Kurskennung des anderen Kursträgers>.
func (w *welt) andererKurs(ctx context.Context, am string) error {
	var anderer *testdaten.Fall
	for i := range w.l.paket.Faelle {
		f := &w.l.paket.Faelle[i]
		if f.Traegernummer != w.fall.Traegernummer && len(f.Kursorte) > 0 && len(f.Lehrkraefte) > 0 && !strings.HasPrefix(f.ID, "TF-") {
			anderer = f
			break
		}
	}
	if anderer == nil {
		return fmt.Errorf("das Testdatenpaket hat keinen anderen Kursträger mit Kursort und Lehrkraft")
	}
	f := *w.fall
	f.Traegernummer, f.Kursorte, f.Lehrkraefte = anderer.Traegernummer, anderer.Kursorte[:1], anderer.Lehrkraefte[:1]
	t, err := tag(am)
	if err != nil {
		return err
	}
	plan, err := f.Kursplanung("01", t.AddDate(0, 0, 91))
	if err != nil {
		return err
	}
	kennung, err := w.vorbereiten(ctx, am, anderer.Traegernummer, &inge.KursplanungErfassenAnfrage{Kursplanung: plan}, "Kurskennung")
	if err != nil {
		return err
	}
	w.bezug["Kurskennung des anderen Kursträgers"] = kennung
	w.vorbereitet("Am %s hat der Kursträger %s den Kurs %s mit den Personen dieses Testfalls geplant.", am, anderer.Traegernummer, kennung)
	return nil
}

func (w *welt) lidErfasst(ctx context.Context, am, pruefungstag string) error {
	t, err := tag(pruefungstag)
	if err != nil {
		return err
	}
	tr, ok := w.l.paket.TraegerByNummer(w.fall.Traegernummer)
	if !ok {
		return fmt.Errorf("Kursträger %s fehlt im Testdatenpaket", w.fall.Traegernummer)
	}
	pr, err := w.fall.LidPruefung(tr, t)
	if err != nil {
		return err
	}
	nr, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, &inge.LidPruefungErfassenAnfrage{Pruefung: pr}, "Pruefungsnummer")
	if err != nil {
		return err
	}
	w.bezug["Prüfungsnummer"] = nr
	w.vorbereitet("Am %s wurde die LiD-Prüfung %s für den %s am Prüfungsort %s erfasst.", am, nr, pruefungstag, pr.Pruefungsort)
	return nil
}

func (w *welt) lidStorniert(ctx context.Context, am string) error {
	req := &inge.LidPruefungStornierenAnfrage{Pruefungsnummer: w.bezug["Prüfungsnummer"], Grund: "01"}
	if _, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, req, ""); err != nil {
		return err
	}
	w.vorbereitet("Am %s wurde die LiD-Prüfung storniert.", am)
	return nil
}

// lidGemeldet reports the persons named in quotes to the case's exam.
func (w *welt) lidGemeldet(ctx context.Context, am, personen string) error {
	req := &inge.LidTeilnehmendeMeldenAnfrage{Pruefungsnummer: w.bezug["Prüfungsnummer"]}
	var names []string
	for _, m := range quoted.FindAllStringSubmatch(personen, -1) {
		pe, art, ok := personDes(w.fall, m[1])
		if !ok {
			return fmt.Errorf("%q ist keine Person des Testfalls", m[1])
		}
		id, err := pe.IdentDerArt(art)
		if err != nil {
			return err
		}
		req.Pruefling = append(req.Pruefling, inge.LidPruefling{Ident: id})
		names = append(names, m[1])
	}
	if len(names) == 0 {
		return fmt.Errorf("keine Person in Anführungszeichen in %q", personen)
	}
	if _, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, req, ""); err != nil {
		return err
	}
	w.vorbereitet("Am %s wurden zur LiD-Prüfung gemeldet: %s.", am, strings.Join(names, "; "))
	return nil
}

// sprachtestGemeldet reports a candidate's DTZ sheet for the case's course.
func (w *welt) sprachtestGemeldet(ctx context.Context, am, name, bogennummer string) error {
	pe, art, ok := personDes(w.fall, name)
	if !ok {
		return fmt.Errorf("%q ist keine Person des Testfalls", name)
	}
	id, err := pe.IdentDerArt(art)
	if err != nil {
		return err
	}
	req := &inge.SprachtestMeldenAnfrage{Sprachtest: inge.Sprachtest{
		Auftragsnummer: "1234567", Testdatum: inge.Datum(aufDemDraht(am)), Kurskennung: w.bezug["Kurskennung"],
		Pruefling: []inge.Sprachtestpruefling{{Ident: id, Familienname: pe.Familienname, Vorname: pe.Vorname, Bogennummer: bogennummer,
			Ausweisnummer: "P" + strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, id.Aktenzeichen.Wert)[:7],
			Anschrift: &inge.Anschrift{Strasse: pe.Anschrift.Strasse, Postleitzahl: pe.Anschrift.Postleitzahl, Ort: pe.Anschrift.Ort, Staat: pe.Anschrift.Staat, Bundesland: pe.Anschrift.Bundesland}}},
	}}
	if _, err := w.vorbereiten(ctx, am, w.fall.Traegernummer, req, ""); err != nil {
		return err
	}
	w.vorbereitet("Am %s wurde der Sprachtest von %s mit der Bogennummer %s gemeldet.", am, name, bogennummer)
	return nil
}

// ausfallBeimErstenVersuch makes InGe unavailable for the first request
// that names the datum, one of the case's.
func (w *welt) ausfallBeimErstenVersuch(datum string) error {
	w.schritt.Status = statusVorbereitet
	if w.pass == passVorbereitung {
		w.l.gezielt = append(w.l.gezielt, mockadmin.GezielterAusfall{Daten: datum, Anfragen: 1})
	}
	w.hinweise = append(w.hinweise, "InGe ist bei Ihrem ersten Versuch nicht erreichbar (Fault F301, HTTP 503). Ihre Software soll die Meldung nicht verlieren: erneut senden, sobald InGe erreichbar ist, oder asynchron übermitteln.")
	w.vorbereitet("InGe ist beim ersten Versuch mit den Daten %s nicht erreichbar.", datum)
	return nil
}

// gibtEsNicht names an identifier that no course or exam has, as a
// product might send it mistyped: it is the case's (heft.unbekannt), and a
// reference <Kurskennung> or <Prüfungsnummer> of the case.
func (w *welt) gibtEsNicht(was, wert string) error {
	w.schritt.Status = statusVorbereitet
	w.bezug[was] = wert
	w.vorbereitet("Die %s %s gibt es nicht.", was, wert)
	return nil
}
