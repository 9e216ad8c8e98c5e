package certrun_test

import (
	"crypto/tls"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/certrun"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// TestHTTPClient calls an HTTPS endpoint with a self-signed certificate,
// trusted through a CA file, not trusted, or not checked at all.
func TestHTTPClient(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	dir := t.TempDir()
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk.pem")
	if err := os.WriteFile(junk, []byte("kein Zertifikat\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	// The SOAP path over TLS is TestFeaturesOverTLS's; here a plain
	// request is enough to see which certificates the client trusts.
	call := func(c *http.Client) error {
		resp, err := c.Get(srv.URL)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("Status = %d; want %d", resp.StatusCode, http.StatusOK)
		}
		return nil
	}
	t.Run("OKCAFile", func(t *testing.T) {
		c, err := certrun.HTTPClient(certrun.TLS{CAFile: caFile})
		if err != nil {
			t.Fatal(err)
		}
		if err := call(c); err != nil {
			t.Errorf("Get = %v; want an answer", err)
		}
	})
	t.Run("OKInsecure", func(t *testing.T) {
		c, err := certrun.HTTPClient(certrun.TLS{Insecure: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := call(c); err != nil {
			t.Errorf("Get = %v; want an answer", err)
		}
	})
	t.Run("ErrUnknownAuthority", func(t *testing.T) {
		c, err := certrun.HTTPClient(certrun.TLS{})
		if err != nil {
			t.Fatal(err)
		}
		if err := call(c); err == nil || !strings.Contains(err.Error(), "certificate") {
			t.Errorf("Get = %v; want a certificate error", err)
		}
	})
	for _, tt := range []struct {
		name string
		tls  certrun.TLS
		want string
	}{
		{"ErrCAAndInsecure", certrun.TLS{CAFile: caFile, Insecure: true}, "schließen einander aus"},
		{"ErrNoPEM", certrun.TLS{CAFile: junk}, "kein PEM-Zertifikat"},
		{"ErrNoFile", certrun.TLS{CAFile: filepath.Join(dir, "missing.pem")}, "no such file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := certrun.HTTPClient(tt.tls); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("HTTPClient = %v; want an error with %q", err, tt.want)
			}
		})
	}
}

// TestFeaturesOverTLS runs a feature against mockinge serving HTTPS with
// its self-signed certificate, trusted through a CA file.
func TestFeaturesOverTLS(t *testing.T) {
	cert, certPEM, err := mockserver.SelfSignedCertificate(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	mock := mustStartMock(t, func(c *mockserver.Config) {
		c.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	})
	if !strings.HasPrefix(mock.Endpoint(), "https://") {
		t.Fatalf("Endpoint = %s; want https", mock.Endpoint())
	}
	caFile := filepath.Join(t.TempDir(), "mockinge.pem")
	if err := os.WriteFile(caFile, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	client, err := certrun.HTTPClient(certrun.TLS{CAFile: caFile})
	if err != nil {
		t.Fatal(err)
	}
	res, err := certrun.Run(t.Context(), certrun.Config{
		Endpoint: mock.Endpoint(), Admin: mock.AdminURL, HTTPClient: client, Tags: "@Kursauskunft",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Errorf("Result = %d passed, %d failed %v; want all passed", res.Passed, res.Failed, res.FailedNames)
	}
}

// TestRunWithoutSandboxes checks that a mock whose admin API makes no
// sandboxes fails the run once, before any scenario, with a hint.
func TestRunWithoutSandboxes(t *testing.T) {
	admin := httptest.NewServer(http.NotFoundHandler())
	defer admin.Close()
	_, err := certrun.Run(t.Context(), certrun.Config{Endpoint: admin.URL + "/inge", Admin: admin.URL}) // any HTTP answer passes the endpoint check
	if err == nil || !strings.Contains(err.Error(), "eigene Sandbox") || !strings.Contains(err.Error(), "-sandbox standard") {
		t.Errorf("Run = %v; want an error about sandboxes with a hint", err)
	}
}
