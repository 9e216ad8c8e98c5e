package certrun

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/inge-harness/inge-harness/internal/buildinfo"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/xmltext"
)

// The reports a run leaves in Config.Report.
const (
	junitFile     = "junit.xml"     // report_junit.go, from the Cucumber JSON
	cucumberFile  = "cucumber.json" // godog's cucumber formatter, with the SOAP exchanges added
	protokollFile = "protokoll.html"
)

// report writes the reports of one run into a directory. godog writes the
// Cucumber JSON; afterwards every step gets the SOAP exchanges it made as
// embeddings (report_cucumber.go), the JUnit XML is written from it
// (report_junit.go), and the HTML protocol from the scenarios' records, with
// the names, keywords and lines of the Gherkin taken from the Cucumber JSON.
type report struct {
	dir string
}

func newReport(dir string) (*report, error) {
	if strings.Contains(dir, ",") {
		// godog takes its outputs as a list "format:path,format:path".
		return nil, fmt.Errorf("certrun: Berichtsverzeichnis %q: ein Komma im Namen lässt sich godog nicht übergeben", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("certrun: Berichtsverzeichnis: %w", err)
	}
	rp := &report{dir: dir}
	// Empty the reports of an earlier run now: a run that fails to start
	// must not leave them looking like its own, and a file godog cannot
	// create would only be reported on its stderr.
	for _, f := range rp.files() {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			return nil, fmt.Errorf("certrun: Bericht: %w", err)
		}
	}
	return rp, nil
}

// formats returns godog's outputs into the directory.
func (rp *report) formats() string {
	return "cucumber:" + filepath.Join(rp.dir, cucumberFile)
}

func (rp *report) files() []string {
	return []string{filepath.Join(rp.dir, junitFile), filepath.Join(rp.dir, cucumberFile), filepath.Join(rp.dir, protokollFile)}
}

// runInfo is what the protocol says of the run as a whole.
type runInfo struct {
	cfg               Config
	runID             string
	started, finished time.Time
	result            Result
}

// write completes the reports after godog has written the Cucumber JSON:
// the exchanges into it, then the JUnit XML and the protocol from it.
func (rp *report) write(run runInfo, records []*scenarioRecord) error {
	path := filepath.Join(rp.dir, cucumberFile)
	cuke, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("certrun: Bericht: %w", err)
	}
	var features []cukeFeature
	if err := json.Unmarshal(cuke, &features); err != nil {
		return fmt.Errorf("certrun: Bericht: %s: %w", cucumberFile, err)
	}
	pairs := pairRecords(features, records)
	withExchanges, err := embedExchanges(cuke, pairs)
	if err != nil {
		return fmt.Errorf("certrun: Bericht: %s: %w", cucumberFile, err)
	}
	if err := os.WriteFile(path, withExchanges, 0o644); err != nil {
		return fmt.Errorf("certrun: Bericht: %w", err)
	}
	hostname, err := os.Hostname()
	if err != nil || hostname == "" {
		hostname = "localhost"
	}
	junit, err := junitXML(features, run.started, hostname)
	if err != nil {
		return fmt.Errorf("certrun: Bericht: %s: %w", junitFile, err)
	}
	if err := os.WriteFile(filepath.Join(rp.dir, junitFile), junit, 0o644); err != nil {
		return fmt.Errorf("certrun: Bericht: %w", err)
	}
	return rp.writeProtokoll(run, features, records, pairs)
}

// writeProtokoll renders the HTML protocol of the records.
func (rp *report) writeProtokoll(run runInfo, features []cukeFeature, records []*scenarioRecord, pairs recordPairs) error {
	view := buildProtokoll(run, features, records, pairs)
	var b bytes.Buffer
	if err := protokollTemplate.Execute(&b, view); err != nil {
		return fmt.Errorf("certrun: Protokoll: %w", err)
	}
	if err := os.WriteFile(filepath.Join(rp.dir, protokollFile), b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("certrun: Protokoll: %w", err)
	}
	return nil
}

// cukeFeature is the part of godog's Cucumber JSON the protocol uses: what
// the pickles handed to the hooks do not carry.
type cukeFeature struct {
	URI         string        `json:"uri"`
	Keyword     string        `json:"keyword"`
	Name        string        `json:"name"`
	Description string        `json:"description"`
	Elements    []cukeElement `json:"elements"`
}

type cukeElement struct {
	Keyword string     `json:"keyword"`
	Name    string     `json:"name"`
	Line    int        `json:"line"`
	Steps   []cukeStep `json:"steps"`
}

type cukeStep struct {
	Keyword string     `json:"keyword"`
	Name    string     `json:"name"`
	Line    int        `json:"line"`
	Result  cukeResult `json:"result"`
}

