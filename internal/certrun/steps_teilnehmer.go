package certrun

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// teilnehmerStand is what a scenario knows of the participants it talks
// about: the person the last step named and the Bogennummern it reported.
// Requests are built from the Testdatenpaket, so that a scenario says only
// what differs from a valid message.
type teilnehmerStand struct {
	person       *testdaten.Person // named last; nil for a person unknown to BAMF
	bogennummern []string          // Bogennummern the mock stored
}

// The steps of the participant procedures: Anmeldung im Erst- und im
// Wiederholerverfahren, Teilnehmerauskunft and Sprachtest melden. As for
// courses, "Angenommen eine ..." prepares a valid request, "Wenn ich ..."
// sends it, and "Angenommen ich habe ..." sends a valid one and requires it
// to be stored.
func (w *world) registerTeilnehmerSteps(sc *godog.ScenarioContext) {
	sc.Step(`^eine vollständige Erstanmeldung für `+personAus+`$`, w.erstanmeldungVorbereiten)
	sc.Step(`^eine vollständige Anmeldung im Wiederholerverfahren für `+personAus+`$`, w.wiederholerVorbereiten)
	sc.Step(`^die Person wird mit ihrer Kennziffer der Art "([^"]*)" identifiziert$`, w.mitKennziffer)
	const unbekannt = `der dem BAMF unbekannten Person ` + personAus + `, geboren am ` + datum + `, mit der Kennziffer "([^"]*)" der Art "([^"]*)"`
	sc.Step(`^die Anfrage gilt `+unbekannt+`$`, w.unbekanntePerson)
	sc.Step(`^das Feld "([^"]*)" liegt (\d+) Tage? in der Zukunft$`, w.feldInZukunft)
	sc.Step(`^ich die Erstanmeldung übermittle$`, func(ctx context.Context) error {
		return sendPrepared[*inge.AnmeldungErstverfahrenAnfrage](ctx, w, "keine Erstanmeldung")
	})
	sc.Step(`^ich die Anmeldung im Wiederholerverfahren übermittle$`, func(ctx context.Context) error {
		return sendPrepared[*inge.AnmeldungWiederholerverfahrenAnfrage](ctx, w, "keine Anmeldung im Wiederholerverfahren")
	})

	sc.Step(`^die Kursplanung nennt zusätzlich `+personAus+`$`, w.zusaetzlichGeplant)

	sc.Step(`^eine Sprachtestmeldung zu diesem Kurs für `+personAus+`$`, w.sprachtestVorbereiten)
	sc.Step(`^die Sprachtestmeldung nennt auch `+personAus+`$`, w.auchPruefling)
	sc.Step(`^die Sprachtestmeldung nennt `+personAus+` ein zweites Mal$`, w.auchPruefling)
	sc.Step(`^der (\d+)\. Prüfling hat dieselbe Bogennummer wie der (\d+)\.$`, w.selbeBogennummer)
	sc.Step(`^der (\d+)\. Prüfling hat die bereits gemeldete Bogennummer$`, w.gemeldeteBogennummer)
	sc.Step(`^ich den Sprachtest melde$`, w.sprachtestMelden)
	sc.Step(`^ich habe den Sprachtest für `+personAus+` zu diesem Kurs gemeldet$`, w.sprachtestGemeldet)

	sc.Step(`^ich die Teilnehmerauskunft zu `+personAus+`(?: mit der Kennziffer der Art "([^"]*)")? anfordere$`, w.teilnehmerauskunftZu)
	sc.Step(`^ich die Teilnehmerauskunft mit dem Geburtsdatum `+datum+` und der Kennziffer "([^"]*)" der Art "([^"]*)" anfordere$`, w.teilnehmerauskunftMit)
	sc.Step(`^ich die Teilnehmerauskunft zu `+unbekannt+` anfordere$`, w.teilnehmerauskunftUnbekannt)
	sc.Step(`^die Teilnehmerauskunft nennt die Person "([^"]*)", geboren am `+datum+`$`, w.nenntPerson)
	sc.Step(`^die Teilnehmerauskunft nennt den früheren Namen "([^"]*)"$`, w.nenntFruehereNamen)
	sc.Step(`^die Teilnehmerauskunft nennt die Behörde "([^"]*)" der Art "([^"]*)" mit dem Aktenzeichen "([^"]*)" und der Zulassungsart "([^"]*)"$`, w.nenntBehoerde)
	sc.Step(`^die Teilnehmerauskunft nennt die Behörden "([^"]*)" und "([^"]*)"$`, w.nenntBehoerden)
	sc.Step(`^das Kontingent ist genehmigt (\d+), beansprucht (\d+), verfügbar (\d+)$`, w.kontingent)
	sc.Step(`^die Teilnehmerauskunft zeigt den Teilnehmer-Typ "([^"]*)"(?: und den KB-Typ "([^"]*)")?$`, w.typen)
	sc.Step(`^die Teilnehmerauskunft zeigt das Aktenzeichen Wiederholer "([^"]*)"$`, w.wiederholerAktenzeichen)
	sc.Step(`^die Teilnehmerauskunft zeigt das DTZ-Ergebnis "([^"]*)" vom `+datum+`$`, w.dtz)
	sc.Step(`^die Teilnahmeberechtigung "([^"]*)" ist am `+datum+` erloschen$`, w.berechtigungErloschen)
	sc.Step(`^die Teilnahmeberechtigung "([^"]*)" ist am `+datum+` storniert$`, w.berechtigungStorniert)
	sc.Step(`^die Teilnehmerauskunft zeigt einen Kursbesuch beim Kursträger "([^"]*)" mit den Kursabschnitten "([^"]*)" zu je (\d+) UE$`, w.kursbesuch)
	sc.Step(`^die Teilnehmerauskunft zeigt diesen Kurs mit dem Kursabschnitt "([^"]*)" zu (\d+) UE$`, w.dieserKurs)
	sc.Step(`^die Teilnehmerauskunft zeigt die Erstanmeldung beim Kursträger "([^"]*)" mit dem Bildungsstand "([^"]*)"$`, w.erstanmeldungGezeigt)
	sc.Step(`^die Teilnehmerauskunft enthält keine Teilnehmerdaten$`, w.keineDaten)
}

