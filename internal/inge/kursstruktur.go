package inge

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed kursstruktur.tsv
var kursstrukturTSV []byte

// Kursstruktur is the sequence of Kursabschnitte of a Kursart.
type Kursstruktur struct {
	Kursart        string
	Abschnitte     []string // codes of list 803 in course order; OK is the Orientierungskurs
	UE             int      // Unterrichtseinheiten per language section
	UEOrientierung int
	Herkunft       string
}

// Contains reports whether the section belongs to the course structure.
func (k Kursstruktur) Contains(abschnitt string) bool {
	return slices.Contains(k.Abschnitte, abschnitt)
}

// Next returns the section after abschnitt, or false after the last one.
func (k Kursstruktur) Next(abschnitt string) (string, bool) {
	i := slices.Index(k.Abschnitte, abschnitt)
	if i < 0 || i+1 >= len(k.Abschnitte) {
		return "", false
	}
	return k.Abschnitte[i+1], true
}

// Position returns the index of the section in course order, or -1.
func (k Kursstruktur) Position(abschnitt string) int { return slices.Index(k.Abschnitte, abschnitt) }

// ParseKursstruktur reads kursstruktur.tsv.
func ParseKursstruktur(data []byte) (map[string]Kursstruktur, error) {
	rows, _, err := readTSV(data, 5)
	if err != nil {
		return nil, fmt.Errorf("kursstruktur: %w", err)
	}
	out := map[string]Kursstruktur{}
	for _, row := range rows {
		f := row.fields
		ue, err1 := strconv.Atoi(f[2])
		ok, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("kursstruktur line %d: UE are not numbers", row.line)
		}
		out[f[0]] = Kursstruktur{Kursart: f[0], Abschnitte: strings.Split(f[1], ","), UE: ue, UEOrientierung: ok, Herkunft: f[4]}
	}
	return out, nil
}

var defaultKursstruktur = sync.OnceValue(func() map[string]Kursstruktur {
	m, err := ParseKursstruktur(kursstrukturTSV)
	if err != nil {
		panic(fmt.Sprintf("embedded kursstruktur.tsv: %v", err)) // caught by the package tests
	}
	return m
})

// KursstrukturOf returns the section structure of a Kursart.
func KursstrukturOf(kursart string) (Kursstruktur, bool) {
	k, ok := defaultKursstruktur()[kursart]
	return k, ok
}
