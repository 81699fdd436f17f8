package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); a
// `go install` build falls back to the module version.
var version = ""

func runVersion(_ context.Context, e *env, args []string) int {
	fs := newFlags(e, "version")
	if _, code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	fmt.Fprintf(e.stdout, "playbook %s (%s %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
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
