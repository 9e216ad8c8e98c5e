package wsse

// XML namespaces and URIs defined by WS-Security 1.0 and the
// UsernameToken Profile 1.0.
const (
	// SecextNS is the namespace of wsse:Security and its children.
	SecextNS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
	// UtilityNS is the namespace of wsu:Created.
	UtilityNS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"

	// PasswordTextType is the Password Type for a clear-text password.
	PasswordTextType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
	// PasswordDigestType is the Password Type for a password digest.
	PasswordDigestType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
	// Base64Binary is the Nonce EncodingType for base64 text.
	Base64Binary = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
)
