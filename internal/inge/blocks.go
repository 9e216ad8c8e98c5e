package inge

// Aktenzeichen is a file number of a person, with the authority that issued it.
type Aktenzeichen struct {
	Art  AktenzeichenArt `xml:"Art,attr"`
	Wert string          `xml:",chardata"`
}

// TeilnehmerIdent identifies a person: Geburtsdatum and exactly one
// Aktenzeichen, both matching BAMF's data exactly.
type TeilnehmerIdent struct {
	Geburtsdatum Datum         `xml:"Geburtsdatum,omitempty"`
	Aktenzeichen *Aktenzeichen `xml:"Aktenzeichen,omitempty"`
}

// Anschrift is a postal address.
type Anschrift struct {
	Strasse      string `xml:"Strasse,omitempty"`
	Adresszusatz string `xml:"Adresszusatz,omitempty"`
	Postfach     string `xml:"Postfach,omitempty"`
	Postleitzahl string `xml:"Postleitzahl,omitempty"`
	Ort          string `xml:"Ort,omitempty"`
	Staat        string `xml:"Staat,omitempty"`
	Bundesland   string `xml:"Bundesland,omitempty"`
}

// Einstufungstest holds the placement test and its recommendation.
type Einstufungstest struct {
	Verzichtbar              *bool  `xml:"Verzichtbar,omitempty"`
	Zentralisiert            *bool  `xml:"Zentralisiert,omitempty"`
	Testdatum                Datum  `xml:"Testdatum,omitempty"`
	AbweichendeTraegernummer string `xml:"AbweichendeTraegernummer,omitempty"`
	EmpfohleneKursart        string `xml:"EmpfohleneKursart,omitempty"`
	EmpfohlenerKursabschnitt string `xml:"EmpfohlenerKursabschnitt,omitempty"`
}

// Erstanmeldung is the registration form 630.016 (§ 7 Abs. 1 IntV).
type Erstanmeldung struct {
	Ident                    *TeilnehmerIdent `xml:"Ident,omitempty"`
	Familienname             string           `xml:"Familienname,omitempty"`
	Vorname                  string           `xml:"Vorname,omitempty"`
	Geburtsname              string           `xml:"Geburtsname,omitempty"`
	Geburtsort               string           `xml:"Geburtsort,omitempty"`
	Geschlecht               string           `xml:"Geschlecht,omitempty"`
	Staatsangehoerigkeit     []string         `xml:"Staatsangehoerigkeit,omitempty"`
	Anschrift                *Anschrift       `xml:"Anschrift,omitempty"`
	Anmeldedatum             Datum            `xml:"Anmeldedatum,omitempty"`
	JahrDerEinreise          Jahr             `xml:"JahrDerEinreise,omitempty"`
	Bildungsstand            string           `xml:"Bildungsstand,omitempty"`
	Schuljahre               *int             `xml:"Schuljahre,omitempty"`
	Schreibkundigkeit        string           `xml:"Schreibkundigkeit,omitempty"`
	Niederschwellig          *bool            `xml:"Niederschwellig,omitempty"`
	Einstufungstest          *Einstufungstest `xml:"Einstufungstest,omitempty"`
	KostenbefreiungBeantragt *bool            `xml:"KostenbefreiungBeantragt,omitempty"`
	Kostenbefreiungsgrund    string           `xml:"Kostenbefreiungsgrund,omitempty"`
	Kinderbetreuung          *bool            `xml:"Kinderbetreuung,omitempty"`
}

// Wiederholeranmeldung is the short registration for repetition (630.019).
type Wiederholeranmeldung struct {
	Ident           *TeilnehmerIdent `xml:"Ident,omitempty"`
	Familienname    string           `xml:"Familienname,omitempty"`
	Vorname         string           `xml:"Vorname,omitempty"`
	Anschrift       *Anschrift       `xml:"Anschrift,omitempty"`
	Anmeldedatum    Datum            `xml:"Anmeldedatum,omitempty"`
	Einstufungstest *Einstufungstest `xml:"Einstufungstest,omitempty"`
}

// Unterrichtszeit is the teaching time of one weekday.
type Unterrichtszeit struct {
	Wochentag            Wochentag `xml:"Wochentag"`
	Beginn               Uhrzeit   `xml:"Beginn"`
	Ende                 Uhrzeit   `xml:"Ende"`
	PauseBeginn          Uhrzeit   `xml:"PauseBeginn,omitempty"`
	PauseEnde            Uhrzeit   `xml:"PauseEnde,omitempty"`
	Unterrichtseinheiten *int      `xml:"Unterrichtseinheiten,omitempty"`
}

