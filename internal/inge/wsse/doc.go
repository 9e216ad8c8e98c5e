// Package wsse implements the WS-Security 2004 UsernameToken
// (OASIS Web Services Security UsernameToken Profile 1.0): the XML
// representation of the wsse:Security header, building tokens on the
// client side and verifying them, including freshness and nonce replay
// checks, on the server side.
package wsse
