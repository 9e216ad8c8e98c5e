package profil

import (
	"slices"
	"strings"
)

// How one of our paths appears in the profile.
type art int

const (
	abgebildet art = iota + 1 // as an element or attribute of the profile
	aufgeloest                // unwrapped: its children stand in its parent's counterpart
	entfaellt                 // dropped: the profile has nothing for it
)

// abbildung is where one of our paths goes in the profile.
type abbildung struct {
	art art
	// ziel is, for abgebildet, the profile's path; for aufgeloest, the
	// counterpart of the nearest ancestor that is abgebildet.
	ziel  []string
	regel *regel // the row that says so; nil below a dropped element
}

// regel is a row of elemente.tsv: a path of ours, or the end of one, and
// where its element goes, relative to its parent's counterpart.
type regel struct {
	z    zeile
	key  []string
	ziel string
}

// The values of the column Profil besides a name.
const (
	zielWeg       = "-"  // dropped
	zielAufloesen = "."  // unwrapped
	zielHoch      = ".." // a level up, before a name
)

// elemente reads elemente.tsv and maps every path of ours. A row's Pfad is
// one of our element paths, or its end: the longest row whose Pfad ends
// the path applies, so "Geburtsdatum" maps every Geburtsdatum and
// "Kursplanung/Teilnehmer" overrides "Teilnehmer" there. Its Profil is
// relative to the counterpart of the parent: a name (renamed), names
// with slashes (wrapped in elements the profile adds), ".." before a name
// (a level up), "." (unwrapped: its children go to the parent's
// counterpart) or "-" (dropped). A global element names the profile's
// global element, an attribute "@Name".
func (p *Profil) elemente(rows []zeile, l *luecken, b *Bericht) map[string]*abbildung {
	nachName := map[string][]*regel{}
	var regeln []*regel
	schluessel := map[string]zeile{}
	for _, z := range rows {
		k, v := z.felder[0], z.felder[1]
		steps := strings.Split(k, "/")
		if !gueltigerPfad(steps) {
			l.add("%s: %q ist kein Pfad: Elementnamen mit / getrennt, ein Attribut als @Name am Ende", z.ort(dateiElemente), k)
			continue
		}
		if v == "" {
			l.add("%s: %s: die Spalte Profil ist leer; ein Name, „.“ (auflösen) oder „-“ (weglassen)", z.ort(dateiElemente), k)
			continue
		}
		if !l.erstesMal(schluessel, k, k, z, dateiElemente) {
			continue
		}
		r := &regel{z: z, key: steps, ziel: v}
		regeln = append(regeln, r)
		nachName[steps[len(steps)-1]] = append(nachName[steps[len(steps)-1]], r)
	}

	abb := map[string]*abbildung{}
	passt := map[*regel]bool{}
	for _, pf := range p.ours.liste {
		candidates := nachName[pf.name()]
		for _, r := range candidates {
			if endet(pf.schritte, r.key) {
				passt[r] = true
			}
		}
		var eltern *abbildung
		if pf.eltern != nil {
			if eltern = abb[pf.eltern.key]; eltern == nil {
				continue // the parent is a gap of its own
			}
			if eltern.art == entfaellt {
				abb[pf.key] = &abbildung{art: entfaellt}
				continue
			}
		}
		r := laengste(candidates, pf.schritte)
		if r == nil {
			l.add("%s: %s ist weder abgebildet noch weggelassen", dateiElemente, pf.key)
			b.Entwurf = append(b.Entwurf, p.entwurf(pf, eltern))
			continue
		}
		a, problem := zielVon(pf, eltern, r)
		if problem != "" {
			l.add("%s: %s → %s: %s", r.z.ort(dateiElemente), pf.key, r.ziel, problem)
			continue
		}
		abb[pf.key] = a
	}
	for _, r := range regeln {
		if !passt[r] {
			l.add("%s: %q passt auf keinen Pfad unseres Vertrags", r.z.ort(dateiElemente), join(r.key))
		}
	}
	p.pruefeZiele(abb, l)
	return abb
}

// gueltigerPfad reports whether steps are element names with at most an
// attribute at the end.
func gueltigerPfad(steps []string) bool {
	for i, s := range steps {
		if a, ok := strings.CutPrefix(s, "@"); ok && i == len(steps)-1 {
			s = a
		}
		if !nameRE.MatchString(s) {
			return false
		}
	}
	return true
}

