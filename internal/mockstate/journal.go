package mockstate

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"strings"
	"time"
)

// Eintrag is one SOAP exchange in the journal.
type Eintrag struct {
	ID             int64
	Zeit           time.Time // real time of the request (not the store's clock)
	Traegernummer  string    // "" if unknown
	Benutzer       string    // "" if unknown
	Operation      string
	Vorgangsnummer string // "" if none was issued
	Ergebnis       string // status word or SOAP fault code
	Dauer          time.Duration
	Anfrage        []byte // request XML, secrets masked
	Antwort        []byte // response XML, secrets masked
	// Profil is the contract profile the exchange was in, "" for ours;
	// AnfrageKanonisch and AntwortKanonisch are then the request and the
	// response as our contract writes them (Anfrage and Antwort are the
	// profile's, as they went over the wire).
	Profil                             string
	AnfrageKanonisch, AntwortKanonisch []byte
}

// Filter selects journal entries. Zero fields select everything.
type Filter struct {
	Traegernummer string
	Operation     string
	Ergebnis      string
	Von           time.Time // inclusive
	Bis           time.Time // exclusive
	Limit         int       // at most this many, the newest; 0: no limit
	NachID        int64     // only entries with a greater ID, those journaled since; 0: all
}

// AppendJournal stores e and returns its ID. Anfrage and Antwort pass through
// wsse.MaskSecrets first. A zero Zeit is set to the current real time. e.ID is
// ignored.
func (tx *Tx) AppendJournal(ctx context.Context, e Eintrag) (int64, error) {
	if e.Zeit.IsZero() {
		e.Zeit = tx.now()
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO journal (zeit, traegernummer, benutzer, operation, vorgangsnummer, ergebnis, dauer_us, anfrage, antwort,
		                     profil, anfrage_kanonisch, antwort_kanonisch)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		formatTime(e.Zeit), nullString(e.Traegernummer), nullString(e.Benutzer), e.Operation,
		nullString(e.Vorgangsnummer), e.Ergebnis, e.Dauer.Microseconds(),
		nullBytes(wsse.MaskSecrets(e.Anfrage)), nullBytes(wsse.MaskSecrets(e.Antwort)),
		nullString(e.Profil), nullBytes(wsse.MaskSecrets(e.AnfrageKanonisch)), nullBytes(wsse.MaskSecrets(e.AntwortKanonisch)))
	if err != nil {
		return 0, fmt.Errorf("append journal: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("append journal: %w", err)
	}
	return id, nil
}

// Journal returns the entries that match f, newest first.
func (tx *Tx) Journal(ctx context.Context, f Filter) ([]Eintrag, error) {
	var (
		where []string
		args  []any
	)
	for _, c := range []struct {
		column string
		value  string
	}{
		{"traegernummer", f.Traegernummer},
		{"operation", f.Operation},
		{"ergebnis", f.Ergebnis},
	} {
		if c.value != "" {
			where = append(where, c.column+" = ?")
			args = append(args, c.value)
		}
	}
	if f.NachID > 0 {
		where = append(where, "id > ?")
		args = append(args, f.NachID)
	}
	if !f.Von.IsZero() {
		where = append(where, "zeit >= ?")
		args = append(args, formatTime(f.Von))
	}
	if !f.Bis.IsZero() {
		where = append(where, "zeit < ?")
		args = append(args, formatTime(f.Bis))
	}

	query := `
		SELECT id, zeit, coalesce(traegernummer, ''), coalesce(benutzer, ''), operation,
		       coalesce(vorgangsnummer, ''), ergebnis, dauer_us, anfrage, antwort,
		       coalesce(profil, ''), anfrage_kanonisch, antwort_kanonisch
		FROM journal`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY id DESC"
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}

	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	defer rows.Close()
	var es []Eintrag
	for rows.Next() {
		var (
			e       Eintrag
			zeit    string
			dauerUS int64
		)
		if err := rows.Scan(&e.ID, &zeit, &e.Traegernummer, &e.Benutzer, &e.Operation,
			&e.Vorgangsnummer, &e.Ergebnis, &dauerUS, &e.Anfrage, &e.Antwort,
			&e.Profil, &e.AnfrageKanonisch, &e.AntwortKanonisch); err != nil {
			return nil, fmt.Errorf("read journal: %w", err)
		}
		if e.Zeit, err = parseTime(zeit); err != nil {
			return nil, fmt.Errorf("read journal entry %d: %w", e.ID, err)
		}
		e.Dauer = time.Duration(dauerUS) * time.Microsecond
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	return es, nil
}

// AppendJournal stores e and returns its ID; see Tx.AppendJournal.
func (s *Store) AppendJournal(ctx context.Context, e Eintrag) (int64, error) {
	return update(ctx, s, func(tx *Tx) (int64, error) { return tx.AppendJournal(ctx, e) })
}

// Journal returns the entries that match f, newest first.
func (s *Store) Journal(ctx context.Context, f Filter) ([]Eintrag, error) {
	return view(ctx, s, func(tx *Tx) ([]Eintrag, error) { return tx.Journal(ctx, f) })
}

// nullString stores "" as NULL.
func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// nullBytes stores an empty body as NULL.
func nullBytes(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}
