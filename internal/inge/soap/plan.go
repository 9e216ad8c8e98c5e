package soap

import (
	"encoding"
	"encoding/xml"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// A plan writes the messages of one type as encoding/xml's Encoder does,
// byte for byte, but looks at the type once: encoding/xml asks every value
// for its field information, its Marshaler and TextMarshaler methods and
// its element name, again for each message. The plans cover what the
// contract's messages use (structs, embedded structs, strings, ints, bools,
// pointers, slices, one attribute, character data, omitempty); a type with
// anything else has no plan and is written by encoding/xml.
type plan struct {
	write writeFunc // the root element, with its namespace
}

// writeFunc appends the XML of v to b.
type writeFunc func(b []byte, v reflect.Value) []byte

// plans holds the plan of each type written so far, or nil for a type
// that has none. Plans depend only on their type, so one set serves every
// envelope of the process, as encoding/xml's own cache of field
// information does.
var plans sync.Map // reflect.Type -> *plan

// planOf returns the plan of a message type, or nil.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p, _ := compileRoot(t) // nil, errNoPlan for a type without a plan
	plans.Store(t, p)
	return p
}

// errNoPlan says that encoding/xml writes the type in a way a plan does not.
var errNoPlan = errors.New("no plan")

var (
	marshalerType     = reflect.TypeFor[xml.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	nameType          = reflect.TypeFor[xml.Name]()
)

// compileRoot compiles a message: a struct, or a pointer to one, whose
// XMLName's tag names its element.
func compileRoot(t reflect.Type) (*plan, error) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || ownMarshaling(t) {
		return nil, errNoPlan
	}
	f, ok := t.FieldByName("XMLName")
	if !ok || len(f.Index) != 1 || f.Type != nameType {
		return nil, errNoPlan
	}
	space, local, ok := strings.Cut(f.Tag.Get("xml"), " ")
	if !ok || local == "" || strings.ContainsAny(local, ", >") || space == "" {
		return nil, errNoPlan
	}
	attrs, children, err := compileFields(t, true)
	if err != nil {
		return nil, err
	}
	start, end := "<"+local+` xmlns="`+escapeString(space)+`"`, "</"+local+">"
	return &plan{write: structWriter(start, end, attrs, children)}, nil
}

// ownMarshaling reports whether encoding/xml would let t write itself.
func ownMarshaling(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Implements(marshalerType) || pt.Implements(marshalerType) ||
		t.Implements(textMarshalerType) || pt.Implements(textMarshalerType)
}

// structWriter writes a struct as the element start ... end.
func structWriter(start, end string, attrs, children []writeFunc) writeFunc {
	return func(b []byte, v reflect.Value) []byte {
		b = append(b, start...)
		for _, a := range attrs {
			b = a(b, v)
		}
		b = append(b, '>')
		for _, c := range children {
			b = c(b, v)
		}
		return append(b, end...)
	}
}

// compileFields compiles the fields of struct t, those of embedded structs
// in their place, as encoding/xml orders them: attributes apart, the rest
// in the order of the fields.
func compileFields(t reflect.Type, root bool) (attrs, children []writeFunc, err error) {
	names := map[string]bool{}
	var walk func(t reflect.Type, index []int) error
	walk = func(t reflect.Type, index []int) error {
		for i := range t.NumField() {
			f := t.Field(i)
			at := append(append([]int(nil), index...), i)
			tag := f.Tag.Get("xml")
			if tag == "-" || (!f.IsExported() && !f.Anonymous) {
				continue
			}
			if f.Name == "XMLName" {
				if !root || len(index) > 0 {
					return errNoPlan // an element named by its value, or by an embedded struct
				}
				continue
			}
			if f.Anonymous {
				// encoding/xml embeds a struct's fields whatever its tag.
				if f.Type.Kind() != reflect.Struct || ownMarshaling(f.Type) || tag != "" {
					return errNoPlan
				}
				if err := walk(f.Type, at); err != nil {
					return err
				}
				continue
			}
			if !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			if strings.ContainsAny(name, " >") {
				return errNoPlan
			}
			omitEmpty, attr, chardata := false, false, false
			for o := range strings.SplitSeq(opts, ",") {
				switch o {
				case "":
				case "omitempty":
					omitEmpty = true
				case "attr":
					attr = true
				case "chardata":
					chardata = true
				default:
					return errNoPlan
				}
			}
			get := field(at)
			switch {
			case attr && chardata:
				return errNoPlan
			case attr:
				if names["attr "+name] {
					return errNoPlan
				}
				names["attr "+name] = true
				w, err := simpleText(f.Type)
				if err != nil {
					return err
				}
				prefix := " " + name + `="`
				attrs = append(attrs, func(b []byte, v reflect.Value) []byte {
					fv := get(v)
					if omitEmpty && fv.IsZero() {
						return b
					}
					b = append(b, prefix...)
					b = w(b, fv)
					return append(b, '"')
				})
			case chardata:
				if names[",chardata"] {
					return errNoPlan
				}
				names[",chardata"] = true
				w, err := simpleText(f.Type)
				if err != nil {
					return err
				}
				children = append(children, func(b []byte, v reflect.Value) []byte { return w(b, get(v)) })
			default:
				if names[name] {
					return errNoPlan // encoding/xml's rules of conflicting names
				}
				names[name] = true
				w, err := compileValue(f.Type, name, omitEmpty)
				if err != nil {
					return err
				}
				children = append(children, func(b []byte, v reflect.Value) []byte { return w(b, get(v)) })
			}
		}
		return nil
	}
	err = walk(t, nil)
	return attrs, children, err
}

