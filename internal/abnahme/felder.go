package abnahme

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/antchfx/xmlquery"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// Angabe is one row of a task's table as the Testfallheft writes it: a
// field path of the contract (the notation of Meldung.Feld) and what to
// enter: a value, a person of the case ("Nowak, Jan", or "Nowak, Jan
// (ABH)" to identify her by that Kennziffer), a date as TT.MM.JJJJ, ja or
// nein, a reference such as <Kurskennung>, or (leer) for a field that is
// not sent.
type Angabe struct {
	Feld string `json:"feld"`
	Wert string `json:"wert"`
}

// Feldwert is a field the request of a task must carry, in the form it has
// on the wire; Fehlt says that the request must not carry it.
type Feldwert struct {
	Feld  string `json:"feld"`
	Wert  string `json:"wert,omitempty"`
	Fehlt bool   `json:"fehlt,omitempty"`
}

// Setzen writes the field into req as a product following the task does:
// its value, or nothing where it must be missing.
func (f Feldwert) Setzen(req inge.Request) error {
	if f.Fehlt {
		return inge.ClearField(req, f.Feld)
	}
	return inge.SetField(req, f.Feld, f.Wert)
}

// leer is the value of an Angabe whose field is not sent.
const leer = "(leer)"

var (
	datumDE      = regexp.MustCompile(`^(\d{2})\.(\d{2})\.(\d{4})$`)
	bezugRE      = regexp.MustCompile(`^<([^<>]+)>$`)
	personMitArt = regexp.MustCompile(`^(.+?) \((BAMF|ABH|BVA|TGS|WIED)\)$`)
)

// felderDer expands the rows of a task into the fields its request must
// carry: a person into the fields of the contract below the row's path
// (her Ident, names, birth and address data as far as the element has
// them), a date into xs:date, ja and nein into xs:boolean, a reference
// into what the case's preparation or earlier answers hold. A later row
// replaces what an earlier one said of the same field.
func felderDer(verfahren string, angaben []Angabe, k kontext) ([]Feldwert, error) {
	p, ok := verfahrenNamed(verfahren)
	if !ok {
		return nil, fmt.Errorf("unbekanntes Verfahren %q", verfahren)
	}
	tree := p.Felder()
	var out []Feldwert
	set := func(fw Feldwert) {
		if i := slices.IndexFunc(out, func(o Feldwert) bool { return o.Feld == fw.Feld }); i >= 0 {
			out[i] = fw
			return
		}
		out = append(out, fw)
	}
	for _, a := range angaben {
		node, ok := feldAt(tree, a.Feld)
		if !ok {
			return nil, fmt.Errorf("Feld %s: das Verfahren %s hat kein solches Feld", a.Feld, verfahren)
		}
		wert, err := aufloesen(a.Wert, k.bezug)
		if err != nil {
			return nil, fmt.Errorf("Feld %s: %w", a.Feld, err)
		}
		if fws, isBlock, err := k.block(a.Feld, node, wert); isBlock {
			if err != nil {
				return nil, fmt.Errorf("Feld %s: %w", a.Feld, err)
			}
			for _, fw := range fws {
				set(fw)
			}
			continue
		}
		if pe, art, isPerson := personDes(k.fall, wert); isPerson && node.Typ == nil {
			fws, err := personFelder(a.Feld, node, pe, art)
			if err != nil {
				return nil, fmt.Errorf("Feld %s: %w", a.Feld, err)
			}
			for _, fw := range fws {
				set(fw)
			}
			continue
		}
		if node.Typ == nil && wert != leer {
			return nil, fmt.Errorf("Feld %s hat keinen Wert, sondern Elemente; %q ist keine Person des Testfalls %s", a.Feld, wert, k.fall.ID)
		}
		if wert == leer {
			set(Feldwert{Feld: a.Feld, Fehlt: true})
			continue
		}
		set(Feldwert{Feld: a.Feld, Wert: aufDemDraht(wert)})
	}
	return out, nil
}

// kontext is what the rows of a task may refer to: the case's data, what
// its preparation and earlier answers hold, and the plan of its course.
type kontext struct {
	fall  *testdaten.Fall
	paket *testdaten.Paket
	bezug map[string]string
	plan  *inge.Kursplanung // the course the case prepared, or nil
}

