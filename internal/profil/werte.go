package profil

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// werteliste is a list of values of ours, a code list or an enumeration of
// the XSD, with the profile's values.
type werteliste struct {
	id, titel string
	werte     []string
	hin, her  map[string]string
	gleich    bool // "*": the profile takes every value as it is
	pfade     []*pfad
}

// alleGleich is the row of werte.tsv that takes a whole list as it is.
const alleGleich = "*"

// listeVon names the list of values of a path: its code list, or the
// enumerated type of its value; "" for none. The codes of Meldungen and
// Faults are the catalogue's (meldungen.tsv).
func listeVon(pf *pfad) string {
	f := pf.feld
	switch {
	case rolleVon(pf) == rolleCode:
		return ""
	case f.Codeliste != "":
		return f.Codeliste
	case f.Typ != nil && len(f.Typ.Werte) > 0:
		return f.Typ.Name
	}
	return ""
}

// werte reads werte.tsv: per list of ours that a mapped path uses, every
// value with the profile's, or "*" for the list as it is. Each profile
// value must be valid where the profile puts it.
func (p *Profil) werte(rows []zeile, abb map[string]*abbildung, l *luecken) map[string]*werteliste {
	listen := map[string]*werteliste{}
	bekannt := map[string]bool{} // every list of ours, also one no mapped path uses: its rows are harmless
	var order []string
	for _, pf := range p.ours.liste {
		id := listeVon(pf)
		if id != "" {
			bekannt[id] = true
		}
		if a := abb[pf.key]; id == "" || a == nil || a.art != abgebildet {
			continue
		}
		wl := listen[id]
		if wl == nil {
			wl = &werteliste{id: id, hin: map[string]string{}, her: map[string]string{}}
			if cl, ok := inge.CodelisteByID(id); ok && pf.feld.Codeliste == id {
				wl.titel = fmt.Sprintf("Codeliste %s (%s)", id, cl.Name)
				for _, c := range cl.Codes {
					wl.werte = append(wl.werte, c.Schluessel)
				}
			} else {
				wl.titel = "Aufzählung " + id
				wl.werte = slices.Clone(pf.feld.Typ.Werte)
			}
			listen[id] = wl
			order = append(order, id)
		}
		wl.pfade = append(wl.pfade, pf)
	}
	gesehen := map[string]map[string]zeile{}
	for _, z := range rows {
		id, wert, profil := z.felder[0], z.felder[1], z.felder[2]
		wl := listen[id]
		switch {
		case wl == nil && bekannt[id]:
			continue // no mapped path uses it
		case wl == nil:
			l.add("%s: %q ist keine Codeliste oder Aufzählung unseres Vertrags (genutzt: %s)", z.ort(dateiWerte), id, quoteList(order))
			continue
		case wert == alleGleich:
			if profil != alleGleich {
				l.add("%s: %s: „*“ übernimmt alle Werte unverändert und steht in beiden Spalten", z.ort(dateiWerte), wl.titel)
				continue
			}
			wl.gleich = true
			continue
		case !slices.Contains(wl.werte, wert):
			l.add("%s: %s hat keinen Wert %q", z.ort(dateiWerte), wl.titel, wert)
			continue
		case profil == "":
			l.add("%s: %s, Wert %s: die Spalte Profil ist leer", z.ort(dateiWerte), wl.titel, wert)
			continue
		}
		if gesehen[id] == nil {
			gesehen[id] = map[string]zeile{}
		}
		if !l.erstesMal(gesehen[id], wert, wl.titel+", Wert "+wert, z, dateiWerte) {
			continue
		}
		if other, dup := wl.her[profil]; dup {
			l.add("%s: %s: %s und %s werden beide zu %q", z.ort(dateiWerte), wl.titel, other, wert, profil)
			continue
		}
		wl.hin[wert], wl.her[profil] = profil, wert
	}
	for _, id := range order {
		wl := listen[id]
		if wl.gleich {
			if len(wl.hin) > 0 {
				l.add("%s: %s: „*“ übernimmt die Liste unverändert, daneben sind %d Werte einzeln abgebildet", dateiWerte, wl.titel, len(wl.hin))
			}
			for _, w := range wl.werte {
				wl.hin[w], wl.her[w] = w, w
			}
		} else {
			missing := 0
			for _, w := range wl.werte {
				if _, ok := wl.hin[w]; !ok {
					missing++
				}
			}
			switch {
			case missing == len(wl.werte):
				l.add("%s: %s: keine Zeile; jeder ihrer %d Werte braucht eine, oder „*<Tab>*“, wenn das Profil sie unverändert übernimmt", dateiWerte, wl.titel, len(wl.werte))
			case missing > 0:
				for _, w := range wl.werte {
					if _, ok := wl.hin[w]; !ok {
						l.add("%s: %s: der Wert %s ist nicht abgebildet", dateiWerte, wl.titel, w)
					}
				}
			}
		}
		p.pruefeWerte(wl, abb, gesehen[id], l)
	}
	return listen
}

