package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readmeStep is one command of the README's walk-through and the output
// the README shows for it.
type readmeStep struct {
	line    int // in README.md
	command string
	comment string // the "# ..." at the end of a one-line command
	output  []string
}

// readmeWalkthrough returns the commands of the ```sh blocks in the README
// from "### Admin API" to the next section ("## "): lines starting with "$ ", with
// their continuation lines and here documents, each followed by the output
// the README shows.
func readmeWalkthrough(t *testing.T) []readmeStep {
	t.Helper()
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		steps           []readmeStep
		inSection, inSh bool
		heredoc         string
		continued       bool
		n               int
	)
	hereStart := regexp.MustCompile(`<<'(\w+)'`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case line == "### Admin API":
			inSection = true
			continue
		case strings.HasPrefix(line, "## "):
			inSection = false
		}
		if !inSection {
			continue
		}
		if !inSh {
			inSh = line == "```sh"
			continue
		}
		if heredoc == "" && !continued && line == "```" {
			inSh = false
			continue
		}
		cur := func() *readmeStep { return &steps[len(steps)-1] }
		switch {
		case heredoc != "":
			cur().command += "\n" + line
			if line == heredoc {
				heredoc = ""
			}
		case continued:
			cur().command += "\n" + line
			continued = strings.HasSuffix(line, `\`)
			if m := hereStart.FindStringSubmatch(line); m != nil {
				heredoc = m[1]
			}
		case strings.HasPrefix(line, "$ "):
			cmd := strings.TrimPrefix(line, "$ ")
			if strings.HasPrefix(cmd, "#") {
				t.Errorf("README.md:%d: %q is a comment where a command belongs", n, line)
				continue
			}
			st := readmeStep{line: n, command: cmd}
			if m := hereStart.FindStringSubmatch(cmd); m != nil {
				heredoc = m[1]
			} else if i := strings.Index(cmd, "  # "); i >= 0 {
				// A comment after the command, set off by two spaces.
				st.command, st.comment = strings.TrimSpace(cmd[:i]), strings.TrimSpace(cmd[i+4:])
			}
			continued = strings.HasSuffix(cmd, `\`)
			steps = append(steps, st)
		case len(steps) > 0:
			cur().output = append(cur().output, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return steps
}

// volatile are the parts of an answer that change from run to run.
var volatile = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`"(erstellt|zeit)": "[^"]*"`), `"$1": "…"`},
	{regexp.MustCompile(`"(id)": \d+`), `"$1": 0`},
	{regexp.MustCompile(`"dauer": "[^"]*"`), `"dauer": "…"`},
	{regexp.MustCompile(`V-\d{8}-[0-9a-f]{16}`), "V-…"},
	{regexp.MustCompile(`^\d{8}T\d{6}\.\d{3}Z_\d{6}_`), "…_"},
}

func normaliseOutput(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		for _, v := range volatile {
			l = v.re.ReplaceAllString(l, v.repl)
		}
		out[i] = l
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

// TestREADMEWalkthrough runs the README's admin walk-through top to bottom
// with bash and curl against a real mockinge (run, as main calls it) with a
// fresh database, on free ports that replace 8080 and 8081, and compares
// every output the README shows, after normalising times, IDs and
// Vorgangsnummern. A command shown without output must not answer with a
// "fehler", and one marked "# 204" must answer nothing.
func TestREADMEWalkthrough(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "unzip"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found; CI must install it", tool)
			}
			t.Skipf("%s not found", tool)
		}
	}
	steps := readmeWalkthrough(t)
	if len(steps) < 15 {
		t.Fatalf("found %d commands in the README's walk-through; want at least 15", len(steps))
	}
	t.Logf("%d commands in the README's walk-through", len(steps))
	work := t.TempDir()
	r := MustRun(t, []string{"-addr", "127.0.0.1:0", "-admin-addr", "127.0.0.1:0", "-db", filepath.Join(work, "mockinge.db")}, env(nil))
	admin := r.WaitFor(t, adminLine)[1]
	soapBase := strings.TrimSuffix(r.endpoint, "/inge")
	urls := strings.NewReplacer("http://127.0.0.1:8081", admin, "http://127.0.0.1:8080", soapBase)

	for _, st := range steps {
		cmd := exec.CommandContext(t.Context(), "bash", "-c", "set -o pipefail\n"+urls.Replace(st.command))
		cmd.Dir = work
		out, err := cmd.CombinedOutput()
		got := strings.TrimRight(string(out), "\n")
		where := "README.md:" + strconv.Itoa(st.line) + ": " + firstLine(st.command)
		if err != nil {
			t.Errorf("%s\nfailed: %v\n%s", where, err, out)
			continue
		}
		switch {
		case len(st.output) > 0:
			if g, w := normaliseOutput(strings.Split(got, "\n")), normaliseOutput(st.output); g != w {
				t.Errorf("%s\ngot (normalised):\n%s\nREADME shows (normalised):\n%s", where, g, w)
			}
		case st.comment == "204":
			if got != "" {
				t.Errorf("%s\ngot %q; README says 204, no body", where, got)
			}
		case strings.Contains(got, `"fehler"`):
			t.Errorf("%s\nanswered with an error: %s", where, got)
		}
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
