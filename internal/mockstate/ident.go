package mockstate

import (
	"context"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// identify finds the one person that ident names. Every participant-related
// message identifies a person by Geburtsdatum and one Aktenzeichen; both must
// match BAMF's data exactly, otherwise the person is not found (ABES-TN,
// Q-EST, Q-TESTANM, CMX-KON). A missing part was already reported by the
// schema check, so it only returns false here.
func identify(ctx context.Context, tx *Tx, c *call, ident *inge.TeilnehmerIdent, path string) (Person, bool, error) {
	if ident == nil || ident.Aktenzeichen == nil || ident.Geburtsdatum == "" {
		return Person{}, false, nil
	}
	born, err := ident.Geburtsdatum.Time()
	if err != nil {
		return Person{}, false, fmt.Errorf("identify: %w", err) // the schema check guarantees a date
	}
	persons, err := tx.FindPersons(ctx, born, string(ident.Aktenzeichen.Art), ident.Aktenzeichen.Wert)
	if err != nil {
		return Person{}, false, fmt.Errorf("identify: %w", err)
	}
	if len(persons) != 1 {
		c.add(inge.PersonNichtIdentifiziert, path)
		return Person{}, false, nil
	}
	return persons[0], true, nil
}
