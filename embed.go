// Package harness embeds the data shared by mockinge and certrunner: the
// Testdatenpaket (and, later, the test concept).
package harness

import (
	"embed"
	"io/fs"
)

//go:embed testdata/testdatenpaket
var testdatenpaket embed.FS

// Testdatenpaket returns the embedded Testdatenpaket, rooted at its top
// directory (traeger.json, lehrwerke.json, faelle/). The file system is
// read-only; every call returns a view of the same immutable data.
func Testdatenpaket() fs.FS {
	fsys, err := fs.Sub(testdatenpaket, "testdata/testdatenpaket")
	if err != nil {
		// fs.Sub fails only for an invalid path, and this one is a constant.
		panic(err)
	}
	return fsys
}
