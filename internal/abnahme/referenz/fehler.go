package referenz

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// Fehler is one realistic bug of a vendor's product: each mutant of the
// reference product has one.
type Fehler int

const (
	// Keiner: the reference product itself.
	Keiner Fehler = iota
	// FalscherNamensraum sends every request in another namespace, as a
	// client generated from an older WSDL would.
	FalscherNamensraum
	// PflichtfeldFehlt never sends the Schreibkundigkeit of a
	// registration: a field its form does not have.
	PflichtfeldFehlt
	// DatumDeutsch writes dates as TT.MM.JJJJ, as its screens show them.
	DatumDeutsch
	// DatumEinTagFrueher writes every date a day early: a date converted
	// to UTC at midnight in Germany.
	DatumEinTagFrueher
	// MeldungenIgnorieren never shows InGe's Meldungen to its user.
	MeldungenIgnorieren
	// ErneutSenden sends a message InGe has processed once more, "to be
	// sure".
	ErneutSenden
	// FalschePerson gives every person of a message after the first the
	// birth date of the first.
	FalschePerson
	// KeinErneuterVersuch gives up after InGe was unavailable, and the
	// message is lost.
	KeinErneuterVersuch
	// PasswordText sends the password in clear where PasswordDigest was
	// agreed.
	PasswordText
	// VeralteterZeitstempel stamps its UsernameToken ten minutes late: a
	// server clock that runs behind.
	VeralteterZeitstempel
	// OhneNachmeldungsgrund drops the reason of a plan sent after the
	// course began.
	OhneNachmeldungsgrund
	// KorrekturIgnoriert sends the old message again instead of the
	// corrected one.
	KorrekturIgnoriert
	// NummerNichtAngezeigt does not keep the Kurskennung or
	// Pruefungsnummer InGe hands out.
	NummerNichtAngezeigt
	// BogennummerOhneNull keeps the Bogennummer as a number and so loses
	// its leading zero.
	BogennummerOhneNull
)

// Beschreibung says the bug in German, for the tests' table.
func (f Fehler) Beschreibung() string {
	return map[Fehler]string{
		Keiner:                "kein Fehler (Referenzprodukt)",
		FalscherNamensraum:    "falscher Namensraum",
		PflichtfeldFehlt:      "Pflichtfeld Schreibkundigkeit fehlt",
		DatumDeutsch:          "Datum als TT.MM.JJJJ",
		DatumEinTagFrueher:    "Datum einen Tag zu früh (Zeitzone)",
		MeldungenIgnorieren:   "Meldungen werden nicht angezeigt",
		ErneutSenden:          "angenommene Meldung wird erneut gesendet",
		FalschePerson:         "Geburtsdatum der ersten Person bei allen",
		KeinErneuterVersuch:   "kein erneuter Versuch nach einem Ausfall",
		PasswordText:          "PasswordText statt des vereinbarten PasswordDigest",
		VeralteterZeitstempel: "wsu:Created zehn Minuten zu alt",
		OhneNachmeldungsgrund: "Nachmeldungsgrund fehlt",
		KorrekturIgnoriert:    "Korrektur wird nicht übernommen",
		NummerNichtAngezeigt:  "Kurskennung und Prüfungsnummer werden nicht angezeigt",
		BogennummerOhneNull:   "Bogennummer verliert die führende Null",
	}[f]
}

// Alle are the bugs, Keiner first.
func Alle() []Fehler {
	var out []Fehler
	for f := Keiner; f <= BogennummerOhneNull; f++ {
		out = append(out, f)
	}
	return out
}

// laesstWeg reports whether the product with this bug does not send the
// field.
func (f Fehler) laesstWeg(feld string) bool {
	switch f {
	case PflichtfeldFehlt:
		return strings.HasSuffix(feld, "/Schreibkundigkeit")
	case OhneNachmeldungsgrund:
		return strings.HasSuffix(feld, "/Nachmeldungsgrund")
	}
	return false
}

var (
	datumRE       = regexp.MustCompile(`>(\d{4})-(\d{2})-(\d{2})<`)
	bogennummerRE = regexp.MustCompile(`(<[A-Za-z:]*Bogennummer>)0+(\d)`)
)

// umschreiben is how the bug changes the XML it sends, or nil.
func (f Fehler) umschreiben() func([]byte) []byte {
	switch f {
	case FalscherNamensraum:
		return func(b []byte) []byte {
			return bytes.ReplaceAll(b, []byte(inge.Namespace), []byte("urn:inge-harness:kurstraeger:0"))
		}
	case DatumDeutsch:
		return func(b []byte) []byte { return datumRE.ReplaceAll(b, []byte(">$3.$2.$1<")) }
	case DatumEinTagFrueher:
		return func(b []byte) []byte {
			return datumRE.ReplaceAllFunc(b, func(m []byte) []byte {
				t, err := inge.Datum(m[1 : len(m)-1]).Time()
				if err != nil {
					return m
				}
				return []byte(">" + string(inge.DatumOf(t.AddDate(0, 0, -1))) + "<")
			})
		}
	case BogennummerOhneNull:
		return func(b []byte) []byte { return bogennummerRE.ReplaceAll(b, []byte("$1$2")) }
	}
	return nil
}
