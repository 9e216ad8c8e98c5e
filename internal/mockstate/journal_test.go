package mockstate_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

func TestJournal(t *testing.T) {
	ctx := t.Context()
	t0 := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	wall := ingetest.NewTimeSource(t0)
	s := ingetest.MustOpen(t, mockstate.MemoryPath, mockstate.WithTimeSource(wall.Now))
	account := ingetest.KT1()

	request := []byte(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>` +
		`<wsse:Security xmlns:wsse="` + wsse.SecextNS + `"><wsse:UsernameToken>` +
		`<wsse:Username>` + account.Benutzer + `</wsse:Username><wsse:Password>` + account.Passwort + `</wsse:Password>` +
		`</wsse:UsernameToken></wsse:Security></soap:Header><soap:Body/></soap:Envelope>`)

	entries := []mockstate.Eintrag{
		{Traegernummer: "10000001", Benutzer: "kt1.sachbearbeitung", Operation: "KursplanungErfassen",
			Vorgangsnummer: "V-1", Ergebnis: "OK", Dauer: 1500 * time.Microsecond, Anfrage: request, Antwort: []byte("<ok/>")},
		{Traegernummer: "10000001", Benutzer: "kt1.leitung", Operation: "Kursauskunft", Ergebnis: "Fehler"},
		{Traegernummer: "10000002", Benutzer: "kt2.sachbearbeitung", Operation: "KursplanungErfassen", Ergebnis: "OK"},
		{Benutzer: "niemand", Operation: "KursplanungErfassen", Ergebnis: "wsse:FailedAuthentication"},
		{Traegernummer: "10000001", Operation: "Kursauskunft", Ergebnis: "OK", Zeit: t0.Add(time.Hour)},
	}
	var ids []int64
	for _, e := range entries {
		id, err := s.AppendJournal(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		wall.Add(time.Minute)
	}
	if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Fatalf("ids = %v; want increasing", ids)
	}

	t.Run("StoredMasked", func(t *testing.T) {
		es, err := s.Journal(ctx, mockstate.Filter{Limit: 1, Operation: "KursplanungErfassen", Traegernummer: "10000001"})
		if err != nil || len(es) != 1 {
			t.Fatalf("Journal = %v, %v; want one entry", es, err)
		}
		e := es[0]
		if bytes.Contains(e.Anfrage, []byte(account.Passwort)) {
			t.Errorf("Anfrage contains the password: %s", e.Anfrage)
		}
		if !bytes.Contains(e.Anfrage, []byte("<wsse:Password>***</wsse:Password>")) {
			t.Errorf("Anfrage = %s; want the password masked", e.Anfrage)
		}
		want := mockstate.Eintrag{
			ID: ids[0], Zeit: t0, Traegernummer: "10000001", Benutzer: "kt1.sachbearbeitung",
			Operation: "KursplanungErfassen", Vorgangsnummer: "V-1", Ergebnis: "OK", Dauer: 1500 * time.Microsecond,
			Anfrage: e.Anfrage, Antwort: []byte("<ok/>"),
		}
		if !e.Zeit.Equal(want.Zeit) || e.ID != want.ID || e.Dauer != want.Dauer || e.Vorgangsnummer != want.Vorgangsnummer ||
			e.Benutzer != want.Benutzer || !bytes.Equal(e.Antwort, want.Antwort) {
			t.Errorf("entry = %+v; want %+v", e, want)
		}
	})

	for _, tc := range []struct {
		name   string
		filter mockstate.Filter
		want   []int // indexes into entries, newest first
	}{
		{"All", mockstate.Filter{}, []int{4, 3, 2, 1, 0}},
		{"ByTraeger", mockstate.Filter{Traegernummer: "10000001"}, []int{4, 1, 0}},
		{"ByOperation", mockstate.Filter{Operation: "Kursauskunft"}, []int{4, 1}},
		{"ByErgebnis", mockstate.Filter{Ergebnis: "OK"}, []int{4, 2, 0}},
		{"ByFault", mockstate.Filter{Ergebnis: "wsse:FailedAuthentication"}, []int{3}},
		{"Combined", mockstate.Filter{Traegernummer: "10000001", Ergebnis: "OK", Operation: "Kursauskunft"}, []int{4}},
		{"VonInclusive", mockstate.Filter{Von: t0.Add(2 * time.Minute)}, []int{4, 3, 2}},
		{"BisExclusive", mockstate.Filter{Bis: t0.Add(2 * time.Minute)}, []int{1, 0}},
		{"VonBis", mockstate.Filter{Von: t0.Add(time.Minute), Bis: t0.Add(3 * time.Minute)}, []int{2, 1}},
		{"VonBisWithFraction", mockstate.Filter{Von: t0.Add(time.Minute - time.Nanosecond), Bis: t0.Add(time.Minute + time.Nanosecond)}, []int{1}},
		{"LimitNewest", mockstate.Filter{Limit: 2}, []int{4, 3}},
		{"None", mockstate.Filter{Traegernummer: "99999999"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es, err := s.Journal(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got, want []int64
			for _, e := range es {
				got = append(got, e.ID)
			}
			for _, i := range tc.want {
				want = append(want, ids[i])
			}
			if !slices.Equal(got, want) {
				t.Errorf("Journal(%+v) ids = %v; want %v", tc.filter, got, want)
			}
		})
	}
}

// finderOf returns the secret finder that saw doc's parse, as the server's.
func finderOf(t *testing.T, doc []byte) *wsse.SecretFinder {
	f := wsse.NewSecretFinder(doc)
	if _, err := soap.ReadEnvelopeObserved(doc, soap.Limits{}, wsse.IsSecurity, f.Token); err != nil {
		t.Fatal(err)
	}
	return f
}

// A request prepared ahead is stored as prepared, masked and cut; one
// prepared from another document is not taken for it, nor the finder of
// another document.
func TestJournalAnfrageVorbereitet(t *testing.T) {
	ctx := t.Context()
	s := ingetest.MustOpen(t, mockstate.MemoryPath)
	secret := "Geheim!1"
	request := []byte(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>` +
		`<wsse:Security xmlns:wsse="` + wsse.SecextNS + `"><wsse:UsernameToken><wsse:Username>u</wsse:Username>` +
		`<wsse:Password>` + secret + `</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header>` +
		`<soap:Body><k:Notiz xmlns:k="urn:x">` + secret + strings.Repeat(" Text", 60) + `</k:Notiz></soap:Body></soap:Envelope>`)
	other := bytes.Replace(request, []byte("Notiz"), []byte("Anders"), 2)
	for _, tc := range []struct {
		name    string
		anfrage []byte
		finder  *wsse.SecretFinder
		max     int
		want    []byte // a part the stored request must hold
	}{
		{"Vorbereitet", request, nil, 0, []byte("<k:Notiz xmlns:k=\"urn:x\">***")},
		{"Gekuerzt", request, nil, 200, []byte("gekürzt")},
		{"AndereAnfrage", other, nil, 0, []byte("<k:Anders xmlns:k=\"urn:x\">***")},
		{"MitFinder", request, finderOf(t, request), 0, []byte("<wsse:Password>***</wsse:Password>")},
		{"FinderEinerAnderen", request, finderOf(t, other), 0, []byte("<k:Notiz xmlns:k=\"urn:x\">***")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := s.AnfrageVorbereiten(request, tc.finder, []string{secret}, tc.max)
			id, err := s.AppendJournal(ctx, mockstate.Eintrag{Operation: "Notiz", Ergebnis: "OK",
				Anfrage: tc.anfrage, Geheim: []string{secret}, MaxAnfrage: tc.max, AnfrageVorbereitet: v})
			if err != nil {
				t.Fatal(err)
			}
			es, err := s.Journal(ctx, mockstate.Filter{Limit: 1})
			if err != nil || len(es) != 1 || es[0].ID != id {
				t.Fatalf("Journal = %v, %v; want entry %d", es, err, id)
			}
			got := es[0].Anfrage
			if bytes.Contains(got, []byte(secret)) {
				t.Errorf("stored request holds the secret: %s", got)
			}
			if !bytes.Contains(got, tc.want) {
				t.Errorf("stored request = %s; want it to hold %s", got, tc.want)
			}
		})
	}
}
