package mockstate_test

// The tests of the five LiD procedures (issue 5). Each subtest works in a
// store of its own whose real time stands at jetzt (2027-03-10), with the
// data of Testfall LID-1: Traeger 10000001 is a LiD-Pruefstelle, Traeger
// 10000002 is not. The exams lie on 2027-04-14, five weeks ahead; a rule
// that needs another day freezes the store's clock there.

import (
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

var pruefungsnummerRE = regexp.MustCompile(`^L\d{9}$`)

// lidPruefungstag is the day of the exam of validLid.
const lidPruefungstag inge.Datum = "2027-04-14"

// validLid returns a complete exam of Testfall LID-1 that Traeger 10000001
// may register on 2027-03-10.
func validLid() inge.LidPruefung {
	return inge.LidPruefung{
		Pruefungsdatum:      lidPruefungstag,
		Beginnzeit:          "10:00",
		Pruefungsort:        "KO-10000001-09",
		Raumnummer:          "1.07",
		KontaktEmail:        "lid-pruefung@sprachschule-beispielstadt.example",
		Verwaltungsstandort: "VS-10000001-01",
		Lieferadresse:       "LA-10000001-01",
	}
}

// The persons of Testfall LID-1, each identified by Geburtsdatum and BAMF
// Personenkennziffer; a new value on every call.
func nazari() *inge.TeilnehmerIdent        { return person("1990-06-14", "6900101-423") }
func gebreyesus() *inge.TeilnehmerIdent    { return person("1997-03-08", "6900102-224") }
func schewtschenko() *inge.TeilnehmerIdent { return person("1983-09-03", "6900103-166") }
func arslan() *inge.TeilnehmerIdent        { return person("1976-11-19", "6900104-163") }

// nazariABH identifies Hamid Nazari by his ABH Aktenzeichen instead.
func nazariABH() *inge.TeilnehmerIdent {
	return &inge.TeilnehmerIdent{
		Geburtsdatum: "1990-06-14",
		Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenABH, Wert: "ABH-09-2025-000731"},
	}
}

func lidIdent(id *inge.TeilnehmerIdent) inge.LidPruefling { return inge.LidPruefling{Ident: id} }

// selbstzahler returns a self-payer unknown to BAMF with all the data a
// certificate needs.
func selbstzahler(familienname, vorname string, geburtsdatum inge.Datum) *inge.Selbstzahler {
	return &inge.Selbstzahler{
		Familienname:         familienname,
		Vorname:              vorname,
		Geburtsdatum:         geburtsdatum,
		Geburtsort:           "Krakau",
		Geschlecht:           "w",
		Staatsangehoerigkeit: []string{"152"}, // Polen
		Anschrift: &inge.Anschrift{
			Strasse: "Hauptstraße 3", Postleitzahl: "91999", Ort: "Beispielstadt", Staat: "000", Bundesland: "09",
		},
	}
}

func zahler(familienname, vorname string, geburtsdatum inge.Datum) inge.LidPruefling {
	return inge.LidPruefling{Selbstzahler: selbstzahler(familienname, vorname, geburtsdatum)}
}

func novak() inge.LidPruefling { return zahler("Novak", "Jana", "1992-05-17") }

// zahlerListe returns n different self-payers, the i-th born i days after
// 1980-01-01; from shifts the first, so that lists never overlap.
func zahlerListe(from, n int) []inge.LidPruefling {
	var out []inge.LidPruefling
	start := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := from; i < from+n; i++ {
		out = append(out, zahler("Muster", "Anna", inge.DatumOf(start.AddDate(0, 0, i))))
	}
	return out
}

// lidLauf is one exam in a store of its own: the world of one subtest.
type lidLauf struct {
	tb       testing.TB
	s        *mockstate.Store
	v        *vorgaenge
	nummer   string
	pruefung inge.LidPruefung // as stored
}

// neueLidPruefung registers the exam of validLid for Traeger 10000001 on
// 2027-03-10.
func neueLidPruefung(tb testing.TB, opts ...mockstate.Option) *lidLauf {
	tb.Helper()
	return lidPruefungIn(tb, openStore(tb, opts...))
}

// lidPruefungIn registers the exam of validLid for Traeger 10000001 in s.
func lidPruefungIn(tb testing.TB, s *mockstate.Store) *lidLauf {
	tb.Helper()
	l := &lidLauf{tb: tb, s: s, v: &vorgaenge{}}
	resp := l.erfassen(kt1, validLid())
	mustSucceed(tb, resp)
	l.nummer, l.pruefung = resp.Pruefungsnummer, validLid()
	return l
}