// field returns the field at index of a struct value.
func field(index []int) func(reflect.Value) reflect.Value {
	if len(index) == 1 {
		i := index[0]
		return func(v reflect.Value) reflect.Value { return v.Field(i) }
	}
	return func(v reflect.Value) reflect.Value { return v.FieldByIndex(index) }
}

// compileValue compiles a value written as the element name: omitted when
// it is empty and omitEmpty holds, as for each element of a slice.
func compileValue(t reflect.Type, name string, omitEmpty bool) (writeFunc, error) {
	if ownMarshaling(t) {
		return nil, errNoPlan
	}
	start, end := "<"+name, "</"+name+">"
	switch t.Kind() {
	case reflect.Pointer:
		if t.Elem().Kind() == reflect.Pointer {
			return nil, errNoPlan
		}
		w, err := compileValue(t.Elem(), name, false)
		if err != nil {
			return nil, err
		}
		return func(b []byte, v reflect.Value) []byte {
			if v.IsNil() {
				return b
			}
			return w(b, v.Elem())
		}, nil
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, errNoPlan
		}
		w, err := compileValue(t.Elem(), name, omitEmpty)
		if err != nil {
			return nil, err
		}
		return func(b []byte, v reflect.Value) []byte {
			for i := range v.Len() {
				b = w(b, v.Index(i))
			}
			return b
		}, nil
	case reflect.Struct:
		if _, ok := t.FieldByName("XMLName"); ok {
			return nil, errNoPlan
		}
		attrs, children, err := compileFields(t, false)
		if err != nil {
			return nil, err
		}
		return structWriter(start, end, attrs, children), nil // a struct is never empty
	}
	w, err := simpleText(t)
	if err != nil {
		return nil, err
	}
	start += ">"
	return func(b []byte, v reflect.Value) []byte {
		if omitEmpty && v.IsZero() {
			return b
		}
		b = append(b, start...)
		b = w(b, v)
		return append(b, end...)
	}, nil
}

// simpleText writes a string, int or bool as text, escaped.
func simpleText(t reflect.Type) (writeFunc, error) {
	if ownMarshaling(t) {
		return nil, errNoPlan
	}
	switch t.Kind() {
	case reflect.String:
		return func(b []byte, v reflect.Value) []byte { return appendEscaped(b, v.String()) }, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(b []byte, v reflect.Value) []byte { return strconv.AppendInt(b, v.Int(), 10) }, nil
	case reflect.Bool:
		return func(b []byte, v reflect.Value) []byte { return strconv.AppendBool(b, v.Bool()) }, nil
	}
	return nil, errNoPlan
}

// appendEscaped appends s escaped as encoding/xml's EscapeString does.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, width := utf8.DecodeRuneInString(s[i:])
			i += width
			if isInCharacterRange(r) && (r != utf8.RuneError || width > 1) {
				continue
			}
			b = append(append(b, s[last:i-width]...), "\uFFFD"...)
			last = i
			continue
		}
		i++
		var esc string
		switch c {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if c >= 0x20 {
				continue
			}
			esc = "\uFFFD"
		}
		b = append(append(b, s[last:i-1]...), esc...)
		last = i
	}
	return append(b, s[last:]...)
}

// escapeString is appendEscaped for a string.
func escapeString(s string) string { return string(appendEscaped(nil, s)) }

// isInCharacterRange is encoding/xml's: the characters XML allows.
func isInCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
