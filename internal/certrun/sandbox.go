package certrun

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"sync/atomic"

	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// sandboxes hands out the sandboxes of one run, one per scenario: each is
// a world of its own with the Testdatenpaket and two users, "ich" of the
// first Traeger of the package and "anderer" of the second, with random
// passwords. Names are cr-<run>-<n>, <run> random, so that runs against one
// mock never collide; users are named after their sandbox, as user names
// are unique across a mock.
type sandboxes struct {
	admin   *mockadmin.Client
	prefix  string // cr-<run>
	ich     string // Traegernummer of "ich"
	anderer string // Traegernummer of "anderer"
	profil  string // the contract profile the sandboxes speak, "" for ours
	n       atomic.Int64
}

func newSandboxes(admin *mockadmin.Client, paket *testdaten.Paket, profil string) (*sandboxes, error) {
	id, err := randomBytes(4)
	if err != nil {
		return nil, err
	}
	return &sandboxes{
		admin:   admin,
		prefix:  "cr-" + hex.EncodeToString(id),
		ich:     paket.Traeger[0].Traegernummer,
		anderer: paket.Traeger[1].Traegernummer,
		profil:  profil,
	}, nil
}

// scenarioSandbox is the sandbox of one scenario and its users.
type scenarioSandbox struct {
	name         string
	ich, anderer Account
}

// next makes the sandbox of the next scenario: cr-<run>-1, -2, ...
func (s *sandboxes) next(ctx context.Context) (scenarioSandbox, error) {
	return s.create(ctx, s.n.Add(1))
}

// create makes sandbox number n of the run.
func (s *sandboxes) create(ctx context.Context, n int64) (scenarioSandbox, error) {
	name := fmt.Sprintf("%s-%d", s.prefix, n)
	sb := scenarioSandbox{name: name}
	for _, u := range []struct {
		acc       *Account
		role, trn string
	}{{&sb.ich, "ich", s.ich}, {&sb.anderer, "anderer", s.anderer}} {
		pw, err := randomBytes(18)
		if err != nil {
			return scenarioSandbox{}, err
		}
		*u.acc = Account{Benutzer: name + "-" + u.role, Passwort: base64.RawURLEncoding.EncodeToString(pw), Traegernummer: u.trn}
	}
	err := s.admin.CreateProfiledSandbox(ctx, name, s.profil, []mockadmin.Benutzer{
		{Name: sb.ich.Benutzer, Passwort: sb.ich.Passwort, Traegernummer: sb.ich.Traegernummer},
		{Name: sb.anderer.Benutzer, Passwort: sb.anderer.Passwort, Traegernummer: sb.anderer.Traegernummer},
	})
	if err != nil {
		return scenarioSandbox{}, fmt.Errorf("Sandbox für das Szenario anlegen: %w", err)
	}
	return sb, nil
}

// remove deletes a sandbox made by create; it runs after the scenario
// even when that was canceled.
func (s *sandboxes) remove(ctx context.Context, sb scenarioSandbox) error {
	if err := s.admin.DeleteSandbox(context.WithoutCancel(ctx), sb.name); err != nil {
		return fmt.Errorf("Sandbox %s löschen: %w", sb.name, err)
	}
	return nil
}

// check makes and removes sandbox 0 before the run, so that a mock
// without sandboxes (or an unreachable admin API) fails the run once, with
// one clear message, rather than every scenario.
func (s *sandboxes) check(ctx context.Context) error {
	sb, err := s.create(ctx, 0)
	if err != nil {
		return fmt.Errorf("certrun: jedes Szenario braucht eine eigene Sandbox, doch die Admin-API %s legt keine an (mockinge zu alt? Gegen ein fremdes Konto: -user; in einer vorhandenen Sandbox nacheinander: -sandbox standard): %w", s.admin.Base(), err)
	}
	return s.remove(ctx, sb)
}

// randomBytes returns n random bytes.
func randomBytes(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("certrun: Zufallszahlen: %w", err)
	}
	return b, nil
}
