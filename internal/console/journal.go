package console

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
)

// eintrag is a journal entry as the admin API shows it with xml=1.
type eintrag = mockadmin.Eintrag

// zeile is a journal entry as the console shows it.
type zeile struct {
	eintrag
	Sandbox   string
	Klasse    string // ok, abgelehnt, angenommen, fault: the colour of the outcome
	Meldungen []inge.Meldung
	Fault     string // faultstring of a Fault
	Maske     bool   // the request can be opened in a Web-Maske
}

// Link is the entry's own page.
func (z zeile) Link() string {
	return fmt.Sprintf("%ssandboxes/%s/journal/%d?zeit=%s", Prefix, url.PathEscape(z.Sandbox), z.ID, url.QueryEscape(z.Zeit.Format(time.RFC3339Nano)))
}

// MaskeLink opens the entry's request in the Web-Maske of its procedure.
func (z zeile) MaskeLink() string {
	return fmt.Sprintf("%ssandboxes/%s/maske/%s?eintrag=%d&zeit=%s", Prefix, url.PathEscape(z.Sandbox), url.PathEscape(z.Operation), z.ID, url.QueryEscape(z.Zeit.Format(time.RFC3339Nano)))
}

// zeileAus reads the outcome of an exchange from its response.
func zeileAus(sb string, e eintrag) zeile {
	z := zeile{eintrag: e, Sandbox: sb, Klasse: "fault"}
	_, z.Maske = procedure(e.Operation)
	switch inge.Status(e.Ergebnis) {
	case inge.StatusVerarbeitet, inge.StatusGeprueft:
		z.Klasse = "ok"
	case inge.StatusAbgelehnt:
		z.Klasse = "abgelehnt"
	case inge.StatusAngenommen:
		z.Klasse = "angenommen"
	}
	_, antwort := e.Kanonisch()
	z.Meldungen, z.Fault = meldungenAus([]byte(antwort))
	return z
}

// meldungenAus reads the Meldungen of a response; a Fault's detail gives
// one per deviation from the schema (F108), else its own code and field.
func meldungenAus(antwort []byte) ([]inge.Meldung, string) {
	var a struct{ inge.Antwort }
	err := soap.DecodeResponse(bytes.NewReader(antwort), &a)
	var f *soap.Fault
	if !errors.As(err, &f) {
		return a.List(), ""
	}
	if f.Detail == nil {
		return nil, f.String
	}
	var out []inge.Meldung
	for _, d := range f.Detail.Deviations {
		out = append(out, inge.Meldung{Code: f.Detail.Code, Art: inge.ArtFehler, Feld: d.Field, Text: d.Text})
	}
	if len(out) == 0 {
		out = append(out, inge.Meldung{Code: f.Detail.Code, Art: inge.ArtFehler, Feld: f.Detail.Field, Text: f.Detail.Text})
	}
	return out, f.String
}

func procedure(name string) (*inge.Procedure, bool) {
	return inge.Lookup(xmlName(name))
}

// journalFilter turns the console's filter form into the admin API's
// query, which checks it: von and bis come from datetime-local fields, in
// German time.
func journalFilter(q url.Values) (url.Values, error) {
	out := url.Values{}
	for _, key := range []string{"operation", "ergebnis", "limit"} {
		if v := strings.TrimSpace(q.Get(key)); v != "" {
			out.Set(key, v)
		}
	}
	for _, key := range []string{"von", "bis"} {
		v := q.Get(key)
		if v == "" {
			continue
		}
		t, err := time.ParseInLocation("2006-01-02T15:04", v, germany)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, v); err != nil {
				return nil, ungueltig("%s %q ist kein Zeitpunkt (JJJJ-MM-TTTHH:MM).", key, v)
			}
		}
		out.Set(key, t.UTC().Format(time.RFC3339))
	}
	return out, nil
}

// standardLimit is how many entries the journal page shows without a
// limit of its own: the newest, as the admin API orders them.
const standardLimit = 100

