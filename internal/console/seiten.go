package console

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// zustand is what the pages show of a sandbox: never a password.
type zustand struct {
	Name          string
	Erstellt      time.Time
	Benutzer      []mockstate.Benutzer
	Jetzt         time.Time
	Eingefroren   bool
	Faults        sandbox.Faults
	Warteschlange int
}

// zustandVon reads the state of sb.
func zustandVon(ctx context.Context, sb *sandbox.Sandbox) (zustand, error) {
	z := zustand{Name: sb.Name, Erstellt: sb.Created, Faults: sb.Faults()}
	err := sb.Use(func(st *mockstate.Store) error {
		var err error
		if z.Benutzer, err = st.Users(ctx); err != nil {
			return err
		}
		if z.Warteschlange, err = st.WarteschlangeLaenge(ctx); err != nil {
			return err
		}
		return st.View(ctx, func(tx *mockstate.Tx) (err error) {
			z.Jetzt, z.Eingefroren, err = tx.Clock(ctx)
			return err
		})
	})
	if err != nil {
		return zustand{}, fmt.Errorf("sandbox %s: %w", sb.Name, err)
	}
	return z, nil
}

// leiste is the trainer's strip on every page of a sandbox: its clock and
// its faults, with the one-click controls.
type leiste struct {
	zustand
	Hier string
}

func (c *Console) leisteFuer(r *http.Request, sb *sandbox.Sandbox) (*leiste, error) {
	z, err := zustandVon(r.Context(), sb)
	if err != nil {
		return nil, err
	}
	return &leiste{zustand: z, Hier: hier(r)}, nil
}

// uebersicht lists the sandboxes and offers to create one.
func (c *Console) uebersicht(w http.ResponseWriter, r *http.Request) error {
	var list []zustand
	for _, sb := range c.cfg.Sandboxes.List() {
		z, err := zustandVon(r.Context(), sb)
		if errors.Is(err, sandbox.ErrNotFound) {
			continue // removed while listing
		}
		if err != nil {
			return err
		}
		list = append(list, z)
	}
	return c.render(w, http.StatusOK, "uebersicht", seite{Titel: "Sandboxes", Aktiv: "sandboxes", Hier: hier(r), Inhalt: struct {
		Sandboxes []zustand
		Traeger   any
		Zeilen    []int
	}{list, c.paket.Traeger, []int{0, 1, 2}}})
}

// sandboxAnlegen creates a sandbox with up to three users through the
// admin API, which checks them.
func (c *Console) sandboxAnlegen(w http.ResponseWriter, r *http.Request) error {
	type zugang struct {
		Name          string `json:"name"`
		Passwort      string `json:"passwort"`
		Traegernummer string `json:"traegernummer"`
	}
	body := struct {
		Name     string   `json:"name"`
		Benutzer []zugang `json:"benutzer"`
	}{Name: strings.TrimSpace(r.PostFormValue("name")), Benutzer: []zugang{}}
	for i := range 3 {
		z := zugang{
			Name:          strings.TrimSpace(r.PostFormValue(fmt.Sprintf("benutzer%d", i))),
			Passwort:      r.PostFormValue(fmt.Sprintf("passwort%d", i)),
			Traegernummer: r.PostFormValue(fmt.Sprintf("traeger%d", i)),
		}
		if z.Name != "" || z.Passwort != "" {
			body.Benutzer = append(body.Benutzer, z)
		}
	}
	if err := c.api(r, http.MethodPost, "/sandboxes", body, nil); err != nil {
		return err
	}
	http.Redirect(w, r, Prefix+"sandboxes/"+url.PathEscape(body.Name), http.StatusSeeOther)
	return nil
}

// maskenEintrag is a procedure in the list of Web-Masken.
type maskenEintrag struct {
	Name  string
	Write bool
}

func masken() []maskenEintrag {
	var out []maskenEintrag
	for _, p := range inge.Procedures() {
		out = append(out, maskenEintrag{Name: p.Name, Write: p.Write})
	}
	return out
}

// sandboxSeite shows one sandbox: users, clock, faults and the way to its
// journal and Web-Masken.
func (c *Console) sandboxSeite(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	l, err := c.leisteFuer(r, sb)
	if err != nil {
		return err
	}
	return c.render(w, http.StatusOK, "sandbox", seite{Titel: "Sandbox " + sb.Name, Sandbox: sb.Name, Leiste: l, Hier: hier(r), Aktiv: "sandbox", Inhalt: struct {
		Zustand   zustand
		Masken    []maskenEintrag
		Standard  bool
		Latenzen  []string
		Loeschbar bool
	}{l.zustand, masken(), sb.Name == sandbox.Standard, latenzen, sb.Name != sandbox.Standard}})
}

// latenzen are the latencies the console offers; the admin API takes any
// up to 60 s.
var latenzen = []string{"0s", "200ms", "500ms", "1s", "2s", "5s", "10s", "30s"}

func (c *Console) sandboxZuruecksetzen(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	if err := c.api(r, http.MethodPost, "/sandboxes/"+url.PathEscape(sb.Name)+"/reset", nil, nil); err != nil {
		return err
	}
	zurueck(w, r, Prefix+"sandboxes/"+url.PathEscape(sb.Name))
	return nil
}