// Unterbrechung is a planned interruption of a course.
type Unterbrechung struct {
	Von   Datum  `xml:"Von,omitempty"`
	Bis   Datum  `xml:"Bis,omitempty"`
	Grund string `xml:"Grund,omitempty"`
}

// Zusatzangaben are the additional course facts that the Kursauskunft never
// returns.
type Zusatzangaben struct {
	Barrierefreiheit            *bool `xml:"Barrierefreiheit,omitempty"`
	Kinderbeaufsichtigung       *bool `xml:"Kinderbeaufsichtigung,omitempty"`
	KompasMassnahme             *bool `xml:"KompasMassnahme,omitempty"`
	Vergabe                     *bool `xml:"Vergabe,omitempty"`
	KursverguetungMindestbetrag *bool `xml:"KursverguetungMindestbetrag,omitempty"`
}

// Lehrkraft is a teacher, identified by the BAMF Zulassungsnummer.
type Lehrkraft struct {
	Lehrkraftkennung string `xml:"Lehrkraftkennung,omitempty"`
	Familienname     string `xml:"Familienname,omitempty"`
	Vorname          string `xml:"Vorname,omitempty"`
}

// GeplanterAbschnitt is one planned Kursabschnitt.
type GeplanterAbschnitt struct {
	Kursabschnitt   string   `xml:"Kursabschnitt,omitempty"`
	Beginn          Datum    `xml:"Beginn,omitempty"`
	Ende            Datum    `xml:"Ende,omitempty"`
	Kursort         string   `xml:"Kursort,omitempty"`
	WeitererKursort []string `xml:"WeitererKursort,omitempty"`
}

// PlanTeilnehmer is a participant of a Kursplanung and the section in which
// the participant joins.
type PlanTeilnehmer struct {
	Ident         *TeilnehmerIdent `xml:"Ident,omitempty"`
	Kursabschnitt string           `xml:"Kursabschnitt,omitempty"`
}

// Kursplanung is the content of a Kursplanungsmeldung.
type Kursplanung struct {
	Kursart                  string               `xml:"Kursart,omitempty"`
	BeginnKursabschnitt      string               `xml:"BeginnKursabschnitt,omitempty"`
	Kursbeginn               Datum                `xml:"Kursbeginn,omitempty"`
	Kursende                 Datum                `xml:"Kursende,omitempty"`
	Kursort                  string               `xml:"Kursort,omitempty"`
	Wochenstunden            *int                 `xml:"Wochenstunden,omitempty"`
	Unterrichtszeit          []Unterrichtszeit    `xml:"Unterrichtszeit,omitempty"`
	Unterbrechung            []Unterbrechung      `xml:"Unterbrechung,omitempty"`
	UnterbrechungSchulferien *bool                `xml:"UnterbrechungSchulferien,omitempty"`
	TnrKursMax               *int                 `xml:"TnrKursMax,omitempty"`
	Abschnitt                []GeplanterAbschnitt `xml:"Abschnitt,omitempty"`
	Teilnehmer               []PlanTeilnehmer     `xml:"Teilnehmer,omitempty"`
	Lehrkraft                []Lehrkraft          `xml:"Lehrkraft,omitempty"`
	Zusatzangaben            *Zusatzangaben       `xml:"Zusatzangaben,omitempty"`
	Nachmeldungsgrund        string               `xml:"Nachmeldungsgrund,omitempty"`
}