// apply runs req for caller, in the caller's Mandant, and checks its
// Vorgangsnummer.
func (l *lidLauf) apply(caller mockstate.Caller, req inge.Request) inge.Response {
	l.tb.Helper()
	req.Base().Mandant.Traegernummer = caller.Traegernummer
	probe := rollbackProbe(l.tb, l.s, caller, req)
	resp := ingetest.Apply(l.tb, l.s, caller, req)
	probe(resp)
	l.v.check(l.tb, resp)
	return resp
}

func (l *lidLauf) erfassen(caller mockstate.Caller, p inge.LidPruefung) *inge.LidPruefungErfassenAntwort {
	l.tb.Helper()
	return l.apply(caller, &inge.LidPruefungErfassenAnfrage{Pruefung: p}).(*inge.LidPruefungErfassenAntwort)
}

// heute freezes the store's clock at 09:00 UTC of datum.
func (l *lidLauf) heute(datum inge.Datum) {
	l.tb.Helper()
	heute(l.tb, l.s, datum)
}

// aktualisierung returns a valid change of the exam: a week later, in the
// afternoon, in another room.
func (l *lidLauf) aktualisierung() *inge.LidPruefungAktualisierenAnfrage {
	p := l.pruefung
	p.Pruefungsdatum = plusTage(l.tb, p.Pruefungsdatum, 7)
	p.Beginnzeit = "13:30"
	p.Raumnummer = "2.11"
	return &inge.LidPruefungAktualisierenAnfrage{Pruefungsnummer: l.nummer, Pruefung: p}
}

func (l *lidLauf) stornierung() *inge.LidPruefungStornierenAnfrage {
	return &inge.LidPruefungStornierenAnfrage{Pruefungsnummer: l.nummer, Grund: "Prüfungsraum nicht verfügbar"}
}

func (l *lidLauf) meldung(p ...inge.LidPruefling) *inge.LidTeilnehmendeMeldenAnfrage {
	return &inge.LidTeilnehmendeMeldenAnfrage{Pruefungsnummer: l.nummer, Pruefling: p}
}

func (l *lidLauf) stornieren() {
	l.tb.Helper()
	mustSucceed(l.tb, l.apply(kt1, l.stornierung()))
}

func (l *lidLauf) melden(p ...inge.LidPruefling) {
	l.tb.Helper()
	mustSucceed(l.tb, l.apply(kt1, l.meldung(p...)))
}

func (l *lidLauf) auskunft(caller mockstate.Caller, nummer string) *inge.LidPruefungAuskunftAntwort {
	l.tb.Helper()
	return l.apply(caller, &inge.LidPruefungAuskunftAnfrage{Pruefungsnummer: nummer}).(*inge.LidPruefungAuskunftAntwort)
}

// daten returns the LidPruefungAuskunft of the exam.
func (l *lidLauf) daten() *inge.LidPruefungsdaten {
	l.tb.Helper()
	a := l.auskunft(kt1, l.nummer)
	mustSucceed(l.tb, a)
	if a.Pruefung == nil {
		l.tb.Fatal("LidPruefungAuskunft: Pruefung = nil; want the exam")
	}
	return a.Pruefung
}

// lidTabellen renders the LiD tables row by row.
func lidTabellen(tb testing.TB, s *mockstate.Store) string {
	tb.Helper()
	return dumpTables(tb, s, "lid_pruefung", "lid_pruefling", "lid_nummer")
}

// zustand renders what the store holds on LiD exams and the Auskunft of
// the exam, so that a refused or rolled back request can be shown to have
// changed nothing.
func (l *lidLauf) zustand() string {
	l.tb.Helper()
	a := l.auskunft(kt1, l.nummer)
	x, err := xml.Marshal(a.Pruefung)
	if err != nil {
		l.tb.Fatal(err)
	}
	return lidTabellen(l.tb, l.s) + "\nLidPruefungAuskunft " + string(a.Status) + " " + string(x)
}

func (l *lidLauf) unveraendert(t *testing.T, vorher string) {
	t.Helper()
	unveraendertGegen(t, l.zustand, vorher)
}

// ergebnis checks the answer to a write: with want nil it was stored with
// the Hinweis erfolg alone; otherwise it was refused with exactly want and
// the store is as it was before.
func (l *lidLauf) ergebnis(t *testing.T, resp inge.Response, erfolg inge.Key, vorher string, want []meldung) {
	t.Helper()
	ergebnisGegen(t, l.zustand, resp, erfolg, vorher, want)
}

