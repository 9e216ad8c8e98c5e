package certrun

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// lidStand is what a scenario knows of its LiD exam: the exam as the mock
// stored it and the candidates it took. Requests are derived from it, so a
// scenario says only what differs from a valid message.
type lidStand struct {
	w        *world
	nummer   string            // the exam the scenario talks about
	vorige   string            // the Pruefungsnummer before nummer, if any
	pruefung *inge.LidPruefung // as stored; nil until an exam was stored
	gemeldet []inge.LidPruefling

	// erwartet are the candidates of the prepared LidTeilnehmendeMelden as
	// the Auskunft returns them once stored: identified persons by
	// Geburtsdatum and BAMF Personenkennziffer, Selbstzahler as sent.
	erwartet []inge.LidPruefling
	gesendet inge.Request // the last request these steps prepared and sent
	letzte   inge.Request // the last request these steps sent, Auskunft included
	zahler   int          // Selbstzahler generated so far
}

// Defaults of a prepared exam that the Testdatenpaket does not give.
const (
	lidBeginnzeit   = "10:00"
	lidRaumnummer   = "1.07"
	lidKontaktEmail = "lid-pruefung@kurstraeger.example"
)

var pruefungsnummerRE = regexp.MustCompile(`^L\d{9}$`)

// unbekanntePruefungsnummer is a number the mock never hands out first.
const unbekanntePruefungsnummer = "L999999999"

// The steps of a LiD exam's life: register, update, cancel, report
// candidates, look up. As for courses, "Angenommen eine ..." prepares a
// valid request that the generic steps change; "Wenn ich ..." sends the
// prepared request, or a valid one if none is prepared; "Angenommen ich
// habe ..." sends a valid one and requires it to be stored.
func (w *world) registerLidSteps(sc *godog.ScenarioContext) {
	l := &lidStand{w: w}
	const datum = `(\d{2}\.\d{2}\.\d{4})`

	// Another Traeger: 10000002 by default, not approved as Pruefstelle.
	sc.Step(`^ich bin als anderer Kursträger angemeldet$`, func() { w.login(w.anderer, wsse.PasswordDigest) })

	sc.Step(`^eine vollständige LiD-Prüfung aus Testfall "([^"]*)" am `+datum+`$`, l.erfassungAmVorbereiten)
	sc.Step(`^eine vollständige LiD-Prüfung aus Testfall "([^"]*)" in (\d+) Wochen$`, l.erfassungInVorbereiten)
	sc.Step(`^ich die LiD-Prüfung erfasse$`, l.erfassen)
	sc.Step(`^ich dieselbe LiD-Prüfung ohne Rollback erfasse$`, l.ohneRollbackErfassen)
	sc.Step(`^ich habe eine vollständige LiD-Prüfung aus Testfall "([^"]*)" am `+datum+` erfasst$`, l.erfasst)
	sc.Step(`^die Antwort enthält eine neue Prüfungsnummer$`, l.neuePruefungsnummer)
	sc.Step(`^die Antwort enthält keine Prüfungsnummer$`, l.keinePruefungsnummer)
	sc.Step(`^die Prüfungsnummer unterscheidet sich von der vorigen$`, l.andereNummer)
	sc.Step(`^die Meldung "([^"]*)" nennt die Prüfungsnummer$`, l.meldungNenntNummer)

	sc.Step(`^eine Aktualisierung dieser LiD-Prüfung$`, l.aktualisierungVorbereiten)
	sc.Step(`^eine Aktualisierung dieser LiD-Prüfung auf den `+datum+`$`, l.aktualisierungAufVorbereiten)
	sc.Step(`^ich die LiD-Prüfung aktualisiere$`, l.aktualisieren)

	sc.Step(`^eine Stornierung dieser LiD-Prüfung$`, l.stornierungVorbereiten)
	sc.Step(`^ich die LiD-Prüfung storniere$`, l.stornieren)
	sc.Step(`^ich habe die LiD-Prüfung storniert$`, l.storniert)

	sc.Step(`^eine Meldung der Teilnehmenden aus Testfall "([^"]*)" zu dieser LiD-Prüfung$`, l.meldungAllerVorbereiten)
	sc.Step(`^eine Meldung der Person "([^"]*)" aus Testfall "([^"]*)" zu dieser LiD-Prüfung$`, l.meldungEinerVorbereiten)
	sc.Step(`^die Meldung nennt außerdem die Person "([^"]*)" aus Testfall "([^"]*)"$`, l.auchPerson)
	sc.Step(`^die Meldung nennt außerdem die Person "([^"]*)" aus Testfall "([^"]*)" mit ihrem Aktenzeichen der Art "([^"]*)"$`, l.auchPersonMitArt)
	sc.Step(`^die Meldung nennt außerdem den Selbstzahler "([^"]*)"$`, l.auchSelbstzahler)
	sc.Step(`^ich die Teilnehmenden der LiD-Prüfung melde$`, l.melden)
	sc.Step(`^ich habe die Teilnehmenden aus Testfall "([^"]*)" zu dieser LiD-Prüfung gemeldet$`, l.alleGemeldet)
	sc.Step(`^ich habe (\d+) Selbstzahler zu dieser LiD-Prüfung gemeldet$`, l.zahlerGemeldet)

	sc.Step(`^ich die Auskunft zu dieser LiD-Prüfung anfordere$`, func(ctx context.Context) error { return l.auskunft(ctx, l.nummer) })
	sc.Step(`^ich die Auskunft zur LiD-Prüfung "([^"]*)" anfordere$`, l.auskunft)
	// "die LiD-Auskunft zu dieser Prüfung ..." asks first; "die
	// LiD-Auskunft ..." checks the answer at hand.
	const zuDieser = `^die LiD-Auskunft( zu dieser Prüfung)?`
	sc.Step(zuDieser+` zeigt den Prüfungsstatus "([^"]*)"$`, l.zeigtStatus)
	sc.Step(zuDieser+` zeigt die zuletzt gespeicherten Prüfungsdaten$`, l.zeigtDaten)
	sc.Step(zuDieser+` zeigt die gemeldeten Prüflinge$`, l.zeigtGemeldete)
	sc.Step(zuDieser+` zeigt (\d+) Prüflinge?$`, l.zeigtAnzahl)
	sc.Step(zuDieser+` meldet "([^"]*)"$`, l.auskunftMeldet)
	sc.Step(`^die Meldung "([^"]*)" lautet wie für eine unbekannte Prüfungsnummer$`, l.wieUnbekannt)
}

