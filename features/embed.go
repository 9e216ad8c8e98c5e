// Package features embeds the test concept: the acceptance procedure as German
// Gherkin, run by certrunner through its own client, and the Testfallheft
// that a vendor's software performs (abnahme/, certrunner -abnahme).
package features

import "embed"

// FS holds the *.feature files.
//
//go:embed *.feature
var FS embed.FS

// Abnahme holds the Testfallheft, abnahme/*.feature: one scenario per test
// case, performed by the vendor's product and judged from its traffic.
//
//go:embed abnahme/*.feature
var Abnahme embed.FS
