package inge

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fill populates every field of v (a pointer to a message) with a valid value,
// driven by the schema: code-list fields get a listed key, dates a date, and
// so on; repeated elements get two items. It is how the contract tests reach
// every field without listing them by hand.
func fill(t *testing.T, v any, typ string) {
	t.Helper()
	f := &filler{t: t, s: defaultSchema()}
	f.complex(reflect.ValueOf(v).Elem(), typ)
}

type filler struct {
	t *testing.T
	s *schema
}

func (f *filler) complex(v reflect.Value, typ string) {
	ct := f.s.complex[typ]
	fields := fieldsOfType(v.Type())
	if ct.text != nil {
		v.FieldByIndex(fields.chardata).SetString(f.simple(ct.text.name, ""))
		for _, a := range ct.attrs {
			v.FieldByIndex(fields.attrs[a.name]).SetString(f.simple(a.typeName, ""))
		}
		return
	}
	for i, d := range ct.elems {
		if ct.choice && i > 0 {
			break
		}
		idx, ok := fields.elems[d.name]
		if !ok {
			f.t.Fatalf("%s: no Go field for element %s", typ, d.name)
		}
		fv := v.FieldByIndex(idx)
		n := 1
		if fv.Kind() == reflect.Slice {
			n = 2
			if d.max >= 0 && d.max < n {
				n = d.max
			}
			fv.Set(reflect.MakeSlice(fv.Type(), n, n))
		}
		for j := 0; j < n; j++ {
			item := fv
			if fv.Kind() == reflect.Slice {
				item = fv.Index(j)
			}
			f.value(item, d, j)
		}
	}
}

func (f *filler) value(v reflect.Value, d *elemDecl, j int) {
	if v.Kind() == reflect.Pointer {
		v.Set(reflect.New(v.Type().Elem()))
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		f.complex(v, d.typeName)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(int64(3 + j))
	case reflect.String:
		v.SetString(f.simple(d.typeName, d.codeliste))
	default:
		f.t.Fatalf("element %s: unexpected kind %s", d.name, v.Kind())
	}
}

func (f *filler) simple(typ, codeliste string) string {
	if codeliste != "" {
		l, ok := CodelisteByID(codeliste)
		if !ok {
			f.t.Fatalf("unknown code list %s", codeliste)
		}
		return l.Codes[len(l.Codes)-1].Schluessel
	}
	switch typ {
	case "xs:date":
		return "2027-03-01"
	case "xs:gYear":
		return "2019"
	case "xs:string":
		return "Wert"
	}
	st := f.s.simple[typ]
	switch {
	case len(st.enum) > 0:
		return st.enum[len(st.enum)-1]
	case typ == "Traegernummer":
		return "10000001"
	case typ == "Uhrzeit":
		return "08:30"
	case typ == "Email":
		return "pruefung@example.org"
	}
	return "Wert-Ä"
}

// messages returns a filled request and response of every procedure.
func messages(t *testing.T) map[string]any {
	t.Helper()
	s := defaultSchema()
	out := map[string]any{}
	for _, p := range Procedures() {
		req := p.NewRequest()
		fill(t, req, s.roots[p.Name].typeName)
		out[p.Name] = req
		resp := p.NewResponse()
		fill(t, resp, s.roots[p.Name+"Response"].typeName)
		out[p.Name+"Response"] = resp
	}
	return out
}

func TestEveryFieldOfEveryMessageRoundTrips(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for name, msg := range messages(t) {
		b, err := xml.MarshalIndent(msg, "", "  ")
		if err != nil {
			t.Fatalf("marshal %s: %v", name, err)
		}
		file := filepath.Join(dir, name+".xml")
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)

		back := reflect.New(reflect.TypeOf(msg).Elem()).Interface()
		if err := xml.Unmarshal(b, back); err != nil {
			t.Fatalf("unmarshal %s: %v", name, err)
		}
		again, err := xml.MarshalIndent(back, "", "  ")
		if err != nil {
			t.Fatalf("marshal decoded %s: %v", name, err)
		}
		if !bytes.Equal(b, again) {
			t.Errorf("%s does not survive a round trip:\n got %s\nwant %s", name, again, b)
		}
		if req, ok := msg.(Request); ok {
			if c, err := Check(req); err != nil || len(c.Befunde()) > 0 {
				t.Errorf("Check(filled %s) = %v, %v; want no findings", name, c.Befunde(), err)
			}
		}
	}
	xmllintValidate(t, files)
}

