package profil_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// gegenprofil is the counter-profile of the tests.
var gegenprofil = filepath.Join("..", "..", "testdata", "gegenprofil")

func laden(t testing.TB) *profil.Profil {
	t.Helper()
	p, err := profil.Load(gegenprofil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGegenprofilLaedt(t *testing.T) {
	p := laden(t)
	if p.Name != "gegenprofil" || p.Namespace != "urn:inge-harness:gegenprofil:2" || len(p.Digest) != 64 {
		t.Errorf("Name %q, Namespace %q, Digest %q", p.Name, p.Namespace, p.Digest)
	}
	for _, proc := range inge.Procedures() {
		if !p.Angeboten(proc) || p.Operation(proc) == proc.Name || p.SOAPAction(proc) == proc.Action() {
			t.Errorf("%s: operation %q, SOAPAction %q; want offered, both renamed", proc.Name, p.Operation(proc), p.SOAPAction(proc))
		}
		if got, ok := p.Verfahren(p.Anfragename(proc)); !ok || got != proc {
			t.Errorf("Verfahren(%v) = %v, %v; want %s", p.Anfragename(proc), got, ok, proc.Name)
		}
	}
	b, err := profil.Pruefe(gegenprofil)
	if err != nil || len(b.Luecken) > 0 || len(b.Entwurf) > 0 {
		t.Errorf("Pruefe: %v, gaps %v, draft %v", err, b.Luecken, b.Entwurf)
	}
}

// golden reads the body element of a golden envelope of our contract.
func golden(t *testing.T, name string) []byte {
	t.Helper()
	env, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", name+".xml"))
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(env, []byte("<soapenv:Body>")) + len("<soapenv:Body>")
	end := bytes.LastIndex(env, []byte("</soapenv:Body>"))
	return env[start:end]
}

func element(t *testing.T, b []byte) soap.Element {
	t.Helper()
	el, err := soap.ReadElement(bytes.NewReader(b), soap.Limits{})
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return el
}

// Every request and answer of the golden envelopes, fully populated, goes
// into the profile's names, passes the profile's XSD, and comes back as it
// was: the client's direction and the mock's, for all 17 procedures.
func TestRundreise(t *testing.T) {
	p := laden(t)
	var profilForm [][]byte
	for _, proc := range inge.Procedures() {
		t.Run(proc.Name, func(t *testing.T) {
			req := proc.NewRequest()
			if err := element(t, golden(t, proc.Name)).Decode(req); err != nil {
				t.Fatal(err)
			}
			body, action, err := p.EncodeRequest(proc, req)
			if err != nil || action != p.SOAPAction(proc) {
				t.Fatalf("EncodeRequest = %v, %q", err, action)
			}
			wire, err := xml.Marshal(body)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(wire, []byte(inge.Namespace)) {
				t.Errorf("the profile's request names our namespace:\n%s", wire)
			}
			profilForm = append(profilForm, wire)
			got, canonical, err := p.Eingang(element(t, wire))
			if err != nil || got != proc {
				t.Fatalf("Eingang = %v, %v\n%s", got, err, wire)
			}
			back := proc.NewRequest()
			if err := element(t, canonical).Decode(back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, req) {
				t.Errorf("request back from the profile differs:\n got %s\nwant %s", canonical, golden(t, proc.Name))
			}

			resp := proc.NewResponse()
			if err := element(t, golden(t, proc.Name+"Response")).Decode(resp); err != nil {
				t.Fatal(err)
			}
			out, err := p.Antwort(proc, resp)
			if err != nil {
				t.Fatal(err)
			}
			var env bytes.Buffer
			if err := soap.Encode(&env, nil, out); err != nil {
				t.Fatal(err)
			}
			start := bytes.Index(env.Bytes(), []byte("<soapenv:Body>")) + len("<soapenv:Body>")
			profilForm = append(profilForm, env.Bytes()[start:bytes.LastIndex(env.Bytes(), []byte("</soapenv:Body>"))])
			ours, err := p.DecodeResponse(proc, env.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			backResp := proc.NewResponse()
			if err := soap.DecodeResponse(bytes.NewReader(ours), backResp); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(backResp, resp) {
				t.Errorf("answer back from the profile differs:\n got %s\nwant %s", ours, golden(t, proc.Name+"Response"))
			}
		})
	}
	xmllint(t, profilForm)
}

// xmllint validates the documents against the profile's XSD with libxml2,
// the reference of the strict check: the mapping writes what the profile
// declares, independently of our own check.
func xmllint(t *testing.T, docs [][]byte) {
	t.Helper()
	tool, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint not found (Debian package libxml2-utils); CI must install it")
		}
		t.Skip("xmllint not found; install libxml2-utils")
	}
	dir := t.TempDir()
	args := []string{"--noout", "--nonet", "--schema", filepath.Join(gegenprofil, "gegenprofil.xsd")}
	for i, d := range docs {
		name := filepath.Join(dir, fmt.Sprintf("%03d.xml", i))
		if err := os.WriteFile(name, d, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	if out, err := exec.Command(tool, args...).CombinedOutput(); err != nil {
		t.Errorf("xmllint refuses a document in the profile's names: %v\n%s", err, out)
	}
}

// The field paths of Meldungen and Faults follow their fields into the
// profile's structure and back, occurrences included.
func TestFeldImProfil(t *testing.T) {
	p := laden(t)
	for _, tc := range []struct {
		proc       *inge.Procedure
		ours, want string
	}{
		{inge.KursplanungErfassen.Procedure(), "Kursplanung/Teilnehmer[2]/Ident/Geburtsdatum", "planung/teilnehmende/person[2]/kennung/gebDatum"},
		{inge.KursplanungErfassen.Procedure(), "Kursplanung/Teilnehmer[1]/Ident/Aktenzeichen/@Art", "planung/teilnehmende/person[1]/kennung/az/@typ"},
		{inge.KursplanungErfassen.Procedure(), "Kursplanung/Zusatzangaben/Vergabe", "planung/vergabe"},
		{inge.KursplanungErfassen.Procedure(), "Kursplanung/Nachmeldungsgrund", "nachmeldungsgrund"},
		{inge.KursplanungErfassen.Procedure(), "Kursplanung/Abschnitt[3]/WeitererKursort[2]", "planung/abschnitt[3]/orte/weitererOrt[2]"},
		{inge.KursplanungErfassen.Procedure(), "Mandant/Traegernummer", "traegerNr"},
		{inge.KursplanungErfassen.Procedure(), "Rollback", "steuerung/nurPruefen"},
		{inge.KursplanungErfassen.Procedure(), "Kursplanung/Unbekannt[2]/X", "planung/Unbekannt[2]/X"},
		{inge.KursabschnittAktualisieren.Procedure(), "Abschnitt/Teilnehmer[4]/Geburtsdatum", "korrektur/teilnehmende[4]/gebDatum"},
		{inge.KursabschnittsbeginnMelden.Procedure(), "Abschnitt/Kursort", "abschnittsbeginn/ort"},
		{inge.LidTeilnehmendeMelden.Procedure(), "Pruefling[2]", "pruefling[2]"},
		{inge.Kursauskunft.Procedure(), "", ""},
	} {
		if got := p.FeldImProfil(tc.proc, tc.ours); got != tc.want {
			t.Errorf("%s: FeldImProfil(%q) = %q; want %q", tc.proc.Name, tc.ours, got, tc.want)
		}
	}
}

// A Fault goes into the profile's names: its code, its text where the
// profile words it otherwise, the fields of its detail; and the client
// reads it back as ours.
func TestFault(t *testing.T) {
	p := laden(t)
	proc := inge.KursplanungErfassen.Procedure()
	se := &inge.SchemaError{Abweichungen: []inge.Abweichung{{Feld: "Kursplanung/Kursbeginn", Text: "„05.04.2027“ ist ungültig"}, {Feld: "Kursplanung/Teilnehmer[2]/Ident", Text: "fehlt"}}}
	f := inge.NewSchemaFault(se)
	out, err := p.Fault(proc, f, false)
	if err != nil {
		t.Fatal(err)
	}
	var env bytes.Buffer
	if err := soap.EncodeFault(&env, *out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<stoerung xmlns=\"urn:inge-harness:gegenprofil:2\"><nummer>T-108</nummer>", "<faultstring>Schemafehler: 2 Abweichungen, zuerst Kursplanung/Kursbeginn",
		"<pfad>planung/kursbeginn</pfad>", "<befund><pfad>planung/teilnehmende/person[2]/kennung</pfad>"} {
		if !strings.Contains(env.String(), want) {
			t.Errorf("the profile's Fault lacks %s:\n%s", want, env.String())
		}
	}
	ours, err := p.DecodeResponse(proc, env.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	err = soap.DecodeResponse(bytes.NewReader(ours), nil)
	var back *soap.Fault
	if !errors.As(err, &back) {
		t.Fatalf("DecodeResponse: %v", err)
	}
	if back.String != f.String || back.Detail.Code != "F108" || back.Detail.Field != "Kursplanung/Kursbeginn" || !reflect.DeepEqual(back.Detail.Deviations, f.Detail.Deviations) {
		t.Errorf("Fault back: %+v %+v; want %+v %+v", back, back.Detail, f, f.Detail)
	}

	// The profile's own check names the profile's fields already.
	own, err := p.Fault(proc, inge.NewSchemaFault(&inge.SchemaError{Abweichungen: []inge.Abweichung{{Feld: "planung/kursbeginn", Text: "x"}}}), true)
	if err != nil {
		t.Fatal(err)
	}
	env.Reset()
	if err := soap.EncodeFault(&env, *own); err != nil || !strings.Contains(env.String(), "<pfad>planung/kursbeginn</pfad>") {
		t.Errorf("%v\n%s", err, env.String())
	}
}

// The texts of Meldungen go into the profile's wording with their values,
// and back into ours.
func TestMeldungstexte(t *testing.T) {
	p := laden(t)
	proc := inge.AnmeldungErstverfahren.Procedure()
	m := inge.NewMeldung(inge.ErstanmeldungVorhanden, "Anmeldung/Ident", "Wert", "10000001", "Datum", "03.08.2026")
	resp := &inge.AnmeldungErstverfahrenAntwort{Antwort: inge.Antwort{Status: inge.StatusAbgelehnt, Vorgangsnummer: "V-1", Meldungen: &inge.Meldungen{Meldung: []inge.Meldung{m}}}}
	out, err := p.Antwort(proc, resp)
	if err != nil {
		t.Fatal(err)
	}
	var env bytes.Buffer
	if err := soap.Encode(&env, nil, out); err != nil {
		t.Fatal(err)
	}
	want := "<hinweis><code>V-2010</code><art>FEHLER</art><feld>antrag/kennung</feld><text>Erstanmeldung schon vorhanden, seit 03.08.2026 bei Träger 10000001.</text></hinweis>"
	if !strings.Contains(env.String(), want) || !strings.Contains(env.String(), "<ergebnis><status>ABGELEHNT</status><vorgangsNr>V-1</vorgangsNr></ergebnis>") {
		t.Errorf("answer in the profile:\n%s\nwant %s", env.String(), want)
	}
	ours, err := p.DecodeResponse(proc, env.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	back := &inge.AnmeldungErstverfahrenAntwort{}
	if err := soap.DecodeResponse(bytes.NewReader(ours), back); err != nil || !reflect.DeepEqual(back.Antwort, resp.Antwort) {
		t.Errorf("back: %+v, %v; want %+v", back.List(), err, resp.List())
	}
}

// A request the profile's XSD refuses is a schema error in the profile's
// names; our namespace is no request of the profile.
func TestEingangStreng(t *testing.T) {
	p := laden(t)
	_, _, err := p.Eingang(element(t, []byte(`<abfragenKurs xmlns="urn:inge-harness:gegenprofil:2"><traegerNr>10000001</traegerNr><Kurskennung>K1</Kurskennung></abfragenKurs>`)))
	var se *inge.SchemaError
	if !errors.As(err, &se) || se.Abweichungen[0].Feld != "Kurskennung" || !strings.Contains(se.Abweichungen[0].Text, "kursNr") {
		t.Errorf("Eingang = %v; want a deviation at Kurskennung naming kursNr", err)
	}
	if _, _, err := p.Eingang(element(t, golden(t, "Kursauskunft"))); err == nil {
		t.Error("a request of our contract was taken by the profile")
	}
}
