package console

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

// seite is what every page's layout shows.
type seite struct {
	Titel   string
	Sandbox string  // the sandbox the page is about, or ""
	Leiste  *leiste // the trainer's strip of a sandbox page, or nil
	Hier    string  // this page's path and query, for the forms that come back to it
	Aktiv   string  // the navigation entry to mark
	Inhalt  any     // the page's own data
}

var funktionen = template.FuncMap{
	"zeit": func(t time.Time) string {
		return t.In(germany).Format("02.01.2006 15:04:05")
	},
	"tag": func(t time.Time) string {
		days := [...]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}
		t = t.In(germany)
		return days[t.Weekday()] + ", " + t.Format("02.01.2006 15:04")
	},
	"dauer": func(d time.Duration) string {
		if d < time.Millisecond {
			return fmt.Sprintf("%d µs", d.Microseconds())
		}
		return fmt.Sprintf("%d ms", d.Milliseconds())
	},
	"esc": url.PathEscape,
	// dict passes named values to a shared template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict: %d arguments, want pairs", len(kv))
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict: key %v is no string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	"lower": strings.ToLower,
}

// parseVorlagen parses each page with the layout and the shared parts.
func (c *Console) parseVorlagen() error {
	basis, err := template.New("basis").Funcs(funktionen).ParseFS(vorlagenFS, "vorlagen/_*.html")
	if err != nil {
		return fmt.Errorf("vorlagen: %w", err)
	}
	names, err := fs.Glob(vorlagenFS, "vorlagen/[a-z]*.html")
	if err != nil {
		return fmt.Errorf("vorlagen: %w", err)
	}
	c.seiten = map[string]*template.Template{}
	for _, n := range names {
		t, err := template.Must(basis.Clone()).ParseFS(vorlagenFS, n)
		if err != nil {
			return fmt.Errorf("vorlagen: %w", err)
		}
		c.seiten[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	c.zeile = c.seiten["journal"].Lookup("zeile")
	if c.zeile == nil {
		return fmt.Errorf("vorlagen: journal.html defines no zeile")
	}
	return nil
}

// render writes page name with status.
func (c *Console) render(w http.ResponseWriter, status int, name string, s seite) error {
	t, ok := c.seiten[name]
	if !ok {
		return fmt.Errorf("no page %s", name)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "_layout", s); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes()) // the status is sent; a broken connection has no one to tell
	return nil
}

func (c *Console) fehlerSeite(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s := seite{Titel: "Fehler", Inhalt: struct {
		Status int
		Text   string
	}{status, msg}}
	if err := c.render(w, status, "fehler", s); err != nil {
		c.log.Error("console: error page", "err", err)
		http.Error(w, msg, status)
	}
}

// hier is the path and query of r, for a form's way back.
func hier(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return r.URL.Path
	}
	return r.URL.Path + "?" + r.URL.RawQuery
}
