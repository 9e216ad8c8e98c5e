package abnahme

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/buildinfo"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/junit"
	"github.com/inge-harness/inge-harness/internal/xmltext"
)

// The reports of an acceptance, the evidence a vendor keeps: the protocol
// for people (protokoll.html), and for CI servers junit.xml and
// cucumber.json, in which a case "manuell zu prüfen" is skipped (JUnit) or
// pending (Cucumber), never passed.
const (
	junitDatei     = "junit.xml"
	cucumberDatei  = "cucumber.json"
	protokollDatei = "protokoll.html"
)

// Hinweis is the plain statement every report makes.
const Hinweis = "Der Vertrag (WSDL, XSD, Fehlerkatalog) ist aus öffentlichen Quellen rekonstruiert; die Schnittstellendokumentation des BAMF ist nicht öffentlich. Dieser Bericht ist eine Vorbereitung, nicht die Abnahme durch das BAMF."

func schreibeBerichte(dir string, l *lauf) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("abnahme: Berichtsverzeichnis: %w", err)
	}
	var files []string
	for _, r := range []struct {
		name  string
		write func(*lauf) ([]byte, error)
	}{{junitDatei, junitBericht}, {cucumberDatei, cucumberBericht}, {protokollDatei, protokoll}} {
		b, err := r.write(l)
		if err != nil {
			return files, fmt.Errorf("abnahme: %s: %w", r.name, err)
		}
		f := filepath.Join(dir, r.name)
		if err := os.WriteFile(f, b, 0o644); err != nil {
			return files, fmt.Errorf("abnahme: %w", err)
		}
		files = append(files, f)
	}
	return files, nil
}

// dateien groups the cases by their feature file, in the order of the run.
func dateien(faelle []*FallErgebnis) (order []string, by map[string][]*FallErgebnis) {
	by = map[string][]*FallErgebnis{}
	for _, f := range faelle {
		if _, ok := by[f.Info.Datei]; !ok {
			order = append(order, f.Info.Datei)
		}
		by[f.Info.Datei] = append(by[f.Info.Datei], f)
	}
	return order, by
}

func junitBericht(l *lauf) ([]byte, error) {
	doc := junit.Suites{}
	order, by := dateien(l.ergebnis.Faelle)
	host, _ := os.Hostname()
	for i, d := range order {
		classname := "abnahme." + strings.TrimSuffix(path.Base(d), ".feature")
		s := junit.Suite{ID: i, Package: "abnahme", Name: junit.Token(d), Hostname: host, Timestamp: junit.Timestamp(l.ergebnis.Beginn),
			Properties: []junit.Property{{Name: "produkt", Value: l.cfg.Produkt + " " + l.cfg.ProduktVersion}, {Name: "sandbox", Value: l.zugang.Sandbox}, {Name: "hinweis", Value: Hinweis}}}
		for _, f := range by[d] {
			c := junit.Case{Name: junit.Token(f.Info.ID + " " + f.Info.Titel), Classname: classname, Time: junit.Seconds(0)}
			switch f.Urteil {
			case NichtBestanden:
				var lines []string
				for _, b := range f.AlleBefunde() {
					lines = append(lines, b.String())
				}
				c.Failure = &junit.Problem{Message: lines[0], Type: string(NichtBestanden), Text: strings.Join(lines, "\n")}
			case Manuell:
				var qs []string
				for _, q := range f.Fragen {
					if q.Antwort == Offen {
						qs = append(qs, q.Frage.Text)
					}
				}
				c.Skipped = &junit.Skipped{Message: "manuell zu prüfen: " + strings.Join(qs, " ")}
			case Uebersprungen, NichtVorbereitet:
				c.Skipped = &junit.Skipped{Message: string(f.Urteil)}
			}
			s.Cases = append(s.Cases, c)
		}
		s.Count(l.ergebnis.Ende.Sub(l.ergebnis.Beginn))
		doc.Suites = append(doc.Suites, s)
	}
	return junit.Marshal(doc)
}

// AlleBefunde are the findings of the steps and of the case as a whole.
func (f *FallErgebnis) AlleBefunde() []Befund {
	var out []Befund
	for _, s := range f.Schritte {
		out = append(out, s.Befunde...)
	}
	return append(out, f.Befunde...)
}

// The Cucumber JSON, as cucumber-html-reporter and the CI plugins read it.
type (
	cukeFeature struct {
		URI         string        `json:"uri"`
		ID          string        `json:"id"`
		Keyword     string        `json:"keyword"`
		Name        string        `json:"name"`
		Description string        `json:"description"`
		Line        int           `json:"line"`
		Elements    []cukeElement `json:"elements"`
	}
	cukeElement struct {
		ID      string     `json:"id"`
		Keyword string     `json:"keyword"`
		Name    string     `json:"name"`
		Line    int        `json:"line"`
		Type    string     `json:"type"`
		Tags    []cukeTag  `json:"tags"`
		Steps   []cukeStep `json:"steps"`
	}
	cukeTag struct {
		Name string `json:"name"`
		Line int    `json:"line"`
	}
	cukeStep struct {
		Keyword string     `json:"keyword"`
		Name    string     `json:"name"`
		Line    int        `json:"line"`
		Result  cukeResult `json:"result"`
	}
	cukeResult struct {
		Status   string `json:"status"`
		Duration int64  `json:"duration"`
		Error    string `json:"error_message,omitempty"`
	}
)

