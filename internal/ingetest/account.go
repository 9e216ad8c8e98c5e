package ingetest

import (
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// Account is a DeBeV user of the Testdatenpaket (testdata/testdatenpaket/
// traeger.json): its name, its password and its Traeger.
type Account struct {
	Benutzer      string
	Passwort      string
	Traegernummer string
}

// KT1 is the Sachbearbeitung of Traeger 10000001, the Traeger of Testfall
// KP-1 and a LiD-Pruefstelle.
func KT1() Account {
	return Account{Benutzer: "kt1.sachbearbeitung", Passwort: "Test!Passwort1", Traegernummer: "10000001"}
}

// KT2 is the Sachbearbeitung of Traeger 10000002, the Traeger of Testfall
// KP-2 and no LiD-Pruefstelle: the other Traeger that a test of isolation
// needs.
func KT2() Account {
	return Account{Benutzer: "kt2.sachbearbeitung", Passwort: "Test!Passwort3", Traegernummer: "10000002"}
}

// Caller is the account as the store sees an authenticated request.
func (a Account) Caller() mockstate.Caller {
	return mockstate.Caller{Benutzer: a.Benutzer, Traegernummer: a.Traegernummer}
}

// Credentials are the account's login for an inge.Client, with the password
// as text.
func (a Account) Credentials() *inge.Credentials {
	return &inge.Credentials{Username: a.Benutzer, Password: a.Passwort}
}

// Anfrage is the common part of a request of the account: its Traeger as
// the Mandant, no Rollback.
func (a Account) Anfrage() inge.Anfrage {
	return inge.Anfrage{Mandant: inge.Mandant{Traegernummer: a.Traegernummer}}
}
