package wsse

import (
	"encoding/xml"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// securityXML, usernameTokenXML and their fields spell the prefixes out in
// the element names, so that the output uses the conventional wsse and wsu
// prefixes instead of repeated default namespace declarations. They are
// only used for encoding: encoding/xml cannot decode by prefix.
type securityXML struct {
	XMLName        xml.Name          `xml:"wsse:Security"`
	SecextNS       string            `xml:"xmlns:wsse,attr"`
	UtilityNS      string            `xml:"xmlns:wsu,attr,omitempty"`
	SOAPEnvNS      string            `xml:"xmlns:soapenv,attr,omitempty"`
	MustUnderstand string            `xml:"soapenv:mustUnderstand,attr,omitempty"`
	UsernameToken  *usernameTokenXML `xml:"wsse:UsernameToken"`
}

type usernameTokenXML struct {
	Username string    `xml:"wsse:Username"`
	Password *Password `xml:"wsse:Password"`
	Nonce    *Nonce    `xml:"wsse:Nonce"`
	Created  string    `xml:"wsu:Created,omitempty"`
}

// MarshalXML encodes s as a self-contained wsse:Security element that
// declares every prefix it uses. The start element is ignored.
func (s Security) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	out := securityXML{SecextNS: SecextNS}
	if s.MustUnderstand {
		out.SOAPEnvNS = soap.EnvelopeNS
		out.MustUnderstand = "1"
	}
	if t := s.UsernameToken; t != nil {
		out.UsernameToken = &usernameTokenXML{
			Username: t.Username,
			Password: t.Password,
			Nonce:    t.Nonce,
			Created:  t.Created,
		}
		if t.Created != "" {
			out.UtilityNS = UtilityNS
		}
	}
	return e.Encode(out)
}
