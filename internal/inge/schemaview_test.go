package inge_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// otherNS is the namespace of a copy of our XSD that stands for another
// contract, as a profile's XSD does.
const otherNS = "urn:anderer-vertrag:1"

func otherSchema(t *testing.T) *inge.Schema {
	t.Helper()
	xsd := bytes.ReplaceAll(inge.XSD(), []byte(inge.Namespace), []byte(otherNS))
	s, err := inge.CompileSchema(xsd)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func element(t *testing.T, xml string) soap.Element {
	t.Helper()
	el, err := soap.ReadElement(strings.NewReader(xml), soap.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return el
}

// The strict check works on any compiled schema, in that schema's
// namespace; the rule attributes are ours alone.
func TestCompileSchema(t *testing.T) {
	s := otherSchema(t)
	if s.Namespace() != otherNS {
		t.Fatalf("Namespace = %s; want %s", s.Namespace(), otherNS)
	}
	if got := s.Elements(); len(got) != 35 || got[0] != "Fehler" {
		t.Errorf("Elements = %d, first %q; want 35 global elements, Fehler first", len(got), got[0])
	}
	f, ok := s.Element("Kursauskunft")
	if !ok || f.Felder[0].Name != "Mandant" {
		t.Fatalf("Element(Kursauskunft) = %+v, %v", f, ok)
	}

	t.Run("OK", func(t *testing.T) {
		// Kurskennung is m:pflicht in ours: missing, it would be M1001.
		befunde, err := s.Check(element(t, `<Kursauskunft xmlns="`+otherNS+`"><Mandant><Traegernummer>10000001</Traegernummer></Mandant></Kursauskunft>`))
		if err != nil || len(befunde) != 0 {
			t.Errorf("Check = %v, %v; want accepted without findings", befunde, err)
		}
	})
	t.Run("ErrOurNamespace", func(t *testing.T) {
		_, err := s.Check(element(t, `<k:Kursauskunft xmlns:k="`+otherNS+`" xmlns="`+inge.Namespace+`"><Mandant><Traegernummer>10000001</Traegernummer></Mandant></k:Kursauskunft>`))
		var se *inge.SchemaError
		if !errors.As(err, &se) || !strings.Contains(se.Abweichungen[0].Text, "erwartet wird der Namespace "+otherNS) {
			t.Errorf("Check = %v; want a deviation naming %s", err, otherNS)
		}
	})
	t.Run("ErrXsiTypeOfOurs", func(t *testing.T) {
		_, err := s.Check(element(t, `<Kursauskunft xmlns="`+otherNS+`" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:i="`+inge.Namespace+`"><Mandant><Traegernummer xsi:type="i:Traegernummer">10000001</Traegernummer></Mandant></Kursauskunft>`))
		var se *inge.SchemaError
		if !errors.As(err, &se) || se.Abweichungen[0].Feld != "Mandant/Traegernummer/@xsi:type" {
			t.Errorf("Check = %v; want the xsi:type of our namespace refused", err)
		}
	})
	t.Run("ErrNotGlobal", func(t *testing.T) {
		if _, err := s.Check(element(t, `<Kursauskunft xmlns="`+inge.Namespace+`"/>`)); err == nil {
			t.Error("an element of another namespace was checked")
		}
	})
	ours, err := inge.ContractSchema().Check(element(t, `<Kursauskunft xmlns="`+inge.Namespace+`"><Mandant><Traegernummer>10000001</Traegernummer></Mandant></Kursauskunft>`))
	if err != nil || len(ours) != 1 || ours[0].Code != "M1001" {
		t.Errorf("ContractSchema().Check = %v, %v; want M1001 for the missing Kurskennung", ours, err)
	}
}

// CompileSchema refuses what the check does not know, naming it.
func TestCompileSchemaRefuses(t *testing.T) {
	for _, tc := range []struct{ name, xsd, want string }{
		{"ErrNoTargetNamespace", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"/>`, "targetNamespace"},
		{"ErrUnqualified", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"/>`, "elementFormDefault"},
		{"ErrImport", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x" elementFormDefault="qualified"><xs:import namespace="urn:y"/></xs:schema>`, "xs:import"},
		{"ErrTwice", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x" elementFormDefault="qualified"><xs:element name="A" type="xs:string"/><xs:element name="A" type="xs:int"/></xs:schema>`, "declared twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := inge.CompileSchema([]byte(tc.xsd))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("CompileSchema = %v; want an error naming %s", err, tc.want)
			}
		})
	}
}
