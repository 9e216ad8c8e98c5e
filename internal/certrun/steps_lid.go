package certrun

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// lidStand is what a scenario knows of its LiD exam: the exam as the mock
// stored it and the candidates it took. Requests are derived from it, so a
// scenario says only what differs from a valid message.
type lidStand struct {
	nummer   string            // the exam the scenario talks about
	vorige   string            // the Pruefungsnummer before nummer, if any
	pruefung *inge.LidPruefung // as stored; nil until an exam was stored
	gemeldet []inge.LidPruefling

	// erwartet are the candidates of the prepared LidTeilnehmendeMelden as
	// the Auskunft returns them once stored: identified persons by
	// Geburtsdatum and BAMF Personenkennziffer, Selbstzahler as sent.
	erwartet []inge.LidPruefling
	zahler   int // Selbstzahler generated so far
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
	// Another Traeger: 10000002 by default, not approved as Pruefstelle.
	sc.Step(`^ich bin als anderer Kursträger angemeldet$`, func() { w.login(w.anderer, wsse.PasswordDigest) })

	const pruefung = `eine vollständige LiD-Prüfung aus Testfall "([^"]*)" ` + termin
	sc.Step(`^`+pruefung+`$`, w.lidErfassungVorbereiten)
	sc.Step(`^ich die LiD-Prüfung erfasse$`, w.lidErfassen)
	sc.Step(`^ich dieselbe LiD-Prüfung ohne Rollback erfasse$`, w.ohneRollback)
	sc.Step(`^ich habe `+pruefung+` erfasst$`, w.lidErfasst)
	sc.Step(`^die Antwort enthält eine neue Prüfungsnummer$`, w.neuePruefungsnummer)
	sc.Step(`^die Antwort enthält keine Prüfungsnummer$`, w.keinePruefungsnummer)
	sc.Step(`^die Prüfungsnummer unterscheidet sich von der vorigen$`, w.anderePruefungsnummer)
	sc.Step(`^die Meldung "([^"]*)" nennt die Prüfungsnummer$`, w.meldungNenntPruefungsnummer)

	sc.Step(`^eine Aktualisierung dieser LiD-Prüfung$`, w.lidAktualisierungVorbereiten)
	sc.Step(`^eine Aktualisierung dieser LiD-Prüfung auf den `+datum+`$`, w.lidAktualisierungAufVorbereiten)
	sc.Step(`^ich die LiD-Prüfung aktualisiere$`, w.lidAktualisieren)

	sc.Step(`^eine Stornierung dieser LiD-Prüfung$`, w.lidStornierungVorbereiten)
	sc.Step(`^ich die LiD-Prüfung storniere$`, w.lidStornieren)
	sc.Step(`^ich habe die LiD-Prüfung storniert$`, w.lidStorniert)

	sc.Step(`^eine Meldung der Teilnehmenden aus Testfall "([^"]*)" zu dieser LiD-Prüfung$`, w.lidMeldungAllerVorbereiten)
	sc.Step(`^eine Meldung der Person "([^"]*)" aus Testfall "([^"]*)" zu dieser LiD-Prüfung$`, w.lidMeldungEinerVorbereiten)
	sc.Step(`^die Meldung nennt außerdem die Person "([^"]*)" aus Testfall "([^"]*)"$`, w.lidAuchPerson)
	sc.Step(`^die Meldung nennt außerdem die Person "([^"]*)" aus Testfall "([^"]*)" mit ihrem Aktenzeichen der Art "([^"]*)"$`, w.lidAuchPersonMitArt)
	sc.Step(`^die Meldung nennt außerdem den Selbstzahler "([^"]*)"$`, w.lidAuchSelbstzahler)
	sc.Step(`^ich die Teilnehmenden der LiD-Prüfung melde$`, w.lidTeilnehmendeMelden)
	sc.Step(`^ich habe die Teilnehmenden aus Testfall "([^"]*)" zu dieser LiD-Prüfung gemeldet$`, w.lidAlleGemeldet)
	sc.Step(`^ich habe (\d+) Selbstzahler zu dieser LiD-Prüfung gemeldet$`, w.lidZahlerGemeldet)

	sc.Step(`^ich die Auskunft zu dieser LiD-Prüfung anfordere$`, w.lidAuskunftDieser)
	sc.Step(`^ich die Auskunft zur LiD-Prüfung "([^"]*)" anfordere$`, w.lidAuskunft)
	// "die LiD-Auskunft zu dieser Prüfung ..." asks first; "die
	// LiD-Auskunft ..." checks the answer at hand.
	const zuDieser = `^die LiD-Auskunft( zu dieser Prüfung)?`
	sc.Step(zuDieser+` zeigt den Prüfungsstatus "([^"]*)"$`, w.lidZeigtStatus)
	sc.Step(zuDieser+` zeigt die zuletzt gespeicherten Prüfungsdaten$`, w.lidZeigtDaten)
	sc.Step(zuDieser+` zeigt die gemeldeten Prüflinge$`, w.lidZeigtGemeldete)
	sc.Step(zuDieser+` zeigt (\d+) Prüflinge?$`, w.lidZeigtAnzahl)
	sc.Step(zuDieser+` meldet "([^"]*)"$`, w.auskunftMeldet(w.lidAuskunftDieser))
	sc.Step(`^die Meldung "([^"]*)" lautet wie für eine unbekannte Prüfungsnummer$`, w.wieUnbekannt)
}

