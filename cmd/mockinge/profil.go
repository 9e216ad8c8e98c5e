package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/profil"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// envList splits an environment variable into a list of paths.
func envList(getenv func(string) string, key string) listFlag {
	v := getenv(key)
	if v == "" {
		return nil
	}
	return strings.Split(v, string(os.PathListSeparator))
}

// loadProfile loads the contract profiles of the directories, each checked
// completely: a gap stops the start with one line each.
func loadProfile(dirs []string) (map[string]*profil.Profil, error) {
	out := map[string]*profil.Profil{}
	for _, dir := range dirs {
		p, err := profil.Load(dir)
		if err != nil {
			return nil, err
		}
		if other, dup := out[p.Name]; dup {
			return nil, fmt.Errorf("die Profile %s und %s heißen beide %s", other.Verzeichnis, dir, p.Name)
		}
		out[p.Name] = p
	}
	return out, nil
}

// errUnvollstaendig is the outcome of -profil-pruefen for a profile with
// gaps: exit status 1, after the gaps were printed.
var errUnvollstaendig = errors.New("das Profil ist unvollständig")

// profilPruefen checks a draft profile and lists what it lacks: its gaps,
// one line each, and rows for elemente.tsv to complete.
func profilPruefen(dir string, stdout io.Writer) error {
	b, err := profil.Pruefe(dir)
	if err != nil {
		return err
	}
	var w strings.Builder
	if len(b.Luecken) == 0 {
		fmt.Fprintf(&w, "mockinge: das Profil %s ist vollständig\n", dir)
	} else {
		fmt.Fprintf(&w, "mockinge: das Profil %s hat %d Lücken:\n", dir, len(b.Luecken))
		for _, l := range b.Luecken {
			fmt.Fprintf(&w, "  %s\n", l)
		}
	}
	if len(b.Entwurf) > 0 {
		fmt.Fprintf(&w, "\nEntwurf der fehlenden Zeilen für elemente.tsv (Spalte Profil: der Name im Profil, relativ zum Gegenstück des Elternelements; vorgeschlagen, wo das Profil dort ein gleichnamiges Element hat; „.“ löst auf, „-“ lässt weg):\n")
		for _, row := range b.Entwurf {
			fmt.Fprintf(&w, "%s\n", row)
		}
	}
	if len(b.Extra) > 0 {
		fmt.Fprintf(&w, "\nElemente des Profils ohne Entsprechung in unserem Vertrag (eingehend verworfen, in Antworten nie gesetzt):\n")
		for _, e := range b.Extra {
			fmt.Fprintf(&w, "  %s\n", e)
		}
	}
	if _, err := io.WriteString(stdout, w.String()); err != nil {
		return err
	}
	if len(b.Luecken) > 0 {
		return errUnvollstaendig
	}
	return nil
}

// profilSandbox is a -profil-sandbox NAME=PROFIL.
type profilSandbox struct{ name, profil string }

func parseProfilSandboxen(values []string, profile map[string]*profil.Profil) ([]profilSandbox, error) {
	var out []profilSandbox
	for _, v := range values {
		name, p, ok := strings.Cut(v, "=")
		switch {
		case !ok || name == "" || p == "":
			return nil, fmt.Errorf("-profil-sandbox %q: erwartet NAME=PROFIL, z. B. bamf=%s", v, firstName(profile))
		case name == sandbox.Standard:
			return nil, fmt.Errorf("-profil-sandbox %q: die Sandbox %s spricht immer unseren Vertrag", v, sandbox.Standard)
		case profile[p] == nil:
			return nil, fmt.Errorf("-profil-sandbox %q: das Profil %s ist nicht geladen (-profil VERZEICHNIS)", v, p)
		}
		out = append(out, profilSandbox{name, p})
	}
	return out, nil
}

func firstName(ps map[string]*profil.Profil) string {
	for n := range ps {
		return n
	}
	return "PROFIL"
}

// profilSandboxen makes each -profil-sandbox that is not there yet, with the
// users of the Testdatenpaket under names of its own (NAME.kt1.sachbearbeitung,
// the same passwords), and returns the banner's lines about the profiles
// and those sandboxes.
func profilSandboxen(ctx context.Context, mock *mockserver.Local, profile map[string]*profil.Profil, sbs []profilSandbox) (string, error) {
	var b strings.Builder
	for _, p := range sortedProfile(profile) {
		fmt.Fprintf(&b, "  Profil %s: WSDL %s%s/%s?wsdl\n", p.Name, mock.URL, mockserver.ProfilPath, p.Name)
	}
	for _, ps := range sbs {
		sb, err := mock.Sandboxes.Get(ps.name)
		if errors.Is(err, sandbox.ErrNotFound) {
			var std []mockstate.Zugang
			if std, err = mock.Standard().Zugaenge(ctx); err != nil {
				return "", err
			}
			users := make([]mockstate.Zugang, len(std))
			for i, u := range std {
				users[i] = mockstate.Zugang{Name: ps.name + "." + u.Name, Passwort: u.Passwort, Traegernummer: u.Traegernummer}
			}
			sb, err = mock.Sandboxes.CreateProfiled(ctx, ps.name, ps.profil, users)
		}
		if err != nil {
			return "", fmt.Errorf("-profil-sandbox %s=%s: %w", ps.name, ps.profil, err)
		}
		if sb.Profil != ps.profil {
			return "", fmt.Errorf("-profil-sandbox %s=%s: die Sandbox %s gibt es schon, sie spricht %q", ps.name, ps.profil, ps.name, sb.Profil)
		}
		var users []mockstate.Zugang
		if err := sb.Use(func(st *mockstate.Store) (err error) { users, err = st.Zugaenge(ctx); return err }); err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "  Sandbox %s spricht das Profil %s:\n", sb.Name, sb.Profil)
		for _, u := range users {
			fmt.Fprintf(&b, "    %-30s Passwort %-16s Träger %s\n", u.Name, u.Passwort, u.Traegernummer)
		}
	}
	return b.String(), nil
}

func sortedProfile(ps map[string]*profil.Profil) []*profil.Profil {
	out := make([]*profil.Profil, 0, len(ps))
	for _, p := range ps {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *profil.Profil) int { return strings.Compare(a.Name, b.Name) })
	return out
}