// --- Erfassen --------------------------------------------------------------

// lidPruefungAus builds a complete exam on day tag at the case's first
// Kursort, with the Verwaltungsstandort and Lieferadresse of the Traeger
// the scenario is logged in as.
func (l *lidStand) lidPruefungAus(fallID string, tag time.Time) (inge.LidPruefung, error) {
	fall, ok := l.w.r.paket.Fall(fallID)
	if !ok {
		return inge.LidPruefung{}, fmt.Errorf("Testfall %q gibt es im Testdatenpaket nicht", fallID)
	}
	if len(fall.Kursorte) == 0 {
		return inge.LidPruefung{}, fmt.Errorf("Testfall %s hat keinen Kursort für die Prüfung", fall.ID)
	}
	t, ok := l.w.r.paket.TraegerByNummer(l.w.mandant)
	if !ok {
		return inge.LidPruefung{}, fmt.Errorf("Kursträger %q gibt es im Testdatenpaket nicht", l.w.mandant)
	}
	return inge.LidPruefung{
		Pruefungsdatum:      inge.DatumOf(tag),
		Beginnzeit:          lidBeginnzeit,
		Pruefungsort:        fall.Kursorte[0].Kennung,
		Raumnummer:          lidRaumnummer,
		KontaktEmail:        lidKontaktEmail,
		Verwaltungsstandort: t.Verwaltungsstandort,
		Lieferadresse:       t.Lieferadresse,
	}, nil
}

func (l *lidStand) erfassungVorbereiten(fallID string, tag time.Time) error {
	p, err := l.lidPruefungAus(fallID, tag)
	if err != nil {
		return err
	}
	req := &inge.LidPruefungErfassenAnfrage{Pruefung: p}
	req.Mandant.Traegernummer = l.w.mandant
	l.w.request = req
	return nil
}

func (l *lidStand) erfassungAmVorbereiten(fallID, datum string) error {
	tag, err := parseDatumDE(datum)
	if err != nil {
		return err
	}
	return l.erfassungVorbereiten(fallID, tag)
}

