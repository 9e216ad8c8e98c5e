// Package inge_test shows how a Go product's tests run the acceptance of
// inge-harness with Testcontainers (https://golang.testcontainers.org):
// mockinge from the image of inge-harness's Containerfile, the acceptance's
// sandbox prepared in it by certrunner -abnahme -vorbereiten, the cases of
// the Testfallheft performed by the product's client with the access data
// of zugang.env and the tasks of aufgaben.json, and the journal judged by
// certrunner -abnahme -auswerten before the container goes. Copy it into
// your product; inge-harness's CI compiles it (go vet in this module), but
// runs no container, as its machines have no container engine.
//
// certrunner is the release binary (or one built with go build
// ./cmd/certrunner in a checkout of inge-harness; the SQLite driver needs
// cgo and a C compiler): CERTRUNNER names it, else it is looked up on PATH.
// Without it the test is skipped, under CI=true it fails.
package inge_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"
)

// reportDir receives protokoll.html, junit.xml, cucumber.json and
// journal.zip, for your CI to keep.
const reportDir = "abnahme"

// mockingeImage is the image built from inge-harness's Containerfile.
func mockingeImage() string {
	if img := os.Getenv("MOCKINGE_IMAGE"); img != "" {
		return img
	}
	return "ghcr.io/your-org/mockinge:v0.2.0"
}

// startMockinge starts mockinge and returns its SOAP endpoint and the base
// URL of its admin API; the container is removed when the test ends.
func startMockinge(t *testing.T) (endpoint, admin string) {
	t.Helper()
	ctx := context.Background()
	ctr, err := testcontainers.Run(ctx, mockingeImage(),
		testcontainers.WithExposedPorts("8080/tcp", "8081/tcp"),
		testcontainers.WithWaitStrategy(wait.ForHTTP("/bereit").WithPort("8081/tcp")),
	)
	testcontainers.CleanupContainer(t, ctr)
	if err != nil {
		t.Fatalf("mockinge starten: %v", err)
	}
	soap, err := ctr.PortEndpoint(ctx, "8080/tcp", "http")
	if err != nil {
		t.Fatal(err)
	}
	admin, err = ctr.PortEndpoint(ctx, "8081/tcp", "http")
	if err != nil {
		t.Fatal(err)
	}
	return soap + "/inge", admin
}

// certrunnerPath finds certrunner: CERTRUNNER, else on PATH.
func certrunnerPath(t *testing.T) string {
	t.Helper()
	name := os.Getenv("CERTRUNNER")
	if name == "" {
		name = "certrunner"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("certrunner not found (%v): set CERTRUNNER to the release binary", err)
		}
		t.Skipf("certrunner not found (%v): set CERTRUNNER to the release binary", err)
	}
	return path
}

// Zugang is the access data certrunner -abnahme -vorbereiten writes with
// -zugang: the account of your product in the prepared sandbox.
type Zugang struct {
	Endpoint      string // INGE_ENDPOINT, the SOAP endpoint
	WSDL          string // INGE_WSDL
	Sandbox       string // INGE_SANDBOX
	Traegernummer string // INGE_TRAEGERNUMMER
	Benutzer      string // INGE_BENUTZER, the UsernameToken's user
	Passwort      string // INGE_PASSWORT
	Abnahmetag    string // INGE_ABNAHMETAG, TT.MM.JJJJ: the sandbox's clock stands on it
}

// readZugang reads the access file: one variable a line, in single quotes,
// as a shell reads it; a single quote in a value ends the quotes, escaped,
// and opens them again:
//
//	INGE_PASSWORT='it'\''s'
func readZugang(path string) (Zugang, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Zugang{}, err
	}
	var z Zugang
	fields := map[string]*string{
		"INGE_ENDPOINT": &z.Endpoint, "INGE_WSDL": &z.WSDL, "INGE_SANDBOX": &z.Sandbox,
		"INGE_TRAEGERNUMMER": &z.Traegernummer, "INGE_BENUTZER": &z.Benutzer,
		"INGE_PASSWORT": &z.Passwort, "INGE_ABNAHMETAG": &z.Abnahmetag,
	}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok || len(value) < 2 || value[0] != '\'' || value[len(value)-1] != '\'' {
			return Zugang{}, fmt.Errorf("%s: line %q is no NAME='value'", path, line)
		}
		if p, ok := fields[name]; ok {
			*p = strings.ReplaceAll(value[1:len(value)-1], `'\''`, `'`)
		}
	}
	if z.Endpoint == "" || z.Benutzer == "" || z.Passwort == "" {
		return Zugang{}, fmt.Errorf("%s: INGE_ENDPOINT, INGE_BENUTZER or INGE_PASSWORT missing", path)
	}
	return z, nil
}

