package mockstate

import "database/sql"

// DB exposes a store's read-write pool to the external tests, which check
// the pragmas of its connections.
func DB(s *Store) *sql.DB { return s.db }

// ReadDB exposes a store's read-only pool.
func ReadDB(s *Store) *sql.DB { return s.rdb }

// Prepared returns how many statements a store keeps prepared.
func Prepared(s *Store) int {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	return len(s.stmts.byText)
}