// personNennen returns the person "Familienname, Vorname" of a test case
// and makes it the person the scenario talks about ("die Person").
func (w *world) personNennen(name, fallID string) (*testdaten.Person, error) {
	p, err := w.person(name, fallID)
	if err != nil {
		return nil, err
	}
	w.teilnehmer.person = p
	return p, nil
}

func anschriftVon(p *testdaten.Person) *inge.Anschrift {
	a := p.Anschrift
	return &inge.Anschrift{Strasse: a.Strasse, Postleitzahl: a.Postleitzahl, Ort: a.Ort, Staat: a.Staat, Bundesland: a.Bundesland}
}

// vollstaendigeErstanmeldung is the registration form of a person as a
// provider fills it in today: the person's data from the Testdatenpaket,
// ISCED 3A, lateinisch alphabetisiert, and a placement test a week ago that
// recommends the first section of the general course.
func vollstaendigeErstanmeldung(p *testdaten.Person, heute time.Time) inge.Erstanmeldung {
	return inge.Erstanmeldung{
		Ident:                ident(*p),
		Familienname:         p.Familienname,
		Vorname:              p.Vorname,
		Geburtsname:          p.Geburtsname,
		Geburtsort:           p.Geburtsort,
		Geschlecht:           p.Geschlecht,
		Staatsangehoerigkeit: slices.Clone(p.Staatsangehoerigkeit),
		Anschrift:            anschriftVon(p),
		Anmeldedatum:         inge.DatumOf(heute),
		Bildungsstand:        "3A",
		Schreibkundigkeit:    "3", // lateinisch alphabetisiert
		Niederschwellig:      new(false),
		Einstufungstest: &inge.Einstufungstest{
			Zentralisiert:            new(false),
			Testdatum:                inge.DatumOf(heute.AddDate(0, 0, -7)),
			EmpfohleneKursart:        "01",
			EmpfohlenerKursabschnitt: "1",
		},
		KostenbefreiungBeantragt: new(false),
		Kinderbetreuung:          new(false),
	}
}

