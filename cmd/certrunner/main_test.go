package main

import (
	"bufio"
	"crypto/tls"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// TestRunUsage checks the flags that exclude each other.
func TestRunUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // on stderr
	}{
		{"ErrPrettyParallel", []string{"-format", "pretty", "-concurrency", "2"}, "das Format pretty zeigt die Szenarien nur nacheinander"},
		{"ErrConcurrencyNegative", []string{"-concurrency", "-1"}, "-1 Szenarien gleichzeitig (-concurrency)"},
		{"ErrCAAndInsecure", []string{"-ca", "x.pem", "-insecure"}, "-insecure schließen einander aus"},
		{"ErrUserAlone", []string{"-user", "kt1.sachbearbeitung"}, "Benutzer, Passwort und Trägernummer gehören zusammen"},
		{"ErrAdminAlone", []string{"-admin", "http://127.0.0.1:8081"}, "-admin braucht -endpoint"},
		{"ErrCAMissing", []string{"-ca", "/nonexistent/ca.pem"}, "CA-Datei"},
		{"ErrArguments", []string{"extra"}, "unerwartete Argumente"},
		{"ErrUnknownFlag", []string{"-nope"}, "certrunner: unbekannte Option -nope"},
		{"ErrTagsMalformed", []string{"-tags", "@A,,@B"}, `"" ist kein Tag`},
		{"ErrTagsAndOnly", []string{"-tags", "@A &&"}, `"" ist kein Tag`},
		{"ErrTagsNothing", []string{"-tags", "@GibtEsNicht"}, `-tags "@GibtEsNicht" wählt kein Szenario aus; die Tags der Features: @AnmeldungErstverfahren`},
		{"ErrFormat", []string{"-format", "xml"}, `-format "xml": unbekanntes Format; erlaubt sind cucumber, events, junit, pretty, progress`},
		{"ErrSandboxWithoutUser", []string{"-endpoint", "http://127.0.0.1:1/inge", "-sandbox", "ci-17"}, "-sandbox ci-17 braucht -user, -password und -traeger"},
		{"ErrResetOwnSandboxes", []string{"-reset"}, "-reset setzt eine gemeinsame Sandbox zurück"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			if code := run(t.Context(), tt.args, nil, &stdout, &stderr); code != 2 {
				t.Errorf("run(%q) = %d; want 2", tt.args, code)
			}
			// One line, before anything started: no mock, no scenario.
			got := stderr.String()
			if !strings.Contains(got, tt.want) || strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, " (certrunner -h zeigt alle Optionen)\n") {
				t.Errorf("stderr = %q; want one line with %q", got, tt.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q; want nothing", stdout.String())
			}
		})
	}
}

// summary is the last line of a run.
var summary = regexp.MustCompile(`certrunner: ([1-9][0-9]*) Szenarien, ([0-9]+) bestanden, 0 fehlgeschlagen\n`)