var (
	lidRE       = regexp.MustCompile(`^LiD-Prüfung des Testfalls am (\d{2}\.\d{2}\.\d{4})$`)
	kursplanRE  = regexp.MustCompile(`^Kursplan des Testfalls ab (\d{2}\.\d{2}\.\d{4})$`)
	abschnittRE = regexp.MustCompile(`^Kursabschnitt "([^"]+)" des Kursplans$`)
)

// block expands a value that stands for a whole element: "Kursplan des
// Testfalls ab TT.MM.JJJJ" (the complete plan the Testdatenpaket gives
// the case, testdaten.Fall.Kursplanung) or "Kursabschnitt "2" des
// Kursplans" (that section of the prepared course, as its begin is
// reported) or "LiD-Prüfung des Testfalls am TT.MM.JJJJ" (an exam at the
// case's Kursort, testdaten.Fall.LidPruefung). isBlock is false for any
// other value.
func (k kontext) block(path string, node inge.Feld, wert string) (fws []Feldwert, isBlock bool, err error) {
	var v any
	switch m := kursplanRE.FindStringSubmatch(wert); {
	case lidRE.MatchString(wert):
		t, err := inge.Datum(aufDemDraht(lidRE.FindStringSubmatch(wert)[1])).Time()
		if err != nil {
			return nil, true, err
		}
		tr, ok := k.paket.TraegerByNummer(k.fall.Traegernummer)
		if !ok {
			return nil, true, fmt.Errorf("Kursträger %s fehlt im Testdatenpaket", k.fall.Traegernummer)
		}
		pr, err := k.fall.LidPruefung(tr, t)
		if err != nil {
			return nil, true, err
		}
		v = pr
	case m != nil:
		beginn, err := inge.Datum(aufDemDraht(m[1])).Time()
		if err != nil {
			return nil, true, err
		}
		plan, err := k.fall.Kursplanung("01", beginn)
		if err != nil {
			return nil, true, err
		}
		v = plan
	case abschnittRE.MatchString(wert):
		if k.plan == nil {
			return nil, true, fmt.Errorf("%s: der Testfall hat keinen Kurs vorbereitet", wert)
		}
		abschnitt := abschnittRE.FindStringSubmatch(wert)[1]
		lehrwerk, err := k.paket.LehrwerkFuer(k.plan.Kursart)
		if err != nil {
			return nil, true, err
		}
		d, ok := testdaten.Abschnittsdaten(k.plan, abschnitt, lehrwerk)
		if !ok {
			return nil, true, fmt.Errorf("der Kurs hat keinen Kursabschnitt %s", abschnitt)
		}
		if node.Name == "Kursbeginn" {
			d.Beginn = k.plan.Kursbeginn
			v = inge.Kursbeginndaten{Kursabschnittsdaten: d, Kursart: k.plan.Kursart, Kursende: k.plan.Kursende}
		} else {
			v = d
		}
	default:
		return nil, false, nil
	}
	fws, err = flatten(path, node, v)
	return fws, true, err
}

// flatten writes a typed element as the fields below path, with the
// occurrence of each repeated element, as Meldung.Feld names them.
func flatten(path string, node inge.Feld, v any) ([]Feldwert, error) {
	raw, err := xml.Marshal(struct {
		XMLName xml.Name
		V       any
	}{XMLName: xml.Name{Local: "x"}, V: v})
	if err != nil {
		return nil, err
	}
	doc, err := xmlquery.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	root := xmlquery.FindOne(doc, "/x/*[1]")
	if root == nil {
		return nil, nil
	}
	var out []Feldwert
	var walk func(prefix string, n inge.Feld, el *xmlquery.Node)
	walk = func(prefix string, n inge.Feld, el *xmlquery.Node) {
		for _, a := range el.Attr {
			out = append(out, Feldwert{Feld: prefix + "/@" + a.Name.Local, Wert: a.Value})
		}
		seen := map[string]int{}
		leaf := true
		for c := el.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != xmlquery.ElementNode {
				continue
			}
			leaf = false
			i := slices.IndexFunc(n.Felder, func(f inge.Feld) bool { return f.Name == c.Data })
			if i < 0 {
				continue
			}
			child := n.Felder[i]
			seen[c.Data]++
			p := prefix + "/" + c.Data
			if child.Wiederholbar() {
				p += fmt.Sprintf("[%d]", seen[c.Data])
			}
			walk(p, child, c)
		}
		if leaf && n.Typ != nil {
			out = append(out, Feldwert{Feld: prefix, Wert: strings.TrimSpace(el.InnerText())})
		}
	}
	walk(path, node, root)
	return out, nil
}

