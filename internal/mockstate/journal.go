package mockstate

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
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

	// Geheim are further secrets to mask wherever they appear in Anfrage
	// and Antwort, such as the caller's password; they are never stored.
	Geheim []string
	// MaxAnfrage, if positive, cuts the stored request to at most this
	// many bytes after masking (unauthenticated and refused requests).
	MaxAnfrage int
	// Profil is the contract profile the exchange was in, "" for ours;
	// AnfrageKanonisch and AntwortKanonisch are then the request and the
	// response as our contract writes them (Anfrage and Antwort are the
	// profile's, as they went over the wire).
	Profil                             string
	AnfrageKanonisch, AntwortKanonisch []byte

	// AnfrageVorbereitet, if set, is Anfrage as the journal stores it,
	// prepared ahead by Store.AnfrageVorbereiten with the same Geheim and
	// MaxAnfrage; it is used only while Anfrage is the document it was
	// prepared from.
	AnfrageVorbereitet *Vorbereitet
}

// Vorbereitet is a request document as the journal stores it: masked, cut
// and packed. A write's entry is made in the writer's transaction, once the
// response is known; its request is known before, and is prepared before
// the request waits for the writer, so that the writer, whose time is
// serial, does not spend it on masking and packing.
type Vorbereitet struct {
	from, stored []byte
}

// AnfrageVorbereiten prepares a request document for an Eintrag's
// AnfrageVorbereitet: doc masked (with the further secrets geheim), cut to
// maxAnfrage bytes if that is positive, and packed, as prepareEintrag does.
// finder, if not nil and for doc, is the one that saw doc's parse: it masks
// doc as wsse.MaskSecrets does, without a parse of its own.
func (s *Store) AnfrageVorbereiten(doc []byte, finder *wsse.SecretFinder, geheim []string, maxAnfrage int) *Vorbereitet {
	var masked []byte
	if finder != nil && finder.Of(doc) {
		masked = finder.Mask(geheim...)
	} else {
		masked = wsse.MaskSecrets(doc, geheim...)
	}
	return &Vorbereitet{from: doc, stored: s.packed(kuerzen(masked, maxAnfrage))}
}

// of returns the stored form if it was prepared from doc (the same bytes in
// the same memory), and false otherwise.
func (v *Vorbereitet) of(doc []byte) ([]byte, bool) {
	if v == nil || len(v.from) != len(doc) || (len(doc) > 0 && &v.from[0] != &doc[0]) {
		return nil, false
	}
	return v.stored, true
}

// JournalFunc gives the journal entry of a request once its response is
// known. The store writes the entry in the transaction of the request's
// effect, so that both are committed or neither is: the evidence of a
// request is never lost while its effect stays.
type JournalFunc func(resp inge.Response) (Eintrag, error)

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
	return tx.appendJournal(ctx, tx.s.prepareEintrag(e))
}

// gespeicherterEintrag is a journal entry as it is stored: masked, cut,
// packed. Preparing it is most of an append's work, and needs no
// transaction: a read's entry is prepared before it waits for the writer.
type gespeicherterEintrag struct {
	e                                  Eintrag // the fields stored as they are
	anfrage, antwort                   []byte
	anfrageKanonisch, antwortKanonisch []byte
}

// prepareEintrag masks, cuts and packs e's documents; a request prepared
// ahead (AnfrageVorbereitet) is taken as it is.
func (s *Store) prepareEintrag(e Eintrag) gespeicherterEintrag {
	if e.Zeit.IsZero() {
		e.Zeit = s.now()
	}
	anfrage, ok := e.AnfrageVorbereitet.of(e.Anfrage)
	if !ok {
		anfrage = s.packed(kuerzen(wsse.MaskSecrets(e.Anfrage, e.Geheim...), e.MaxAnfrage))
	}
	e.AnfrageVorbereitet = nil
	return gespeicherterEintrag{
		e:                e,
		anfrage:          anfrage,
		antwort:          s.packed(wsse.MaskSecrets(e.Antwort, e.Geheim...)),
		anfrageKanonisch: s.packed(wsse.MaskSecrets(e.AnfrageKanonisch, e.Geheim...)),
		antwortKanonisch: s.packed(wsse.MaskSecrets(e.AntwortKanonisch, e.Geheim...)),
	}
}

// packed packs a journal document, unless the store keeps them unpacked.
func (s *Store) packed(doc []byte) []byte {
	if s.ungepackt {
		return doc
	}
	return pack(doc)
}