// TestRunEmbedded runs a selection against the embedded mock, in parallel,
// with reports.
func TestRunEmbedded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var stdout, stderr strings.Builder
	code := run(t.Context(), []string{"-tags", "@Kursauskunft", "-concurrency", "2", "-report", dir}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("run = %d; want 0\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"jedes Szenario in einer eigenen Sandbox, 2 gleichzeitig",
		"Bericht: " + filepath.Join(dir, "protokoll.html"),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if m := summary.FindStringSubmatch(out); m == nil || m[1] != m[2] {
		t.Errorf("stdout lacks a summary with every scenario passed:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("stdout has ANSI colours, but is no terminal:\n%q", out)
	}
	for _, name := range []string{"junit.xml", "cucumber.json", "protokoll.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("report: %v", err)
		}
	}
}

// TestRunInsecureWarns checks that -insecure warns, and that -user runs the
// scenarios one after another in the standard sandbox.
func TestRunInsecureWarns(t *testing.T) {
	var stdout, stderr strings.Builder
	args := []string{"-insecure", "-tags", "@Kursauskunft", "-concurrency", "4",
		"-user", "kt1.sachbearbeitung", "-password", "Test!Passwort1", "-traeger", "10000001"}
	if code := run(t.Context(), args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("run = %d; want 0\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	for _, want := range []string{"WARNUNG: -insecure", "-concurrency gilt nicht mit -user"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if want := "nacheinander in der Sandbox standard"; !strings.Contains(stdout.String(), want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
	}
}

func TestRunVersion(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run(t.Context(), []string{"--version"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("run --version = %d; want 0", code)
	}
	if want := regexp.MustCompile(`^certrunner \S+, Commit .+, go1\.\S+ \w+/\w+\n$`); !want.MatchString(stdout.String()) {
		t.Errorf("stdout = %q; want %s", stdout.String(), want)
	}
}

// TestRunUnreachableEndpoint checks the preflight: an endpoint that does
// not answer fails the run once, before any scenario.
func TestRunUnreachableEndpoint(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var stdout, stderr strings.Builder
	code := run(t.Context(), []string{"-endpoint", "http://" + addr + "/inge", "-admin", "http://" + addr}, nil, &stdout, &stderr)
	if code != 1 {
		t.Errorf("run = %d; want 1", code)
	}
	if want := "certrunner: der Endpunkt http://" + addr + "/inge ist nicht erreichbar (läuft mockinge, stimmen Adresse und Port?)"; !strings.HasPrefix(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("stderr = %q; want one line starting %q", stderr.String(), want)
	}
	if strings.Contains(stdout.String(), "Szenarien,") {
		t.Errorf("scenarios ran:\n%s", stdout.String())
	}
}

// TestRunUntrustedCertificate checks the preflight against mockinge -tls
// without -ca: one line that names the remedy.
func TestRunUntrustedCertificate(t *testing.T) {
	cert, _, err := mockserver.SelfSignedCertificate(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(),
		mockserver.Config{AdminAddr: "127.0.0.1:0", TLS: &tls.Config{Certificates: []tls.Certificate{cert}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	var stdout, stderr strings.Builder
	if code := run(t.Context(), []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("run = %d; want 1", code)
	}
	if want := "dem Zertifikat wird nicht vertraut: -ca DATEI"; !strings.Contains(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("stderr = %q; want one line with %q", stderr.String(), want)
	}
}

// TestRunSharedSandbox runs the same selection twice in one shared
// sandbox of a running mock: the second run passes with -reset, and a user
// who is not in the sandbox is named before any scenario runs.
func TestRunSharedSandbox(t *testing.T) {
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	base := []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL, "-sandbox", "standard", "-tags", "@AnmeldungErstverfahren"}
	for i := range 2 {
		var stdout, stderr strings.Builder
		if code := run(t.Context(), append(base, "-reset"), nil, &stdout, &stderr); code != 0 {
			t.Fatalf("run %d with -reset = %d; want 0\nstdout:\n%s\nstderr:\n%s", i+1, code, stdout.String(), stderr.String())
		}
	}
	// Without -reset the persons registered by the last run are still
	// there (M2010), and the failure says what to do.
	var stdout, stderr strings.Builder
	if code := run(t.Context(), base, nil, &stdout, &stderr); code != 1 {
		t.Errorf("a third run without -reset = %d; want 1 (the registrations of the last run are there)", code)
	}
	if !strings.Contains(stdout.String(), "-reset setzt sie vorher auf das Testdatenpaket zurück") {
		t.Errorf("a failed run in a shared sandbox lacks the hint on -reset:\n%s", stdout.String())
	}

	stdout.Reset()
	stderr.Reset()
	args := []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL, "-sandbox", "standard", "-tags", "@Kursauskunft",
		"-user", "niemand", "-password", "x", "-traeger", "10000001"}
	if code := run(t.Context(), args, nil, &stdout, &stderr); code != 1 {
		t.Errorf("run with a user not in the sandbox = %d; want 1", code)
	}
	if want := "certrunner: der Benutzer niemand gehört nicht zur Sandbox standard"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr = %q; want %q", stderr.String(), want)
	}
}

// TestRunAbnahmeUsage checks the flags of the acceptance: what does not go
// together is one line, before anything starts.
func TestRunAbnahmeUsage(t *testing.T) {
	ep := []string{"-endpoint", "http://127.0.0.1:1/inge"}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"ErrVorbereitenWithoutAbnahme", []string{"-vorbereiten"}, "-vorbereiten gehört zur Abnahme Ihrer Software"},
		{"ErrWartenWithoutAbnahme", []string{"-warten", "1m"}, "-warten gehört zur Abnahme Ihrer Software"},
		{"ErrFormat", []string{"-abnahme", "-format", "pretty"}, "-format gilt nicht mit -abnahme"},
		{"ErrUser", []string{"-abnahme", "-user", "x", "-password", "y", "-traeger", "10000001"}, "-user gilt nicht mit -abnahme"},
		{"ErrBothModes", append([]string{"-abnahme", "-vorbereiten", "-auswerten"}, ep...), "-vorbereiten und -auswerten schließen einander aus"},
		{"ErrVorbereitenEmbedded", []string{"-abnahme", "-vorbereiten"}, "-vorbereiten braucht -endpoint eines laufenden mockinge: ein eingebetteter endete mit certrunner"},
		{"ErrAuswertenEmbedded", []string{"-abnahme", "-auswerten", "-sandbox", "abnahme-1"}, "-auswerten braucht -endpoint"},
		{"ErrAuswertenWithoutSandbox", append([]string{"-abnahme", "-auswerten"}, ep...), "-auswerten braucht -sandbox NAME"},
		{"ErrZugangInteractive", []string{"-abnahme", "-zugang", "z.env"}, "-zugang gehört zu -vorbereiten"},
		{"ErrAufgabenAuswerten", append([]string{"-abnahme", "-auswerten", "-sandbox", "s", "-aufgaben", "a.json"}, ep...), "-aufgaben gehört zu -vorbereiten"},
		{"ErrReportVorbereiten", append([]string{"-abnahme", "-vorbereiten", "-report", "out"}, ep...), "-report gilt nicht mit -vorbereiten"},
		{"ErrWartenAuswerten", append([]string{"-abnahme", "-auswerten", "-sandbox", "s", "-warten", "1m"}, ep...), "-warten gilt nur interaktiv"},
		{"ErrAdresseWithEndpoint", append([]string{"-abnahme", "-adresse", "127.0.0.1:9"}, ep...), "-adresse gilt für den eingebetteten mockinge"},
		{"ErrPasswortArt", []string{"-abnahme", "-passwort-art", "md5"}, `-passwort-art "md5": erwartet digest, text oder beide`},
		{"ErrWartenZero", []string{"-abnahme", "-warten", "0s"}, "-warten 0s: erwartet eine Dauer über 0"},
		{"ErrTagsNothing", []string{"-abnahme", "-tags", "@TF-XX-99"}, `-tags "@TF-XX-99" wählt keinen Testfall aus; die Tags der Features: @Abnahme`},
		{"ErrTagsMalformed", []string{"-abnahme", "-tags", "@A,,@B"}, `"" ist kein Tag`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			if code := run(t.Context(), tt.args, strings.NewReader(""), &stdout, &stderr); code != 2 {
				t.Errorf("run(%q) = %d; want 2", tt.args, code)
			}
			got := stderr.String()
			if !strings.Contains(got, tt.want) || strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, " (certrunner -h zeigt alle Optionen)\n") {
				t.Errorf("stderr = %q; want one line with %q", got, tt.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q; want nothing", stdout.String())
			}
		})
	}
}

