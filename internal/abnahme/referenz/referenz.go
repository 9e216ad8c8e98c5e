// Package referenz plays a vendor's product in the tests of the acceptance:
// a Produkt that performs every task of the Testfallheft as its operator
// enters it, through inge.Client, and answers the operator's questions from
// what it showed. Without a Fehler it does everything right, so that its
// verdict must be "bestanden" throughout; each Fehler is one realistic bug
// of a product, and the tests check that exactly the cases it touches fail.
package referenz

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// Produkt is the reference product; its zero Fehler does everything right.
type Produkt struct {
	Fehler Fehler
	// Profil, if not nil, is the contract profile the product speaks
	// instead of ours, as a product on BAMF's real contract does.
	Profil *profil.Profil
	// Pause is how long it waits before it sends again after a transient
	// fault.
	Pause time.Duration

	mu        sync.Mutex
	client    *inge.Client
	traeger   string
	angezeigt []string             // what the product showed in the current case
	gesendet  map[int]inge.Request // the requests of the current case's tasks
}

// Bereit sets the product up with the sandbox's endpoint and the user of
// its Traeger.
func (p *Produkt) Bereit(_ context.Context, z abnahme.Zugang) error {
	if len(z.Benutzer) == 0 {
		return errors.New("referenz: kein Benutzer für das Produkt")
	}
	u := z.Benutzer[0]
	mode := wsse.PasswordDigest
	if p.Fehler == PasswordText {
		mode = wsse.PasswordText
	}
	p.client = &inge.Client{Endpoint: z.Endpoint, Credentials: &inge.Credentials{Username: u.Name, Password: u.Passwort, Mode: mode}}
	if p.Profil != nil {
		p.client.Dialect = p.Profil
	}
	if p.Fehler == VeralteterZeitstempel {
		p.client.Now = func() time.Time { return time.Now().Add(-10 * time.Minute) }
	}
	if rewrite := p.Fehler.umschreiben(); rewrite != nil {
		p.client.HTTPClient = &http.Client{Timeout: 60 * time.Second, Transport: umschreiber{next: http.DefaultTransport, rewrite: rewrite}}
	}
	p.traeger = u.Traegernummer
	return nil
}

// Beginne starts a case: nothing shown yet.
func (p *Produkt) Beginne(context.Context, abnahme.FallInfo, []string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.angezeigt, p.gesendet = nil, map[int]inge.Request{}
	return nil
}

// Ausfuehren enters the task's fields and sends; after a transient fault
// it sends again, up to three times.
func (p *Produkt) Ausfuehren(ctx context.Context, a abnahme.Aufgabe) error {
	proc, ok := inge.Lookup(xml.Name{Space: inge.Namespace, Local: a.Verfahren})
	if !ok {
		return fmt.Errorf("referenz: unbekanntes Verfahren %s", a.Verfahren)
	}
	req, err := p.baue(proc, a)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.gesendet[a.Nummer] = req
	p.mu.Unlock()
	for versuch := 1; ; versuch++ {
		raw, err := p.sende(ctx, proc, req)
		code := inge.FaultCode(err)
		if (code == "F301" || code == "F302" || code == "F303") && versuch < 3 && p.Fehler != KeinErneuterVersuch {
			select {
			case <-time.After(p.Pause):
			case <-ctx.Done():
				return ctx.Err()
			}
			continue
		}
		var fault *soap.Fault
		if err != nil && !errors.As(err, &fault) {
			return err
		}
		p.zeige(raw)
		if err == nil && p.Fehler == ErneutSenden && strings.Contains(string(raw), "<Status>verarbeitet</Status>") && !slices.Contains([]string{"Teilnehmerauskunft", "Kursauskunft", "LidPruefungAuskunft"}, a.Verfahren) {
			_, _ = p.sende(ctx, proc, req) // "to be sure"
		}
		return nil
	}
}

