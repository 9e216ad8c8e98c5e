package certrun

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"
)

// TLS says how to check the certificate of an HTTPS endpoint.
type TLS struct {
	// CAFile is a PEM file of the certificates to trust instead of the
	// system's, e.g. the self-signed certificate of mockinge -tls.
	CAFile string
	// Insecure skips the check altogether: anyone on the way can pose as
	// the endpoint and read the passwords. For tests only.
	Insecure bool
}

// HTTPClient returns a client for the SOAP and admin requests that checks
// certificates as t says; the zero TLS checks them against the system's
// roots.
func HTTPClient(t TLS) (*http.Client, error) {
	if t.CAFile != "" && t.Insecure {
		return nil, errors.New("certrun: eine CA-Datei (-ca) und -insecure schließen einander aus")
	}
	conf := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: t.Insecure}
	if t.CAFile != "" {
		pem, err := os.ReadFile(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("certrun: CA-Datei: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("certrun: CA-Datei %s: kein PEM-Zertifikat darin", t.CAFile)
		}
		conf.RootCAs = pool
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = conf
	return &http.Client{Transport: tr, Timeout: 60 * time.Second}, nil
}