// leseZugang reads the variables of a file written by -zugang.
func leseZugang(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok || len(value) < 2 || value[0] != '\'' || value[len(value)-1] != '\'' {
			t.Fatalf("%s: line %q is not NAME='value'", path, line)
		}
		vars[name] = value[1 : len(value)-1]
	}
	return vars
}

// sende performs a task as a product would: its fields into the request,
// sent with the password as text.
func sende(t *testing.T, zugang map[string]string, a abnahme.Aufgabe) {
	t.Helper()
	proc, ok := inge.Lookup(xml.Name{Space: inge.Namespace, Local: a.Verfahren})
	if !ok {
		t.Fatalf("unknown procedure %s", a.Verfahren)
	}
	req := proc.NewRequest()
	req.Base().Mandant.Traegernummer = zugang["INGE_TRAEGERNUMMER"]
	for _, f := range a.Felder {
		if err := f.Setzen(req); err != nil {
			t.Fatalf("%s: %v", f.Feld, err)
		}
	}
	c := &inge.Client{Endpoint: zugang["INGE_ENDPOINT"], Credentials: &inge.Credentials{Username: zugang["INGE_BENUTZER"], Password: zugang["INGE_PASSWORT"], Mode: wsse.PasswordText}}
	if err := c.Call(t.Context(), proc, req, proc.NewResponse()); err != nil {
		t.Fatalf("%s %s: %v", a.Fall, a.Verfahren, err)
	}
}