func (w *world) erstanmeldungVorbereiten(name, fallID string) error {
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	w.prepare(&inge.AnmeldungErstverfahrenAnfrage{Anmeldung: vollstaendigeErstanmeldung(p, w.szenarioHeute())})
	return nil
}

// wiederholerVorbereiten prepares the registration for repetition of a
// person with an Aktenzeichen Wiederholer, identified by it; the placement
// test is waived (CMX-TEV).
func (w *world) wiederholerVorbereiten(name, fallID string) error {
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	id, err := identMit(p, string(inge.AktenzeichenWiederholer))
	if err != nil {
		return err
	}
	w.prepare(&inge.AnmeldungWiederholerverfahrenAnfrage{Anmeldung: inge.Wiederholeranmeldung{
		Ident:           id,
		Familienname:    p.Familienname,
		Vorname:         p.Vorname,
		Anschrift:       anschriftVon(p),
		Anmeldedatum:    inge.DatumOf(w.szenarioHeute()),
		Einstufungstest: &inge.Einstufungstest{Verzichtbar: new(true)},
	}})
	return nil
}

// identOf returns the Ident of the prepared request that names the person:
// the registration's, or the last candidate's of a Sprachtest. For an
// Anmeldung it also returns the names.
func (w *world) identOf() (id **inge.TeilnehmerIdent, familienname, vorname *string, err error) {
	switch r := w.request.(type) {
	case *inge.AnmeldungErstverfahrenAnfrage:
		return &r.Anmeldung.Ident, &r.Anmeldung.Familienname, &r.Anmeldung.Vorname, nil
	case *inge.AnmeldungWiederholerverfahrenAnfrage:
		return &r.Anmeldung.Ident, &r.Anmeldung.Familienname, &r.Anmeldung.Vorname, nil
	case *inge.SprachtestMeldenAnfrage:
		if n := len(r.Sprachtest.Pruefling); n > 0 {
			return &r.Sprachtest.Pruefling[n-1].Ident, nil, nil, nil
		}
	}
	return nil, nil, nil, fmt.Errorf("es wurde keine Anmeldung und keine Sprachtestmeldung vorbereitet")
}

// mitKennziffer identifies the person of the prepared request by another of
// its Kennziffern.
func (w *world) mitKennziffer(art string) error {
	if w.teilnehmer.person == nil {
		return fmt.Errorf("das Szenario hat noch keine Person aus dem Testdatenpaket genannt")
	}
	id, _, _, err := w.identOf()
	if err != nil {
		return err
	}
	*id, err = identMit(w.teilnehmer.person, art)
	return err
}

// unbekannt returns the Ident of a person BAMF does not know, as the
// Vorbedingungen of a test case describe one (TN-10). The person must be
// named there, and must be in no test case of the Testdatenpaket.
func (w *world) unbekanntesIdent(name, fallID, geboren, wert, art string) (*inge.TeilnehmerIdent, error) {
	fall, err := w.fall(fallID)
	if err != nil {
		return nil, err
	}
	familienname, _, _ := strings.Cut(name, ", ")
	for _, s := range []string{familienname, geboren, wert} {
		if !strings.Contains(fall.Vorbedingungen, s) {
			return nil, fmt.Errorf("die Vorbedingungen von Testfall %s nennen %q nicht", fallID, s)
		}
	}
	for _, f := range w.r.paket.Faelle {
		for _, p := range f.Personen {
			if slices.Contains(p.Kennziffern, testdaten.Kennziffer{Art: art, Wert: wert}) {
				return nil, fmt.Errorf("die Kennziffer %s %s gehört %s, %s aus Testfall %s; die Person ist dem BAMF bekannt", art, wert, p.Familienname, p.Vorname, f.ID)
			}
		}
	}
	d, err := parseDatumDE(geboren)
	if err != nil {
		return nil, err
	}
	w.teilnehmer.person = nil
	return &inge.TeilnehmerIdent{Geburtsdatum: inge.DatumOf(d), Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenArt(art), Wert: wert}}, nil
}

