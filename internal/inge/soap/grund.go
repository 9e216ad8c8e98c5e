package soap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// errEncoding is the cause when a document declares another encoding than
// UTF-8.
var errEncoding = errors.New("nur UTF-8 wird unterstützt, nicht die Kodierung")

// Grund says in German why the envelope was refused, for the text of a
// Fault: the package's own reasons are German already; the XML parser's
// syntax errors are translated and say the line.
func (e *Error) Grund() string {
	var syntax *xml.SyntaxError
	switch {
	case errors.As(e.Err, &syntax):
		return fmt.Sprintf("XML-Syntaxfehler in Zeile %d: %s.", syntax.Line, syntaxText(syntax.Msg))
	case errors.Is(e.Err, errEncoding):
		_, label, _ := strings.Cut(e.Err.Error(), errEncoding.Error()+": ")
		return fmt.Sprintf("Nur UTF-8 wird unterstützt, nicht die Kodierung „%s“.", label)
	case e.Kind == InvalidBody:
		return "Der Inhalt lässt sich nicht lesen."
	case e.Err == nil:
		return e.Kind.String()
	}
	msg := e.Err.Error()
	r, size := utf8.DecodeRuneInString(msg)
	return strings.ToUpper(string(r)) + msg[size:] + "."
}

// syntaxTexts translates the messages of encoding/xml, by their start.
var syntaxTexts = []struct{ prefix, german string }{
	{"unexpected EOF in CDATA section", "unerwartetes Ende in einem CDATA-Abschnitt"},
	{"unexpected EOF", "unerwartetes Ende der Daten"},
	{"unexpected end element </", "unerwartetes End-Tag </"},
	{"invalid UTF-8", "ungültiges UTF-8"},
	{"invalid character entity ", "unbekannte oder ungültige Entität "},
	{"illegal character code ", "unzulässiges Zeichen "},
	{"invalid XML name: ", "ungültiger XML-Name: "},
	{"expected element name after <", "nach < fehlt der Elementname"},
	{"expected attribute name in element", "fehlender Attributname"},
	{"attribute name without = in element", "Attribut ohne ="},
	{"unquoted or missing attribute value in element", "Attributwert ohne Anführungszeichen oder fehlend"},
	{"unescaped < inside quoted string", "unmaskiertes < in einem Attributwert"},
	{"unescaped ]]> not in CDATA section", "unmaskiertes ]]> außerhalb eines CDATA-Abschnitts"},
	{"expected /> in element", "erwartet wird />"},
	{"invalid characters between </", "ungültige Zeichen im End-Tag </"},
	{"invalid sequence <!- not part of <!--", "ungültige Folge <!-"},
	{"invalid <![ sequence", "ungültige Folge <!["},
	{"expected target name after <?", "nach <? fehlt der Name"},
}

// closedBy matches encoding/xml's message for mismatched tags.
var closedBy = regexp.MustCompile(`^element <([^>]*)>(?: in space \S+)? closed by </([^>]*)>`)

func syntaxText(msg string) string {
	if m := closedBy.FindStringSubmatch(msg); m != nil {
		return "das Element <" + m[1] + "> wird durch </" + m[2] + "> geschlossen"
	}
	for _, t := range syntaxTexts {
		if rest, ok := strings.CutPrefix(msg, t.prefix); ok {
			return t.german + rest
		}
	}
	return "„" + msg + "“"
}

// quoteText quotes the start of unexpected text for an error.
func quoteText(b []byte) string {
	s := string(b)
	if r := []rune(s); len(r) > 20 {
		s = string(r[:20]) + "…"
	}
	return "„" + s + "“"
}
