package mockstate_test

import (
	"errors"
	"fmt"
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

// The callers of the tests: the Sachbearbeitung of Traeger 10000001 (Testfall
// KP-1) and of Traeger 10000002 (Testfall KP-2).
var (
	kt1 = mockstate.Caller{Benutzer: "kt1.sachbearbeitung", Traegernummer: "10000001"}
	kt2 = mockstate.Caller{Benutzer: "kt2.sachbearbeitung", Traegernummer: "10000002"}
)

// jetzt is the real time of every store in these tests, so "today" on each
// Traeger's clock is 2027-03-10 and the plans below lie in the future.
var jetzt = time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)

var kurskennungRE = regexp.MustCompile(`^K\d{9}$`)

// openKursStore opens a store holding the Testdatenpaket whose real time
// stands at jetzt.
func openKursStore(tb testing.TB) *mockstate.Store {
	tb.Helper()
	s := MustOpen(tb, mockstate.WithTimeSource(newFakeTime(jetzt).Now))
	MustLoad(tb, s)
	return s
}

func ptr[T any](v T) *T { return &v }

// person returns the Ident of a person of the Testdatenpaket by Geburtsdatum
// and BAMF-Personenkennziffer.
func person(geburtsdatum, kennziffer string) *inge.TeilnehmerIdent {
	return &inge.TeilnehmerIdent{
		Geburtsdatum: inge.Datum(geburtsdatum),
		Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenBAMF, Wert: kennziffer},
	}
}

// validPlan returns a complete Kursplanung of Testfall KP-1 that Traeger
// 10000001 may store on 2027-03-10: an Allgemeiner Integrationskurs from
// 2027-05-03 with two planned sections at its two Kursorte, teaching Monday
// to Friday, one approved teacher and three participants who join in the
// first section.
func validPlan() *inge.KursplanungErfassenAnfrage {
	tag := func(w inge.Wochentag) inge.Unterrichtszeit {
		return inge.Unterrichtszeit{
			Wochentag: w, Beginn: "08:30", Ende: "12:45", PauseBeginn: "10:00", PauseEnde: "10:15",
			Unterrichtseinheiten: ptr(5),
		}
	}
	return &inge.KursplanungErfassenAnfrage{
		Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}},
		Kursplanung: inge.Kursplanung{
			Kursart:             "01", // Allgemeiner Integrationskurs
			BeginnKursabschnitt: "1",
			Kursbeginn:          "2027-05-03",
			Kursende:            "2027-12-17",
			Kursort:             "KO-10000001-01",
			Wochenstunden:       ptr(25),
			Unterrichtszeit:     []inge.Unterrichtszeit{tag("Mo"), tag("Di"), tag("Mi"), tag("Do"), tag("Fr")},
			TnrKursMax:          ptr(25),
			Abschnitt: []inge.GeplanterAbschnitt{
				{Kursabschnitt: "1", Beginn: "2027-05-03", Ende: "2027-06-04", Kursort: "KO-10000001-01"},
				{Kursabschnitt: "2", Beginn: "2027-06-07", Ende: "2027-07-09", Kursort: "KO-10000001-02"},
			},
			Teilnehmer: []inge.PlanTeilnehmer{
				{Ident: person("1991-04-17", "6100101-475")}, // Al-Hassan, Rami
				{Ident: person("1995-11-02", "6100102-423")}, // Haidari, Zahra
				{Ident: person("1988-07-23", "6100103-163")}, // Öztürk, Elif
			},
			Lehrkraft:     []inge.Lehrkraft{{Lehrkraftkennung: "LK-2019-00417", Familienname: "Bergmann", Vorname: "Katharina"}},
			Zusatzangaben: &inge.Zusatzangaben{Barrierefreiheit: ptr(true)},
		},
	}
}

