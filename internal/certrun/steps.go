package certrun

import (
	"regexp"
	"sync"

	"github.com/cucumber/godog"
)

// steps registers the steps of one scenario. godog compiles a pattern given
// as a string for every scenario, some 150 patterns each time; the steps
// give it the pattern compiled once per run (sc.Step(sc.re(`^…$`), fn)),
// and call godog's Step themselves, which records where they did.
type steps struct {
	*godog.ScenarioContext
	patterns *stepPatterns
}

// re returns the pattern expr compiled once per run.
func (s steps) re(expr string) *regexp.Regexp { return s.patterns.compiled(expr) }

// stepPatterns are the compiled step patterns of a run.
type stepPatterns struct {
	mu sync.Mutex
	re map[string]*regexp.Regexp
}

func (p *stepPatterns) compiled(expr string) *regexp.Regexp {
	p.mu.Lock()
	defer p.mu.Unlock()
	re, ok := p.re[expr]
	if !ok {
		re = regexp.MustCompile(expr)
		if p.re == nil {
			p.re = map[string]*regexp.Regexp{}
		}
		p.re[expr] = re
	}
	return re
}