// unbekanntePerson puts a person BAMF does not know into the prepared
// request.
func (w *world) unbekanntePerson(name, fallID, geboren, wert, art string) error {
	id, familienname, vorname, err := w.identOf()
	if err != nil {
		return err
	}
	if *id, err = w.unbekanntesIdent(name, fallID, geboren, wert, art); err != nil {
		return err
	}
	if familienname != nil {
		*familienname, *vorname, _ = strings.Cut(name, ", ")
	}
	return nil
}

func (w *world) teilnehmerauskunftUnbekannt(ctx context.Context, name, fallID, geboren, wert, art string) error {
	id, err := w.unbekanntesIdent(name, fallID, geboren, wert, art)
	if err != nil {
		return err
	}
	return w.teilnehmerauskunft(ctx, id)
}

func (w *world) feldInZukunft(path string, tage int) error {
	req, err := prepared[inge.Request](w, "keine Anfrage")
	if err != nil {
		return err
	}
	return setField(req, path, string(inge.DatumOf(w.szenarioHeute().AddDate(0, 0, tage))), false)
}

// sendPrepared sends the prepared request of type T; keine names it in the
// error if none is prepared.
func sendPrepared[T inge.Request](ctx context.Context, w *world, keine string) error {
	req, err := prepared[T](w, keine)
	if err != nil {
		return err
	}
	return w.send(ctx, req, nil)
}

// zusaetzlichGeplant adds a person to the prepared Kursplanung.
func (w *world) zusaetzlichGeplant(name, fallID string) error {
	req, err := prepared[*inge.KursplanungErfassenAnfrage](w, "keine Kursplanung")
	if err != nil {
		return err
	}
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	k := &req.Kursplanung
	k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: ident(*p)})
	if k.TnrKursMax != nil && *k.TnrKursMax < len(k.Teilnehmer) {
		k.TnrKursMax = new(len(k.Teilnehmer))
	}
	return nil
}

// sprachtestVorbereiten prepares the report of a DTZ held two days ago for
// the scenario's course, with the placeholder Auftragsnummer 1234567
// (TRS 15/2022) and one candidate.
func (w *world) sprachtestVorbereiten(name, fallID string) error {
	if w.kurs.kennung == "" {
		return fmt.Errorf("das Szenario hat noch keinen Kurs (ich habe eine vollständige Kursplanung ... erfasst)")
	}
	w.prepare(&inge.SprachtestMeldenAnfrage{Sprachtest: inge.Sprachtest{
		Auftragsnummer: "1234567",
		Testdatum:      inge.DatumOf(w.szenarioHeute().AddDate(0, 0, -2)),
		Kurskennung:    w.kurs.kennung,
	}})
	return w.auchPruefling(name, fallID)
}

// auchPruefling adds a candidate with a new Bogennummer, a Pass number and
// the current address as the updated one.
func (w *world) auchPruefling(name, fallID string) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	nr, err := neueBogennummer()
	if err != nil {
		return err
	}
	req.Sprachtest.Pruefling = append(req.Sprachtest.Pruefling, inge.Sprachtestpruefling{
		Ident: ident(*p), Bogennummer: nr, Ausweisnummer: ausweisnummer(p), Anschrift: anschriftVon(p),
	})
	return nil
}

func (w *world) sprachtestPruefling(req *inge.SprachtestMeldenAnfrage, n int) (*inge.Sprachtestpruefling, error) {
	if n < 1 || n > len(req.Sprachtest.Pruefling) {
		return nil, fmt.Errorf("die Sprachtestmeldung hat keinen %d. Prüfling", n)
	}
	return &req.Sprachtest.Pruefling[n-1], nil
}

func (w *world) selbeBogennummer(n, wie int) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	a, err := w.sprachtestPruefling(req, n)
	if err != nil {
		return err
	}
	b, err := w.sprachtestPruefling(req, wie)
	if err != nil {
		return err
	}
	a.Bogennummer = b.Bogennummer
	return nil
}

func (w *world) gemeldeteBogennummer(n int) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	p, err := w.sprachtestPruefling(req, n)
	if err != nil {
		return err
	}
	if len(w.teilnehmer.bogennummern) == 0 {
		return fmt.Errorf("das Szenario hat noch keinen Sprachtest gemeldet")
	}
	p.Bogennummer = w.teilnehmer.bogennummern[len(w.teilnehmer.bogennummern)-1]
	return nil
}