// cukeResult is a step's outcome: passed, failed, skipped, undefined,
// pending or ambiguous; the duration in nanoseconds.
type cukeResult struct {
	Status   string `json:"status"`
	Duration int64  `json:"duration"`
	Error    string `json:"error_message"`
}

// recordPairs maps each scenario's record to its element in the Cucumber
// JSON: feature and element index.
type recordPairs map[*scenarioRecord][2]int

// pairRecords finds the element of every record: the scenarios of a feature
// are in pickle order in both, and an element is a record's when it has its
// name and the steps that ran.
func pairRecords(features []cukeFeature, records []*scenarioRecord) recordPairs {
	byURI := map[string][]*scenarioRecord{}
	for _, rec := range records {
		byURI[rec.uri] = append(byURI[rec.uri], rec)
	}
	pairs := recordPairs{}
	for fi := range features {
		recs := byURI[features[fi].URI]
		sort.Slice(recs, func(i, j int) bool { return pickleOrder(recs[i].pickleID) < pickleOrder(recs[j].pickleID) })
		elements := features[fi].Elements
		next := 0
		for _, rec := range recs {
			for k := next; k < len(elements); k++ {
				if elements[k].matches(rec) {
					pairs[rec], next = [2]int{fi, k}, k+1
					break
				}
			}
		}
	}
	return pairs
}

// matches reports whether the element is the scenario of rec: same name,
// same steps.
func (el *cukeElement) matches(rec *scenarioRecord) bool {
	if el.Name != rec.name {
		return false
	}
	var texts []string
	for _, s := range rec.steps {
		if s.ran {
			texts = append(texts, s.text)
		}
	}
	if len(texts) != len(el.Steps) {
		return false
	}
	for i, s := range el.Steps {
		if s.Name != texts[i] {
			return false
		}
	}
	return true
}

// The view of the protocol: everything formatted, so that the template only
// places it.
type (
	protokollView struct {
		Meta           []metaRow
		OK             bool
		Szenarien      int
		Bestanden      int
		Fehlgeschlagen int
		Schritte       int
		Austausche     int
		Verfahren      []verfahrenRow
		Features       []featureView
	}
	metaRow struct{ Name, Wert string }
	// verfahrenRow is a line of the summary per procedure.
	verfahrenRow struct {
		Name                    string
		Austausche              int
		Ergebnisse              [outcomeError + 1]int // by outcome
		Mittel, Max             string
		SzenarienBestanden      int
		SzenarienFehlgeschlagen int
	}
	featureView struct {
		Anker, Name, Beschreibung, Datei string
		Bestanden, Fehlgeschlagen        int
		Szenarien                        []szenarioView
	}
	szenarioView struct {
		Anker, Schluesselwort, Name, Ort string
		OK                               bool
		Tags                             string
		Sandbox                          string
		Dauer                            string
		Aufraeumen                       string
		Schritte                         []schrittView
	}
	schrittView struct {
		Schluesselwort, Text string
		Tabelle              [][]string
		DocString            string
		Status, Klasse       string
		Dauer                string
		Fehler               string
		Austausche           []austauschView
	}
	austauschView struct {
		Verfahren, Ergebnis, Klasse string
		HTTP                        int
		Beginn, Dauer               string
		Anfrage, Antwort            string
	}
)

// ergebnisNamen are the headings of the outcome columns, by outcome.
var ergebnisNamen = [...]string{
	outcomeVerarbeitet: "verarbeitet",
	outcomeGeprueft:    "geprüft",
	outcomeAbgelehnt:   "abgelehnt",
	outcomeAngenommen:  "angenommen",
	outcomeOtherStatus: "anderer Status",
	outcomeFault:       "SOAP-Fault",
	outcomeError:       "ohne Antwort",
}

