package mockstate_test

import (
	"testing"

	"github.com/inge-harness/inge-harness/internal/mockstate"
)

// The operator of mockinge reads these errors at its start: they name the
// setting and, in German, what it allows.
func TestRegelnValidate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		change  func(r *mockstate.Regeln)
		wantErr string // "": valid
	}{
		{"OK", func(*mockstate.Regeln) {}, ""},
		{"OK/Aktualisieren", func(r *mockstate.Regeln) { r.Zweitanmeldung = mockstate.ZweitanmeldungAktualisieren }, ""},
		{"ErrZweitanmeldung", func(r *mockstate.Regeln) { r.Zweitanmeldung = "ersetzen" },
			`zweitanmeldung "ersetzen": erlaubt sind ablehnen und aktualisieren`},
		{"ErrAuskunft", func(r *mockstate.Regeln) { r.Auskunft = "keine" },
			`teilnehmerauskunft "keine": erlaubt sind eigene und alle`},
		{"ErrLidKapazitaet", func(r *mockstate.Regeln) { r.LidKapazitaet = 0 }, `lid-kapazitaet 0: mindestens 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mockstate.DefaultRegeln()
			tc.change(&r)
			err := r.Validate()
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("Validate() = %v; want nil", err)
			case tc.wantErr != "" && (err == nil || err.Error() != tc.wantErr):
				t.Errorf("Validate() = %v; want %q", err, tc.wantErr)
			}
		})
	}
}