func (w *world) sprachtestMelden(ctx context.Context) error {
	req, err := prepared[*inge.SprachtestMeldenAnfrage](w, "keine Sprachtestmeldung")
	if err != nil {
		return err
	}
	// A Bogennummer is reported once, ever: keep those the mock stored.
	return w.send(ctx, req, func() error {
		for _, p := range req.Sprachtest.Pruefling {
			w.teilnehmer.bogennummern = append(w.teilnehmer.bogennummern, p.Bogennummer)
		}
		return nil
	})
}

func (w *world) sprachtestGemeldet(ctx context.Context, name, fallID string) error {
	if err := w.sprachtestVorbereiten(name, fallID); err != nil {
		return err
	}
	return w.mustStore(ctx, w.sprachtestMelden)
}

// bogenErsteZiffer are the first digits of a DTZ Bogennummer (7 digits).
var bogenErsteZiffer = [...]string{"0", "1", "8"}

// neueBogennummer returns a random valid Bogennummer. A Bogennummer is
// reported once, ever, so every scenario needs new ones, also when it runs
// again against the same mock; 3 million values make a collision unlikely.
func neueBogennummer() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(3_000_000))
	if err != nil {
		return "", err
	}
	v := n.Int64()
	return fmt.Sprintf("%s%06d", bogenErsteZiffer[v/1_000_000], v%1_000_000), nil
}

// ausweisnummer makes up a passport number from the person's first
// Kennziffer, so the same person always shows the same passport.
func ausweisnummer(p *testdaten.Person) string {
	var b strings.Builder
	b.WriteString("P")
	for _, r := range p.Kennziffern[0].Wert {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (w *world) teilnehmerauskunftZu(ctx context.Context, name, fallID, art string) error {
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	id, err := identMit(p, art)
	if err != nil {
		return err
	}
	return w.teilnehmerauskunft(ctx, id)
}

func (w *world) teilnehmerauskunftMit(ctx context.Context, geboren, wert, art string) error {
	d, err := parseDatumDE(geboren)
	if err != nil {
		return err
	}
	w.teilnehmer.person = nil
	return w.teilnehmerauskunft(ctx, &inge.TeilnehmerIdent{Geburtsdatum: inge.DatumOf(d), Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenArt(art), Wert: wert}})
}

func (w *world) teilnehmerauskunft(ctx context.Context, id *inge.TeilnehmerIdent) error {
	req := &inge.TeilnehmerauskunftAnfrage{Ident: *id}
	req.Mandant.Traegernummer = w.mandant
	return w.send(ctx, req, nil)
}

// daten returns the Teilnehmerdaten of the last answer.
func (w *world) teilnehmerdaten() (*inge.Teilnehmerdaten, error) {
	resp, err := w.answer()
	if err != nil {
		return nil, err
	}
	r, ok := resp.(*inge.TeilnehmerauskunftAntwort)
	if !ok || r.Teilnehmer == nil {
		return nil, fmt.Errorf("die Antwort enthält keine Teilnehmerdaten (Status %s, Meldungen: %s)", resp.Base().Status, describe(resp.Base().List()))
	}
	return r.Teilnehmer, nil
}

func (w *world) nenntPerson(name, geboren string) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	g, err := parseDatumDE(geboren)
	if err != nil {
		return err
	}
	p := d.Person
	if got := p.Familienname + ", " + p.Vorname; got != name || p.Geburtsdatum != inge.DatumOf(g) {
		return fmt.Errorf("die Teilnehmerauskunft nennt %s, geboren am %s; erwartet %s, geboren am %s", got, p.Geburtsdatum, name, inge.DatumOf(g))
	}
	return nil
}

func (w *world) nenntFruehereNamen(name string) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	if !slices.Contains(d.Person.FruehererName, name) {
		return fmt.Errorf("frühere Namen %q; erwartet %q", d.Person.FruehererName, name)
	}
	return nil
}

