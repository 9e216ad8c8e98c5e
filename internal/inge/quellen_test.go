package inge_test

import (
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

const quellenHeader = "Schluessel\tArt\tTitel\tAdresse\n"

func TestParseQuellenRejects(t *testing.T) {
	tests := map[string]string{
		"ErrColumns":   "ITM\tSeed\titm:MANAGER\n",
		"ErrDupKey":    "ITM\tSeed\tT\thttps://a\nITM\tSeed\tT\thttps://b\n",
		"ErrArt":       "ITM\tBlog\tT\thttps://a\n",
		"ErrKeyForm":   "ITM 10.4\tSeed\tT\thttps://a\n",
		"ErrKeyPrefix": "quelle:ITM\tSeed\tT\thttps://a\n",
		"ErrKeyGuess":  "rekonstruiert\tSeed\tT\thttps://a\n",
		"ErrNoTitel":   "ITM\tSeed\t\thttps://a\n",
		"ErrNoAdresse": "ITM\tSeed\tT\t\n",
	}
	for name, rows := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := inge.ParseQuellen(strings.NewReader(quellenHeader + rows)); err == nil {
				t.Errorf("ParseQuellen() error = nil; want an error")
			}
		})
	}
}

// The register holds the two seeds, the Destatis lists the code list STAAT
// is taken from, and every entry is complete.
func TestDefaultQuellen(t *testing.T) {
	q := inge.DefaultQuellen()
	for _, key := range []string{"ITM", "BAMF-KT", "DESTATIS-STAATSANGEHOERIGKEIT", "DESTATIS-STAAT"} {
		if _, ok := q.Lookup(key); !ok {
			t.Errorf("register lacks %s", key)
		}
	}
	for _, key := range []string{"ITM", "BAMF-KT"} {
		if s, _ := q.Lookup(key); s.Art != inge.ArtSeed {
			t.Errorf("%s: Art = %q; want %q", key, s.Art, inge.ArtSeed)
		}
	}
	if _, ok := q.Lookup("inge-public-facts"); ok {
		t.Errorf("register holds inge-public-facts, the name of the facts file, not a source")
	}
	for _, s := range q.All() {
		if s.Titel == "" || s.Adresse == "" {
			t.Errorf("%s is incomplete: %+v", s.Schluessel, s)
		}
	}
}

func TestParseHerkunft(t *testing.T) {
	q := inge.DefaultQuellen()
	tests := []struct {
		in, prefix string
		want       inge.Herkunft
		ok         bool
	}{
		{"quelle:ITM", "quelle:", inge.Herkunft{Quelle: "ITM"}, true},
		{"quelle:KLARO-AN rekonstruiert", "quelle:", inge.Herkunft{Quelle: "KLARO-AN", Rekonstruiert: true}, true},
		{"rekonstruiert", "quelle:", inge.Herkunft{Rekonstruiert: true}, true},
		{"ITM", "", inge.Herkunft{Quelle: "ITM"}, true},
		{"CMX-SYS rekonstruiert", "", inge.Herkunft{Quelle: "CMX-SYS", Rekonstruiert: true}, true},
		{"rekonstruiert", "", inge.Herkunft{Rekonstruiert: true}, true},

		{"quelle:inge-public-facts", "quelle:", inge.Herkunft{}, false}, // not in the register
		{"quelle:NIEMAND", "quelle:", inge.Herkunft{}, false},
		{"ITM", "quelle:", inge.Herkunft{}, false}, // prefix missing
		{"quelle:ITM 10.4", "quelle:", inge.Herkunft{}, false},
		{"quelle:ITM geraten", "quelle:", inge.Herkunft{}, false},
		{"quelle:", "quelle:", inge.Herkunft{}, false},
		{"", "", inge.Herkunft{}, false},
		{"Rekonstruiert", "", inge.Herkunft{}, false},
	}
	for _, tt := range tests {
		got, err := q.ParseHerkunft(tt.in, tt.prefix)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseHerkunft(%q, %q) = %+v, %v; want %+v, ok %v", tt.in, tt.prefix, got, err, tt.want, tt.ok)
		}
	}
	if !(inge.Herkunft{Quelle: "ITM"}).Sourced() || (inge.Herkunft{Quelle: "ITM", Rekonstruiert: true}).Sourced() || (inge.Herkunft{Rekonstruiert: true}).Sourced() {
		t.Errorf("Sourced() is true only for a source without rekonstruiert")
	}
}