func buildProtokoll(run runInfo, features []cukeFeature, records []*scenarioRecord, pairs recordPairs) protokollView {
	byURI := map[string][]*scenarioRecord{}
	for _, rec := range records {
		byURI[rec.uri] = append(byURI[rec.uri], rec)
	}
	cukeByURI := map[string]*cukeFeature{}
	for i := range features {
		cukeByURI[features[i].URI] = &features[i]
	}
	uris := make([]string, 0, len(byURI))
	for uri := range byURI {
		uris = append(uris, uri)
	}
	sort.Strings(uris)

	v := protokollView{Meta: metaRows(run)}
	procs := map[string]*procStats{}
	for fi, uri := range uris {
		recs := byURI[uri]
		sort.Slice(recs, func(i, j int) bool { return pickleOrder(recs[i].pickleID) < pickleOrder(recs[j].pickleID) })
		fv := featureView{Anker: fmt.Sprintf("f%d", fi+1), Name: uri, Datei: uri}
		if cf := cukeByURI[uri]; cf != nil {
			fv.Name = cf.Name
			fv.Beschreibung = strings.TrimSpace(dedent(cf.Description))
		}
		for _, rec := range recs {
			var el *cukeElement
			if p, ok := pairs[rec]; ok {
				el = &features[p[0]].Elements[p[1]]
			}
			sv := scenarioView(rec, el)
			fv.Szenarien = append(fv.Szenarien, sv)
			if sv.OK {
				fv.Bestanden++
			} else {
				fv.Fehlgeschlagen++
			}
			for _, s := range rec.steps {
				if s.ran {
					v.Schritte++
				}
				for _, ex := range s.exchanges {
					v.Austausche++
					procs[ex.procedure] = procs[ex.procedure].add(ex)
				}
			}
			for proc := range rec.procedures() {
				procs[proc].scenario(!rec.failed)
			}
		}
		v.Szenarien += len(fv.Szenarien)
		v.Bestanden += fv.Bestanden
		v.Fehlgeschlagen += fv.Fehlgeschlagen
		v.Features = append(v.Features, fv)
	}
	v.OK = v.Fehlgeschlagen == 0 && v.Szenarien > 0
	v.Verfahren = verfahrenRows(procs)
	return v
}

// scenarioView formats a record, with the keywords and lines of el if the
// Cucumber JSON had the scenario.
func scenarioView(rec *scenarioRecord, el *cukeElement) szenarioView {
	sv := szenarioView{
		Anker:          "s" + rec.pickleID,
		Schluesselwort: "Szenario",
		Name:           rec.name,
		Ort:            rec.uri,
		OK:             !rec.failed,
		Tags:           strings.Join(rec.tags, " "),
		Sandbox:        rec.sandbox,
		Dauer:          dauer(rec.duration),
		Aufraeumen:     rec.cleanupErr,
	}
	if el != nil {
		sv.Schluesselwort = strings.TrimSpace(el.Keyword)
		sv.Ort = fmt.Sprintf("%s:%d", rec.uri, el.Line)
	}
	ran := 0
	for _, s := range rec.steps {
		st := schrittView{Text: s.text, Tabelle: s.table, DocString: s.docString}
		if s.ran {
			if el != nil {
				st.Schluesselwort = strings.TrimSpace(el.Steps[ran].Keyword)
			}
			ran++
			st.Status, st.Klasse = stepStatus(s.status)
			st.Dauer = dauer(s.duration)
			st.Fehler = s.err
		}
		for _, ex := range s.exchanges {
			st.Austausche = append(st.Austausche, austauschView{
				Verfahren: ex.procedure,
				Ergebnis:  exchangeResult(ex),
				Klasse:    outcomeClass(ex.outcome),
				HTTP:      ex.httpStatus,
				Beginn:    ex.started.Format("15:04:05.000"),
				Dauer:     dauer(ex.duration),
				Anfrage:   xmltext.Indent(ex.request),
				Antwort:   xmltext.Indent(ex.response),
			})
		}
		sv.Schritte = append(sv.Schritte, st)
	}
	return sv
}

func exchangeResult(ex exchangeRecord) string {
	switch ex.outcome {
	case outcomeFault:
		return "Fault " + ex.detail
	case outcomeError:
		return "ohne Antwort: " + ex.detail
	case outcomeOtherStatus:
		if ex.detail == "" {
			return "Antwort ohne Status"
		}
	}
	return ex.detail
}

// outcomeClass colours an exchange by its answer, not by the scenario's
// verdict: a rejection or a Fault is often what the scenario expects.
func outcomeClass(o outcome) string {
	switch o {
	case outcomeVerarbeitet, outcomeGeprueft, outcomeAngenommen:
		return "ok"
	case outcomeAbgelehnt, outcomeFault:
		return "abgelehnt"
	}
	return "fehler"
}

// stepStatus returns the German name of a step's outcome and its CSS class.
func stepStatus(s godog.StepResultStatus) (string, string) {
	switch s {
	case godog.StepPassed:
		return "bestanden", "ok"
	case godog.StepFailed:
		return "fehlgeschlagen", "fehler"
	case godog.StepSkipped:
		return "übersprungen", "skip"
	case godog.StepPending:
		return "ausstehend", "fehler"
	case godog.StepAmbiguous:
		return "mehrdeutig", "fehler"
	}
	return "undefiniert", "fehler"
}

// procedures returns the procedures the scenario called.
func (rec *scenarioRecord) procedures() map[string]bool {
	m := map[string]bool{}
	for _, s := range rec.steps {
		for _, ex := range s.exchanges {
			m[ex.procedure] = true
		}
	}
	return m
}

// procStats adds up the exchanges of one procedure.
type procStats struct {
	n              int
	outcomes       [outcomeError + 1]int
	total, longest time.Duration
	passed, failed int // scenarios that called the procedure
}

