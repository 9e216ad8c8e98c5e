package profil_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// luecken loads a broken profile and returns its gap lines.
func luecken(t *testing.T, dir string) []string {
	t.Helper()
	_, err := profil.Load(dir)
	var l *profil.Luecken
	if !errors.As(err, &l) {
		t.Fatalf("Load = %v; want *profil.Luecken", err)
	}
	if !strings.Contains(err.Error(), strings.Join(l.Zeilen, "\n  ")) {
		t.Errorf("the error does not list its lines: %v", err)
	}
	return l.Zeilen
}

// A profile with one path of ours unmapped does not load, and the one
// line says which; the check's draft offers the row to add.
func TestEinPfadFehlt(t *testing.T) {
	dir := ingetest.ProfilEntwurf(t, map[string][][2]string{"elemente.tsv": {{"Stornierungsgrund\tstornierungsgrund\n", ""}}})
	got := luecken(t, dir)
	want := []string{"elemente.tsv: KursplanungStornieren/Stornierungsgrund ist weder abgebildet noch weggelassen"}
	if !slices.Equal(got, want) {
		t.Errorf("gaps:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	b, err := profil.Pruefe(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Entwurf, []string{"KursplanungStornieren/Stornierungsgrund\tstornierungsgrund"}) {
		t.Errorf("draft %q", b.Entwurf)
	}
	if !slices.Contains(b.Extra, "stornierenKursplanung/stornierungsgrund") {
		t.Errorf("Extra %v lacks the profile's element that nothing is mapped onto", b.Extra)
	}
	// Dropped explicitly, the path is no gap.
	dir = ingetest.ProfilEntwurf(t, map[string][][2]string{"elemente.tsv": {{"Stornierungsgrund\tstornierungsgrund\n", "Stornierungsgrund\t-\n"}}})
	if _, err := profil.Load(dir); err != nil {
		t.Errorf("dropped explicitly: %v", err)
	}
}

// Each kind of gap is one precise line, naming the file, the row and what
// is wrong.
func TestLuecken(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits map[string][][2]string
		want  []string // parts of the gap lines, one per line, in order
	}{
		{"ErrNameFehltImXSD", map[string][][2]string{"elemente.tsv": {{"LidPruefungStornieren\tstornierenLidTest\n", "LidPruefungStornieren\tstornierenLidPruefung\n"}}},
			[]string{"elemente.tsv:32: LidPruefungStornieren → stornierenLidPruefung: das XSD des Profils hat kein globales Element stornierenLidPruefung"}},
		{"ErrKindFehltImXSD", map[string][][2]string{"elemente.tsv": {{"Pruefungsstatus\tpruefungsstatus", "Pruefungsstatus\tteststatus"}}},
			[]string{"LidPruefungAuskunftResponse/Pruefung/Pruefungsstatus → abfragenLidTestAntwort/pruefung/teststatus: im XSD des Profils hat abfragenLidTestAntwort/pruefung kein Element teststatus (dort: testNr, pruefungsstatus, pruefung, pruefling)",
				"elemente.tsv: das Profil verlangt abfragenLidTestAntwort/pruefung/pruefungsstatus, aber kein Pfad unseres Vertrags wird darauf abgebildet"}},
		{"ErrZweiAufEins", map[string][][2]string{"elemente.tsv": {{"Stornierungsgrund\tstornierungsgrund", "Stornierungsgrund\tkursNr"}}},
			[]string{"KursplanungStornieren/Kurskennung und KursplanungStornieren/Stornierungsgrund werden beide auf stornierenKursplanung/kursNr abgebildet"}},
		{"ErrPasstNirgends", map[string][][2]string{"elemente.tsv": {{"Pfad\tProfil\n", "Pfad\tProfil\nKursplanung/Gibtsnicht\tx\n"}}},
			[]string{`elemente.tsv:3: "Kursplanung/Gibtsnicht" passt auf keinen Pfad unseres Vertrags`}},
		{"ErrAufloesenWiederholt", map[string][][2]string{"elemente.tsv": {{"Pruefling\tpruefling", "Pruefling\t."}}},
			[]string{"SprachtestMelden/Sprachtest/Pruefling → .: auflösen", "SprachtestMeldenResponse/Rueckmeldung/Pruefling → .: auflösen", "LidTeilnehmendeMelden/Pruefling → .: auflösen", "LidPruefungAuskunftResponse/Pruefung/Pruefling → .: auflösen",
				"das Profil verlangt meldenSprachtestAntwort/rueckmeldung/pruefling"}},
		{"ErrWiederholtNurEinmal", map[string][][2]string{"gegenprofil.xsd": {{`<xs:element name="unterrichtszeit" type="p:UnterrichtszeitTyp" minOccurs="0" maxOccurs="7"/>`, `<xs:element name="unterrichtszeit" type="p:UnterrichtszeitTyp" minOccurs="0"/>`}}},
			[]string{"KursplanungErfassen/Kursplanung/Unterrichtszeit kommt bei uns mehrfach vor, erfassenKursplanung/planung/unterrichtszeit im Profil höchstens einmal",
				"KursplanungAktualisieren/Kursplanung/Unterrichtszeit kommt bei uns mehrfach vor, aendernKursplanung/planung/unterrichtszeit im Profil höchstens einmal"}},
		{"ErrHuelleWiederholt", map[string][][2]string{"gegenprofil.xsd": {{`<xs:element name="teilnehmende" type="p:TeilnehmendeTyp" minOccurs="0"/>`, `<xs:element name="teilnehmende" type="p:TeilnehmendeTyp" minOccurs="0" maxOccurs="2"/>`}}},
			[]string{"das Element erfassenKursplanung/planung/teilnehmende, das das Profil hinzufügt, ist dort wiederholbar", "das Element aendernKursplanung/planung/teilnehmende, das das Profil hinzufügt, ist dort wiederholbar"}},
		{"ErrProfilVerlangtMehr", map[string][][2]string{"gegenprofil.xsd": {{`<xs:element name="kursNr" type="p:KennungTyp" minOccurs="0"/>
      </xs:sequence>
    </xs:extension></xs:complexContent>
  </xs:complexType>
  <xs:complexType name="KursauskunftAntwortTyp">`, `<xs:element name="kursNr" type="p:KennungTyp" minOccurs="0"/>
        <xs:element name="grund" type="p:TextTyp"/>
      </xs:sequence>
    </xs:extension></xs:complexContent>
  </xs:complexType>
  <xs:complexType name="KursauskunftAntwortTyp">`}}},
			[]string{"elemente.tsv: das Profil verlangt abfragenKurs/grund, aber kein Pfad unseres Vertrags wird darauf abgebildet"}},
		{"ErrWertFehlt", map[string][][2]string{"werte.tsv": {{"802\t01\tKA-01\n", ""}}},
			[]string{"werte.tsv: Codeliste 802 (Kursart): der Wert 01 ist nicht abgebildet"}},
		{"ErrWertImProfilUngueltig", map[string][][2]string{"werte.tsv": {{"Wochentag\tMo\tMONTAG", "Wochentag\tMo\tMO"}}},
			[]string{`Aufzählung Wochentag, Wert Mo → "MO" ist im Profil bei erfassenKursplanung/planung/unterrichtszeit/wochentag ungültig: „MO“ ist nicht zulässig`}},
		{"ErrWertDoppelt", map[string][][2]string{"werte.tsv": {{"Status\tgeprueft\tGEPRUEFT", "Status\tgeprueft\tVERARBEITET"}}},
			[]string{`Aufzählung Status: verarbeitet und geprueft werden beide zu "VERARBEITET"`, "werte.tsv: Aufzählung Status: der Wert geprueft ist nicht abgebildet"}},
		{"ErrListeUnbekannt", map[string][][2]string{"werte.tsv": {{"Liste\tWert\tProfil\n", "Liste\tWert\tProfil\n999\t1\tX\n"}}},
			[]string{`werte.tsv:3: "999" ist keine Codeliste oder Aufzählung unseres Vertrags`}},
		{"ErrCodeKollision", map[string][][2]string{"meldungen.tsv": {{"M1001\tV-1001", "M1001\tV-1002"}}},
			[]string{"M1001 und M1002 werden beide zu V-1002"}},
		{"ErrCodeIstUnserer", map[string][][2]string{"meldungen.tsv": {{"M1002\tV-1002\t\n", ""}, {"M1001\tV-1001", "M1001\tM1002"}}},
			[]string{"M1001 wird zu M1002, dem Code, den unser M1002 unverändert behält"}},
		{"ErrFremderPlatzhalter", map[string][][2]string{"meldungen.tsv": {{"Kurs {Wert}: unbekannt", "Kurs {Kurs}: unbekannt"}}},
			[]string{"M3002: der Text nennt {Kurs}, unser Text aber nicht"}},
		{"ErrVerfahrenFehlt", map[string][][2]string{"verfahren.tsv": {{"Kursauskunft\tabfragenKurs\turn:inge-harness:gegenprofil:aktion:abfragenKurs\n", ""}}},
			[]string{"verfahren.tsv: das Verfahren Kursauskunft fehlt"}},
		{"ErrSOAPActionAndersAlsWSDL", map[string][][2]string{"verfahren.tsv": {{"aktion:abfragenKurs\n", "aktion:kurs\n"}}},
			[]string{`gegenprofil.wsdl: Operation abfragenKurs: die SOAPAction im Binding ist "urn:inge-harness:gegenprofil:aktion:abfragenKurs", in verfahren.tsv "urn:inge-harness:gegenprofil:aktion:kurs"`}},
		{"ErrOperationNichtInWSDL", map[string][][2]string{"verfahren.tsv": {{"Kursauskunft\tabfragenKurs", "Kursauskunft\tkursAbfragen"}}},
			[]string{"gegenprofil.wsdl: Kursauskunft: die WSDL hat keine Operation kursAbfragen"}},
		{"ErrNamespace", map[string][][2]string{"profil.tsv": {{"Namespace\turn:inge-harness:gegenprofil:2", "Namespace\turn:inge-harness:gegenprofil:3"}}},
			[]string{"profil.tsv: Namespace urn:inge-harness:gegenprofil:3, aber das XSD gegenprofil.xsd hat den targetNamespace urn:inge-harness:gegenprofil:2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := luecken(t, ingetest.ProfilEntwurf(t, tc.edits))
			ok := len(got) == len(tc.want)
			for i := 0; ok && i < len(got); i++ {
				ok = strings.Contains(got[i], tc.want[i])
			}
			if !ok {
				t.Errorf("gaps:\n  %s\nwant lines containing:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// What cannot be checked line by line is an error of its own: a file
// missing, an XSD the strict check cannot compile.
func TestLadenScheitert(t *testing.T) {
	dir := ingetest.ProfilEntwurf(t, nil)
	if err := os.Remove(filepath.Join(dir, "werte.tsv")); err != nil {
		t.Fatal(err)
	}
	if _, err := profil.Load(dir); err == nil || !strings.Contains(err.Error(), "werte.tsv") {
		t.Errorf("Load without werte.tsv = %v", err)
	}
	dir = ingetest.ProfilEntwurf(t, map[string][][2]string{"gegenprofil.xsd": {{`<xs:simpleType name="NameTyp">`, `<xs:import namespace="urn:x"/><xs:simpleType name="NameTyp">`}}})
	if _, err := profil.Load(dir); err == nil || !strings.Contains(err.Error(), "xs:import") {
		t.Errorf("Load with xs:import = %v", err)
	}
}