// TestRunAbnahmeVorbereitenAuswerten prepares a sandbox of a running mock,
// checks the access data and tasks it writes, and evaluates it: with
// nothing sent every case fails; once a product performed one case with
// those access data, that one passes.
func TestRunAbnahmeVorbereitenAuswerten(t *testing.T) {
	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "m.db"), harness.Testdatenpaket(), mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	dir := t.TempDir()
	zugangDatei, aufgabenDatei := filepath.Join(dir, "zugang.env"), filepath.Join(dir, "aufgaben.json")
	// A file that is there, readable by all, is overwritten and made 0600.
	if err := os.WriteFile(zugangDatei, []byte("alt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mockArgs := []string{"-endpoint", mock.Endpoint(), "-admin", mock.AdminURL, "-tags", "@AnmeldungErstverfahren"}

	var stdout, stderr strings.Builder
	args := append([]string{"-abnahme", "-vorbereiten", "-zugang", zugangDatei, "-aufgaben", aufgabenDatei}, mockArgs...)
	if code := run(t.Context(), args, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("run -vorbereiten = %d; want 0\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	zugang := leseZugang(t, zugangDatei)
	for _, name := range []string{"INGE_ENDPOINT", "INGE_WSDL", "INGE_SANDBOX", "INGE_TRAEGERNUMMER", "INGE_BENUTZER", "INGE_PASSWORT", "INGE_ABNAHMETAG"} {
		if zugang[name] == "" {
			t.Errorf("%s: %s is missing or empty", zugangDatei, name)
		}
	}
	if zugang["INGE_ENDPOINT"] != mock.Endpoint() || zugang["INGE_WSDL"] != mock.Endpoint()+"?wsdl" || zugang["INGE_ABNAHMETAG"] != "12.04.2027" {
		t.Errorf("access data %v; want endpoint %s, its WSDL, Abnahmetag 12.04.2027", zugang, mock.Endpoint())
	}
	if info, err := os.Stat(zugangDatei); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("%s: mode %v, %v; want 0600", zugangDatei, info.Mode().Perm(), err)
	}
	sandbox := zugang["INGE_SANDBOX"]
	out := stdout.String()
	if strings.Contains(out, zugang["INGE_PASSWORT"]) {
		t.Errorf("stdout shows the password that -zugang writes into its file (a CI job's log keeps it):\n%s", out)
	}
	for _, want := range []string{
		"Passwort:       (steht in " + zugangDatei + ", INGE_PASSWORT)",
		"Zugang geschrieben: " + zugangDatei,
		"Aufgaben geschrieben: " + aufgabenDatei,
		"-auswerten -endpoint " + mock.Endpoint() + " -admin " + mock.AdminURL + " -sandbox " + sandbox + " -tags '@AnmeldungErstverfahren'",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	raw, err := os.ReadFile(aufgabenDatei)
	if err != nil {
		t.Fatal(err)
	}
	var aufgaben []abnahme.Aufgabe
	if err := json.Unmarshal(raw, &aufgaben); err != nil {
		t.Fatalf("%s: %v", aufgabenDatei, err)
	}
	if len(aufgaben) == 0 || aufgaben[0].Fall != "TF-AN-01" || aufgaben[0].Verfahren != "AnmeldungErstverfahren" || len(aufgaben[0].Felder) == 0 {
		t.Fatalf("%s: %d tasks; want the first of TF-AN-01 with its fields:\n%s", aufgabenDatei, len(aufgaben), raw)
	}
	faelle := map[string]bool{}
	for _, a := range aufgaben {
		faelle[a.Fall] = true
	}
	n := len(faelle)
	if want := fmt.Sprintf("die Sandbox der Abnahme ist vorbereitet: %d Testfälle mit %d Aufgaben", n, len(aufgaben)); n < 2 || !strings.Contains(out, want) {
		t.Errorf("stdout lacks %q (of the tasks written):\n%s", want, out)
	}

	auswerten := func(extra ...string) (int, string) {
		t.Helper()
		var stdout, stderr strings.Builder
		args := append(append([]string{"-abnahme", "-auswerten", "-sandbox", sandbox}, mockArgs...), extra...)
		code := run(t.Context(), args, strings.NewReader(""), &stdout, &stderr)
		if stderr.Len() != 0 {
			t.Errorf("run %q: stderr = %q", args, stderr.String())
		}
		return code, stdout.String()
	}
	report := filepath.Join(dir, "bericht")
	code, out := auswerten("-report", report)
	if code != 1 {
		t.Errorf("-auswerten with nothing sent = %d; want 1\n%s", code, out)
	}
	for _, want := range []string{
		fmt.Sprintf("certrunner: %d Testfälle: 0 bestanden, %d nicht bestanden, 0 manuell zu prüfen, 0 übersprungen", n, n),
		"  nicht bestanden: TF-AN-01 Erstanmeldung mit der BAMF-Kennziffer",
		"  Bericht: " + filepath.Join(report, "protokoll.html"),
		"nicht die Abnahme durch das BAMF",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}

	// The product performs TF-AN-01 with the access data of the file, and
	// asks about a course of no case.
	sende(t, zugang, aufgaben[0])
	sende(t, zugang, abnahme.Aufgabe{Fall: "keiner", Verfahren: "Kursauskunft", Felder: []abnahme.Feldwert{{Feld: "Kurskennung", Wert: "K999999999"}}})
	code, out = auswerten("-tags", "@TF-AN-01", "-produkt", "Testprodukt", "-produkt-version", "1.0")
	if code != 0 || !strings.Contains(out, "certrunner: 1 Testfall: 1 bestanden, 0 nicht bestanden") {
		t.Errorf("-auswerten of TF-AN-01 performed = %d; want 0 and 1 bestanden\n%s", code, out)
	}
	if !regexp.MustCompile(`  ohne Testfall: 1 Anfrage Ihrer Software nennt die Daten keines Testfalls \(Journal-Einträge \d+\)\n`).MatchString(out) {
		t.Errorf("stdout lacks the Kursauskunft of no case:\n%s", out)
	}
	if !strings.Contains(out, "kein Bericht: -report VERZEICHNIS") {
		t.Errorf("stdout lacks the hint on -report:\n%s", out)
	}
	// It sent the password as text: with digest agreed, that fails.
	if code, out := auswerten("-tags", "@TF-AN-01", "-passwort-art", "digest"); code != 1 || !strings.Contains(out, "1 nicht bestanden") {
		t.Errorf("-auswerten -passwort-art digest of a PasswordText request = %d; want 1 and 1 nicht bestanden\n%s", code, out)
	}
}

// TestRunAbnahmeInteraktiv runs one case at the terminal against the
// embedded mock: the access data are shown, Enter goes on, ü skips the
// task, and a skipped case is no failure.
func TestRunAbnahmeInteraktiv(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	defer inW.Close()
	lines := make(chan string, 200)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var stderr strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(t.Context(), []string{"-abnahme", "-adresse", "127.0.0.1:0", "-tags", "@TF-AN-01", "-warten", "1m"}, inR, outW, &stderr)
		outW.Close()
	}()
	var seen []string
	expect := func(want string) {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("output ended without %q:\n%s\nstderr:\n%s", want, strings.Join(seen, "\n"), stderr.String())
				}
				seen = append(seen, l)
				if strings.Contains(l, want) {
					return
				}
			case <-timeout:
				t.Fatalf("no line with %q:\n%s", want, strings.Join(seen, "\n"))
			}
		}
	}
	typ := func(s string) {
		t.Helper()
		if _, err := io.WriteString(inW, s+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	expect("certrunner: eingebetteter mockinge unter http://127.0.0.1:")
	expect("Passwort:")
	expect("Drücken Sie Enter, sobald Ihre Software eingerichtet ist.")
	typ("")
	expect("Testfall TF-AN-01: Erstanmeldung mit der BAMF-Kennziffer")
	expect("Bitte in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:")
	expect("Warte auf Ihre Anfrage …")
	typ("")
	expect("Warte weiter auf Ihre Anfrage (noch")
	typ("ü")
	expect("Aufgabe 1 wird übersprungen.")
	expect("TF-AN-01 Erstanmeldung mit der BAMF-Kennziffer: übersprungen")
	expect("certrunner: 1 Testfall: 0 bestanden, 0 nicht bestanden, 0 manuell zu prüfen, 1 übersprungen")
	for range lines { // the rest of the summary
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("run = %d; want 0 (a skipped case is not a failure)\nstderr:\n%s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not end")
	}
}
