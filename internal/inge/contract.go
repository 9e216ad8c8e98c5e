package inge

import (
	"bytes"
	"embed"
	"strings"
)

//go:embed contract/inge-kurstraeger.xsd contract/inge-kurstraeger.wsdl
var contractFS embed.FS

// Contract file names, as the WSDL imports them and the server serves them.
const (
	XSDName  = "inge-kurstraeger.xsd"
	WSDLName = "inge-kurstraeger.wsdl"
)

// XSD returns the message schema.
func XSD() []byte { return mustRead("contract/" + XSDName) }

// WSDL returns the service description with the SOAP address and the schema
// location pointing at endpoint (e.g. http://127.0.0.1:8080/inge).
func WSDL(endpoint string) []byte {
	w := mustRead("contract/" + WSDLName)
	w = bytes.ReplaceAll(w, []byte(wsdlAddressPlaceholder), []byte(xmlAttrEscape(endpoint)))
	return w
}

// wsdlAddressPlaceholder stands in the committed WSDL where the server puts
// its own address.
const wsdlAddressPlaceholder = "http://127.0.0.1:8080/inge"

func xmlAttrEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func mustRead(name string) []byte {
	b, err := contractFS.ReadFile(name)
	if err != nil {
		panic("inge: embedded contract file missing: " + name) // impossible with go:embed
	}
	return b
}
