package console

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// livePause is how often the live journal looks for new entries. The
// journal is in SQLite, which tells no one of an insert; a look at the
// newest id is cheap.
const livePause = 500 * time.Millisecond

// journalLive streams the entries after ?nach=ID (or the Last-Event-ID a
// reconnecting browser sends) as server-sent events, each a rendered row of
// the journal page, with the page's filters.
func (c *Console) journalLive(w http.ResponseWriter, r *http.Request) error {
	sb, err := c.sandbox(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	nach, _ := strconv.ParseInt(q.Get("nach"), 10, 64)
	if id, err := strconv.ParseInt(r.Header.Get("Last-Event-ID"), 10, 64); err == nil {
		nach = id
	}
	filter := url.Values{}
	for _, k := range []string{"operation", "ergebnis", "von", "bis"} {
		if v := q.Get(k); v != "" {
			filter.Set(k, v)
		}
	}
	// A wrong filter is answered before the stream starts.
	if _, err := c.journal(r, sb.Name, withLimit(filter, 1), false); err != nil {
		return err
	}
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 2000\n\n")
	if err := rc.Flush(); err != nil {
		return nil // the browser has gone
	}
	tick := time.NewTicker(livePause)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return nil
		case <-c.closing:
			return nil
		case <-tick.C:
		}
		// A stream lives longer than the server's write timeout.
		_ = rc.SetWriteDeadline(time.Now().Add(time.Minute))
		newest, err := c.journal(r, sb.Name, withLimit(filter, 1), false)
		if err != nil {
			c.log.Warn("console: live journal", "sandbox", sb.Name, "err", err)
			return nil // the sandbox is gone, say; the browser tries again
		}
		if len(newest) == 0 || newest[0].ID <= nach {
			continue
		}
		entries, err := c.journal(r, sb.Name, withLimit(filter, int(min(newest[0].ID-nach, standardLimit))), true)
		if err != nil {
			c.log.Warn("console: live journal", "sandbox", sb.Name, "err", err)
			return nil
		}
		slices.Reverse(entries) // oldest first: each goes on top of the list
		for _, e := range entries {
			if e.ID <= nach {
				continue
			}
			var b bytes.Buffer
			if err := c.zeile.Execute(&b, zeileAus(sb.Name, e)); err != nil {
				return fmt.Errorf("live journal: %w", err)
			}
			fmt.Fprintf(w, "id: %d\nevent: eintrag\n", e.ID)
			for _, line := range strings.Split(b.String(), "\n") {
				fmt.Fprintf(w, "data: %s\n", line)
			}
			fmt.Fprint(w, "\n")
			nach = e.ID
		}
		if err := rc.Flush(); err != nil {
			return nil
		}
	}
}

func withLimit(q url.Values, n int) url.Values {
	q = cloneValues(q)
	q.Set("limit", strconv.Itoa(n))
	return q
}
