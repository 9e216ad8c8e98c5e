package cli_test

import (
	"errors"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/inge-harness/inge-harness/internal/cli"
)

func newFlags() *flag.FlagSet {
	fset := flag.NewFlagSet("werkzeug", flag.ContinueOnError)
	fset.String("name", "x", "ein Name")
	fset.Int("zahl", 3, "eine Zahl")
	fset.Bool("an", false, "ein Schalter")
	fset.Duration("dauer", time.Second, "eine Dauer")
	fset.Usage = func() { cli.PrintDefaults(fset) }
	return fset
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // the one line on stderr
	}{
		{"Unknown", []string{"-nope"}, "werkzeug: unbekannte Option -nope (werkzeug -h zeigt alle Optionen)\n"},
		{"NoValue", []string{"-name"}, "werkzeug: die Option -name braucht einen Wert (werkzeug -h zeigt alle Optionen)\n"},
		{"NotANumber", []string{"-zahl", "drei"}, `werkzeug: ungültiger Wert "drei" für -zahl (keine Zahl) (werkzeug -h zeigt alle Optionen)` + "\n"},
		{"BadBool", []string{"-an=vielleicht"}, `werkzeug: ungültiger Wert "vielleicht" für -an: erwartet true oder false (werkzeug -h zeigt alle Optionen)` + "\n"},
		{"Arguments", []string{"los"}, `werkzeug: unerwartete Argumente ["los"] (werkzeug -h zeigt alle Optionen)` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			err := cli.Parse(newFlags(), tt.args, &stdout, &stderr)
			if !errors.Is(err, cli.ErrUsage) {
				t.Errorf("Parse(%q) = %v; want ErrUsage", tt.args, err)
			}
			if stderr.String() != tt.want || stdout.Len() != 0 {
				t.Errorf("stderr = %q, stdout = %q; want %q and nothing", stderr.String(), stdout.String(), tt.want)
			}
		})
	}
}

func TestParseHelp(t *testing.T) {
	var stdout, stderr strings.Builder
	if err := cli.Parse(newFlags(), []string{"-h"}, &stdout, &stderr); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("Parse(-h) = %v; want flag.ErrHelp", err)
	}
	for _, want := range []string{"  -name Text\n    \tein Name (Vorgabe \"x\")\n", "  -zahl Zahl\n    \teine Zahl (Vorgabe 3)\n", "  -an\n    \tein Schalter\n", "  -dauer Dauer\n    \teine Dauer (Vorgabe 1s)\n"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, stdout.String())
		}
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr = %q; want nothing", stderr.String())
	}
}
