package console

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/inge-harness/inge-harness/internal/abnahme"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// The acceptance page of a sandbox prepared for the acceptance of a
// vendor's software (certrunner -abnahme -vorbereiten): the Testfallheft's
// cases with their verdicts from the sandbox's journal, the next case to do
// with its instructions, and the verdicts turning as the product's
// requests arrive (konsole.js asks abnahme/stand). The judgement is the
// evaluation of package abnahme, run in-process against the admin API; it
// runs again only when the journal has grown.

// abnahmeStand is one evaluation of a sandbox, kept until its journal
// grows.
type abnahmeStand struct {
	letzte   [2]int64 // the newest entries of the sandbox and of the standard sandbox
	ergebnis abnahme.Ergebnis
	fehler   string // why the sandbox cannot be evaluated
}

// abnahmen keeps the evaluations by sandbox; one evaluation at a time.
type abnahmen struct {
	mu    sync.Mutex
	stand map[string]*abnahmeStand
}

// inProzess sends the admin API's requests to its handler in-process.
type inProzess struct{ h http.Handler }

func (t inProzess) RoundTrip(r *http.Request) (*http.Response, error) {
	var p puffer
	t.h.ServeHTTP(&p, r)
	return &http.Response{StatusCode: p.status(), Status: http.StatusText(p.status()), Header: p.Header(), Body: io.NopCloser(&p.body), Request: r}, nil
}

// bewerten evaluates the sandbox's journal, or returns the evaluation of
// the same journal.
func (c *Console) bewerten(r *http.Request, sb *sandbox.Sandbox) (*abnahmeStand, error) {
	letzte, err := c.neuesteEintraege(r, sb.Name)
	if err != nil {
		return nil, err
	}
	c.abnahmen.mu.Lock()
	defer c.abnahmen.mu.Unlock()
	if s, ok := c.abnahmen.stand[sb.Name]; ok && s.letzte == letzte {
		return s, nil
	}
	s := &abnahmeStand{letzte: letzte}
	res, err := abnahme.Run(context.WithoutCancel(r.Context()), abnahme.Config{
		Modus: abnahme.Auswerten, Sandbox: sb.Name,
		Endpoint: c.cfg.SOAPPath, Admin: "http://admin.intern", Transport: inProzess{c.cfg.API},
	})
	if err != nil {
		s.fehler = err.Error()
	}
	s.ergebnis = res
	if c.abnahmen.stand == nil {
		c.abnahmen.stand = map[string]*abnahmeStand{}
	}
	c.abnahmen.stand[sb.Name] = s
	return s, nil
}

// neuesteEintraege are the IDs of the newest journal entries of the
// sandbox and of the standard sandbox, where refused requests are.
func (c *Console) neuesteEintraege(r *http.Request, name string) ([2]int64, error) {
	var out [2]int64
	for i, sb := range []string{name, sandbox.Standard} {
		var es []struct {
			ID int64 `json:"id"`
		}
		if err := c.api(r, http.MethodGet, "/sandboxes/"+url.PathEscape(sb)+"/journal?limit=1", nil, &es); err != nil {
			return out, err
		}
		if len(es) > 0 {
			out[i] = es[0].ID
		}
	}
	return out, nil
}

// vorbereitet reports whether the sandbox has the tool's own users of an
// acceptance.
func vorbereitet(z zustand) bool {
	for _, u := range z.Benutzer {
		if strings.Contains(u.Name, ".vorbereitung-") {
			return true
		}
	}
	return false
}

// fallZeile is a case as the page shows it.
type fallZeile struct {
	ID, Titel, Verfahren string
	Urteil               string // bestanden, nicht bestanden, manuell zu prüfen, ausstehend
	Klasse               string // ok, fehler, offen, aus
	Befunde              []string
}

