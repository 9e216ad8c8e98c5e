package inge_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// auskunft is a valid Kursauskunft with the given children after Mandant,
// in the default namespace of the contract.
func auskunft(rest string) string {
	return `<Kursauskunft xmlns="urn:inge-harness:kurstraeger:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:inge-harness:kurstraeger:1">` +
		`<Mandant><Traegernummer>10000001</Traegernummer></Mandant>` + rest + `</Kursauskunft>`
}

// plan is a valid KursplanungErfassen whose Kursplanung holds kursplanung.
func plan(kursplanung string) string {
	return `<KursplanungErfassen xmlns="urn:inge-harness:kurstraeger:1"><Mandant><Traegernummer>10000001</Traegernummer></Mandant><Kursplanung>` + kursplanung + `</Kursplanung></KursplanungErfassen>`
}

const validKursplanung = `<Kursart>01</Kursart><BeginnKursabschnitt>1</BeginnKursabschnitt><Kursbeginn>2027-04-05</Kursbeginn><Kursende>2027-12-17</Kursende><Kursort>KO-10000001-01</Kursort>` +
	`<Unterrichtszeit><Wochentag>Mo</Wochentag><Beginn>08:30</Beginn><Ende>12:45</Ende><Unterrichtseinheiten>5</Unterrichtseinheiten></Unterrichtszeit><TnrKursMax>20</TnrKursMax>`