// loeschenSeite asks before a sandbox is removed.
func (c *Console) loeschenSeite(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	z, err := zustandVon(r.Context(), sb)
	if err != nil {
		return err
	}
	return c.render(w, http.StatusOK, "loeschen", seite{Titel: "Sandbox " + sb.Name + " löschen", Sandbox: sb.Name, Hier: hier(r), Inhalt: z})
}

func (c *Console) sandboxLoeschen(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("bestaetigt") != "ja" {
		return ungueltig("Das Löschen der Sandbox %q ist nicht bestätigt.", sb.Name)
	}
	if err := c.api(r, http.MethodDelete, "/sandboxes/"+url.PathEscape(sb.Name), nil, nil); err != nil {
		return err
	}
	http.Redirect(w, r, Prefix, http.StatusSeeOther)
	return nil
}

// uhrJSON is the clock as the admin API shows it.
type uhrJSON struct {
	Now    time.Time `json:"now"`
	Frozen bool      `json:"frozen"`
}

// uhrStellen is the one-click control of the clock: a day or a week on or
// back, freeze, run, set a day, back to real time.
func (c *Console) uhrStellen(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	path := "/sandboxes/" + url.PathEscape(sb.Name) + "/clock"
	var u uhrJSON
	if err := c.api(r, http.MethodGet, path, nil, &u); err != nil {
		return err
	}
	advance := func(by string) error {
		return c.api(r, http.MethodPost, path+"/advance", map[string]string{"by": by}, nil)
	}
	put := func(now time.Time, frozen bool) error {
		return c.api(r, http.MethodPut, path, map[string]any{"now": now.UTC().Format(time.RFC3339), "frozen": frozen}, nil)
	}
	switch a := r.PostFormValue("_aktion"); a {
	case "tag+":
		err = advance("24h")
	case "woche+":
		err = advance("168h")
	case "tag-":
		err = advance("-24h")
	case "woche-":
		err = advance("-168h")
	case "einfrieren":
		err = put(u.Now, true)
	case "laufen":
		err = put(u.Now, false)
	case "echtzeit":
		err = c.api(r, http.MethodDelete, path, nil, nil)
	case "setzen":
		d, perr := time.ParseInLocation(time.DateOnly+" 15:04", r.PostFormValue("datum")+" "+cmp.Or(r.PostFormValue("uhrzeit"), "09:00"), germany)
		if perr != nil {
			return ungueltig("%q %q ist kein Tag mit Uhrzeit (JJJJ-MM-TT, HH:MM).", r.PostFormValue("datum"), r.PostFormValue("uhrzeit"))
		}
		err = put(d, u.Frozen)
	default:
		return ungueltig("Unbekannte Aktion %q für die Uhr.", a)
	}
	if err != nil {
		return err
	}
	zurueck(w, r, Prefix+"sandboxes/"+url.PathEscape(sb.Name))
	return nil
}

// stoerungenJSON is the faults as the admin API shows and takes them.
type stoerungenJSON struct {
	Ausfall              bool   `json:"ausfall"`
	Latenz               string `json:"latenz"`
	NaechsteFehlschlagen int    `json:"naechsteFehlschlagen"`
	// AusfallFuer, the targeted outages, is kept as it is when another
	// fault is switched.
	AusfallFuer json.RawMessage `json:"ausfallFuer,omitempty"`
}

// stoerungenSetzen switches one fault and keeps the others: the admin API's
// PUT replaces them all.
func (c *Console) stoerungenSetzen(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	path := "/sandboxes/" + url.PathEscape(sb.Name) + "/stoerungen"
	var s stoerungenJSON
	if err := c.api(r, http.MethodGet, path, nil, &s); err != nil {
		return err
	}
	switch a := r.PostFormValue("_aktion"); a {
	case "ausfall-an":
		s.Ausfall = true
	case "ausfall-aus":
		s.Ausfall = false
	case "latenz":
		s.Latenz = r.PostFormValue("latenz")
	case "fehlschlagen":
		n, err := strconv.Atoi(r.PostFormValue("anzahl"))
		if err != nil {
			return ungueltig("%q ist keine Anzahl.", r.PostFormValue("anzahl"))
		}
		s.NaechsteFehlschlagen = n
	case "aufheben":
		s = stoerungenJSON{}
	default:
		return ungueltig("Unbekannte Aktion %q für die Störungen.", a)
	}
	if err := c.api(r, http.MethodPut, path, s, nil); err != nil {
		return err
	}
	zurueck(w, r, Prefix+"sandboxes/"+url.PathEscape(sb.Name))
	return nil
}

// testdatenSeite shows the Testdatenpaket: the Traeger with their users
// (no passwords), the Lehrwerke, and every case with what it is for.
func (c *Console) testdatenSeite(w http.ResponseWriter, r *http.Request) error {
	return c.render(w, http.StatusOK, "testdaten", seite{Titel: "Testdatenpaket", Aktiv: "testdaten", Hier: hier(r), Inhalt: c.paket})
}
