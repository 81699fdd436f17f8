package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"playbook/generator/pipeline"
)

func runCheck(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "check")
	var opts pipeline.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder (holds site.yaml and content/)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on warnings too (for CI)")
	fs.BoolVar(&opts.NoGitDates, "no-git-dates", false, "take updated from front matter only, not from the last git commit of each page")
	reportFile := fs.String("report", "", "write the answer-readiness report to FILE.html or FILE.json")
	stale := fs.Bool("stale", false, "list the pages due for review by the end of this month")
	timings := fs.Bool("timings", false, "print how long each stage took")
	quiet := fs.Bool("quiet", false, "no progress line on a terminal (the summary stays)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, fs, "check takes no arguments, got %q", strings.Join(pos, " "))
	}
	if *reportFile != "" && reportFormat(*reportFile) == "" {
		return usageError(e, fs, "--report %q must end in .html or .json", *reportFile)
	}
	opts.Minify = true // check what build would publish
	tuneForOneRun()
	var stopProgress func()
	opts.Progress, stopProgress = startProgress(e.stderr, "check", *quiet)
	res, err := pipeline.Check(ctx, opts)
	stopProgress()
	exit := report(e, "check", res, err, opts.Strict)
	if *reportFile != "" {
		if err := writeReport(e, *reportFile, res, time.Now()); err != nil {
			fmt.Fprintf(e.stderr, "playbook: cannot write the report: %v\n", err)
			exit = exitContent
		}
	}
	if *stale && res != nil {
		printStale(e.stdout, res.Site, time.Now())
	}
	if *timings && res != nil {
		fmt.Fprintln(e.stderr, "timings:", res.Timings)
	}
	return exit
}