// verfahrenNamed finds a procedure by its name.
func verfahrenNamed(name string) (*inge.Procedure, bool) {
	return inge.Lookup(xml.Name{Space: inge.Namespace, Local: name})
}

// aufloesen replaces a reference such as <Kurskennung> by its value.
func aufloesen(wert string, bezug map[string]string) (string, error) {
	m := bezugRE.FindStringSubmatch(wert)
	if m == nil {
		return wert, nil
	}
	v, ok := bezug[m[1]]
	if !ok || v == "" {
		var known []string
		for k := range bezug {
			known = append(known, "<"+k+">")
		}
		slices.Sort(known)
		return "", fmt.Errorf("%s ist nicht vorbereitet (bekannt: %s)", wert, strings.Join(known, ", "))
	}
	return v, nil
}

// aufDemDraht is a value in the form of the wire: a date TT.MM.JJJJ as
// xs:date, ja and nein as xs:boolean.
func aufDemDraht(wert string) string {
	if m := datumDE.FindStringSubmatch(wert); m != nil {
		return m[3] + "-" + m[2] + "-" + m[1]
	}
	switch wert {
	case "ja":
		return "true"
	case "nein":
		return "false"
	}
	return wert
}

// personDes finds the person a value names in the case, and the Art of
// the Kennziffer it asks for ("" for the person's usual one).
func personDes(fall *testdaten.Fall, wert string) (*testdaten.Person, string, bool) {
	name, art := wert, ""
	if m := personMitArt.FindStringSubmatch(wert); m != nil {
		name, art = m[1], m[2]
	}
	for i := range fall.Personen {
		p := &fall.Personen[i]
		if p.Familienname+", "+p.Vorname == name || p.Vorname == "" && p.Familienname == name {
			return p, art, true
		}
	}
	return nil, "", false
}

// personFelder are the fields of a person below path, as far as the
// contract's element there has them.
func personFelder(path string, node inge.Feld, pe *testdaten.Person, art string) ([]Feldwert, error) {
	id, err := pe.IdentDerArt(art)
	if err != nil {
		return nil, err
	}
	has := func(n inge.Feld, name string) (inge.Feld, bool) {
		i := slices.IndexFunc(n.Felder, func(f inge.Feld) bool { return f.Name == name })
		if i < 0 {
			return inge.Feld{}, false
		}
		return n.Felder[i], true
	}
	var out []Feldwert
	// A field of the element that the person has not (a Geburtsname, an
	// Adresszusatz) must not be sent: it would be someone else's data.
	add := func(p, v string) {
		if v == "" {
			out = append(out, Feldwert{Feld: p, Fehlt: true})
			return
		}
		out = append(out, Feldwert{Feld: p, Wert: v})
	}
	ident := func(p string) {
		add(p+"/Geburtsdatum", string(id.Geburtsdatum))
		add(p+"/Aktenzeichen", id.Aktenzeichen.Wert)
		add(p+"/Aktenzeichen/@Art", string(id.Aktenzeichen.Art))
	}
	if _, ok := has(node, "Aktenzeichen"); ok { // the element is an Ident
		ident(path)
		return out, nil
	}
	if identNode, ok := has(node, "Ident"); ok {
		if _, ok := has(identNode, "Aktenzeichen"); ok {
			ident(path + "/Ident")
		}
	} else if _, named := has(node, "Familienname"); !named {
		return nil, fmt.Errorf("an dieser Stelle steht keine Person (weder Ident noch Familienname)")
	} // else a person without Ident, such as a Selbstzahler: her names and address
	for _, f := range []struct{ name, value string }{
		{"Familienname", pe.Familienname}, {"Vorname", pe.Vorname}, {"Geburtsname", pe.Geburtsname},
		{"Geburtsdatum", pe.Geburtsdatum}, {"Geburtsort", pe.Geburtsort}, {"Geschlecht", pe.Geschlecht},
	} {
		if _, ok := has(node, f.name); ok {
			add(path+"/"+f.name, f.value)
		}
	}
	if sn, ok := has(node, "Staatsangehoerigkeit"); ok {
		for i, s := range pe.Staatsangehoerigkeit {
			if sn.Wiederholbar() {
				add(fmt.Sprintf("%s/Staatsangehoerigkeit[%d]", path, i+1), s)
			} else if i == 0 {
				add(path+"/Staatsangehoerigkeit", s)
			}
		}
		if sn.Wiederholbar() {
			add(fmt.Sprintf("%s/Staatsangehoerigkeit[%d]", path, len(pe.Staatsangehoerigkeit)+1), "") // no other one
		}
	}
	if an, ok := has(node, "Anschrift"); ok {
		a := pe.Anschrift
		for _, f := range []struct{ name, value string }{
			{"Strasse", a.Strasse}, {"Adresszusatz", ""}, {"Postfach", ""}, {"Postleitzahl", a.Postleitzahl},
			{"Ort", a.Ort}, {"Staat", a.Staat}, {"Bundesland", a.Bundesland},
		} {
			if _, ok := has(an, f.name); ok {
				add(path+"/Anschrift/"+f.name, f.value)
			}
		}
	}
	return out, nil
}

