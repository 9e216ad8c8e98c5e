package profil

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/antchfx/xmlquery"
)

// Namespaces of WSDL 1.1 and its SOAP 1.1 binding.
const (
	wsdlNS     = "http://schemas.xmlsoap.org/wsdl/"
	wsdlSOAPNS = "http://schemas.xmlsoap.org/wsdl/soap/"
)

// pruefeWSDL checks the profile's WSDL against verfahren.tsv and
// elemente.tsv: each offered procedure is an operation of its port type,
// with the request and response elements the mapping names as the parts
// of its input and output, and the SOAPAction of verfahren.tsv in its
// SOAP 1.1 binding; the service has a SOAP address, which mockinge
// replaces with its own; and the WSDL imports the profile's XSD.
func (p *Profil) pruefeWSDL(l *luecken) {
	doc, err := xmlquery.Parse(bytes.NewReader(p.wsdl))
	if err != nil {
		l.add("%s: kein wohlgeformtes XML: %v", p.wsdlName, err)
		return
	}
	root := xmlquery.FindOne(doc, "/*")
	if root == nil || root.NamespaceURI != wsdlNS || root.Data != "definitions" {
		l.add("%s: kein wsdl:definitions (WSDL 1.1, Namespace %s)", p.wsdlName, wsdlNS)
		return
	}
	teile := map[string]xml.Name{} // message name -> the element of its part
	for _, m := range kinder(root, wsdlNS, "message") {
		for _, part := range kinder(m, wsdlNS, "part") {
			if el := part.SelectAttr("element"); el != "" {
				teile[m.SelectAttr("name")] = qname(part, el)
			}
		}
	}
	type op struct{ input, output string }
	ops := map[string]op{}
	var opNames []string
	for _, pt := range kinder(root, wsdlNS, "portType") {
		for _, o := range kinder(pt, wsdlNS, "operation") {
			var x op
			if in := kinder(o, wsdlNS, "input"); len(in) > 0 {
				x.input = qname(in[0], in[0].SelectAttr("message")).Local
			}
			if out := kinder(o, wsdlNS, "output"); len(out) > 0 {
				x.output = qname(out[0], out[0].SelectAttr("message")).Local
			}
			ops[o.SelectAttr("name")] = x
			opNames = append(opNames, o.SelectAttr("name"))
		}
	}
	actions := map[string]string{}
	soap11 := false
	for _, b := range kinder(root, wsdlNS, "binding") {
		if len(kinder(b, wsdlSOAPNS, "binding")) == 0 {
			continue
		}
		soap11 = true
		for _, o := range kinder(b, wsdlNS, "operation") {
			for _, so := range kinder(o, wsdlSOAPNS, "operation") {
				actions[o.SelectAttr("name")] = so.SelectAttr("soapAction")
			}
		}
	}
	if !soap11 {
		l.add("%s: kein SOAP-1.1-Binding (soap:binding im Namespace %s); mockinge spricht SOAP 1.1", p.wsdlName, wsdlSOAPNS)
	}
	address := false
	for _, s := range kinder(root, wsdlNS, "service") {
		for _, port := range kinder(s, wsdlNS, "port") {
			address = address || len(kinder(port, wsdlSOAPNS, "address")) > 0
		}
	}
	if !address {
		l.add("%s: kein wsdl:service mit einem soap:address; mockinge setzt dort seine Adresse ein", p.wsdlName)
	}
	for _, proc := range procedures() {
		v := p.verfahren[proc.Name]
		if v == nil || v.anfrage == "" {
			continue
		}
		if p.theirs.nach[v.anfrage] == nil || p.theirs.nach[v.antwort] == nil {
			continue // elemente.tsv names an element the XSD lacks: said there
		}
		o, ok := ops[v.operation]
		if !ok {
			l.add("%s: %s: die WSDL hat keine Operation %s (dort: %s)", p.wsdlName, proc.Name, v.operation, quoteList(opNames))
			continue
		}
		if got, want := teile[o.input], xmlName(p.Namespace, v.anfrage); got != want {
			l.add("%s: Operation %s: die Anfrage ist das Element {%s}%s, elemente.tsv bildet %s auf {%s}%s ab", p.wsdlName, v.operation, got.Space, got.Local, proc.Name, want.Space, want.Local)
		}
		if got, want := teile[o.output], xmlName(p.Namespace, v.antwort); got != want {
			l.add("%s: Operation %s: die Antwort ist das Element {%s}%s, elemente.tsv bildet %sResponse auf {%s}%s ab", p.wsdlName, v.operation, got.Space, got.Local, proc.Name, want.Space, want.Local)
		}
		if a, ok := actions[v.operation]; soap11 && (!ok || a != v.action) {
			l.add("%s: Operation %s: die SOAPAction im Binding ist %q, in verfahren.tsv %q", p.wsdlName, v.operation, a, v.action)
		}
	}
	imported := false
	for _, m := range schemaLocationRE.FindAllSubmatch(p.wsdl, -1) {
		imported = imported || xsdDatei(unquote(string(m[2]))) == p.xsdName
	}
	if !imported {
		l.add("%s: die WSDL bindet das XSD %s nicht ein (xs:import mit schemaLocation=\"%s\")", p.wsdlName, p.xsdName, p.xsdName)
	}
}

