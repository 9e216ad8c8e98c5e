// Command last is a closed-loop HTTP load generator for the SOAP endpoints
// compared by bench/run.sh: mockinge, a node-soap mock and a bare net/http
// server. Each of -c connections sends one request after the other for
// -warmup plus -d; only requests that start and end inside -d are counted.
// Throughput, latencies and CPU time per request are of the correct answers
// (HTTP 200, no Fault, the expected Status); every other answer is an error,
// counted by class, and the first one is kept as a sample.
//
// Every request carries a fresh WS-Security UsernameToken (PasswordDigest
// over a new nonce and the current wsu:Created); the envelope is built
// before the request's clock starts, so the latency is the server's and the
// network's. It prints one line of JSON: throughput, p50 and p99 latency,
// errors by kind with a sample, and, with -pid, the server's CPU time per
// request read from /proc/PID/stat.
//
// It uses the standard library only, so that it builds without the module's
// dependencies and does not share code with the server it measures.
package main

import (
	"bytes"
	crand "crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/inge-harness/inge-harness/bench/messung"
)

// The namespaces of the envelope, spelt out as the mockserver tests do.
const (
	ingeNS       = "urn:inge-harness:kurstraeger:1"
	soap11NS     = "http://schemas.xmlsoap.org/soap/envelope/"
	secextNS     = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
	utilityNS    = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
	digestType   = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
	base64Binary = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
	// createdLayout is the wsu:Created layout of the harness's client.
	createdLayout = "2006-01-02T15:04:05.000Z"
)

// kind is what a run sends and what it takes for a correct answer.
type kind struct {
	op     string // SOAPAction suffix and body element
	status string // the Status an answer must have; "" checks only for 200 without Fault
	newKey bool   // every answer must carry a Kurskennung not seen before
}

var kinds = map[string]kind{
	"kursauskunft": {op: "Kursauskunft", status: "verarbeitet"},
	"erfassen":     {op: "KursplanungErfassen", status: "verarbeitet", newKey: true},
	"rollback":     {op: "KursplanungErfassen", status: "geprueft"},
	"fixed":        {op: "Kursauskunft"},
}

// The patterns an answer is checked with. A regular expression over a whole
// answer of some KiB costs the load generator more CPU than a tenth of a
// server's request, CPU the server under test then lacks on two cores; so
// an answer is searched for the pattern's element name first (findTag).
var (
	statusPattern      = newTagPattern("Status", `>([^<]*)</`)
	kurskennungPattern = newTagPattern("Kurskennung", `>(K\d{9})</`)
	faultPattern       = newTagPattern("Fault", `[\s>]`)
	faultCodePattern   = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?Code>(F\d+)</`)
	faultStringPattern = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?(?:faultstring|Text)>([^<]*)</`)
)

type config struct {
	url, kind, user, password, traeger, kurskennung string
	conns                                           int
	kurse                                           int // -kurse: courses asked about at random
	duration, warmup                                time.Duration
	pid, clkTck                                     int
	once                                            bool
	label                                           string
}

