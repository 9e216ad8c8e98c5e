package profil

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// The files of a profile directory. Each is TSV: lines starting with # are
// comments, the first other line names the columns, every data row has
// exactly as many fields (a field may be empty).
const (
	dateiProfil    = "profil.tsv"    // Schluessel, Wert: Name, Titel, Namespace, WSDL, XSD
	dateiVerfahren = "verfahren.tsv" // Verfahren, Operation, SOAPAction
	dateiElemente  = "elemente.tsv"  // Pfad, Profil
	dateiWerte     = "werte.tsv"     // Liste, Wert, Profil
	dateiMeldungen = "meldungen.tsv" // Code, Profil, Text
)

// zeile is a data row of a profile file, with its line number.
type zeile struct {
	nr     int
	felder []string
}

// ort names a row in a gap line: "elemente.tsv:12".
func (z zeile) ort(datei string) string { return fmt.Sprintf("%s:%d", datei, z.nr) }

// leseTSV reads the rows of a profile file with the given columns, whose
// names the header must carry in this order.
func leseTSV(datei string, data []byte, spalten ...string) ([]zeile, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var rows []zeile
	header := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(line, "#"), strings.TrimSpace(line) == "":
			continue
		case header:
			header = false
			if got := strings.Split(line, "\t"); strings.Join(got, "\t") != strings.Join(spalten, "\t") {
				return nil, fmt.Errorf("%s:%d: die Kopfzeile ist %q; erwartet werden die Spalten %s, durch Tabulatoren getrennt", datei, n, line, strings.Join(spalten, ", "))
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(spalten) {
			return nil, fmt.Errorf("%s:%d: %d Spalten; erwartet %d (%s), durch Tabulatoren getrennt", datei, n, len(f), len(spalten), strings.Join(spalten, ", "))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		rows = append(rows, zeile{nr: n, felder: f})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", datei, err)
	}
	if header {
		return nil, fmt.Errorf("%s: die Kopfzeile (%s) fehlt", datei, strings.Join(spalten, ", "))
	}
	return rows, nil
}