// endet reports whether path ends with the steps of key.
func endet(path, key []string) bool {
	return len(key) <= len(path) && slices.Equal(path[len(path)-len(key):], key)
}

// laengste returns the longest rule whose key ends path.
func laengste(candidates []*regel, path []string) *regel {
	var best *regel
	for _, r := range candidates {
		if endet(path, r.key) && (best == nil || len(r.key) > len(best.key)) {
			best = r
		}
	}
	return best
}

// zielVon resolves where a rule puts the path pf, given its parent's
// mapping, or says why it cannot.
func zielVon(pf *pfad, eltern *abbildung, r *regel) (*abbildung, string) {
	v := r.ziel
	switch {
	case v == zielWeg:
		return &abbildung{art: entfaellt, regel: r}, ""
	case v == zielAufloesen:
		if pf.eltern == nil || pf.attribut() || pf.wert() || pf.wiederholt() || !pf.elemente() || slices.ContainsFunc(pf.kinder, (*pfad).attribut) {
			return nil, "auflösen („.“) lässt sich nur ein Element unter einem anderen, das höchstens einmal vorkommt und nur Elemente enthält"
		}
		return &abbildung{art: aufgeloest, ziel: eltern.ziel, regel: r}, ""
	case pf.eltern == nil:
		if !nameRE.MatchString(v) {
			return nil, "ein globales Element wird auf ein globales Element des Profils abgebildet: ein Name ohne / und ohne @"
		}
		return &abbildung{art: abgebildet, ziel: []string{v}, regel: r}, ""
	case pf.attribut():
		name, ok := strings.CutPrefix(v, "@")
		if !ok || !nameRE.MatchString(name) {
			return nil, "ein Attribut wird auf ein Attribut seines Elements abgebildet: @Name"
		}
		if eltern.art != abgebildet {
			return nil, "das Element des Attributs ist aufgelöst"
		}
		return &abbildung{art: abgebildet, ziel: append(slices.Clone(eltern.ziel), v), regel: r}, ""
	}
	steps := strings.Split(v, "/")
	up := 0
	for len(steps) > 0 && steps[0] == zielHoch {
		up++
		steps = steps[1:]
	}
	if len(steps) == 0 {
		return nil, "nach „..“ fehlt der Name des Elements"
	}
	for _, s := range steps {
		if !nameRE.MatchString(s) {
			return nil, "„" + s + "“ ist kein Elementname (ein Attribut nur für ein Attribut)"
		}
	}
	base := eltern.ziel
	if up >= len(base) {
		return nil, "„..“ führt über das globale Element des Profils hinaus"
	}
	return &abbildung{art: abgebildet, ziel: append(slices.Clone(base[:len(base)-up]), steps...), regel: r}, ""
}