// planKP2 returns a complete Kursplanung of Testfall KP-2 for Traeger
// 10000002.
func planKP2() *inge.KursplanungErfassenAnfrage {
	r := validPlan()
	r.Mandant.Traegernummer = "10000002"
	k := &r.Kursplanung
	k.Kursort = "KO-10000002-01"
	k.Abschnitt = []inge.GeplanterAbschnitt{{Kursabschnitt: "1", Beginn: "2027-05-03", Ende: "2027-06-04"}}
	k.Teilnehmer = []inge.PlanTeilnehmer{{Ident: person("1990-02-11", "6200101-438")}} // Khalil, Samir
	k.Lehrkraft = []inge.Lehrkraft{{Lehrkraftkennung: "LK-2020-00912"}}
	return r
}

// vorgaenge checks that every response of a test carries a Vorgangsnummer of
// its own. It is safe for concurrent use.
type vorgaenge struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (v *vorgaenge) check(tb testing.TB, resp inge.Response) {
	tb.Helper()
	nr := resp.Base().Vorgangsnummer
	if nr == "" || len(nr) > 30 { // schema type Kennung
		tb.Errorf("Vorgangsnummer = %q; want 1 to 30 characters", nr)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.seen == nil {
		v.seen = map[string]bool{}
	}
	if v.seen[nr] {
		tb.Errorf("Vorgangsnummer %q was given before", nr)
	}
	v.seen[nr] = true
}

// mustApply runs req for caller, fails the test on an error and checks the
// Vorgangsnummer.
func mustApply[R inge.Response](tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, req inge.Request) R {
	tb.Helper()
	resp, err := s.Apply(tb.Context(), caller, req)
	if err != nil {
		tb.Fatalf("Apply(%T): %v", req, err)
	}
	r, ok := resp.(R)
	if !ok {
		tb.Fatalf("Apply(%T) = %T; want %T", req, resp, r)
	}
	v.check(tb, r)
	return r
}

func erfassen(tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, req *inge.KursplanungErfassenAnfrage) *inge.KursplanungErfassenAntwort {
	tb.Helper()
	return mustApply[*inge.KursplanungErfassenAntwort](tb, s, v, caller, req)
}

func auskunft(tb testing.TB, s *mockstate.Store, v *vorgaenge, caller mockstate.Caller, kennung string) *inge.KursauskunftAntwort {
	tb.Helper()
	req := &inge.KursauskunftAnfrage{
		Anfrage:     inge.Anfrage{Mandant: inge.Mandant{Traegernummer: caller.Traegernummer}},
		Kurskennung: kennung,
	}
	return mustApply[*inge.KursauskunftAntwort](tb, s, v, caller, req)
}

// stored returns the number of courses and of their participants in s.
func stored(tb testing.TB, s *mockstate.Store) (kurse, teilnehmer int) {
	tb.Helper()
	ctx := tb.Context()
	err := s.View(ctx, func(tx *mockstate.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM kurs), (SELECT count(*) FROM kurs_teilnehmer)`).
			Scan(&kurse, &teilnehmer)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return kurse, teilnehmer
}

func hasNothingStored(tb testing.TB, s *mockstate.Store) {
	tb.Helper()
	if k, tn := stored(tb, s); k != 0 || tn != 0 {
		tb.Errorf("stored: %d kurs, %d kurs_teilnehmer rows; want none", k, tn)
	}
}

// meldung is what the tests expect of a Meldung: its catalogue entry and the
// field it concerns. Art and Text come from the catalogue.
type meldung struct {
	key  inge.Key
	feld string
}

func (m meldung) String() string {
	e, _ := inge.DefaultKatalog().Lookup(m.key)
	return fmt.Sprintf("%s (%s) at %q", e.Code, m.key, m.feld)
}

// hasMeldungen checks that got holds exactly the Meldungen want, in any
// order, each with the Art of its catalogue entry and a fully rendered text.
func hasMeldungen(tb testing.TB, got []inge.Meldung, want ...meldung) {
	tb.Helper()
	k := inge.DefaultKatalog()
	type codeFeld struct{ code, feld string }
	var g, w []codeFeld
	for _, m := range got {
		g = append(g, codeFeld{m.Code, m.Feld})
		e, ok := k.ByCode(m.Code)
		switch {
		case !ok:
			tb.Errorf("Meldung %s at %q: code not in the catalogue", m.Code, m.Feld)
		case m.Art != e.Art:
			tb.Errorf("Meldung %s at %q: Art = %s; want %s", m.Code, m.Feld, m.Art, e.Art)
		}
		if m.Text == "" || strings.ContainsAny(m.Text, "{}") {
			tb.Errorf("Meldung %s at %q: Text = %q; want a rendered text", m.Code, m.Feld, m.Text)
		}
	}
	for _, m := range want {
		e, ok := k.Lookup(m.key)
		if !ok {
			tb.Fatalf("no catalogue key %s", m.key)
		}
		w = append(w, codeFeld{e.Code, m.feld})
	}
	cmp := func(a, b codeFeld) int { return strings.Compare(a.code+"\x00"+a.feld, b.code+"\x00"+b.feld) }
	slices.SortFunc(g, cmp)
	slices.SortFunc(w, cmp)
	if !slices.Equal(g, w) {
		tb.Errorf("Meldungen (Code, Feld) = %v; want %v", g, w)
	}
}

func hasStatus(tb testing.TB, resp inge.Response, want inge.Status) {
	tb.Helper()
	if got := resp.Base().Status; got != want {
		tb.Errorf("Status = %s; want %s", got, want)
	}
}

func TestKursplanungErfassen(t *testing.T) {
	var v vorgaenge
	gespeichert := meldung{inge.KursplanungGespeichert, ""}
	tests := []struct {
		name   string
		mutate func(k *inge.Kursplanung)
		want   []meldung // nil: the plan is stored
	}{
		{"OK", func(*inge.Kursplanung) {}, nil},
		{"OK/MinimalPlan", func(k *inge.Kursplanung) {
			k.Wochenstunden, k.Abschnitt, k.Teilnehmer, k.Lehrkraft, k.Zusatzangaben = nil, nil, nil, nil, nil
		}, nil},
		{"OK/KursbeginnToday", func(k *inge.Kursplanung) {
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-03-10", "2027-03-10"
		}, nil},
		{"OK/KursbeginnPastWithNachmeldungsgrund", func(k *inge.Kursplanung) {
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-03-01", "2027-03-01"
			k.Nachmeldungsgrund = "01"
		}, nil},
		{"OK/PersonByOtherAktenzeichen", func(k *inge.Kursplanung) {
			k.Teilnehmer[2].Ident.Aktenzeichen = &inge.Aktenzeichen{Art: inge.AktenzeichenABH, Wert: "ABH-09-2023-004711"}
		}, nil},
		{"OK/TnrKursMaxCountsFirstSectionOnly", func(k *inge.Kursplanung) {
			k.TnrKursMax = ptr(2)
			k.Teilnehmer[2].Kursabschnitt = "2"
		}, nil},

		{"ErrPflichtfelderFehlen", func(k *inge.Kursplanung) {
			k.Kursart = ""
			k.Kursende = ""
			k.TnrKursMax = nil
			k.Unterrichtszeit[0].Unterrichtseinheiten = nil
			k.Teilnehmer[0].Ident = nil
			k.Teilnehmer[1].Ident.Aktenzeichen = nil
			k.Lehrkraft[0].Lehrkraftkennung = ""
		}, []meldung{
			{inge.PflichtfeldFehlt, "Kursplanung/Kursart"},
			{inge.PflichtfeldFehlt, "Kursplanung/Kursende"},
			{inge.PflichtfeldFehlt, "Kursplanung/TnrKursMax"},
			{inge.PflichtfeldFehlt, "Kursplanung/Unterrichtszeit[1]/Unterrichtseinheiten"},
			{inge.PflichtfeldFehlt, "Kursplanung/Teilnehmer[1]/Ident"},
			{inge.PflichtfeldFehlt, "Kursplanung/Teilnehmer[2]/Ident/Aktenzeichen"},
			{inge.PflichtfeldFehlt, "Kursplanung/Lehrkraft[1]/Lehrkraftkennung"},
		}},
		{"ErrCodeUnbekannt", func(k *inge.Kursplanung) {
			k.Kursart = "99"
			k.Teilnehmer[0].Kursabschnitt = "X"
		}, []meldung{
			{inge.CodeUnbekannt, "Kursplanung/Kursart"},
			{inge.CodeUnbekannt, "Kursplanung/Teilnehmer[1]/Kursabschnitt"},
		}},
		{"ErrKursortUnbekannt", func(k *inge.Kursplanung) {
			k.Kursort = "KO-99999999-01"
		}, []meldung{{inge.KursortUnbekannt, "Kursplanung/Kursort"}}},
		{"ErrKursortEinesAnderenTraegers", func(k *inge.Kursplanung) {
			k.Kursort = "KO-10000002-01"
		}, []meldung{{inge.KursortUnbekannt, "Kursplanung/Kursort"}}},
		{"ErrAbschnittKursortUnbekannt", func(k *inge.Kursplanung) {
			k.Abschnitt[0].Kursort = "KO-99999999-01"
		}, []meldung{{inge.KursortUnbekannt, "Kursplanung/Abschnitt[1]/Kursort"}}},
		{"ErrKursendeVorBeginn", func(k *inge.Kursplanung) {
			k.Kursende = "2027-05-02"
			k.Abschnitt = nil // would lie outside the course, too
		}, []meldung{{inge.KursendeVorBeginn, "Kursplanung/Kursende"}}},
		{"ErrAbschnittEndeVorBeginn", func(k *inge.Kursplanung) {
			k.Abschnitt[1].Ende = "2027-06-06"
		}, []meldung{{inge.KursendeVorBeginn, "Kursplanung/Abschnitt[2]/Ende"}}},
		{"ErrAbschnittNachKursende", func(k *inge.Kursplanung) {
			k.Abschnitt[1].Ende = "2028-01-14"
		}, []meldung{{inge.AbschnittAusserhalbKurs, "Kursplanung/Abschnitt[2]"}}},
		{"ErrAbschnittVorKursbeginn", func(k *inge.Kursplanung) {
			k.Abschnitt[0].Beginn = "2027-04-26"
		}, []meldung{{inge.AbschnittAusserhalbKurs, "Kursplanung/Abschnitt[1]"}}},
		{"ErrUnterrichtszeitEndeVorBeginn", func(k *inge.Kursplanung) {
			u := &k.Unterrichtszeit[0]
			u.Beginn, u.Ende, u.PauseBeginn, u.PauseEnde = "12:45", "08:30", "", ""
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[1]"}}},
		{"ErrUnterrichtszeitEndeGleichBeginn", func(k *inge.Kursplanung) {
			u := &k.Unterrichtszeit[4]
			u.Ende, u.PauseBeginn, u.PauseEnde = u.Beginn, "", ""
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[5]"}}},
		{"ErrPauseNachUnterrichtsende", func(k *inge.Kursplanung) {
			k.Unterrichtszeit[1].PauseEnde = "13:00"
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[2]"}}},
		{"ErrPauseVorUnterrichtsbeginn", func(k *inge.Kursplanung) {
			k.Unterrichtszeit[2].PauseBeginn = "08:00"
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[3]"}}},
		{"ErrPauseOhneEnde", func(k *inge.Kursplanung) {
			k.Unterrichtszeit[3].PauseEnde = ""
		}, []meldung{{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[4]"}}},
		{"ErrNachmeldungsgrundFehlt", func(k *inge.Kursplanung) {
			k.Kursbeginn, k.Abschnitt[0].Beginn = "2027-03-09", "2027-03-09"
		}, []meldung{{inge.NachmeldungsgrundFehlt, "Kursplanung/Nachmeldungsgrund"}}},
		{"ErrLehrkraftUnbekannt", func(k *inge.Kursplanung) {
			k.Lehrkraft = append(k.Lehrkraft, inge.Lehrkraft{Lehrkraftkennung: "LK-2099-99999"})
		}, []meldung{{inge.LehrkraftUnbekannt, "Kursplanung/Lehrkraft[2]/Lehrkraftkennung"}}},
		{"ErrKursverguetungMindestbetrag", func(k *inge.Kursplanung) {
			k.Zusatzangaben.KursverguetungMindestbetrag = ptr(true)
		}, []meldung{{inge.MindestbetragNurBeiKursbeginn, "Kursplanung/Zusatzangaben/KursverguetungMindestbetrag"}}},
		{"ErrPersonGeburtsdatumFalsch", func(k *inge.Kursplanung) {
			k.Teilnehmer[1].Ident.Geburtsdatum = "1995-11-03"
		}, []meldung{{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[2]/Ident"}}},
		{"ErrPersonAktenzeichenFalsch", func(k *inge.Kursplanung) {
			k.Teilnehmer[1].Ident.Aktenzeichen.Wert = "6100102-424"
		}, []meldung{{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[2]/Ident"}}},
		{"ErrPersonAktenzeichenArtFalsch", func(k *inge.Kursplanung) {
			k.Teilnehmer[2].Ident.Aktenzeichen.Art = inge.AktenzeichenABH // the value is her BAMF Kennziffer
		}, []meldung{{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[3]/Ident"}}},
		{"ErrPersonDoppelt", func(k *inge.Kursplanung) {
			k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: person("1991-04-17", "6100101-475")})
		}, []meldung{{inge.PersonDoppelt, "Kursplanung/Teilnehmer[4]/Ident"}}},
		{"ErrPersonDoppeltUeberAnderesAktenzeichen", func(k *inge.Kursplanung) {
			k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: &inge.TeilnehmerIdent{
				Geburtsdatum: "1988-07-23",
				Aktenzeichen: &inge.Aktenzeichen{Art: inge.AktenzeichenABH, Wert: "ABH-09-2023-004711"},
			}})
		}, []meldung{{inge.PersonDoppelt, "Kursplanung/Teilnehmer[4]/Ident"}}},
		{"ErrTnrKursMaxUeberschritten", func(k *inge.Kursplanung) {
			k.TnrKursMax = ptr(2)
		}, []meldung{{inge.TnrKursMaxUeberschritten, "Kursplanung/Teilnehmer"}}},
		{"ErrAlleRegelnZugleich", func(k *inge.Kursplanung) {
			k.Kursart = "99"
			k.Kursort = "KO-10000002-01"
			k.Kursbeginn = "2027-03-01"
			k.Kursende = "2027-02-26"
			k.Abschnitt = []inge.GeplanterAbschnitt{{Kursabschnitt: "1", Beginn: "2027-03-01", Ende: "2027-03-26", Kursort: "KO-99999999-01"}}
			k.Unterrichtszeit[0].PauseEnde = "13:00"
			k.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
			k.Zusatzangaben.KursverguetungMindestbetrag = ptr(false)
			k.Teilnehmer[0].Ident.Geburtsdatum = "1991-04-18"
			k.Teilnehmer = append(k.Teilnehmer, inge.PlanTeilnehmer{Ident: person("1995-11-02", "6100102-423")})
			k.TnrKursMax = ptr(1)
		}, []meldung{
			{inge.CodeUnbekannt, "Kursplanung/Kursart"},
			{inge.KursortUnbekannt, "Kursplanung/Kursort"},
			{inge.KursendeVorBeginn, "Kursplanung/Kursende"},
			{inge.AbschnittAusserhalbKurs, "Kursplanung/Abschnitt[1]"},
			{inge.KursortUnbekannt, "Kursplanung/Abschnitt[1]/Kursort"},
			{inge.UnterrichtszeitUngueltig, "Kursplanung/Unterrichtszeit[1]"},
			{inge.NachmeldungsgrundFehlt, "Kursplanung/Nachmeldungsgrund"},
			{inge.MindestbetragNurBeiKursbeginn, "Kursplanung/Zusatzangaben/KursverguetungMindestbetrag"},
			{inge.LehrkraftUnbekannt, "Kursplanung/Lehrkraft[1]/Lehrkraftkennung"},
			{inge.PersonNichtIdentifiziert, "Kursplanung/Teilnehmer[1]/Ident"},
			{inge.PersonDoppelt, "Kursplanung/Teilnehmer[4]/Ident"},
			{inge.TnrKursMaxUeberschritten, "Kursplanung/Teilnehmer"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := openKursStore(t)
			req := validPlan()
			tt.mutate(&req.Kursplanung)
			resp := erfassen(t, s, &v, kt1, req)

			if tt.want == nil {
				hasStatus(t, resp, inge.StatusVerarbeitet)
				hasMeldungen(t, resp.List(), gespeichert)
				if !kurskennungRE.MatchString(resp.Kurskennung) {
					t.Fatalf("Kurskennung = %q; want K and nine digits", resp.Kurskennung)
				}
				if k, tn := stored(t, s); k != 1 || tn != len(req.Kursplanung.Teilnehmer) {
					t.Errorf("stored: %d kurs, %d kurs_teilnehmer rows; want 1 and %d", k, tn, len(req.Kursplanung.Teilnehmer))
				}
				a := auskunft(t, s, &v, kt1, resp.Kurskennung)
				hasStatus(t, a, inge.StatusVerarbeitet)
				return
			}
			hasStatus(t, resp, inge.StatusAbgelehnt)
			hasMeldungen(t, resp.List(), tt.want...)
			if resp.Kurskennung != "" {
				t.Errorf("Kurskennung = %q; want none", resp.Kurskennung)
			}
			hasNothingStored(t, s)
		})
	}
}

// TestKursplanungErfassen_MeldungTexts checks that the values a rule names
// reach the text of its Meldung.
func TestKursplanungErfassen_MeldungTexts(t *testing.T) {
	var v vorgaenge
	s := openKursStore(t)
	req := validPlan()
	req.Kursplanung.Kursort = "KO-10000002-01"
	req.Kursplanung.Lehrkraft[0].Lehrkraftkennung = "LK-2099-99999"
	req.Kursplanung.TnrKursMax = ptr(2)
	resp := erfassen(t, s, &v, kt1, req)
	want := map[string][]string{
		"M3001": {`"KO-10000002-01"`},
		"M3005": {`"LK-2099-99999"`},
		"M3006": {"3 Teilnehmende", "höchstens 2"},
	}
	for _, m := range resp.List() {
		for _, part := range want[m.Code] {
			if !strings.Contains(m.Text, part) {
				t.Errorf("Meldung %s: Text = %q; want it to contain %q", m.Code, m.Text, part)
			}
		}
		delete(want, m.Code)
	}
	for code := range want {
		t.Errorf("no Meldung %s", code)
	}
}

func TestKursplanungErfassenRollback(t *testing.T) {
	var v vorgaenge
	s := openKursStore(t)

	req := validPlan()
	req.Rollback = true
	resp := erfassen(t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	// Only the Rollback Hinweis: "Kursplanung erfolgreich gespeichert" would
	// contradict it.
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	if !kurskennungRE.MatchString(resp.Kurskennung) {
		t.Fatalf("Kurskennung = %q; want K and nine digits", resp.Kurskennung)
	}
	hasNothingStored(t, s)

	a := auskunft(t, s, &v, kt1, resp.Kurskennung)
	hasStatus(t, a, inge.StatusAbgelehnt)
	hasMeldungen(t, a.List(), meldung{inge.KursUnbekannt, "Kurskennung"})
	if a.Kurs != nil {
		t.Errorf("Kursauskunft of the rolled back Kurskennung: Kurs = %+v; want nil", a.Kurs)
	}

	t.Run("KurskennungNotReused", func(t *testing.T) {
		// A Kurskennung is unique for ever (migration 002). A client that
		// has been shown one in a Rollback answer must not later find it
		// naming another course.
		danach := erfassen(t, s, &v, kt1, validPlan())
		hasStatus(t, danach, inge.StatusVerarbeitet)
		if danach.Kurskennung == resp.Kurskennung {
			t.Errorf("Kurskennung of the stored plan = %q, the same as the Rollback's", danach.Kurskennung)
		}
		a := auskunft(t, s, &v, kt1, resp.Kurskennung)
		hasStatus(t, a, inge.StatusAbgelehnt)
	})

	t.Run("ErrRejectedIsAbgelehnt", func(t *testing.T) {
		s := openKursStore(t)
		req := validPlan()
		req.Rollback = true
		req.Kursplanung.Kursort = "KO-99999999-01"
		resp := erfassen(t, s, &v, kt1, req)
		hasStatus(t, resp, inge.StatusAbgelehnt)
		hasMeldungen(t, resp.List(), meldung{inge.KursortUnbekannt, "Kursplanung/Kursort"})
		if resp.Kurskennung != "" {
			t.Errorf("Kurskennung = %q; want none", resp.Kurskennung)
		}
		hasNothingStored(t, s)
	})
}

func TestKurskennungUnique(t *testing.T) {
	const n = 30
	var v vorgaenge
	s := openKursStore(t)
	// Without participants, so that a future rule limiting a person to one
	// planned course cannot reject the copies.
	req := func() *inge.KursplanungErfassenAnfrage {
		r := validPlan()
		r.Kursplanung.Teilnehmer = nil
		return r
	}

	kennungen := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			resp, err := s.Apply(t.Context(), kt1, req())
			if err != nil {
				t.Errorf("Apply %d: %v", i, err)
				return
			}
			r, ok := resp.(*inge.KursplanungErfassenAntwort)
			if !ok {
				t.Errorf("Apply %d = %T; want *inge.KursplanungErfassenAntwort", i, resp)
				return
			}
			v.check(t, r)
			if r.Status != inge.StatusVerarbeitet {
				t.Errorf("Apply %d: Status = %s, Meldungen %+v; want %s", i, r.Status, r.List(), inge.StatusVerarbeitet)
			}
			kennungen[i] = r.Kurskennung
		})
	}
	wg.Wait()

	seen := map[string]bool{}
	for i, k := range kennungen {
		if !kurskennungRE.MatchString(k) {
			t.Errorf("Apply %d: Kurskennung = %q; want K and nine digits", i, k)
		}
		if seen[k] {
			t.Errorf("Kurskennung %q given twice", k)
		}
		seen[k] = true
	}
	if k, _ := stored(t, s); k != n {
		t.Errorf("stored: %d kurs rows; want %d", k, n)
	}
}

func TestKursauskunft(t *testing.T) {
	var v vorgaenge
	s := openKursStore(t)
	plan := validPlan()
	eigener := erfassen(t, s, &v, kt1, plan)
	fremder := erfassen(t, s, &v, kt2, planKP2())
	for _, r := range []*inge.KursplanungErfassenAntwort{eigener, fremder} {
		if r.Status != inge.StatusVerarbeitet {
			t.Fatalf("KursplanungErfassen: Status = %s, Meldungen %+v; want %s", r.Status, r.List(), inge.StatusVerarbeitet)
		}
	}

	t.Run("OK", func(t *testing.T) {
		a := auskunft(t, s, &v, kt1, eigener.Kurskennung)
		hasStatus(t, a, inge.StatusVerarbeitet)
		hasMeldungen(t, a.List())
		if a.Kurs == nil {
			t.Fatal("Kurs = nil; want the planned course")
		}
		p := plan.Kursplanung
		want := &inge.Kursdaten{
			Kurskennung:     eigener.Kurskennung,
			Traegernummer:   "10000001",
			Kursstatus:      inge.KursGeplant,
			Kursbeginn:      p.Kursbeginn,
			Kursende:        p.Kursende,
			Kursort:         p.Kursort,
			Wochenstunden:   p.Wochenstunden,
			Unterrichtszeit: p.Unterrichtszeit,
			TnrKursMax:      p.TnrKursMax,
			Abschnitt: []inge.AuskunftAbschnitt{
				{Kursabschnitt: "1", Beginn: "2027-05-03", Ende: "2027-06-04", Kursort: "KO-10000001-01", BeginnGemeldet: false},
				{Kursabschnitt: "2", Beginn: "2027-06-07", Ende: "2027-07-09", Kursort: "KO-10000001-02", BeginnGemeldet: false},
			},
			Teilnehmer: p.Teilnehmer,
			Lehrkraft:  p.Lehrkraft,
		}
		if !reflect.DeepEqual(a.Kurs, want) {
			t.Errorf("Kurs =\n%+v\nwant\n%+v", *a.Kurs, *want)
		}
	})
	t.Run("OK/OtherTraegerSeesOwnCourse", func(t *testing.T) {
		a := auskunft(t, s, &v, kt2, fremder.Kurskennung)
		hasStatus(t, a, inge.StatusVerarbeitet)
		if a.Kurs == nil || a.Kurs.Traegernummer != "10000002" || a.Kurs.Kursort != "KO-10000002-01" {
			t.Errorf("Kurs = %+v; want the course of Traeger 10000002 at KO-10000002-01", a.Kurs)
		}
	})

	// A course of another Traeger must be answered exactly like an unknown
	// one, text included, so that its existence does not leak.
	unbekannt := auskunft(t, s, &v, kt1, "K999999999")
	tests := []struct {
		name    string
		kennung string
		want    []meldung
	}{
		{"ErrKurskennungFehlt", "", []meldung{{inge.PflichtfeldFehlt, "Kurskennung"}}},
		{"ErrKursUnbekannt", "K999999999", []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
		{"ErrKursEinesAnderenTraegers", fremder.Kurskennung, []meldung{{inge.KursUnbekannt, "Kurskennung"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := auskunft(t, s, &v, kt1, tt.kennung)
			hasStatus(t, a, inge.StatusAbgelehnt)
			hasMeldungen(t, a.List(), tt.want...)
			if a.Kurs != nil {
				t.Errorf("Kurs = %+v; want nil", a.Kurs)
			}
			gleicherTextWieUnbekannt(t, a.List(), unbekannt.List(), tt.kennung, "K999999999")
		})
	}
}

func TestApplySchemaViolation(t *testing.T) {
	s := openKursStore(t)
	req := validPlan()
	req.Kursplanung.Kursbeginn = "01.04.2027"
	resp, err := s.Apply(t.Context(), kt1, req)
	var violation *inge.Violation
	if !errors.As(err, &violation) {
		t.Fatalf("Apply: err = %v; want a *inge.Violation", err)
	}
	if violation.Feld != "Kursplanung/Kursbeginn" {
		t.Errorf("Violation.Feld = %q; want %q", violation.Feld, "Kursplanung/Kursbeginn")
	}
	if resp != nil {
		t.Errorf("Apply: response = %+v; want nil", resp)
	}
	hasNothingStored(t, s)
}

// Every procedure of the contract has rules: an empty request of each is
// answered (here: with its Pflichtfeld findings), never with an internal error.
func TestApplyServesEveryProcedure(t *testing.T) {
	s := openKursStore(t)
	for _, p := range inge.Procedures() {
		req := p.NewRequest()
		req.Base().Mandant.Traegernummer = kt1.Traegernummer
		resp, err := s.Apply(t.Context(), kt1, req)
		var v *inge.Violation
		if err != nil && !errors.As(err, &v) {
			t.Errorf("Apply(empty %s) error = %v; want an answer or a schema violation", p.Name, err)
			continue
		}
		if err == nil && resp.Base().Vorgangsnummer == "" {
			t.Errorf("Apply(empty %s) = %+v; want a Vorgangsnummer", p.Name, resp)
		}
	}
}
