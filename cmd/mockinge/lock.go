package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// errLocked is what lockFile reports for a lock another process holds.
var errLocked = errors.New("gesperrt")

// lockDatabase takes the lock of a database file, <db>.lock, for as long
// as this mockinge runs, so that a second mockinge on the same file (and
// its sandbox files beside it) refuses to start rather than share the
// store: two processes would each keep their own sandboxes, users and
// queue of one database. The operating system drops the lock when the
// process ends, also when it is killed; the file stays, with the process
// ID of its last holder. An in-memory database needs no lock.
func lockDatabase(db string) (unlock func(), err error) {
	if db == mockstate.MemoryPath {
		return func() {}, nil
	}
	path := db + ".lock"
	f, err := lockFile(path)
	if errors.Is(err, errLocked) {
		holder := ""
		if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) > 0 {
			holder = " (Prozess " + strings.TrimSpace(string(b)) + ")"
		}
		return nil, fmt.Errorf("die Datenbank %s benutzt schon ein anderer mockinge%s; jeder braucht seine eigene -db", db, holder)
	}
	if err != nil {
		return nil, fmt.Errorf("Sperre der Datenbank %s: %w", path, err)
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0) // information only
	}
	return func() { f.Close() }, nil
}
