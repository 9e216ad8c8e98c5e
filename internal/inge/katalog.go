package inge

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"
	"sync"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
)

// Key names an entry of the catalogue. Code refers to entries by Key, so the
// code shown to clients and the German text can be corrected in katalog.tsv
// without touching logic.
type Key string

// The catalogue keys are generated from katalog.tsv into katalog_keys.go
// (go test ./internal/inge -run TestGeneratedFiles -update), so a new row
// needs no edit here.

// Eintrag is one row of the catalogue.
type Eintrag struct {
	Key      Key
	Code     string
	Art      MeldungArt // empty for a Fault
	Fault    *FaultSpec // nil for a Meldung
	Herkunft string     // source key of the rule, or "rekonstruiert"
	Text     string     // German, with {Name} placeholders
}

// FaultSpec says how a technical error travels: SOAP faultcode and HTTP status.
type FaultSpec struct {
	Code       xml.Name // e.g. {soap 1.1 envelope namespace, Client}
	Prefix     string   // the prefix the code is written with, e.g. wsse
	HTTPStatus int
}

// Katalog is the error catalogue: every Meldung and Fault the mock can give.
type Katalog struct {
	entries []Eintrag
	byKey   map[Key]int
}

//go:embed katalog.tsv
var katalogTSV []byte

// faultPrefixes are the prefixes katalog.tsv writes fault codes with.
var faultPrefixes = map[string]string{"soapenv": soap.EnvelopeNS, "wsse": wsse.SecextNS}

// FaultPrefixes maps the prefixes the catalogue writes fault codes with
// (soapenv, wsse) to their namespaces.
func FaultPrefixes() map[string]string { return maps.Clone(faultPrefixes) }

// ParseKatalog reads a catalogue in the format of katalog.tsv.
func ParseKatalog(r io.Reader) (*Katalog, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read katalog: %w", err)
	}
	rows, _, err := readTSV(data, 5)
	if err != nil {
		return nil, fmt.Errorf("katalog: %w", err)
	}
	k := &Katalog{byKey: map[Key]int{}}
	codes := map[string]Key{}
	for _, row := range rows {
		f, n := row.fields, row.line
		e := Eintrag{Key: Key(f[0]), Code: f[1], Herkunft: f[3], Text: f[4]}
		if rest, ok := strings.CutPrefix(f[2], "Fault:"); ok {
			spec, err := parseFaultSpec(rest)
			if err != nil {
				return nil, fmt.Errorf("katalog line %d: %w", n, err)
			}
			e.Fault = spec
		} else {
			switch a := MeldungArt(f[2]); a {
			case ArtFehler, ArtWarnung, ArtHinweis:
				e.Art = a
			default:
				return nil, fmt.Errorf("katalog line %d: unknown Art %q", n, f[2])
			}
		}
		if _, dup := k.byKey[e.Key]; dup {
			return nil, fmt.Errorf("katalog line %d: duplicate key %s", n, e.Key)
		}
		if other, dup := codes[e.Code]; dup {
			return nil, fmt.Errorf("katalog line %d: code %s used by %s and %s", n, e.Code, other, e.Key)
		}
		codes[e.Code] = e.Key
		k.byKey[e.Key] = len(k.entries)
		k.entries = append(k.entries, e)
	}
	return k, nil
}

func parseFaultSpec(s string) (*FaultSpec, error) {
	f := strings.Split(s, ":")
	if len(f) != 3 {
		return nil, fmt.Errorf("fault spec %q: want prefix:local:status", s)
	}
	ns, ok := faultPrefixes[f[0]]
	if !ok {
		return nil, fmt.Errorf("fault spec %q: unknown prefix %s", s, f[0])
	}
	status, err := strconv.Atoi(f[2])
	if err != nil {
		return nil, fmt.Errorf("fault spec %q: status: %w", s, err)
	}
	return &FaultSpec{Code: xml.Name{Space: ns, Local: f[1]}, Prefix: f[0], HTTPStatus: status}, nil
}

// DefaultKatalog returns the embedded catalogue.
var DefaultKatalog = sync.OnceValue(func() *Katalog {
	k, err := ParseKatalog(bytes.NewReader(katalogTSV))
	if err != nil {
		panic(fmt.Sprintf("embedded katalog.tsv: %v", err)) // caught by the package tests
	}
	return k
})

// Entries returns all entries in file order.
func (k *Katalog) Entries() []Eintrag { return append([]Eintrag(nil), k.entries...) }

// Lookup returns the entry of a key.
func (k *Katalog) Lookup(key Key) (Eintrag, bool) {
	i, ok := k.byKey[key]
	if !ok {
		return Eintrag{}, false
	}
	return k.entries[i], true
}

// ByCode returns the entry with the given client-visible code.
func (k *Katalog) ByCode(code string) (Eintrag, bool) {
	for _, e := range k.entries {
		if e.Code == code {
			return e, true
		}
	}
	return Eintrag{}, false
}

func (k *Katalog) mustLookup(key Key) Eintrag {
	e, ok := k.Lookup(key)
	if !ok {
		panic("inge: catalogue has no key " + string(key)) // a programming error; the tests cover every key
	}
	return e
}

// Render fills the placeholders of the entry's text from name/value pairs.
func (e Eintrag) Render(args ...string) string {
	if len(args) == 0 {
		return e.Text
	}
	return strings.NewReplacer(placeholders(args)...).Replace(e.Text)
}

func placeholders(args []string) []string {
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+args[i]+"}", args[i+1])
	}
	return pairs
}

// NewMeldung builds the Meldung of a catalogue key for the field at path
// (empty when it concerns the whole request), filling the text from
// name/value pairs such as "Wert", "KO-1".
func NewMeldung(key Key, path string, args ...string) Meldung {
	e := DefaultKatalog().mustLookup(key)
	return Meldung{Code: e.Code, Art: e.Art, Feld: path, Text: e.Render(args...)}
}
