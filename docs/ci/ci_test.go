// Package ci_test checks the CI examples of docs/ci, which vendors copy
// into their pipelines: the GitHub Actions workflow with actionlint, the
// GitLab CI file as YAML with only the keys GitLab CI defines, the
// Testcontainers snippet for Go by compiling it, and the shell of the Linux
// pipelines by running it (pipeline_test.go).
package ci_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionlint is the linter of GitHub Actions workflows, run with go run
// from the Go module proxy; its version is pinned here.
const actionlint = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// runActionlint lints a workflow file; shellcheck, where installed, also
// checks the run: scripts.
func runActionlint(t *testing.T, file string) ([]byte, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "go", "run", actionlint, "-no-color", file)
	cmd.Env = append(os.Environ(), "GOFLAGS=") // not the module's flags: actionlint is a module of its own
	return cmd.CombinedOutput()
}

func TestGitHubActionsWorkflow(t *testing.T) {
	if _, err := exec.LookPath("shellcheck"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("shellcheck not found (Debian package shellcheck); CI must install it, so that actionlint checks the run: scripts")
		}
		t.Log("shellcheck not found: actionlint checks the workflow without the run: scripts")
	}
	if out, err := runActionlint(t, "github-actions.yml"); err != nil {
		t.Errorf("actionlint github-actions.yml: %v\n%s", err, out)
	}
	// actionlint can fail: a workflow with a key GitHub does not know.
	bad := filepath.Join(t.TempDir(), "bad.yml")
	if err := os.WriteFile(bad, []byte("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz:\n      - run: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := runActionlint(t, bad); err == nil {
		t.Errorf("actionlint accepted a job with stepz:\n%s", out)
	}
}

// GitLab CI's keywords (docs.gitlab.com/ci/yaml): the global ones, and
// those of a job. Any other top-level key is a job (or, with a leading
// dot, a hidden one).
var (
	gitlabGlobal    = []string{"default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec"}
	gitlabJob       = []string{"after_script", "allow_failure", "artifacts", "before_script", "cache", "coverage", "dast_configuration", "dependencies", "environment", "extends", "hooks", "identity", "id_tokens", "image", "inherit", "interruptible", "manual_confirmation", "needs", "pages", "parallel", "release", "resource_group", "retry", "rules", "run", "script", "secrets", "services", "stage", "tags", "timeout", "trigger", "variables", "when"}
	gitlabArtifacts = []string{"paths", "exclude", "expire_in", "expose_as", "name", "public", "access", "reports", "untracked", "when"}
	gitlabService   = []string{"name", "alias", "entrypoint", "command", "variables", "pull_policy", "docker", "kubernetes"}
)

func TestGitLabCI(t *testing.T) {
	b, err := os.ReadFile("gitlab-ci.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("gitlab-ci.yml is no YAML mapping: %v", err)
	}
	var stages []string
	if n, ok := doc["stages"]; ok {
		if err := n.Decode(&stages); err != nil {
			t.Fatalf("stages: %v", err)
		}
	}
	jobs := 0
	for key, node := range doc {
		if slices.Contains(gitlabGlobal, key) || strings.HasPrefix(key, ".") {
			continue
		}
		jobs++
		var job map[string]yaml.Node
		if err := node.Decode(&job); err != nil {
			t.Errorf("job %s is no mapping: %v", key, err)
			continue
		}
		for k := range job {
			if !slices.Contains(gitlabJob, k) {
				t.Errorf("job %s: %q is no keyword of GitLab CI", key, k)
			}
		}
		if _, ok := job["script"]; !ok {
			t.Errorf("job %s has no script", key)
		}
		var stage string
		if n, ok := job["stage"]; ok {
			if err := n.Decode(&stage); err != nil || !slices.Contains(stages, stage) {
				t.Errorf("job %s: stage %q is not in stages %v", key, stage, stages)
			}
		}
		if n, ok := job["artifacts"]; ok {
			var a map[string]yaml.Node
			if err := n.Decode(&a); err != nil {
				t.Errorf("job %s: artifacts: %v", key, err)
			}
			for k := range a {
				if !slices.Contains(gitlabArtifacts, k) {
					t.Errorf("job %s: artifacts: %q is no keyword of GitLab CI", key, k)
				}
			}
		}
		if n, ok := job["services"]; ok {
			var svcs []map[string]any
			if err := n.Decode(&svcs); err != nil {
				t.Errorf("job %s: services: %v", key, err)
			}
			for _, s := range svcs {
				for k := range s {
					if !slices.Contains(gitlabService, k) {
						t.Errorf("job %s: services: %q is no keyword of GitLab CI", key, k)
					}
				}
			}
		}
		for _, k := range []string{"before_script", "script", "after_script"} {
			if n, ok := job[k]; ok {
				var lines []string
				if err := n.Decode(&lines); err != nil {
					t.Errorf("job %s: %s is no list of strings: %v", key, k, err)
				}
			}
		}
	}
	if jobs == 0 {
		t.Error("gitlab-ci.yml has no job")
	}
}

// TestTestcontainersGo compiles the Go snippet (a module of its own, so
// that the harness does not depend on Testcontainers): go vet type-checks
// it against the real API. It runs no container.
func TestTestcontainersGo(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and compiles testcontainers-go")
	}
	cmd := exec.CommandContext(t.Context(), "go", "vet", "./...")
	cmd.Dir = filepath.Join("testcontainers", "go")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet in %s: %v\n%s", cmd.Dir, err, out)
	}
}
