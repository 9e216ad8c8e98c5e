package inge

import "unicode"

// The joiners that scripts such as Persian, Devanagari and Tamil need inside
// a word to choose the form of a letter.
const (
	zeroWidthNonJoiner = '\u200C' // ZWNJ, e.g. Persian علی‌رضا
	zeroWidthJoiner    = '\u200D' // ZWJ, e.g. a Devanagari half form after a virama
)

// ValidName reports whether s is a name as BAMF accepts it: no digits or
// special characters (quelle:Q-TESTANM). A name is words of letters of any
// script (Unicode category L), each letter with its combining marks
// (category M, composed or decomposed), joined by single spaces or hyphens.
// Inside a word, between letters and marks, ZWNJ and ZWJ may stand. Digits,
// punctuation (the apostrophe too), symbols, controls and other format
// characters are refused, and so are a mark without a letter before it and
// a joiner or separator at the edge of a word.
func ValidName(s string) bool {
	rs := []rune(s) // invalid UTF-8 becomes U+FFFD, a symbol
	if len(rs) == 0 {
		return false
	}
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return -1
		}
		return rs[i]
	}
	for i, r := range rs {
		prev, next := at(i-1), at(i+1)
		switch {
		case unicode.IsLetter(r):
		case unicode.IsMark(r):
			if !inWord(prev) {
				return false
			}
		case r == zeroWidthNonJoiner || r == zeroWidthJoiner:
			if !inWord(prev) || !inWord(next) {
				return false
			}
		case r == ' ' || r == '-':
			if !inWord(prev) || !unicode.IsLetter(next) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// inWord reports whether r is part of a word: a letter or a mark.
func inWord(r rune) bool { return r >= 0 && (unicode.IsLetter(r) || unicode.IsMark(r)) }
