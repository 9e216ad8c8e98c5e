package mockstate_test

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

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
		// A person with one name has it in Familienname and no Vorname
		// (ITM 10.3.9).
		{name: "OK/SelbstzahlerMitNurEinemNamen", caller: kt1,
			pruefling: []inge.LidPruefling{zahler("Sukarno", "", "1990-02-01")}, gemeldet: 1},
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
			vorher:    func(l *lidLauf) { l.heute(plusTage(l.tb, lidPruefungstag, 1)) },
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
		{"ErrIdentUndSelbstzahler", []inge.LidPruefling{{Ident: nazari(), Selbstzahler: novak().Selbstzahler}}, "Pruefling[1]/Selbstzahler"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := neueLidPruefung(t)
			vorher := l.zustand()
			req := l.meldung(tt.pruefling...)
			req.Mandant.Traegernummer = kt1.Traegernummer
			resp, err := ingetest.TryApply(t, l.s, kt1, req)
			var se *inge.SchemaError
			if !errors.As(err, &se) {
				t.Fatalf("Apply: err = %v, response %+v; want a *inge.SchemaError", err, resp)
			}
			if feld := se.Abweichungen[0].Feld; feld != tt.feld {
				t.Errorf("first deviation at %q; want %q", feld, tt.feld)
			}
			if resp != nil {
				t.Errorf("Apply: response = %+v; want nil", resp)
			}
			l.unveraendert(t, vorher)
		})
	}
}

// Concurrent messages cannot overfill an exam: each is checked against the
// candidates the others stored.
func TestLidKapazitaetNebenlaeufig(t *testing.T) {
	const n, kapazitaet = 12, 3
	r := mockstate.DefaultRegeln()
	r.LidKapazitaet = kapazitaet
	l := lidPruefungIn(t, openFileStore(t, mockstate.WithRegeln(r)))

	status := make([]inge.Status, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			req := l.meldung(zahlerListe(i, 1)...)
			req.Mandant.Traegernummer = kt1.Traegernummer
			resp, err := ingetest.TryApply(t, l.s, kt1, req)
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
