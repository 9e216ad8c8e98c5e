package certrun

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// setField sets the field at an XML path of a message, such as
// Kursplanung/Teilnehmer[1]/Ident/Geburtsdatum (indexes are 1-based, as in
// Meldung.Feld). It allocates pointers on the way and converts value to
// the field's type. clear sets the field to its zero value instead, which
// removes the element from the request.
func setField(msg any, path, value string, clear bool) error {
	v := reflect.ValueOf(msg)
	steps := strings.Split(path, "/")
	for i, step := range steps {
		name, index, err := splitStep(step)
		if err != nil {
			return fmt.Errorf("Feld %s: %w", path, err)
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
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
				if clear {
					return nil // nothing to remove
				}
				v.Set(reflect.AppendSlice(v, reflect.MakeSlice(v.Type(), index-v.Len(), index-v.Len())))
			}
			v = v.Index(index - 1)
		}
		if i == len(steps)-1 {
			if clear {
				v.Set(reflect.Zero(v.Type()))
				return nil
			}
			return assign(v, value)
		}
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

// fieldByXMLName finds the field of struct v whose xml tag names the element,
// looking into embedded structs.
func fieldByXMLName(v reflect.Value, name string) (reflect.Value, bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			if f, ok := fieldByXMLName(v.Field(i), name); ok {
				return f, true
			}
			continue
		}
		tag, _, _ := strings.Cut(sf.Tag.Get("xml"), ",")
		if tag == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func assign(v reflect.Value, value string) error {
	if v.Kind() == reflect.Pointer {
		v.Set(reflect.New(v.Type().Elem()))
		v = v.Elem()
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
