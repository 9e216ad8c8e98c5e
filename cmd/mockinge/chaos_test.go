package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// TestChaos runs mockinge as a process with 4 sandboxes under mixed load
// (plans, LiD exams, reads, asynchronous plans during outages) and, round
// by round, kills it with SIGKILL at a random moment and starts it again,
// resets sandboxes and changes their users while requests run, and fills
// the disk (a small tmpfs, where the machine allows one). After every round
// it checks the invariants of issue 14:
//
//   - every acknowledged write is present exactly once, with exactly one
//     final journal entry (an asynchronous one: once accepted, once applied);
//   - no Kurskennung or Pruefungsnummer is handed out twice in a sandbox;
//   - PRAGMA integrity_check is ok for every database file;
//   - no password appears in any journal or in the log.
//
// It takes about a minute; -short leaves it out.
func TestChaos(t *testing.T) {
	if testing.Short() {
		t.Skip("a minute of chaos")
	}
	bin := buildMockinge(t)
	dir, full := chaosDir(t)
	c := &chaos{t: t, bin: bin, db: filepath.Join(dir, "chaos.db"), full: full, rng: rand.New(rand.NewPCG(14, uint64(time.Now().UnixNano()))),
		acked: map[string][]*write{}, gen: map[string]int{}, users: map[string]map[string]bool{}, plaene: plaeneMitZweiTeilnehmern(t)}
	const rounds = 10
	c.start()
	for _, sb := range chaosSandboxes {
		c.createSandbox(sb)
	}
	for round := range rounds {
		c.round(round)
	}
	c.stop()
	t.Logf("%d rounds: %d acknowledged writes (%d asynchronous), %d kills, %d resets, %d user changes, %d refusals with a full disk%s",
		rounds, c.stats.writes, c.stats.async, c.stats.kills, c.stats.resets, c.stats.userChanges, c.stats.fullRefusals, c.fullNote)
}

var chaosSandboxes = []string{"c1", "c2", "c3", "c4"}

// chaos is the state of one chaos run: the process, and what clients were
// told.
type chaos struct {
	t    *testing.T
	bin  string
	args []string // before mockinge's own
	db   string
	full string // the tmpfs to fill; "" if there is none
	rng  *rand.Rand

	plaene   []inge.Kursplanung
	proc     *exec.Cmd
	endpoint string
	admin    string
	logs     *bytes.Buffer // stdout and stderr of every run
	logsMu   sync.Mutex

	mu    sync.Mutex
	acked map[string][]*write        // by sandbox
	gen   map[string]int             // by sandbox: odd while a reset runs
	users map[string]map[string]bool // by sandbox: users the admin API confirmed

	fullNote string
	stats    struct {
		writes, async, kills, resets, userChanges, fullRefusals int
	}
}

// write is an acknowledged write: a Vorgangsnummer and what it handed
// out, in the generation of its sandbox it was sent and answered in.
type write struct {
	op, vorgang, nummer string
	async               bool
	resolved            bool // the number of an asynchronous one was read from its final entry
	sent, answered      int
}

// chaosDir returns the directory of the databases: a tmpfs of 64 MiB that
// the test can fill, or a temporary directory when none can be mounted.
func chaosDir(t *testing.T) (dir, full string) {
	dir = t.TempDir()
	mnt := filepath.Join(dir, "tmpfs")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=64m"); err != nil {
		return dir, ""
	}
	t.Cleanup(func() { _ = syscall.Unmount(mnt, syscall.MNT_DETACH) })
	return mnt, mnt
}

// buildMockinge builds the binary once per test.
func buildMockinge(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mockinge")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build mockinge: %v\n%s", err, out)
	}
	return bin
}

var endpointRE = regexp.MustCompile(`SOAP-Endpunkt: (\S+)`)
var adminRE = regexp.MustCompile(`Admin-API: +(\S+)`)

