package inge

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The lexical rules of the built-in types follow libxml2, the reference the
// differential test compares the strict check with (xmllint --schema):
//   - xs:boolean is true, false, 1 or 0; surrounding XML white space is
//     ignored, as the XSD's whiteSpace="collapse" says.
//   - xs:int, xs:date and xs:gYear take no surrounding white space at all.
//     XSD 1.0 would collapse it, but libxml2 refuses it for these types;
//     refusing it is the stricter reading, and a certification mock must
//     be at least as strict as the service it stands in for.
//   - xs:date is [-]YYYY-MM-DD with an optional time zone (Z or ±hh:mm up
//     to ±14:00); the year has four digits or more, no leading zero beyond
//     four, and is never 0000; the day exists in its month.
//   - xs:gYear is [-]YYYY with the same year rules and time zone.
//   - xs:string and its restrictions keep white space as it is; lengths
//     count characters, not bytes.

// xmlSpace is XML's white space.
const xmlSpace = " \t\r\n"

// problem returns why text is not a value of st, in German for the Fault
// detail, or "" when it is one.
func (st *simpleType) problem(text string) string {
	if p := lexicalProblem(st.builtin, text); p != "" {
		return p
	}
	if st.builtin == xsBoolean {
		text = strings.Trim(text, xmlSpace)
	}
	if st.maxLength >= 0 {
		if n := utf8.RuneCountInString(text); n > st.maxLength {
			return fmt.Sprintf("%s ist %d Zeichen lang; erlaubt sind höchstens %d (Typ %s).", quote(text), n, st.maxLength, st.name)
		}
	}
	if st.minLength >= 0 {
		if n := utf8.RuneCountInString(text); n < st.minLength {
			return fmt.Sprintf("%s ist %d Zeichen lang; erforderlich sind mindestens %d (Typ %s).", quote(text), n, st.minLength, st.name)
		}
	}
	if st.pattern != nil && !st.pattern.MatchString(text) {
		return fmt.Sprintf("%s entspricht nicht dem Muster %s (Typ %s).", quote(text), st.patternSrc, st.name)
	}
	if len(st.enum) > 0 && !contains(st.enum, text) {
		return fmt.Sprintf("%s ist nicht zulässig; erwartet: %s (Typ %s).", quote(text), orList(st.enum), st.name)
	}
	if st.minI != nil || st.maxI != nil {
		n, _ := strconv.ParseInt(text, 10, 64) // lexicalProblem has checked it
		if st.minI != nil && n < *st.minI || st.maxI != nil && n > *st.maxI {
			return fmt.Sprintf("%s liegt nicht im erlaubten Bereich %s (Typ %s).", text, rangeText(st.minI, st.maxI), st.name)
		}
	}
	return ""
}

// lexicalProblem checks text against the lexical space of a built-in type.
func lexicalProblem(b builtin, text string) string {
	var ok bool
	var want string
	switch b {
	case xsString:
		return ""
	case xsBoolean:
		switch strings.Trim(text, xmlSpace) {
		case "true", "false", "1", "0":
			ok = true
		}
		want = "ein Wahrheitswert: true, false, 1 oder 0 (xs:boolean)"
	case xsInt:
		ok = isInt(text)
		want = "eine ganze Zahl von -2147483648 bis 2147483647, ohne Leerzeichen (xs:int)"
	case xsDate:
		ok = isDate(text)
		want = "ein Datum JJJJ-MM-TT, das es gibt, optional mit Zeitzone, ohne Leerzeichen (xs:date)"
	case xsGYear:
		ok = isGYear(text)
		want = "eine Jahreszahl JJJJ, optional mit Zeitzone, ohne Leerzeichen (xs:gYear)"
	default:
		return "unbekannter Typ"
	}
	switch {
	case ok:
		return ""
	case text == "":
		return "Der Wert ist leer; erwartet wird " + want + "."
	default:
		return fmt.Sprintf("%s ist ungültig; erwartet wird %s.", quote(text), want)
	}
}

func isInt(s string) bool {
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || !allDigits(digits) {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 32)
	return err == nil
}

func isDate(s string) bool {
	y, rest, ok := cutYear(s)
	if !ok || len(rest) < 6 || rest[0] != '-' || rest[3] != '-' || !allDigits(rest[1:3]) || !allDigits(rest[4:6]) {
		return false
	}
	m, _ := strconv.Atoi(rest[1:3])
	d, _ := strconv.Atoi(rest[4:6])
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return false
	}
	return isZone(rest[6:])
}

func isGYear(s string) bool {
	_, rest, ok := cutYear(s)
	return ok && isZone(rest)
}

// cutYear reads the year at the start of an xs:date or xs:gYear.
func cutYear(s string) (year int64, rest string, ok bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	// More than four digits only without a leading zero; at most 18, so
	// that the year fits an int64.
	if n < 4 || n > 18 || n > 4 && s[0] == '0' {
		return 0, "", false
	}
	year, _ = strconv.ParseInt(s[:n], 10, 64)
	if year == 0 {
		return 0, "", false
	}
	if neg {
		year = -year
	}
	return year, s[n:], true
}

// isZone accepts nothing, Z or ±hh:mm from -14:00 to +14:00.
func isZone(s string) bool {
	switch {
	case s == "" || s == "Z":
		return true
	case len(s) != 6 || s[0] != '+' && s[0] != '-' || s[3] != ':' || !allDigits(s[1:3]) || !allDigits(s[4:6]):
		return false
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[4:6])
	return m <= 59 && (h < 14 || h == 14 && m == 0)
}

func daysIn(year int64, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// quote writes a value of the request into a German text: in typographic
// quotes, shortened to 40 characters, so that a text never grows with
// what a client sends.
func quote(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) > most {
		s = string([]rune(s)[:most]) + "…"
	}
	return "„" + s + "“"
}

// orList joins names as a German enumeration: "a, b oder c".
func orList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " oder " + names[len(names)-1]
}

func rangeText(lo, hi *int64) string {
	switch {
	case lo != nil && hi != nil:
		return fmt.Sprintf("%d bis %d", *lo, *hi)
	case lo != nil:
		return fmt.Sprintf("ab %d", *lo)
	default:
		return fmt.Sprintf("bis %d", *hi)
	}
}
