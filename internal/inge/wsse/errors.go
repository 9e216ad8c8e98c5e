package wsse

import (
	"encoding/xml"
	"errors"
)

// Reasons for rejecting a security header. Verify wraps exactly one of
// them, so callers can test the reason with errors.Is. Messages never
// contain the password.
var (
	// ErrMissingHeader means the message has no wsse:Security header.
	ErrMissingHeader = errors.New("wsse: missing Security header")
	// ErrMalformedToken means the UsernameToken is absent, incomplete or
	// has an invalid field.
	ErrMalformedToken = errors.New("wsse: malformed UsernameToken")
	// ErrUnknownUser means the user does not exist. Password lookup
	// functions return an error wrapping it.
	ErrUnknownUser = errors.New("wsse: unknown user")
	// ErrWrongPassword means the password or digest does not match.
	ErrWrongPassword = errors.New("wsse: wrong password")
	// ErrReplayedNonce means the nonce was already used by this user.
	ErrReplayedNonce = errors.New("wsse: replayed nonce")
	// ErrExpired means wsu:Created lies outside the freshness window.
	ErrExpired = errors.New("wsse: message expired")
)

// FaultCode returns the WS-Security 1.0 fault code (in SecextNS) and the
// specification's fault string for an error returned by Verify. ok is
// false when err is not a rejection reason, for example when the password
// lookup itself failed; such errors call for a server fault.
//
// Servers should send faultString rather than err's message, which names
// the exact reason and would, for example, reveal whether a user exists.
func FaultCode(err error) (code xml.Name, faultString string, ok bool) {
	var local string
	switch {
	case errors.Is(err, ErrMissingHeader):
		local, faultString = "InvalidSecurity", "An error was discovered processing the <wsse:Security> header"
	case errors.Is(err, ErrMalformedToken):
		local, faultString = "InvalidSecurityToken", "An invalid security token was provided"
	case errors.Is(err, ErrUnknownUser), errors.Is(err, ErrWrongPassword), errors.Is(err, ErrReplayedNonce):
		local, faultString = "FailedAuthentication", "The security token could not be authenticated or authorized"
	case errors.Is(err, ErrExpired):
		local, faultString = "MessageExpired", "The message has expired"
	default:
		return xml.Name{}, "", false
	}
	return xml.Name{Space: SecextNS, Local: local}, faultString, true
}
