package inge

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Violation is a breach of the schema: the request is technically wrong and
// is answered with a SchemaVerletzt Fault naming the field.
type Violation struct {
	Feld  string
	Grund string
}

func (v *Violation) Error() string { return fmt.Sprintf("%s: %s", v.Feld, v.Grund) }

// Check validates a decoded request against the contract. A schema breach
// (cardinality, length, pattern, enumeration, lexical form of dates and years)
// comes back as a *Violation. Otherwise it returns the findings that the
// schema's rule attributes define, all at once: a missing m:pflicht field
// (PflichtfeldFehlt) and a value outside its m:codeliste (CodeUnbekannt).
// Field paths are relative to the request element, e.g.
// Kursplanung/Teilnehmer[2]/Ident/Geburtsdatum.
func Check(req Request) ([]Meldung, *Violation) {
	p, ok := ProcedureOf(req)
	if !ok {
		return nil, &Violation{Grund: fmt.Sprintf("%T is not a request of the contract", req)}
	}
	s := defaultSchema()
	c := &checker{s: s, fields: map[reflect.Type]*goFields{}}
	c.complex(reflect.ValueOf(req).Elem(), s.roots[p.Name], "")
	return c.meldungen, c.violation
}

type checker struct {
	s         *schema
	fields    map[reflect.Type]*goFields
	meldungen []Meldung
	violation *Violation
}

