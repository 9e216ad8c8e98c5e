package profil

import (
	"fmt"
	"strings"
)

// Luecken are the gaps of a profile that is not complete or not
// consistent: one line each, naming the file (and the row, where one is
// to blame) and what is missing or wrong. A profile with gaps does not
// load, so a mockinge with it does not start.
type Luecken struct {
	Verzeichnis string
	Zeilen      []string
}

func (l *Luecken) Error() string {
	n := len(l.Zeilen)
	wort := "Lücken"
	if n == 1 {
		wort = "Lücke"
	}
	return fmt.Sprintf("Profil %s: %d %s (mockinge -profil-pruefen %s listet sie mit Entwürfen der fehlenden Zeilen):\n  %s",
		l.Verzeichnis, n, wort, l.Verzeichnis, strings.Join(l.Zeilen, "\n  "))
}

// luecken collects gap lines while a profile is checked.
type luecken struct{ zeilen []string }

func (l *luecken) add(format string, args ...any) {
	l.zeilen = append(l.zeilen, fmt.Sprintf(format, args...))
}

// erstesMal keeps row z of datei under key in gesehen and reports true;
// a key given before is a gap that names what it is (was) and both rows.
func (l *luecken) erstesMal(gesehen map[string]zeile, key, was string, z zeile, datei string) bool {
	if other, dup := gesehen[key]; dup {
		l.add("%s: %s steht schon in %s", z.ort(datei), was, other.ort(datei))
		return false
	}
	gesehen[key] = z
	return true
}