// berechtigung returns the Teilnahmeberechtigung with the Aktenzeichen.
func (w *world) berechtigung(aktenzeichen string) (*inge.Teilnahmeberechtigung, error) {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return nil, err
	}
	for i, b := range d.Teilnahmeberechtigung {
		if b.Aktenzeichen.Wert == aktenzeichen {
			return &d.Teilnahmeberechtigung[i], nil
		}
	}
	return nil, fmt.Errorf("keine Teilnahmeberechtigung mit dem Aktenzeichen %s; erhalten: %s", aktenzeichen, berechtigungen(d))
}

func berechtigungen(d *inge.Teilnehmerdaten) string {
	var parts []string
	for _, b := range d.Teilnahmeberechtigung {
		parts = append(parts, fmt.Sprintf("%s %s (%s, %s %s, Aktenzeichen der Behörde %q)",
			b.Aktenzeichen.Art, b.Aktenzeichen.Wert, b.Zulassungsart, b.Behoerde.Art, b.Behoerde.Bezeichnung, b.BehoerdenAktenzeichen))
	}
	if len(parts) == 0 {
		return "keine"
	}
	return strings.Join(parts, "; ")
}

// nenntBehoerde expects a Berechtigung issued by the authority, with the
// Aktenzeichen both as BAMF's and as the authority's one (for BAMF itself
// only BAMF's), and the Zulassungsart.
func (w *world) nenntBehoerde(bezeichnung, art, aktenzeichen, zulassungsart string) error {
	b, err := w.berechtigung(aktenzeichen)
	if err != nil {
		return err
	}
	want := inge.Behoerde{Art: inge.AktenzeichenArt(art), Bezeichnung: bezeichnung}
	switch {
	case b.Behoerde != want:
		return fmt.Errorf("Behörde %s %q; erwartet %s %q", b.Behoerde.Art, b.Behoerde.Bezeichnung, art, bezeichnung)
	case b.Zulassungsart != zulassungsart:
		return fmt.Errorf("Zulassungsart %s; erwartet %s", b.Zulassungsart, zulassungsart)
	case art != string(inge.AktenzeichenBAMF) && b.BehoerdenAktenzeichen != aktenzeichen:
		return fmt.Errorf("Aktenzeichen der Behörde %q; erwartet %q", b.BehoerdenAktenzeichen, aktenzeichen)
	}
	return nil
}

func (w *world) nenntBehoerden(a, b string) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	for _, name := range []string{a, b} {
		if !slices.ContainsFunc(d.Teilnahmeberechtigung, func(x inge.Teilnahmeberechtigung) bool { return x.Behoerde.Bezeichnung == name }) {
			return fmt.Errorf("keine Teilnahmeberechtigung der Behörde %q; erhalten: %s", name, berechtigungen(d))
		}
	}
	return nil
}

func (w *world) kontingent(genehmigt, beansprucht, verfuegbar int) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	want := inge.Kontingent{GenehmigteStunden: genehmigt, BeanspruchteStunden: beansprucht, VerfuegbareStunden: verfuegbar}
	if d.Kontingent == nil || *d.Kontingent != want {
		return fmt.Errorf("Kontingent %+v; erwartet %+v", d.Kontingent, want)
	}
	return nil
}

func (w *world) typen(tnTyp, kbTyp string) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	if d.TnTyp != tnTyp || (kbTyp != "" && d.KbTyp != kbTyp) {
		return fmt.Errorf("TN-Typ %q, KB-Typ %q; erwartet %q, %q", d.TnTyp, d.KbTyp, tnTyp, kbTyp)
	}
	return nil
}

func (w *world) wiederholerAktenzeichen(want string) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	if d.WiederholerAktenzeichen != want {
		return fmt.Errorf("Aktenzeichen Wiederholer %q; erwartet %q", d.WiederholerAktenzeichen, want)
	}
	return nil
}

func (w *world) dtz(ergebnis, am string) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	g, err := parseDatumDE(am)
	if err != nil {
		return err
	}
	want := inge.DtzErgebnis{Pruefungsdatum: inge.DatumOf(g), Ergebnis: ergebnis}
	if !slices.Contains(d.Dtz, want) {
		return fmt.Errorf("DTZ-Ergebnisse %+v; erwartet %+v", d.Dtz, want)
	}
	return nil
}

