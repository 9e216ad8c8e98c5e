package mockstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// LoadTestdatenpaket validates the Testdatenpaket in fsys (see package
// testdaten) and loads it in one transaction. Loading is idempotent: rows are
// upserted by their keys (persons by their Kennziffern), so loading the same
// package again leaves the same state, and data the package no longer names
// is kept. An invalid package loads nothing; the error lists every problem.
func (s *Store) LoadTestdatenpaket(ctx context.Context, fsys fs.FS) error {
	p, err := testdaten.Read(fsys)
	if err != nil {
		return err // names the Testdatenpaket and lists every problem
	}
	if err := s.Update(ctx, func(tx *Tx) error { return tx.loadPaket(ctx, p) }); err != nil {
		return fmt.Errorf("Testdatenpaket laden: %w", err)
	}
	return nil
}

// loadPaket upserts a validated package.
func (tx *Tx) loadPaket(ctx context.Context, p *testdaten.Paket) error {
	for _, t := range p.Traeger {
		if err := tx.upsertTraeger(ctx, t); err != nil {
			return err
		}
	}
	for _, l := range p.Lehrwerke {
		if err := tx.upsertLehrwerk(ctx, l); err != nil {
			return err
		}
	}
	for _, f := range p.Faelle {
		if err := tx.upsertFall(ctx, f); err != nil {
			return fmt.Errorf("Testfall %s: %w", f.ID, err)
		}
	}
	return nil
}

func (tx *Tx) upsertTraeger(ctx context.Context, t testdaten.Traeger) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO traeger (traegernummer, name, bundesland, lid_pruefstelle, verwaltungsstandort, lieferadresse)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (traegernummer) DO UPDATE SET
			name = excluded.name, bundesland = excluded.bundesland, lid_pruefstelle = excluded.lid_pruefstelle,
			verwaltungsstandort = excluded.verwaltungsstandort, lieferadresse = excluded.lieferadresse`,
		t.Traegernummer, t.Name, t.Bundesland, t.LidPruefstelle, t.Verwaltungsstandort, nullString(t.Lieferadresse),
	); err != nil {
		return fmt.Errorf("Träger %s: %w", t.Traegernummer, err)
	}
	for _, b := range t.Benutzer {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO benutzer (name, passwort, traegernummer) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET passwort = excluded.passwort, traegernummer = excluded.traegernummer`,
			b.Name, b.Passwort, t.Traegernummer,
		); err != nil {
			return fmt.Errorf("Benutzer %s: %w", b.Name, err)
		}
	}
	return nil
}