// zeilen are the cases with their state; a case no request of the
// product has reached yet is "ausstehend", not failed, on this page.
func zeilen(res abnahme.Ergebnis) (out []fallZeile, aktuell *abnahme.FallErgebnis) {
	for _, f := range res.Faelle {
		if f.Urteil == abnahme.NichtVorbereitet {
			continue // not part of this sandbox's acceptance
		}
		z := fallZeile{ID: f.Info.ID, Titel: f.Info.Titel, Verfahren: f.Info.Verfahren, Urteil: string(f.Urteil)}
		gesendet := false
		for _, e := range f.Anfragen {
			if !e.Vorbereitung() {
				gesendet = true
			}
		}
		switch {
		case !gesendet:
			z.Urteil, z.Klasse = "ausstehend", "aus"
		case f.Urteil == abnahme.Bestanden:
			z.Klasse = "ok"
		case f.Urteil == abnahme.NichtBestanden:
			z.Klasse = "fehler"
		default:
			z.Klasse = "offen"
		}
		if gesendet {
			for _, b := range f.AlleBefunde() {
				z.Befunde = append(z.Befunde, b.String())
			}
		}
		if aktuell == nil && z.Klasse != "ok" && z.Klasse != "offen" {
			aktuell = f
		}
		out = append(out, z)
	}
	return out, aktuell
}

func (c *Console) abnahmeSeite(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	l, err := c.leisteFuer(r, sb)
	if err != nil {
		return err
	}
	inhalt := struct {
		Vorbereitet bool
		Fehler      string
		Faelle      []fallZeile
		Aktuell     *abnahme.FallErgebnis
		Zaehlung    map[string]int
		Hinweis     string
		// Vorbereiten is the command that prepares a sandbox of this mock.
		Vorbereiten string
	}{Vorbereitet: vorbereitet(l.zustand), Hinweis: abnahme.Hinweis, Vorbereiten: c.vorbereitenBefehl()}
	if inhalt.Vorbereitet {
		s, err := c.bewerten(r, sb)
		if err != nil {
			return err
		}
		inhalt.Fehler = s.fehler
		inhalt.Faelle, inhalt.Aktuell = zeilen(s.ergebnis)
		inhalt.Zaehlung = zaehlung(inhalt.Faelle)
	}
	return c.render(w, http.StatusOK, "abnahme", seite{Titel: "Abnahme in " + sb.Name, Sandbox: sb.Name, Leiste: l, Hier: hier(r), Aktiv: "abnahme", Inhalt: inhalt})
}

// vorbereitenBefehl is the certrunner command that prepares an acceptance
// against this mock, with its addresses.
func (c *Console) vorbereitenBefehl() string {
	endpoint, admin := c.cfg.Endpoint, c.cfg.AdminURL
	if endpoint == "" {
		endpoint = "http://127.0.0.1:8080/inge"
	}
	if admin == "" {
		admin = "http://127.0.0.1:8081"
	}
	return "certrunner -abnahme -vorbereiten -endpoint " + endpoint + " -admin " + admin + " -zugang zugang.env"
}

func zaehlung(fs []fallZeile) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Urteil]++
	}
	return out
}

// abnahmeStandJSON is what the page asks every few seconds: each case's
// state, and the next case, so that it reloads when that one changes.
type abnahmeStandJSON struct {
	Faelle  []fallStandJSON `json:"faelle"`
	Aktuell string          `json:"aktuell"`
}

type fallStandJSON struct {
	ID     string `json:"id"`
	Urteil string `json:"urteil"`
	Klasse string `json:"klasse"`
}

func (c *Console) abnahmeStandAbfragen(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	s, err := c.bewerten(r, sb)
	if err != nil {
		return err
	}
	out := abnahmeStandJSON{Faelle: []fallStandJSON{}}
	fs, aktuell := zeilen(s.ergebnis)
	for _, f := range fs {
		out.Faelle = append(out.Faelle, fallStandJSON{ID: f.ID, Urteil: f.Urteil, Klasse: f.Klasse})
	}
	if aktuell != nil {
		out.Aktuell = aktuell.Info.ID
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(out)
}
