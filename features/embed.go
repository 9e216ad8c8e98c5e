// Package features embeds the test concept: the acceptance procedure as German
// Gherkin, run by certrunner.
package features

import "embed"

// FS holds the *.feature files.
//
//go:embed *.feature
var FS embed.FS
