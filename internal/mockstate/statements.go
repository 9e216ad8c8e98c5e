package mockstate

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// maxStatements bounds how many statements a store keeps prepared: the
// rules' statements are a few hundred texts; a text built per request (a
// filter, a list of values) beyond the bound runs unprepared.
const maxStatements = 1024

// statements are a store's prepared statements, by pool and text: SQLite
// then compiles a statement once per connection rather than for every use.
// A transaction cannot prepare one for the pool itself (the pool's
// connection may be the one it holds), so the texts it ran unprepared for
// the second time are prepared once it is over.
type statements struct {
	mu     sync.Mutex
	byText map[statementKey]*sql.Stmt
	seen   map[statementKey]bool // run unprepared once
	wanted map[statementKey]bool // run unprepared twice: to prepare
	closed bool
}

type statementKey struct {
	db    *sql.DB
	query string
}

// get returns the prepared statement of query in db, or nil after noting
// it as wanted.
func (s *statements) get(db *sql.DB, query string) *sql.Stmt {
	k := statementKey{db, query}
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.byText[k]; st != nil {
		return st
	}
	if s.closed || len(s.byText)+len(s.seen) >= maxStatements || !single(query) {
		return nil
	}
	// Prepared from its second use on: a statement that a store runs once
	// (loading the Testdatenpaket, a sandbox that lives for one test) would
	// be compiled twice.
	if s.seen == nil {
		s.seen, s.wanted = map[statementKey]bool{}, map[statementKey]bool{}
	}
	if s.seen[k] {
		s.wanted[k] = true
	}
	s.seen[k] = true
	return nil
}

// single reports whether query is one statement: Prepare compiles only a
// text's first.
func single(query string) bool {
	q := strings.TrimRight(strings.TrimSpace(query), ";")
	return !strings.Contains(q, ";")
}

// prepareWanted prepares the wanted statements of db. A statement that does
// not prepare (a table a later migration adds, say) stays unprepared.
func (s *statements) prepareWanted(ctx context.Context, db *sql.DB) {
	s.mu.Lock()
	var todo []string
	for k := range s.wanted {
		if k.db == db {
			todo = append(todo, k.query)
			delete(s.wanted, k)
		}
	}
	s.mu.Unlock()
	for _, q := range todo {
		st, err := db.PrepareContext(context.WithoutCancel(ctx), q)
		if err != nil {
			continue
		}
		s.mu.Lock()
		if s.closed || s.byText[statementKey{db, q}] != nil {
			st.Close()
		} else {
			if s.byText == nil {
				s.byText = map[statementKey]*sql.Stmt{}
			}
			s.byText[statementKey{db, q}] = st
		}
		s.mu.Unlock()
	}
}

// close closes every prepared statement; none is prepared afterwards.
func (s *statements) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range s.byText {
		st.Close()
	}
	s.byText, s.seen, s.wanted, s.closed = nil, nil, nil, true
}
