package mockstate_test

import (
	"encoding/xml"
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The tests of the five LiD procedures (issue 5). Each subtest works in a
// store of its own whose real time stands at jetzt (2027-03-10), with the
// data of Testfall LID-1: Traeger 10000001 is a LiD-Pruefstelle, Traeger
// 10000002 is not. The exams lie on 2027-04-14, five weeks ahead; a rule
// that needs another day freezes Traeger 10000001's clock there.

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

// lidTag returns the day n days after d.
func lidTag(tb testing.TB, d inge.Datum, n int) inge.Datum {
	tb.Helper()
	t, err := d.Time()
	if err != nil {
		tb.Fatal(err)
	}
	return inge.DatumOf(t.AddDate(0, 0, n))
}

// lidLauf is one exam in a store of its own: the world of one subtest.
type lidLauf struct {
	tb       testing.TB
	s        *mockstate.Store
	v        *vorgaenge
	nummer   string
	pruefung inge.LidPruefung // as stored
}

// openLidStore opens a store holding the Testdatenpaket whose real time
// stands at jetzt.
func openLidStore(tb testing.TB, opts ...mockstate.Option) *mockstate.Store {
	tb.Helper()
	s := MustOpen(tb, append([]mockstate.Option{mockstate.WithTimeSource(newFakeTime(jetzt).Now)}, opts...)...)
	MustLoad(tb, s)
	return s
}

// neueLidPruefung registers the exam of validLid for Traeger 10000001 on
// 2027-03-10.
func neueLidPruefung(tb testing.TB, opts ...mockstate.Option) *lidLauf {
	tb.Helper()
	l := &lidLauf{tb: tb, s: openLidStore(tb, opts...), v: &vorgaenge{}}
	resp := l.erfassen(kt1, validLid())
	lidStored(tb, resp)
	l.nummer, l.pruefung = resp.Pruefungsnummer, validLid()
	return l
}

// lidStored stops the test unless resp was stored.
func lidStored(tb testing.TB, resp inge.Response) {
	tb.Helper()
	if got := resp.Base().Status; got != inge.StatusVerarbeitet {
		tb.Fatalf("%T: Status = %s, Meldungen %+v; want %s", resp, got, resp.Base().List(), inge.StatusVerarbeitet)
	}
}

// apply runs req for caller, in the caller's Mandant, and checks its
// Vorgangsnummer.
func (l *lidLauf) apply(caller mockstate.Caller, req inge.Request) inge.Response {
	l.tb.Helper()
	req.Base().Mandant.Traegernummer = caller.Traegernummer
	resp, err := l.s.Apply(l.tb.Context(), caller, req)
	if err != nil {
		l.tb.Fatalf("Apply(%T): %v", req, err)
	}
	l.v.check(l.tb, resp)
	return resp
}

func (l *lidLauf) erfassen(caller mockstate.Caller, p inge.LidPruefung) *inge.LidPruefungErfassenAntwort {
	l.tb.Helper()
	return l.apply(caller, &inge.LidPruefungErfassenAnfrage{Pruefung: p}).(*inge.LidPruefungErfassenAntwort)
}

// heute freezes the clock of Traeger 10000001 at 09:00 UTC of datum.
func (l *lidLauf) heute(datum inge.Datum) {
	l.tb.Helper()
	d, err := datum.Time()
	if err != nil {
		l.tb.Fatal(err)
	}
	if err := l.s.FreezeClock(l.tb.Context(), kt1.Traegernummer, d.Add(9*time.Hour)); err != nil {
		l.tb.Fatal(err)
	}
}

// aktualisierung returns a valid change of the exam: a week later, in the
// afternoon, in another room.
func (l *lidLauf) aktualisierung() *inge.LidPruefungAktualisierenAnfrage {
	p := l.pruefung
	p.Pruefungsdatum = lidTag(l.tb, p.Pruefungsdatum, 7)
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
	lidStored(l.tb, l.apply(kt1, l.stornierung()))
}

func (l *lidLauf) melden(p ...inge.LidPruefling) {
	l.tb.Helper()
	lidStored(l.tb, l.apply(kt1, l.meldung(p...)))
}

func (l *lidLauf) auskunft(caller mockstate.Caller, nummer string) *inge.LidPruefungAuskunftAntwort {
	l.tb.Helper()
	return l.apply(caller, &inge.LidPruefungAuskunftAnfrage{Pruefungsnummer: nummer}).(*inge.LidPruefungAuskunftAntwort)
}

// daten returns the LidPruefungAuskunft of the exam.
func (l *lidLauf) daten() *inge.LidPruefungsdaten {
	l.tb.Helper()
	a := l.auskunft(kt1, l.nummer)
	lidStored(l.tb, a)
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

func TestLidPruefungErfassen(t *testing.T) {
	kt2Pruefung := func(p *inge.LidPruefung) {
		// The own data of Traeger 10000002, so that only the Pruefstelle
		// rule can refuse it.
		p.Pruefungsort, p.Verwaltungsstandort, p.Lieferadresse = "KO-10000002-01", "VS-10000002-01", ""
	}
	tests := []struct {
		name   string
		caller mockstate.Caller
		mutate func(p *inge.LidPruefung)
		want   []meldung // nil: the exam is stored
	}{
		{"OK", kt1, func(*inge.LidPruefung) {}, nil},
		{"OK/OhneLieferadresse", kt1, func(p *inge.LidPruefung) { p.Lieferadresse = "" }, nil},
		{"OK/GenauZweiWochen", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-03-24" }, nil},

		{"ErrKeinePruefstelle", kt2, kt2Pruefung,
			[]meldung{{inge.KeinePruefstelle, "Mandant/Traegernummer"}}},
		{"ErrDreizehnTage", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-03-23" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrHeute", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-03-10" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrVergangen", kt1, func(p *inge.LidPruefung) { p.Pruefungsdatum = "2027-02-24" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrPruefungsortUnbekannt", kt1, func(p *inge.LidPruefung) { p.Pruefungsort = "KO-99999999-01" },
			[]meldung{{inge.KursortUnbekannt, "Pruefung/Pruefungsort"}}},
		{"ErrPruefungsortEinesAnderenTraegers", kt1, func(p *inge.LidPruefung) { p.Pruefungsort = "KO-10000002-01" },
			[]meldung{{inge.KursortUnbekannt, "Pruefung/Pruefungsort"}}},
		{"ErrEmailOhneAt", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "pruefung(at)beispiel.example" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrEmailOhneDomain", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "pruefung@localhost" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrEmailMitAnzeigename", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "Prüfung <pruefung@beispiel.example>" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrEmailMitLeerzeichen", kt1, func(p *inge.LidPruefung) { p.KontaktEmail = "lid pruefung@beispiel.example" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrVerwaltungsstandortEinesAnderenTraegers", kt1, func(p *inge.LidPruefung) { p.Verwaltungsstandort = "VS-10000002-01" },
			[]meldung{{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"}}},
		{"ErrVerwaltungsstandortUnbekannt", kt1, func(p *inge.LidPruefung) { p.Verwaltungsstandort = "VS-99999999-01" },
			[]meldung{{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"}}},
		{"ErrLieferadresseUnbekannt", kt1, func(p *inge.LidPruefung) { p.Lieferadresse = "LA-99999999-01" },
			[]meldung{{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"}}},
		{"ErrLieferadresseOhneEigene", kt2, func(p *inge.LidPruefung) {
			kt2Pruefung(p)
			p.Lieferadresse = "LA-10000001-01" // Traeger 10000002 has none
		}, []meldung{
			{inge.KeinePruefstelle, "Mandant/Traegernummer"},
			{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"},
		}},
		{"ErrPflichtfelderFehlen", kt1, func(p *inge.LidPruefung) {
			*p = inge.LidPruefung{Lieferadresse: p.Lieferadresse}
		}, []meldung{
			{inge.PflichtfeldFehlt, "Pruefung/Pruefungsdatum"},
			{inge.PflichtfeldFehlt, "Pruefung/Beginnzeit"},
			{inge.PflichtfeldFehlt, "Pruefung/Pruefungsort"},
			{inge.PflichtfeldFehlt, "Pruefung/Raumnummer"},
			{inge.PflichtfeldFehlt, "Pruefung/KontaktEmail"},
			{inge.PflichtfeldFehlt, "Pruefung/Verwaltungsstandort"},
		}},
		{"ErrAlleRegelnZugleich", kt1, func(p *inge.LidPruefung) {
			p.Pruefungsdatum = "2027-03-23"
			p.Pruefungsort = "KO-10000002-01"
			p.Raumnummer = ""
			p.KontaktEmail = "pruefung(at)beispiel.example"
			p.Verwaltungsstandort = "VS-10000002-01"
			p.Lieferadresse = "LA-99999999-01"
		}, []meldung{
			{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"},
			{inge.KursortUnbekannt, "Pruefung/Pruefungsort"},
			{inge.PflichtfeldFehlt, "Pruefung/Raumnummer"},
			{inge.EmailUngueltig, "Pruefung/KontaktEmail"},
			{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"},
			{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := &lidLauf{tb: t, s: openLidStore(t), v: &vorgaenge{}}
			vorher := lidTabellen(t, l.s)
			p := validLid()
			tt.mutate(&p)
			resp := l.erfassen(tt.caller, p)

			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				if resp.Pruefungsnummer != "" {
					t.Errorf("Pruefungsnummer = %q; want none", resp.Pruefungsnummer)
				}
				if got := lidTabellen(t, l.s); got != vorher {
					t.Errorf("the refused request changed the store:\n%s\nwant\n%s", got, vorher)
				}
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			hasMeldungen(t, resp.List(), meldung{inge.LidPruefungErfasst, ""})
			if !pruefungsnummerRE.MatchString(resp.Pruefungsnummer) {
				t.Fatalf("Pruefungsnummer = %q; want L and nine digits", resp.Pruefungsnummer)
			}
			hasLidTexte(t, resp.List(), map[string][]string{"M5020": {resp.Pruefungsnummer}})
			l.nummer = resp.Pruefungsnummer
			want := &inge.LidPruefungsdaten{Pruefungsnummer: resp.Pruefungsnummer, Pruefungsstatus: inge.PruefungErfasst, Pruefung: p}
			if got := l.daten(); !reflect.DeepEqual(got, want) {
				t.Errorf("LidPruefungAuskunft =\n%+v\nwant\n%+v", *got, *want)
			}
		})
	}
}

func TestLidPruefungErfassenRollback(t *testing.T) {
	l := &lidLauf{tb: t, s: openLidStore(t), v: &vorgaenge{}}

	req := &inge.LidPruefungErfassenAnfrage{Pruefung: validLid()}
	req.Rollback = true
	resp := l.apply(kt1, req).(*inge.LidPruefungErfassenAntwort)
	hasStatus(t, resp, inge.StatusGeprueft)
	// Only the Rollback Hinweis: "erfolgreich erfasst" would contradict it.
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	if !pruefungsnummerRE.MatchString(resp.Pruefungsnummer) {
		t.Fatalf("Pruefungsnummer = %q; want L and nine digits", resp.Pruefungsnummer)
	}
	a := l.auskunft(kt1, resp.Pruefungsnummer)
	hasStatus(t, a, inge.StatusAbgelehnt)
	hasMeldungen(t, a.List(), meldung{inge.PruefungUnbekannt, "Pruefungsnummer"})
	if a.Pruefung != nil {
		t.Errorf("LidPruefungAuskunft of the rolled back number: Pruefung = %+v; want nil", a.Pruefung)
	}
	for _, table := range []string{"lid_pruefung", "lid_pruefling"} {
		if got := count(t, l.s, table); got != 0 {
			t.Errorf("%s: %d rows; want none", table, got)
		}
	}

	t.Run("PruefungsnummerNotReused", func(t *testing.T) {
		// A Pruefungsnummer is unique for ever (migration 005): a client
		// shown one in a Rollback answer must not later find it naming
		// another exam.
		danach := l.erfassen(kt1, validLid())
		hasStatus(t, danach, inge.StatusVerarbeitet)
		if danach.Pruefungsnummer == resp.Pruefungsnummer {
			t.Errorf("Pruefungsnummer of the stored exam = %q, the same as the Rollback's", danach.Pruefungsnummer)
		}
		a := l.auskunft(kt1, resp.Pruefungsnummer)
		hasStatus(t, a, inge.StatusAbgelehnt)
	})

	t.Run("ErrRejectedIsAbgelehnt", func(t *testing.T) {
		l := &lidLauf{tb: t, s: openLidStore(t), v: &vorgaenge{}}
		vorher := lidTabellen(t, l.s)
		req := &inge.LidPruefungErfassenAnfrage{Pruefung: validLid()}
		req.Rollback = true
		req.Pruefung.Pruefungsdatum = "2027-03-23"
		resp := l.apply(kt1, req).(*inge.LidPruefungErfassenAntwort)
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(), meldung{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"})
		if resp.Pruefungsnummer != "" {
			t.Errorf("Pruefungsnummer = %q; want none", resp.Pruefungsnummer)
		}
		if got := lidTabellen(t, l.s); got != vorher {
			t.Errorf("the refused request changed the store:\n%s\nwant\n%s", got, vorher)
		}
	})
}

func TestLidPruefungAktualisieren(t *testing.T) {
	tests := []struct {
		name   string
		caller mockstate.Caller
		vorher func(l *lidLauf)
		mutate func(l *lidLauf, r *inge.LidPruefungAktualisierenAnfrage)
		want   []meldung // nil: the change is stored
	}{
		{"OK", kt1, nil, nil, nil},
		{"OK/NurRaum", kt1, nil, func(l *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) {
			r.Pruefung = l.pruefung
			r.Pruefung.Raumnummer = "0.01"
		}, nil},
		{"OK/NeuesDatumGenauZweiWochen", kt1,
			func(l *lidLauf) { l.heute("2027-03-20") },
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsdatum = "2027-04-03" },
			nil},

		{"ErrNeuesDatumDreizehnTage", kt1,
			func(l *lidLauf) { l.heute("2027-03-20") },
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsdatum = "2027-04-02" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrNeuesDatumVorgezogen", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsdatum = "2027-03-17" },
			[]meldung{{inge.PruefungZuKurzfristig, "Pruefung/Pruefungsdatum"}}},
		{"ErrPruefungsortEinesAnderenTraegers", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Pruefungsort = "KO-10000002-01" },
			[]meldung{{inge.KursortUnbekannt, "Pruefung/Pruefungsort"}}},
		{"ErrEmailUngueltig", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.KontaktEmail = "pruefung@" },
			[]meldung{{inge.EmailUngueltig, "Pruefung/KontaktEmail"}}},
		{"ErrVerwaltungsstandort", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) {
				r.Pruefung.Verwaltungsstandort = "VS-10000002-01"
			},
			[]meldung{{inge.VerwaltungsstandortUnbekannt, "Pruefung/Verwaltungsstandort"}}},
		{"ErrLieferadresse", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefung.Lieferadresse = "LA-99999999-01" },
			[]meldung{{inge.LieferadresseUnbekannt, "Pruefung/Lieferadresse"}}},
		{"ErrPflichtfelderFehlen", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) {
				r.Pruefung.Beginnzeit, r.Pruefung.Raumnummer, r.Pruefung.KontaktEmail = "", "", ""
			}, []meldung{
				{inge.PflichtfeldFehlt, "Pruefung/Beginnzeit"},
				{inge.PflichtfeldFehlt, "Pruefung/Raumnummer"},
				{inge.PflichtfeldFehlt, "Pruefung/KontaktEmail"},
			}},
		{"ErrPruefungsnummerFehlt", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefungsnummer = "" },
			[]meldung{{inge.PflichtfeldFehlt, "Pruefungsnummer"}}},
		{"ErrPruefungUnbekannt", kt1, nil,
			func(_ *lidLauf, r *inge.LidPruefungAktualisierenAnfrage) { r.Pruefungsnummer = "L999999999" },
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungEinesAnderenTraegers", kt2, nil, nil,
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrStorniert", kt1, (*lidLauf).stornieren, nil,
			[]meldung{{inge.PruefungIstStorniert, "Pruefungsnummer"}}},
		{"ErrNachDemPruefungstag", kt1, func(l *lidLauf) { l.heute(lidTag(l.tb, lidPruefungstag, 1)) }, nil,
			[]meldung{{inge.PruefungVorbei, "Pruefungsnummer"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neueLidPruefung(t)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			req := l.aktualisierung()
			if tt.mutate != nil {
				tt.mutate(l, req)
			}
			vorher := l.zustand()
			resp := l.apply(tt.caller, req)
			l.ergebnis(t, resp, inge.LidPruefungAktualisiert, vorher, tt.want)
			if tt.want != nil {
				return
			}
			want := &inge.LidPruefungsdaten{Pruefungsnummer: l.nummer, Pruefungsstatus: inge.PruefungErfasst, Pruefung: req.Pruefung}
			if got := l.daten(); !reflect.DeepEqual(got, want) {
				t.Errorf("LidPruefungAuskunft =\n%+v\nwant\n%+v", *got, *want)
			}
		})
	}
	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neueLidPruefung(t)
		l.rollback(t, l.aktualisierung(), inge.LidPruefungAktualisiert)
	})
}

func TestLidPruefungStornieren(t *testing.T) {
	tests := []struct {
		name   string
		caller mockstate.Caller
		vorher func(l *lidLauf)
		mutate func(r *inge.LidPruefungStornierenAnfrage)
		want   []meldung // nil: the exam is cancelled
	}{
		{"OK", kt1, nil, nil, nil},
		{"OK/OhneGrund", kt1, nil, func(r *inge.LidPruefungStornierenAnfrage) { r.Grund = "" }, nil},
		{"OK/MitGemeldetenPrueflingen", kt1, func(l *lidLauf) { l.melden(lidIdent(nazari()), novak()) }, nil, nil},
		// Reconstructed: no change "after" the exam date, so the exam day
		// itself still counts.
		{"OK/AmPruefungstag", kt1, func(l *lidLauf) { l.heute(lidPruefungstag) }, nil, nil},

		{"ErrZweimal", kt1, (*lidLauf).stornieren, nil,
			[]meldung{{inge.PruefungIstStorniert, "Pruefungsnummer"}}},
		{"ErrNachDemPruefungstag", kt1, func(l *lidLauf) { l.heute(lidTag(l.tb, lidPruefungstag, 1)) }, nil,
			[]meldung{{inge.PruefungVorbei, "Pruefungsnummer"}}},
		{"ErrPruefungEinesAnderenTraegers", kt2, nil, nil,
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungUnbekannt", kt1, nil, func(r *inge.LidPruefungStornierenAnfrage) { r.Pruefungsnummer = "L999999999" },
			[]meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungsnummerFehlt", kt1, nil, func(r *inge.LidPruefungStornierenAnfrage) { r.Pruefungsnummer = "" },
			[]meldung{{inge.PflichtfeldFehlt, "Pruefungsnummer"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neueLidPruefung(t)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			req := l.stornierung()
			if tt.mutate != nil {
				tt.mutate(req)
			}
			vorher := l.daten()
			zustand := l.zustand()
			resp := l.apply(tt.caller, req)
			l.ergebnis(t, resp, inge.LidPruefungStorniertHinweis, zustand, tt.want)
			if tt.want != nil {
				return
			}
			// The Auskunft still shows the exam and its candidates, now
			// cancelled.
			want := *vorher
			want.Pruefungsstatus = inge.PruefungStorniert
			if got := l.daten(); !reflect.DeepEqual(*got, want) {
				t.Errorf("LidPruefungAuskunft =\n%+v\nwant\n%+v", *got, want)
			}
		})
	}
	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neueLidPruefung(t)
		l.rollback(t, l.stornierung(), inge.LidPruefungStorniertHinweis)
		if got := l.daten().Pruefungsstatus; got != inge.PruefungStorniert {
			t.Errorf("Pruefungsstatus = %s; want %s", got, inge.PruefungStorniert)
		}
	})
}

func TestLidTeilnehmendeMelden(t *testing.T) {
	klein := []mockstate.Option{mockstate.WithRegeln(func() mockstate.Regeln {
		r := mockstate.DefaultRegeln()
		r.LidKapazitaet = 3
		return r
	}())}
	tests := []struct {
		name      string
		opts      []mockstate.Option
		caller    mockstate.Caller
		vorher    func(l *lidLauf)
		pruefling []inge.LidPruefling
		mutate    func(r *inge.LidTeilnehmendeMeldenAnfrage)
		want      []meldung // nil: the candidates are stored
		gemeldet  int       // candidates of the exam afterwards, if stored
	}{
		{name: "OK", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazari()), lidIdent(gebreyesus()), novak()}, gemeldet: 3},
		{name: "OK/NurSelbstzahler", caller: kt1,
			pruefling: []inge.LidPruefling{novak()}, gemeldet: 1},
		{name: "OK/PersonUeberAnderesAktenzeichen", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazariABH())}, gemeldet: 1},
		{name: "OK/ZweiteMeldung", caller: kt1,
			vorher:    func(l *lidLauf) { l.melden(lidIdent(nazari()), novak()) },
			pruefling: []inge.LidPruefling{lidIdent(gebreyesus()), zahler("Novak", "Petr", "1992-05-17")}, gemeldet: 4},
		{name: "OK/BisZurKapazitaet", opts: klein, caller: kt1,
			vorher:    func(l *lidLauf) { l.melden(lidIdent(nazari()), lidIdent(gebreyesus())) },
			pruefling: []inge.LidPruefling{novak()}, gemeldet: 3},
		{name: "OK/KapazitaetVoll25", caller: kt1,
			pruefling: zahlerListe(0, mockstate.DefaultLidKapazitaet), gemeldet: 25},
		{name: "OK/AmPruefungstag", caller: kt1,
			vorher:    func(l *lidLauf) { l.heute(lidPruefungstag) },
			pruefling: []inge.LidPruefling{lidIdent(nazari())}, gemeldet: 1},

		{name: "ErrNichtIdentifiziertGeburtsdatum", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazari()), lidIdent(person("1997-03-09", "6900102-224"))},
			want:      []meldung{{inge.PersonNichtIdentifiziert, "Pruefling[2]/Ident"}}},
		{name: "ErrNichtIdentifiziertAktenzeichen", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(person("1990-06-14", "6900199-423"))},
			want:      []meldung{{inge.PersonNichtIdentifiziert, "Pruefling[1]/Ident"}}},
		{name: "ErrIdentOhneAktenzeichen", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(&inge.TeilnehmerIdent{Geburtsdatum: "1990-06-14"})},
			want:      []meldung{{inge.PflichtfeldFehlt, "Pruefling[1]/Ident/Aktenzeichen"}}},
		{name: "ErrDoppeltInDerMeldung", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazari()), lidIdent(gebreyesus()), lidIdent(nazari())},
			want:      []meldung{{inge.PrueflingDoppelt, "Pruefling[3]"}}},
		{name: "ErrDoppeltUeberAnderesAktenzeichen", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazari()), lidIdent(nazariABH())},
			want:      []meldung{{inge.PrueflingDoppelt, "Pruefling[2]"}}},
		{name: "ErrSelbstzahlerDoppelt", caller: kt1,
			pruefling: []inge.LidPruefling{novak(), zahler("NOVAK", "jana", "1992-05-17")},
			want:      []meldung{{inge.PrueflingDoppelt, "Pruefling[2]"}}},
		{name: "ErrBereitsGemeldet", caller: kt1,
			vorher:    func(l *lidLauf) { l.melden(lidIdent(nazari())) },
			pruefling: []inge.LidPruefling{lidIdent(gebreyesus()), lidIdent(nazariABH())},
			want:      []meldung{{inge.PrueflingDoppelt, "Pruefling[2]"}}},
		{name: "ErrSelbstzahlerBereitsGemeldet", caller: kt1,
			vorher:    func(l *lidLauf) { l.melden(novak()) },
			pruefling: []inge.LidPruefling{novak()},
			want:      []meldung{{inge.PrueflingDoppelt, "Pruefling[1]"}}},
		{name: "ErrSelbstzahlerNameMitZiffern", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazari()), zahler("Novak2", "J4na", "1992-05-17")},
			want: []meldung{
				{inge.NameUngueltig, "Pruefling[2]/Selbstzahler/Familienname"},
				{inge.NameUngueltig, "Pruefling[2]/Selbstzahler/Vorname"},
			}},
		{name: "ErrSelbstzahlerPflichtfelder", caller: kt1,
			pruefling: []inge.LidPruefling{{Selbstzahler: &inge.Selbstzahler{Familienname: "Novak", Vorname: "Jana"}}},
			want: []meldung{
				{inge.PflichtfeldFehlt, "Pruefling[1]/Selbstzahler/Geburtsdatum"},
				{inge.PflichtfeldFehlt, "Pruefling[1]/Selbstzahler/Geburtsort"},
				{inge.PflichtfeldFehlt, "Pruefling[1]/Selbstzahler/Geschlecht"},
				{inge.PflichtfeldFehlt, "Pruefling[1]/Selbstzahler/Staatsangehoerigkeit"},
				{inge.PflichtfeldFehlt, "Pruefling[1]/Selbstzahler/Anschrift"},
			}},
		{name: "ErrSelbstzahlerCodeUnbekannt", caller: kt1,
			pruefling: []inge.LidPruefling{{Selbstzahler: func() *inge.Selbstzahler {
				s := selbstzahler("Novak", "Jana", "1992-05-17")
				s.Geschlecht = "q"
				return s
			}()}},
			want: []meldung{{inge.CodeUnbekannt, "Pruefling[1]/Selbstzahler/Geschlecht"}}},
		{name: "ErrKeinPruefling", caller: kt1,
			want: []meldung{{inge.PflichtfeldFehlt, "Pruefling"}}},
		{name: "ErrPruefungsnummerFehlt", caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazari())},
			mutate:    func(r *inge.LidTeilnehmendeMeldenAnfrage) { r.Pruefungsnummer = "" },
			want:      []meldung{{inge.PflichtfeldFehlt, "Pruefungsnummer"}}},
		{name: "ErrKapazitaetInEinerMeldung", opts: klein, caller: kt1,
			pruefling: []inge.LidPruefling{lidIdent(nazari()), lidIdent(gebreyesus()), lidIdent(schewtschenko()), lidIdent(arslan())},
			want:      []meldung{{inge.PruefungVoll, "Pruefling"}}},
		{name: "ErrKapazitaetMitFrueheren", opts: klein, caller: kt1,
			vorher:    func(l *lidLauf) { l.melden(lidIdent(nazari()), lidIdent(gebreyesus()), novak()) },
			pruefling: []inge.LidPruefling{lidIdent(arslan())},
			want:      []meldung{{inge.PruefungVoll, "Pruefling"}}},
		{name: "ErrKapazitaetStandard25", caller: kt1,
			vorher:    func(l *lidLauf) { l.melden(zahlerListe(0, mockstate.DefaultLidKapazitaet)...) },
			pruefling: []inge.LidPruefling{lidIdent(nazari())},
			want:      []meldung{{inge.PruefungVoll, "Pruefling"}}},
		{name: "ErrStorniert", caller: kt1, vorher: (*lidLauf).stornieren,
			pruefling: []inge.LidPruefling{lidIdent(nazari())},
			want:      []meldung{{inge.PruefungIstStorniert, "Pruefungsnummer"}}},
		{name: "ErrNachDemPruefungstag", caller: kt1,
			vorher:    func(l *lidLauf) { l.heute(lidTag(l.tb, lidPruefungstag, 1)) },
			pruefling: []inge.LidPruefling{lidIdent(nazari())},
			want:      []meldung{{inge.PruefungVorbei, "Pruefungsnummer"}}},
		{name: "ErrPruefungEinesAnderenTraegers", caller: kt2,
			pruefling: []inge.LidPruefling{lidIdent(nazari())},
			want:      []meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{name: "ErrAlleRegelnZugleich", caller: kt1,
			pruefling: []inge.LidPruefling{
				lidIdent(nazari()), lidIdent(person("1901-01-01", "6900102-224")), lidIdent(nazariABH()), zahler("Novak2", "Jana", "1992-05-17"),
			},
			want: []meldung{
				{inge.PersonNichtIdentifiziert, "Pruefling[2]/Ident"},
				{inge.PrueflingDoppelt, "Pruefling[3]"},
				{inge.NameUngueltig, "Pruefling[4]/Selbstzahler/Familienname"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neueLidPruefung(t, tt.opts...)
			if tt.vorher != nil {
				tt.vorher(l)
			}
			req := l.meldung(tt.pruefling...)
			if tt.mutate != nil {
				tt.mutate(req)
			}
			vorher := l.zustand()
			resp := l.apply(tt.caller, req)
			l.ergebnis(t, resp, inge.LidTeilnehmendeGemeldet, vorher, tt.want)
			if tt.want != nil {
				return
			}
			if got := len(l.daten().Pruefling); got != tt.gemeldet {
				t.Errorf("LidPruefungAuskunft: %d Prueflinge; want %d", got, tt.gemeldet)
			}
		})
	}
	t.Run("Rollback", func(t *testing.T) {
		t.Parallel()
		l := neueLidPruefung(t)
		l.rollback(t, l.meldung(lidIdent(nazari()), novak()), inge.LidTeilnehmendeGemeldet)
		if got := len(l.daten().Pruefling); got != 2 {
			t.Errorf("LidPruefungAuskunft: %d Prueflinge; want 2", got)
		}
	})
}