// pruefeWerte checks the profile's values of a list against the types of
// the profile's elements that carry them.
func (p *Profil) pruefeWerte(wl *werteliste, abb map[string]*abbildung, zeilen map[string]zeile, l *luecken) {
	typen := map[string]bool{}
	for _, pf := range wl.pfade {
		t := p.theirs.nach[join(abb[pf.key].ziel)]
		if t == nil || t.feld.Typ == nil || typen[t.feld.Typ.Name] {
			continue
		}
		typen[t.feld.Typ.Name] = true
		for _, w := range wl.werte {
			v, ok := wl.hin[w]
			if !ok {
				continue
			}
			if problem := t.feld.Typ.Problem(v); problem != "" {
				ort := dateiWerte
				if z, ok := zeilen[w]; ok {
					ort = z.ort(dateiWerte)
				}
				l.add("%s: %s, Wert %s → %q ist im Profil bei %s ungültig: %s", ort, wl.titel, w, v, t.key, problem)
			}
		}
	}
}

// katalog maps the codes of Meldungen and Faults and, where the profile
// words them otherwise, their texts.
type katalog struct {
	hin, her           map[string]string
	texteHin, texteHer map[string]*umtext
}

// meldungen reads meldungen.tsv: a code of our catalogue, the profile's
// code, and the profile's text, empty where it is ours. A code without a
// row stays as it is.
func (p *Profil) meldungen(rows []zeile, abb map[string]*abbildung, l *luecken) *katalog {
	k := &katalog{hin: map[string]string{}, her: map[string]string{}, texteHin: map[string]*umtext{}, texteHer: map[string]*umtext{}}
	kat := inge.DefaultKatalog()
	gesehen := map[string]zeile{}
	type zielTyp struct {
		pfad string
		typ  *inge.Wertetyp
	}
	typen := map[bool][]zielTyp{} // by Fault
	for _, pf := range p.ours.liste {
		if rolleVon(pf) != rolleCode || abb[pf.key] == nil || abb[pf.key].art != abgebildet {
			continue
		}
		t := p.theirs.nach[join(abb[pf.key].ziel)]
		if t == nil || t.feld.Typ == nil {
			continue
		}
		fault := pf.key == "Fehler/Code"
		if !slices.ContainsFunc(typen[fault], func(z zielTyp) bool { return z.typ.Name == t.feld.Typ.Name }) {
			typen[fault] = append(typen[fault], zielTyp{t.key, t.feld.Typ})
		}
	}
	for _, z := range rows {
		code, profil, text := z.felder[0], z.felder[1], z.felder[2]
		e, ok := kat.ByCode(code)
		switch {
		case !ok:
			l.add("%s: %q ist kein Code unseres Katalogs", z.ort(dateiMeldungen), code)
			continue
		case profil == "":
			l.add("%s: %s: die Spalte Profil ist leer", z.ort(dateiMeldungen), code)
			continue
		}
		if !l.erstesMal(gesehen, code, code, z, dateiMeldungen) {
			continue
		}
		if other, dup := k.her[profil]; dup {
			l.add("%s: %s und %s werden beide zu %s", z.ort(dateiMeldungen), other, code, profil)
			continue
		}
		k.hin[code], k.her[profil] = profil, code
		for _, zt := range typen[e.Fault != nil] {
			if problem := zt.typ.Problem(profil); problem != "" {
				l.add("%s: %s → %q ist im Profil bei %s ungültig: %s", z.ort(dateiMeldungen), code, profil, zt.pfad, problem)
			}
		}
		if text != "" {
			if fremd := fremdePlatzhalter(text, e.Text); len(fremd) > 0 {
				l.add("%s: %s: der Text nennt %s, unser Text aber nicht (unser Text: %q)", z.ort(dateiMeldungen), code, strings.Join(fremd, ", "), e.Text)
				continue
			}
			k.texteHin[code] = neuerUmtext(e.Text, text)
			k.texteHer[profil] = neuerUmtext(text, e.Text)
		}
	}
	for _, e := range kat.Entries() {
		if _, mapped := k.hin[e.Code]; mapped {
			continue
		}
		if other, taken := k.her[e.Code]; taken {
			l.add("%s: %s wird zu %s, dem Code, den unser %s unverändert behält", gesehen[other].ort(dateiMeldungen), other, e.Code, e.Code)
		}
	}
	return k
}