func main() {
	var cfg config
	flag.StringVar(&cfg.url, "url", "http://127.0.0.1:8080/inge", "SOAP endpoint")
	flag.IntVar(&cfg.conns, "c", 32, "connections (each sends its next request when the answer is read)")
	flag.DurationVar(&cfg.duration, "d", 8*time.Second, "measured duration")
	flag.DurationVar(&cfg.warmup, "warmup", 2*time.Second, "load before the measured duration, not counted")
	flag.StringVar(&cfg.kind, "kind", "kursauskunft", "kursauskunft | erfassen | rollback | fixed")
	flag.StringVar(&cfg.user, "user", "kt1.sachbearbeitung", "UsernameToken user")
	flag.StringVar(&cfg.password, "password", "Test!Passwort1", "password of -user")
	flag.StringVar(&cfg.traeger, "traeger", "10000001", "Traegernummer of the Mandant")
	flag.StringVar(&cfg.kurskennung, "kurskennung", "", "course asked about by -kind kursauskunft and fixed")
	flag.IntVar(&cfg.kurse, "kurse", 1, "with -kind kursauskunft: ask about one of this many courses at random, numbered on from -kurskennung")
	flag.IntVar(&cfg.pid, "pid", 0, "server process whose CPU time per request is reported (Linux /proc)")
	flag.IntVar(&cfg.clkTck, "clk-tck", 100, "clock ticks per second of /proc/PID/stat (getconf CLK_TCK)")
	flag.BoolVar(&cfg.once, "once", false, "send one request, print the answer on stdout, exit 1 unless it is correct")
	flag.StringVar(&cfg.label, "label", "", "a name copied into the JSON line")
	flag.Parse()
	if flag.NArg() > 0 {
		fail("unexpected arguments: %q", flag.Args())
	}
	k, ok := kinds[cfg.kind]
	if !ok {
		fail("-kind %q: want kursauskunft, erfassen, rollback or fixed", cfg.kind)
	}
	if (cfg.kind == "kursauskunft" || cfg.kind == "fixed") && cfg.kurskennung == "" {
		cfg.kurskennung = "K000000001"
	}
	erster, err := kursNummer(cfg.kurskennung)
	if cfg.kurse < 1 || cfg.kurse > 1 && (cfg.kind != "kursauskunft" || err != nil || erster+cfg.kurse > 1e9) {
		fail("-kurse %d: want 1, or more with -kind kursauskunft and a -kurskennung K<9 digits> that leaves room for them", cfg.kurse)
	}
	if cfg.conns < 1 || cfg.duration <= 0 || cfg.warmup < 0 {
		fail("-c must be at least 1, -d more than 0, -warmup 0 or more")
	}
	if cfg.once {
		os.Exit(runOnce(cfg, k))
	}
	res, err := run(cfg, k)
	if err != nil {
		fail("%v", err)
	}
	line, err := json.Marshal(res)
	if err != nil {
		fail("%v", err)
	}
	fmt.Println(string(line))
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "last: "+format+"\n", args...)
	os.Exit(2)
}

// builder makes request envelopes; one per connection, not shared.
type builder struct {
	cfg      config
	rng      *rand.ChaCha8
	head     string // the envelope up to and with wsse:Username
	body     string // from the end of the Security header to the end
	nonce    [16]byte
	buf      bytes.Buffer
	nonceB64 [24]byte
}