func (tx *Tx) upsertLehrwerk(ctx context.Context, l testdaten.Lehrwerk) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO lehrwerk (kennung, titel, verlag) VALUES (?, ?, ?)
		ON CONFLICT (kennung) DO UPDATE SET titel = excluded.titel, verlag = excluded.verlag`,
		l.Kennung, l.Titel, l.Verlag,
	); err != nil {
		return fmt.Errorf("Lehrwerk %s: %w", l.Kennung, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM lehrwerk_kursart WHERE lehrwerk = ?`, l.Kennung); err != nil {
		return fmt.Errorf("Lehrwerk %s: %w", l.Kennung, err)
	}
	for _, k := range l.Kursarten {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO lehrwerk_kursart (lehrwerk, kursart) VALUES (?, ?)`, l.Kennung, k,
		); err != nil {
			return fmt.Errorf("Lehrwerk %s: Kursart %s: %w", l.Kennung, k, err)
		}
	}
	return nil
}

func (tx *Tx) upsertFall(ctx context.Context, f testdaten.Fall) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO testfall (id, titel, traegernummer, vorbedingungen) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			titel = excluded.titel, traegernummer = excluded.traegernummer, vorbedingungen = excluded.vorbedingungen`,
		f.ID, f.Titel, f.Traegernummer, f.Vorbedingungen,
	); err != nil {
		return err
	}
	for _, k := range f.Kursorte {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO kursort (kennung, traegernummer, bezeichnung, strasse, plz, ort, bundesland, barrierefrei, testfall)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (kennung) DO UPDATE SET
				traegernummer = excluded.traegernummer, bezeichnung = excluded.bezeichnung,
				strasse = excluded.strasse, plz = excluded.plz, ort = excluded.ort,
				bundesland = excluded.bundesland, barrierefrei = excluded.barrierefrei, testfall = excluded.testfall`,
			k.Kennung, f.Traegernummer, k.Bezeichnung, k.Strasse, k.Postleitzahl, k.Ort, k.Bundesland, k.Barrierefrei, f.ID,
		); err != nil {
			return fmt.Errorf("Kursort %s: %w", k.Kennung, err)
		}
	}
	for _, l := range f.Lehrkraefte {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO lehrkraft (kennung, familienname, vorname, geburtsdatum, zugelassen_bis, testfall)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (kennung) DO UPDATE SET
				familienname = excluded.familienname, vorname = excluded.vorname, geburtsdatum = excluded.geburtsdatum,
				zugelassen_bis = excluded.zugelassen_bis, testfall = excluded.testfall`,
			l.Kennung, l.Familienname, l.Vorname, l.Geburtsdatum, nullString(l.ZugelassenBis), f.ID,
		); err != nil {
			return fmt.Errorf("Lehrkraft %s: %w", l.Kennung, err)
		}
	}
	for _, pe := range f.Personen {
		if err := tx.upsertPerson(ctx, f.ID, pe); err != nil {
			return fmt.Errorf("Person %s, %s: %w", pe.Familienname, pe.Vorname, err)
		}
	}
	return nil
}