func (w *world) berechtigungErloschen(aktenzeichen, am string) error {
	return w.berechtigungsdatum(aktenzeichen, am, "erloschen", func(b inge.Teilnahmeberechtigung) inge.Datum { return b.ErloschenAm })
}

func (w *world) berechtigungStorniert(aktenzeichen, am string) error {
	return w.berechtigungsdatum(aktenzeichen, am, "storniert", func(b inge.Teilnahmeberechtigung) inge.Datum { return b.Stornierungsdatum })
}

// berechtigungsdatum expects a date of the Teilnahmeberechtigung with the
// Aktenzeichen to be am (TT.MM.JJJJ); was names the date in the message.
func (w *world) berechtigungsdatum(aktenzeichen, am, was string, datum func(inge.Teilnahmeberechtigung) inge.Datum) error {
	b, err := w.berechtigung(aktenzeichen)
	if err != nil {
		return err
	}
	g, err := parseDatumDE(am)
	if err != nil {
		return err
	}
	if got := datum(*b); got != inge.DatumOf(g) {
		return fmt.Errorf("Teilnahmeberechtigung %s %s am %q; erwartet %s", aktenzeichen, was, got, inge.DatumOf(g))
	}
	return nil
}

// kursbesuch expects a course at the Traeger with exactly the sections
// listed ("1, 2, 3"), each billed with the hours.
func (w *world) kursbesuch(traeger, abschnitte string, stunden int) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	var want []inge.BesuchterAbschnitt
	for _, a := range strings.Split(abschnitte, ",") {
		want = append(want, inge.BesuchterAbschnitt{Kursabschnitt: strings.TrimSpace(a), AbgerechneteStunden: stunden})
	}
	for _, k := range d.Kursbesuch {
		if k.Traegernummer == traeger && slices.Equal(k.Abschnitt, want) {
			return nil
		}
	}
	return fmt.Errorf("kein Kursbesuch beim Kursträger %s mit den Kursabschnitten %s zu je %d UE; erhalten: %s", traeger, abschnitte, stunden, kursbesuche(d))
}

func (w *world) dieserKurs(abschnitt string, stunden int) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	want := []inge.BesuchterAbschnitt{{Kursabschnitt: abschnitt, AbgerechneteStunden: stunden}}
	for _, k := range d.Kursbesuch {
		if k.Kurskennung == w.kurs.kennung && k.Traegernummer == w.mandant && slices.Equal(k.Abschnitt, want) {
			return nil
		}
	}
	return fmt.Errorf("kein Kursbesuch im Kurs %s mit dem Kursabschnitt %s zu %d UE; erhalten: %s", w.kurs.kennung, abschnitt, stunden, kursbesuche(d))
}

func kursbesuche(d *inge.Teilnehmerdaten) string {
	var parts []string
	for _, k := range d.Kursbesuch {
		var ab []string
		for _, a := range k.Abschnitt {
			ab = append(ab, a.Kursabschnitt+":"+strconv.Itoa(a.AbgerechneteStunden))
		}
		parts = append(parts, fmt.Sprintf("%s %s %s bis %s [%s]", k.Traegernummer, k.Kurskennung, k.Von, k.Bis, strings.Join(ab, " ")))
	}
	if len(parts) == 0 {
		return "keine"
	}
	return strings.Join(parts, "; ")
}

func (w *world) erstanmeldungGezeigt(traeger, bildungsstand string) error {
	d, err := w.teilnehmerdaten()
	if err != nil {
		return err
	}
	e := d.Erstanmeldung
	if e == nil || e.Traegernummer != traeger || e.Bildungsstand != bildungsstand {
		return fmt.Errorf("Erstanmeldung %+v; erwartet beim Kursträger %s mit dem Bildungsstand %s", e, traeger, bildungsstand)
	}
	return nil
}

func (w *world) keineDaten() error {
	resp, err := w.answer()
	if err != nil {
		return err
	}
	if r, ok := resp.(*inge.TeilnehmerauskunftAntwort); ok && r.Teilnehmer != nil {
		return fmt.Errorf("die Antwort enthält Teilnehmerdaten zu %s, %s", r.Teilnehmer.Person.Familienname, r.Teilnehmer.Person.Vorname)
	}
	return nil
}