func (c *checker) fail(path, format string, args ...any) {
	if c.violation == nil {
		c.violation = &Violation{Feld: path, Grund: fmt.Sprintf(format, args...)}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "/" + name
}

// complex checks the struct v against complex type typ.
func (c *checker) complex(v reflect.Value, typ, path string) {
	ct, ok := c.s.complex[typ]
	if !ok {
		c.fail(path, "no schema type %s", typ)
		return
	}
	if ct.simpleContent != "" {
		c.simpleContent(v, ct, path)
		return
	}
	fields := c.fieldsOf(v.Type())
	present := 0
	for _, d := range c.s.elements(typ) {
		idx, ok := fields.elems[d.name]
		if !ok {
			c.fail(join(path, d.name), "Go type %s has no field for element %s", v.Type(), d.name)
			continue
		}
		items := occurrences(v.FieldByIndex(idx))
		if len(items) > 0 {
			present++
		}
		p := join(path, d.name)
		switch {
		case len(items) == 0 && d.pflicht:
			c.meldungen = append(c.meldungen, NewMeldung(PflichtfeldFehlt, p))
			continue
		case len(items) == 0 && d.min > 0 && !ct.choice:
			c.fail(p, "Element fehlt")
			continue
		case d.max >= 0 && len(items) > d.max:
			c.fail(p, "%d Vorkommen, hoechstens %d erlaubt", len(items), d.max)
			continue
		}
		for i, item := range items {
			ip := p
			if d.max != 1 {
				ip = fmt.Sprintf("%s[%d]", p, i+1)
			}
			if _, isComplex := c.s.complex[d.typ]; isComplex {
				c.complex(item, d.typ, ip)
				continue
			}
			text, ok := lexical(item)
			if !ok {
				continue // bool and int are checked by the XML decoder
			}
			if err := c.simpleValue(text, d.typ); err != nil {
				c.fail(ip, "%v", err)
				continue
			}
			if d.codeliste != "" {
				c.code(text, d.codeliste, ip)
			}
		}
	}
	if ct.choice && present != 1 {
		names := make([]string, len(ct.elems))
		for i, d := range ct.elems {
			names[i] = d.name
		}
		c.fail(path, "genau eines der Elemente %s erwartet, %d angegeben", strings.Join(names, ", "), present)
	}
}

func (c *checker) simpleContent(v reflect.Value, ct *complexType, path string) {
	fields := c.fieldsOf(v.Type())
	if fields.chardata == nil {
		c.fail(path, "Go type %s has no chardata field", v.Type())
		return
	}
	text, _ := lexical(v.FieldByIndex(fields.chardata))
	if err := c.simpleValue(text, ct.simpleContent); err != nil {
		c.fail(path, "%v", err)
	}
	for _, a := range ct.attrs {
		idx, ok := fields.attrs[a.name]
		if !ok {
			c.fail(path+"/@"+a.name, "Go type %s has no field for attribute %s", v.Type(), a.name)
			continue
		}
		val, _ := lexical(v.FieldByIndex(idx))
		if val == "" {
			if a.required {
				c.fail(path+"/@"+a.name, "Attribut fehlt")
			}
			continue
		}
		if err := c.simpleValue(val, a.typ); err != nil {
			c.fail(path+"/@"+a.name, "%v", err)
		}
	}
}

func (c *checker) code(value, list, path string) {
	l, ok := CodelisteByID(list)
	if !ok {
		c.fail(path, "unbekannte Codeliste %s", list)
		return
	}
	if !l.Contains(value) {
		c.meldungen = append(c.meldungen, NewMeldung(CodeUnbekannt, path, "Wert", value, "Liste", l.ID, "Liste.Name", l.Name))
	}
}

var (
	dateRE  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$`)
	gYearRE = regexp.MustCompile(`^\d{4}$`)
)

// simpleValue checks a lexical value against a built-in or named simple type.
func (c *checker) simpleValue(text, typ string) error {
	if !utf8.ValidString(text) {
		return fmt.Errorf("kein gueltiges UTF-8")
	}
	switch typ {
	case "xs:string":
		return nil
	case "xs:date":
		if !dateRE.MatchString(text) {
			return fmt.Errorf("%q ist kein Datum JJJJ-MM-TT", text)
		}
		if _, err := time.Parse(time.DateOnly, text[:10]); err != nil {
			return fmt.Errorf("%q ist kein gueltiges Datum", text)
		}
		return nil
	case "xs:gYear":
		if !gYearRE.MatchString(text) {
			return fmt.Errorf("%q ist keine Jahreszahl JJJJ", text)
		}
		return nil
	case "xs:int", "xs:boolean":
		return nil
	}
	st, ok := c.s.simple[typ]
	if !ok {
		return fmt.Errorf("unbekannter Typ %s", typ)
	}
	if err := c.simpleValue(text, st.base); err != nil {
		return err
	}
	if st.maxLength > 0 && utf8.RuneCountInString(text) > st.maxLength {
		return fmt.Errorf("Wert laenger als %d Zeichen", st.maxLength)
	}
	if st.pattern != nil && !st.pattern.MatchString(text) {
		return fmt.Errorf("%q entspricht nicht dem Muster %s", text, strings.TrimSuffix(strings.TrimPrefix(st.pattern.String(), "^(?:"), ")$"))
	}
	if len(st.enum) > 0 && !contains(st.enum, text) {
		return fmt.Errorf("%q ist keiner der Werte %s", text, strings.Join(st.enum, ", "))
	}
	if st.minI != nil || st.maxI != nil {
		n, err := strconv.Atoi(text)
		if err != nil {
			return fmt.Errorf("%q ist keine ganze Zahl", text)
		}
		if (st.minI != nil && n < *st.minI) || (st.maxI != nil && n > *st.maxI) {
			return fmt.Errorf("%d liegt nicht im erlaubten Bereich", n)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// occurrences returns the present values of a field: the elements of a slice,
// the target of a non-nil pointer, a non-empty string, or any other value.
func occurrences(v reflect.Value) []reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		out := make([]reflect.Value, v.Len())
		for i := range out {
			out[i] = v.Index(i)
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return []reflect.Value{v.Elem()}
	case reflect.String:
		if v.Len() == 0 {
			return nil
		}
	case reflect.Bool:
		if !v.Bool() { // omitempty: false is not sent
			return nil
		}
	}
	return []reflect.Value{v}
}

// lexical returns the text of a string-kinded value, or an int's decimal form.
func lexical(v reflect.Value) (string, bool) {
	switch v.Kind() {
	case reflect.String:
		return v.String(), true
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10), true
	}
	return "", false
}

// goFields maps the XML names of a struct's fields (embedded structs
// flattened) to their index paths.
type goFields struct {
	elems    map[string][]int
	attrs    map[string][]int
	chardata []int
}

func (c *checker) fieldsOf(t reflect.Type) *goFields {
	if f, ok := c.fields[t]; ok {
		return f
	}
	f := fieldsOfType(t)
	c.fields[t] = f
	return f
}

func fieldsOfType(t reflect.Type) *goFields {
	f := &goFields{elems: map[string][]int{}, attrs: map[string][]int{}}
	collectFields(t, nil, f)
	return f
}

func collectFields(t reflect.Type, prefix []int, f *goFields) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		idx := append(append([]int(nil), prefix...), i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			collectFields(sf.Type, idx, f)
			continue
		}
		if sf.Type == reflect.TypeOf(xml.Name{}) {
			continue
		}
		tag := sf.Tag.Get("xml")
		name, opts, _ := strings.Cut(tag, ",")
		switch {
		case strings.Contains(opts, "chardata"):
			f.chardata = idx
		case strings.Contains(opts, "attr"):
			f.attrs[name] = idx
		case name != "" && name != "-":
			f.elems[name] = idx
		}
	}
}
