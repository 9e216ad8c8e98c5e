package mockstate_test

import (
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
)

// wiederholeranmeldung returns a valid registration of p for repetition on
// tnHeute; the placement test is waivable for a Wiederholer (CMX-TEV).
func wiederholeranmeldung(p tnPerson) *inge.AnmeldungWiederholerverfahrenAnfrage {
	return &inge.AnmeldungWiederholerverfahrenAnfrage{
		Anfrage: ingetest.KT1().Anfrage(),
		Anmeldung: inge.Wiederholeranmeldung{
			Ident:           p.ident(),
			Familienname:    p.familienname,
			Vorname:         p.vorname,
			Anschrift:       p.anschrift(),
			Anmeldedatum:    tnHeute,
			Einstufungstest: &inge.Einstufungstest{Verzichtbar: new(true)},
		},
	}
}

func TestAnmeldungWiederholerverfahren(t *testing.T) {
	var v vorgaenge
	const a = "Anmeldung"
	// Herr Osmani's Aktenzeichen Wiederholer; his BAMF-PK identifies him too.
	const osmaniWied = "7800901-121"
	tests := []struct {
		name    string
		person  tnPerson
		mutate  func(a *inge.Wiederholeranmeldung)
		want    []meldung // nil: stored with M2022
		hinweis bool      // stored, with the Hinweis that a WIED Aktenzeichen exists
	}{
		{name: "OK", person: tnOsmani, mutate: func(*inge.Wiederholeranmeldung) {}},
		{name: "OK/Dervishi", person: tnDervishi, mutate: func(*inge.Wiederholeranmeldung) {}},
		{name: "OK/OhneAnschriftUndEinstufungstest", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Anschrift, a.Einstufungstest = nil, nil
		}},
		{name: "OK/MitEinstufungstest", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Einstufungstest = &inge.Einstufungstest{Testdatum: "2026-11-10", EmpfohleneKursart: "10", EmpfohlenerKursabschnitt: "4"}
		}},
		{name: "OK/NurEinName", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) { a.Vorname = "" }},
		// "… anstelle der PK (BAMF) übermittelt, sofern es vorhanden ist"
		// (ITM 10.3.9): a product that has not learnt the WIED Aktenzeichen
		// yet sends the PK, and the person is registered.
		{name: "OK/PersonenkennzifferStattWied", person: tnOsmani.mit(bamf, "7800101-121"), mutate: func(*inge.Wiederholeranmeldung) {}, hinweis: true},

		{name: "ErrAktenzeichenABHOhneZulassung", person: tnKarimi.mit(abh, "ABH-09-2024-012664"), mutate: func(*inge.Wiederholeranmeldung) {},
			want: []meldung{{inge.KeineWiederholungszulassung, a + "/Ident"}}},
		// Every finding at once, the missing admission too.
		{name: "ErrAllesZugleich", person: tnKarimi.mit(abh, "ABH-09-2024-012664"), mutate: func(a *inge.Wiederholeranmeldung) {
			a.Familienname, a.Anmeldedatum = "Karimi2", "2026-12-01"
		}, want: []meldung{
			{inge.NameUngueltig, a + "/Familienname"},
			{inge.DatumInZukunft, a + "/Anmeldedatum"},
			{inge.KeineWiederholungszulassung, a + "/Ident"},
		}},
		{name: "ErrKeineZulassung/AntragNichtBeschieden", person: tnKarimi, mutate: func(*inge.Wiederholeranmeldung) {},
			want: []meldung{{inge.KeineWiederholungszulassung, a + "/Ident"}}},
		// A cancelled admission is no admission (Q-TESTANM: "requires an
		// existing admission for repetition").
		{name: "ErrKeineZulassung/ZulassungStorniert", person: tnBerisha, mutate: func(*inge.Wiederholeranmeldung) {},
			want: []meldung{{inge.KeineWiederholungszulassung, a + "/Ident"}}},
		{name: "ErrPersonGeburtsdatumFalsch", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Ident.Geburtsdatum = "1983-03-31"
		}, want: []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{name: "ErrAktenzeichenEinerAnderenPerson", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Ident.Aktenzeichen.Wert = tnDervishi.kennziffer
		}, want: []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{name: "ErrPersonUnbekannt", person: tnMansour.mit(wied, "8000901-475"), mutate: func(*inge.Wiederholeranmeldung) {},
			want: []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{name: "ErrNameMitZiffer", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Vorname = "Arben2"
		}, want: []meldung{{inge.NameUngueltig, a + "/Vorname"}}},
		{name: "ErrAnmeldedatumInZukunft", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Anmeldedatum = "2026-12-01"
		}, want: []meldung{{inge.DatumInZukunft, a + "/Anmeldedatum"}}},
		{name: "ErrBundeslandFehlt", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Anschrift.Bundesland = ""
		}, want: []meldung{{inge.BundeslandFehlt, a + "/Anschrift/Bundesland"}}},
		{name: "ErrPflichtfelderFehlen", person: tnOsmani, mutate: func(a *inge.Wiederholeranmeldung) {
			a.Familienname, a.Anmeldedatum = "", ""
			a.Ident.Geburtsdatum = ""
		}, want: []meldung{
			{inge.PflichtfeldFehlt, a + "/Ident/Geburtsdatum"},
			{inge.PflichtfeldFehlt, a + "/Familienname"},
			{inge.PflichtfeldFehlt, a + "/Anmeldedatum"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, _ := openTeilnehmerStore(t)
			vorher := teilnehmerStand(t, s)
			req := wiederholeranmeldung(tt.person)
			tt.mutate(&req.Anmeldung)
			resp := mustApply[*inge.AnmeldungWiederholerverfahrenAntwort](t, s, &v, kt1, req)

			if tt.want != nil {
				hasStatus(t, resp, inge.StatusAbgelehnt)
				hasMeldungen(t, resp.List(), tt.want...)
				unchanged(t, s, vorher)
				return
			}
			hasStatus(t, resp, inge.StatusVerarbeitet)
			wantOK := []meldung{{inge.WiederholerAngemeldet, ""}}
			if tt.hinweis {
				wantOK = append([]meldung{{inge.WiederholerAktenzeichenVorhanden, a + "/Ident/Aktenzeichen"}}, wantOK...)
			}
			hasMeldungen(t, resp.List(), wantOK...)
			au := teilnehmerauskunft(t, s, &v, kt1, tt.person.ident())
			hasStatus(t, au, inge.StatusVerarbeitet)
			wantWied := tt.person.kennziffer
			if tt.hinweis {
				wantWied = osmaniWied
			}
			if d := au.Teilnehmer; d == nil || d.TnTyp != "6" || d.WiederholerAktenzeichen != wantWied {
				t.Errorf("Teilnehmerauskunft: TnTyp, WiederholerAktenzeichen = %+v; want 6 and %s", d, wantWied)
			}
		})
	}
}

