package inge

// Behoerde is the authority that issued a Teilnahmeberechtigung.
type Behoerde struct {
	Art         AktenzeichenArt `xml:"Art"`
	Bezeichnung string          `xml:"Bezeichnung"`
}

// Teilnahmeberechtigung is an entitlement or obligation to attend.
type Teilnahmeberechtigung struct {
	Aktenzeichen          Aktenzeichen `xml:"Aktenzeichen"`
	Zulassungsart         string       `xml:"Zulassungsart"`
	Behoerde              Behoerde     `xml:"Behoerde"`
	BehoerdenAktenzeichen string       `xml:"BehoerdenAktenzeichen,omitempty"`
	GueltigAb             Datum        `xml:"GueltigAb"`
	GueltigBis            Datum        `xml:"GueltigBis,omitempty"`
	Stornierungsdatum     Datum        `xml:"Stornierungsdatum,omitempty"`
	ErloschenAm           Datum        `xml:"ErloschenAm,omitempty"`
	Merkmal               []string     `xml:"Merkmal,omitempty"`
}

// Kontingent is the approved and the used teaching hours.
type Kontingent struct {
	GenehmigteStunden   int `xml:"GenehmigteStunden"`
	BeanspruchteStunden int `xml:"BeanspruchteStunden"`
	VerfuegbareStunden  int `xml:"VerfuegbareStunden"`
}

// BesuchterAbschnitt is a section attended and the hours billed for it.
type BesuchterAbschnitt struct {
	Kursabschnitt       string `xml:"Kursabschnitt"`
	AbgerechneteStunden int    `xml:"AbgerechneteStunden"`
}

// Kursbesuch is a course the person attended.
type Kursbesuch struct {
	Traegernummer string               `xml:"Traegernummer"`
	Kurskennung   string               `xml:"Kurskennung,omitempty"`
	Kursart       string               `xml:"Kursart"`
	Von           Datum                `xml:"Von"`
	Bis           Datum                `xml:"Bis,omitempty"`
	Abschnitt     []BesuchterAbschnitt `xml:"Abschnitt,omitempty"`
}

// DtzErgebnis is the result of a DTZ language test.
type DtzErgebnis struct {
	Pruefungsdatum Datum  `xml:"Pruefungsdatum"`
	Ergebnis       string `xml:"Ergebnis"`
}

// Personendaten are a person's personal data as BAMF holds them.
type Personendaten struct {
	Familienname         string     `xml:"Familienname"`
	Vorname              string     `xml:"Vorname,omitempty"`
	FruehererName        []string   `xml:"FruehererName,omitempty"`
	Geburtsdatum         Datum      `xml:"Geburtsdatum"`
	Geburtsort           string     `xml:"Geburtsort,omitempty"`
	Geschlecht           string     `xml:"Geschlecht"`
	Staatsangehoerigkeit []string   `xml:"Staatsangehoerigkeit,omitempty"`
	Wohnanschrift        *Anschrift `xml:"Wohnanschrift,omitempty"`
	Postanschrift        *Anschrift `xml:"Postanschrift,omitempty"`
	Regionalstelle       string     `xml:"Regionalstelle,omitempty"`
}

// Anmeldedaten are the stored data of the Erstanmeldung.
type Anmeldedaten struct {
	Traegernummer     string           `xml:"Traegernummer"`
	Anmeldedatum      Datum            `xml:"Anmeldedatum"`
	JahrDerEinreise   Jahr             `xml:"JahrDerEinreise,omitempty"`
	Bildungsstand     string           `xml:"Bildungsstand"`
	Schuljahre        *int             `xml:"Schuljahre,omitempty"`
	Schreibkundigkeit string           `xml:"Schreibkundigkeit"`
	Einstufungstest   *Einstufungstest `xml:"Einstufungstest,omitempty"`
}

// Teilnehmerdaten is the answer of the Teilnehmerauskunft.
type Teilnehmerdaten struct {
	Person                  Personendaten           `xml:"Person"`
	Teilnahmeberechtigung   []Teilnahmeberechtigung `xml:"Teilnahmeberechtigung,omitempty"`
	ErstzulassungGueltigBis Datum                   `xml:"ErstzulassungGueltigBis,omitempty"`
	TnTyp                   string                  `xml:"TnTyp,omitempty"`
	KbTyp                   string                  `xml:"KbTyp,omitempty"`
	WiederholerAktenzeichen string                  `xml:"WiederholerAktenzeichen,omitempty"`
	Kontingent              *Kontingent             `xml:"Kontingent,omitempty"`
	Kursbesuch              []Kursbesuch            `xml:"Kursbesuch,omitempty"`
	Erstanmeldung           *Anmeldedaten           `xml:"Erstanmeldung,omitempty"`
	Dtz                     []DtzErgebnis           `xml:"Dtz,omitempty"`
}

// AuskunftAbschnitt is a section of a course as the Kursauskunft shows it.
type AuskunftAbschnitt struct {
	Kursabschnitt       string            `xml:"Kursabschnitt"`
	Beginn              Datum             `xml:"Beginn"`
	Ende                Datum             `xml:"Ende,omitempty"`
	Kursort             string            `xml:"Kursort,omitempty"`
	WeitererKursort     []string          `xml:"WeitererKursort,omitempty"`
	BeginnGemeldet      bool              `xml:"BeginnGemeldet"`
	Lehrkraft           []Lehrkraft       `xml:"Lehrkraft,omitempty"`
	Lehrwerk            []string          `xml:"Lehrwerk,omitempty"`
	Teilnehmer          []TeilnehmerIdent `xml:"Teilnehmer,omitempty"`
	VorzeitigesKursende string            `xml:"VorzeitigesKursende,omitempty"`
}

// Kursdaten is the answer of the Kursauskunft: the active plan before the
// Kursbeginnmeldung, the course data after it; never Kursart,
// Beginn-Kursabschnitt or Zusatzangaben.
type Kursdaten struct {
	Kurskennung              string              `xml:"Kurskennung"`
	Traegernummer            string              `xml:"Traegernummer"`
	Kursstatus               Kursstatus          `xml:"Kursstatus"`
	Kursbeginn               Datum               `xml:"Kursbeginn"`
	Kursende                 Datum               `xml:"Kursende,omitempty"`
	Kursort                  string              `xml:"Kursort"`
	Wochenstunden            *int                `xml:"Wochenstunden,omitempty"`
	Unterrichtszeit          []Unterrichtszeit   `xml:"Unterrichtszeit,omitempty"`
	Unterbrechung            []Unterbrechung     `xml:"Unterbrechung,omitempty"`
	UnterbrechungSchulferien *bool               `xml:"UnterbrechungSchulferien,omitempty"`
	TnrKursMax               *int                `xml:"TnrKursMax,omitempty"`
	Abschnitt                []AuskunftAbschnitt `xml:"Abschnitt,omitempty"`
	Teilnehmer               []PlanTeilnehmer    `xml:"Teilnehmer,omitempty"`
	Lehrkraft                []Lehrkraft         `xml:"Lehrkraft,omitempty"`
}

// LidPruefungsdaten is the answer of the LidPruefungAuskunft.
type LidPruefungsdaten struct {
	Pruefungsnummer string          `xml:"Pruefungsnummer"`
	Pruefungsstatus Pruefungsstatus `xml:"Pruefungsstatus"`
	Pruefung        LidPruefung     `xml:"Pruefung"`
	Pruefling       []LidPruefling  `xml:"Pruefling,omitempty"`
}
