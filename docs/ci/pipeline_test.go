package ci_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// The product's tests in the pipelines, replaced by stubs on PATH (and
// vendor/bin/phpunit in the work directory). They check that the access
// data of zugang.env and the tasks arrived, note it in produkt.log, and
// fail: the evaluation must run all the same.
const produktStub = `#!/bin/sh
for v in INGE_ENDPOINT INGE_WSDL INGE_SANDBOX INGE_TRAEGERNUMMER INGE_BENUTZER INGE_PASSWORT INGE_ABNAHMETAG; do
  eval "test -n \"\${$v:-}\"" || { echo "$0: $v fehlt" >&2; exit 9; }
done
test -s build/aufgaben.json || { echo "$0: build/aufgaben.json fehlt" >&2; exit 9; }
echo "$0: Zugang $INGE_BENUTZER" >> produkt.log
exit 3
`

// pipelineRun is what a run of a pipeline's shell left: the work directory
// and the output.
type pipelineRun struct {
	dir string
	out strings.Builder
}

// TestPipelines runs the shell of the Linux pipelines as their CI would:
// the GitHub job php-service-container step by step with its conditions,
// and the GitLab job's before_script, script and after_script. mockinge
// runs in-process instead of the service container, the release is
// certrunner built from this checkout with its SHA256SUMS, served from a
// file:// URL, and the product's tests are stubs that fail. The run must
// prepare, judge all the same, fail (no case passes with a stub) and leave
// the reports, the tasks and the journal in build/, and the access file
// outside it. The Windows job and the actions (uses:) do not run here.
func TestPipelines(t *testing.T) {
	if testing.Short() {
		t.Skip("builds certrunner and runs the pipelines' shell")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the pipelines' shell is for Linux runners")
	}
	for _, tool := range []string{"bash", "curl", "sha256sum", "install"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found: CI must have it to run the pipelines' shell", tool)
			}
			t.Skipf("%s not found: the pipelines' shell does not run", tool)
		}
	}
	var gh workflow
	readYAML(t, "github-actions.yml", &gh)
	var gl struct {
		Variables map[string]string `yaml:"variables"`
		Job       struct {
			Variables    map[string]string `yaml:"variables"`
			BeforeScript []string          `yaml:"before_script"`
			Script       []string          `yaml:"script"`
			AfterScript  []string          `yaml:"after_script"`
		} `yaml:"inge-abnahme"`
	}
	readYAML(t, "gitlab-ci.yml", &gl)
	glVars := gl.Variables
	if v := gh.Env["HARNESS_VERSION"]; v != glVars["HARNESS_VERSION"] {
		t.Errorf("HARNESS_VERSION: GitHub %q, GitLab %q; want one version", v, glVars["HARNESS_VERSION"])
	}
	download := release(t, gh.Env["HARNESS_VERSION"])

	mock, err := mockserver.StartLocal(t.Context(), "127.0.0.1:0", filepath.Join(t.TempDir(), "mockinge.db"), harness.Testdatenpaket(),
		mockserver.Config{AdminAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mock.Close() })
	stubs := t.TempDir()
	writeExecutable(t, filepath.Join(stubs, "mvn"), produktStub)
	writeExecutable(t, filepath.Join(stubs, "composer"), "#!/bin/sh\nexit 0\n")
	env := map[string]string{
		"PATH":              stubs + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HARNESS_DOWNLOAD":  download,
		"MOCKINGE_ENDPOINT": mock.Endpoint(),
		"MOCKINGE_ADMIN":    mock.AdminURL,
	}

	t.Run("GitHub", func(t *testing.T) {
		job, ok := gh.Jobs["php-service-container"]
		if !ok {
			t.Fatal("github-actions.yml has no job php-service-container")
		}
		run := &pipelineRun{dir: t.TempDir()}
		writeExecutable(t, filepath.Join(run.dir, "vendor", "bin", "phpunit"), produktStub)
		jobEnv := merge(gh.Env, job.Env, env, map[string]string{
			"SANDBOX": "gh-test-1", "GITHUB_REPOSITORY": "firma/kursverwaltung", "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567",
		})
		outcome := map[string]string{} // by step ID
		var ran []string
		failed := false
		for _, st := range job.Steps {
			if !run.condition(t, st.If, failed, outcome) {
				outcome[st.ID] = "skipped"
				continue
			}
			ran = append(ran, st.Name, st.Uses)
			if st.Run == "" {
				outcome[st.ID] = "success" // an action: not run here
				continue
			}
			if err := run.shell(t, st.Name, st.Run, merge(jobEnv, st.Env, env)); err != nil {
				outcome[st.ID] = "failure"
				failed = true
				continue
			}
			outcome[st.ID] = "success"
		}
		for _, want := range []string{"Abnahme vorbereiten", "Testfälle mit dem Produkt", "Abnahme auswerten",
			"EnricoMi/publish-unit-test-result-action@v2", "Journal sichern", "actions/upload-artifact@v4"} {
			if !slices.Contains(ran, want) {
				t.Errorf("step %q did not run; ran %q", want, ran)
			}
		}
		if !failed {
			t.Error("the job passed; want it failed: no case passes with the stub")
		}
		run.check(t)
	})

	t.Run("GitLab", func(t *testing.T) {
		job := gl.Job
		if len(job.Script) == 0 {
			t.Fatal("gitlab-ci.yml has no job inge-abnahme with a script")
		}
		run := &pipelineRun{dir: t.TempDir()}
		jobEnv := merge(glVars, job.Variables, env, map[string]string{
			"SANDBOX": "gl-test-1", "CI_PROJECT_PATH": "firma/kursverwaltung", "CI_COMMIT_SHORT_SHA": "01234567",
		})
		// before_script and script are one shell; after_script another.
		err := run.shell(t, "before_script, script", strings.Join(slices.Concat(job.BeforeScript, job.Script), "\n"), jobEnv)
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("script: %v; want exit status 1 (a case nicht bestanden)", err)
		}
		if err := run.shell(t, "after_script", strings.Join(job.AfterScript, "\n"), jobEnv); err != nil {
			t.Errorf("after_script: %v", err)
		}
		run.check(t)
	})
}