// TestAnmeldungWiederholerverfahren_Rollback: Frau Dervishi (TN-8) is
// registered with Traeger 10000002 only. A Rollback leaves her unknown to
// 10000001; the registration makes her known, as Kurswiederholerin (TN-Typ
// 6); sending it again is accepted again.
func TestAnmeldungWiederholerverfahren_Rollback(t *testing.T) {
	var v vorgaenge
	s, _ := openTeilnehmerStore(t)
	nichtBekannt := func() {
		t.Helper()
		a := teilnehmerauskunft(t, s, &v, kt1, tnDervishi.ident())
		hasMeldungen(t, a.List(), meldung{inge.AuskunftNichtZulaessig, "Ident"})
	}
	nichtBekannt()

	vorher := teilnehmerStand(t, s)
	req := wiederholeranmeldung(tnDervishi)
	req.Rollback = true
	resp := mustApply[*inge.AnmeldungWiederholerverfahrenAntwort](t, s, &v, kt1, req)
	hasStatus(t, resp, inge.StatusGeprueft)
	hasMeldungen(t, resp.List(), meldung{inge.RollbackGeprueft, ""})
	unchanged(t, s, vorher)
	nichtBekannt()

	for range 2 {
		resp = mustApply[*inge.AnmeldungWiederholerverfahrenAntwort](t, s, &v, kt1, wiederholeranmeldung(tnDervishi))
		hasStatus(t, resp, inge.StatusVerarbeitet)
		hasMeldungen(t, resp.List(), meldung{inge.WiederholerAngemeldet, ""})
	}
	a := teilnehmerauskunft(t, s, &v, kt1, tnDervishi.ident())
	hasStatus(t, a, inge.StatusVerarbeitet)
	// Her 700 UE were billed by 10000002.
	hasMeldungen(t, a.List(), meldung{inge.KontingentTeilweiseVerbraucht, ""})
	if d := a.Teilnehmer; d == nil || d.TnTyp != "6" || d.WiederholerAktenzeichen != "7800902-121" || d.Erstanmeldung != nil {
		t.Errorf("Teilnehmerauskunft = %+v; want TnTyp 6, WiederholerAktenzeichen 7800902-121 and no Erstanmeldung", d)
	}
}
