package certrun

import (
	"regexp"
	"sync"

	"github.com/cucumber/godog"
)

// steps registers the steps of one scenario. godog compiles a pattern given
// as a string for every scenario, some 150 patterns each time; steps hands
// it the pattern compiled once per run.
type steps struct {
	*godog.ScenarioContext
	patterns *stepPatterns
}

// Step registers fn for the steps that match expr.
func (s steps) Step(expr string, fn any) {
	s.ScenarioContext.Step(s.patterns.compiled(expr), fn)
}

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
