// Package buildinfo names the build of a tool: its version and Git commit.
// scripts/release stamps both in with -ldflags -X; a build without them
// (go build, go install) falls back to what the go command recorded in the
// binary, and go run records no commit at all.
package buildinfo

import (
	"runtime"
	"runtime/debug"
)

// Set at link time by scripts/release, e.g.
//
//	-X github.com/inge-harness/inge-harness/internal/buildinfo.version=v0.2.0
//	-X github.com/inge-harness/inge-harness/internal/buildinfo.commit=<40 hex digits>
//
// They are fixed for the life of the binary; nothing assigns them at run
// time.
var (
	version string
	commit  string
)

// Info is the identity of the running build.
type Info struct {
	// Version is the release version ("v0.2.0"), the module version of a
	// go install, or "(devel)".
	Version string
	// Commit is the full Git commit; empty when the build recorded none
	// (go run, or -buildvcs=false).
	Commit string
	// Modified reports a build from a work tree with changes not
	// committed; only the go command's own stamp knows it.
	Modified bool
	// Go is the toolchain, Platform GOOS/GOARCH.
	Go, Platform string

	deps map[string]string
}

// Read returns the identity of the running build.
func Read() Info {
	i := Info{Version: version, Commit: commit, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH, deps: map[string]string{}}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if i.Version == "" {
			i.Version = bi.Main.Version
		}
		if i.Commit == "" {
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					i.Commit = s.Value
				case "vcs.modified":
					i.Modified = s.Value == "true"
				}
			}
		}
		for _, d := range bi.Deps {
			i.deps[d.Path] = d.Version
		}
	}
	if i.Version == "" {
		i.Version = "(devel)"
	}
	return i
}

// Dep returns the version of a module the binary was built with, or "".
func (i Info) Dep(path string) string { return i.deps[path] }

// ShortCommit is the first twelve digits of the commit, or "".
func (i Info) ShortCommit() string { return i.Commit[:min(len(i.Commit), 12)] }

// CommitText says which commit the build is of, in German, also when it
// is not known and why.
func (i Info) CommitText() string {
	switch {
	case i.Commit == "":
		return "Commit unbekannt (go run trägt keinen ein; go build im Git-Checkout oder scripts/release tun es)"
	case i.Modified:
		return "Commit " + i.ShortCommit() + " mit lokalen Änderungen"
	}
	return "Commit " + i.ShortCommit()
}

// String is the line -version prints: "mockinge v0.2.0, Commit
// 1a2b3c4d5e6f, go1.26.8 linux/amd64".
func (i Info) String(tool string) string {
	return tool + " " + i.Version + ", " + i.CommitText() + ", " + i.Go + " " + i.Platform
}
