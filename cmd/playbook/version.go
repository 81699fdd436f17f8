package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version and commit are set at link time (make dist: -ldflags "-X
// main.version=v1.2.3 -X main.commit=abc123"); a `go install` build falls
// back to the module version and the VCS revision Go stamps.
var version, commit = "", ""

func runVersion(_ context.Context, e *env, args []string) int {
	fs := newFlags(e, "version")
	if _, code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	fmt.Fprintf(e.stdout, "playbook %s (commit %s, %s %s/%s)\n", versionString(), commitString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

func commitString() string {
	if commit != "" {
		return commit
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return s.Value[:12]
			}
		}
	}
	return "unknown"
}

func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
