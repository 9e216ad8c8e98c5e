package soap_test

import (
	"bytes"
	"encoding/xml"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// texts are the strings the random messages are made of: what XML must
// escape, what it cannot hold, and what it holds as it is.
var texts = []string{
	"", "a", "Müller-Lüdenscheidt", "K000000001", "2027-05-03", "a<b&c>d", `"'`, "\t\n\r", " x ",
	"\x00", "\x1f", "\x7f", "\xff", "a\xc3", "\xed\xa0\x80", "\uFFFD", "\uFFFE", "\uFFFF", "€😀", "]]>", "&amp;",
}

// fill sets v, of type t, to a random value: pointers nil or not, slices
// of zero to three elements, strings from texts or random bytes.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		if depth > 6 || r.IntN(3) == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), depth+1)
	case reflect.Slice:
		if depth > 6 {
			return
		}
		n := r.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(r, s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(r, v.Field(i), depth+1)
			}
		}
	case reflect.String:
		if r.IntN(4) == 0 {
			b := make([]byte, r.IntN(8))
			for i := range b {
				b[i] = byte(r.UintN(256))
			}
			v.SetString(string(b))
			return
		}
		v.SetString(texts[r.IntN(len(texts))])
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt([]int64{0, 1, -1, 42, math.MaxInt8, math.MinInt8}[r.IntN(6)])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	}
}

// sameAsEncodingXML encodes body by Encode and by encoding/xml, and fails
// t unless both write the same bytes.
func sameAsEncodingXML(t *testing.T, body any) {
	t.Helper()
	var planned, reflective bytes.Buffer
	errP := soap.Encode(&planned, nil, body)
	errR := soap.EncodeReflective(&reflective, nil, body)
	if (errP == nil) != (errR == nil) {
		t.Fatalf("Encode(%#v): error %v; encoding/xml: %v", body, errP, errR)
	}
	if !bytes.Equal(planned.Bytes(), reflective.Bytes()) {
		t.Fatalf("Encode(%#v) =\n%s\nencoding/xml writes\n%s", body, planned.Bytes(), reflective.Bytes())
	}
}

// Every request and response of the contract has a plan, and its plan
// writes what encoding/xml writes, for random messages of every type.
func TestPlanWritesAsEncodingXML(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, p := range inge.Procedures() {
		for _, msg := range []any{p.NewRequest(), p.NewResponse()} {
			typ := reflect.TypeOf(msg)
			t.Run(typ.Elem().Name(), func(t *testing.T) {
				if !soap.HasPlan(typ) {
					t.Fatalf("%s has no plan: Encode writes it with encoding/xml", typ)
				}
				sameAsEncodingXML(t, msg)                           // empty
				sameAsEncodingXML(t, reflect.Zero(typ).Interface()) // a nil pointer: an empty Body
				for range 300 {
					v := reflect.New(typ.Elem())
					fill(r, v.Elem(), 0)
					sameAsEncodingXML(t, v.Interface())
					sameAsEncodingXML(t, v.Elem().Interface()) // a struct, not a pointer
				}
			})
		}
	}
}