// TestDecodeStrict feeds request elements as a client writes them to the
// strict check. A case lists every deviation it expects: field path and a
// part of the German text.
func TestDecodeStrict(t *testing.T) {
	type deviation struct{ feld, text string }
	tests := []struct {
		name string
		body string
		want []deviation // nil: accepted
	}{
		{name: "OK", body: auskunft(`<Kurskennung>K000000001</Kurskennung>`)},
		{name: "OK/Prefixed", body: `<k:Kursauskunft xmlns:k="urn:inge-harness:kurstraeger:1"><k:Mandant><k:Traegernummer>10000001</k:Traegernummer></k:Mandant><k:Rollback>1</k:Rollback></k:Kursauskunft>`},
		{name: "OK/XsiTypeDeclared", body: auskunft(`<Kurskennung xsi:type="tns:Kennung">K1</Kurskennung>`)},
		{name: "OK/XsiTypeBuiltinDeclared", body: auskunft(`<Rollback xsi:type="xs:boolean">true</Rollback>`)},
		{name: "OK/BooleanWithSpace", body: auskunft(`<Rollback> true </Rollback>`)},
		{name: "OK/CommentAndCDATA", body: auskunft(`<!-- c --><Kurskennung><![CDATA[K0000]]><!-- x -->00001</Kurskennung>`)},
		{name: "OK/SchemaLocation", body: auskunft(`<Kurskennung xsi:schemaLocation="urn:x x.xsd">K1</Kurskennung>`)},
		{name: "OK/Whitespace", body: plan("\n  " + strings.ReplaceAll(validKursplanung, "><", ">\n  <") + "\n")},

		{name: "ErrForeignNamespace", body: auskunft(`<Kurskennung xmlns="urn:fremd">K1</Kurskennung>`),
			want: []deviation{{"Kurskennung", "steht im Namespace „urn:fremd“; erwartet wird der Namespace urn:inge-harness:kurstraeger:1"}}},
		{name: "ErrUnqualified", body: auskunft(`<Kurskennung xmlns="">K1</Kurskennung>`),
			want: []deviation{{"Kurskennung", "hat keinen Namespace"}}},
		{name: "ErrUnknownElementWithSuggestion", body: auskunft(`<Rolback>true</Rolback>`),
			want: []deviation{{"Rolback", "„Rolback“ ist hier nicht erlaubt; erwartet: Rollback, Asynchron oder Kurskennung. Gemeint ist vielleicht Rollback."}}},
		{name: "ErrUnknownElementInForeignNamespace", body: auskunft(`<x:Extra xmlns:x="urn:x"/>`),
			want: []deviation{{"Extra", "„Extra“ im Namespace „urn:x“ ist hier nicht erlaubt"}}},
		{name: "ErrWrongOrder", body: auskunft(`<Kurskennung>K1</Kurskennung><Rollback>true</Rollback>`),
			want: []deviation{{"Rollback", "steht an falscher Stelle: es gehört vor Kurskennung"}}},
		{name: "ErrNil", body: auskunft(`<Kurskennung xsi:nil="true"/>`),
			want: []deviation{{"Kurskennung/@xsi:nil", "xsi:nil ist nicht erlaubt"}}},
		{name: "ErrEmptyBoolean", body: auskunft(`<Rollback></Rollback>`),
			want: []deviation{{"Rollback", "Der Wert ist leer; erwartet wird ein Wahrheitswert"}}},
		{name: "ErrBooleanWord", body: auskunft(`<Rollback>ja</Rollback>`),
			want: []deviation{{"Rollback", "„ja“ ist ungültig"}}},
		{name: "ErrXsiTypeOther", body: auskunft(`<Kurskennung xsi:type="xs:string">K1</Kurskennung>`),
			want: []deviation{{"Kurskennung/@xsi:type", "erlaubt ist nur der deklarierte Typ tns:Kennung"}}},
		{name: "ErrUnknownAttribute", body: auskunft(`<Kurskennung id="1">K1</Kurskennung>`),
			want: []deviation{{"Kurskennung/@id", "Das Attribut „id“ ist an Kurskennung nicht erlaubt; es hat keine Attribute"}}},
		{name: "ErrTextInElementContent", body: auskunft(`<Kurskennung>K1</Kurskennung>Text`),
			want: []deviation{{"", "Der Text „Text“ ist in Kursauskunft nicht erlaubt"}}},
		{name: "ErrElementInValue", body: auskunft(`<Kurskennung>K1<b>fett</b></Kurskennung>`),
			want: []deviation{{"Kurskennung/b", "Kurskennung enthält nur einen Wert"}}},
		{name: "ErrMissingRequired", body: `<Kursauskunft xmlns="urn:inge-harness:kurstraeger:1"><Kurskennung>K1</Kurskennung></Kursauskunft>`,
			want: []deviation{{"Mandant", "Das Element Mandant fehlt; es ist vorgeschrieben (als erstes Element)"}}},
		{name: "ErrTooMany", body: auskunft(`<Kurskennung>K1</Kurskennung><Kurskennung>K2</Kurskennung>`),
			want: []deviation{{"Kurskennung[2]", "kommt öfter vor als erlaubt: höchstens einmal"}}},
		{name: "ErrDateWithSpace", body: plan(strings.Replace(validKursplanung, "2027-04-05", " 2027-04-05", 1)),
			want: []deviation{{"Kursplanung/Kursbeginn", "ist ungültig; erwartet wird ein Datum JJJJ-MM-TT"}}},
		{name: "ErrIntWithSpace", body: plan(strings.Replace(validKursplanung, "<TnrKursMax>20", "<TnrKursMax>20 ", 1)),
			want: []deviation{{"Kursplanung/TnrKursMax", "eine ganze Zahl"}}},
		{name: "ErrAttributeEnumeration", body: plan(validKursplanung + `<Teilnehmer><Ident><Geburtsdatum>1990-01-02</Geburtsdatum><Aktenzeichen Art="XYZ">1</Aktenzeichen></Ident></Teilnehmer>`),
			want: []deviation{{"Kursplanung/Teilnehmer[1]/Ident/Aktenzeichen/@Art", "„XYZ“ ist nicht zulässig; erwartet: BAMF, ABH, BVA, TGS oder WIED"}}},
		{name: "ErrAttributeMissing", body: plan(validKursplanung + `<Teilnehmer><Ident><Aktenzeichen>1</Aktenzeichen></Ident></Teilnehmer>`),
			want: []deviation{{"Kursplanung/Teilnehmer[1]/Ident/Aktenzeichen/@Art", "Das Pflichtattribut Art fehlt"}}},
		{name: "ErrAllAtOnce", body: plan(strings.NewReplacer("<Kursart>01</Kursart>", "<Kursart>01</Kursart><Kursartt/>", "2027-12-17", "17.12.2027", "<Wochentag>Mo</Wochentag>", "<Wochentag>Montag</Wochentag>").Replace(validKursplanung)),
			want: []deviation{
				{"Kursplanung/Kursartt", "Gemeint ist vielleicht Kursart"},
				{"Kursplanung/Kursende", "„17.12.2027“ ist ungültig"},
				{"Kursplanung/Unterrichtszeit[1]/Wochentag", "„Montag“ ist nicht zulässig; erwartet: Mo, Di, Mi, Do, Fr, Sa oder So (Typ Wochentag)"},
			}},
		{name: "ErrChoiceBoth", body: `<LidTeilnehmendeMelden xmlns="urn:inge-harness:kurstraeger:1"><Mandant><Traegernummer>10000001</Traegernummer></Mandant><Pruefungsnummer>L1</Pruefungsnummer><Pruefling><Ident/><Selbstzahler/></Pruefling></LidTeilnehmendeMelden>`,
			want: []deviation{{"Pruefling[1]/Selbstzahler", "Nur eines der Elemente Ident oder Selbstzahler ist erlaubt; angegeben ist schon Ident"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := inge.ReadRequest(strings.NewReader(tt.body))
			var se *inge.SchemaError
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ReadRequest() error = %v; want accepted", err)
				}
				return
			}
			if !errors.As(err, &se) {
				t.Fatalf("ReadRequest() error = %v; want a *SchemaError", err)
			}
			if len(se.Abweichungen) != len(tt.want) {
				t.Fatalf("deviations = %+v; want %d: %+v", se.Abweichungen, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				got := se.Abweichungen[i]
				if got.Feld != w.feld || !strings.Contains(got.Text, w.text) {
					t.Errorf("deviation %d = %q %q; want %q containing %q", i, got.Feld, got.Text, w.feld, w.text)
				}
			}
		})
	}
}

// TestDecodeFindings checks the findings of the rule attributes: every
// missing m:pflicht field at once, in the order of the schema, and values
// outside their code list.
func TestDecodeFindings(t *testing.T) {
	body := plan(strings.NewReplacer("<Kursart>01</Kursart>", "", "<Kursort>KO-10000001-01</Kursort>", "<Kursort></Kursort>", "<BeginnKursabschnitt>1<", "<BeginnKursabschnitt>99<").Replace(validKursplanung))
	checked, err := inge.ReadRequest(strings.NewReader(body))
	if err != nil {
		t.Fatalf("ReadRequest() error = %v", err)
	}
	var got []string
	for _, m := range checked.Befunde() {
		got = append(got, m.Code+" "+m.Feld)
	}
	want := []string{"M1001 Kursplanung/Kursart", "M1002 Kursplanung/BeginnKursabschnitt", "M1001 Kursplanung/Kursort"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("Befunde = %v; want %v", got, want)
	}
}
