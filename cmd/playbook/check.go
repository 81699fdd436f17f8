package main

import (
	"context"
	"strings"

	"playbook/generator/build"
)

func runCheck(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "check")
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder (holds site.yaml and content/)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on warnings too (for CI)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, fs, "check takes no arguments, got %q", strings.Join(pos, " "))
	}
	opts.Minify = true // check what build would publish
	res, err := build.Check(ctx, opts)
	return report(e, "check", res, err, opts.Strict)
}