// feldAt finds the contract's field at a path, indexes ignored.
func feldAt(tree []inge.Feld, path string) (inge.Feld, bool) {
	var cur inge.Feld
	level := tree
	for _, step := range strings.Split(path, "/") {
		name, _, _ := strings.Cut(step, "[")
		i := slices.IndexFunc(level, func(f inge.Feld) bool { return f.Name == name })
		if i < 0 {
			return inge.Feld{}, false
		}
		cur = level[i]
		level = cur.Felder
	}
	return cur, true
}

// anzeige is how an operator reads a row: one line, and for a row that
// stands for a whole element (a person, a Kursplan, a Kursabschnitt, a
// LiD exam) a line for each of its fields below it, "nicht angeben" for
// what must not be sent.
func anzeige(verfahren string, a Angabe, k kontext) []string {
	out := []string{beschriftung(verfahren, a, k)}
	p, ok := verfahrenNamed(verfahren)
	if !ok {
		return out
	}
	tree := p.Felder()
	node, ok := feldAt(tree, a.Feld)
	if !ok {
		return out
	}
	wert, err := aufloesen(a.Wert, k.bezug)
	if err != nil {
		return out
	}
	fws, isBlock, err := k.block(a.Feld, node, wert)
	if !isBlock {
		pe, art, isPerson := personDes(k.fall, wert)
		if !isPerson || node.Typ != nil {
			return out
		}
		fws, err = personFelder(a.Feld, node, pe, art)
	}
	if err != nil {
		return out
	}
	for _, fw := range fws {
		v := anzeigeWert(fw.Wert)
		if fw.Fehlt {
			v = leer
		}
		out = append(out, "    "+beschriftung(verfahren, Angabe{Feld: fw.Feld, Wert: v}, k))
	}
	return out
}

// anzeigeWert writes a wire value as the Testfallheft does: a date as
// TT.MM.JJJJ, a boolean as ja or nein.
func anzeigeWert(v string) string {
	switch v {
	case "true":
		return "ja"
	case "false":
		return "nein"
	}
	if len(v) == 10 && v[4] == '-' && v[7] == '-' {
		return datumText(v)
	}
	return v
}

// beschriftung is how an operator reads a row: the field's German label
// with its path, and the value, with the label of its code where it has
// one, or the person with what identifies her.
func beschriftung(verfahren string, a Angabe, k kontext) string {
	label, wert := a.Feld, a.Wert
	p, _ := verfahrenNamed(verfahren)
	var node inge.Feld
	ok := false
	if p != nil {
		node, ok = feldAt(p.Felder(), a.Feld)
	}
	if ok && node.Label != "" {
		label = node.Label + " (" + a.Feld + ")"
	}
	if v, err := aufloesen(a.Wert, k.bezug); err == nil {
		wert = v
	}
	switch {
	case wert == leer:
		wert = "nicht angeben"
	case ok && node.Typ == nil:
		if pe, art, isPerson := personDes(k.fall, wert); isPerson {
			if id, err := pe.IdentDerArt(art); err == nil {
				wert = fmt.Sprintf("%s, geb. %s, %s %s", wert, datumText(string(id.Geburtsdatum)), id.Aktenzeichen.Art, id.Aktenzeichen.Wert)
			}
		}
	case ok && node.Codeliste != "":
		if l, found := inge.CodelisteByID(node.Codeliste); found {
			if c, known := l.Lookup(wert); known {
				wert += " – " + c.Bezeichnung
			}
		}
	}
	return label + ": " + wert
}

// datumText writes an xs:date as TT.MM.JJJJ, and anything else as it is.
func datumText(d string) string {
	if t, err := inge.Datum(d).Time(); err == nil {
		return t.Format("02.01.2006")
	}
	return d
}
