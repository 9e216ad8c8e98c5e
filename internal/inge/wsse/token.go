package wsse

import "encoding/xml"

// Security is the wsse:Security SOAP header block. It decodes with any
// namespace prefixes and encodes with the prefixes wsse and wsu.
type Security struct {
	XMLName xml.Name `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd Security"`
	// MustUnderstand is the SOAP 1.1 soapenv:mustUnderstand attribute.
	MustUnderstand bool `xml:"http://schemas.xmlsoap.org/soap/envelope/ mustUnderstand,attr,omitempty"`
	// UsernameToken is nil when the header carries no token.
	UsernameToken *UsernameToken `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd UsernameToken"`
}

// UsernameToken is a wsse:UsernameToken.
type UsernameToken struct {
	Username string `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd Username"`
	// Password is nil when the element is absent.
	Password *Password `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd Password"`
	// Nonce is nil when the element is absent.
	Nonce *Nonce `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd Nonce"`
	// Created is the exact text of wsu:Created, empty when absent. It is
	// kept as text because the password digest is computed over it.
	Created string `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd Created,omitempty"`
}

// Password is a wsse:Password: a clear-text password or a digest,
// depending on Type.
type Password struct {
	// Type is PasswordTextType, PasswordDigestType, or empty, which
	// means PasswordTextType.
	Type  string `xml:"Type,attr,omitempty"`
	Value string `xml:",chardata"`
}

// Nonce is a wsse:Nonce.
type Nonce struct {
	// EncodingType is Base64Binary or empty, which means Base64Binary.
	EncodingType string `xml:"EncodingType,attr,omitempty"`
	// Value is the base64 encoded nonce.
	Value string `xml:",chardata"`
}