// start starts mockinge and waits for its banner.
func (c *chaos) start() {
	c.t.Helper()
	if c.logs == nil {
		c.logs = &bytes.Buffer{}
	}
	args := append(append([]string(nil), c.args...), "-addr", "127.0.0.1:0", "-admin-addr", "127.0.0.1:0", "-db", c.db, "-max-concurrent-sandbox", "16", "-journal-max-eintraege", "0", "-log-level", "debug")
	cmd := exec.Command(c.bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	cmd.Stderr = lockedWriter{&c.logsMu, c.logs}
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { _ = cmd.Process.Kill() })
	ready := make(chan [2]string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		var ep, ad string
		for sc.Scan() {
			line := sc.Text()
			c.logsMu.Lock()
			c.logs.WriteString(line + "\n")
			c.logsMu.Unlock()
			if m := endpointRE.FindStringSubmatch(line); m != nil {
				ep = m[1]
			}
			if m := adminRE.FindStringSubmatch(line); m != nil {
				ad = m[1]
			}
			if line == "mockinge: bereit" {
				ready <- [2]string{ep, ad}
			}
		}
	}()
	select {
	case a := <-ready:
		c.proc, c.endpoint, c.admin = cmd, a[0], a[1]
	case <-time.After(30 * time.Second):
		c.t.Fatalf("mockinge did not start within 30 s\n%s", c.logString())
	}
}

// kill ends the process with SIGKILL.
func (c *chaos) kill() {
	_ = c.proc.Process.Kill()
	_ = c.proc.Wait()
	c.stats.kills++
}