// xmllintValidate validates files against the XSD with libxml2's xmllint, an
// implementation independent of this package.
func xmllintValidate(t *testing.T, files []string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint not found (Debian package libxml2-utils); CI must install it")
		}
		t.Skip("xmllint not found; install libxml2-utils")
	}
	xsd := filepath.Join(t.TempDir(), XSDName)
	if err := os.WriteFile(xsd, XSD(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--noout", "--schema", xsd}, files...)
	out, err := exec.Command(xmllint, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint rejects messages: %v\n%s", err, out)
	}
	if n := bytes.Count(out, []byte(" validates")); n != len(files) {
		t.Fatalf("xmllint validated %d of %d files:\n%s", n, len(files), out)
	}
}

// TestGoTypesMatchSchema walks every Go type reachable from the messages and
// compares it with the XSD type of the same name: same elements, same order.
// Together with the round trip it keeps the contract and the code in step.
func TestGoTypesMatchSchema(t *testing.T) {
	s := defaultSchema()
	seen := map[string]bool{}
	var walk func(rt reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || rt == reflect.TypeOf(xml.Name{}) || seen[rt.Name()] {
			return
		}
		seen[rt.Name()] = true
		ct, ok := s.complex[rt.Name()]
		if !ok {
			t.Errorf("Go type %s has no XSD complexType", rt.Name())
			return
		}
		if ct.text != nil {
			return
		}
		var goNames []string
		var collect func(rt reflect.Type)
		collect = func(rt reflect.Type) {
			for i := 0; i < rt.NumField(); i++ {
				sf := rt.Field(i)
				if sf.Anonymous {
					seen[sf.Type.Name()] = true
					collect(sf.Type)
					continue
				}
				name, _, _ := strings.Cut(sf.Tag.Get("xml"), ",")
				if sf.Type == reflect.TypeOf(xml.Name{}) || name == "" {
					continue
				}
				goNames = append(goNames, name)
				walk(sf.Type)
			}
		}
		collect(rt)
		xsdNames := ct.names()
		if strings.Join(goNames, ",") != strings.Join(xsdNames, ",") {
			t.Errorf("%s:\n Go  %v\n XSD %v", rt.Name(), goNames, xsdNames)
		}
	}
	for _, p := range Procedures() {
		walk(reflect.TypeOf(p.NewRequest()))
		walk(reflect.TypeOf(p.NewResponse()))
	}
	// The Fault detail is encoded by soap.Detail; its elements must be those
	// of Fehler, and those of soap.Deviation those of Abweichung.
	for _, name := range []string{"Fehler", "Abweichung"} {
		seen[name] = true
	}
	if got := strings.Join(s.complex["Fehler"].names(), ","); got != "Code,Text,Feld,Abweichung" {
		t.Errorf("XSD Fehler has elements %s; soap.Detail writes Code,Text,Feld,Abweichung", got)
	}
	if got := strings.Join(s.complex["Abweichung"].names(), ","); got != "Feld,Text" {
		t.Errorf("XSD Abweichung has elements %s; soap.Deviation writes Feld,Text", got)
	}
	for name := range s.complex {
		if !seen[name] {
			t.Errorf("XSD complexType %s has no Go type reachable from the messages", name)
		}
	}
}

// goFields maps the XML names of a struct's fields (embedded structs
// flattened) to their index paths.
type goFields struct {
	elems    map[string][]int
	attrs    map[string][]int
	chardata []int
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
		name, opts, _ := strings.Cut(sf.Tag.Get("xml"), ",")
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
