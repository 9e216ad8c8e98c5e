package abnahme

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"

	"github.com/inge-harness/inge-harness/internal/mockadmin"
)

// eingang is one exchange of the journal as the judgement sees it: which
// test cases' data its request names, and who sent it.
type eingang struct {
	mockadmin.Eintrag
	// abgewiesen marks a request refused before any sandbox was known
	// (failed authentication, malformed XML): the mock keeps those in the
	// journal of the standard sandbox, under the user its token named.
	abgewiesen bool
	faelle     []string // the cases whose data the request names, sorted
	// vorbereitung tells an exchange of the tool's own preparation users.
	vorbereitung bool
	// abschluss is, for a request accepted during an outage, the entry
	// with its final outcome; nachtrag marks that entry itself, which is
	// not a request of its own.
	abschluss *eingang
	nachtrag  bool
}

// zuordnung tells the exchanges of a sandbox's journal apart by the test
// data they name, as BAMF's test cases are kept apart by their data (each
// case has its own persons, Kursorte and Lehrkraefte): an exchange belongs
// to a case when its request holds, as the whole text of an element, an
// identifier of that case: a static one of the Testdatenpaket, or a
// Kurskennung or Pruefungsnummer that an earlier exchange of the case got
// in its answer. Entries are added in the order of the journal.
type zuordnung struct {
	schluessel       map[string]string // identifier -> case ID
	vorbereitung     func(benutzer string) bool
	eingaenge        []*eingang
	angenommen       map[string]*eingang // Vorgangsnummer -> the accepted request
	letzteID         int64               // of the acceptance's sandbox
	letzteAbgewiesen int64               // of the standard sandbox
}

func newZuordnung(statisch map[string]string, vorbereitung func(string) bool) *zuordnung {
	z := &zuordnung{schluessel: map[string]string{}, vorbereitung: vorbereitung, angenommen: map[string]*eingang{}}
	for k, v := range statisch {
		z.schluessel[k] = v
	}
	return z
}

// neueSchluessel are the elements of an answer whose text becomes an
// identifier of the request's case: what InGe hands out.
var neueSchluessel = []string{"Kurskennung", "Pruefungsnummer"}

// add attributes journal entries, oldest first, after those added before.
func (z *zuordnung) add(es []mockadmin.Eintrag) {
	for _, e := range es {
		if e.ID <= z.letzteID {
			continue
		}
		z.letzteID = e.ID
		in := &eingang{Eintrag: kanonischeAntwort(e), vorbereitung: z.vorbereitung(e.Benutzer)}
		if acc, ok := z.angenommen[e.Vorgangsnummer]; ok && e.Vorgangsnummer != "" && acc.Benutzer == e.Benutzer {
			in.nachtrag, in.faelle = true, acc.faelle
			acc.abschluss = in
			delete(z.angenommen, e.Vorgangsnummer)
		} else {
			in.faelle = z.faelleVon(textWerte([]byte(in.anfrageInhalt())))
			if e.Ergebnis == "angenommen" && e.Vorgangsnummer != "" {
				z.angenommen[e.Vorgangsnummer] = in
			}
		}
		if len(in.faelle) == 1 {
			z.lerne(in.faelle[0], in.Antwort)
		}
		z.eingaenge = append(z.eingaenge, in)
	}
}

// addAbgewiesen adds the entries of the standard sandbox whose request a
// product user's token signed: requests refused before the mock knew
// their sandbox, such as a UsernameToken too old. They belong to a case by
// their data like any request, in the order of time.
func (z *zuordnung) addAbgewiesen(es []mockadmin.Eintrag, produkt []string) {
	added := false
	for _, e := range es {
		if e.ID <= z.letzteAbgewiesen {
			continue
		}
		z.letzteAbgewiesen = e.ID
		if e.Benutzer != "" || !slices.Contains(produkt, first(elementTexte([]byte(e.Anfrage), "Username"))) {
			continue
		}
		in := &eingang{Eintrag: kanonischeAntwort(e), abgewiesen: true, faelle: z.faelleVon(textWerte([]byte(e.Anfrage)))}
		z.eingaenge = append(z.eingaenge, in)
		added = true
	}
	if added {
		slices.SortStableFunc(z.eingaenge, func(a, b *eingang) int { return a.Zeit.Compare(b.Zeit) })
	}
}