// baue builds the request from the task's fields, as the operator entered
// them; a Fehler changes what it builds.
func (p *Produkt) baue(proc *inge.Procedure, a abnahme.Aufgabe) (inge.Request, error) {
	if p.Fehler == KorrekturIgnoriert && a.Nummer > 1 {
		p.mu.Lock()
		prev, ok := p.gesendet[a.Nummer-1]
		p.mu.Unlock()
		if ok {
			return prev, nil // the old message, unchanged
		}
	}
	req := proc.NewRequest()
	req.Base().Mandant.Traegernummer = p.traeger
	for _, f := range a.Felder {
		if p.Fehler.laesstWeg(f.Feld) {
			continue
		}
		if err := f.Setzen(req); err != nil {
			return nil, fmt.Errorf("referenz: %s: %w", a.Fall, err)
		}
	}
	if p.Fehler == FalschePerson {
		return vertausche(proc, req), nil
	}
	return req, nil
}

// sende sends one request and returns the answer as it came.
func (p *Produkt) sende(ctx context.Context, proc *inge.Procedure, req inge.Request) ([]byte, error) {
	var raw []byte
	c := *p.client
	c.Observe = func(ex inge.Exchange) { raw = ex.Response }
	err := c.Call(ctx, proc, req, proc.NewResponse())
	return raw, err
}

// zeige is what the product shows of an answer: its Meldungen and every
// value, unless it ignores Meldungen or does not keep the numbers InGe
// hands out.
func (p *Produkt) zeige(raw []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var element string
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			element = t.Name.Local
		case xml.CharData:
			s := strings.TrimSpace(string(t))
			switch {
			case s == "":
			case p.Fehler == MeldungenIgnorieren && slices.Contains([]string{"Code", "Art", "Text", "Feld"}, element):
			case p.Fehler == NummerNichtAngezeigt && slices.Contains([]string{"Kurskennung", "Pruefungsnummer"}, element):
			default:
				p.angezeigt = append(p.angezeigt, s)
				if t, err := inge.Datum(s).Time(); err == nil {
					p.angezeigt = append(p.angezeigt, t.Format("02.01.2006")) // as its screens show a date
				}
			}
		}
	}
}

// Abwarten: the product has sent everything by the time Ausfuehren
// returns, so there is nothing to wait for.
func (p *Produkt) Abwarten(context.Context, abnahme.Aufgabe) bool { return false }

// Fragen answers from what the product showed.
func (p *Produkt) Fragen(_ context.Context, f abnahme.Frage) (abnahme.Antwort, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	want := f.Meldung
	if want == "" {
		want = f.Wert
	}
	if slices.Contains(p.angezeigt, want) {
		return abnahme.Ja, nil
	}
	return abnahme.Nein, nil
}

// Melde: the product has no use for the judgement's lines.
func (p *Produkt) Melde(string) {}

// vertausche gives every person after the first of a request the
// Geburtsdatum of the first: a product that keeps the birth date of the
// person selected before.
func vertausche(proc *inge.Procedure, req inge.Request) inge.Request {
	raw, err := xml.Marshal(req)
	if err != nil {
		return req
	}
	var first []byte
	n := 0
	out := geburtsdatumRE.ReplaceAllFunc(raw, func(m []byte) []byte {
		if n++; n == 1 {
			first = geburtsdatumRE.FindSubmatch(m)[1]
			return m
		}
		return []byte("<Geburtsdatum>" + string(first) + "</Geburtsdatum>")
	})
	fresh := proc.NewRequest()
	if n < 2 || xml.Unmarshal(out, fresh) != nil {
		return req
	}
	return fresh
}

var geburtsdatumRE = regexp.MustCompile(`<Geburtsdatum>([^<]*)</Geburtsdatum>`)

// umschreiber rewrites the body of every request, as a product with a
// bug in its XML would send it.
type umschreiber struct {
	next    http.RoundTripper
	rewrite func([]byte) []byte
}

func (u umschreiber) RoundTrip(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	_ = r.Body.Close()
	body = u.rewrite(body)
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	return u.next.RoundTrip(r2)
}
