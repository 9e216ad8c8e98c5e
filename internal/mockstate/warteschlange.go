package mockstate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// ErrAuftragErledigt is returned by ApplyAuftrag for a request that has
// left the queue already; nothing was applied again.
var ErrAuftragErledigt = errors.New("auftrag already applied")

// Auftrag is an asynchronous request waiting for InGe to be available.
type Auftrag struct {
	ID             int64
	Eingang        time.Time
	Caller         Caller
	Operation      string
	Vorgangsnummer string
	Anfrage        []byte // the request element, canonical XML
	// Umschlag is the envelope as it was received, password masked, for
	// the journal; nil for a request queued before it was kept.
	Umschlag []byte
}

// Accept queues an asynchronous request that passed the strict check and
// returns the answer "angenommen" with a new Vorgangsnummer. The queue keeps
// the request in its canonical form, which ApplyAuftrag checks and applies
// later, and umschlag, the envelope as received, whose password is masked
// here. The request enters the queue with its journal entry, which j gives,
// in one transaction, or not at all.
func (s *Store) Accept(ctx context.Context, caller Caller, in inge.Checked, umschlag []byte, j JournalFunc) (inge.Response, Auftrag, error) {
	p := in.Procedure()
	body, err := in.Canonical()
	if err != nil {
		return nil, Auftrag{}, fmt.Errorf("accept %w", err)
	}
	a := Auftrag{Eingang: s.now(), Caller: caller, Operation: p.Name, Vorgangsnummer: newVorgangsnummer(s.now()), Anfrage: body, Umschlag: wsse.MaskSecrets(umschlag)}
	resp := p.NewResponse()
	b := resp.Base()
	b.Status, b.Vorgangsnummer = inge.StatusAngenommen, a.Vorgangsnummer
	b.Meldungen = &inge.Meldungen{Meldung: []inge.Meldung{inge.NewMeldung(inge.AsynchronAngenommen, "")}}
	err = s.Update(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO warteschlange (eingang, benutzer, traegernummer, operation, vorgangsnummer, anfrage, umschlag)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, formatTime(a.Eingang), caller.Benutzer, caller.Traegernummer, a.Operation, a.Vorgangsnummer, body, nullBytes(a.Umschlag))
		if err != nil {
			return err
		}
		if a.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return tx.journal(ctx, j, resp)
	})
	if err != nil {
		return nil, Auftrag{}, fmt.Errorf("accept %s: %w", p.Name, err)
	}
	return resp, a, nil
}

// Auftraege returns the waiting requests in order of arrival.
func (s *Store) Auftraege(ctx context.Context) ([]Auftrag, error) {
	return view(ctx, s, func(tx *Tx) ([]Auftrag, error) {
		rows, err := tx.QueryContext(ctx, `SELECT id, eingang, benutzer, traegernummer, operation, vorgangsnummer, anfrage, umschlag
			FROM warteschlange ORDER BY id`)
		if err != nil {
			return nil, err
		}
		var out []Auftrag
		for rows.Next() {
			var a Auftrag
			var eingang string
			if err := rows.Scan(&a.ID, &eingang, &a.Caller.Benutzer, &a.Caller.Traegernummer, &a.Operation, &a.Vorgangsnummer, &a.Anfrage, &a.Umschlag); err != nil {
				rows.Close()
				return nil, err
			}
			if a.Eingang, err = parseTime(eingang); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, a)
		}
		return out, closeRows(rows)
	})
}

// ApplyAuftrag applies a waiting request under its own Vorgangsnummer and
// takes it off the queue in the same transaction, whatever the outcome, so
// it is applied exactly once, even across a crash; its final journal
// entry, which j gives, is written in that transaction too.
func (s *Store) ApplyAuftrag(ctx context.Context, a Auftrag, j JournalFunc) (inge.Response, error) {
	in, err := inge.ReadRequest(bytes.NewReader(a.Anfrage))
	if err != nil {
		return nil, fmt.Errorf("auftrag %d: %w", a.ID, err)
	}
	if in.Procedure().Name != a.Operation {
		return nil, fmt.Errorf("auftrag %d: request of %s queued as %s", a.ID, in.Procedure().Name, a.Operation)
	}
	return s.apply(ctx, a.Caller, in, a.Vorgangsnummer, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM warteschlange WHERE id = ?`, a.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			// Applied by someone else meanwhile: undo this application.
			return fmt.Errorf("auftrag %d: %w", a.ID, ErrAuftragErledigt)
		}
		return nil
	}, j)
}

// WarteschlangeLaenge returns how many asynchronous requests are waiting.
func (s *Store) WarteschlangeLaenge(ctx context.Context) (int, error) {
	return view(ctx, s, func(tx *Tx) (int, error) {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM warteschlange`).Scan(&n)
		return n, err
	})
}
