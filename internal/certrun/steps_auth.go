package certrun

import (
	"fmt"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

func (w *world) registerAuthSteps(sc *godog.ScenarioContext) {
	sc.Step(`^ich bin als Kursträger angemeldet$`, func() { w.login(w.ich, wsse.PasswordDigest) })
	sc.Step(`^ich bin als Kursträger mit Passwort-Art "([^"]*)" angemeldet$`, w.loginWithMode)
	sc.Step(`^ich bin als Kursträger mit dem Passwort "([^"]*)" angemeldet$`, func(pw string) {
		a := w.ich
		a.Passwort = pw
		w.login(a, wsse.PasswordDigest)
	})
	sc.Step(`^ich bin als Benutzer "([^"]*)" angemeldet$`, func(user string) {
		a := w.ich
		a.Benutzer = user
		w.login(a, wsse.PasswordDigest)
	})
	sc.Step(`^ich sende ohne WS-Security-Header$`, func() { w.client.Credentials = nil })
	sc.Step(`^ich verwende für jede Anfrage dieselbe Nonce$`, func() error {
		nonce, err := fixedNonce()
		w.client.Nonce = nonce
		return err
	})
	sc.Step(`^mein Zeitstempel Created liegt (\d+) Minuten in der Vergangenheit$`, func(minutes int) {
		w.client.Now = func() time.Time { return time.Now().Add(-time.Duration(minutes) * time.Minute) }
	})
	sc.Step(`^ich trage als Mandant den Kursträger "([^"]*)" ein$`, func(nr string) { w.mandant = nr })
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
