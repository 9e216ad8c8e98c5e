package certrun

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The steps of Teilnehmerauskunft (teilnehmerauskunft.feature): asking for
// a person, and what the answer shows of it: the person, the
// Teilnahmeberechtigungen, the Kontingent, courses attended and the
// Erstanmeldung.
func (w *world) registerTeilnehmerauskunftSteps(sc steps) {
	sc.Step(sc.re(`^ich die Teilnehmerauskunft zu `+personAus+`(?: mit der Kennziffer der Art "([^"]*)")? anfordere$`), w.teilnehmerauskunftZu)
	sc.Step(sc.re(`^ich die Teilnehmerauskunft mit dem Geburtsdatum `+datum+` und der Kennziffer "([^"]*)" der Art "([^"]*)" anfordere$`), w.teilnehmerauskunftMit)
	sc.Step(sc.re(`^ich die Teilnehmerauskunft zu `+unbekannt+` anfordere$`), w.teilnehmerauskunftUnbekannt)
	sc.Step(sc.re(`^die Teilnehmerauskunft nennt die Person "([^"]*)", geboren am `+datum+`$`), w.nenntPerson)
	sc.Step(sc.re(`^die Teilnehmerauskunft nennt den früheren Namen "([^"]*)"$`), w.nenntFruehereNamen)
	sc.Step(sc.re(`^die Teilnehmerauskunft nennt die Behörde "([^"]*)" der Art "([^"]*)" mit dem Aktenzeichen "([^"]*)" und der Zulassungsart "([^"]*)"$`), w.nenntBehoerde)
	sc.Step(sc.re(`^die Teilnehmerauskunft nennt die Behörden "([^"]*)" und "([^"]*)"$`), w.nenntBehoerden)
	sc.Step(sc.re(`^das Kontingent ist genehmigt (\d+), beansprucht (\d+), verfügbar (\d+)$`), w.kontingent)
	sc.Step(sc.re(`^die Teilnehmerauskunft zeigt den Teilnehmer-Typ "([^"]*)"(?: und den KB-Typ "([^"]*)")?$`), w.typen)
	sc.Step(sc.re(`^die Teilnehmerauskunft zeigt das Aktenzeichen Wiederholer "([^"]*)"$`), w.wiederholerAktenzeichen)
	sc.Step(sc.re(`^die Teilnehmerauskunft zeigt das DTZ-Ergebnis "([^"]*)" vom `+datum+`$`), w.dtz)
	sc.Step(sc.re(`^die Teilnahmeberechtigung "([^"]*)" ist am `+datum+` erloschen$`), w.berechtigungErloschen)
	sc.Step(sc.re(`^die Teilnahmeberechtigung "([^"]*)" ist am `+datum+` storniert$`), w.berechtigungStorniert)
	sc.Step(sc.re(`^die Teilnehmerauskunft zeigt einen Kursbesuch beim Kursträger "([^"]*)" mit den Kursabschnitten "([^"]*)" zu je (\d+) UE$`), w.kursbesuch)
	sc.Step(sc.re(`^die Teilnehmerauskunft zeigt diesen Kurs mit dem Kursabschnitt "([^"]*)" zu (\d+) UE$`), w.dieserKurs)
	sc.Step(sc.re(`^die Teilnehmerauskunft zeigt die Erstanmeldung beim Kursträger "([^"]*)" mit dem Bildungsstand "([^"]*)"$`), w.erstanmeldungGezeigt)
	sc.Step(sc.re(`^die Teilnehmerauskunft enthält keine Teilnehmerdaten$`), w.keineDaten)
}

func (w *world) teilnehmerauskunftZu(ctx context.Context, name, fallID, art string) error {
	p, err := w.personNennen(name, fallID)
	if err != nil {
		return err
	}
	id, err := p.IdentDerArt(art)
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

func (w *world) teilnehmerauskunftUnbekannt(ctx context.Context, name, fallID, geboren, wert, art string) error {
	id, err := w.unbekanntesIdent(name, fallID, geboren, wert, art)
	if err != nil {
		return err
	}
	return w.teilnehmerauskunft(ctx, id)
}

func (w *world) teilnehmerauskunft(ctx context.Context, id *inge.TeilnehmerIdent) error {
	req := &inge.TeilnehmerauskunftAnfrage{Ident: *id}
	req.Mandant.Traegernummer = w.mandant
	return w.send(ctx, req, nil)
}

// teilnehmerdaten returns the Teilnehmerdaten of the last answer.
func (w *world) teilnehmerdaten() (*inge.Teilnehmerdaten, error) {
	r, err := answerOf[*inge.TeilnehmerauskunftAntwort](w)
	if err != nil {
		return nil, err
	}
	if r.Teilnehmer == nil {
		return nil, fmt.Errorf("die Antwort enthält keine Teilnehmerdaten (Status %s, Meldungen: %s)", r.Status, describe(r.List()))
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
		return fmt.Errorf("frühere Namen: %s; erwartet %q", readable(d.Person.FruehererName), name)
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
		return fmt.Errorf("Kontingent: %s; erwartet: %s", readable(d.Kontingent), readable(want))
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
		return fmt.Errorf("DTZ-Ergebnisse: %s; erwartet: %s", readable(d.Dtz), readable(want))
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
		return fmt.Errorf("Erstanmeldung: %s; erwartet beim Kursträger %s mit dem Bildungsstand %s", readable(e), traeger, bildungsstand)
	}
	return nil
}

func (w *world) keineDaten() error {
	r, err := answerOf[*inge.TeilnehmerauskunftAntwort](w)
	if err != nil {
		return err
	}
	if r.Teilnehmer != nil {
		return fmt.Errorf("die Antwort enthält Teilnehmerdaten zu %s, %s", r.Teilnehmer.Person.Familienname, r.Teilnehmer.Person.Vorname)
	}
	return nil
}
