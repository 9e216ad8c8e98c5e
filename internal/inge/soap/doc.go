// Package soap reads and writes SOAP 1.1 envelopes and faults.
//
// Servers decode requests with DecodeRequest, which parses untrusted
// input defensively (no DTDs, bounded depth and element count, UTF-8
// only) and reports every rejection as an *Error with a Kind. Clients
// decode responses with DecodeResponse, which returns a *Fault as the
// error when the server answered with a SOAP fault. Both sides write
// envelopes with Encode and EncodeFault.
package soap
