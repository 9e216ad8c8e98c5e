package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/cli"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// syncBuffer is a bytes.Buffer that the server's goroutines may write
// while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// env returns a getenv function over vars.
func env(vars map[string]string) func(string) string {
	return func(key string) string { return vars[key] }
}

// running is an instance of run serving in the background.
type running struct {
	endpoint string // the SOAP endpoint from the banner
	wsdl     string // the WSDL URL from the banner
	stdout   *syncBuffer
	stderr   *syncBuffer
	cancel   context.CancelFunc
	done     chan error
}

var (
	endpointLine = regexp.MustCompile(`(?m)^\s*SOAP-Endpunkt:\s*(\S+)\s*$`)
	wsdlLine     = regexp.MustCompile(`(?m)^\s*WSDL:\s*(\S+)\s*$`)
	adminLine    = regexp.MustCompile(`(?m)^\s*Admin-API:\s*(http://127\.0\.0\.1:\d+)\s`)
	// lastUserLine ends the banner: users are listed by name.
	lastUserLine = regexp.MustCompile(`(?m)^\s+kt2\.sachbearbeitung\s.*\bTräger 10000002\s*$`)
)

// MustRun starts run with args and getenv and waits until the banner shows
// the endpoint. It stops the instance when the test ends, if the test did
// not.
func MustRun(tb testing.TB, args []string, getenv func(string) string) *running {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{stdout: &syncBuffer{}, stderr: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- run(ctx, args, getenv, r.stdout, r.stderr) }()
	tb.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(30 * time.Second):
			tb.Errorf("run did not return within 30s of cancel")
		}
	})

	r.endpoint = r.WaitFor(tb, endpointLine)[1]
	r.wsdl = r.WaitFor(tb, wsdlLine)[1]
	return r
}

// WaitFor polls stdout until re matches, and returns the submatches. It
// fails the test after a deadline or when run returns first. The banner is
// written line by line, so a test waits for each line it looks at.
func (r *running) WaitFor(tb testing.TB, re *regexp.Regexp) []string {
	tb.Helper()
	deadline := time.NewTimer(30 * time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		if m := re.FindStringSubmatch(r.stdout.String()); m != nil {
			return m
		}
		select {
		case err := <-r.done:
			r.done <- err // for Stop and Cleanup
			tb.Fatalf("run returned %v before printing %s\nstdout:\n%s\nstderr:\n%s", err, re, r.stdout, r.stderr)
		case <-deadline.C:
			tb.Fatalf("no %s in the output after 30s\nstdout:\n%s\nstderr:\n%s", re, r.stdout, r.stderr)
		case <-tick.C:
		}
	}
}

// Stop cancels the context of run and returns run's result.
func (r *running) Stop(tb testing.TB) error {
	tb.Helper()
	r.cancel()
	select {
	case err := <-r.done:
		r.done <- err // for Cleanup
		return err
	case <-time.After(30 * time.Second):
		tb.Fatalf("run did not return within 30s of cancel")
		return nil
	}
}

