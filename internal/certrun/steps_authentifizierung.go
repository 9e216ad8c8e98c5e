package certrun

import (
	"crypto/rand"
	"fmt"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// The steps of authentifizierung.feature: who the scenario logs in as, and
// how its WS-Security UsernameToken deviates.
func (w *world) registerAuthentifizierungSteps(sc steps) {
	sc.Step(sc.re(`^ich bin als Kursträger angemeldet$`), func() { w.login(w.ich, wsse.PasswordDigest) })
	// Another Traeger: 10000002 by default, not approved as Pruefstelle.
	sc.Step(sc.re(`^ich bin als anderer Kursträger angemeldet$`), func() { w.login(w.anderer, wsse.PasswordDigest) })
	sc.Step(sc.re(`^ich bin als Kursträger mit Passwort-Art "([^"]*)" angemeldet$`), w.loginWithMode)
	sc.Step(sc.re(`^ich bin als Kursträger mit dem Passwort "([^"]*)" angemeldet$`), func(pw string) {
		a := w.ich
		a.Passwort = pw
		w.login(a, wsse.PasswordDigest)
	})
	sc.Step(sc.re(`^ich bin als Benutzer "([^"]*)" angemeldet$`), func(user string) {
		a := w.ich
		a.Benutzer = user
		w.login(a, wsse.PasswordDigest)
	})
	sc.Step(sc.re(`^ich sende ohne WS-Security-Header$`), func() { w.client.Credentials = nil })
	sc.Step(sc.re(`^ich verwende für jede Anfrage dieselbe Nonce$`), func() error {
		nonce, err := fixedNonce()
		w.client.Nonce = nonce
		return err
	})
	sc.Step(sc.re(`^mein Zeitstempel Created liegt (\d+) Minuten in der Vergangenheit$`), func(minutes int) {
		w.client.Now = func() time.Time { return time.Now().Add(-time.Duration(minutes) * time.Minute) }
	})
	sc.Step(sc.re(`^ich trage als Mandant den Kursträger "([^"]*)" ein$`), func(nr string) { w.mandant = nr })
}

func (w *world) loginWithMode(mode string) error {
	switch mode {
	case "PasswordText":
		w.login(w.ich, wsse.PasswordText)
	case "PasswordDigest":
		w.login(w.ich, wsse.PasswordDigest)
	default:
		return fmt.Errorf("Passwort-Art %q: erwartet PasswordText oder PasswordDigest", mode)
	}
	return nil
}

// fixedNonce returns a nonce source that always gives the same random nonce.
func fixedNonce() (func() ([]byte, error), error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return func() ([]byte, error) { return b, nil }, nil
}