// workflow is the part of a GitHub Actions workflow the test runs.
type workflow struct {
	Env  map[string]string `yaml:"env"`
	Jobs map[string]struct {
		Env   map[string]string `yaml:"env"`
		Steps []struct {
			Name string            `yaml:"name"`
			ID   string            `yaml:"id"`
			If   string            `yaml:"if"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// condition evaluates the conditions the workflow uses; another one fails
// the test, so that it is added here.
func (r *pipelineRun) condition(t *testing.T, cond string, failed bool, outcome map[string]string) bool {
	t.Helper()
	switch cond {
	case "":
		return !failed
	case "${{ always() }}":
		return true
	case "${{ !cancelled() && steps.vorbereiten.outcome == 'success' }}", "${{ always() && steps.vorbereiten.outcome == 'success' }}":
		return outcome["vorbereiten"] == "success"
	case "${{ !cancelled() && hashFiles('build/abnahme/junit.xml') != '' }}":
		_, err := os.Stat(filepath.Join(r.dir, "build", "abnahme", "junit.xml"))
		return err == nil
	}
	t.Fatalf("condition %q: unknown to this test", cond)
	return false
}

// shell runs a script as GitHub's and GitLab's runners run bash: -e and
// -o pipefail, in the run's work directory.
func (r *pipelineRun) shell(t *testing.T, label, script string, env map[string]string) error {
	t.Helper()
	fmt.Fprintf(&r.out, "── %s\n", label)
	cmd := exec.CommandContext(t.Context(), "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = r.dir
	cmd.Env = os.Environ() // for duplicates, the last value counts
	for k, v := range env {
		if strings.Contains(v, "${{") {
			t.Fatalf("%s=%s: an expression this test does not set", k, v)
		}
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = &r.out, &r.out
	err := cmd.Run()
	fmt.Fprintf(&r.out, "── %s: %v\n", label, err)
	return err
}

// check looks at what the run left: the product's tests got the access
// data, the reports, the tasks and the journal are in build/, and the
// password is in none of them.
func (r *pipelineRun) check(t *testing.T) {
	t.Helper()
	defer func() {
		if t.Failed() {
			t.Logf("output:\n%s", r.out.String())
		}
	}()
	if b, err := os.ReadFile(filepath.Join(r.dir, "produkt.log")); err != nil || !strings.Contains(string(b), "Zugang ") {
		t.Errorf("the product's tests did not get the access data: produkt.log: %q, %v", b, err)
	}
	for _, f := range []string{"aufgaben.json", "abnahme/protokoll.html", "abnahme/junit.xml", "abnahme/cucumber.json", "journal.zip"} {
		if fi, err := os.Stat(filepath.Join(r.dir, "build", f)); err != nil || fi.Size() == 0 {
			t.Errorf("build/%s: %v; want it written", f, err)
		}
	}
	zugang, err := os.ReadFile(filepath.Join(r.dir, "zugang.env"))
	if err != nil {
		t.Fatalf("zugang.env: %v", err)
	}
	_, pw, _ := strings.Cut(string(zugang), "INGE_PASSWORT='")
	pw, _, _ = strings.Cut(pw, "'")
	if pw == "" {
		t.Fatalf("zugang.env holds no INGE_PASSWORT:\n%s", zugang)
	}
	filepath.WalkDir(filepath.Join(r.dir, "build"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), pw) {
			t.Errorf("%s holds the password of zugang.env: the artifact must not", path)
		}
		return nil
	})
}

// release builds certrunner for this machine under the release's name,
// with SHA256SUMS, and returns the download base: file://DIR, under which
// VERSION/ holds the files.
func release(t *testing.T, version string) string {
	t.Helper()
	if version == "" {
		t.Fatal("HARNESS_VERSION is not set in github-actions.yml")
	}
	base := t.TempDir()
	dir := filepath.Join(base, version)
	name := fmt.Sprintf("certrunner_%s_%s_%s", version, runtime.GOOS, runtime.GOARCH)
	cmd := exec.CommandContext(t.Context(), "go", "build", "-o", filepath.Join(dir, name), "github.com/inge-harness/inge-harness/cmd/certrunner")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build certrunner: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if err := os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(hex.EncodeToString(sum[:])+"  "+name+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + base
}

func readYAML(t *testing.T, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}

func writeExecutable(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o755); err != nil {
		t.Fatal(err)
	}
}

// merge merges environments, later ones winning.
func merge(envs ...map[string]string) map[string]string {
	m := map[string]string{}
	for _, e := range envs {
		for k, v := range e {
			m[k] = v
		}
	}
	return m
}
