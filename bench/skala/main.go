// Command skala measures how mockinge's read and write paths scale with the
// state of a sandbox: p50 (and req/s) of Kursauskunft and KursplanungErfassen
// against an empty standard sandbox and against one with -kurse courses and
// -journal journal rows, and their ratio. bench/skala.sh builds the binaries
// and runs it.
//
// The big state is built the fast way, reproducibly: mockinge stores one
// real KursplanungErfassen (Testfall KP-1) and answers one Kursauskunft;
// then, with mockinge stopped, those rows are cloned in bulk by SQL in the
// database file (courses with new Kurskennungen K000000002…, their
// participants, the Kurskennung counter, journal rows with new ids,
// Vorgangsnummern and times 100 ms apart going back from the real ones,
// which move behind them), until there are exactly -kurse courses and
// -journal journal rows. mockinge
// is started again on the file and must answer a Kursauskunft of a cloned
// course and hand out the next Kurskennung after the clones, before anything
// is measured.
//
// Both mockinges run with -journal-max-eintraege 0, else the big journal
// would be pruned to the default 20,000 entries at the first append. Every
// clone names the same two persons of Testfall KP-1, as every plan of the
// load does: a worst case for lookups by person.
package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/inge-harness/inge-harness/bench/messung"
	_ "github.com/mattn/go-sqlite3"
)

type config struct {
	mockinge, last, dir    string
	kurse, journal, rounds int
	conns                  int
	duration, warmup       string
	clkTck                 string
}

func main() {
	var cfg config
	flag.StringVar(&cfg.mockinge, "mockinge", "mockinge", "mockinge binary")
	flag.StringVar(&cfg.last, "last", "last", "bench/last binary")
	flag.StringVar(&cfg.dir, "dir", "", "directory for the databases (required; the big one takes about 2.5 KiB per journal row)")
	flag.IntVar(&cfg.kurse, "kurse", 100_000, "courses in the big state")
	flag.IntVar(&cfg.journal, "journal", 1_000_000, "journal rows in the big state")
	flag.IntVar(&cfg.rounds, "rounds", 1, "rounds; each measures empty and big, read and write, interleaved")
	flag.IntVar(&cfg.conns, "c", 32, "connections of the load")
	flag.StringVar(&cfg.duration, "d", "5s", "measured duration of each run")
	flag.StringVar(&cfg.warmup, "warmup", "1s", "warmup of each run")
	flag.StringVar(&cfg.clkTck, "clk-tck", "100", "getconf CLK_TCK")
	flag.Parse()
	if cfg.dir == "" || cfg.kurse < 1 || cfg.journal < 3 || cfg.rounds < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: skala -dir DIR [-kurse N] [-journal N] [-rounds N] [-mockinge BIN] [-last BIN]  (-kurse ≥ 1, -journal ≥ 3)")
		os.Exit(2)
	}
	if err := run(context.Background(), cfg); err != nil {
		fmt.Fprintln(os.Stderr, "skala:", err)
		os.Exit(1)
	}
}

func say(format string, args ...any) { fmt.Fprintf(os.Stderr, "skala: "+format+"\n", args...) }

