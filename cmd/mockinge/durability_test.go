package main

import (
	"bufio"
	"context"
	"database/sql"
	"io"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // PRAGMA integrity_check on the file

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/ingetest"
)

// TestDurabilityUnderSIGKILL starts mockinge as a process, lets concurrent
// clients plan courses, kills the process with SIGKILL at a random moment,
// and starts it again, ten times. Every course whose Kurskennung a client
// received must be there afterwards, with all its participants; no course
// exists only in part; and SQLite's integrity check passes.
func TestDurabilityUnderSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills mockinge ten times")
	}
	bin := filepath.Join(t.TempDir(), "mockinge")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build mockinge: %v\n%s", err, out)
	}
	db := filepath.Join(t.TempDir(), "durable.db")
	const rounds, writers = 10, 8
	plaene := plaeneMitZweiTeilnehmern(t)
	var (
		mu    sync.Mutex
		acked []string
	)
	for round := range rounds {
		proc, endpoint := startProcess(t, bin, db)
		ctx, cancel := context.WithCancel(t.Context())
		var wg sync.WaitGroup
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := kt1Client(endpoint)
				for i := 0; ctx.Err() == nil; i++ {
					req := &inge.KursplanungErfassenAnfrage{Anfrage: kt1.Anfrage(), Kursplanung: plaene[(round*31+w*7+i)%len(plaene)]}
					resp, err := inge.KursplanungErfassen.Call(ctx, c, req)
					if err != nil {
						return // the process is gone
					}
					if resp.Status != inge.StatusVerarbeitet {
						t.Errorf("round %d: %s %v", round, resp.Status, resp.List())
						return
					}
					mu.Lock()
					acked = append(acked, resp.Kurskennung)
					mu.Unlock()
				}
			}()
		}
		time.Sleep(time.Duration(100+rand.IntN(400)) * time.Millisecond) // a random moment
		if err := proc.Process.Kill(); err != nil {                      // SIGKILL
			t.Fatal(err)
		}
		_ = proc.Wait()
		cancel()
		wg.Wait()
	}
	if len(acked) == 0 {
		t.Fatal("no write was acknowledged; the test proves nothing")
	}

	proc, endpoint := startProcess(t, bin, db)
	c := kt1Client(endpoint)
	for _, kk := range acked {
		resp, err := inge.Kursauskunft.Call(t.Context(), c, &inge.KursauskunftAnfrage{Anfrage: kt1.Anfrage(), Kurskennung: kk})
		if err != nil || resp.Kurs == nil || len(resp.Kurs.Teilnehmer) != 2 {
			t.Errorf("acknowledged course %s after the kills: %v %+v", kk, err, resp)
		}
	}
	if err := proc.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = proc.Wait()

	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var check string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("PRAGMA integrity_check = %q, %v; want ok", check, err)
	}
	var partial int
	if err := conn.QueryRow(`SELECT count(*) FROM kurs k WHERE (SELECT count(*) FROM kurs_teilnehmer t WHERE t.kurskennung = k.kurskennung) != 2`).Scan(&partial); err != nil || partial != 0 {
		t.Errorf("%d courses exist only in part (%v)", partial, err)
	}
	t.Logf("%d rounds, %d acknowledged courses, all present", rounds, len(acked))
}

// startProcess starts mockinge on a free port and waits for its banner.
func startProcess(t *testing.T, bin, db string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-admin-addr", "", "-db", db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	endpoint := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		url := ""
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "SOAP-Endpunkt:"); ok {
				url = strings.TrimSpace(rest)
			}
			if line == "mockinge: bereit" {
				endpoint <- url
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case url := <-endpoint:
		return cmd, url
	case <-time.After(30 * time.Second):
		t.Fatal("mockinge did not start within 30 s")
		return nil, ""
	}
}

// kt1 is the account the clients of the test plan their courses with.
var kt1 = ingetest.KT1()

func kt1Client(endpoint string) *inge.Client {
	return &inge.Client{Endpoint: endpoint, Credentials: kt1.Credentials()}
}

// plaeneMitZweiTeilnehmern returns KP-1 plans (ingetest.Plan) with two
// registered persons, one for each of 60 days from two months ahead, so
// that the concurrent clients plan different courses.
func plaeneMitZweiTeilnehmern(t *testing.T) []inge.Kursplanung {
	t.Helper()
	beginn := time.Now().AddDate(0, 2, 0)
	var out []inge.Kursplanung
	for d := range 60 {
		k := ingetest.Plan(t, "KP-1", inge.DatumOf(beginn.AddDate(0, 0, d)))
		k.Teilnehmer = k.Teilnehmer[:2]
		out = append(out, k)
	}
	return out
}
