// Package cli holds what the command lines of mockinge and certrunner
// share: a usage error is one German line on stderr and exit status 2,
// -h prints the help on stdout, and -version names the build.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// ErrUsage marks a usage error: the command has printed one line saying
// what is wrong and exits with status 2.
var ErrUsage = errors.New("falscher Aufruf")

// Usagef prints one usage line, "tool: reason (tool -h zeigt alle
// Optionen)", and returns an error wrapping ErrUsage.
func Usagef(stderr io.Writer, tool, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(stderr, "%s: %s (%s -h zeigt alle Optionen)\n", tool, msg, tool)
	return fmt.Errorf("%w: %s", ErrUsage, msg)
}

// Parse parses args with fset, whose Usage prints the help to its output.
// -h and -help print the help on stdout and return flag.ErrHelp; a flag
// that is unknown or has a bad value, or an argument left over, is one line
// on stderr (Usagef).
func Parse(fset *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	fset.SetOutput(io.Discard) // the flag package's English line and the whole help are not wanted
	err := fset.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fset.SetOutput(stdout)
		fset.Usage()
		return err
	case err != nil:
		return Usagef(stderr, fset.Name(), "%s", german(err.Error()))
	case fset.NArg() > 0:
		return Usagef(stderr, fset.Name(), "unerwartete Argumente %q", fset.Args())
	}
	return nil
}

// PrintDefaults writes the help of every flag of fset, as
// flag.PrintDefaults does, in German: the kind of value and "Vorgabe" for
// the default.
func PrintDefaults(fset *flag.FlagSet) {
	w := fset.Output()
	fset.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if k := kinds[kind]; k != "" {
			line += " " + k
		} else if kind != "" {
			line += " " + kind
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			if kind == "string" {
				d = strconv.Quote(d)
			}
			line += " (Vorgabe " + d + ")"
		}
		fmt.Fprintln(w, line)
	})
}

// kinds names the kinds of value in German.
var kinds = map[string]string{"string": "Text", "int": "Zahl", "int64": "Zahl", "uint": "Zahl", "float": "Zahl", "duration": "Dauer", "value": "Wert"}

// flagMessages translates the errors of the flag package.
var flagMessages = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-\S+)$`), "unbekannte Option $1"},
	{regexp.MustCompile(`^flag needs an argument: (-\S+)$`), "die Option $1 braucht einen Wert"},
	{regexp.MustCompile(`^invalid boolean value ("[^"]*") for (-\S+): .*$`), "ungültiger Wert $1 für $2: erwartet true oder false"},
	{regexp.MustCompile(`^invalid boolean flag (\S+): .*$`), "ungültiger Wert für -$1: erwartet true oder false"},
	{regexp.MustCompile(`^invalid value ("[^"]*") for flag (-\S+): (.*)$`), "ungültiger Wert $1 für $2 ($3)"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "unverständliche Option $1"},
}

// flagReasons translates the reasons the flag package gives for a number.
var flagReasons = strings.NewReplacer("(parse error)", "(keine Zahl)", "(value out of range)", "(außerhalb des Wertebereichs)")

func german(msg string) string {
	for _, m := range flagMessages {
		if m.re.MatchString(msg) {
			return flagReasons.Replace(m.re.ReplaceAllString(msg, m.repl))
		}
	}
	return msg
}