func run(ctx context.Context, cfg config) error {
	leer, err := start(cfg, filepath.Join(cfg.dir, "leer.db"), "leer")
	if err != nil {
		return err
	}
	defer leer.stop()
	leerKurs, err := seed(cfg, leer.url)
	if err != nil {
		return fmt.Errorf("empty state: %w", err)
	}

	grossDB := filepath.Join(cfg.dir, "gross.db")
	gross, err := start(cfg, grossDB, "gross")
	if err != nil {
		return err
	}
	vorlage, err := seed(cfg, gross.url)
	if err != nil {
		gross.stop()
		return fmt.Errorf("big state: %w", err)
	}
	if err := gross.stop(); err != nil {
		return err
	}
	say("building %d courses and %d journal rows in %s", cfg.kurse, cfg.journal, grossDB)
	t0 := time.Now()
	if err := build(ctx, grossDB, vorlage, cfg.kurse, cfg.journal); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	buildTime := time.Since(t0)
	fi, err := os.Stat(grossDB)
	if err != nil {
		return err
	}
	say("built in %s, %d MiB", buildTime.Round(100*time.Millisecond), fi.Size()>>20)

	t0 = time.Now()
	gross, err = start(cfg, grossDB, "gross")
	if err != nil {
		return err
	}
	defer gross.stop()
	restart := time.Since(t0)
	// The server must accept the state: a cloned course is there, and the
	// next plan gets the Kurskennung after the clones.
	grossKurs := fmt.Sprintf("K%09d", cfg.kurse/2+1)
	if _, err := once(cfg, gross.url, "kursauskunft", grossKurs); err != nil {
		return fmt.Errorf("Kursauskunft of the cloned %s: %w", grossKurs, err)
	}
	next, err := once(cfg, gross.url, "erfassen", "")
	if err != nil {
		return fmt.Errorf("KursplanungErfassen after the clones: %w", err)
	}
	if want := fmt.Sprintf("K%09d", cfg.kurse+1); next != want {
		return fmt.Errorf("KursplanungErfassen after the clones gave %s; want %s", next, want)
	}
	say("mockinge on the big state ready in %s; Kursauskunft %s answered, next Kurskennung %s", restart.Round(10*time.Millisecond), grossKurs, next)

	type key struct{ state, kind string }
	results := map[key][]measurement{}
	for r := 1; r <= cfg.rounds; r++ {
		say("round %d of %d", r, cfg.rounds)
		for _, kind := range []string{"kursauskunft", "erfassen"} {
			states := []struct {
				name  string
				m     *server
				kurs  string
				kurse int
			}{{"leer", leer, leerKurs, 1}, {"gross", gross, grossKurs, 1}}
			if kind == "kursauskunft" {
				// One course is asked about again and again, and answered
				// from the courses mockinge keeps; one of them all at
				// random mostly is not.
				states = append(states, struct {
					name  string
					m     *server
					kurs  string
					kurse int
				}{"streu", gross, "K000000001", cfg.kurse})
			}
			for _, s := range states {
				m, err := measure(cfg, s.m, kind, s.kurs, s.kurse)
				if err != nil {
					return fmt.Errorf("%s %s: %w", s.name, kind, err)
				}
				say("  %s %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d", s.name, kind, m.ReqPerSec, m.P50ms, m.P99ms, m.Errors+m.WarmupErrors)
				results[key{s.name, kind}] = append(results[key{s.name, kind}], m)
			}
		}
	}

	fmt.Printf("\nBig state: %d courses, %d journal rows, %d MiB, built in %s; mockinge ready on it in %s.\n",
		cfg.kurse, cfg.journal, fi.Size()>>20, buildTime.Round(100*time.Millisecond), restart.Round(10*time.Millisecond))
	fmt.Printf("Load: -c %d -warmup %s -d %s, medians over %d round(s).\n\n", cfg.conns, cfg.warmup, cfg.duration, cfg.rounds)
	fmt.Println("| path | p50 ms empty | p50 ms big | p50 big / empty | req/s empty | req/s big | errors |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	failed := false
	for _, kind := range []string{"kursauskunft", "erfassen"} {
		l, g := results[key{"leer", kind}], results[key{"gross", kind}]
		errs := 0
		for _, m := range append(append([]measurement{}, l...), g...) {
			errs += m.Errors + m.WarmupErrors
			if m.SampleError != "" {
				say("%s: first error: %s\n    %s", kind, m.SampleError, m.SampleBody)
			}
		}
		failed = failed || errs > 0
		lp, gp := median(l, func(m measurement) float64 { return m.P50ms }), median(g, func(m measurement) float64 { return m.P50ms })
		ratio := "n/a"
		if lp > 0 {
			ratio = fmt.Sprintf("%.2f", gp/lp)
		}
		name := map[string]string{"kursauskunft": "Kursauskunft (read)", "erfassen": "KursplanungErfassen (write)"}[kind]
		fmt.Printf("| %s | %.2f | %.2f | %s | %.0f | %.0f | %d |\n", name, lp, gp, ratio,
			median(l, func(m measurement) float64 { return m.ReqPerSec }), median(g, func(m measurement) float64 { return m.ReqPerSec }), errs)
		if st := results[key{"streu", kind}]; len(st) > 0 {
			sp := median(st, func(m measurement) float64 { return m.P50ms })
			serrs := 0
			for _, m := range st {
				serrs += m.Errors + m.WarmupErrors
			}
			failed = failed || serrs > 0
			ratio := "n/a"
			if lp > 0 {
				ratio = fmt.Sprintf("%.2f", sp/lp)
			}
			fmt.Printf("| %s, big: any of the %d courses | %.2f | %.2f | %s | %.0f | %.0f | %d |\n", name, cfg.kurse, lp, sp, ratio,
				median(l, func(m measurement) float64 { return m.ReqPerSec }), median(st, func(m measurement) float64 { return m.ReqPerSec }), serrs)
		}
	}
	if failed {
		return errors.New("errors in the measurements (above)")
	}
	return nil
}

// server is a running mockinge.
type server struct {
	cmd  *exec.Cmd
	url  string
	name string
	log  *os.File
}

var endpointLine = regexp.MustCompile(`SOAP-Endpunkt:\s*(\S+)`)

func start(cfg config, db, name string) (*server, error) {
	logf, err := os.Create(filepath.Join(cfg.dir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(cfg.mockinge, "-addr", "127.0.0.1:0", "-admin-addr", "127.0.0.1:0", "-db", db,
		"-max-concurrent-sandbox", "64", "-max-nonces", "10000000", "-max-nonce-bytes", "1073741824",
		"-journal-max-eintraege", "0")
	cmd.Stderr = logf
	out, err := cmd.StdoutPipe()
	if err != nil {
		logf.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	s := &server{cmd: cmd, name: name, log: logf}
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sent := false
		for sc.Scan() {
			if m := endpointLine.FindStringSubmatch(sc.Text()); m != nil {
				s.url = m[1]
			}
			if !sent && strings.TrimSpace(sc.Text()) == "mockinge: bereit" {
				ready <- nil
				sent = true
			}
		}
		if !sent {
			ready <- errors.New("ended before it was ready")
		}
	}()
	select {
	case err := <-ready:
		if err != nil {
			cmd.Wait()
			logf.Close()
			return nil, fmt.Errorf("mockinge %s: %w (log: %s)", name, err, logf.Name())
		}
	case <-time.After(5 * time.Minute):
		s.stop()
		return nil, fmt.Errorf("mockinge %s: not ready after 5 minutes", name)
	}
	return s, nil
}

// stop ends mockinge with SIGTERM and waits for it; it may be called twice.
func (s *server) stop() error {
	if s.cmd.ProcessState != nil {
		return nil
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	err := s.cmd.Wait()
	s.log.Close()
	if err != nil {
		return fmt.Errorf("mockinge %s: %w (log: %s)", s.name, err, s.log.Name())
	}
	return nil
}

var kurskennungPattern = regexp.MustCompile(`<(?:\w+:)?Kurskennung>(K\d{9})<`)

// once sends one request with bench/last -once and returns the answer's
// Kurskennung.
func once(cfg config, url, kind, kurs string) (string, error) {
	args := []string{"-once", "-kind", kind, "-url", url}
	if kurs != "" {
		args = append(args, "-kurskennung", kurs)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(cfg.last, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%v: %s%s", err, stderr.String(), truncate(out))
	}
	m := kurskennungPattern.FindSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("no Kurskennung in %s", truncate(out))
	}
	return string(m[1]), nil
}

func truncate(b []byte) string {
	if len(b) > 1500 {
		b = b[:1500]
	}
	return string(b)
}

// seed stores the real rows the big state is cloned from: one plan and
// one Kursauskunft of it. It returns the plan's Kurskennung.
func seed(cfg config, url string) (string, error) {
	kurs, err := once(cfg, url, "erfassen", "")
	if err != nil {
		return "", fmt.Errorf("KursplanungErfassen: %w", err)
	}
	if _, err := once(cfg, url, "kursauskunft", kurs); err != nil {
		return "", fmt.Errorf("Kursauskunft: %w", err)
	}
	return kurs, nil
}

// measurement is bench/last's JSON line.
type measurement = messung.Zeile

func measure(cfg config, s *server, kind, kurs string, kurse int) (measurement, error) {
	args := []string{"-kind", kind, "-url", s.url, "-c", fmt.Sprint(cfg.conns), "-d", cfg.duration, "-warmup", cfg.warmup,
		"-pid", fmt.Sprint(s.cmd.Process.Pid), "-clk-tck", cfg.clkTck, "-label", s.name, "-kurse", fmt.Sprint(kurse)}
	if kurs != "" {
		args = append(args, "-kurskennung", kurs)
	}
	cmd := exec.Command(cfg.last, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return measurement{}, err
	}
	var m measurement
	if err := json.Unmarshal(out, &m); err != nil {
		return measurement{}, fmt.Errorf("%w: %s", err, out)
	}
	return m, nil
}

func median(ms []measurement, f func(measurement) float64) float64 {
	if len(ms) == 0 {
		return 0
	}
	v := make([]float64, len(ms))
	for i, m := range ms {
		v[i] = f(m)
	}
	for i := range v { // insertion sort: a handful of rounds
		for j := i; j > 0 && v[j] < v[j-1]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// build clones the rows of course vorlage and the journal in the stopped
// mockinge's database until it holds kurse courses and journal rows.
func build(ctx context.Context, path, vorlage string, kurse, journal int) error {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	db, err := sql.Open("sqlite3", "file:"+escaped+"?_busy_timeout=5000")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	do := func(q string, args ...any) (int64, error) {
		res, err := conn.ExecContext(ctx, q, args...)
		if err != nil {
			return 0, fmt.Errorf("%w\n%s", err, q)
		}
		return res.RowsAffected()
	}
	count := func(q string, args ...any) (int, error) {
		var n int
		err := conn.QueryRowContext(ctx, q, args...).Scan(&n)
		return n, err
	}
	// One big write without a WAL of its size: the file's journal mode is
	// WAL again at the end, as mockinge opens it.
	for _, p := range []string{"PRAGMA journal_mode=DELETE", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-262144"} {
		if _, err := do(p); err != nil {
			return err
		}
	}
	haveKurse, err := count(`SELECT count(*) FROM kurs`)
	if err != nil {
		return err
	}
	haveJournal, err := count(`SELECT count(*) FROM journal`)
	if err != nil {
		return err
	}
	maxNummer, err := count(`SELECT coalesce(max(nummer), 0) FROM kurs_nummer`)
	if err != nil {
		return err
	}
	if haveKurse != 1 || maxNummer != 1 || haveJournal < 2 || kurse < haveKurse || journal < haveJournal {
		return fmt.Errorf("unexpected seed: %d courses, Kurskennung counter at %d, %d journal rows", haveKurse, maxNummer, haveJournal)
	}
	kursCols, err := columns(ctx, conn, "kurs")
	if err != nil {
		return err
	}
	teilnehmerCols, err := columns(ctx, conn, "kurs_teilnehmer")
	if err != nil {
		return err
	}
	journalCols, err := columns(ctx, conn, "journal")
	if err != nil {
		return err
	}
	if _, err := do("BEGIN"); err != nil {
		return err
	}
	defer do("ROLLBACK")
	// The series 2..kurse: K000000001 is the real course.
	series := `WITH RECURSIVE n(i) AS (SELECT 2 WHERE 2 <= ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)`
	if _, err := do(series+` INSERT INTO kurs_nummer (nummer) SELECT i FROM n`, kurse); err != nil {
		return err
	}
	if _, err := do(series+` INSERT INTO kurs (`+strings.Join(kursCols, ", ")+`) SELECT `+
		selectList(kursCols, map[string]string{"kurskennung": "printf('K%09d', n.i)"}, "t")+
		` FROM n, kurs t WHERE t.kurskennung = ?2`, kurse, vorlage); err != nil {
		return err
	}
	if _, err := do(series+` INSERT INTO kurs_teilnehmer (`+strings.Join(teilnehmerCols, ", ")+`) SELECT `+
		selectList(teilnehmerCols, map[string]string{"kurskennung": "printf('K%09d', n.i)"}, "t")+
		` FROM n, kurs_teilnehmer t WHERE t.kurskennung = ?2 ORDER BY n.i`, kurse, vorlage); err != nil {
		return err
	}
	// The journal: the real rows, numbered, cloned in turn. Clone i of
	// total c is (c - i) * 100 ms older than the oldest real row.
	if _, err := do(`CREATE TEMP TABLE vorlage AS SELECT row_number() OVER (ORDER BY id) - 1 AS r, * FROM journal`); err != nil {
		return err
	}
	var oldest string
	if err := conn.QueryRowContext(ctx, `SELECT min(zeit) FROM journal`).Scan(&oldest); err != nil {
		return err
	}
	clones := journal - haveJournal
	var cols []string
	for _, c := range journalCols {
		if c != "id" {
			cols = append(cols, c)
		}
	}
	if _, err := do(`WITH RECURSIVE n(i) AS (SELECT 0 WHERE 0 < ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 - 1)
		INSERT INTO journal (`+strings.Join(cols, ", ")+`) SELECT `+
		selectList(cols, map[string]string{
			"zeit":           "strftime('%Y-%m-%dT%H:%M:%f', julianday(substr(?2, 1, 23)) - (?1 - n.i) * 0.1 / 86400.0) || '000000Z'",
			"vorgangsnummer": "printf('V-00000000-%016x', n.i)",
		}, "t")+
		` FROM n JOIN vorlage t ON t.r = n.i % ?3 ORDER BY n.i`, clones, oldest, haveJournal); err != nil {
		return err
	}
	// The real rows move behind the clones, so that ids ascend with zeit.
	var lastReal int64
	if err := conn.QueryRowContext(ctx, `SELECT max(id) FROM vorlage`).Scan(&lastReal); err != nil {
		return err
	}
	if _, err := do(`INSERT INTO journal (` + strings.Join(cols, ", ") + `) SELECT ` + strings.Join(cols, ", ") + ` FROM vorlage ORDER BY r`); err != nil {
		return err
	}
	if _, err := do(`DELETE FROM journal WHERE id <= ?`, lastReal); err != nil {
		return err
	}
	if _, err := do("COMMIT"); err != nil {
		return err
	}
	for _, check := range []struct {
		table string
		want  int
	}{{"kurs", kurse}, {"journal", journal}, {"kurs_teilnehmer", kurse * 2}} {
		n, err := count(`SELECT count(*) FROM ` + check.table)
		if err != nil {
			return err
		}
		if n != check.want {
			return fmt.Errorf("%s has %d rows; want %d", check.table, n, check.want)
		}
	}
	_, err = do("PRAGMA journal_mode=WAL")
	return err
}

// columns are the columns of table in their order.
func columns(ctx context.Context, conn *sql.Conn, table string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 && rows.Err() == nil {
		return nil, fmt.Errorf("table %s not found", table)
	}
	return cols, rows.Err()
}

// selectList is cols taken from alias, but those in replace as given.
func selectList(cols []string, replace map[string]string, alias string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		if e, ok := replace[c]; ok {
			out[i] = e
		} else {
			out[i] = alias + "." + c
		}
	}
	return strings.Join(out, ", ")
}