// platzhalterRE finds the placeholders of a catalogue text: {Wert},
// {Liste.Name}.
var platzhalterRE = regexp.MustCompile(`\{([A-Za-z][A-Za-z0-9.]*)\}`)

// fremdePlatzhalter lists the placeholders of text that ours lacks.
func fremdePlatzhalter(text, ours string) []string {
	have := map[string]bool{}
	for _, m := range platzhalterRE.FindAllStringSubmatch(ours, -1) {
		have[m[1]] = true
	}
	var out []string
	for _, m := range platzhalterRE.FindAllStringSubmatch(text, -1) {
		if !have[m[1]] {
			out = append(out, m[0])
		}
	}
	return out
}

// umtext rewrites a text written from one template into another: it reads
// the values of the placeholders from the text and fills them into the
// other template. A text the template does not fit stays as it is.
type umtext struct {
	von   *regexp.Regexp
	namen []string // of von's groups, in order
	nach  string
}

func neuerUmtext(von, nach string) *umtext {
	u := &umtext{nach: nach}
	var re strings.Builder
	re.WriteString(`(?s)^`)
	last := 0
	seen := map[string]bool{}
	for _, m := range platzhalterRE.FindAllStringSubmatchIndex(von, -1) {
		re.WriteString(regexp.QuoteMeta(von[last:m[0]]))
		name := von[m[2]:m[3]]
		if seen[name] {
			re.WriteString(`.*?`)
		} else {
			seen[name] = true
			re.WriteString(`(.*?)`)
			u.namen = append(u.namen, name)
		}
		last = m[1]
	}
	re.WriteString(regexp.QuoteMeta(von[last:]))
	re.WriteString(`$`)
	u.von = regexp.MustCompile(re.String()) // quoted literals and groups only
	return u
}

// anwenden rewrites text; it reports false when the template does not fit.
func (u *umtext) anwenden(text string) (string, bool) {
	m := u.von.FindStringSubmatch(text)
	if m == nil {
		return text, false
	}
	werte := map[string]string{}
	for i, name := range u.namen {
		werte[name] = m[i+1]
	}
	return platzhalterRE.ReplaceAllStringFunc(u.nach, func(ph string) string {
		if v, ok := werte[ph[1:len(ph)-1]]; ok {
			return v
		}
		return ph
	}), true
}

// rolle is what a path of ours means beyond its value: the code, text and
// field of a Meldung or of a Fault's detail, or the Meldung itself.
type rolle int

const (
	rolleKeine rolle = iota
	rolleMeldung
	rolleCode
	rolleText
	rolleFeld
)

// istMeldung reports whether the path is a Meldung of an answer or the
// Fehler of a Fault's detail.
func istMeldung(pf *pfad) bool {
	return pf != nil && (pf.key == "Fehler" || strings.HasSuffix(pf.key, "/Meldungen/Meldung"))
}

func rolleVon(pf *pfad) rolle {
	switch {
	case istMeldung(pf):
		return rolleMeldung
	case pf.attribut() || pf.eltern == nil:
		return rolleKeine
	case istMeldung(pf.eltern):
		switch pf.name() {
		case "Code":
			return rolleCode
		case "Text":
			return rolleText
		case "Feld":
			return rolleFeld
		}
	case pf.eltern.key == "Fehler/Abweichung" && pf.name() == "Feld":
		return rolleFeld
	}
	return rolleKeine
}