// --- Erfassen --------------------------------------------------------------

// lidPruefungAus builds a complete exam on day tag at the case's first
// Kursort, with the Verwaltungsstandort and Lieferadresse of the Traeger
// the scenario is logged in as.
func (w *world) lidPruefungAus(fallID string, tag time.Time) (inge.LidPruefung, error) {
	fall, err := w.fall(fallID)
	if err != nil {
		return inge.LidPruefung{}, err
	}
	if len(fall.Kursorte) == 0 {
		return inge.LidPruefung{}, fmt.Errorf("Testfall %s hat keinen Kursort für die Prüfung", fall.ID)
	}
	t, ok := w.r.paket.TraegerByNummer(w.mandant)
	if !ok {
		return inge.LidPruefung{}, fmt.Errorf("Kursträger %q gibt es im Testdatenpaket nicht", w.mandant)
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

func (w *world) lidErfassungVorbereiten(fallID, datum, wochen string) error {
	tag, err := w.terminTag(datum, wochen)
	if err != nil {
		return err
	}
	p, err := w.lidPruefungAus(fallID, tag)
	if err != nil {
		return err
	}
	w.prepare(&inge.LidPruefungErfassenAnfrage{Pruefung: p})
	return nil
}

func (w *world) lidErfassen(ctx context.Context) error {
	req, err := pending[*inge.LidPruefungErfassenAnfrage](w, func() error {
		return errors.New("es wurde keine LiD-Prüfung vorbereitet (eine vollständige LiD-Prüfung aus Testfall ...)")
	})
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error {
		p, err := clone(req.Pruefung)
		if err != nil {
			return err
		}
		w.lid.pruefung, w.lid.gemeldet = &p, nil
		return w.neuePruefungsnummer()
	})
}

func (w *world) lidErfasst(ctx context.Context, fallID, datum, wochen string) error {
	if err := w.lidErfassungVorbereiten(fallID, datum, wochen); err != nil {
		return err
	}
	return w.mustStore(ctx, w.lidErfassen)
}

// neuePruefungsnummer takes the Pruefungsnummer of the answer as the
// scenario's exam; a Rollback answer has one too.
func (w *world) neuePruefungsnummer() error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	r, ok := resp.(*inge.LidPruefungErfassenAntwort)
	if !ok || !pruefungsnummerRE.MatchString(r.Pruefungsnummer) {
		return fmt.Errorf("erwartet eine Prüfungsnummer L und neun Ziffern, erhalten %+v", resp)
	}
	if r.Pruefungsnummer != w.lid.nummer {
		w.lid.vorige, w.lid.nummer = w.lid.nummer, r.Pruefungsnummer
	}
	return nil
}

func (w *world) keinePruefungsnummer() error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	if r, ok := resp.(*inge.LidPruefungErfassenAntwort); ok && r.Pruefungsnummer != "" {
		return fmt.Errorf("erwartet keine Prüfungsnummer, erhalten %s", r.Pruefungsnummer)
	}
	return nil
}

