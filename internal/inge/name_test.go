package inge_test

import (
	"testing"
	"unicode/utf8"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// The rule of M2001: letters of every script with their marks and, inside a
// word, the joiners ZWNJ and ZWJ; no digits, punctuation, symbols or
// controls (Q-TESTANM). The invisible characters are written as escapes.
func TestValidName(t *testing.T) {
	tests := []struct {
		name, why string
		want      bool
	}{
		// Latin with diacritics, as before.
		{"Öztürk", "Latin with umlauts", true},
		{"Al-Hassan", "hyphen between words", true},
		{"Tesfa Mariam", "space between words", true},
		{"José", "Latin, composed accent", true},
		{"Işık", "Turkish dotless i", true},
		{"Nguyễn Thị Minh Khai", "Vietnamese, composed (NFC)", true},
		{"Nguye\u0302\u0303n Thi\u0323", "Vietnamese, decomposed (NFD): e + circumflex + tilde, i + dot below", true},
		// Other scripts.
		{"محمد", "Arabic", true},
		{"عبد الله", "Arabic, two words", true},
		{"مُحَمَّد", "Arabic with harakat (marks)", true},
		{"علی\u200cرضا", "Persian Alireza with ZWNJ", true},
		{"حسن\u200cزاده", "Persian Hassanzadeh with ZWNJ", true},
		{"می\u200cخواهم", "Persian word with ZWNJ after the prefix mi", true},
		{"श्रीवास्तव", "Devanagari with virama", true},
		{"लक्\u200dष्मी", "Devanagari: ZWJ after a virama for the half form", true},
		{"முருகன்", "Tamil with pulli", true},
		{"செல்வம்", "Tamil", true},
		{"ஸ்ரீ\u200dராம்", "Tamil with ZWJ", true},
		{"Παπαδόπουλος", "Greek", true},
		{"Ελένη", "Greek", true},
		{"Дмитрий", "Cyrillic", true},
		{"Ёлкина-Смирнова", "Cyrillic double name", true},
		{"王小明", "Chinese", true},
		{"欧阳 娜", "Chinese, two words", true},
		{"ተስፋይ", "Ethiopic (Tigrinya)", true},
		{"Oʻzbek", "modifier letter okina (Lm)", true},

		// Refused: empty, digits of any script.
		{"", "empty", false},
		{"Anna2", "ASCII digit", false},
		{"محمد٢", "Arabic-Indic digit", false},
		{"राम१", "Devanagari digit", false},
		{"Ⅻ", "letter number (Nl)", false},
		// Punctuation and symbols.
		{"O'Brien", "apostrophe: the rule names letters, spaces and hyphens only", false},
		{"Anna.", "full stop", false},
		{"Al_Sharifi", "underscore", false},
		{"علي،", "Arabic comma", false},
		{"Anna©", "symbol", false},
		{"Anna+B", "math symbol", false},
		{"Anna😀", "emoji", false},
		{"Ann\xffa", "invalid UTF-8", false},
		// Controls and other format characters.
		{"Anna\tB", "tab", false},
		{"Anna\nB", "line feed", false},
		{"A\u200eB", "left-to-right mark", false},
		{"\u202eannA", "right-to-left override", false},
		{"Anna\u00adB", "soft hyphen", false},
		// A joiner outside a word.
		{"\u200cعلی", "ZWNJ at the start", false},
		{"علی\u200c", "ZWNJ at the end", false},
		{"علی \u200cرضا", "ZWNJ after a space", false},
		{"علی\u200c رضا", "ZWNJ before a space", false},
		{"علی\u200c\u200cرضا", "two joiners", false},
		{"Anna\u200d-B", "ZWJ before a hyphen", false},
		{"\u200d", "only a joiner", false},
		// A mark without its letter.
		{"\u0301Anna", "mark at the start", false},
		{"Anna \u0301B", "mark after a space", false},
		// Separators.
		{"-Anna", "hyphen at the start", false},
		{"Anna ", "space at the end", false},
		{"A  B", "two spaces", false},
		{"Al--Hassan", "two hyphens", false},
		{"A -B", "space and hyphen", false},
		{"Anna\u00a0B", "no-break space", false},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			if got := inge.ValidName(tt.name); got != tt.want {
				t.Errorf("ValidName(%+q) = %v; want %v (%s)", tt.name, got, tt.want, tt.why)
			}
		})
	}
}

// The decomposed and the composed Vietnamese name are both names, and
// they are different strings: the check does not depend on normalisation.
func TestValidNameNormalForms(t *testing.T) {
	nfc, nfd := "Nguyễn", "Nguye\u0302\u0303n"
	if nfc == nfd || utf8.RuneCountInString(nfd) != utf8.RuneCountInString(nfc)+2 {
		t.Fatalf("test data: %+q and %+q are not the NFC and NFD forms of one name", nfc, nfd)
	}
	if !inge.ValidName(nfc) || !inge.ValidName(nfd) {
		t.Errorf("ValidName(NFC) = %v, ValidName(NFD) = %v; want both true", inge.ValidName(nfc), inge.ValidName(nfd))
	}
}
