package certrun

import (
	"bufio"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/cucumber/godog"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
)

// ErrNoScenario means the tag expression selected no scenario: the run did
// nothing, which is never what was meant.
var ErrNoScenario = errors.New("kein Szenario")

// tagTerm is one term of a godog tag expression: a tag, or ~ and a tag.
var tagTerm = regexp.MustCompile(`^~?@[^\s@,&~]+$`)

// checkTags checks a godog tag expression, "@A,@B" (either), "@A && ~@B"
// (A without B), before godog sees it: godog panics on an empty term, and
// takes "@A & @B" or "not @A" as a tag that no scenario has.
func checkTags(expr string) error {
	if expr == "" {
		return nil
	}
	for _, and := range strings.Split(expr, "&&") {
		for _, term := range strings.Split(and, ",") {
			if t := strings.TrimSpace(term); !tagTerm.MatchString(t) {
				return fmt.Errorf("certrun: -tags %q: %q ist kein Tag; erwartet z. B. \"@Kursauskunft\", \"@A,@B\" (eines von beiden) oder \"@A && ~@B\" (A ohne B)", expr, t)
			}
		}
	}
	return nil
}

// checkFormat checks a godog format list ("progress", "pretty,junit:x.xml")
// against godog's formatters, which godog itself reports only after the
// mock has started, and then as a failed run.
func checkFormat(list string) error {
	known := godog.AvailableFormatters()
	for _, f := range strings.Split(list, ",") {
		name, _, _ := strings.Cut(f, ":")
		if _, ok := known[name]; !ok {
			names := make([]string, 0, len(known))
			for n := range known {
				if n != "base" { // a building block, not an output
					names = append(names, n)
				}
			}
			slices.Sort(names)
			return fmt.Errorf("certrun: -format %q: unbekanntes Format; erlaubt sind %s", name, strings.Join(names, ", "))
		}
	}
	return nil
}

// checkEndpoint makes sure the SOAP endpoint answers at all, once, before
// any scenario: an address that is wrong, a mock that is down or a
// certificate that is not trusted would otherwise fail every scenario with
// the same error. Any HTTP answer to GET ?wsdl will do; not every service
// serves its WSDL.
func checkEndpoint(ctx context.Context, client *http.Client, endpoint string) error {
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"?wsdl", nil)
	if err != nil {
		return fmt.Errorf("certrun: Endpunkt %q: %w", endpoint, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		hint := "läuft mockinge, stimmen Adresse und Port?"
		var unknownCA x509.UnknownAuthorityError
		var hostname x509.HostnameError
		switch {
		case errors.As(err, &unknownCA):
			hint = "dem Zertifikat wird nicht vertraut: -ca DATEI mit dem Zertifikat (mockinge -tls -tls-ca-out DATEI schreibt es)"
		case errors.As(err, &hostname):
			hint = "das Zertifikat gilt nicht für diesen Namen"
		case strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
			hint = "der Endpunkt spricht HTTP, nicht HTTPS"
		}
		return fmt.Errorf("certrun: der Endpunkt %s ist nicht erreichbar (%s): %w", endpoint, hint, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	return nil
}

// checkSharedSandbox makes sure the account "ich" belongs to the sandbox
// the scenarios share, where an admin API can tell; the users of the
// Testdatenpaket belong to the standard sandbox, so -sandbox ci-17 without
// -user would send every request to another world. With reset it brings
// the sandbox back to the Testdatenpaket, so that a second run finds what
// the first found.
func (r *runner) checkSharedSandbox(ctx context.Context) error {
	cfg := r.cfg
	sb, err := r.admin.Sandbox(ctx, cfg.Sandbox)
	if errors.Is(err, mockadmin.ErrUnreachable) && !cfg.Reset {
		// An endpoint that is no mockinge (your own account elsewhere)
		// has no admin API to ask; the steps that need one say so.
		return nil
	}
	if err != nil {
		return fmt.Errorf("certrun: die Sandbox %s, in der die Szenarien laufen sollen: %w", cfg.Sandbox, err)
	}
	if want := cfg.profilName(); sb.Profil != want {
		return fmt.Errorf("certrun: die Sandbox %s spricht %s, die Szenarien %s", cfg.Sandbox, vertragName(sb.Profil), vertragName(want))
	}
	if !slices.ContainsFunc(sb.Benutzer, func(u mockadmin.Benutzer) bool { return u.Name == cfg.Ich.Benutzer }) {
		return fmt.Errorf("certrun: der Benutzer %s gehört nicht zur Sandbox %s; -user, -password und -traeger müssen einen ihrer Benutzer nennen", cfg.Ich.Benutzer, cfg.Sandbox)
	}
	if cfg.Reset {
		if err := r.admin.ResetSandbox(ctx, cfg.Sandbox); err != nil {
			return fmt.Errorf("certrun: -reset: %w", err)
		}
	}
	return nil
}

// checkProfil makes sure the mock has loaded the profile the scenarios
// speak, in the same version: the digest of its files, which the admin API
// shows. Without an admin API there is nothing to ask.
func (r *runner) checkProfil(ctx context.Context) error {
	p := r.cfg.Profil
	if p == nil || r.cfg.Admin == "" {
		return nil
	}
	loaded, err := r.admin.Profil(ctx, p.Name)
	if errors.Is(err, mockadmin.ErrUnreachable) {
		return nil // the steps that need the admin API say so
	}
	if err != nil {
		return fmt.Errorf("certrun: das Profil %s: %w (mockinge -profil %s lädt es)", p.Name, err, p.Verzeichnis)
	}
	if loaded.Digest != p.Digest {
		return fmt.Errorf("certrun: mockinge hat das Profil %s in einer anderen Fassung geladen als %s (SHA-256 %.12s…, hier %.12s…)", p.Name, p.Verzeichnis, loaded.Digest, p.Digest)
	}
	return nil
}

// vertragName names a contract in a message: a profile, or ours.
func vertragName(profil string) string {
	if profil == "" {
		return "unseren Vertrag"
	}
	return "das Profil " + profil
}

// checkSelection parses the features as godog will and counts the
// scenarios the tag expression selects: none is ErrNoScenario, said before
// anything runs, with the tags there are.
func checkSelection(cfg Config) error {
	suite := godog.TestSuite{Options: &godog.Options{FS: cfg.Features, Paths: []string{"."}, Tags: cfg.Tags}}
	features, err := suite.RetrieveFeatures()
	if err != nil {
		return fmt.Errorf("certrun: Features lesen: %w", err)
	}
	n := 0
	for _, f := range features {
		n += len(f.Pickles)
	}
	if n == 0 {
		return fmt.Errorf("certrun: -tags %q wählt %w aus; die Tags der Features: %s", cfg.Tags, ErrNoScenario, strings.Join(featureTags(cfg.Features), " "))
	}
	return nil
}

// featureTags lists the tags of the features, for the message that a tag
// expression selected nothing.
func featureTags(fsys fs.FS) []string {
	seen := map[string]bool{}
	_ = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".feature") {
			return nil
		}
		f, err := fsys.Open(path)
		if err != nil {
			return nil
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if !strings.HasPrefix(line, "@") {
				continue
			}
			for _, t := range strings.Fields(line) {
				if strings.HasPrefix(t, "@") {
					seen[t] = true
				}
			}
		}
		return nil
	})
	tags := make([]string, 0, len(seen))
	for t := range seen {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	return tags
}
