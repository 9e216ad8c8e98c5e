package wsse

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Reasons for rejecting a security header. Parse and Authenticate wrap
// exactly one of them, so callers can test the reason with errors.Is.
// Messages never contain the password.
var (
	// ErrMissingHeader means the message has no wsse:Security header.
	ErrMissingHeader = errors.New("wsse: missing Security header")
	// ErrMalformedToken means the UsernameToken is absent, incomplete or
	// has an invalid field.
	ErrMalformedToken = errors.New("wsse: malformed UsernameToken")
	// ErrUnknownUser means the user does not exist. The caller's user
	// lookup returns an error wrapping it.
	ErrUnknownUser = errors.New("wsse: unknown user")
	// ErrWrongPassword means the password or digest does not match.
	ErrWrongPassword = errors.New("wsse: wrong password")
	// ErrReplayedNonce means the nonce was already used by this user.
	ErrReplayedNonce = errors.New("wsse: replayed nonce")
	// ErrExpired means wsu:Created lies outside the freshness window.
	ErrExpired = errors.New("wsse: message expired")
)

// FaultCode returns the WS-Security 1.0 fault code (in SecextNS) and the
// specification's fault string for a rejection. ok is false when err is
// not a rejection reason, for example when the user lookup itself failed;
// such errors call for a server fault.
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

// rejection is one of the reasons above with a German explanation, which a
// server shows in its Fault.
type rejection struct {
	reason error
	grund  string
}

func (r *rejection) Error() string { return r.reason.Error() + ": " + r.grund }
func (r *rejection) Unwrap() error { return r.reason }

func reject(reason error, format string, args ...any) error {
	return &rejection{reason: reason, grund: fmt.Sprintf(format, args...)}
}

// Grund explains a rejection in German, for the text of a Fault: what was
// wrong with the token, never the password. It is "" for other errors.
func Grund(err error) string {
	var r *rejection
	if errors.As(err, &r) {
		return r.grund
	}
	return ""
}

// quote writes a value of the request into a German explanation, shortened
// so that it never grows with what a client sends.
func quote(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return "„" + s + "“"
}

// duration writes d in German: 7 Minuten 30 Sekunden, 60 Sekunden.
func duration(d time.Duration) string {
	d = d.Round(time.Second)
	m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
	unit := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	switch {
	case m == 0:
		return unit(s, "Sekunde", "Sekunden")
	case s == 0:
		return unit(m, "Minute", "Minuten")
	}
	return unit(m, "Minute", "Minuten") + " " + unit(s, "Sekunde", "Sekunden")
}