// rollback checks that req, a valid write, is answered as geprueft under
// Rollback with the Rollback Hinweis alone and changes nothing, and that it
// is stored without the flag.
func (l *lidLauf) rollback(t *testing.T, req inge.Request, erfolg inge.Key) {
	t.Helper()
	vorher := l.zustand()
	req.Base().Rollback = true
	resp := l.apply(kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	hasMeldungen(t, resp.Base().List(), meldung{inge.RollbackGeprueft, ""})
	l.unveraendert(t, vorher)

	req.Base().Rollback = false
	resp = l.apply(kt1, req)
	hasStatus(t, resp, inge.StatusVerarbeitet)
	hasMeldungen(t, resp.Base().List(), meldung{erfolg, ""})
	if l.zustand() == vorher {
		t.Error("the request without Rollback changed nothing")
	}
}

// hasLidTexte checks that the text of the Meldung with each code contains
// each of its parts.
func hasLidTexte(tb testing.TB, got []inge.Meldung, want map[string][]string) {
	tb.Helper()
	for code, parts := range want {
		i := slices.IndexFunc(got, func(m inge.Meldung) bool { return m.Code == code })
		if i < 0 {
			tb.Errorf("no Meldung %s in %+v", code, got)
			continue
		}
		for _, part := range parts {
			if !strings.Contains(got[i].Text, part) {
				tb.Errorf("Meldung %s: Text = %q; want it to contain %q", code, got[i].Text, part)
			}
		}
	}
}

// Every procedure answers a foreign exam exactly as an unknown one.
func TestLidPruefungEinesAnderenTraegersWieUnbekannt(t *testing.T) {
	l := neueLidPruefung(t)
	requests := map[string]func(nummer string) inge.Request{
		"LidPruefungAktualisieren": func(n string) inge.Request {
			r := l.aktualisierung()
			r.Pruefungsnummer = n
			return r
		},
		"LidPruefungStornieren": func(n string) inge.Request {
			return &inge.LidPruefungStornierenAnfrage{Pruefungsnummer: n}
		},
		"LidTeilnehmendeMelden": func(n string) inge.Request {
			return &inge.LidTeilnehmendeMeldenAnfrage{Pruefungsnummer: n, Pruefling: []inge.LidPruefling{lidIdent(nazari())}}
		},
		"LidPruefungAuskunft": func(n string) inge.Request {
			return &inge.LidPruefungAuskunftAnfrage{Pruefungsnummer: n}
		},
	}
	for name, req := range requests {
		t.Run(name, func(t *testing.T) {
			text := func(caller mockstate.Caller, nummer string) string {
				t.Helper()
				resp := l.apply(caller, req(nummer))
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.Base().List(), meldung{inge.PruefungUnbekannt, "Pruefungsnummer"})
				if len(resp.Base().List()) == 0 {
					return ""
				}
				return strings.ReplaceAll(resp.Base().List()[0].Text, nummer, "L…")
			}
			if fremd, unbekannt := text(kt2, l.nummer), text(kt2, "L999999999"); fremd != unbekannt {
				t.Errorf("Text for another Traeger's exam = %q; want %q, as for an unknown one", fremd, unbekannt)
			}
		})
	}
}

// TestLidMeldungTexts checks that the values a rule names reach the text of
// its Meldung.
func TestLidMeldungTexts(t *testing.T) {
	t.Run("Erfassen", func(t *testing.T) {
		l := &lidLauf{tb: t, s: openStore(t), v: &vorgaenge{}}
		p := validLid()
		p.Pruefungsdatum = "2027-03-23"
		p.KontaktEmail = "pruefung(at)beispiel.example"
		p.Verwaltungsstandort = "VS-10000002-01"
		p.Lieferadresse = "LA-99999999-01"
		p.Pruefungsort = "KO-10000002-01"
		resp := l.erfassen(kt1, p)
		hasLidTexte(t, resp.List(), map[string][]string{
			"M5002": {"24.03.2027"},
			"M5003": {`"pruefung(at)beispiel.example"`},
			"M5004": {`"VS-10000002-01"`},
			"M5005": {`"LA-99999999-01"`},
			"M3001": {`"KO-10000002-01"`},
		})
	})
	t.Run("Vorbei", func(t *testing.T) {
		l := neueLidPruefung(t)
		l.heute("2027-04-15")
		resp := l.apply(kt1, l.stornierung())
		hasLidTexte(t, resp.Base().List(), map[string][]string{"M5012": {"14.04.2027"}})
	})
	t.Run("Storniert", func(t *testing.T) {
		l := neueLidPruefung(t)
		l.stornieren()
		resp := l.apply(kt1, l.stornierung())
		hasLidTexte(t, resp.Base().List(), map[string][]string{"M5011": {l.nummer}})
	})
	t.Run("Voll", func(t *testing.T) {
		r := mockstate.DefaultRegeln()
		r.LidKapazitaet = 3
		l := neueLidPruefung(t, mockstate.WithRegeln(r))
		resp := l.apply(kt1, l.meldung(lidIdent(nazari()), lidIdent(gebreyesus()), lidIdent(schewtschenko()), lidIdent(arslan())))
		hasLidTexte(t, resp.Base().List(), map[string][]string{"M5014": {"höchstens 3", "4"}})
	})
}
