package mockserver

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// The faults injected into a sandbox (Störungen): an outage of InGe, a
// latency of every answer, failing the next N calls, and outages that only
// the requests naming certain data meet.
//
//	GET    /sandboxes/{sandbox}/stoerungen   the faults and the queue
//	PUT    /sandboxes/{sandbox}/stoerungen   {"ausfall": true, "latenz": "2s", "naechsteFehlschlagen": 0,
//	                                          "ausfallFuer": [{"daten": "5010601-475", "anfragen": 1}]}
//	DELETE /sandboxes/{sandbox}/stoerungen   no faults
//
// During an outage a synchronous call gets Fault F301 with HTTP 503, and an
// asynchronous one (Asynchron = true) is accepted into the sandbox's queue;
// "warteschlange" counts what waits there. latenz is a Go duration from 0
// to 60s; naechsteFehlschlagen calls fail with Fault F302 and count down.
// An entry of ausfallFuer is an outage for the next "anfragen" requests
// whose body has an element with exactly the text "daten" (an Aktenzeichen,
// a Kursort, a Kurskennung): the first attempt of one acceptance test case
// finds InGe down while all else goes through; once its requests are used
// up, the entry is gone and what it queued is applied.
// PUT replaces every fault: a key left out is no fault. The answer is the
// faults as GET shows them:
//
//	{"ausfall": false, "latenz": "0s", "naechsteFehlschlagen": 0, "ausfallFuer": [], "warteschlange": 0}
//
// When a PUT or DELETE ends an outage, the queue is applied in order of
// arrival before the answer, which then also says how many requests were
// applied: "nachverarbeitet": 1. Their outcomes are in the journal under
// the Vorgangsnummern the clients got.
func (a *Admin) stoerungenRoutes() {
	const path = "/sandboxes/{sandbox}/stoerungen"
	a.handle(path, a.getStoerungen, http.MethodGet)
	a.handle(path, a.putStoerungen, http.MethodPut)
	a.handle(path, a.deleteStoerungen, http.MethodDelete)
}

// maxGezielteAusfaelle bounds the targeted outages of a sandbox: each
// request is compared with every one.
const maxGezielteAusfaelle = 1000

// maxLatenz bounds the injected latency: beyond it clients time out, and
// the server's write timeout is 60 s.
const maxLatenz = 60 * time.Second

// stoerungenJSON is a sandbox's faults as the admin API shows them.
type stoerungenJSON struct {
	Ausfall              bool                     `json:"ausfall"`
	Latenz               string                   `json:"latenz"`
	NaechsteFehlschlagen int                      `json:"naechsteFehlschlagen"`
	AusfallFuer          []sandbox.TargetedOutage `json:"ausfallFuer"`
	Warteschlange        int                      `json:"warteschlange"`
	// Nachverarbeitet is how many waiting requests a change applied; only
	// when it ended an outage, or found requests waiting without one.
	Nachverarbeitet *int `json:"nachverarbeitet,omitempty"`
}

func (a *Admin) getStoerungen(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	return a.stoerungen(r.Context(), sb, sb.Faults())
}

func (a *Admin) putStoerungen(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	var body struct {
		Ausfall              bool                     `json:"ausfall"`
		Latenz               string                   `json:"latenz"`
		NaechsteFehlschlagen int                      `json:"naechsteFehlschlagen"`
		AusfallFuer          []sandbox.TargetedOutage `json:"ausfallFuer"`
		// What GET shows besides the faults may come back unchanged; it
		// is not set by a PUT.
		Warteschlange   *int `json:"warteschlange"`
		Nachverarbeitet *int `json:"nachverarbeitet"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return nil, err
	}
	f := sandbox.Faults{Outage: body.Ausfall, FailNext: body.NaechsteFehlschlagen, Targeted: body.AusfallFuer}
	if body.Latenz != "" {
		if f.Latency, err = time.ParseDuration(body.Latenz); err != nil {
			return nil, badRequest(`"latenz" %q ist keine Dauer wie "1.5s" oder "200ms"`, body.Latenz)
		}
	}
	if f.Latency < 0 || f.Latency > maxLatenz {
		return nil, badRequest(`"latenz" %s liegt nicht zwischen 0s und %s`, f.Latency, maxLatenz)
	}
	if f.FailNext < 0 {
		return nil, badRequest(`"naechsteFehlschlagen" %d ist negativ`, f.FailNext)
	}
	if len(f.Targeted) > maxGezielteAusfaelle {
		return nil, badRequest(`"ausfallFuer" hat %d Einträge; höchstens %d`, len(f.Targeted), maxGezielteAusfaelle)
	}
	for i, t := range f.Targeted {
		if strings.TrimSpace(t.Datum) == "" || strings.ContainsAny(t.Datum, "<>&") {
			return nil, badRequest(`"ausfallFuer"[%d]: "daten" %q ist kein Text eines Elements`, i, t.Datum)
		}
		if t.Requests < 1 {
			return nil, badRequest(`"ausfallFuer"[%d]: "anfragen" %d ist nicht mindestens 1`, i, t.Requests)
		}
	}
	return a.setStoerungen(r, sb, f)
}

func (a *Admin) deleteStoerungen(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	return a.setStoerungen(r, sb, sandbox.Faults{})
}

// setStoerungen replaces the sandbox's faults; without an outage it applies
// what waits in the queue.
func (a *Admin) setStoerungen(r *http.Request, sb *sandbox.Sandbox, f sandbox.Faults) (stoerungenJSON, error) {
	ctx := r.Context()
	old := sb.SetFaults(f)
	n := 0
	if !f.Outage && a.queue != nil {
		var err error
		// The client may give up waiting; the queue is applied all the same.
		if n, err = a.queue.Drain(context.WithoutCancel(ctx), sb); err != nil {
			return stoerungenJSON{}, a.registryError(err, sb.Name, nil)
		}
	}
	a.log.Info("admin: faults changed", "sandbox", sb.Name, "ausfall", f.Outage, "latenz", f.Latency,
		"naechsteFehlschlagen", f.FailNext, "ausfallFuer", len(f.Targeted), "vorher_ausfall", old.Outage, "nachverarbeitet", n)
	out, err := a.stoerungen(ctx, sb, sb.Faults())
	if old.Outage && !f.Outage || n > 0 {
		out.Nachverarbeitet = &n
	}
	return out, err
}

// stoerungen shows faults f of sb with the length of its queue.
func (a *Admin) stoerungen(ctx context.Context, sb *sandbox.Sandbox, f sandbox.Faults) (stoerungenJSON, error) {
	out := stoerungenJSON{Ausfall: f.Outage, Latenz: f.Latency.String(), NaechsteFehlschlagen: f.FailNext, AusfallFuer: f.Targeted}
	if out.AusfallFuer == nil {
		out.AusfallFuer = []sandbox.TargetedOutage{}
	}
	err := sb.Use(func(st *mockstate.Store) (err error) {
		out.Warteschlange, err = st.WarteschlangeLaenge(ctx)
		return err
	})
	if err != nil {
		return stoerungenJSON{}, a.registryError(err, sb.Name, nil)
	}
	return out, nil
}