// kanonischeAntwort takes the answer of a profiled exchange as our contract
// writes it, which the judgement reads; the request stays as the product
// sent it, for its envelope and token, beside its canonical form.
func kanonischeAntwort(e mockadmin.Eintrag) mockadmin.Eintrag {
	if e.AntwortKanonisch != "" {
		e.Antwort = e.AntwortKanonisch
	}
	return e
}

// anfrageInhalt is the request as our contract writes it: of a profiled
// exchange the canonical request element, else the envelope as received.
func (e *eingang) anfrageInhalt() string {
	if e.AnfrageKanonisch != "" {
		return e.AnfrageKanonisch
	}
	return e.Anfrage
}

// faelleVon returns the cases whose identifiers are among the texts.
func (z *zuordnung) faelleVon(texte []string) []string {
	var out []string
	for _, t := range texte {
		if f, ok := z.schluessel[t]; ok && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// lerne takes the identifiers an answer hands out as the case's.
func (z *zuordnung) lerne(fall, antwort string) {
	for _, w := range elementTexte([]byte(antwort), neueSchluessel...) {
		if _, known := z.schluessel[w]; !known {
			z.schluessel[w] = fall
		}
	}
}

// des returns the entries of a case in the order of the journal.
func (z *zuordnung) des(fall string) []*eingang {
	var out []*eingang
	for _, in := range z.eingaenge {
		if slices.Contains(in.faelle, fall) {
			out = append(out, in)
		}
	}
	return out
}

// ohneFall returns the product's requests that name no case's data.
func (z *zuordnung) ohneFall() []*eingang {
	var out []*eingang
	for _, in := range z.eingaenge {
		if len(in.faelle) == 0 && !in.vorbereitung && !in.nachtrag {
			out = append(out, in)
		}
	}
	return out
}

// textWerte returns the trimmed text of every element of an XML document,
// read leniently so that a request the mock refused as malformed still
// shows its data; what cannot be read is searched for nothing more.
func textWerte(doc []byte) []string {
	var out []string
	walkXML(doc, func(_ string, text string) {
		if text != "" {
			out = append(out, text)
		}
	})
	return out
}

// elementTexte returns the texts of the elements with one of the local
// names.
func elementTexte(doc []byte, names ...string) []string {
	var out []string
	walkXML(doc, func(name, text string) {
		if text != "" && slices.Contains(names, name) {
			out = append(out, text)
		}
	})
	return out
}

// walkXML calls fn with the local name and the trimmed text of every
// element that holds text and no child element.
func walkXML(doc []byte, fn func(name, text string)) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	type open struct {
		name  string
		text  strings.Builder
		child bool
	}
	var stack []*open
	for {
		tok, err := dec.Token()
		if err != nil { // io.EOF or what a lenient read cannot get past
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if n := len(stack); n > 0 {
				stack[n-1].child = true
			}
			stack = append(stack, &open{name: t.Name.Local})
		case xml.CharData:
			if n := len(stack); n > 0 {
				stack[n-1].text.Write(t)
			}
		case xml.EndElement:
			n := len(stack)
			if n == 0 {
				return
			}
			top := stack[n-1]
			stack = stack[:n-1]
			if !top.child {
				fn(top.name, strings.TrimSpace(top.text.String()))
			}
		}
	}
}

// Vorbereitung reports an exchange of the tool's own preparation, for the
// protocol.
func (e *eingang) Vorbereitung() bool { return e.vorbereitung }

// Nachtrag reports the entry of a request processed after an outage.
func (e *eingang) Nachtrag() bool { return e.nachtrag }
