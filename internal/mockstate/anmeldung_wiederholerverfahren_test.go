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
	tests := []struct {
		name   string
		person tnPerson
		mutate func(a *inge.Wiederholeranmeldung)
		want   []meldung // nil: stored with M2022
	}{
		{"OK", tnOsmani, func(*inge.Wiederholeranmeldung) {}, nil},
		{"OK/Dervishi", tnDervishi, func(*inge.Wiederholeranmeldung) {}, nil},
		{"OK/OhneAnschriftUndEinstufungstest", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Anschrift, a.Einstufungstest = nil, nil
		}, nil},
		{"OK/MitEinstufungstest", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Einstufungstest = &inge.Einstufungstest{Testdatum: "2026-11-10", EmpfohleneKursart: "10", EmpfohlenerKursabschnitt: "4"}
		}, nil},

		{"ErrAktenzeichenBAMF", tnOsmani.mit(bamf, "7800101-121"), func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.WiederholerAktenzeichenErforderlich, a + "/Ident/Aktenzeichen"}}},
		{"ErrAktenzeichenABH", tnKarimi.mit(abh, "ABH-09-2024-012664"), func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.WiederholerAktenzeichenErforderlich, a + "/Ident/Aktenzeichen"}}},
		{"ErrKeineZulassung/AntragNichtBeschieden", tnKarimi, func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.KeineWiederholungszulassung, a + "/Ident"}}},
		// A cancelled admission is no admission (Q-TESTANM: "requires an
		// existing admission for repetition").
		{"ErrKeineZulassung/ZulassungStorniert", tnBerisha, func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.KeineWiederholungszulassung, a + "/Ident"}}},
		{"ErrPersonGeburtsdatumFalsch", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Ident.Geburtsdatum = "1983-03-31"
		}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrAktenzeichenEinerAnderenPerson", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Ident.Aktenzeichen.Wert = tnDervishi.kennziffer
		}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrPersonUnbekannt", tnMansour.mit(wied, "8000901-475"), func(*inge.Wiederholeranmeldung) {}, []meldung{{inge.PersonNichtIdentifiziert, a + "/Ident"}}},
		{"ErrNameMitZiffer", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Vorname = "Arben2"
		}, []meldung{{inge.NameUngueltig, a + "/Vorname"}}},
		{"ErrAnmeldedatumInZukunft", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Anmeldedatum = "2026-12-01"
		}, []meldung{{inge.DatumInZukunft, a + "/Anmeldedatum"}}},
		{"ErrBundeslandFehlt", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Anschrift.Bundesland = ""
		}, []meldung{{inge.BundeslandFehlt, a + "/Anschrift/Bundesland"}}},
		{"ErrPflichtfelderFehlen", tnOsmani, func(a *inge.Wiederholeranmeldung) {
			a.Familienname, a.Anmeldedatum = "", ""
			a.Ident.Geburtsdatum = ""
		}, []meldung{
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
			hasMeldungen(t, resp.List(), meldung{inge.WiederholerAngemeldet, ""})
			au := teilnehmerauskunft(t, s, &v, kt1, tt.person.ident())
			hasStatus(t, au, inge.StatusVerarbeitet)
			if d := au.Teilnehmer; d == nil || d.TnTyp != "6" || d.WiederholerAktenzeichen != tt.person.kennziffer {
				t.Errorf("Teilnehmerauskunft: TnTyp, WiederholerAktenzeichen = %+v; want 6 and %s", d, tt.person.kennziffer)
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