func get(tb testing.TB, url string) (int, []byte, error) {
	tb.Helper()
	req, err := http.NewRequestWithContext(tb.Context(), http.MethodGet, url, nil)
	if err != nil {
		tb.Fatal(err)
	}
	// No keep-alive: after shutdown, a request must dial afresh.
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

func TestRun_ServesUntilCanceled(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "127.0.0.1:0", "-db", db}, env(nil))

	if !strings.HasPrefix(r.endpoint, "http://127.0.0.1:") || !strings.HasSuffix(r.endpoint, "/inge") {
		t.Errorf("endpoint = %q; want http://127.0.0.1:<port>/inge", r.endpoint)
	}
	banner := r.stdout.String()
	if !strings.Contains(banner, db) {
		t.Errorf("banner does not name the database %s:\n%s", db, banner)
	}
	for _, u := range []struct{ name, traeger string }{
		{"kt1.sachbearbeitung", "10000001"},
		{"kt1.leitung", "10000001"},
		{"kt2.sachbearbeitung", "10000002"},
	} {
		r.WaitFor(t, regexp.MustCompile(`(?m)^\s+`+regexp.QuoteMeta(u.name)+`\s.*\bTräger `+u.traeger+`\s*$`))
	}

	if admin := r.WaitFor(t, adminLine)[1]; strings.HasPrefix(r.endpoint, admin+"/") || strings.HasSuffix(admin, ":8081") {
		t.Errorf("Admin API at %s; want its own free port (SOAP at %s)", admin, r.endpoint)
	}
	if want := r.endpoint + "?wsdl"; r.wsdl != want {
		t.Errorf("WSDL URL = %q; want %q", r.wsdl, want)
	}
	status, wsdl, err := get(t, r.wsdl)
	if err != nil {
		t.Fatalf("GET %s: %v", r.wsdl, err)
	}
	if status != http.StatusOK {
		t.Errorf("GET WSDL: Status = %d; want %d", status, http.StatusOK)
	}
	if want := `location="` + r.endpoint + `"`; !bytes.Contains(wsdl, []byte(want)) {
		t.Errorf("WSDL lacks %s", want)
	}

	if err := r.Stop(t); err != nil {
		t.Fatalf("run after cancel = %v; want nil\nstderr:\n%s", err, r.stderr)
	}
	if !strings.Contains(r.stdout.String(), "fährt herunter") {
		t.Errorf("stdout lacks the shutdown notice:\n%s", r.stdout)
	}
	if _, _, err := get(t, r.wsdl); err == nil {
		t.Errorf("GET %s after shutdown succeeded; want the port closed", r.wsdl)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("database: %v", err)
	}
}

func TestRun_Help(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(t.Context(), []string{"-h"}, env(nil), &stdout, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("run -h = %v; want flag.ErrHelp", err)
	}
	for _, want := range []string{"Aufruf: mockinge", "-addr", "-admin-addr", "-db", "-testdatenpaket", "-max-body", "-log-format", "-healthcheck", "-version", "MOCKINGE_ADDR", "MOCKINGE_ADMIN_ADDR", "MOCKINGE_DB", "MOCKINGE_TESTDATENPAKET"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, stdout.String())
		}
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr = %q; want nothing (the help asked for goes to stdout)", stderr.String())
	}
}

