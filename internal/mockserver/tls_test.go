package mockserver_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

func TestSelfSignedCertificate(t *testing.T) {
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	cert, certPEM, err := mockserver.SelfSignedCertificate(now)
	if err != nil {
		t.Fatal(err)
	}
	block, rest := pem.Decode(certPEM)
	if block == nil || block.Type != "CERTIFICATE" || len(rest) != 0 {
		t.Fatalf("PEM = %q; want one CERTIFICATE block", certPEM)
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if string(block.Bytes) != string(cert.Certificate[0]) {
		t.Errorf("the PEM is not the served certificate")
	}
	if key, ok := c.PublicKey.(*ecdsa.PublicKey); !ok || key.Curve != elliptic.P256() {
		t.Errorf("public key %T; want ECDSA P-256", c.PublicKey)
	}
	if c.NotAfter.Sub(now) != mockserver.CertificateValidity || mockserver.CertificateValidity != 30*24*time.Hour || c.NotBefore.After(now) {
		t.Errorf("valid %v to %v; want from before %v for 30 days", c.NotBefore, c.NotAfter, now)
	}
	for _, host := range []string{"127.0.0.1", "::1", "localhost"} {
		if err := c.VerifyHostname(host); err != nil {
			t.Errorf("VerifyHostname(%s): %v", host, err)
		}
	}
	if err := c.VerifyHostname("example.org"); err == nil {
		t.Errorf("VerifyHostname(example.org) = nil; want an error")
	}
	if err := c.CheckSignatureFrom(c); err != nil {
		t.Errorf("not self-signed: %v", err)
	}
	sum := sha256.Sum256(block.Bytes)
	var pairs []string
	for _, b := range sum {
		pairs = append(pairs, strings.ToUpper(hex.EncodeToString([]byte{b})))
	}
	if got, want := mockserver.Fingerprint(block.Bytes), strings.Join(pairs, ":"); got != want {
		t.Errorf("Fingerprint = %q; want %q", got, want)
	}
}

// A client that trusts the generated certificate completes a SOAP call
// over HTTPS; one that does not, fails.
func TestStartLocal_TLS(t *testing.T) {
	cert, certPEM, err := mockserver.SelfSignedCertificate(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	mock := MustStartLocal(t, mockserver.Config{TLS: &tls.Config{Certificates: []tls.Certificate{cert}}, AdminAddr: "127.0.0.1:0"})
	if !strings.HasPrefix(mock.Endpoint(), "https://127.0.0.1:") {
		t.Fatalf("Endpoint = %q; want https", mock.Endpoint())
	}
	if !strings.HasPrefix(mock.AdminURL, "http://127.0.0.1:") {
		t.Errorf("AdminURL = %q; want plain HTTP", mock.AdminURL)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(certPEM) {
		t.Fatal("AppendCertsFromPEM: no certificate")
	}
	trusting := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	req := &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: traeger1}}, Kurskennung: "K000000001"}

	t.Run("Trusted", func(t *testing.T) {
		c := NewClient(mock, user1, password1, wsse.PasswordDigest)
		c.HTTPClient = trusting
		var resp inge.KursauskunftAntwort
		if err := c.Call(t.Context(), inge.Kursauskunft.Procedure(), req, &resp); err != nil {
			t.Fatalf("SOAP call over HTTPS: %v", err)
		}
		if resp.Status != inge.StatusAbgelehnt || resp.Vorgangsnummer == "" {
			t.Errorf("Kursauskunft of an unknown course: Status %s; want abgelehnt with a Vorgangsnummer", resp.Status)
		}
	})
	t.Run("TrustedByName", func(t *testing.T) {
		_, port, _ := net.SplitHostPort(strings.TrimPrefix(mock.URL, "https://"))
		c := &inge.Client{Endpoint: "https://localhost:" + port + mockserver.Path, HTTPClient: trusting,
			Credentials: &inge.Credentials{Username: user1, Password: password1, Mode: wsse.PasswordDigest}}
		var resp inge.KursauskunftAntwort
		if err := c.Call(t.Context(), inge.Kursauskunft.Procedure(), req, &resp); err != nil {
			t.Errorf("SOAP call to localhost: %v", err)
		}
	})
	t.Run("NotTrusted", func(t *testing.T) {
		c := NewClient(mock, user1, password1, wsse.PasswordDigest)
		c.HTTPClient = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{}} // the system's roots only
		var resp inge.KursauskunftAntwort
		err := c.Call(t.Context(), inge.Kursauskunft.Procedure(), req, &resp)
		if err == nil || !strings.Contains(err.Error(), "certificate") {
			t.Errorf("SOAP call without trusting the certificate: %v; want a certificate error", err)
		}
	})
	t.Run("WSDLAddressIsHTTPS", func(t *testing.T) {
		hreq, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, mock.Endpoint()+"?wsdl", nil)
		resp, err := trusting.Do(hreq)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		wsdl, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if want := `location="` + mock.Endpoint() + `"`; !strings.Contains(string(wsdl), want) {
			t.Errorf("WSDL lacks %s", want)
		}
	})
}