// appendJournal stores a prepared entry and returns its ID.
func (tx *Tx) appendJournal(ctx context.Context, g gespeicherterEintrag) (int64, error) {
	e := g.e
	res, err := tx.execJournal(ctx, `
		INSERT INTO journal (zeit, traegernummer, benutzer, operation, vorgangsnummer, ergebnis, dauer_us, anfrage, antwort,
		                     profil, anfrage_kanonisch, antwort_kanonisch)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		formatTime(e.Zeit), nullString(e.Traegernummer), nullString(e.Benutzer), e.Operation,
		nullString(e.Vorgangsnummer), e.Ergebnis, e.Dauer.Microseconds(),
		nullBytes(g.anfrage), nullBytes(g.antwort),
		nullString(e.Profil), nullBytes(g.anfrageKanonisch), nullBytes(g.antwortKanonisch))
	if err != nil {
		return 0, fmt.Errorf("append journal: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("append journal: %w", err)
	}
	if err := tx.prune(ctx, id); err != nil {
		return 0, err
	}
	return id, nil
}

// Retention bounds a store's journal; zero fields keep everything.
type Retention struct {
	// MaxEintraege keeps the newest entries only, this many (and at most a
	// tenth more between two prunings).
	MaxEintraege int
	// MaxAlter deletes entries older than this.
	MaxAlter time.Duration
}

// WithRetention bounds the store's journal. Pruning runs with the appends,
// in their transactions, and is logged.
func WithRetention(r Retention) Option { return func(s *Store) { s.retention = r } }

// prune deletes what the retention no longer keeps, every step-th entry
// (a tenth of MaxEintraege, at most 1000), so that a store's journal stays
// bounded at little cost per request.
func (tx *Tx) prune(ctx context.Context, id int64) error {
	r := tx.s.retention
	if r.MaxEintraege <= 0 && r.MaxAlter <= 0 {
		return nil
	}
	step := int64(1000)
	if r.MaxEintraege > 0 {
		step = min(max(int64(r.MaxEintraege)/10, 1), 1000)
	}
	if tx.s.appended.Add(1)%step != 0 {
		return nil
	}
	for _, p := range []struct {
		grund string
		on    bool
		query string
		arg   any
	}{
		// ids grow with every entry and only the oldest are deleted, so
		// the entries with an id up to id-MaxEintraege are the surplus.
		{"eintraege", r.MaxEintraege > 0, `DELETE FROM journal WHERE id <= ?`, id - int64(r.MaxEintraege)},
		{"alter", r.MaxAlter > 0, `DELETE FROM journal WHERE zeit < ?`, formatTime(tx.now().Add(-r.MaxAlter))},
	} {
		if !p.on {
			continue
		}
		res, err := tx.execJournal(ctx, p.query, p.arg)
		if err != nil {
			return fmt.Errorf("prune journal: %w", err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			tx.s.log.Info("journal pruned", "sandbox", tx.s.name, "grund", p.grund, "geloescht", n)
		}
	}
	return nil
}

// journal writes the entry j gives for resp; a nil j writes nothing.
func (tx *Tx) journal(ctx context.Context, j JournalFunc, resp inge.Response) error {
	if j == nil {
		return nil
	}
	if tx.nachtraege != nil {
		tx.nachtragen(j, resp)
		return nil
	}
	e, err := j(resp)
	if err != nil {
		return fmt.Errorf("journal entry: %w", err)
	}
	_, err = tx.AppendJournal(ctx, e)
	return err
}

// Journal returns the entries that match f, newest first.
func (tx *Tx) Journal(ctx context.Context, f Filter) ([]Eintrag, error) {
	var es []Eintrag
	err := tx.EachJournal(ctx, f, false, func(e Eintrag) error {
		es = append(es, e)
		return nil
	})
	return es, err
}

// EachJournal calls fn for every entry that matches f, one at a time as
// they are read, newest first or with oldest oldest first (f.Limit still
// keeps the newest). Only the entry at hand is held in memory, so a
// journal of any length is read in bounded memory. An error of fn ends the
// reading and is returned.
func (tx *Tx) EachJournal(ctx context.Context, f Filter, oldest bool, fn func(Eintrag) error) error {
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
	if oldest {
		query = "SELECT * FROM (" + query + ") ORDER BY 1"
	}

	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			e       Eintrag
			zeit    string
			dauerUS int64
		)
		if err := rows.Scan(&e.ID, &zeit, &e.Traegernummer, &e.Benutzer, &e.Operation,
			&e.Vorgangsnummer, &e.Ergebnis, &dauerUS, &e.Anfrage, &e.Antwort,
			&e.Profil, &e.AnfrageKanonisch, &e.AntwortKanonisch); err != nil {
			return fmt.Errorf("read journal: %w", err)
		}
		if e.Zeit, err = parseTime(zeit); err != nil {
			return fmt.Errorf("read journal entry %d: %w", e.ID, err)
		}
		for _, doc := range []*[]byte{&e.Anfrage, &e.Antwort, &e.AnfrageKanonisch, &e.AntwortKanonisch} {
			if *doc, err = unpack(*doc); err != nil {
				return fmt.Errorf("read journal entry %d: %w", e.ID, err)
			}
		}
		e.Dauer = time.Duration(dauerUS) * time.Microsecond
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	return nil
}

// AppendJournal stores e and returns its ID; see Tx.AppendJournal.
func (s *Store) AppendJournal(ctx context.Context, e Eintrag) (int64, error) {
	return s.appendPrepared(ctx, s.prepareEintrag(e)) // prepared before waiting for the writer
}

// appendPrepared appends a prepared entry in a write of its own. It needs
// no savepoint in its group: an append fails only when the store does, and
// then the group runs again without it.
func (s *Store) appendPrepared(ctx context.Context, g gespeicherterEintrag) (int64, error) {
	var id int64
	err := s.update(ctx, func(tx *Tx) error {
		var err error
		id, err = tx.appendJournal(ctx, g)
		return err
	}, true)
	return id, err
}

// Journal returns the entries that match f, newest first.
func (s *Store) Journal(ctx context.Context, f Filter) ([]Eintrag, error) {
	return view(ctx, s, func(tx *Tx) ([]Eintrag, error) { return tx.Journal(ctx, f) })
}

// EachJournal calls fn for every entry that matches f, in one snapshot of
// the journal, in bounded memory; see Tx.EachJournal.
func (s *Store) EachJournal(ctx context.Context, f Filter, oldest bool, fn func(Eintrag) error) error {
	return s.View(ctx, func(tx *Tx) error { return tx.EachJournal(ctx, f, oldest, fn) })
}

// kuerzen cuts a masked request to at most limit bytes, saying how long it
// was; limit 0 keeps it whole.
func kuerzen(b []byte, limit int) []byte {
	if limit <= 0 || len(b) <= limit {
		return b
	}
	note := fmt.Appendf(nil, "\n<!-- gekürzt: %d von %d Bytes gespeichert -->", limit, len(b))
	return append(b[:limit:limit], note...)
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

// nachtrag is the journal entry of a write of a group, made by the
// goroutine that waits for the write while the writer runs the next one,
// and written in the group's transaction once all ran: encoding, masking
// and compressing the answer is then not the writer's serial time.
type nachtrag struct {
	w        *schreiben
	done     chan struct{} // closed once made
	g        gespeicherterEintrag
	err      error
	panicked any
}

// nachtragen hands the making of the write's entry to its goroutine (to
// the writer itself if the write is the leader's own).
func (tx *Tx) nachtragen(j JournalFunc, resp inge.Response) {
	n := &nachtrag{w: tx.schreiber, done: make(chan struct{})}
	s := tx.s
	machen := func() {
		defer close(n.done)
		defer func() {
			if p := recover(); p != nil {
				n.panicked = p
			}
		}()
		e, err := j(resp)
		if err != nil {
			n.err = fmt.Errorf("journal entry: %w", err)
			return
		}
		n.g = s.prepareEintrag(e)
	}
	*tx.nachtraege = append(*tx.nachtraege, n)
	if tx.selbst {
		machen()
		return
	}
	tx.schreiber.auftraege <- machen
}

// abwarten waits until every entry of ns is made, and returns the writes
// whose entry could not be, with what they are to learn.
func abwarten(ns []*nachtrag) map[*schreiben]ergebnis {
	var ohne map[*schreiben]ergebnis
	for _, n := range ns {
		<-n.done
		if n.err != nil || n.panicked != nil {
			if ohne == nil {
				ohne = map[*schreiben]ergebnis{}
			}
			ohne[n.w] = ergebnis{err: n.err, panicked: n.panicked}
		}
	}
	return ohne
}
