// Command tabelle turns the JSON lines of bench/last, one per row and round,
// into the Markdown table of bench/run.sh: per row the median over the
// rounds of req/s, p50, p99 and the server's CPU time per request, the
// errors summed, and the ratios between the rows. It exits 1 if any row had
// an error (in the measured window or in the warmup), after printing the
// table and a sample of each row's first error.
//
// Usage: tabelle results.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/inge-harness/inge-harness/bench/messung"
)

// line is bench/last's JSON line.
type line = messung.Zeile

// row is one server and path over all rounds.
type row struct {
	key                 string
	reqs, p50, p99, cpu []float64
	client              []float64
	requests, errors    int
	warmupErrors        int
	sample, sampleBody  string
}

// names are the table's names of the rows bench/run.sh runs, by label/kind.
var names = map[string]string{
	"bare/fixed":            "bare net/http, fixed answer",
	"nodesoap/kursauskunft": "node-soap, Kursauskunft",
	"nodesoap/erfassen":     "node-soap, KursplanungErfassen",
	"mockinge/kursauskunft": "mockinge, Kursauskunft (read)",
	"mockinge/erfassen":     "mockinge, KursplanungErfassen (write)",
	"mockinge/rollback":     "mockinge, KursplanungErfassen Rollback",
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tabelle results.jsonl")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "tabelle:", err)
		os.Exit(2)
	}
	defer f.Close()
	rows, err := read(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tabelle:", err)
		os.Exit(2)
	}
	if !writeTable(os.Stdout, rows) {
		os.Exit(1)
	}
}

func read(r io.Reader) ([]*row, error) {
	var rows []*row
	byKey := map[string]*row{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		key := l.Label + "/" + l.Kind
		rw := byKey[key]
		if rw == nil {
			rw = &row{key: key}
			byKey[key] = rw
			rows = append(rows, rw)
		}
		rw.reqs = append(rw.reqs, l.ReqPerSec)
		rw.p50 = append(rw.p50, l.P50ms)
		rw.p99 = append(rw.p99, l.P99ms)
		if l.ServerCPUusPerReq != nil {
			rw.cpu = append(rw.cpu, *l.ServerCPUusPerReq)
		}
		rw.client = append(rw.client, l.ClientCPUusPerReq)
		rw.requests += l.Requests
		rw.errors += l.Errors
		rw.warmupErrors += l.WarmupErrors
		if rw.sample == "" && l.SampleError != "" {
			rw.sample, rw.sampleBody = l.SampleError, l.SampleBody
		}
	}
	return rows, sc.Err()
}

// median of the values, 0 for none.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func name(key string) string {
	if n, ok := names[key]; ok {
		return n
	}
	return key
}

// writeTable writes the table and reports whether every row was free of errors.
func writeTable(w io.Writer, rows []*row) bool {
	rounds := 0
	for _, r := range rows {
		rounds = max(rounds, len(r.reqs))
	}
	fmt.Fprintf(w, "| server / path | req/s | p50 ms | p99 ms | CPU per request | errors |\n")
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|\n")
	by := map[string]*row{}
	for _, r := range rows {
		by[r.key] = r
		cpu := "n/a"
		if len(r.cpu) > 0 {
			cpu = fmt.Sprintf("%.0f µs", median(r.cpu))
		}
		errs := fmt.Sprint(r.errors)
		if r.warmupErrors > 0 {
			errs += fmt.Sprintf(" (+%d in warmup)", r.warmupErrors)
		}
		fmt.Fprintf(w, "| %s | %.0f | %.2f | %.2f | %s | %s |\n", name(r.key), median(r.reqs), median(r.p50), median(r.p99), cpu, errs)
	}
	fmt.Fprintf(w, "\nMedians over %d round(s); CPU per request is the server process's user+system time over the measured window divided by its correct answers.\n", rounds)
	var client []string
	for _, r := range rows {
		client = append(client, fmt.Sprintf("%s %.0f µs", name(r.key), median(r.client)))
	}
	fmt.Fprintf(w, "The load generator's own CPU per request (it shares the machine): %s.\n", strings.Join(client, ", "))

	type ratio struct {
		what, a, b string
		reqs, cpu  bool
	}
	ratios := []ratio{
		{"mockinge read / node-soap read", "mockinge/kursauskunft", "nodesoap/kursauskunft", true, true},
		{"mockinge read / bare", "mockinge/kursauskunft", "bare/fixed", true, true},
		{"mockinge write / node-soap write", "mockinge/erfassen", "nodesoap/erfassen", true, true},
		{"mockinge rollback / mockinge read", "mockinge/rollback", "mockinge/kursauskunft", false, true},
		{"mockinge write / mockinge read", "mockinge/erfassen", "mockinge/kursauskunft", false, true},
	}
	fmt.Fprintf(w, "\n| ratio | req/s | CPU per request |\n|---|---:|---:|\n")
	for _, q := range ratios {
		a, b := by[q.a], by[q.b]
		reqs, cpu := "n/a", "n/a"
		if a != nil && b != nil {
			if q.reqs && median(b.reqs) > 0 {
				reqs = fmt.Sprintf("%.2f", median(a.reqs)/median(b.reqs))
			}
			if !q.reqs {
				reqs = "–"
			}
			if q.cpu && len(a.cpu) > 0 && len(b.cpu) > 0 && median(b.cpu) > 0 {
				cpu = fmt.Sprintf("%.2f", median(a.cpu)/median(b.cpu))
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", q.what, reqs, cpu)
	}

	ok := true
	for _, r := range rows {
		if r.errors == 0 && r.warmupErrors == 0 {
			continue
		}
		ok = false
		fmt.Fprintf(w, "\nErrors of %s: %d of %d measured, %d in warmup; first: %s\n", name(r.key), r.errors, r.requests+r.errors, r.warmupErrors, r.sample)
		if r.sampleBody != "" {
			fmt.Fprintf(w, "    %s\n", r.sampleBody)
		}
	}
	return ok
}
