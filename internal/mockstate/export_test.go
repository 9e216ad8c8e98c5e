package mockstate

import (
	"context"
	"database/sql"
)

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

// WritesUsers exposes writesUsers.
var WritesUsers = writesUsers

// WritesStammdaten exposes writesStammdaten.
var WritesStammdaten = writesStammdaten

// StammdatenTabellen exposes stammdatenTabellen.
var StammdatenTabellen = stammdatenTabellen

// PreparedQueries returns the texts of the statements a store keeps
// prepared: every statement its transactions ran.
func PreparedQueries(s *Store) []string {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	var out []string
	seen := map[string]bool{}
	for k := range s.stmts.byText {
		if !seen[k.query] {
			seen[k.query] = true
			out = append(out, k.query)
		}
	}
	return out
}

// Plaene returns how many decoded plans a store keeps.
func Plaene(s *Store) int {
	s.plaene.mu.Lock()
	defer s.plaene.mu.Unlock()
	return len(s.plaene.plaene)
}

// Kurse returns how many courses a store keeps for reads.
func Kurse(s *Store) int { return s.kurse.len() }

// Stammdaten returns how many copies of the Testdatenpaket a store keeps.
func Stammdaten(s *Store) int { return s.stammdaten.len() }

func (v *vorraete[K, V]) len() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return len(v.values)
}

// Wartende returns how many writes wait for the store's next group.
func Wartende(s *Store) int {
	s.gruppe.mu.Lock()
	defer s.gruppe.mu.Unlock()
	return len(s.gruppe.queue)
}

// UpdateOhneSavepoint runs fn as a write without a savepoint of its own in
// its group, as journal appends run.
func UpdateOhneSavepoint(ctx context.Context, s *Store, fn func(*Tx) error) error {
	return s.update(ctx, fn, true)
}

// CheckpointCommits exposes checkpointCommits.
const CheckpointCommits = checkpointCommits