func (w *world) anderePruefungsnummer() error {
	if w.lid.vorige == "" || w.lid.nummer == "" {
		return fmt.Errorf("das Szenario kennt keine zwei Prüfungsnummern (vorige %q, jetzige %q)", w.lid.vorige, w.lid.nummer)
	}
	if w.lid.vorige == w.lid.nummer {
		return fmt.Errorf("die Prüfungsnummer %s wurde zweimal vergeben", w.lid.nummer)
	}
	return nil
}

func (w *world) meldungNenntPruefungsnummer(code string) error {
	if w.lid.nummer == "" {
		return errors.New("das Szenario kennt keine Prüfungsnummer")
	}
	return w.meldungNennt(code, w.lid.nummer)
}

// --- Aktualisieren and Stornieren -------------------------------------------

// aktualisierungVorbereiten prepares an update that sends the exam as
// stored; the scenario changes what it wants to change.
func (w *world) lidAktualisierungVorbereiten() error {
	if w.lid.pruefung == nil {
		return fmt.Errorf("das Szenario hat noch keine LiD-Prüfung gespeichert (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	p, err := clone(*w.lid.pruefung)
	if err != nil {
		return err
	}
	w.prepare(&inge.LidPruefungAktualisierenAnfrage{Pruefungsnummer: w.lid.nummer, Pruefung: p})
	return nil
}

func (w *world) lidAktualisierungAufVorbereiten(datum string) error {
	tag, err := parseDatumDE(datum)
	if err != nil {
		return err
	}
	if err := w.lidAktualisierungVorbereiten(); err != nil {
		return err
	}
	w.request.(*inge.LidPruefungAktualisierenAnfrage).Pruefung.Pruefungsdatum = inge.DatumOf(tag)
	return nil
}

func (w *world) lidAktualisieren(ctx context.Context) error {
	req, err := pending[*inge.LidPruefungAktualisierenAnfrage](w, w.lidAktualisierungVorbereiten)
	if err != nil {
		return err
	}
	return w.send(ctx, req, func() error {
		p, err := clone(req.Pruefung)
		w.lid.pruefung = &p
		return err
	})
}

func (w *world) lidStornierungVorbereiten() error {
	if w.lid.nummer == "" {
		return fmt.Errorf("das Szenario kennt keine LiD-Prüfung (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	w.prepare(&inge.LidPruefungStornierenAnfrage{Pruefungsnummer: w.lid.nummer, Grund: "Prüfungsraum nicht verfügbar"})
	return nil
}

func (w *world) lidStornieren(ctx context.Context) error {
	req, err := pending[*inge.LidPruefungStornierenAnfrage](w, w.lidStornierungVorbereiten)
	if err != nil {
		return err
	}
	return w.send(ctx, req, nil)
}

func (w *world) lidStorniert(ctx context.Context) error {
	if err := w.lidStornierungVorbereiten(); err != nil {
		return err
	}
	return w.mustStore(ctx, w.lidStornieren)
}

// --- Teilnehmende melden ----------------------------------------------------

// meldungVorbereiten prepares a LidTeilnehmendeMelden of the scenario's
// exam without candidates.
func (w *world) lidMeldungVorbereiten() error {
	if w.lid.nummer == "" {
		return fmt.Errorf("das Szenario kennt keine LiD-Prüfung (ich habe eine vollständige LiD-Prüfung ... erfasst)")
	}
	w.prepare(&inge.LidTeilnehmendeMeldenAnfrage{Pruefungsnummer: w.lid.nummer})
	w.lid.erwartet = nil
	return nil
}

// pendingLidMeldung is the prepared LidTeilnehmendeMelden.
func (w *world) pendingLidMeldung() (*inge.LidTeilnehmendeMeldenAnfrage, error) {
	return pending[*inge.LidTeilnehmendeMeldenAnfrage](w, func() error {
		return errors.New("es wurde keine Meldung von Teilnehmenden vorbereitet (eine Meldung der ... zu dieser LiD-Prüfung)")
	})
}

// add appends a candidate to the prepared message, with the form in which
// the Auskunft returns it.
func (w *world) lidPrueflingDazu(gesendet, erwartet inge.LidPruefling) error {
	req, err := w.pendingLidMeldung()
	if err != nil {
		return err
	}
	req.Pruefling = append(req.Pruefling, gesendet)
	w.lid.erwartet = append(w.lid.erwartet, erwartet)
	return nil
}

func (w *world) lidMeldungAllerVorbereiten(fallID string) error {
	fall, err := w.fall(fallID)
	if err != nil {
		return err
	}
	if len(fall.Personen) == 0 {
		return fmt.Errorf("Testfall %s hat keine Personen", fall.ID)
	}
	if err := w.lidMeldungVorbereiten(); err != nil {
		return err
	}
	for _, p := range fall.Personen {
		if err := w.lidPrueflingDazu(inge.LidPruefling{Ident: ident(p)}, inge.LidPruefling{Ident: ident(p)}); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) lidMeldungEinerVorbereiten(name, fallID string) error {
	if err := w.lidMeldungVorbereiten(); err != nil {
		return err
	}
	return w.lidAuchPerson(name, fallID)
}

func (w *world) lidAuchPerson(name, fallID string) error {
	p, err := w.person(name, fallID)
	if err != nil {
		return err
	}
	return w.lidPrueflingDazu(inge.LidPruefling{Ident: ident(*p)}, inge.LidPruefling{Ident: ident(*p)})
}

// auchPersonMitArt names a person by another Aktenzeichen than the BAMF
// Personenkennziffer; BAMF still answers with the latter.
func (w *world) lidAuchPersonMitArt(name, fallID, art string) error {
	p, err := w.person(name, fallID)
	if err != nil {
		return err
	}
	id, err := identMit(p, art)
	if err != nil {
		return err
	}
	return w.lidPrueflingDazu(inge.LidPruefling{Ident: id}, inge.LidPruefling{Ident: ident(*p)})
}

// auchSelbstzahler names a self-payer "Familienname, Vorname" with the
// data a certificate needs. The same name always gets the same data, so
// naming it twice names the same person.
func (w *world) lidAuchSelbstzahler(name string) error {
	familienname, vorname, _ := strings.Cut(name, ", ")
	s := lidSelbstzahler(familienname, vorname, "1992-05-17")
	return w.lidPrueflingDazu(inge.LidPruefling{Selbstzahler: s}, inge.LidPruefling{Selbstzahler: lidSelbstzahler(familienname, vorname, "1992-05-17")})
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

func (w *world) lidTeilnehmendeMelden(ctx context.Context) error {
	req, err := w.pendingLidMeldung()
	if err != nil {
		return err
	}
	erwartet := w.lid.erwartet
	return w.send(ctx, req, func() error {
		w.lid.gemeldet = append(w.lid.gemeldet, erwartet...)
		return nil
	})
}

func (w *world) lidAlleGemeldet(ctx context.Context, fallID string) error {
	if err := w.lidMeldungAllerVorbereiten(fallID); err != nil {
		return err
	}
	return w.mustStore(ctx, w.lidTeilnehmendeMelden)
}

// zahlerGemeldet reports n self-payers, each born on another day than
// every other of the scenario.
func (w *world) lidZahlerGemeldet(ctx context.Context, n int) error {
	if err := w.lidMeldungVorbereiten(); err != nil {
		return err
	}
	start := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for range n {
		geboren := inge.DatumOf(start.AddDate(0, 0, w.lid.zahler))
		w.lid.zahler++
		if err := w.lidPrueflingDazu(
			inge.LidPruefling{Selbstzahler: lidSelbstzahler("Muster", "Anna", geboren)},
			inge.LidPruefling{Selbstzahler: lidSelbstzahler("Muster", "Anna", geboren)},
		); err != nil {
			return err
		}
	}
	return w.mustStore(ctx, w.lidTeilnehmendeMelden)
}

// --- Auskunft ---------------------------------------------------------------

func (w *world) lidAuskunft(ctx context.Context, nummer string) error {
	req := &inge.LidPruefungAuskunftAnfrage{Pruefungsnummer: nummer}
	req.Mandant.Traegernummer = w.mandant
	return w.send(ctx, req, nil)
}

// lidAuskunftDieser asks for the scenario's exam.
func (w *world) lidAuskunftDieser(ctx context.Context) error {
	return w.lidAuskunft(ctx, w.lid.nummer)
}

// lidDaten returns the exam of the last LidPruefungAuskunft; with frisch
// set it asks for the scenario's exam first.
func (w *world) lidDaten(ctx context.Context, frisch string) (*inge.LidPruefungsdaten, error) {
	if err := askFirst(ctx, frisch, w.lidAuskunftDieser); err != nil {
		return nil, err
	}
	resp, err := w.answer()
	if err != nil {
		return nil, err
	}
	r, ok := resp.(*inge.LidPruefungAuskunftAntwort)
	if !ok || r.Pruefung == nil {
		return nil, fmt.Errorf("die Antwort enthält keine LiD-Prüfung (Status %s, Meldungen: %s)", resp.Base().Status, describe(resp.Base().List()))
	}
	return r.Pruefung, nil
}

func (w *world) lidZeigtStatus(ctx context.Context, frisch, status string) error {
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if string(d.Pruefungsstatus) != status {
		return fmt.Errorf("Prüfungsstatus = %s; erwartet %s", d.Pruefungsstatus, status)
	}
	return nil
}

func (w *world) lidZeigtDaten(ctx context.Context, frisch string) error {
	if w.lid.pruefung == nil {
		return fmt.Errorf("das Szenario hat keine LiD-Prüfung gespeichert")
	}
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if d.Pruefungsnummer != w.lid.nummer {
		return fmt.Errorf("Prüfungsnummer = %s; erwartet %s", d.Pruefungsnummer, w.lid.nummer)
	}
	if d.Pruefung != *w.lid.pruefung {
		return fmt.Errorf("Prüfungsdaten der Auskunft %+v; gespeichert %+v", d.Pruefung, *w.lid.pruefung)
	}
	return nil
}

// zeigtGemeldete compares the candidates of the Auskunft, in order, with
// those the scenario reported: identified persons by Geburtsdatum and BAMF
// Personenkennziffer, Selbstzahler with all their data.
func (w *world) lidZeigtGemeldete(ctx context.Context, frisch string) error {
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if len(d.Pruefling) != len(w.lid.gemeldet) {
		return fmt.Errorf("die LiD-Auskunft nennt %d Prüflinge; gemeldet %d", len(d.Pruefling), len(w.lid.gemeldet))
	}
	for i, want := range w.lid.gemeldet {
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

func (w *world) lidZeigtAnzahl(ctx context.Context, frisch string, n int) error {
	d, err := w.lidDaten(ctx, frisch)
	if err != nil {
		return err
	}
	if len(d.Pruefling) != n {
		return fmt.Errorf("die LiD-Auskunft nennt %d Prüflinge; erwartet %d", len(d.Pruefling), n)
	}
	return nil
}

// wieUnbekannt checks that the Meldung reads, but for the number, as the
// one for an unknown Pruefungsnummer, so that an exam of another Traeger
// does not reveal that it exists. It asks the same procedure again, with
// the unknown number, and keeps the first answer as the answer at hand.
func (w *world) wieUnbekannt(ctx context.Context, code string) error {
	got, err := w.meldungMit(code)
	if err != nil {
		return err
	}
	probe, nummer, ok := mitNummer(w.last, unbekanntePruefungsnummer)
	if !ok {
		return errors.New("die letzte Anfrage nennt keine Prüfungsnummer")
	}
	response, fault, raw, last := w.response, w.fault, w.raw, w.last
	defer func() { w.response, w.fault, w.raw, w.last = response, fault, raw, last }()
	if err := w.send(ctx, probe, nil); err != nil {
		return err
	}
	want, err := w.meldungMit(code)
	if err != nil {
		return fmt.Errorf("mit der unbekannten Prüfungsnummer: %w", err)
	}
	if strings.ReplaceAll(got.Text, nummer, "L…") != strings.ReplaceAll(want.Text, unbekanntePruefungsnummer, "L…") {
		return fmt.Errorf("Meldung %s lautet %q; für eine unbekannte Prüfungsnummer %q", code, got.Text, want.Text)
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