// A Pruefling is either identified or a Selbstzahler: the schema's choice.
// Neither or both is a breach of the contract, not a Meldung.
func TestLidTeilnehmendeMelden_SchemaViolation(t *testing.T) {
	tests := []struct {
		name      string
		pruefling []inge.LidPruefling
		feld      string
	}{
		{"ErrWederIdentNochSelbstzahler", []inge.LidPruefling{lidIdent(nazari()), {}}, "Pruefling[2]"},
		{"ErrIdentUndSelbstzahler", []inge.LidPruefling{{Ident: nazari(), Selbstzahler: novak().Selbstzahler}}, "Pruefling[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neueLidPruefung(t)
			vorher := l.zustand()
			req := l.meldung(tt.pruefling...)
			req.Mandant.Traegernummer = kt1.Traegernummer
			resp, err := l.s.Apply(t.Context(), kt1, req)
			var violation *inge.Violation
			if !errors.As(err, &violation) {
				t.Fatalf("Apply: err = %v, response %+v; want a *inge.Violation", err, resp)
			}
			if violation.Feld != tt.feld {
				t.Errorf("Violation.Feld = %q; want %q", violation.Feld, tt.feld)
			}
			if resp != nil {
				t.Errorf("Apply: response = %+v; want nil", resp)
			}
			l.unveraendert(t, vorher)
		})
	}
}

