package inge

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed codelisten/*.tsv
var codelistenFS embed.FS

// Codeliste is one code list, such as 802 Kursart.
type Codeliste struct {
	ID    string // 802, ISCED, STAAT ...
	Name  string
	Codes []Code
}

// Code is one value of a code list.
type Code struct {
	Schluessel  string
	Bezeichnung string
	// Herkunft is the value's source: "quelle:KEY" (label and key are
	// the source's), "quelle:KEY rekonstruiert" (the label is the
	// source's, the key is guessed) or "rekonstruiert" (both guessed).
	Herkunft Herkunft
}

// quellePrefix is how a code list writes the key of a source.
const quellePrefix = "quelle:"

// String writes the Herkunft as the code lists do.
func (h Herkunft) String() string {
	switch {
	case h.Quelle == "":
		return Rekonstruiert
	case h.Rekonstruiert:
		return quellePrefix + h.Quelle + " " + Rekonstruiert
	}
	return quellePrefix + h.Quelle
}

// Contains reports whether s is a key of the list.
func (c *Codeliste) Contains(s string) bool {
	_, ok := c.Lookup(s)
	return ok
}

// Lookup returns the code with key s.
func (c *Codeliste) Lookup(s string) (Code, bool) {
	for _, v := range c.Codes {
		if v.Schluessel == s {
			return v, true
		}
	}
	return Code{}, false
}

// ParseCodelisten reads every *.tsv code list of fsys. Each file starts with a
// line "# Codeliste <ID> <Name>", then comments, a header line and rows
// Schluessel, Bezeichnung, Herkunft (see Code.Herkunft). Every source key
// must be in the register quellen.
func ParseCodelisten(fsys fs.FS, quellen *Quellen) (map[string]*Codeliste, error) {
	names, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return nil, fmt.Errorf("codelisten: %w", err)
	}
	lists := map[string]*Codeliste{}
	for _, name := range names {
		l, err := parseCodeliste(fsys, name, quellen)
		if err != nil {
			return nil, fmt.Errorf("codeliste %s: %w", name, err)
		}
		if _, dup := lists[l.ID]; dup {
			return nil, fmt.Errorf("codeliste %s: id %s defined twice", name, l.ID)
		}
		lists[l.ID] = l
	}
	return lists, nil
}

func parseCodeliste(fsys fs.FS, name string, quellen *Quellen) (*Codeliste, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	rows, comments, err := readTSV(data, 3)
	if err != nil {
		return nil, err
	}
	l := &Codeliste{}
	if len(comments) > 0 {
		if rest, ok := strings.CutPrefix(comments[0], "# Codeliste "); ok {
			l.ID, l.Name, _ = strings.Cut(rest, " ")
		}
	}
	if l.ID == "" {
		return nil, fmt.Errorf("first line must be \"# Codeliste <ID> <Name>\"")
	}
	for _, row := range rows {
		c := row.fields
		h, err := quellen.ParseHerkunft(c[2], quellePrefix)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", row.line, err)
		}
		if l.Contains(c[0]) {
			return nil, fmt.Errorf("line %d: duplicate key %q", row.line, c[0])
		}
		l.Codes = append(l.Codes, Code{Schluessel: c[0], Bezeichnung: c[1], Herkunft: h})
	}
	return l, nil
}

var defaultCodelisten = sync.OnceValue(func() map[string]*Codeliste {
	sub, err := fs.Sub(codelistenFS, "codelisten")
	if err != nil {
		panic(err)
	}
	lists, err := ParseCodelisten(sub, DefaultQuellen())
	if err != nil {
		panic(fmt.Sprintf("embedded code lists: %v", err)) // caught by the package tests
	}
	return lists
})

// CodelisteByID returns an embedded code list.
func CodelisteByID(id string) (*Codeliste, bool) {
	l, ok := defaultCodelisten()[id]
	return l, ok
}

// Codelisten returns the embedded code lists ordered by ID.
func Codelisten() []*Codeliste {
	m := defaultCodelisten()
	out := make([]*Codeliste, 0, len(m))
	for _, l := range m {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