// erfassungInVorbereiten counts the weeks from the scenario's today.
func (l *lidStand) erfassungInVorbereiten(fallID string, wochen int) error {
	return l.erfassungVorbereiten(fallID, l.w.szenarioHeute().AddDate(0, 0, 7*wochen))
}

func (l *lidStand) erfassen(ctx context.Context) error {
	req, ok := lidPending[*inge.LidPruefungErfassenAnfrage](l)
	if !ok {
		return fmt.Errorf("es wurde keine LiD-Prüfung vorbereitet (eine vollständige LiD-Prüfung aus Testfall ...)")
	}
	return l.send(ctx, req, func() error {
		p, err := clone(req.Pruefung)
		if err != nil {
			return err
		}
		l.pruefung, l.gemeldet = &p, nil
		return l.neuePruefungsnummer()
	})
}

// ohneRollbackErfassen sends the last LidPruefungErfassen again, without
// the Rollback flag.
func (l *lidStand) ohneRollbackErfassen(ctx context.Context) error {
	last, ok := l.gesendet.(*inge.LidPruefungErfassenAnfrage)
	if !ok {
		return fmt.Errorf("es wurde noch keine LiD-Prüfung gesendet")
	}
	req, err := clone(*last)
	if err != nil {
		return err
	}
	req.Rollback = false
	l.w.request = &req
	return l.erfassen(ctx)
}

func (l *lidStand) erfasst(ctx context.Context, fallID, datum string) error {
	if err := l.erfassungAmVorbereiten(fallID, datum); err != nil {
		return err
	}
	return l.verarbeitet(ctx, l.erfassen)
}

// neuePruefungsnummer takes the Pruefungsnummer of the answer as the
// scenario's exam; a Rollback answer has one too.
func (l *lidStand) neuePruefungsnummer() error {
	resp, err := l.w.answer()
	if err != nil {
		return err
	}
	r, ok := resp.(*inge.LidPruefungErfassenAntwort)
	if !ok || !pruefungsnummerRE.MatchString(r.Pruefungsnummer) {
		return fmt.Errorf("erwartet eine Prüfungsnummer L und neun Ziffern, erhalten %+v", resp)
	}
	if r.Pruefungsnummer != l.nummer {
		l.vorige, l.nummer = l.nummer, r.Pruefungsnummer
	}
	return nil
}

func (l *lidStand) keinePruefungsnummer() error {
	resp, err := l.w.answer()
	if err != nil {
		return err
	}
	if r, ok := resp.(*inge.LidPruefungErfassenAntwort); ok && r.Pruefungsnummer != "" {
		return fmt.Errorf("erwartet keine Prüfungsnummer, erhalten %s", r.Pruefungsnummer)
	}
	return nil
}

func (l *lidStand) andereNummer() error {
	if l.vorige == "" || l.nummer == "" {
		return fmt.Errorf("das Szenario kennt keine zwei Prüfungsnummern (vorige %q, jetzige %q)", l.vorige, l.nummer)
	}
	if l.vorige == l.nummer {
		return fmt.Errorf("die Prüfungsnummer %s wurde zweimal vergeben", l.nummer)
	}
	return nil
}

func (l *lidStand) meldungNenntNummer(code string) error {
	resp, err := l.w.answer()
	if err != nil {
		return err
	}
	for _, m := range resp.Base().List() {
		if m.Code == code {
			if l.nummer == "" || !strings.Contains(m.Text, l.nummer) {
				return fmt.Errorf("Meldung %s (%s) nennt die Prüfungsnummer %q nicht", code, m.Text, l.nummer)
			}
			return nil
		}
	}
	return fmt.Errorf("keine Meldung %s; erhalten: %s", code, describe(resp.Base().List()))
}

// --- Aktualisieren and Stornieren -------------------------------------------