// add counts an exchange; a nil p starts the count.
func (p *procStats) add(ex exchangeRecord) *procStats {
	if p == nil {
		p = &procStats{}
	}
	p.n++
	p.outcomes[ex.outcome]++
	p.total += ex.duration
	p.longest = max(p.longest, ex.duration)
	return p
}

func (p *procStats) scenario(passed bool) {
	if passed {
		p.passed++
	} else {
		p.failed++
	}
}

// verfahrenRows lists the procedures in the order of the contract, then any
// other name.
func verfahrenRows(procs map[string]*procStats) []verfahrenRow {
	order := map[string]int{}
	for i, p := range inge.Procedures() {
		order[p.Name] = i
	}
	names := make([]string, 0, len(procs))
	for n := range procs {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		oi, iok := order[names[i]]
		oj, jok := order[names[j]]
		if iok != jok {
			return iok
		}
		if oi != oj {
			return oi < oj
		}
		return names[i] < names[j]
	})
	rows := make([]verfahrenRow, 0, len(names))
	for _, n := range names {
		p := procs[n]
		rows = append(rows, verfahrenRow{
			Name:                    n,
			Austausche:              p.n,
			Ergebnisse:              p.outcomes,
			Mittel:                  dauer(p.total / time.Duration(p.n)),
			Max:                     dauer(p.longest),
			SzenarienBestanden:      p.passed,
			SzenarienFehlgeschlagen: p.failed,
		})
	}
	return rows
}

func metaRows(run runInfo) []metaRow {
	cfg := run.cfg
	admin := cfg.Admin
	if admin == "" {
		admin = "—"
	}
	sandbox := "gemeinsam: " + cfg.Sandbox + ", Konto „ich“ " + cfg.Ich.Benutzer + " (Träger " + cfg.Ich.Traegernummer + ")"
	if run.result.Sandboxes {
		sandbox = "je Szenario eine eigene mit eigenen Benutzern (" + run.runID + "-1, -2, …), danach gelöscht"
	}
	tags := cfg.Tags
	if tags == "" {
		tags = "alle Szenarien"
	}
	rows := []metaRow{
		{"Werkzeug", toolVersion()},
		{"Vertragsversion", inge.ContractVersion + " (" + inge.Namespace + ")"},
	}
	if p := cfg.Profil; p != nil {
		rows = append(rows, metaRow{"Vertragsprofil", p.Name + " (" + p.Namespace + ", SHA-256 " + p.Digest[:12] + "…), " + p.Verzeichnis + ": die Szenarien sprechen das Profil, ihre Sandboxen auch"})
	}
	return append(rows, []metaRow{
		{"Datum", run.started.Format("02.01.2006, 15:04:05 MST")},
		{"Dauer", dauer(run.finished.Sub(run.started))},
		{"Endpunkt", cfg.Endpoint},
		{"Admin-API", admin},
		{"Sandboxen", sandbox},
		{"Szenarien gleichzeitig", strconv.Itoa(run.result.Concurrency)},
		{"Auswahl", tags},
	}...)
}

// toolVersion names the build of certrunner: its version and commit
// (stamped in by scripts/release, or recorded by go build; go run records
// no commit, and the protocol says so), then godog and Go.
func toolVersion() string {
	bi := buildinfo.Read()
	return "certrunner " + bi.Version + ", " + bi.CommitText() + "; godog " + cmp.Or(bi.Dep("github.com/cucumber/godog"), "(unbekannt)") + "; " + bi.Go
}

// pickleOrder returns godog's numeric pickle ID, which follows the feature
// file; a non-numeric one sorts last.
func pickleOrder(id string) int {
	n, err := strconv.Atoi(id)
	if err != nil {
		return int(^uint(0) >> 1)
	}
	return n
}

// dauer formats a duration the German way: 0,4 ms, 12 ms, 1,25 s.
func dauer(d time.Duration) string {
	switch {
	case d < 10*time.Millisecond:
		return decimal(float64(d)/float64(time.Millisecond), 1) + " ms"
	case d < time.Second:
		return strconv.FormatInt(d.Milliseconds(), 10) + " ms"
	}
	return decimal(d.Seconds(), 2) + " s"
}

// decimal formats f with a decimal comma.
func decimal(f float64, digits int) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', digits, 64), ".", ",", 1)
}

// dedent removes the indentation the Gherkin description has in its file.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

//go:embed protokoll.html.tmpl
var protokollHTML string

// protokollTemplate is parsed once; a template is safe to execute from
// many goroutines.
var protokollTemplate = template.Must(template.New("protokoll").Funcs(template.FuncMap{
	"ergebnisNamen": func() []string { return ergebnisNamen[:] },
}).Parse(protokollHTML))
