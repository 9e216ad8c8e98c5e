package soap

import "encoding/xml"

const (
	// EnvelopeNS is the SOAP 1.1 envelope namespace.
	EnvelopeNS = "http://schemas.xmlsoap.org/soap/envelope/"
	// Envelope12NS is the SOAP 1.2 envelope namespace. It is only
	// recognised to report a VersionMismatch.
	Envelope12NS = "http://www.w3.org/2003/05/soap-envelope"

	// envPrefix is the prefix Encode binds to EnvelopeNS.
	envPrefix = "soapenv"
)

// SOAP 1.1 fault code local names, in EnvelopeNS.
const (
	FaultVersionMismatch = "VersionMismatch"
	FaultMustUnderstand  = "MustUnderstand"
	FaultClient          = "Client"
	FaultServer          = "Server"
)

// formatName formats n as {space}local, or local without a namespace.
func formatName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}