func TestRun_UsageError(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"UnknownFlag", []string{"-nope"}, "mockinge: unbekannte Option -nope (mockinge -h zeigt alle Optionen)"},
		{"ExtraArgument", []string{"serve"}, `mockinge: unerwartete Argumente ["serve"] (mockinge -h zeigt alle Optionen)`},
		{"MaxBodyNotANumber", []string{"-max-body", "viel"}, `mockinge: ungültiger Wert "viel" für -max-body (keine Zahl) (mockinge -h zeigt alle Optionen)`},
		{"MaxBodyNegative", []string{"-max-body", "-5"}, "mockinge: -max-body -5: erwartet eine Zahl größer als 0 (mockinge -h zeigt alle Optionen)"},
		{"MaxConcurrentZero", []string{"-max-concurrent", "0"}, "mockinge: -max-concurrent 0: erwartet eine Zahl größer als 0 (mockinge -h zeigt alle Optionen)"},
		{"ReadTimeoutNegative", []string{"-read-timeout", "-1s"}, "mockinge: -read-timeout -1s: erwartet eine Dauer größer als 0, z. B. 30s (mockinge -h zeigt alle Optionen)"},
		{"MissingValue", []string{"-db"}, "mockinge: die Option -db braucht einen Wert (mockinge -h zeigt alle Optionen)"},
		{"LogFormat", []string{"-log-format", "xml"}, `mockinge: -log-format "xml": erlaubt sind text und json (mockinge -h zeigt alle Optionen)`},
		{"Regel", []string{"-zweitanmeldung", "vielleicht"}, `mockinge: -zweitanmeldung "vielleicht": erlaubt sind ablehnen und aktualisieren (mockinge -h zeigt alle Optionen)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(t.Context(), tt.args, env(nil), &stdout, &stderr)
			if !errors.Is(err, cli.ErrUsage) {
				t.Fatalf("run %q = %v; want cli.ErrUsage", tt.args, err)
			}
			// One clear line: the fault, and where to look for the rest.
			if got := stderr.String(); got != tt.want+"\n" {
				t.Errorf("stderr = %q; want the one line %q", got, tt.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q; want nothing", stdout.String())
			}
		})
	}
}

func TestRun_Environment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	r := MustRun(t, nil, env(map[string]string{"MOCKINGE_ADDR": "127.0.0.1:0", "MOCKINGE_ADMIN_ADDR": "127.0.0.1:0", "MOCKINGE_DB": db}))
	if !strings.HasPrefix(r.endpoint, "http://127.0.0.1:") || strings.HasPrefix(r.endpoint, "http://127.0.0.1:8080/") {
		t.Errorf("endpoint = %q; want a free port on 127.0.0.1 from MOCKINGE_ADDR", r.endpoint)
	}
	if !strings.Contains(r.stdout.String(), db) {
		t.Errorf("banner does not name the database %s from MOCKINGE_DB:\n%s", db, r.stdout)
	}
	if admin := r.WaitFor(t, adminLine)[1]; strings.HasSuffix(admin, ":8081") {
		t.Errorf("Admin API at %s; want a free port from MOCKINGE_ADMIN_ADDR", admin)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("database from MOCKINGE_DB: %v", err)
	}
}

func TestRun_FlagsOverrideEnvironment(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "flag.db")
	getenv := env(map[string]string{
		"MOCKINGE_ADDR":       "no-such-host.invalid:1",
		"MOCKINGE_ADMIN_ADDR": "no-such-host.invalid:2",
		"MOCKINGE_DB":         filepath.Join(dir, "missing-dir", "env.db"),
	})
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", db}, getenv)
	if _, err := os.Stat(db); err != nil {
		t.Errorf("database from -db: %v", err)
	}
	r.WaitFor(t, lastUserLine)
	if err := r.Stop(t); err != nil {
		t.Errorf("run after cancel = %v; want nil", err)
	}
}

// cancelWriter cancels a context as soon as its output contains marker.
type cancelWriter struct {
	syncBuffer
	marker string
	cancel context.CancelFunc
}

func (w *cancelWriter) Write(p []byte) (int, error) {
	n, err := w.syncBuffer.Write(p)
	if strings.Contains(w.String(), w.marker) {
		w.cancel()
	}
	return n, err
}

// A shutdown requested while the banner is being printed (Ctrl-C right
// after the start) is as graceful as one later on.
func TestRun_CanceledDuringBanner(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stop := time.AfterFunc(30*time.Second, cancel) // in case the marker never comes
	defer stop.Stop()
	stdout := &cancelWriter{marker: "Testbenutzer", cancel: cancel}
	var stderr syncBuffer
	err := run(ctx, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db")}, env(nil), stdout, &stderr)
	if !strings.Contains(stdout.String(), "Testbenutzer") {
		t.Fatalf("banner never reached the users:\n%s", stdout.String())
	}
	if err != nil {
		t.Errorf("run canceled during the banner = %v; want nil", err)
	}
}

func TestRun_AddressInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	err = run(ctx, []string{"-addr", ln.Addr().String(), "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db")}, env(nil), &stdout, &stderr)
	if err == nil || errors.Is(err, cli.ErrUsage) || ctx.Err() != nil || !strings.Contains(err.Error(), "ist schon belegt") {
		t.Fatalf("run on a busy address = %v (ctx %v); want a listen error at once, saying the address is taken", err, ctx.Err())
	}
	if strings.Contains(stdout.String(), "SOAP-Endpunkt") {
		t.Errorf("banner printed although the server did not start:\n%s", stdout.String())
	}
}

var fingerprintLine = regexp.MustCompile(`(?m)^\s+SHA-256-Fingerabdruck ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\s*$`)

// getTLS fetches url trusting only the certificates in caPEM.
func getTLS(tb testing.TB, url string, caPEM []byte) ([]byte, error) {
	tb.Helper()
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		tb.Fatalf("no certificate in %q", caPEM)
	}
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true, TLSClientConfig: &tls.Config{RootCAs: pool}}}
	req, err := http.NewRequestWithContext(tb.Context(), http.MethodGet, url, nil)
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func TestRun_TLS(t *testing.T) {
	dir := t.TempDir()
	caFile := filepath.Join(dir, "mockinge-ca.pem")
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "127.0.0.1:0", "-db", filepath.Join(dir, "m.db"), "-tls", "-tls-ca-out", caFile}, env(nil))
	if !strings.HasPrefix(r.endpoint, "https://127.0.0.1:") {
		t.Errorf("endpoint = %q; want https", r.endpoint)
	}
	fingerprint := r.WaitFor(t, fingerprintLine)[1]
	caPEM, err := os.ReadFile(caFile)
	if err != nil {
		t.Fatalf("-tls-ca-out: %v", err)
	}
	block, _ := pem.Decode(caPEM)
	if block == nil || mockserver.Fingerprint(block.Bytes) != fingerprint {
		t.Errorf("banner fingerprint %s is not that of %s", fingerprint, caFile)
	}
	wsdl, err := getTLS(t, r.wsdl, caPEM)
	if err != nil {
		t.Fatalf("GET %s trusting %s: %v", r.wsdl, caFile, err)
	}
	if want := `location="` + r.endpoint + `"`; !strings.Contains(string(wsdl), want) {
		t.Errorf("WSDL lacks %s", want)
	}
	if _, _, err := get(t, r.wsdl); err == nil {
		t.Errorf("GET %s without trusting the certificate succeeded", r.wsdl)
	}
	// The admin API stays plain HTTP.
	admin := r.WaitFor(t, adminLine)[1]
	if status, _, err := get(t, admin+"/sandboxes"); err != nil || status != http.StatusOK {
		t.Errorf("GET %s/sandboxes: %d, %v; want 200 over plain HTTP", admin, status, err)
	}
}

func TestRun_TLSCertificateFiles(t *testing.T) {
	dir := t.TempDir()
	cert, certPEM, err := mockserver.SelfSignedCertificate(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, certPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(dir, "m.db"), "-cert", certFile, "-key", keyFile}, env(nil))
	if !strings.HasPrefix(r.endpoint, "https://") {
		t.Errorf("endpoint = %q; want https with -cert and -key", r.endpoint)
	}
	if got := r.WaitFor(t, fingerprintLine)[1]; got != mockserver.Fingerprint(cert.Certificate[0]) {
		t.Errorf("banner fingerprint %s; want that of %s", got, certFile)
	}
	if _, err := getTLS(t, r.wsdl, certPEM); err != nil {
		t.Errorf("GET %s trusting %s: %v", r.wsdl, certFile, err)
	}
}

func TestRun_TLSErrors(t *testing.T) {
	dir := t.TempDir()
	usage := []struct {
		name string
		args []string
		want string
	}{
		{"CertWithoutKey", []string{"-cert", "c.pem"}, "-cert und -key gehören zusammen"},
		{"KeyWithoutCert", []string{"-key", "k.pem"}, "-cert und -key gehören zusammen"},
		{"CAOutWithoutTLS", []string{"-tls-ca-out", "ca.pem"}, "braucht -tls"},
		{"CAOutWithCert", []string{"-tls", "-tls-ca-out", "ca.pem", "-cert", "c.pem", "-key", "k.pem"}, "kein -cert"},
	}
	for _, tt := range usage {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(t.Context(), append(tt.args, "-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(dir, "m.db")), env(nil), &stdout, &stderr)
			if !errors.Is(err, cli.ErrUsage) || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("run %q = %v, stderr %q; want cli.ErrUsage and %q", tt.args, err, stderr.String(), tt.want)
			}
		})
	}
	t.Run("MissingFiles", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		err := run(t.Context(), []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(dir, "m.db"),
			"-cert", filepath.Join(dir, "nope.pem"), "-key", filepath.Join(dir, "nope.key")}, env(nil), &stdout, &stderr)
		if err == nil || errors.Is(err, cli.ErrUsage) || !strings.Contains(err.Error(), "TLS") {
			t.Errorf("run with missing certificate files = %v; want a TLS error", err)
		}
	})
}
