package certrun

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

// Phrases that the steps of many procedures share, as regular expression
// fragments, so that every feature writes a date, a day or a person alike.
const (
	// datum is a date TT.MM.JJJJ (parseDatumDE).
	datum = `(\d{2}\.\d{2}\.\d{4})`
	// termin is a day "am TT.MM.JJJJ" or "in N Wochen" from the scenario's
	// today; it captures the date and the weeks (terminTag).
	termin = `(?:am ` + datum + `|in (\d+) Wochen)`
	// personAus is a person "Familienname, Vorname" of a test case; it
	// captures the name and the case (world.person).
	personAus = `"([^"]*)" aus Testfall "([^"]*)"`
)

// datumDE is the layout of dates in the steps: TT.MM.JJJJ, as vendors show
// them.
const datumDE = "02.01.2006"

// parseDatumDE parses a date TT.MM.JJJJ as midnight UTC.
func parseDatumDE(s string) (time.Time, error) {
	t, err := time.Parse(datumDE, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q ist kein Datum TT.MM.JJJJ", s)
	}
	return t, nil
}

// terminTag returns the day of a termin: the date, if the step gave one,
// else the day the weeks after the scenario's today.
func (w *world) terminTag(datum, wochen string) (time.Time, error) {
	if datum != "" {
		return parseDatumDE(datum)
	}
	n, err := strconv.Atoi(wochen)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q Wochen: keine Zahl", wochen)
	}
	return w.szenarioHeute().AddDate(0, 0, 7*n), nil
}

// askFirst runs ask if a step says "zu dieser ..." (frisch is that
// phrase); without it the step checks the answer at hand.
func askFirst(ctx context.Context, frisch string, ask func(context.Context) error) error {
	if frisch == "" {
		return nil
	}
	return ask(ctx)
}

// fall returns a test case of the Testdatenpaket.
func (w *world) fall(id string) (*testdaten.Fall, error) {
	f, ok := w.r.paket.Fall(id)
	if !ok {
		return nil, fmt.Errorf("Testfall %q gibt es im Testdatenpaket nicht", id)
	}
	return f, nil
}

// person returns the person "Familienname, Vorname" of a test case.
func (w *world) person(name, fallID string) (*testdaten.Person, error) {
	fall, err := w.fall(fallID)
	if err != nil {
		return nil, err
	}
	familienname, vorname, _ := strings.Cut(name, ", ")
	for i, p := range fall.Personen {
		if p.Familienname == familienname && p.Vorname == vorname {
			return &fall.Personen[i], nil
		}
	}
	return nil, fmt.Errorf("Testfall %s hat keine Person %q (Familienname, Vorname)", fallID, name)
}

// identText renders an Ident as "Geburtsdatum Art:Wert", for comparing
// participants and naming them in a step's error.
func identText(t inge.TeilnehmerIdent) string {
	s := string(t.Geburtsdatum)
	if t.Aktenzeichen != nil {
		s += " " + string(t.Aktenzeichen.Art) + ":" + strings.TrimSpace(t.Aktenzeichen.Wert)
	}
	return s
}

// readable renders a part of a message for a step's error: the fields that
// are set, by name, nested parts in parentheses, and "keine" for none,
// rather than Go's syntax with braces and pointers. The element name of a
// message is left out.
func readable(v any) string {
	r := reflect.ValueOf(v)
	for r.Kind() == reflect.Pointer || r.Kind() == reflect.Interface {
		if r.IsNil() {
			return "keine"
		}
		r = r.Elem()
	}
	var parts []string
	switch r.Kind() {
	case reflect.Struct:
		for i := range r.NumField() {
			f, sf := r.Field(i), r.Type().Field(i)
			if !sf.IsExported() || f.IsZero() || sf.Type == reflect.TypeFor[xml.Name]() {
				continue
			}
			text := readable(f.Interface())
			if !sf.Anonymous {
				if k := reflect.Indirect(f).Kind(); k == reflect.Struct || k == reflect.Slice {
					text = "(" + text + ")"
				}
				text = sf.Name + " " + text
			}
			parts = append(parts, text)
		}
		return strings.Join(parts, ", ")
	case reflect.Slice:
		for i := range r.Len() {
			parts = append(parts, readable(r.Index(i).Interface()))
		}
		if len(parts) == 0 {
			return "keine"
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(r.Interface())
}

// clone returns a deep copy of a message part, so that changing a prepared
// request never changes what the scenario knows of what it made.
func clone[T any](v T) (T, error) {
	var c T
	b, err := json.Marshal(v)
	if err != nil {
		return c, fmt.Errorf("Kopie einer Nachricht: %w", err)
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return c, fmt.Errorf("Kopie einer Nachricht: %w", err)
	}
	return c, nil
}
