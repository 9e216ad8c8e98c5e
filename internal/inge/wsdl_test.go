package inge_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"text/template"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The WSDL is derived from the procedure table: this test renders it and
// compares it with the committed file, so the two cannot drift apart.
// Run `go test ./internal/inge -run TestWSDLUpToDate -update` after changing
// the table.
func TestWSDLUpToDate(t *testing.T) {
	var buf bytes.Buffer
	if err := wsdlTemplate.Execute(&buf, map[string]any{
		"NS":         inge.Namespace,
		"Version":    inge.ContractVersion,
		"XSD":        inge.XSDName,
		"Procedures": inge.Procedures(),
	}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("contract", inge.WSDLName)
	if inge.UpdateGenerated() {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("%s is out of date with the procedure table; rerun with -update", path)
	}
}

var wsdlTemplate = template.Must(template.New("wsdl").Parse(`<?xml version="1.0" encoding="UTF-8"?>
<!--
  InGe-Online-Kurstraeger as served by mockinge: WSDL 1.1, SOAP 1.1, document/literal wrapped.
  RECONSTRUCTED from public sources, not BAMF's official WSDL. Generated from the procedure
  table in internal/inge/procedures.go by TestWSDLUpToDate; do not edit by hand.
  Authentication: WS-Security 2004 UsernameToken (PasswordText or PasswordDigest) in the SOAP header.
-->
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
                  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                  xmlns:xs="http://www.w3.org/2001/XMLSchema"
                  xmlns:tns="{{.NS}}"
                  targetNamespace="{{.NS}}"
                  name="InGeKurstraeger">
  <wsdl:documentation>InGe-Online-Kurstraeger mock, contract version {{.Version}} (reconstructed)</wsdl:documentation>
  <wsdl:types>
    <xs:schema targetNamespace="{{.NS}}/wsdl">
      <xs:import namespace="{{.NS}}" schemaLocation="http://127.0.0.1:8080/inge?xsd={{.XSD}}"/>
    </xs:schema>
  </wsdl:types>
{{range .Procedures}}
  <wsdl:message name="{{.Name}}Anfrage"><wsdl:part name="parameters" element="tns:{{.Name}}"/></wsdl:message>
  <wsdl:message name="{{.Name}}Antwort"><wsdl:part name="parameters" element="tns:{{.Name}}Response"/></wsdl:message>
{{- end}}
  <wsdl:message name="Fehler"><wsdl:part name="Fehler" element="tns:Fehler"/></wsdl:message>

  <wsdl:portType name="InGeKurstraegerPortType">
{{- range .Procedures}}
    <wsdl:operation name="{{.Name}}">
      <wsdl:input message="tns:{{.Name}}Anfrage"/>
      <wsdl:output message="tns:{{.Name}}Antwort"/>
      <wsdl:fault name="Fehler" message="tns:Fehler"/>
    </wsdl:operation>
{{- end}}
  </wsdl:portType>

  <wsdl:binding name="InGeKurstraegerBinding" type="tns:InGeKurstraegerPortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
{{- range .Procedures}}
    <wsdl:operation name="{{.Name}}">
      <soap:operation soapAction="{{.Action}}" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
      <wsdl:fault name="Fehler"><soap:fault name="Fehler" use="literal"/></wsdl:fault>
    </wsdl:operation>
{{- end}}
  </wsdl:binding>

  <wsdl:service name="InGeKurstraegerService">
    <wsdl:port name="InGeKurstraegerPort" binding="tns:InGeKurstraegerBinding">
      <soap:address location="http://127.0.0.1:8080/inge"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`))
