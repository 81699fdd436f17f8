package main

import (
	"context"
	"fmt"
	"strings"

	"playbook/generator/pipeline"
)

func runCheck(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "check")
	var opts pipeline.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder (holds site.yaml and content/)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on warnings too (for CI)")
	timings := fs.Bool("timings", false, "print how long each stage took")
	quiet := fs.Bool("quiet", false, "no progress line on a terminal (the summary stays)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, fs, "check takes no arguments, got %q", strings.Join(pos, " "))
	}
	opts.Minify = true // check what build would publish
	tuneForOneRun()
	var stopProgress func()
	opts.Progress, stopProgress = startProgress(e.stderr, "check", *quiet)
	res, err := pipeline.Check(ctx, opts)
	stopProgress()
	exit := report(e, "check", res, err, opts.Strict)
	if *timings && res != nil {
		fmt.Fprintln(e.stderr, "timings:", res.Timings)
	}
	return exit
}