// aktualisierungVorbereiten prepares an update that sends the exam as
// stored; the scenario changes what it wants to change.
func (l *lidStand) aktualisierungVorbereiten() error {
	if l.pruefung == nil {
		return fmt.Errorf("das Szenario hat noch keine LiD-Prüfung gespeichert (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	p, err := clone(*l.pruefung)
	if err != nil {
		return err
	}
	req := &inge.LidPruefungAktualisierenAnfrage{Pruefungsnummer: l.nummer, Pruefung: p}
	req.Mandant.Traegernummer = l.w.mandant
	l.w.request = req
	return nil
}

func (l *lidStand) aktualisierungAufVorbereiten(datum string) error {
	tag, err := parseDatumDE(datum)
	if err != nil {
		return err
	}
	if err := l.aktualisierungVorbereiten(); err != nil {
		return err
	}
	l.w.request.(*inge.LidPruefungAktualisierenAnfrage).Pruefung.Pruefungsdatum = inge.DatumOf(tag)
	return nil
}

func (l *lidStand) aktualisieren(ctx context.Context) error {
	req, ok := lidPending[*inge.LidPruefungAktualisierenAnfrage](l)
	if !ok {
		if err := l.aktualisierungVorbereiten(); err != nil {
			return err
		}
		req = l.w.request.(*inge.LidPruefungAktualisierenAnfrage)
	}
	return l.send(ctx, req, func() error {
		p, err := clone(req.Pruefung)
		l.pruefung = &p
		return err
	})
}

func (l *lidStand) stornierungVorbereiten() error {
	if l.nummer == "" {
		return fmt.Errorf("das Szenario kennt keine LiD-Prüfung (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	req := &inge.LidPruefungStornierenAnfrage{Pruefungsnummer: l.nummer, Grund: "Prüfungsraum nicht verfügbar"}
	req.Mandant.Traegernummer = l.w.mandant
	l.w.request = req
	return nil
}

func (l *lidStand) stornieren(ctx context.Context) error {
	req, ok := lidPending[*inge.LidPruefungStornierenAnfrage](l)
	if !ok {
		if err := l.stornierungVorbereiten(); err != nil {
			return err
		}
		req = l.w.request.(*inge.LidPruefungStornierenAnfrage)
	}
	return l.send(ctx, req, nil)
}

func (l *lidStand) storniert(ctx context.Context) error {
	if err := l.stornierungVorbereiten(); err != nil {
		return err
	}
	return l.verarbeitet(ctx, l.stornieren)
}

// --- Teilnehmende melden ----------------------------------------------------

// meldungVorbereiten prepares a LidTeilnehmendeMelden of the scenario's
// exam without candidates.
func (l *lidStand) meldungVorbereiten() error {
	if l.nummer == "" {
		return fmt.Errorf("das Szenario kennt keine LiD-Prüfung (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	req := &inge.LidTeilnehmendeMeldenAnfrage{Pruefungsnummer: l.nummer}
	req.Mandant.Traegernummer = l.w.mandant
	l.w.request, l.erwartet = req, nil
	return nil
}

// pendingMeldung is the prepared LidTeilnehmendeMelden.
func (l *lidStand) pendingMeldung() (*inge.LidTeilnehmendeMeldenAnfrage, error) {
	req, ok := lidPending[*inge.LidTeilnehmendeMeldenAnfrage](l)
	if !ok {
		return nil, fmt.Errorf("es wurde keine Meldung von Teilnehmenden vorbereitet (eine Meldung der ... zu dieser LiD-Prüfung)")
	}
	return req, nil
}

// add appends a candidate to the prepared message, with the form in which
// the Auskunft returns it.
func (l *lidStand) add(gesendet, erwartet inge.LidPruefling) error {
	req, err := l.pendingMeldung()
	if err != nil {
		return err
	}
	req.Pruefling = append(req.Pruefling, gesendet)
	l.erwartet = append(l.erwartet, erwartet)
	return nil
}

func (l *lidStand) meldungAllerVorbereiten(fallID string) error {
	fall, ok := l.w.r.paket.Fall(fallID)
	if !ok {
		return fmt.Errorf("Testfall %q gibt es im Testdatenpaket nicht", fallID)
	}
	if len(fall.Personen) == 0 {
		return fmt.Errorf("Testfall %s hat keine Personen", fall.ID)
	}
	if err := l.meldungVorbereiten(); err != nil {
		return err
	}
	for _, p := range fall.Personen {
		if err := l.add(inge.LidPruefling{Ident: ident(p)}, inge.LidPruefling{Ident: ident(p)}); err != nil {
			return err
		}
	}
	return nil
}

func (l *lidStand) meldungEinerVorbereiten(name, fallID string) error {
	if err := l.meldungVorbereiten(); err != nil {
		return err
	}
	return l.auchPerson(name, fallID)
}

func (l *lidStand) auchPerson(name, fallID string) error {
	p, err := l.person(name, fallID)
	if err != nil {
		return err
	}
	return l.add(inge.LidPruefling{Ident: ident(*p)}, inge.LidPruefling{Ident: ident(*p)})
}

// auchPersonMitArt names a person by another Aktenzeichen than the BAMF
// Personenkennziffer; BAMF still answers with the latter.
func (l *lidStand) auchPersonMitArt(name, fallID, art string) error {
	p, err := l.person(name, fallID)
	if err != nil {
		return err
	}
	for _, k := range p.Kennziffern {
		if k.Art == art {
			id := &inge.TeilnehmerIdent{
				Geburtsdatum: inge.Datum(p.Geburtsdatum),
				Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenArt(k.Art), Wert: k.Wert},
			}
			return l.add(inge.LidPruefling{Ident: id}, inge.LidPruefling{Ident: ident(*p)})
		}
	}
	return fmt.Errorf("%s aus Testfall %s hat kein Aktenzeichen der Art %q", name, fallID, art)
}

// person finds a person of a case by "Familienname, Vorname".
func (l *lidStand) person(name, fallID string) (*testdaten.Person, error) {
	fall, ok := l.w.r.paket.Fall(fallID)
	if !ok {
		return nil, fmt.Errorf("Testfall %q gibt es im Testdatenpaket nicht", fallID)
	}
	familienname, vorname, _ := strings.Cut(name, ", ")
	for i, p := range fall.Personen {
		if p.Familienname == familienname && p.Vorname == vorname {
			return &fall.Personen[i], nil
		}
	}
	return nil, fmt.Errorf("Testfall %s hat keine Person %q (Familienname, Vorname)", fallID, name)
}

// auchSelbstzahler names a self-payer "Familienname, Vorname" with the
// data a certificate needs. The same name always gets the same data, so
// naming it twice names the same person.
func (l *lidStand) auchSelbstzahler(name string) error {
	familienname, vorname, _ := strings.Cut(name, ", ")
	s := lidSelbstzahler(familienname, vorname, "1992-05-17")
	return l.add(inge.LidPruefling{Selbstzahler: s}, inge.LidPruefling{Selbstzahler: lidSelbstzahler(familienname, vorname, "1992-05-17")})
}

func lidSelbstzahler(familienname, vorname string, geburtsdatum inge.Datum) *inge.Selbstzahler {
	return &inge.Selbstzahler{
		Familienname:         familienname,
		Vorname:              vorname,
		Geburtsdatum:         geburtsdatum,
		Geburtsort:           "Krakau",
		Geschlecht:           "x",             // ohne Angabe
		Staatsangehoerigkeit: []string{"152"}, // Polen
		Anschrift: &inge.Anschrift{
			Strasse: "Hauptstraße 3", Postleitzahl: "91999", Ort: "Beispielstadt", Staat: "000", Bundesland: "09",
		},
	}
}

func (l *lidStand) melden(ctx context.Context) error {
	req, err := l.pendingMeldung()
	if err != nil {
		return err
	}
	erwartet := l.erwartet
	return l.send(ctx, req, func() error {
		l.gemeldet = append(l.gemeldet, erwartet...)
		return nil
	})
}

func (l *lidStand) alleGemeldet(ctx context.Context, fallID string) error {
	if err := l.meldungAllerVorbereiten(fallID); err != nil {
		return err
	}
	return l.verarbeitet(ctx, l.melden)
}

// zahlerGemeldet reports n self-payers, each born on another day than
// every other of the scenario.
func (l *lidStand) zahlerGemeldet(ctx context.Context, n int) error {
	if err := l.meldungVorbereiten(); err != nil {
		return err
	}
	start := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for range n {
		geboren := inge.DatumOf(start.AddDate(0, 0, l.zahler))
		l.zahler++
		if err := l.add(
			inge.LidPruefling{Selbstzahler: lidSelbstzahler("Muster", "Anna", geboren)},
			inge.LidPruefling{Selbstzahler: lidSelbstzahler("Muster", "Anna", geboren)},
		); err != nil {
			return err
		}
	}
	return l.verarbeitet(ctx, l.melden)
}

// --- Auskunft ---------------------------------------------------------------

func (l *lidStand) auskunft(ctx context.Context, nummer string) error {
	req := &inge.LidPruefungAuskunftAnfrage{Pruefungsnummer: nummer}
	req.Mandant.Traegernummer = l.w.mandant
	l.letzte = req
	return l.w.send(ctx, req)
}

// daten returns the exam of the last LidPruefungAuskunft; with frisch set
// it asks for the scenario's exam first.
func (l *lidStand) daten(ctx context.Context, frisch string) (*inge.LidPruefungsdaten, error) {
	if frisch != "" {
		if err := l.auskunft(ctx, l.nummer); err != nil {
			return nil, err
		}
	}
	resp, err := l.w.answer()
	if err != nil {
		return nil, err
	}
	r, ok := resp.(*inge.LidPruefungAuskunftAntwort)
	if !ok || r.Pruefung == nil {
		return nil, fmt.Errorf("die Antwort enthält keine LiD-Prüfung (Status %s, Meldungen: %s)", resp.Base().Status, describe(resp.Base().List()))
	}
	return r.Pruefung, nil
}

func (l *lidStand) zeigtStatus(ctx context.Context, frisch, status string) error {
	d, err := l.daten(ctx, frisch)
	if err != nil {
		return err
	}
	if string(d.Pruefungsstatus) != status {
		return fmt.Errorf("Prüfungsstatus = %s; erwartet %s", d.Pruefungsstatus, status)
	}
	return nil
}

func (l *lidStand) zeigtDaten(ctx context.Context, frisch string) error {
	if l.pruefung == nil {
		return fmt.Errorf("das Szenario hat keine LiD-Prüfung gespeichert")
	}
	d, err := l.daten(ctx, frisch)
	if err != nil {
		return err
	}
	if d.Pruefungsnummer != l.nummer {
		return fmt.Errorf("Prüfungsnummer = %s; erwartet %s", d.Pruefungsnummer, l.nummer)
	}
	if d.Pruefung != *l.pruefung {
		return fmt.Errorf("Prüfungsdaten der Auskunft %+v; gespeichert %+v", d.Pruefung, *l.pruefung)
	}
	return nil
}

// zeigtGemeldete compares the candidates of the Auskunft, in order, with
// those the scenario reported: identified persons by Geburtsdatum and BAMF
// Personenkennziffer, Selbstzahler with all their data.
func (l *lidStand) zeigtGemeldete(ctx context.Context, frisch string) error {
	d, err := l.daten(ctx, frisch)
	if err != nil {
		return err
	}
	if len(d.Pruefling) != len(l.gemeldet) {
		return fmt.Errorf("die LiD-Auskunft nennt %d Prüflinge; gemeldet %d", len(d.Pruefling), len(l.gemeldet))
	}
	for i, want := range l.gemeldet {
		if got := d.Pruefling[i]; prueflingText(got) != prueflingText(want) {
			return fmt.Errorf("Pruefling[%d] der Auskunft = %s; gemeldet %s", i+1, prueflingText(got), prueflingText(want))
		}
	}
	return nil
}

// prueflingText renders a candidate for comparison and error messages.
func prueflingText(p inge.LidPruefling) string {
	switch {
	case p.Ident != nil && p.Selbstzahler == nil:
		s := "Ident " + string(p.Ident.Geburtsdatum)
		if p.Ident.Aktenzeichen != nil {
			s += " " + string(p.Ident.Aktenzeichen.Art) + ":" + strings.TrimSpace(p.Ident.Aktenzeichen.Wert)
		}
		return s
	case p.Selbstzahler != nil && p.Ident == nil:
		s := *p.Selbstzahler
		var a inge.Anschrift
		if s.Anschrift != nil {
			a = *s.Anschrift
		}
		return fmt.Sprintf("Selbstzahler %s, %s, %s in %s, %s, %v, %+v", s.Familienname, s.Vorname, s.Geburtsdatum, s.Geburtsort, s.Geschlecht, s.Staatsangehoerigkeit, a)
	}
	return fmt.Sprintf("ungültig %+v", p)
}

func (l *lidStand) zeigtAnzahl(ctx context.Context, frisch string, n int) error {
	d, err := l.daten(ctx, frisch)
	if err != nil {
		return err
	}
	if len(d.Pruefling) != n {
		return fmt.Errorf("die LiD-Auskunft nennt %d Prüflinge; erwartet %d", len(d.Pruefling), n)
	}
	return nil
}

func (l *lidStand) auskunftMeldet(ctx context.Context, frisch, code string) error {
	if frisch != "" {
		if err := l.auskunft(ctx, l.nummer); err != nil {
			return err
		}
	}
	return l.w.meldung(code)
}

// wieUnbekannt checks that the Meldung reads, but for the number, as the
// one for an unknown Pruefungsnummer, so that an exam of another Traeger
// does not reveal that it exists. It asks the same procedure again, with
// the unknown number, and keeps the first answer as the answer at hand.
func (l *lidStand) wieUnbekannt(ctx context.Context, code string) error {
	text := func() (string, error) {
		resp, err := l.w.answer()
		if err != nil {
			return "", err
		}
		for _, m := range resp.Base().List() {
			if m.Code == code {
				return m.Text, nil
			}
		}
		return "", fmt.Errorf("keine Meldung %s; erhalten: %s", code, describe(resp.Base().List()))
	}
	got, err := text()
	if err != nil {
		return err
	}
	probe, nummer, ok := mitNummer(l.letzte, unbekanntePruefungsnummer)
	if !ok {
		return fmt.Errorf("die letzte Anfrage %T nennt keine Prüfungsnummer", l.letzte)
	}
	response, fault, raw := l.w.response, l.w.fault, l.w.raw
	defer func() { l.w.response, l.w.fault, l.w.raw = response, fault, raw }()
	if err := l.w.send(ctx, probe); err != nil {
		return err
	}
	want, err := text()
	if err != nil {
		return fmt.Errorf("mit der unbekannten Prüfungsnummer: %w", err)
	}
	if strings.ReplaceAll(got, nummer, "L…") != strings.ReplaceAll(want, unbekanntePruefungsnummer, "L…") {
		return fmt.Errorf("Meldung %s lautet %q; für eine unbekannte Prüfungsnummer %q", code, got, want)
	}
	return nil
}

// --- helpers ----------------------------------------------------------------

// mitNummer returns a copy of a LiD request that names the exam nummer
// instead, and the number it named.
func mitNummer(req inge.Request, nummer string) (inge.Request, string, bool) {
	switch r := req.(type) {
	case *inge.LidPruefungAktualisierenAnfrage:
		c := *r
		c.Pruefungsnummer = nummer
		return &c, r.Pruefungsnummer, true
	case *inge.LidPruefungStornierenAnfrage:
		c := *r
		c.Pruefungsnummer = nummer
		return &c, r.Pruefungsnummer, true
	case *inge.LidTeilnehmendeMeldenAnfrage:
		c := *r
		c.Pruefungsnummer = nummer
		return &c, r.Pruefungsnummer, true
	case *inge.LidPruefungAuskunftAnfrage:
		c := *r
		c.Pruefungsnummer = nummer
		return &c, r.Pruefungsnummer, true
	}
	return nil, "", false
}

// lidPending returns the prepared request if it is a T that was not sent
// yet.
func lidPending[T inge.Request](l *lidStand) (T, bool) {
	r, ok := l.w.request.(T)
	return r, ok && l.w.request != l.gesendet
}

// send sends req; if the mock stored it (status verarbeitet), stored
// updates what the scenario knows of its exam.
func (l *lidStand) send(ctx context.Context, req inge.Request, stored func() error) error {
	l.w.request, l.gesendet, l.letzte = req, req, req
	if err := l.w.send(ctx, req); err != nil {
		return err
	}
	if stored != nil && l.w.response != nil && l.w.response.Base().Status == inge.StatusVerarbeitet {
		return stored()
	}
	return nil
}

// verarbeitet runs a sending step and requires the outcome to be stored.
func (l *lidStand) verarbeitet(ctx context.Context, send func(context.Context) error) error {
	if err := send(ctx); err != nil {
		return err
	}
	return l.w.status(string(inge.StatusVerarbeitet))
}
