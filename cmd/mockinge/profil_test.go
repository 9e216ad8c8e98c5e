package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/cli"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/profil"
)

var gegenprofil = filepath.Join("..", "..", "testdata", "gegenprofil")

// draft copies the counter-profile without its row for Stornierungsgrund.
func draft(t *testing.T) string {
	t.Helper()
	return ingetest.ProfilEntwurf(t, ingetest.OhneStornierungsgrund)
}

// -profil-pruefen lists what a draft lacks, with the rows to add, and
// exits 1; a complete profile passes.
func TestRun_ProfilPruefen(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(t.Context(), []string{"-profil-pruefen", draft(t)}, env(nil), &stdout, &stderr)
	if !errors.Is(err, errUnvollstaendig) {
		t.Fatalf("run = %v; want errUnvollstaendig", err)
	}
	for _, want := range []string{"hat 1 Lücken:\n  elemente.tsv: KursplanungStornieren/Stornierungsgrund ist weder abgebildet noch weggelassen\n",
		"\nKursplanungStornieren/Stornierungsgrund\tstornierungsgrund\n", "  stornierenKursplanung/stornierungsgrund\n"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	stdout.Reset()
	if err := run(t.Context(), []string{"-profil-pruefen", gegenprofil}, env(nil), &stdout, &stderr); err != nil || !strings.Contains(stdout.String(), "ist vollständig") {
		t.Errorf("run = %v, %s", err, stdout.String())
	}
}

// A profile with a gap stops the start, naming the path.
func TestRun_ProfilMitLueckeStartetNicht(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(t.Context(), []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db"), "-profil", draft(t)}, env(nil), &stdout, &stderr)
	var l *profil.Luecken
	if !errors.As(err, &l) || !strings.Contains(err.Error(), "KursplanungStornieren/Stornierungsgrund ist weder abgebildet noch weggelassen") {
		t.Fatalf("run = %v; want the gap named", err)
	}
	if strings.Contains(stdout.String(), "SOAP-Endpunkt") {
		t.Errorf("it started:\n%s", stdout.String())
	}
}

// -profil loads a profile and -profil-sandbox makes a sandbox that speaks
// it, with the Testdatenpaket's users under its own names; the banner
// shows them and the profile's WSDL.
func TestRun_ProfilSandbox(t *testing.T) {
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db"),
		"-profil", gegenprofil, "-profil-sandbox", "bamf=gegenprofil"}, env(nil))
	r.WaitFor(t, lastUserLine)
	wsdl := r.WaitFor(t, regexp.MustCompile(`(?m)^  Profil gegenprofil: WSDL (\S+)$`))[1]
	user := r.WaitFor(t, regexp.MustCompile(`(?m)^    (bamf\.kt1\.sachbearbeitung)\s+Passwort (\S+)\s+Träger 10000001$`))
	if status, body, err := get(t, wsdl); err != nil || status != 200 || !bytes.Contains(body, []byte(`name="abfragenKurs"`)) {
		t.Fatalf("GET %s = %d, %v", wsdl, status, err)
	}
	p, err := profil.Load(gegenprofil)
	if err != nil {
		t.Fatal(err)
	}
	c := &inge.Client{Endpoint: r.endpoint, Dialect: p, Credentials: &inge.Credentials{Username: user[1], Password: user[2], Mode: wsse.PasswordDigest}}
	resp, err := inge.Kursauskunft.Call(t.Context(), c, &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Kurskennung: "K1"})
	if err != nil || resp.Status != inge.StatusAbgelehnt || resp.List()[0].Code != "M3002" {
		t.Errorf("Kursauskunft through the profile = %+v, %v", resp, err)
	}

	var stdout, stderr bytes.Buffer
	for _, args := range [][]string{{"-profil-sandbox", "bamf"}, {"-profil-sandbox", "bamf=gibtsnicht"}, {"-profil", gegenprofil, "-profil-sandbox", "standard=gegenprofil"}} {
		if err := run(t.Context(), append([]string{"-addr", "127.0.0.1:0", "-admin-addr", "", "-db", filepath.Join(t.TempDir(), "m.db")}, args...), env(nil), &stdout, &stderr); !errors.Is(err, cli.ErrUsage) {
			t.Errorf("run %v = %v; want a usage error", args, err)
		}
	}
}
