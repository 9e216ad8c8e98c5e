package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"time"
)

// conn sends requests one after the other over a kept-alive HTTP/1.1
// connection of its own, dialled again after an error or a "Connection:
// close". The load generator shares the machine with the server it
// measures: net/http's client, with two goroutines per connection and a
// hand-over between them for every request, cost some 30 µs of CPU per
// request, CPU taken from a server that uses both cores (a node-soap mock
// uses one). This writes a request in one write and reads the answer from
// a buffer: the status line, the headers it needs (Content-Length,
// Transfer-Encoding: chunked, Connection) and the body.
type conn struct {
	addr, host, path string
	nc               net.Conn
	r                *bufio.Reader
	req, body        []byte
}

// requestTimeout bounds one request, from the write to the end of the answer.
const requestTimeout = 60 * time.Second

func newConn(rawURL string) (*conn, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" || u.Host == "" {
		return nil, fmt.Errorf("-url %s: want http://host:port/path", rawURL)
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "80")
	}
	return &conn{addr: addr, host: u.Host, path: u.RequestURI()}, nil
}

// post sends envelope as a SOAP 1.1 request of op and returns the answer's
// status and body; the body is valid until the next call.
func (c *conn) post(op string, envelope []byte) (int, []byte, error) {
	if c.nc == nil {
		nc, err := net.DialTimeout("tcp", c.addr, 5*time.Second)
		if err != nil {
			return 0, nil, err
		}
		c.nc, c.r = nc, bufio.NewReaderSize(nc, 16<<10)
	}
	c.req = append(c.req[:0], "POST "...)
	c.req = append(c.req, c.path...)
	c.req = append(c.req, " HTTP/1.1\r\nHost: "...)
	c.req = append(c.req, c.host...)
	c.req = append(c.req, "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \""+ingeNS+"#"...)
	c.req = append(c.req, op...)
	c.req = append(c.req, "\"\r\nContent-Length: "...)
	c.req = strconv.AppendInt(c.req, int64(len(envelope)), 10)
	c.req = append(c.req, "\r\n\r\n"...)
	c.req = append(c.req, envelope...)
	if err := c.nc.SetDeadline(time.Now().Add(requestTimeout)); err != nil {
		return 0, nil, c.fail(err)
	}
	if _, err := c.nc.Write(c.req); err != nil {
		return 0, nil, c.fail(err)
	}
	status, keep, err := c.readResponse()
	if err != nil {
		return 0, nil, c.fail(err)
	}
	if !keep {
		c.close()
	}
	return status, c.body, nil
}

func (c *conn) fail(err error) error {
	c.close()
	return err
}

func (c *conn) close() {
	if c.nc != nil {
		c.nc.Close()
		c.nc, c.r = nil, nil
	}
}

var errMalformed = errors.New("malformed HTTP answer")

// readResponse reads an answer into c.body and reports its status and
// whether the connection may be used again.
func (c *conn) readResponse() (status int, keep bool, err error) {
	line, err := c.line()
	if err != nil {
		return 0, false, err
	}
	// HTTP/1.1 200 OK
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) || line[8] != ' ' {
		return 0, false, fmt.Errorf("%w: status line %q", errMalformed, line)
	}
	if status, err = strconv.Atoi(string(line[9:12])); err != nil {
		return 0, false, fmt.Errorf("%w: status line %q", errMalformed, line)
	}
	keep = line[7] == '1'
	length, chunked := -1, false
	for {
		line, err := c.line()
		if err != nil {
			return 0, false, err
		}
		if len(line) == 0 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, false, fmt.Errorf("%w: header %q", errMalformed, line)
		}
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil || length < 0 {
				return 0, false, fmt.Errorf("%w: Content-Length %q", errMalformed, value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		case bytes.EqualFold(name, []byte("Connection")):
			keep = keep && !bytes.EqualFold(value, []byte("close"))
		}
	}
	c.body = c.body[:0]
	switch {
	case chunked:
		err = c.readChunked()
	case length >= 0:
		c.body = append(c.body, make([]byte, length)...)
		_, err = io.ReadFull(c.r, c.body)
	default: // the answer ends with the connection
		keep = false
		var b bytes.Buffer
		_, err = b.ReadFrom(c.r)
		c.body = append(c.body, b.Bytes()...)
	}
	return status, keep, err
}

// readChunked reads a body in chunked transfer coding, and its trailer.
func (c *conn) readChunked() error {
	for {
		line, err := c.line()
		if err != nil {
			return err
		}
		size, _, _ := bytes.Cut(line, []byte(";"))
		n, err := strconv.ParseUint(string(bytes.TrimSpace(size)), 16, 31)
		if err != nil {
			return fmt.Errorf("%w: chunk size %q", errMalformed, line)
		}
		if n == 0 {
			for {
				line, err := c.line()
				if err != nil || len(line) == 0 {
					return err
				}
			}
		}
		start := len(c.body)
		c.body = append(c.body, make([]byte, n)...)
		if _, err := io.ReadFull(c.r, c.body[start:]); err != nil {
			return err
		}
		if line, err := c.line(); err != nil || len(line) != 0 {
			return errors.Join(err, fmt.Errorf("%w: no CRLF after a chunk", errMalformed))
		}
	}
}

// line reads a line without its CRLF; it is valid until the next read.
func (c *conn) line() ([]byte, error) {
	line, err := c.r.ReadSlice('\n')
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r")), nil
}