// kinder returns the child elements of n named {ns}local.
func kinder(n *xmlquery.Node, ns, local string) []*xmlquery.Node {
	var out []*xmlquery.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xmlquery.ElementNode && c.NamespaceURI == ns && c.Data == local {
			out = append(out, c)
		}
	}
	return out
}

// qname resolves a QName attribute value in the scope of n.
func qname(n *xmlquery.Node, value string) xml.Name {
	prefix, local, ok := strings.Cut(value, ":")
	if !ok {
		prefix, local = "", value
	}
	for m := n; m != nil; m = m.Parent {
		for _, a := range m.Attr {
			if prefix == "" && a.Name.Space == "" && a.Name.Local == "xmlns" || prefix != "" && a.Name.Space == "xmlns" && a.Name.Local == prefix {
				return xml.Name{Space: a.Value, Local: local}
			}
		}
	}
	return xml.Name{Local: local}
}

// The attributes the served WSDL rewrites: the SOAP address of every port
// and the schemaLocation that imports the profile's XSD.
var (
	addressRE        = regexp.MustCompile(`(<(?:[A-Za-z_][\w.-]*:)?address\b[^>]*?\blocation\s*=\s*)("[^"]*"|'[^']*')`)
	schemaLocationRE = regexp.MustCompile(`(\bschemaLocation\s*=\s*)("[^"]*"|'[^']*')`)
)

func unquote(v string) string { return v[1 : len(v)-1] }

// xsdDatei is the file name a schemaLocation points at.
func xsdDatei(loc string) string {
	if u, err := url.Parse(loc); err == nil {
		if x := u.Query().Get("xsd"); x != "" {
			return x
		}
		loc = u.Path
	}
	return path.Base(loc)
}

// WSDL returns the profile's WSDL as mockinge serves it: the SOAP address
// of every port set to endpoint, and the import of the XSD to xsdURL.
func (p *Profil) WSDL(endpoint, xsdURL string) []byte {
	w := addressRE.ReplaceAllFunc(p.wsdl, func(m []byte) []byte {
		sub := addressRE.FindSubmatch(m)
		return append(append([]byte(nil), sub[1]...), attrQuote(endpoint)...)
	})
	return schemaLocationRE.ReplaceAllFunc(w, func(m []byte) []byte {
		sub := schemaLocationRE.FindSubmatch(m)
		if xsdDatei(unquote(string(sub[2]))) != p.xsdName {
			return m
		}
		return append(append([]byte(nil), sub[1]...), attrQuote(xsdURL)...)
	})
}

func attrQuote(s string) string {
	return `"` + strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;").Replace(s) + `"`
}

// XSDName is the file name of the profile's XSD, as its WSDL imports it.
func (p *Profil) XSDName() string { return p.xsdName }

// XSD returns the profile's XSD as it is.
func (p *Profil) XSD() []byte { return p.xsd }
