package sandbox

import (
	"sync"
	"time"
)

// Faults are the failures injected into a sandbox through the admin API.
type Faults struct {
	// Outage makes InGe unavailable: synchronous calls get a Fault with
	// HTTP 503, asynchronous ones are accepted and applied when it ends.
	Outage bool `json:"ausfall"`
	// Latency delays every answer.
	Latency time.Duration `json:"-"`
	// FailNext is the number of next calls that fail with a server Fault.
	FailNext int `json:"naechsteFehlschlagen"`
}

type faults struct {
	mu sync.Mutex
	f  Faults
}

// Faults returns the sandbox's injected faults.
func (s *Sandbox) Faults() Faults {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return s.faults.f
}

// SetFaults replaces the sandbox's injected faults and returns the previous.
func (s *Sandbox) SetFaults(f Faults) Faults {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	old := s.faults.f
	s.faults.f = f
	return old
}

// TakeFailure reports whether this call is one of the next calls to fail,
// and counts it.
func (s *Sandbox) TakeFailure() bool {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if s.faults.f.FailNext <= 0 {
		return false
	}
	s.faults.f.FailNext--
	return true
}

func (f *faults) clear() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.f = Faults{}
}