// cukeStatus maps a step's status to Cucumber's.
var cukeStatus = map[string]string{
	statusBestanden: "passed", statusVorbereitet: "passed", statusFehler: "failed",
	statusOffen: "pending", statusUebersprungen: "skipped", statusUngeprueft: "skipped",
}

func cucumberBericht(l *lauf) ([]byte, error) {
	feats := []cukeFeature{}
	order, by := dateien(l.ergebnis.Faelle)
	for _, d := range order {
		cf := cukeFeature{URI: d, ID: strings.TrimSuffix(path.Base(d), ".feature"), Keyword: "Funktionalität", Name: d, Line: 1, Description: Hinweis}
		for _, f := range by[d] {
			el := cukeElement{ID: cf.ID + ";" + strings.ToLower(f.Info.ID), Keyword: "Szenario", Name: f.Info.ID + " " + f.Info.Titel, Line: 1, Type: "scenario"}
			for _, t := range f.Info.Tags {
				el.Tags = append(el.Tags, cukeTag{Name: t, Line: 1})
			}
			for _, s := range f.Schritte {
				st := cukeStep{Keyword: s.Schluesselwort + " ", Name: s.Text, Line: 1, Result: cukeResult{Status: cukeStatus[s.Status]}}
				var errs []string
				for _, b := range s.Befunde {
					errs = append(errs, b.String())
				}
				if s.Status == statusOffen {
					errs = append(errs, "manuell zu prüfen")
				}
				st.Result.Error = strings.Join(errs, "\n")
				el.Steps = append(el.Steps, st)
			}
			if len(f.Befunde) > 0 { // the checks after the last step
				var errs []string
				for _, b := range f.Befunde {
					errs = append(errs, b.String())
				}
				el.Steps = append(el.Steps, cukeStep{Keyword: "Und ", Name: "für die Daten dieses Testfalls kommt sonst nichts an", Line: 1, Result: cukeResult{Status: "failed", Error: strings.Join(errs, "\n")}})
			}
			cf.Elements = append(cf.Elements, el)
		}
		feats = append(feats, cf)
	}
	return json.MarshalIndent(feats, "", "  ")
}

//go:embed protokoll.html.tmpl
var protokollVorlage string

var protokollTmpl = template.Must(template.New("protokoll").Funcs(template.FuncMap{
	"klasse": func(u Urteil) string {
		return map[Urteil]string{Bestanden: "ok", NichtBestanden: "fehler", Manuell: "offen", Uebersprungen: "offen", NichtVorbereitet: "vor"}[u]
	},
	"schrittKlasse": func(s string) string {
		return map[string]string{statusBestanden: "ok", statusVorbereitet: "vor", statusFehler: "fehler", statusOffen: "offen", statusUebersprungen: "offen", statusUngeprueft: "offen"}[s]
	},
	"antwort": func(a Antwort) string {
		return map[Antwort]string{Offen: "offen (manuell zu prüfen)", Ja: "ja", Nein: "nein"}[a]
	},
	"xml":      func(s string) string { return xmltext.Indent([]byte(s)) },
	"ergebnis": ergebnisText,
	"zeit":     func(t time.Time) string { return t.In(berlin).Format("02.01.2006 15:04:05") },
}).Parse(protokollVorlage))

// protokollView is what the protocol shows.
type protokollView struct {
	Hinweis                    string
	Produkt, ProduktVersion    string
	Werkzeug, Commit, Vertrag  string
	Modus, Sandbox, Abnahmetag string
	Beginn, Ende               time.Time
	Passwort                   string
	Zaehlung                   []zaehlung
	Faelle                     []*FallErgebnis
	OhneFall                   []*eingang
}

type zaehlung struct {
	Urteil Urteil
	Anzahl int
}

func protokoll(l *lauf) ([]byte, error) {
	bi := buildinfo.Read()
	v := protokollView{
		Hinweis: Hinweis, Produkt: l.cfg.Produkt, ProduktVersion: l.cfg.ProduktVersion,
		Werkzeug: bi.Version, Commit: bi.CommitText(), Vertrag: inge.ContractVersion,
		Modus:   map[Modus]string{Interaktiv: "interaktiv (Bediener)", Auswerten: "Auswertung des Journals"}[l.cfg.Modus],
		Sandbox: l.zugang.Sandbox, Abnahmetag: l.heft.abnahmetag, Beginn: l.ergebnis.Beginn, Ende: l.ergebnis.Ende,
		Passwort: "beide Arten",
		Faelle:   l.ergebnis.Faelle, OhneFall: l.zuo.ohneFall(),
	}
	if l.cfg.PasswortArt != 0 {
		v.Passwort = passwortName(l.cfg.PasswortArt)
	}
	for _, u := range []Urteil{Bestanden, NichtBestanden, Manuell, Uebersprungen, NichtVorbereitet} {
		v.Zaehlung = append(v.Zaehlung, zaehlung{u, l.ergebnis.Zaehle(u)})
	}
	var b bytes.Buffer
	if err := protokollTmpl.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