// journalSeite shows the journal with the admin API's filters, and keeps
// it live.
func (c *Console) journalSeite(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	q, err := journalFilter(r.URL.Query())
	if err != nil {
		return err
	}
	zip := cloneValues(q) // the download has the page's filters, but not its default limit
	if q.Get("limit") == "" {
		q.Set("limit", strconv.Itoa(standardLimit))
	}
	entries, err := c.journal(r, sb.Name, q, true)
	if err != nil {
		return err
	}
	zeilen := make([]zeile, len(entries))
	var letzte int64
	for i, e := range entries {
		zeilen[i] = zeileAus(sb.Name, e)
		letzte = max(letzte, e.ID)
	}
	l, err := c.leisteFuer(r, sb)
	if err != nil {
		return err
	}
	live := url.Values{"nach": {strconv.FormatInt(letzte, 10)}}
	for _, k := range []string{"operation", "ergebnis", "von", "bis"} {
		if v := q.Get(k); v != "" {
			live.Set(k, v)
		}
	}
	return c.render(w, http.StatusOK, "journal", seite{Titel: "Journal " + sb.Name, Sandbox: sb.Name, Leiste: l, Hier: hier(r), Aktiv: "journal", Inhalt: struct {
		Zeilen     []zeile
		Filter     url.Values
		Masken     []maskenEintrag
		Ergebnisse []string
		Live       string
		ZIP        string
	}{
		Zeilen: zeilen, Filter: r.URL.Query(), Masken: masken(),
		Ergebnisse: []string{"verarbeitet", "geprueft", "abgelehnt", "angenommen", "F108", "F301", "F302"},
		Live:       Prefix + "sandboxes/" + url.PathEscape(sb.Name) + "/journal/live?" + live.Encode(),
		ZIP:        "/sandboxes/" + url.PathEscape(sb.Name) + "/journal.zip?" + zip.Encode(),
	}})
}

// journal reads entries through the admin API, with their XML if withXML.
func (c *Console) journal(r *http.Request, sb string, q url.Values, withXML bool) ([]eintrag, error) {
	q = cloneValues(q)
	if withXML {
		q.Set("xml", "1")
	}
	var entries []eintrag
	err := c.api(r, http.MethodGet, "/sandboxes/"+url.PathEscape(sb)+"/journal?"+q.Encode(), nil, &entries)
	return entries, err
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	return out
}

// eintragSeite shows one exchange with its request and response laid out.
func (c *Console) eintragSeite(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	e, err := c.eintrag(r, sb.Name)
	if err != nil {
		return err
	}
	l, err := c.leisteFuer(r, sb)
	if err != nil {
		return err
	}
	return c.render(w, http.StatusOK, "eintrag", seite{Titel: fmt.Sprintf("Journal %s: Eintrag %d", sb.Name, e.ID), Sandbox: sb.Name, Leiste: l, Hier: hier(r), Aktiv: "journal", Inhalt: struct {
		Zeile            zeile
		Anfrage, Antwort []teil
		AnfrageText      string
	}{zeileAus(sb.Name, e), hervorheben([]byte(e.Anfrage)), hervorheben([]byte(e.Antwort)), einruecken([]byte(e.Anfrage))}})
}

// eintrag finds the entry the path names; the link carries its time, so
// that only that instant is read.
func (c *Console) eintrag(r *http.Request, sb string) (eintrag, error) {
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		return eintrag{}, nichtGefunden("Kein Eintrag %q.", mux.Vars(r)["id"])
	}
	q := url.Values{}
	if t, err := time.Parse(time.RFC3339Nano, r.URL.Query().Get("zeit")); err == nil {
		q.Set("von", t.Truncate(time.Second).Format(time.RFC3339))
		q.Set("bis", t.Truncate(time.Second).Add(time.Second).Format(time.RFC3339))
	}
	entries, err := c.journal(r, sb, q, true)
	if err != nil {
		return eintrag{}, err
	}
	for _, e := range entries {
		if e.ID == id {
			return e, nil
		}
	}
	if len(q) > 0 { // the time was not the entry's
		r2 := r.Clone(r.Context())
		r2.URL.RawQuery = ""
		return c.eintrag(r2, sb)
	}
	return eintrag{}, nichtGefunden("Im Journal der Sandbox %q gibt es keinen Eintrag %d.", sb, id)
}