// Aufgabe is one task of aufgaben.json: what your product does in a case
// of the Testfallheft, and what its request must carry.
type Aufgabe struct {
	Fall      string `json:"fall"`      // "TF-AN-01"
	Nummer    int    `json:"nummer"`    // 1, 2, … within the case
	Verfahren string `json:"verfahren"` // the operation, e.g. "AnmeldungErstverfahren"
	Text      string `json:"text"`
	Felder    []struct {
		Feld  string `json:"feld"` // the wire's path: "Anmeldung/Ident/Aktenzeichen/@Art"
		Wert  string `json:"wert"` // dates JJJJ-MM-TT, true/false
		Fehlt bool   `json:"fehlt"`
	} `json:"felder"`
	Hinweise []string `json:"hinweise"` // e.g. an outage at the first attempt
}

// vorbereiten prepares the acceptance's sandbox in the mockinge at
// endpoint (certrunner names it: abnahme-<random>, INGE_SANDBOX) and
// returns the access data and the tasks; it registers the
// evaluation as a cleanup, which runs before the container's (cleanups run
// last registered first), while the sandbox and its journal still exist.
func vorbereiten(t *testing.T, certrunner, endpoint, admin string) (Zugang, []Aufgabe) {
	t.Helper()
	dir := t.TempDir()
	zugangFile, aufgabenFile := filepath.Join(dir, "zugang.env"), filepath.Join(dir, "aufgaben.json")
	out, err := exec.CommandContext(t.Context(), certrunner, "-abnahme", "-vorbereiten",
		"-endpoint", endpoint, "-admin", admin,
		"-zugang", zugangFile, "-aufgaben", aufgabenFile).CombinedOutput()
	if err != nil {
		t.Fatalf("certrunner -abnahme -vorbereiten: %v\n%s", err, out)
	}
	z, err := readZugang(zugangFile)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(aufgabenFile)
	if err != nil {
		t.Fatal(err)
	}
	var aufgaben []Aufgabe
	if err := json.Unmarshal(b, &aufgaben); err != nil {
		t.Fatalf("%s: %v", aufgabenFile, err)
	}
	t.Cleanup(func() { auswerten(t, certrunner, endpoint, admin, z.Sandbox) })
	return z, aufgaben
}

// auswerten judges the sandbox's journal into reportDir and keeps the
// journal there; a case "nicht bestanden" (exit status 1) fails the test,
// "manuell zu prüfen" does not. It runs as a cleanup, when t.Context() is
// already done.
func auswerten(t *testing.T, certrunner, endpoint, admin, sandbox string) {
	t.Helper()
	ctx := context.Background()
	out, err := exec.CommandContext(ctx, certrunner, "-abnahme", "-auswerten",
		"-endpoint", endpoint, "-admin", admin, "-sandbox", sandbox, "-report", reportDir,
		"-produkt", "Ihre Kursverwaltung", "-produkt-version", "4.2", // your product
	).CombinedOutput()
	t.Logf("certrunner -abnahme -auswerten:\n%s", out)
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		t.Errorf("a case is nicht bestanden: see %s", filepath.Join(reportDir, "protokoll.html"))
	default:
		t.Errorf("certrunner -abnahme -auswerten: %v", err)
	}
	if err := saveJournal(ctx, admin, sandbox, filepath.Join(reportDir, "journal.zip")); err != nil {
		t.Error(err)
	}
}

// saveJournal writes the sandbox's journal (every SOAP exchange, passwords
// masked) to a ZIP file.
func saveJournal(ctx context.Context, admin, sandbox, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, admin+"/sandboxes/"+sandbox+"/journal.zip", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("journal: %s: %s", resp.Status, b)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return fmt.Errorf("journal: %w", err)
	}
	return f.Close()
}

func TestAbnahme(t *testing.T) {
	certrunner := certrunnerPath(t)
	endpoint, admin := startMockinge(t)
	z, aufgaben := vorbereiten(t, certrunner, endpoint, admin)

	// One subtest per case, its tasks in order: a second task mostly
	// corrects the first after InGe rejected it.
	var faelle []string
	byFall := map[string][]Aufgabe{}
	for _, a := range aufgaben {
		if byFall[a.Fall] == nil {
			faelle = append(faelle, a.Fall)
		}
		byFall[a.Fall] = append(byFall[a.Fall], a)
	}
	for _, fall := range faelle {
		t.Run(fall, func(t *testing.T) {
			for _, a := range byFall[fall] {
				// Your product's client: a.Verfahren with a.Felder against
				// z.Endpoint, as z.Benutzer with z.Passwort for Träger
				// z.Traegernummer; here only the WSDL.
				t.Logf("Aufgabe %d: %s", a.Nummer, a.Verfahren)
				resp, err := http.Get(z.WSDL)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("GET %s: %s", z.WSDL, resp.Status)
				}
			}
		})
	}
}