type (
	planInner struct {
		N  int8    `xml:"N,omitempty"`
		On bool    `xml:"On"`
		S  *string `xml:"S"`
	}
	planBase struct {
		Eins string `xml:"Eins"`
	}
	planned struct {
		XMLName xml.Name `xml:"urn:test Planned"`
		ID      int      `xml:"id,attr,omitempty"`
		Art     string   `xml:"Art,attr"`
		planBase
		Text    string       `xml:",chardata"`
		Inner   planInner    `xml:"Inner,omitempty"`
		Inners  []*planInner `xml:"Inners,omitempty"`
		Liste   []string     `xml:"Liste"`
		Leer    []string     `xml:"Leer,omitempty"`
		Zahl    *int         `xml:"Zahl,omitempty"`
		skip    string
		Weg     string `xml:"-"`
		Default string
	}
	byMethod  struct{ V string }
	withMarsh struct {
		XMLName xml.Name `xml:"urn:test M"`
		M       byMethod `xml:"M"`
	}
	withInner struct {
		XMLName xml.Name `xml:"urn:test I"`
		Raw     string   `xml:",innerxml"`
	}
	withPath struct {
		XMLName xml.Name `xml:"urn:test P"`
		A       string   `xml:"a>b"`
	}
	withPointerBase struct {
		XMLName xml.Name `xml:"urn:test PB"`
		*planBase
	}
	withConflict struct {
		XMLName xml.Name `xml:"urn:test C"`
		planBase
		Eins string `xml:"Eins"`
	}
	withAny struct {
		XMLName xml.Name `xml:"urn:test A"`
		V       any      `xml:"V"`
	}
	withBytes struct {
		XMLName xml.Name `xml:"urn:test B"`
		V       []byte   `xml:"V"`
	}
	withFloat struct {
		XMLName xml.Name `xml:"urn:test F"`
		V       float64  `xml:"V"`
	}
	withNamedChild struct {
		XMLName xml.Name `xml:"urn:test N"`
		E       echo     `xml:"E"`
	}
	withoutSpace struct {
		XMLName xml.Name `xml:"W"`
	}
)

func (m byMethod) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement("by method: "+m.V, start)
}

// A plan covers what the contract uses and what encoding/xml writes the
// same way; anything else it leaves to encoding/xml, which writes it as
// before.
func TestPlanCoversOrLeaves(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	tests := []struct {
		name string
		typ  reflect.Type
		plan bool
	}{
		{"Covered", reflect.TypeFor[planned](), true},
		{"Echo", reflect.TypeFor[echo](), true},
		{"Marshaler", reflect.TypeFor[withMarsh](), false},
		{"Innerxml", reflect.TypeFor[withInner](), false},
		{"Path", reflect.TypeFor[withPath](), false},
		{"EmbeddedPointer", reflect.TypeFor[withPointerBase](), false},
		{"ConflictingNames", reflect.TypeFor[withConflict](), false},
		{"Interface", reflect.TypeFor[withAny](), false},
		{"Bytes", reflect.TypeFor[withBytes](), false},
		{"Float", reflect.TypeFor[withFloat](), false},
		{"ChildNamedByXMLName", reflect.TypeFor[withNamedChild](), false},
		{"RootWithoutNamespace", reflect.TypeFor[withoutSpace](), false},
		{"Fault", reflect.TypeFor[soap.Fault](), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := soap.HasPlan(tt.typ); got != tt.plan {
				t.Errorf("HasPlan(%s) = %v; want %v", tt.typ, got, tt.plan)
			}
			for range 200 {
				v := reflect.New(tt.typ)
				fill(r, v.Elem(), 0)
				if tt.typ == reflect.TypeFor[withAny]() {
					v.Elem().Field(1).Set(reflect.ValueOf(texts[r.IntN(len(texts))]))
				}
				sameAsEncodingXML(t, v.Interface())
			}
		})
	}
}

// Escaping, one character at a time, agrees with encoding/xml for every
// rune of the Basic Multilingual Plane and a few beyond, and for bytes
// that are no UTF-8.
func TestPlanEscapesAsEncodingXML(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0x10000; r++ {
		b.WriteRune(r)
	}
	for _, r := range []rune{0x10000, 0x1F600, 0x10FFFF} {
		b.WriteRune(r)
	}
	for c := 0x80; c < 0x100; c++ {
		b.WriteByte(byte(c))
		b.WriteString("a")
	}
	sameAsEncodingXML(t, &echo{Text: b.String()})
}

// The fields of an embedded struct of an unexported type are written in
// its place, as encoding/xml writes them (fill cannot set them).
func TestPlanEmbedsUnexportedStruct(t *testing.T) {
	sameAsEncodingXML(t, &planned{planBase: planBase{Eins: "a<b"}, Default: "d"})
}
