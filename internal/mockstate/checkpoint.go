package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync/atomic"
	"time"
)

// Checkpoints in the background. SQLite copies the write-ahead log into the
// database file in the COMMIT that takes the log past 1,000 pages, and
// syncs both files there: under a read load 20 to 30 times a second, each
// holding up the one writer, and with it every request waiting for its
// group, for about 5 ms. A checkpointer of the store's own, on a
// connection of its own, copies and syncs the log once a few commits came,
// without waiting for anyone (SQLITE_CHECKPOINT_PASSIVE). Once it has
// copied the whole log, the next write rewinds the log, as after the
// writer's own checkpoint, so the log stays about as small as before; if
// it falls behind, the writer checkpoints at 1,000 pages as before.
// Nothing changes in what a commit promises: the writer's
// synchronous=NORMAL decides that, not who copies the log.

// checkpointPause is the least time between two checkpoints in the
// background. Under load it makes them at most 50 a second; of 5, 20, 50,
// 100 and 250 ms, 20 gave the read path its lowest p99 (bench/README.md).
const checkpointPause = 20 * time.Millisecond

// checkpointCommits is how many commits make a checkpoint in the
// background worth its two syncs: under load 10 to 20 ms of commits, a
// tenth to a third of the writer's 1,000 pages (32 left a write's p99
// higher). A store that commits less, such as the sandbox of one
// certrunner scenario, is left to the writer's checkpoints as before: a
// checkpoint after every commit made certrunner's suite a fifth slower.
const checkpointCommits = 16

// checkpointer checkpoints a store's write-ahead log in the background,
// once checkpointCommits were committed since the last time, at most once
// per checkpointPause. An idle store is not checkpointed at all.
type checkpointer struct {
	db      *sql.DB
	log     *slog.Logger
	name    string
	commits atomic.Int64  // since the last checkpoint
	pending chan struct{} // holds one token once checkpointCommits were committed
	stop    context.CancelFunc
	done    chan struct{}
}

// startCheckpointer opens a connection of its own to the database at path
// and starts checkpointing it.
func startCheckpointer(path string, log *slog.Logger, name string) (*checkpointer, error) {
	// A checkpoint syncs as the writer's synchronous=NORMAL asks: the log
	// before it copies, the file after.
	params := url.Values{"_busy_timeout": {"5000"}, "_synchronous": {"NORMAL"}}
	db, err := sql.Open("sqlite3", fileDSN(path, params))
	if err != nil {
		return nil, fmt.Errorf("open checkpointer: %w", err)
	}
	// One connection, given back while the store is idle, as the readers'.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(time.Minute)
	ctx, stop := context.WithCancel(context.Background())
	c := &checkpointer{db: db, log: log, name: name,
		pending: make(chan struct{}, 1), stop: stop, done: make(chan struct{})}
	go c.run(ctx)
	return c, nil
}

// committed tells the checkpointer that the log has grown. It never waits.
// A nil checkpointer (an in-memory store's) ignores it.
func (c *checkpointer) committed() {
	if c == nil || c.commits.Add(1) < checkpointCommits {
		return
	}
	select {
	case c.pending <- struct{}{}:
	default: // one is pending already
	}
}

func (c *checkpointer) run(ctx context.Context) {
	defer close(c.done)
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.pending:
		}
		c.commits.Store(0)
		c.checkpoint(ctx)
		select {
		case <-ctx.Done():
			return
		case <-time.After(checkpointPause):
		}
	}
}

// checkpoint copies what it can of the log without waiting for readers or
// the writer. Another checkpoint running (the writer's, or a TRUNCATE
// before the file is renamed) makes it give up at once, reported as busy,
// which is no error.
func (c *checkpointer) checkpoint(ctx context.Context) {
	var busy, logPages, copied int
	err := c.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logPages, &copied)
	if err != nil && !errors.Is(err, context.Canceled) {
		// The writer checkpoints on its own all the same: nothing is lost,
		// only the writer's commits take longer.
		c.log.Warn("checkpoint in the background failed", "sandbox", c.name, "err", err)
	}
}

// close stops the checkpointer and closes its connection. A nil
// checkpointer closes nothing.
func (c *checkpointer) close() error {
	if c == nil {
		return nil
	}
	c.stop()
	<-c.done
	return c.db.Close()
}
