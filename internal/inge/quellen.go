package inge

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
)

// Quelle is one public source of the register quellen.tsv: the key that
// the catalogue, the code lists, the XSD documentation, the rules'
// doc comments and the scenarios cite, with what it is and where it is.
type Quelle struct {
	Schluessel string // e.g. ITM, Q-TESTANM, DESTATIS-STAAT
	Art        QuellenArt
	Titel      string
	Adresse    string // URL, or where the text can be found
}

// QuellenArt is the kind of a source.
type QuellenArt string

// The kinds of sources.
const (
	ArtSeed       QuellenArt = "Seed"       // one of the two seed texts in shared/seeds
	ArtHersteller QuellenArt = "Hersteller" // a vendor's manual, help page or product page
	ArtBAMF       QuellenArt = "BAMF"       // a page or document of the BAMF
	ArtGesetz     QuellenArt = "Gesetz"     // a law or ordinance
	ArtStandard   QuellenArt = "Standard"   // a published standard or code list
	ArtQuellcode  QuellenArt = "Quellcode"  // public source code
)

// Rekonstruiert marks a guess: a value, key or rule no source states.
const Rekonstruiert = "rekonstruiert"

// quelleKeyRE is the form of a key: letters and digits, parts joined by
// hyphens (ITM, Q-TESTANM, IntV7, DESTATIS-STAAT).
var quelleKeyRE = regexp.MustCompile(`^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$`)

// Quellen is the register of sources.
type Quellen struct {
	list  []Quelle
	byKey map[string]int
}

//go:embed quellen.tsv
var quellenTSV []byte

// ParseQuellen reads a register in the format of quellen.tsv: comments, a
// header line and rows Schluessel, Art, Titel, Adresse.
func ParseQuellen(r io.Reader) (*Quellen, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read quellen: %w", err)
	}
	rows, _, err := readTSV(data, 4)
	if err != nil {
		return nil, fmt.Errorf("quellen: %w", err)
	}
	q := &Quellen{byKey: map[string]int{}}
	for _, row := range rows {
		f := row.fields
		e := Quelle{Schluessel: f[0], Art: QuellenArt(f[1]), Titel: f[2], Adresse: f[3]}
		switch {
		case !quelleKeyRE.MatchString(e.Schluessel) || strings.EqualFold(e.Schluessel, Rekonstruiert):
			return nil, fmt.Errorf("quellen line %d: key %q is not letters and digits joined by hyphens", row.line, e.Schluessel)
		case !validArt(e.Art):
			return nil, fmt.Errorf("quellen line %d: %s: unknown Art %q", row.line, e.Schluessel, e.Art)
		case e.Titel == "" || e.Adresse == "":
			return nil, fmt.Errorf("quellen line %d: %s has no Titel or Adresse", row.line, e.Schluessel)
		}
		if _, dup := q.byKey[e.Schluessel]; dup {
			return nil, fmt.Errorf("quellen line %d: key %s defined twice", row.line, e.Schluessel)
		}
		q.byKey[e.Schluessel] = len(q.list)
		q.list = append(q.list, e)
	}
	return q, nil
}

func validArt(a QuellenArt) bool {
	switch a {
	case ArtSeed, ArtHersteller, ArtBAMF, ArtGesetz, ArtStandard, ArtQuellcode:
		return true
	}
	return false
}

// DefaultQuellen returns the embedded register.
var DefaultQuellen = sync.OnceValue(func() *Quellen {
	q, err := ParseQuellen(bytes.NewReader(quellenTSV))
	if err != nil {
		panic(fmt.Sprintf("embedded quellen.tsv: %v", err)) // caught by the package tests
	}
	return q
})

// All returns the sources in file order.
func (q *Quellen) All() []Quelle { return append([]Quelle(nil), q.list...) }

// Lookup returns the source with the key.
func (q *Quellen) Lookup(key string) (Quelle, bool) {
	i, ok := q.byKey[key]
	if !ok {
		return Quelle{}, false
	}
	return q.list[i], true
}

// Herkunft is where a value or a rule comes from, as the data files write
// it: a source of the register, rekonstruiert, or both. Both means that
// the source states part of it and the rest is reconstructed: in a code
// list the label is sourced and the key guessed, in the catalogue the
// source states a narrower rule than the one implemented.
type Herkunft struct {
	Quelle        string // key in the register; empty when nothing is sourced
	Rekonstruiert bool
}

// Sourced reports whether the whole of it follows its source.
func (h Herkunft) Sourced() bool { return h.Quelle != "" && !h.Rekonstruiert }

// ParseHerkunft reads a Herkunft written "<prefix>KEY", "<prefix>KEY
// rekonstruiert" or "rekonstruiert": the code lists write the prefix
// "quelle:", the catalogue none. KEY must be in the register.
func (q *Quellen) ParseHerkunft(s, prefix string) (Herkunft, error) {
	if s == Rekonstruiert {
		return Herkunft{Rekonstruiert: true}, nil
	}
	key, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return Herkunft{}, fmt.Errorf("Herkunft %q is neither %sKEY, %sKEY %s nor %s", s, prefix, prefix, Rekonstruiert, Rekonstruiert)
	}
	h := Herkunft{}
	if k, rest, found := strings.Cut(key, " "); found {
		if rest != Rekonstruiert {
			return Herkunft{}, fmt.Errorf("Herkunft %q: after the key only %q may follow", s, Rekonstruiert)
		}
		key, h.Rekonstruiert = k, true
	}
	if _, known := q.Lookup(key); !known {
		return Herkunft{}, fmt.Errorf("Herkunft %q: source %q is not in the register (internal/inge/quellen.tsv)", s, key)
	}
	h.Quelle = key
	return h, nil
}