func newBuilder(cfg config) *builder {
	var seed [32]byte
	if _, err := crand.Read(seed[:]); err != nil {
		fail("seed: %v", err)
	}
	b := &builder{cfg: cfg, rng: rand.NewChaCha8(seed)}
	b.head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<soapenv:Envelope xmlns:soapenv="` + soap11NS + `" xmlns:k="` + ingeNS + `"><soapenv:Header>` +
		`<wsse:Security xmlns:wsse="` + secextNS + `" xmlns:wsu="` + utilityNS + `" xmlns:soapenv="` + soap11NS + `" soapenv:mustUnderstand="1">` +
		`<wsse:UsernameToken><wsse:Username>` + escape(cfg.user) + `</wsse:Username>`
	b.body = `</wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body>` + requestBody(cfg) + `</soapenv:Body></soapenv:Envelope>`
	return b
}

// next returns a new envelope with a fresh token. The slice is valid until
// the next call.
func (b *builder) next() []byte {
	binary.LittleEndian.PutUint64(b.nonce[:8], b.rng.Uint64())
	binary.LittleEndian.PutUint64(b.nonce[8:], b.rng.Uint64())
	created := time.Now().UTC().Format(createdLayout)
	h := sha1.New()
	h.Write(b.nonce[:])
	io.WriteString(h, created)
	io.WriteString(h, b.cfg.password)
	var sum [sha1.Size]byte
	digest := base64.StdEncoding.EncodeToString(h.Sum(sum[:0]))
	base64.StdEncoding.Encode(b.nonceB64[:], b.nonce[:])

	b.buf.Reset()
	b.buf.WriteString(b.head)
	b.buf.WriteString(`<wsse:Password Type="` + digestType + `">`)
	b.buf.WriteString(digest)
	b.buf.WriteString(`</wsse:Password><wsse:Nonce EncodingType="` + base64Binary + `">`)
	b.buf.Write(b.nonceB64[:])
	b.buf.WriteString(`</wsse:Nonce><wsu:Created>`)
	b.buf.WriteString(created)
	b.buf.WriteString(`</wsu:Created>`)
	if b.cfg.kurse > 1 {
		// The body names the first course: another is put in its place.
		erster, _ := kursNummer(b.cfg.kurskennung)
		kurs := fmt.Sprintf("K%09d", erster+int(b.rng.Uint64()%uint64(b.cfg.kurse)))
		b.buf.WriteString(strings.Replace(b.body, b.cfg.kurskennung, kurs, 1))
	} else {
		b.buf.WriteString(b.body)
	}
	return b.buf.Bytes()
}

// kursNummer returns the number of a Kurskennung K<9 digits>.
func kursNummer(kennung string) (int, error) {
	if len(kennung) != 10 || kennung[0] != 'K' {
		return 0, fmt.Errorf("%q is no Kurskennung", kennung)
	}
	return strconv.Atoi(kennung[1:])
}

// requestBody is the body element of a kind. KursplanungErfassen is the plan
// of Testfall KP-1 as in internal/mockserver's kursplanungBody, starting in
// 60 days.
func requestBody(cfg config) string {
	mandant := `<k:Mandant><k:Traegernummer>` + escape(cfg.traeger) + `</k:Traegernummer></k:Mandant>`
	switch cfg.kind {
	case "erfassen", "rollback":
		rollback := ""
		if cfg.kind == "rollback" {
			rollback = `<k:Rollback>true</k:Rollback>`
		}
		beginn := time.Now().AddDate(0, 0, 60)
		return `<k:KursplanungErfassen>` + mandant + rollback + `
  <k:Kursplanung>
    <k:Kursart>01</k:Kursart>
    <k:BeginnKursabschnitt>1</k:BeginnKursabschnitt>
    <k:Kursbeginn>` + beginn.Format(time.DateOnly) + `</k:Kursbeginn>
    <k:Kursende>` + beginn.AddDate(0, 0, 180).Format(time.DateOnly) + `</k:Kursende>
    <k:Kursort>KO-10000001-01</k:Kursort>
    <k:Unterrichtszeit><k:Wochentag>Mo</k:Wochentag><k:Beginn>08:30</k:Beginn><k:Ende>12:45</k:Ende><k:Unterrichtseinheiten>5</k:Unterrichtseinheiten></k:Unterrichtszeit>
    <k:TnrKursMax>20</k:TnrKursMax>
    <k:Teilnehmer><k:Ident><k:Geburtsdatum>1991-04-17</k:Geburtsdatum><k:Aktenzeichen Art="BAMF">6100101-475</k:Aktenzeichen></k:Ident></k:Teilnehmer>
    <k:Teilnehmer><k:Ident><k:Geburtsdatum>1995-11-02</k:Geburtsdatum><k:Aktenzeichen Art="BAMF">6100102-423</k:Aktenzeichen></k:Ident></k:Teilnehmer>
    <k:Lehrkraft><k:Lehrkraftkennung>LK-2019-00417</k:Lehrkraftkennung></k:Lehrkraft>
  </k:Kursplanung>
</k:KursplanungErfassen>`
	default:
		return `<k:Kursauskunft>` + mandant + `<k:Kurskennung>` + escape(cfg.kurskennung) + `</k:Kurskennung></k:Kursauskunft>`
	}
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func escape(s string) string { return xmlEscaper.Replace(s) }

// tagPattern finds <name or <prefix:name followed by what rest matches.
type tagPattern struct {
	name string
	at   *regexp.Regexp // the pattern, anchored at the <
}

func newTagPattern(name, rest string) *tagPattern {
	return &tagPattern{name: name, at: regexp.MustCompile(`^<(?:[A-Za-z_][\w.-]*:)?` + name + rest)}
}

// FindSubmatch returns the leftmost match of the pattern in body and its
// group, as regexp's FindSubmatch of the unanchored pattern would: the
// match begins at the last < before an occurrence of the name, since a
// prefix holds no <.
func (p *tagPattern) FindSubmatch(body []byte) [][]byte {
	for from := 0; ; {
		i := bytes.Index(body[from:], []byte(p.name))
		if i < 0 {
			return nil
		}
		i += from
		if lt := bytes.LastIndexByte(body[:i], '<'); lt >= 0 {
			if m := p.at.FindSubmatch(body[lt:]); m != nil {
				return m
			}
		}
		from = i + 1
	}
}

// Match reports whether body has a match.
func (p *tagPattern) Match(body []byte) bool { return p.FindSubmatch(body) != nil }

// outcome classifies one answer: "" is correct.
type outcome struct {
	class  string // transport, http, fault, status, duplicate
	detail string
}

type checker struct {
	k    kind
	mu   sync.Mutex
	seen map[string]struct{}
}

func (c *checker) check(status int, body []byte) outcome {
	if status != http.StatusOK {
		if faultPattern.Match(body) {
			return outcome{"http", fmt.Sprintf("HTTP %d, Fault %s", status, faultCode(body))}
		}
		return outcome{"http", fmt.Sprintf("HTTP %d", status)}
	}
	if faultPattern.Match(body) {
		return outcome{"fault", "Fault " + faultCode(body)}
	}
	if c.k.status == "" {
		return outcome{}
	}
	m := statusPattern.FindSubmatch(body)
	if m == nil || string(m[1]) != c.k.status {
		got := "none"
		if m != nil {
			got = string(m[1])
		}
		return outcome{"status", "Status " + got + "; want " + c.k.status}
	}
	if c.k.newKey {
		m := kurskennungPattern.FindSubmatch(body)
		if m == nil {
			return outcome{"status", "no Kurskennung"}
		}
		c.mu.Lock()
		_, dup := c.seen[string(m[1])]
		c.seen[string(m[1])] = struct{}{}
		c.mu.Unlock()
		if dup {
			return outcome{"duplicate", "Kurskennung " + string(m[1]) + " twice"}
		}
	}
	return outcome{}
}

// faultCode is the harness's Fault code (F303) if the detail has one, and
// the faultstring.
func faultCode(body []byte) string {
	var code, text string
	if m := faultCodePattern.FindSubmatch(body); m != nil {
		code = string(m[1]) + " "
	}
	if m := faultStringPattern.FindSubmatch(body); m != nil {
		text = strconv.Quote(string(m[1]))
	}
	if code == "" && text == "" {
		return "(no faultstring)"
	}
	return code + text
}

func runOnce(cfg config, k kind) int {
	b := newBuilder(cfg)
	c, err := newConn(cfg.url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "last:", err)
		return 1
	}
	status, body, err := c.post(k.op, b.next())
	if err != nil {
		fmt.Fprintln(os.Stderr, "last:", err)
		return 1
	}
	os.Stdout.Write(body)
	fmt.Println()
	ch := &checker{k: k, seen: map[string]struct{}{}}
	if o := ch.check(status, body); o.class != "" {
		fmt.Fprintf(os.Stderr, "last: %s: %s\n", o.class, o.detail)
		return 1
	}
	return 0
}

// result is the JSON line of a run.
type result = messung.Zeile

type worker struct {
	latencies []time.Duration
	errors    map[string]int
	warmup    int
	warmupErr int
}

func run(cfg config, k kind) (*result, error) {
	if _, err := newConn(cfg.url); err != nil {
		return nil, err
	}
	c := &checker{k: k, seen: map[string]struct{}{}}
	var (
		start, end atomic.Int64 // unix nanos of the measured window; 0 until known
		sampleOnce sync.Once
		sampleErr  string
		sampleBody string
	)
	t0 := time.Now()
	start.Store(t0.Add(cfg.warmup).UnixNano())
	end.Store(t0.Add(cfg.warmup + cfg.duration).UnixNano())
	workers := make([]*worker, cfg.conns)
	var wg sync.WaitGroup
	for i := range workers {
		w := &worker{latencies: make([]time.Duration, 0, 1<<14), errors: map[string]int{}}
		workers[i] = w
		b := newBuilder(cfg)
		conn, _ := newConn(cfg.url) // checked above
		wg.Go(func() {
			defer conn.close()
			for {
				env := b.next()
				t := time.Now()
				if t.UnixNano() >= end.Load() {
					return
				}
				status, body, err := conn.post(k.op, env)
				done := time.Now()
				var o outcome
				if err != nil {
					o = outcome{"transport", err.Error()}
				} else {
					o = c.check(status, body)
				}
				measured := t.UnixNano() >= start.Load() && done.UnixNano() <= end.Load()
				if o.class != "" {
					sampleOnce.Do(func() {
						sampleErr = o.class + ": " + o.detail
						if len(body) > 2000 {
							body = body[:2000]
						}
						sampleBody = string(body)
					})
					if measured {
						w.errors[o.class]++
					} else if t.UnixNano() < start.Load() {
						w.warmupErr++
					}
					if o.class == "transport" {
						time.Sleep(10 * time.Millisecond) // no busy loop against a dead server
					}
				}
				switch {
				case measured && o.class == "":
					w.latencies = append(w.latencies, done.Sub(t))
				case t.UnixNano() < start.Load():
					w.warmup++
				}
			}
		})
	}

	// The CPU times are read at the edges of the measured window.
	time.Sleep(time.Until(time.Unix(0, start.Load())))
	srv0, srvErr := procTicks(cfg.pid)
	self0, _ := procTicks(os.Getpid())
	time.Sleep(time.Until(time.Unix(0, end.Load())))
	srv1, srvErr1 := procTicks(cfg.pid)
	self1, _ := procTicks(os.Getpid())
	wg.Wait()

	res := &result{
		Label: cfg.label, Kind: cfg.kind, URL: cfg.url, Conns: cfg.conns,
		Seconds:       cfg.duration.Seconds(),
		ErrorsByClass: map[string]int{},
		SampleError:   sampleErr, SampleBody: sampleBody,
	}
	var all []time.Duration
	for _, w := range workers {
		all = append(all, w.latencies...)
		for class, n := range w.errors {
			res.ErrorsByClass[class] += n
			res.Errors += n
		}
		res.WarmupRequests += w.warmup
		res.WarmupErrors += w.warmupErr
	}
	res.Requests = len(all)
	res.ReqPerSec = round(float64(len(all))/cfg.duration.Seconds(), 1)
	slices.Sort(all)
	res.P50ms = round(quantile(all, 0.50).Seconds()*1000, 3)
	res.P99ms = round(quantile(all, 0.99).Seconds()*1000, 3)
	if n := len(all); n > 0 {
		tick := float64(time.Second/time.Microsecond) / float64(cfg.clkTck)
		res.ClientCPUusPerReq = round(float64(self1-self0)*tick/float64(n), 1)
		if cfg.pid > 0 {
			if srvErr != nil || srvErr1 != nil {
				return nil, fmt.Errorf("server CPU of pid %d: %v", cfg.pid, errors.Join(srvErr, srvErr1))
			}
			v := round(float64(srv1-srv0)*tick/float64(n), 1)
			res.ServerCPUusPerReq = &v
		}
	}
	if len(res.ErrorsByClass) == 0 {
		res.ErrorsByClass = nil
	}
	return res, nil
}

// quantile is the nearest-rank quantile of sorted durations.
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func round(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(v*p+0.5)) / p
}

// procTicks is utime+stime of a process in clock ticks, from /proc/PID/stat.
// pid 0 is no process and 0 ticks.
func procTicks(pid int) (int64, error) {
	if pid <= 0 {
		return 0, nil
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name, field 2, is in parentheses and may contain spaces.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: no ')'", pid)
	}
	fields := strings.Fields(string(b[i+1:]))
	// fields[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(fields) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(fields))
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, fmt.Errorf("/proc/%d/stat: %w", pid, err)
	}
	return utime + stime, nil
}
