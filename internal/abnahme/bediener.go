package abnahme

import "context"

// Aufgabe is one task of a test case: what the operator does in the
// product, and so what InGe must receive.
type Aufgabe struct {
	Fall      string `json:"fall"`
	Nummer    int    `json:"nummer"` // 1, 2, … within the case
	Verfahren string `json:"verfahren"`
	// Text is the instruction as the Testfallheft says it.
	Text string `json:"text"`
	// Angaben are the rows of its table, the references resolved;
	// Anzeige is each row as an operator reads it (label, value, what a
	// code or person means).
	Angaben []Angabe `json:"angaben"`
	Anzeige []string `json:"anzeige"`
	// Felder are the fields the request must carry, in the form of the
	// wire: what the Angaben come to.
	Felder []Feldwert `json:"felder"`
	// Hinweise tell what the case prepared around the task, such as an
	// outage at the first attempt.
	Hinweise []string `json:"hinweise,omitempty"`
}

// Frage is what only a person at the product can see, such as a Meldung
// on its screen.
type Frage struct {
	Fall    string `json:"fall"`
	Aufgabe int    `json:"aufgabe"`
	Text    string `json:"text"`              // "Zeigt Ihre Software die Meldung M3014 an?"
	Meldung string `json:"meldung,omitempty"` // the code asked about
	Wert    string `json:"wert,omitempty"`    // or the value
}

// Antwort is an operator's answer to a Frage.
type Antwort int

const (
	// Offen: nobody could answer; the case is "manuell zu prüfen".
	Offen Antwort = iota
	Ja
	Nein
)

// Zugang is what the product is set up with to take the acceptance test:
// the sandbox's endpoint and WSDL, the user of each Traeger.
type Zugang struct {
	Sandbox  string         `json:"sandbox"`
	Endpoint string         `json:"endpoint"`
	WSDL     string         `json:"wsdl"`
	Benutzer []ZugangNutzer `json:"benutzer"`
	// Abnahmetag is the day the sandbox's clock stands at, TT.MM.JJJJ.
	Abnahmetag string `json:"abnahmetag"`
	// Profil is the contract profile the sandbox speaks, "" for ours.
	Profil string `json:"profil,omitempty"`
}

// ZugangNutzer is a DeBeV user the product logs on with.
type ZugangNutzer struct {
	Traegernummer string `json:"traegernummer"`
	Name          string `json:"name"`
	Passwort      string `json:"passwort"`
}

// Bediener is whoever performs the test cases in the product: a person
// at a terminal (interaktiv), or in the tests a program that plays the
// product. In the evaluation of a journal there is none.
type Bediener interface {
	// Bereit is told the access data once the sandbox is prepared.
	Bereit(ctx context.Context, z Zugang) error
	// Beginne announces a test case and its preparation.
	Beginne(ctx context.Context, fall FallInfo, vorbereitet []string) error
	// Ausfuehren gives a task: a person reads it, a program performs it.
	Ausfuehren(ctx context.Context, a Aufgabe) error
	// Abwarten runs while the task's requests are awaited; it returns
	// when ctx ends (they arrived, or the time is up), or true at once
	// when the operator skips the task. A program that has sent all by
	// the time Ausfuehren returns may return false at once: the requests
	// are then judged as they are.
	Abwarten(ctx context.Context, a Aufgabe) (uebersprungen bool)
	// Fragen asks what only a person can see.
	Fragen(ctx context.Context, f Frage) (Antwort, error)
	// Melde tells what the judgement found: a request that arrived, a
	// finding, a case's verdict.
	Melde(zeile string)
}