// Kursabschnittsdaten is the content of a Kursabschnittsbeginnmeldung and of
// its update.
type Kursabschnittsdaten struct {
	Kursabschnitt            string            `xml:"Kursabschnitt,omitempty"`
	Beginn                   Datum             `xml:"Beginn,omitempty"`
	Ende                     Datum             `xml:"Ende,omitempty"`
	Kursort                  string            `xml:"Kursort,omitempty"`
	WeitererKursort          []string          `xml:"WeitererKursort,omitempty"`
	Wochenstunden            *int              `xml:"Wochenstunden,omitempty"`
	Unterrichtszeit          []Unterrichtszeit `xml:"Unterrichtszeit,omitempty"`
	Unterbrechung            []Unterbrechung   `xml:"Unterbrechung,omitempty"`
	UnterbrechungSchulferien *bool             `xml:"UnterbrechungSchulferien,omitempty"`
	TnrKursMax               *int              `xml:"TnrKursMax,omitempty"`
	Lehrkraft                []Lehrkraft       `xml:"Lehrkraft,omitempty"`
	Lehrwerk                 []string          `xml:"Lehrwerk,omitempty"`
	Teilnehmer               []TeilnehmerIdent `xml:"Teilnehmer,omitempty"`
	AnzahlSelbstzahler       *int              `xml:"AnzahlSelbstzahler,omitempty"`
	AnzahlTnNiederschwellig  *int              `xml:"AnzahlTnNiederschwellig,omitempty"`
	Zusatzangaben            *Zusatzangaben    `xml:"Zusatzangaben,omitempty"`
	VorzeitigesKursende      string            `xml:"VorzeitigesKursende,omitempty"`
}

// Kursbeginndaten is the content of a Kursbeginnmeldung: the data of the
// first section extended by the course's Kursart and expected end.
type Kursbeginndaten struct {
	Kursabschnittsdaten
	Kursart  string `xml:"Kursart,omitempty"`
	Kursende Datum  `xml:"Kursende,omitempty"`
}

// Kursortaenderung announces a new Kursort for a section not yet begun.
type Kursortaenderung struct {
	Kursabschnitt   string   `xml:"Kursabschnitt,omitempty"`
	Kursort         string   `xml:"Kursort,omitempty"`
	WeitererKursort []string `xml:"WeitererKursort,omitempty"`
	GueltigAb       Datum    `xml:"GueltigAb,omitempty"`
}

// Sprachtestpruefling is one candidate of a DTZ language test.
type Sprachtestpruefling struct {
	Ident         *TeilnehmerIdent `xml:"Ident,omitempty"`
	Familienname  string           `xml:"Familienname,omitempty"`
	Vorname       string           `xml:"Vorname,omitempty"`
	Bogennummer   string           `xml:"Bogennummer,omitempty"`
	Ausweisnummer string           `xml:"Ausweisnummer,omitempty"`
	Anschrift     *Anschrift       `xml:"Anschrift,omitempty"`
}

// Sprachtest is one DTZ test event with its candidates.
type Sprachtest struct {
	Auftragsnummer string                `xml:"Auftragsnummer,omitempty"`
	Testdatum      Datum                 `xml:"Testdatum,omitempty"`
	Kurskennung    string                `xml:"Kurskennung,omitempty"`
	Pruefling      []Sprachtestpruefling `xml:"Pruefling,omitempty"`
}

// LidPruefung is a "Leben in Deutschland" exam.
type LidPruefung struct {
	Pruefungsdatum      Datum   `xml:"Pruefungsdatum,omitempty"`
	Beginnzeit          Uhrzeit `xml:"Beginnzeit,omitempty"`
	Pruefungsort        string  `xml:"Pruefungsort,omitempty"`
	Raumnummer          string  `xml:"Raumnummer,omitempty"`
	KontaktEmail        string  `xml:"KontaktEmail,omitempty"`
	Verwaltungsstandort string  `xml:"Verwaltungsstandort,omitempty"`
	Lieferadresse       string  `xml:"Lieferadresse,omitempty"`
}

// Selbstzahler is a self-paying LiD candidate unknown to BAMF, with the data
// a certificate needs.
type Selbstzahler struct {
	Familienname         string     `xml:"Familienname,omitempty"`
	Vorname              string     `xml:"Vorname,omitempty"`
	Geburtsdatum         Datum      `xml:"Geburtsdatum,omitempty"`
	Geburtsort           string     `xml:"Geburtsort,omitempty"`
	Geschlecht           string     `xml:"Geschlecht,omitempty"`
	Staatsangehoerigkeit []string   `xml:"Staatsangehoerigkeit,omitempty"`
	Anschrift            *Anschrift `xml:"Anschrift,omitempty"`
}

// LidPruefling is a LiD candidate: either identified or a Selbstzahler.
type LidPruefling struct {
	Ident        *TeilnehmerIdent `xml:"Ident,omitempty"`
	Selbstzahler *Selbstzahler    `xml:"Selbstzahler,omitempty"`
}
