package inge

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// SetField sets the field at a path of a message, in the notation of
// Meldung.Feld: Kursplanung/Teilnehmer[1]/Ident/Geburtsdatum, indexes
// 1-based; an attribute is a last step such as @Art. It allocates pointers
// and grows lists on the way and converts value to the field's type; an
// element with text content and attributes (an Aktenzeichen) takes value
// as its text.
func SetField(msg any, path, value string) error {
	return walkField(msg, path, func(v reflect.Value) error { return assign(v, value) }, false)
}

// ClearField sets the field at a path of a message to its zero value,
// which removes the element from the message; a path that leads to nothing
// is no error.
func ClearField(msg any, path string) error {
	return walkField(msg, path, func(v reflect.Value) error {
		v.Set(reflect.Zero(v.Type()))
		return nil
	}, true)
}

// walkField follows a path from msg to its last step and applies at to it.
// With clearing, nothing is allocated: a missing part ends the walk.
func walkField(msg any, path string, at func(reflect.Value) error, clearing bool) error {
	v := reflect.ValueOf(msg)
	steps := strings.Split(path, "/")
	for i, step := range steps {
		name, index, err := splitStep(step)
		if err != nil {
			return fmt.Errorf("Feld %s: %w", path, err)
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if clearing {
					return nil
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return fmt.Errorf("Feld %s: %s hat keine Elemente", path, parent(steps[:i]))
		}
		f, ok := fieldByXMLName(v, name)
		if !ok {
			return fmt.Errorf("Feld %s: %s hat kein Element %s", path, parent(steps[:i]), name)
		}
		v = f
		if index > 0 {
			if v.Kind() != reflect.Slice {
				return fmt.Errorf("Feld %s: %s ist kein wiederholtes Element", path, name)
			}
			if v.Len() < index {
				if clearing {
					return nil
				}
				v.Set(reflect.AppendSlice(v, reflect.MakeSlice(v.Type(), index-v.Len(), index-v.Len())))
			}
			v = v.Index(index - 1)
		}
	}
	if err := at(v); err != nil {
		return fmt.Errorf("Feld %s: %w", path, err)
	}
	return nil
}

// parent names the element that the steps of a path lead to, for an error.
func parent(steps []string) string {
	if len(steps) == 0 {
		return "die Anfrage"
	}
	return strings.Join(steps, "/")
}

func splitStep(step string) (string, int, error) {
	name, rest, ok := strings.Cut(step, "[")
	if !ok {
		return step, 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	if err != nil || n < 1 {
		return "", 0, fmt.Errorf("ungültiger Index in %q", step)
	}
	return name, n, nil
}

// fieldByXMLName finds the field of struct v whose xml tag names the
// element (or, for "@Name", the attribute), looking into embedded structs.
func fieldByXMLName(v reflect.Value, step string) (reflect.Value, bool) {
	name, attr := strings.CutPrefix(step, "@")
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			if f, ok := fieldByXMLName(v.Field(i), step); ok {
				return f, true
			}
			continue
		}
		tag, opts, _ := strings.Cut(sf.Tag.Get("xml"), ",")
		if tag == name && attr == hasOption(opts, "attr") {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// hasOption reports whether an xml tag's options (after the name) hold o.
func hasOption(opts, o string) bool {
	for _, x := range strings.Split(opts, ",") {
		if x == o {
			return true
		}
	}
	return false
}

// chardata finds the field of struct v that holds its text content.
func chardata(v reflect.Value) (reflect.Value, bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if _, opts, _ := strings.Cut(t.Field(i).Tag.Get("xml"), ","); hasOption(opts, "chardata") {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func assign(v reflect.Value, value string) error {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		text, ok := chardata(v)
		if !ok {
			return errors.New("das Element nimmt keinen Text")
		}
		v = text
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(value)
	case reflect.Int:
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%q ist keine Zahl", value)
		}
		v.SetInt(int64(n))
	case reflect.Bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("%q ist weder true noch false", value)
		}
		v.SetBool(b)
	default:
		return errors.New("das Element nimmt keinen Text")
	}
	return nil
}
