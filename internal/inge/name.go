package inge

import "unicode"

// ValidName reports whether s is a name as BAMF accepts it: letters of any
// script (with diacritics), single spaces or hyphens between them, and no
// digits or other special characters (Q-TESTANM).
func ValidName(s string) bool {
	if s == "" {
		return false
	}
	prev := ' ' // a name must not start with a separator
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
		case r == ' ' || r == '-':
			if prev == ' ' || prev == '-' {
				return false
			}
		default:
			return false
		}
		prev = r
	}
	return prev != ' ' && prev != '-'
}