// pruefeZiele checks the mapped paths against the profile's XSD: every
// name exists where the mapping puts it, as an element of the same kind;
// no two of ours meet in one; what repeats in ours repeats in the profile
// and stays inside its repeated counterparts; the elements the profile
// adds around ours (wrappers) occur at most once; and the profile demands
// nothing that ours has no counterpart for.
func (p *Profil) pruefeZiele(abb map[string]*abbildung, l *luecken) {
	ziele := map[string]*pfad{} // profile path -> the path of ours mapped onto it
	ok := map[string]bool{}     // paths of ours whose target exists
	kaputt := map[string]bool{} // paths of ours whose target is missing: their descendants' gaps follow from it
	for _, pf := range p.ours.liste {
		a := abb[pf.key]
		if pf.eltern != nil && kaputt[pf.eltern.key] {
			kaputt[pf.key] = true
			continue
		}
		if a == nil || a.art != abgebildet {
			continue
		}
		ort := a.regel.z.ort(dateiElemente)
		key := join(a.ziel)
		t := p.theirs.nach[key]
		if t == nil {
			l.add("%s: %s → %s: %s", ort, pf.key, key, p.fehltImXSD(a.ziel))
			kaputt[pf.key] = true
			continue
		}
		if other, dup := ziele[key]; dup {
			l.add("%s: %s und %s werden beide auf %s abgebildet", ort, other.key, pf.key, key)
			continue
		}
		ziele[key] = pf
		switch {
		case pf.wert() && !t.wert():
			l.add("%s: %s hat einen Wert, %s im Profil enthält nur Elemente", ort, pf.key, key)
			continue
		case pf.elemente() && !t.elemente():
			l.add("%s: %s enthält Elemente, %s im Profil nur einen Wert", ort, pf.key, key)
			continue
		case pf.wiederholt() && !t.wiederholt():
			l.add("%s: %s kommt bei uns mehrfach vor, %s im Profil höchstens einmal", ort, pf.key, key)
			continue
		}
		ok[pf.key] = true
	}
	wrappers := map[string]bool{}
	for _, pf := range p.ours.liste {
		a := abb[pf.key]
		if !ok[pf.key] {
			continue
		}
		ort := a.regel.z.ort(dateiElemente)
		// Inside a repeated element of ours, the counterpart stays inside
		// the repeated element's counterpart, so each occurrence keeps its own.
		if w := wiederholterVorfahr(pf); w != nil && abb[w.key] != nil && abb[w.key].art == abgebildet && !istPraefix(abb[w.key].ziel, a.ziel) {
			l.add("%s: %s liegt bei uns im wiederholten Element %s, im Profil aber nicht in dessen Gegenstück %s", ort, pf.key, w.key, join(abb[w.key].ziel))
			continue
		}
		if pf.attribut() {
			continue // its element's counterpart is checked as that element's
		}
		for m := 1; m < len(a.ziel)-1; m++ {
			prefix := join(a.ziel[:m+1])
			t := p.theirs.nach[prefix]
			if src, mapped := ziele[prefix]; mapped {
				if t.wiederholt() && !strings.HasPrefix(pf.key, src.key+"/") {
					l.add("%s: %s liegt im Profil im wiederholten Element %s, dessen Gegenstück %s bei uns nicht darüber steht", ort, pf.key, prefix, src.key)
				}
				continue
			}
			if t.wiederholt() && !wrappers[prefix] {
				l.add("%s: %s: das Element %s, das das Profil hinzufügt, ist dort wiederholbar; ein hinzugefügtes Element kommt höchstens einmal vor", ort, pf.key, prefix)
			}
			wrappers[prefix] = true
		}
	}
	p.ziele, p.huellen = ziele, wrappers
	for _, t := range p.theirs.liste {
		if _, mapped := ziele[t.key]; mapped || wrappers[t.key] {
			continue
		}
		if t.eltern == nil {
			continue // a global element of the profile's own, such as an operation ours lacks
		}
		_, parentMapped := ziele[t.eltern.key]
		if !parentMapped && !wrappers[t.eltern.key] {
			continue // below an extra element
		}
		p.extra = append(p.extra, t.key)
		if t.feld.Min >= 1 && !t.eltern.feld.Auswahl {
			l.add("%s: das Profil verlangt %s, aber kein Pfad unseres Vertrags wird darauf abgebildet", dateiElemente, t.key)
		}
	}
}

// fehltImXSD says which step of a target the profile's XSD lacks.
func (p *Profil) fehltImXSD(ziel []string) string {
	cur := p.theirs.nach[ziel[0]]
	if cur == nil {
		return "das XSD des Profils hat kein globales Element " + ziel[0]
	}
	for _, s := range ziel[1:] {
		next := cur.kind(s)
		if next == nil {
			what := "kein Element"
			if strings.HasPrefix(s, "@") {
				what = "kein Attribut"
			}
			return "im XSD des Profils hat " + cur.key + " " + what + " " + strings.TrimPrefix(s, "@") + " (dort: " + quoteList(cur.kindNamen()) + ")"
		}
		cur = next
	}
	return ""
}

// wiederholterVorfahr is the nearest strict ancestor of pf that repeats.
func wiederholterVorfahr(pf *pfad) *pfad {
	for a := pf.eltern; a != nil; a = a.eltern {
		if a.wiederholt() {
			return a
		}
	}
	return nil
}

func istPraefix(prefix, steps []string) bool {
	return len(prefix) <= len(steps) && slices.Equal(steps[:len(prefix)], prefix)
}

// entwurf is a draft row of elemente.tsv for a path no row maps: with the
// name of the profile's child of the parent's counterpart that is named
// like ours, if there is one.
func (p *Profil) entwurf(pf *pfad, eltern *abbildung) string {
	vorschlag := ""
	if eltern != nil {
		if t := p.theirs.nach[join(eltern.ziel)]; t != nil {
			for _, k := range t.kinder {
				if strings.EqualFold(k.name(), pf.name()) {
					vorschlag = k.name()
				}
			}
		}
	} else if p.theirs.nach[pf.key] != nil {
		vorschlag = pf.key
	}
	return pf.key + "\t" + vorschlag
}
