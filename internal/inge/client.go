package inge

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// maxResponseBytes bounds what the client reads of one response.
const maxResponseBytes = 64 << 20

// Credentials are a DeBeV user's login and how the password travels.
type Credentials struct {
	Username string
	Password string
	Mode     wsse.PasswordMode
}

// Exchange is one SOAP round trip as it went over the wire.
type Exchange struct {
	Procedure  string
	Request    []byte // the envelope sent, with the password as sent
	Response   []byte // the envelope received; nil on a transport error
	HTTPStatus int
	Started    time.Time
	Duration   time.Duration
	Err        error // transport or decoding error, or the *soap.Fault
	// Canonical is the response as our contract writes it, when the
	// client speaks a Dialect; nil otherwise, and on a transport error.
	Canonical []byte
}

// Dialect is a contract the client speaks instead of ours, such as a
// contract profile (package profil): it writes our requests in its names
// and reads its answers back into ours, so that the same typed messages
// and steps work against an endpoint that speaks it.
type Dialect interface {
	// EncodeRequest returns the body element to send for req, for
	// soap.Encode, and its SOAPAction.
	EncodeRequest(p *Procedure, req Request) (body any, action string, err error)
	// DecodeResponse returns a response envelope of p as our contract
	// would have written it.
	DecodeResponse(p *Procedure, envelope []byte) ([]byte, error)
}

// Client calls the procedures of an InGe endpoint over SOAP 1.1, with the
// same message types and envelope code the mock uses.
type Client struct {
	// Endpoint is the SOAP address, e.g. http://127.0.0.1:8080/inge.
	Endpoint string
	// HTTPClient sends the requests; nil means a client with a 60 s timeout.
	HTTPClient *http.Client
	// Credentials go into a WS-Security UsernameToken; nil sends no
	// Security header.
	Credentials *Credentials
	// Now is the clock for wsu:Created; nil means time.Now.
	Now func() time.Time
	// Nonce returns the nonce of the next token; nil means 16 random bytes.
	Nonce func() ([]byte, error)
	// Observe, if set, is called after every exchange, e.g. to keep the
	// envelopes as evidence.
	Observe func(Exchange)
	// Dialect, if set, is the contract the endpoint speaks instead of
	// ours (a contract profile).
	Dialect Dialect
}

var defaultHTTPClient = &http.Client{Timeout: 60 * time.Second}

// Call sends req, a request of procedure p, and decodes the answer into
// resp. A SOAP Fault comes back as a *soap.Fault error carrying its
// catalogue code (see FaultCode). The typed descriptors' Call (for example
// Kursauskunft.Call) wraps it.
func (c *Client) Call(ctx context.Context, p *Procedure, req Request, resp Response) error {
	body, action, err := c.Envelope(p, req)
	if err != nil {
		return fmt.Errorf("inge client %s: %w", p.Name, err)
	}
	ex := Exchange{Procedure: p.Name, Request: body, Started: time.Now()}
	err = c.roundTrip(ctx, p, action, &ex, resp)
	ex.Duration = time.Since(ex.Started)
	ex.Err = err
	if c.Observe != nil {
		c.Observe(ex)
	}
	return err
}

// Envelope writes the SOAP envelope of req, a request of p, as Call sends
// it: with a fresh UsernameToken of the Credentials, in the Dialect if the
// client has one. It returns the SOAPAction to send with it.
func (c *Client) Envelope(p *Procedure, req Request) (envelope []byte, action string, err error) {
	sec, err := c.security()
	if err != nil {
		return nil, "", err
	}
	var body any = req
	action = p.Action()
	if c.Dialect != nil {
		if body, action, err = c.Dialect.EncodeRequest(p, req); err != nil {
			return nil, "", err
		}
	}
	var buf bytes.Buffer
	if err := soap.Encode(&buf, sec, body); err != nil {
		return nil, "", fmt.Errorf("encode: %w", err)
	}
	return buf.Bytes(), action, nil
}

// ReadResponse reads the response envelope of a request of p into resp,
// as Call does: a SOAP Fault comes back as a *soap.Fault error. With a
// Dialect it returns the envelope as our contract writes it.
func (c *Client) ReadResponse(p *Procedure, envelope []byte, resp Response) (canonical []byte, err error) {
	if c.Dialect != nil {
		if envelope, err = c.Dialect.DecodeResponse(p, envelope); err != nil {
			return nil, err
		}
		canonical = envelope
	}
	return canonical, soap.DecodeResponse(bytes.NewReader(envelope), resp)
}

func (c *Client) roundTrip(ctx context.Context, p *Procedure, action string, ex *Exchange, resp Response) error {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint, bytes.NewReader(ex.Request))
	if err != nil {
		return fmt.Errorf("inge client %s: %w", p.Name, err)
	}
	hreq.Header.Set("Content-Type", "text/xml; charset=utf-8")
	hreq.Header.Set("SOAPAction", `"`+action+`"`)
	hc := c.HTTPClient
	if hc == nil {
		hc = defaultHTTPClient
	}
	hresp, err := hc.Do(hreq)
	if err != nil {
		return fmt.Errorf("inge client %s: %w", p.Name, err)
	}
	defer hresp.Body.Close()
	ex.HTTPStatus = hresp.StatusCode
	ex.Response, err = io.ReadAll(io.LimitReader(hresp.Body, maxResponseBytes))
	if err != nil {
		return fmt.Errorf("inge client %s: read response: %w", p.Name, err)
	}
	ex.Canonical, err = c.ReadResponse(p, ex.Response, resp)
	if _, isFault := err.(*soap.Fault); isFault {
		return err
	}
	if err != nil {
		return fmt.Errorf("inge client %s: HTTP %d: %w", p.Name, hresp.StatusCode, err)
	}
	if hresp.StatusCode != http.StatusOK {
		return fmt.Errorf("inge client %s: HTTP %d without a Fault", p.Name, hresp.StatusCode)
	}
	return nil
}

func (c *Client) security() (*wsse.Security, error) {
	if c.Credentials == nil {
		return nil, nil
	}
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	nonce, err := c.nonce()
	if err != nil {
		return nil, fmt.Errorf("nonce: %w", err)
	}
	mode := c.Credentials.Mode
	if mode == 0 {
		mode = wsse.PasswordDigest
	}
	tok, err := wsse.NewUsernameToken(c.Credentials.Username, c.Credentials.Password, mode, now(), nonce)
	if err != nil {
		return nil, err
	}
	return &wsse.Security{MustUnderstand: true, UsernameToken: tok}, nil
}

func (c *Client) nonce() ([]byte, error) {
	if c.Nonce != nil {
		return c.Nonce()
	}
	b := make([]byte, 16)
	_, err := rand.Read(b)
	return b, err
}
