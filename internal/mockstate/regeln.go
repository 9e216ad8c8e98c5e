package mockstate

import "fmt"

// Regeln are the rules where the public sources disagree or are silent, as
// settings with documented defaults (see the README).
type Regeln struct {
	// Zweitanmeldung says what a second Erstanmeldung of the same person
	// does. The sources disagree (inge-public-facts §2.1): cmx says the
	// Erstverfahren message can be sent any number of times (quelle:CMX-TEV); the
	// test guide of Qualli says a second Anmeldung under the same
	// BAMF-Kennziffer fails (quelle:Q-TESTANM).
	Zweitanmeldung Zweitanmeldung
	// Auskunft says about whom a Traeger may ask in the Teilnehmerauskunft.
	Auskunft Auskunftsumfang
	// LidKapazitaet is the most candidates one LiD exam takes. No source
	// states a limit; 25 is rekonstruiert (a usual exam room).
	LidKapazitaet int
	// Abschnittsfolge says whether section begins follow the order of the
	// Kursart. The sources are silent on skipping a section: after each
	// section a Kursabschnittsbeginn is sent (quelle:Q-KP).
	Abschnittsfolge Abschnittsfolge
}

// Abschnittsfolge is the order in which section begins are taken.
type Abschnittsfolge string

const (
	// AbschnittsfolgeStreng takes only the next section of the Kursart
	// (M3025): the course structure has its sections in order, and a
	// certification mock is rather too strict than too lax. The default.
	AbschnittsfolgeStreng Abschnittsfolge = "streng"
	// AbschnittsfolgeFrei takes any later section, e.g. when a course goes
	// on with a higher section after its participants were placed higher.
	AbschnittsfolgeFrei Abschnittsfolge = "frei"
)

// Zweitanmeldung is the behaviour of a second Erstanmeldung.
type Zweitanmeldung string

const (
	// ZweitanmeldungAblehnen refuses a second Erstanmeldung of a person,
	// whoever sends it: what the acceptance test expects (quelle:Q-TESTANM). The
	// default, because vendors use the mock to prepare that test.
	ZweitanmeldungAblehnen Zweitanmeldung = "ablehnen"
	// ZweitanmeldungAktualisieren lets a Traeger send its Erstanmeldung
	// again to update it, and another Traeger register the person too
	// (quelle:CMX-TEV).
	ZweitanmeldungAktualisieren Zweitanmeldung = "aktualisieren"
)

// Auskunftsumfang is the set of persons a Traeger may ask about.
type Auskunftsumfang string

const (
	// AuskunftEigene allows persons registered with the Traeger or named in
	// one of its courses ("zu den bei ihnen jeweils angemeldeten /
	// teilnehmenden Personen", quelle:BAMF-KT). The default.
	AuskunftEigene Auskunftsumfang = "eigene"
	// AuskunftAlle allows every person BAMF can identify.
	AuskunftAlle Auskunftsumfang = "alle"
)

// DefaultLidKapazitaet is the default of Regeln.LidKapazitaet.
const DefaultLidKapazitaet = 25

// DefaultRegeln are the defaults of the settings.
func DefaultRegeln() Regeln {
	return Regeln{Zweitanmeldung: ZweitanmeldungAblehnen, Auskunft: AuskunftEigene, LidKapazitaet: DefaultLidKapazitaet, Abschnittsfolge: AbschnittsfolgeStreng}
}

// Validate reports an unknown value.
func (r Regeln) Validate() error {
	switch r.Zweitanmeldung {
	case ZweitanmeldungAblehnen, ZweitanmeldungAktualisieren:
	default:
		return fmt.Errorf("zweitanmeldung %q: erlaubt sind %s und %s", r.Zweitanmeldung, ZweitanmeldungAblehnen, ZweitanmeldungAktualisieren)
	}
	switch r.Auskunft {
	case AuskunftEigene, AuskunftAlle:
	default:
		return fmt.Errorf("teilnehmerauskunft %q: erlaubt sind %s und %s", r.Auskunft, AuskunftEigene, AuskunftAlle)
	}
	switch r.Abschnittsfolge {
	case AbschnittsfolgeStreng, AbschnittsfolgeFrei:
	default:
		return fmt.Errorf("abschnittsfolge %q: erlaubt sind %s und %s", r.Abschnittsfolge, AbschnittsfolgeStreng, AbschnittsfolgeFrei)
	}
	if r.LidKapazitaet < 1 {
		return fmt.Errorf("lid-kapazitaet %d: mindestens 1", r.LidKapazitaet)
	}
	return nil
}

// WithRegeln sets the rules where the sources disagree.
func WithRegeln(r Regeln) Option {
	return func(s *Store) { s.regeln = r }
}