// stop ends the process with SIGTERM, as a shutdown.
func (c *chaos) stop() {
	_ = c.proc.Process.Signal(syscall.SIGTERM)
	if err := c.proc.Wait(); err != nil {
		c.t.Errorf("mockinge after SIGTERM: %v", err)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (c *chaos) logString() string {
	c.logsMu.Lock()
	defer c.logsMu.Unlock()
	return c.logs.String()
}

func chaosPassword(user string) string { return "Chaos!" + user + "#7" }

// adminCall sends a request to the admin API; it returns the status, 0
// without an answer.
func (c *chaos) adminCall(ctx context.Context, method, path, body string) (int, []byte) {
	req, err := http.NewRequestWithContext(ctx, method, c.admin+path, strings.NewReader(body))
	if err != nil {
		return 0, nil
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func (c *chaos) createSandbox(name string) {
	user := name + ".kt1"
	body := fmt.Sprintf(`{"name": %q, "benutzer": [{"name": %q, "passwort": %q, "traegernummer": "10000001"}]}`, name, user, chaosPassword(user))
	if status, b := c.adminCall(c.t.Context(), http.MethodPost, "/sandboxes", body); status != http.StatusCreated {
		c.t.Fatalf("POST /sandboxes %s: %d %s", name, status, b)
	}
	c.users[name] = map[string]bool{user: true}
}

// round runs the load against every sandbox with one disturbance or more,
// then restarts mockinge and checks the invariants.
func (c *chaos) round(round int) {
	ctx, cancel := context.WithCancel(c.t.Context())
	var wg sync.WaitGroup
	for _, sb := range chaosSandboxes {
		for w := range 2 {
			wg.Go(func() { c.worker(ctx, sb, round*10+w) })
		}
	}
	fullRound := round == 4 || round == 8
	var freed func()
	dur := time.Duration(1500+c.rng.IntN(1500)) * time.Millisecond
	killAt := time.Duration(c.rng.IntN(int(dur)))
	disturb, kill := time.NewTimer(killAt/3), time.NewTimer(killAt)
	defer disturb.Stop()
	for killed := false; !killed; {
		select {
		case <-disturb.C:
			switch c.rng.IntN(4) {
			case 0:
				c.reset(ctx, chaosSandboxes[c.rng.IntN(len(chaosSandboxes))])
			case 1:
				c.changeUsers(ctx, chaosSandboxes[c.rng.IntN(len(chaosSandboxes))], round)
			default:
				c.outage(ctx, chaosSandboxes[c.rng.IntN(len(chaosSandboxes))])
			}
			if fullRound && freed == nil {
				freed = c.fillDisk()
			}
			disturb.Reset(time.Duration(200+c.rng.IntN(400)) * time.Millisecond)
		case <-kill.C: // a random moment of the round
			c.kill()
			killed = true
		}
	}
	cancel()
	wg.Wait()
	if freed != nil {
		freed()
	}
	c.start()
	c.check(round)
}

// worker sends requests to one sandbox until ctx ends or the process is
// gone, and records what it was told was written.
func (c *chaos) worker(ctx context.Context, sb string, seed int) {
	user := sb + ".kt1"
	client := &inge.Client{Endpoint: c.endpoint, Credentials: &inge.Credentials{Username: user, Password: chaosPassword(user)}}
	konto := kt1
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	for i := 0; ctx.Err() == nil; i++ {
		c.mu.Lock()
		gen := c.gen[sb]
		c.mu.Unlock()
		async := rng.IntN(3) == 0
		var w *write
		switch rng.IntN(4) {
		case 0, 1:
			req := &inge.KursplanungErfassenAnfrage{Anfrage: konto.Anfrage(), Kursplanung: c.plaene[rng.IntN(len(c.plaene))]}
			req.Asynchron = async
			resp, err := inge.KursplanungErfassen.Call(ctx, client, req)
			if err != nil || (resp.Status != inge.StatusVerarbeitet && resp.Status != inge.StatusAngenommen) {
				c.noteRefusal(err)
				continue
			}
			w = &write{op: "KursplanungErfassen", vorgang: resp.Vorgangsnummer, nummer: resp.Kurskennung, async: resp.Status == inge.StatusAngenommen}
		case 2:
			req := &inge.LidPruefungErfassenAnfrage{Anfrage: konto.Anfrage(), Pruefung: inge.LidPruefung{
				Pruefungsdatum: inge.DatumOf(time.Now().AddDate(0, 1, 0)), Beginnzeit: "09:00", Pruefungsort: "KO-10000001-01",
				Raumnummer: fmt.Sprintf("R %d", i), KontaktEmail: "pruefung@example.org", Verwaltungsstandort: "VS-10000001-01",
			}}
			req.Asynchron = async
			resp, err := inge.LidPruefungErfassen.Call(ctx, client, req)
			if err != nil || (resp.Status != inge.StatusVerarbeitet && resp.Status != inge.StatusAngenommen) {
				c.noteRefusal(err)
				continue
			}
			w = &write{op: "LidPruefungErfassen", vorgang: resp.Vorgangsnummer, nummer: resp.Pruefungsnummer, async: resp.Status == inge.StatusAngenommen}
		default:
			_, _ = inge.Kursauskunft.Call(ctx, client, &inge.KursauskunftAnfrage{Anfrage: konto.Anfrage(), Kurskennung: "K000000001"})
			continue
		}
		c.mu.Lock()
		w.sent, w.answered = gen, c.gen[sb]
		c.acked[sb] = append(c.acked[sb], w)
		c.stats.writes++
		if w.async {
			c.stats.async++
		}
		c.mu.Unlock()
	}
}

func (c *chaos) noteRefusal(err error) {
	if inge.FaultCode(err) == "F300" {
		c.mu.Lock()
		c.stats.fullRefusals++
		c.mu.Unlock()
	}
}

// reset resets a sandbox while the workers write; the writes answered
// before it are gone, those sent after it must stay.
func (c *chaos) reset(ctx context.Context, sb string) {
	c.mu.Lock()
	c.gen[sb]++
	c.mu.Unlock()
	status, _ := c.adminCall(ctx, http.MethodPost, "/sandboxes/"+sb+"/reset", "")
	c.mu.Lock()
	if status == http.StatusOK {
		c.gen[sb]++
		c.stats.resets++
	} else {
		// Killed or refused meanwhile: whether it happened is unknown,
		// so every write of the sandbox so far is left unchecked.
		c.gen[sb] += 3
	}
	c.mu.Unlock()
}

// changeUsers adds a user to a sandbox and removes one added earlier.
func (c *chaos) changeUsers(ctx context.Context, sb string, round int) {
	user := fmt.Sprintf("%s.r%d-%d", sb, round, c.rng.IntN(1000))
	body := fmt.Sprintf(`{"name": %q, "passwort": %q, "traegernummer": "10000002"}`, user, chaosPassword(user))
	if status, _ := c.adminCall(ctx, http.MethodPost, "/sandboxes/"+sb+"/benutzer", body); status == http.StatusCreated {
		c.mu.Lock()
		c.users[sb][user] = true
		c.stats.userChanges++
		c.mu.Unlock()
	}
	for old := range c.users[sb] {
		if old == sb+".kt1" || old == user {
			continue
		}
		if status, _ := c.adminCall(ctx, http.MethodDelete, "/sandboxes/"+sb+"/benutzer/"+old, ""); status == http.StatusNoContent {
			c.mu.Lock()
			delete(c.users[sb], old)
			c.stats.userChanges++
			c.mu.Unlock()
		}
		break
	}
}

// outage lets InGe be down for a sandbox for a moment: its workers'
// asynchronous requests are queued, and applied when it ends (or, after a
// kill, when the sandbox is next opened).
func (c *chaos) outage(ctx context.Context, sb string) {
	if status, _ := c.adminCall(ctx, http.MethodPut, "/sandboxes/"+sb+"/stoerungen", `{"ausfall": true}`); status != http.StatusOK {
		return
	}
	lasts := time.Duration(100+c.rng.IntN(300)) * time.Millisecond // drawn here: c.rng is the round's goroutine's
	go func() {
		select {
		case <-time.After(lasts):
			c.adminCall(ctx, http.MethodDelete, "/sandboxes/"+sb+"/stoerungen", "")
		case <-ctx.Done():
		}
	}()
}

// fillDisk fills the tmpfs but for a few KiB, and returns the function
// that frees it again.
func (c *chaos) fillDisk() func() {
	if c.full == "" {
		c.fullNote = "; the full disk was left out: no tmpfs could be mounted (needs root and a kernel that allows it)"
		return func() {}
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(c.full, &st); err != nil {
		c.t.Fatal(err)
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	filler := filepath.Join(c.full, "fueller")
	f, err := os.Create(filler)
	if err != nil {
		c.t.Fatal(err)
	}
	buf := make([]byte, 1<<20)
	for left := free - 16<<10; left > 0; left -= int64(len(buf)) {
		if _, err := f.Write(buf[:min(int64(len(buf)), left)]); err != nil {
			break
		}
	}
	f.Close()
	return func() { _ = os.Remove(filler) }
}

// check applies the queues (by opening every sandbox), stops mockinge,
// checks the invariants on its files and log, and starts it again.
func (c *chaos) check(round int) {
	t := c.t
	for _, sb := range chaosSandboxes {
		// Opening a sandbox applies what it queued before the kill.
		if status, b := c.adminCall(t.Context(), http.MethodDelete, "/sandboxes/"+sb+"/stoerungen", ""); status != http.StatusOK {
			t.Fatalf("round %d: DELETE stoerungen of %s: %d %s", round, sb, status, b)
		}
		c.checkUsers(round, sb)
	}
	c.stop()
	files, err := filepath.Glob(filepath.Join(filepath.Dir(c.db), "*.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		integrity(t, round, f)
	}
	for _, sb := range chaosSandboxes {
		c.checkSandbox(round, sb, strings.TrimSuffix(c.db, ".db")+".sandbox-"+sb+".db")
	}
	c.checkPasswords(round, files)
	c.start()
}

// checkUsers compares the users the admin API lists with those it
// confirmed.
func (c *chaos) checkUsers(round int, sb string) {
	status, b := c.adminCall(c.t.Context(), http.MethodGet, "/sandboxes/"+sb, "")
	if status != http.StatusOK {
		c.t.Fatalf("round %d: GET /sandboxes/%s: %d %s", round, sb, status, b)
	}
	var got struct {
		Benutzer []struct{ Name string } `json:"benutzer"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		c.t.Fatal(err)
	}
	have := map[string]bool{}
	for _, u := range got.Benutzer {
		have[u.Name] = true
	}
	for u := range c.users[sb] {
		if !have[u] {
			c.t.Errorf("round %d: sandbox %s lacks its user %s (added, never removed)", round, sb, u)
		}
	}
	if len(have) == 0 {
		c.t.Errorf("round %d: sandbox %s has no user", round, sb)
	}
}

func integrity(t *testing.T, round int, file string) {
	db, err := sql.Open("sqlite3", "file:"+file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Errorf("round %d: PRAGMA integrity_check of %s = %q, %v; want ok", round, filepath.Base(file), res, err)
	}
}

var kennungRE = regexp.MustCompile(`<(?:Kurskennung|Pruefungsnummer)>([^<]+)<`)

// checkSandbox checks one sandbox's file: every write acknowledged since
// its last reset is there once, with one final journal entry (and one
// acceptance if it was queued), nothing waits in its queue, and no number
// was handed out twice.
func (c *chaos) checkSandbox(round int, sb, file string) {
	t := c.t
	db, err := sql.Open("sqlite3", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var waiting int
	if err := db.QueryRow(`SELECT count(*) FROM warteschlange`).Scan(&waiting); err != nil || waiting != 0 {
		t.Errorf("round %d: %s: %d requests still queued (%v); want 0 after its queue was applied", round, sb, waiting, err)
	}
	c.mu.Lock()
	writes, gen := append([]*write(nil), c.acked[sb]...), c.gen[sb]
	c.mu.Unlock()
	seen := map[string]string{}
	for _, w := range writes {
		if prev, dup := seen[w.op+w.nummer]; dup && w.nummer != "" {
			t.Errorf("round %d: %s: %s %s handed out twice (%s and %s)", round, sb, w.op, w.nummer, prev, w.vorgang)
		}
		if w.nummer != "" {
			seen[w.op+w.nummer] = w.vorgang
		}
		if w.sent != gen || w.answered != gen {
			continue // answered before a reset of its sandbox, or during one
		}
		var final, accepted int
		err := db.QueryRow(`SELECT count(*) FILTER (WHERE ergebnis IN ('verarbeitet', 'abgelehnt', 'geprueft')), count(*) FILTER (WHERE ergebnis = 'angenommen')
			FROM journal WHERE vorgangsnummer = ?`, w.vorgang).Scan(&final, &accepted)
		if err != nil {
			t.Fatal(err)
		}
		wantAccepted := 0
		if w.async {
			wantAccepted = 1
		}
		if final != 1 || accepted != wantAccepted {
			t.Errorf("round %d: %s: %s %s (asynchronous %v) has %d final and %d accepting journal entries; want 1 and %d", round, sb, w.op, w.vorgang, w.async, final, accepted, wantAccepted)
			continue
		}
		if w.async && !w.resolved { // its number came with the final entry
			w.resolved = true
			var antwort []byte
			if err := db.QueryRow(`SELECT antwort FROM journal WHERE vorgangsnummer = ? AND ergebnis != 'angenommen'`, w.vorgang).Scan(&antwort); err != nil {
				t.Fatal(err)
			}
			if antwort, err = mockstate.JournalDokument(antwort); err != nil {
				t.Fatal(err)
			}
			if m := kennungRE.FindSubmatch(antwort); m != nil {
				w.nummer = string(m[1])
				if prev, dup := seen[w.op+w.nummer]; dup {
					t.Errorf("round %d: %s: %s %s handed out twice (%s and %s)", round, sb, w.op, w.nummer, prev, w.vorgang)
				}
				seen[w.op+w.nummer] = w.vorgang
			}
		}
		if w.nummer == "" {
			continue
		}
		table, column := "kurs", "kurskennung"
		if w.op == "LidPruefungErfassen" {
			table, column = "lid_pruefung", "pruefungsnummer"
		}
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM `+table+` WHERE `+column+` = ?`, w.nummer).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("round %d: %s: acknowledged %s %s is there %d times; want once", round, sb, w.op, w.nummer, n)
		}
	}
}

// checkPasswords looks for every password of the run in the journals and
// the log.
func (c *chaos) checkPasswords(round int, files []string) {
	t := c.t
	var secrets []string
	c.mu.Lock()
	for _, users := range c.users {
		for u := range users {
			secrets = append(secrets, chaosPassword(u))
		}
	}
	c.mu.Unlock()
	secrets = append(secrets, "Chaos!") // the prefix of every one, also of users removed since
	for _, f := range files {
		if !strings.Contains(filepath.Base(f), ".sandbox-") && filepath.Base(f) != filepath.Base(c.db) {
			continue // the index keeps the passwords, as every store's user table does
		}
		db, err := sql.Open("sqlite3", "file:"+f+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.Query(`SELECT id, coalesce(anfrage, ''), coalesce(antwort, '') FROM journal`)
		if err != nil {
			db.Close()
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var anfrage, antwort []byte
			if err := rows.Scan(&id, &anfrage, &antwort); err != nil {
				t.Fatal(err)
			}
			for _, doc := range []*[]byte{&anfrage, &antwort} {
				if *doc, err = mockstate.JournalDokument(*doc); err != nil {
					t.Errorf("round %d: journal entry %d of %s: %v", round, id, filepath.Base(f), err)
				}
			}
			for _, s := range secrets {
				if bytes.Contains(anfrage, []byte(s)) || bytes.Contains(antwort, []byte(s)) {
					t.Errorf("round %d: journal entry %d of %s holds a password", round, id, filepath.Base(f))
				}
			}
		}
		rows.Close()
		db.Close()
	}
	logs := c.logString()
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			t.Errorf("round %d: the log holds a password", round)
		}
	}
}