// upsertPerson finds the person by any of its Kennziffern, updates or
// inserts it, and replaces its Staatsangehoerigkeiten and Kennziffern. Person
// IDs thus stay stable across reloads, which later tables rely on.
func (tx *Tx) upsertPerson(ctx context.Context, testfall string, pe testdaten.Person) error {
	var id int64
	for _, k := range pe.Kennziffern {
		var found int64
		err := tx.QueryRowContext(ctx,
			`SELECT person_id FROM person_kennziffer WHERE art = ? AND wert = ?`, k.Art, k.Wert,
		).Scan(&found)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			continue
		case err != nil:
			return err
		case id != 0 && found != id:
			return fmt.Errorf("ihre Kennziffern gehören in der Datenbank zwei verschiedenen Personen (%d und %d)", id, found)
		}
		id = found
	}

	a := pe.Anschrift
	args := []any{
		pe.Familienname, pe.Vorname, nullString(pe.Geburtsname), pe.Geburtsdatum, pe.Geburtsort, pe.Geschlecht,
		a.Strasse, a.Postleitzahl, a.Ort, a.Staat, a.Bundesland, testfall,
	}
	if id == 0 {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO person (familienname, vorname, geburtsname, geburtsdatum, geburtsort, geschlecht,
			                    strasse, plz, ort, staat, bundesland, testfall)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
	} else {
		if _, err := tx.ExecContext(ctx, `
			UPDATE person SET familienname = ?, vorname = ?, geburtsname = ?, geburtsdatum = ?, geburtsort = ?,
			                  geschlecht = ?, strasse = ?, plz = ?, ort = ?, staat = ?, bundesland = ?, testfall = ?
			WHERE id = ?`, append(args, id)...); err != nil {
			return err
		}
		for _, table := range []string{"person_staatsangehoerigkeit", "person_kennziffer"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE person_id = ?`, id); err != nil {
				return err
			}
		}
	}

	for i, code := range pe.Staatsangehoerigkeit {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO person_staatsangehoerigkeit (person_id, rang, code) VALUES (?, ?, ?)`, id, i+1, code,
		); err != nil {
			return fmt.Errorf("Staatsangehörigkeit %s: %w", code, err)
		}
	}
	for _, k := range pe.Kennziffern {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO person_kennziffer (person_id, art, wert) VALUES (?, ?, ?)`, id, k.Art, k.Wert,
		); err != nil {
			return fmt.Errorf("Kennziffer %s %s: %w", k.Art, k.Wert, err)
		}
	}
	return tx.upsertPersonHistory(ctx, id, pe)
}

// upsertPersonHistory replaces what the package says of a person beyond the
// identity. Registrations are only added: a registration a provider reported
// to the mock stays.
func (tx *Tx) upsertPersonHistory(ctx context.Context, id int64, pe testdaten.Person) error {
	if _, err := tx.ExecContext(ctx, `UPDATE person SET fruehere_namen = ?, regionalstelle = ? WHERE id = ?`,
		strings.Join(pe.FruehereNamen, "\n"), pe.Regionalstelle, id); err != nil {
		return err
	}
	for _, table := range []string{"berechtigung", "kursbesuch", "dtz_ergebnis"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE person_id = ?`, id); err != nil {
			return fmt.Errorf("%s ersetzen: %w", table, err)
		}
	}
	for _, b := range pe.Berechtigungen {
		if _, err := tx.ExecContext(ctx, `INSERT INTO berechtigung (person_id, aktenzeichen_art, aktenzeichen, zulassungsart,
			behoerde_art, behoerde, behoerden_aktenzeichen, gueltig_ab, gueltig_bis, stornierungsdatum, tn_typ, kb_typ,
			genehmigte_stunden, merkmale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, b.Aktenzeichen.Art, b.Aktenzeichen.Wert, b.Zulassungsart, b.Behoerde.Art, b.Behoerde.Bezeichnung,
			b.BehoerdenAktenzeichen, b.GueltigAb, b.GueltigBis, b.Stornierungsdatum, b.TnTyp, b.KbTyp,
			b.GenehmigteStunden, strings.Join(b.Merkmale, "\n")); err != nil {
			return fmt.Errorf("Berechtigung %s: %w", b.Aktenzeichen.Wert, err)
		}
	}
	for _, k := range pe.Kursbesuche {
		res, err := tx.ExecContext(ctx, `INSERT INTO kursbesuch (person_id, traegernummer, kurskennung, kursart, von, bis)
			VALUES (?, ?, ?, ?, ?, ?)`, id, k.Traegernummer, k.Kurskennung, k.Kursart, k.Von, k.Bis)
		if err != nil {
			return fmt.Errorf("Kursbesuch: %w", err)
		}
		besuch, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, a := range k.Abschnitte {
			if _, err := tx.ExecContext(ctx, `INSERT INTO kursbesuch_abschnitt (kursbesuch_id, kursabschnitt, stunden) VALUES (?, ?, ?)`,
				besuch, a.Kursabschnitt, a.AbgerechneteStunden); err != nil {
				return fmt.Errorf("Kursbesuch, Abschnitt %s: %w", a.Kursabschnitt, err)
			}
		}
	}
	for _, a := range pe.Anmeldungen {
		if _, err := tx.ExecContext(ctx, `INSERT INTO anmeldung (person_id, traegernummer, verfahren, anmeldedatum, erfasst_am)
			VALUES (?, ?, ?, ?, '') ON CONFLICT DO NOTHING`, id, a.Traegernummer, a.Verfahren, a.Anmeldedatum); err != nil {
			return fmt.Errorf("Anmeldung bei %s: %w", a.Traegernummer, err)
		}
	}
	for _, d := range pe.Dtz {
		if _, err := tx.ExecContext(ctx, `INSERT INTO dtz_ergebnis (person_id, pruefungsdatum, ergebnis) VALUES (?, ?, ?)`,
			id, d.Pruefungsdatum, d.Ergebnis); err != nil {
			return fmt.Errorf("DTZ vom %s: %w", d.Pruefungsdatum, err)
		}
	}
	return nil
}
