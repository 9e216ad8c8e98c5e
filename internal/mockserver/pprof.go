package mockserver

import (
	"net/http"
	"net/http/pprof"
)

// pprofHandler serves the runtime's profiles under /debug/pprof/, as
// net/http/pprof does on http.DefaultServeMux, which the mock does not
// use: CPU (profile?seconds=N), heap, goroutines, execution trace.
func pprofHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}