func TestLidPruefungAuskunft(t *testing.T) {
	l := neueLidPruefung(t)
	// Hamid Nazari is reported by his ABH Aktenzeichen; BAMF answers with
	// its own Personenkennziffer.
	l.melden(lidIdent(nazariABH()), lidIdent(gebreyesus()), novak())

	t.Run("OK", func(t *testing.T) {
		a := l.auskunft(kt1, l.nummer)
		hasStatus(t, a, inge.StatusVerarbeitet)
		hasMeldungen(t, a.List())
		want := &inge.LidPruefungsdaten{
			Pruefungsnummer: l.nummer,
			Pruefungsstatus: inge.PruefungErfasst,
			Pruefung:        validLid(),
			Pruefling:       []inge.LidPruefling{lidIdent(nazari()), lidIdent(gebreyesus()), novak()},
		}
		if !reflect.DeepEqual(a.Pruefung, want) {
			t.Errorf("Pruefung =\n%+v\nwant\n%+v", a.Pruefung, want)
		}
	})

	// An exam of another Traeger must be answered exactly like an unknown
	// one, text included, so that its existence does not leak.
	unbekannt := l.auskunft(kt1, "L999999999")
	tests := []struct {
		name   string
		caller mockstate.Caller
		nummer string
		want   []meldung
	}{
		{"ErrPruefungsnummerFehlt", kt1, "", []meldung{{inge.PflichtfeldFehlt, "Pruefungsnummer"}}},
		{"ErrPruefungUnbekannt", kt1, "L999999999", []meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
		{"ErrPruefungEinesAnderenTraegers", kt2, l.nummer, []meldung{{inge.PruefungUnbekannt, "Pruefungsnummer"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := l.auskunft(tt.caller, tt.nummer)
			hasStatus(t, a, inge.StatusAbgelehnt)
			hasMeldungen(t, a.List(), tt.want...)
			if a.Pruefung != nil {
				t.Errorf("Pruefung = %+v; want nil", a.Pruefung)
			}
			gleicherTextWieUnbekannt(t, a.List(), unbekannt.List(), tt.nummer, "L999999999")
		})
	}

	t.Run("OK/Storniert", func(t *testing.T) {
		l.stornieren()
		a := l.auskunft(kt1, l.nummer)
		hasStatus(t, a, inge.StatusVerarbeitet)
		if a.Pruefung == nil || a.Pruefung.Pruefungsstatus != inge.PruefungStorniert || len(a.Pruefung.Pruefling) != 3 {
			t.Errorf("Pruefung = %+v; want the cancelled exam with its 3 candidates", a.Pruefung)
		}
	})
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
		l := &lidLauf{tb: t, s: openLidStore(t), v: &vorgaenge{}}
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

// Concurrent messages cannot overfill an exam: each is checked against the
// candidates the others stored.
func TestLidKapazitaetNebenlaeufig(t *testing.T) {
	const n, kapazitaet = 12, 3
	r := mockstate.DefaultRegeln()
	r.LidKapazitaet = kapazitaet
	l := neueLidPruefung(t, mockstate.WithRegeln(r))

	status := make([]inge.Status, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			req := l.meldung(zahlerListe(i, 1)...)
			req.Mandant.Traegernummer = kt1.Traegernummer
			resp, err := l.s.Apply(t.Context(), kt1, req)
			if err != nil {
				t.Errorf("Apply %d: %v", i, err)
				return
			}
			status[i] = resp.Base().Status
			if status[i] == inge.StatusAbgelehnt {
				hasMeldungen(t, resp.Base().List(), meldung{inge.PruefungVoll, "Pruefling"})
			}
		})
	}
	wg.Wait()
	if got := slices.Index(status, ""); got >= 0 {
		return // reported above
	}
	if got := len(slices.DeleteFunc(slices.Clone(status), func(s inge.Status) bool { return s != inge.StatusVerarbeitet })); got != kapazitaet {
		t.Errorf("%d of %d messages stored; want %d: %v", got, n, kapazitaet, status)
	}
	if got := len(l.daten().Pruefling); got != kapazitaet {
		t.Errorf("LidPruefungAuskunft: %d Prueflinge; want %d", got, kapazitaet)
	}
}
