package main

import (
	"context"
	"fmt"
)

func runServe(_ context.Context, e *env, args []string) int {
	fs := newFlags(e, "serve")
	if _, code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	fmt.Fprintln(e.stderr, "playbook: serve is not built yet; run 'playbook build' and open public/index.html")
	return exitUsage
}
