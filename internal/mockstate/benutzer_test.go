package mockstate_test

import (
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/ingetest"
	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The admin API shows why a user cannot be added; the text is German.
func TestAddUser_Errors(t *testing.T) {
	s := ingetest.MustStore(t)
	for _, tc := range []struct {
		name    string
		zugang  mockstate.Zugang
		wantErr string
	}{
		{"ErrOhnePasswort", mockstate.Zugang{Name: "x", Traegernummer: "10000001"}, "Benutzer anlegen: Name und Passwort sind nötig"},
		{"ErrTraegerUnbekannt", mockstate.Zugang{Name: "x", Passwort: "p", Traegernummer: "99999999"},
			`Benutzer x anlegen: Träger "99999999": nicht gefunden`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.AddUser(t.Context(), tc.zugang); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("AddUser(%+v) = %v; want %q", tc.zugang, err, tc.wantErr)
			}
		})
	}
}
