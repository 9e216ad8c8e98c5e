// Package soap reads and writes SOAP 1.1 envelopes and faults.
//
// Servers read requests with ReadEnvelope, which parses untrusted input
// defensively (no DTDs, bounded depth and element count, UTF-8 only, every
// prefix declared) and reports every rejection as an *Error with a Kind. It
// decodes nothing: the header blocks the server understands and the body
// element come back as recorded Elements, for the layers above to check and
// decode in their turn. Clients decode responses with DecodeResponse, which
// returns a *Fault as the error when the server answered with a SOAP fault.
// Both sides write envelopes with Encode and EncodeFault.
package soap
