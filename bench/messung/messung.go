// Package messung is the JSON line in which bench/last reports a run, as
// bench/tabelle and bench/skala read it.
package messung

// Zeile is one run of the load generator: what it sent, what came back
// correct, and the latencies and CPU of the correct answers.
type Zeile struct {
	Label             string         `json:"label,omitempty"`
	Kind              string         `json:"kind"`
	URL               string         `json:"url"`
	Conns             int            `json:"c"`
	Seconds           float64        `json:"seconds"`
	Requests          int            `json:"requests"`
	ReqPerSec         float64        `json:"req_s"`
	P50ms             float64        `json:"p50_ms"`
	P99ms             float64        `json:"p99_ms"`
	Errors            int            `json:"errors"`
	ErrorsByClass     map[string]int `json:"errors_by_class,omitempty"`
	WarmupRequests    int            `json:"warmup_requests"`
	WarmupErrors      int            `json:"warmup_errors"`
	SampleError       string         `json:"sample_error,omitempty"`
	SampleBody        string         `json:"sample_body,omitempty"`
	ServerCPUusPerReq *float64       `json:"server_cpu_us_per_req,omitempty"`
	ClientCPUusPerReq float64        `json:"client_cpu_us_per_req"`
}
