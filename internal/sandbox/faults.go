package sandbox

import (
	"bytes"
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
	// Targeted are outages that only requests naming certain data meet,
	// as when the first attempt of one test case finds InGe down while
	// everything else goes through.
	Targeted []TargetedOutage `json:"ausfallFuer"`
}

// TargetedOutage makes InGe unavailable for the next Requests requests
// whose body holds an element with exactly the text Datum, such as a
// person's Aktenzeichen or a Kursort.
type TargetedOutage struct {
	Datum    string `json:"daten"`
	Requests int    `json:"anfragen"`
}

// Meets reports whether a request body holds the datum as the whole text
// of an element.
func (t TargetedOutage) Meets(body []byte) bool {
	return t.Datum != "" && bytes.Contains(body, []byte(">"+t.Datum+"<"))
}

type faults struct {
	mu sync.Mutex
	f  Faults
}

// Faults returns the sandbox's injected faults.
func (s *Sandbox) Faults() Faults {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	f := s.faults.f
	f.Targeted = append([]TargetedOutage(nil), f.Targeted...)
	return f
}

// SetFaults replaces the sandbox's injected faults and returns the previous.
func (s *Sandbox) SetFaults(f Faults) Faults {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	old := s.faults.f
	f.Targeted = append([]TargetedOutage(nil), f.Targeted...) // the caller's slice stays its own
	s.faults.f = f
	return old
}

// TakeTargetedOutage reports whether a request with this body meets a
// targeted outage, and counts it there; ended tells whether that used up
// the outage's last request, so that what it queued can be applied. An
// outage whose requests are used up is removed.
func (s *Sandbox) TakeTargetedOutage(body []byte) (met, ended bool) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	for i, t := range s.faults.f.Targeted {
		if !t.Meets(body) {
			continue
		}
		t.Requests--
		if t.Requests <= 0 {
			s.faults.f.Targeted = append(s.faults.f.Targeted[:i:i], s.faults.f.Targeted[i+1:]...)
			return true, true
		}
		s.faults.f.Targeted[i] = t
		return true, false
	}
	return false, false
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
