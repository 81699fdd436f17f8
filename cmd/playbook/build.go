package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/pipeline"
)

func runBuild(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "build")
	var opts pipeline.Options
	noMinify := false
	fs.StringVar(&opts.Source, "source", ".", "site folder (holds site.yaml and content/)")
	fs.StringVar(&opts.Dest, "dest", "", "output folder (default SOURCE/public)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "absolute URL the site is published at (overrides base_url)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&noMinify, "no-minify", false, "write HTML, CSS, JS, JSON, SVG and XML as rendered")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on warnings too")
	fs.BoolVar(&opts.NoGitDates, "no-git-dates", false, "take updated from front matter only, not from the last git commit of each page")
	timings := fs.Bool("timings", false, "print how long each stage took")
	quiet := fs.Bool("quiet", false, "no progress line on a terminal (the summary stays)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, fs, "build takes no arguments, got %q", strings.Join(pos, " "))
	}
	opts.Minify = !noMinify
	opts.CacheDir = pipeline.CacheDir(opts.Source)
	tuneForOneRun()
	var stopProgress func()
	opts.Progress, stopProgress = startProgress(e.stderr, "build", *quiet)
	res, err := pipeline.Build(ctx, opts)
	stopProgress()
	exit := report(e, "build", res, err, opts.Strict)
	if *timings && res != nil {
		fmt.Fprintln(e.stderr, "timings:", res.Timings)
		fmt.Fprintln(e.stderr, "media:", res.Media)
	}
	return exit
}

// report prints a run's problems and summary line and returns the exit
// status.
func report(e *env, verb string, res *pipeline.Result, err error, strict bool) int {
	if res != nil {
		for _, n := range res.Notes {
			fmt.Fprintln(e.stderr, "playbook: "+n)
		}
		printProblems(e, res.Problems)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(e.stderr, "playbook: %s interrupted; the output folder was left as it was\n", verb)
			return exitContent
		}
		fmt.Fprintf(e.stderr, "playbook: %s failed: %v\n", verb, err)
		return exitContent
	}
	if res.Failed(strict) {
		errs, warns := res.Problems.Count()
		fmt.Fprintf(e.stderr, "playbook: %s failed: %s, %s%s\n", verb, plural(errs, "error"), plural(warns, "warning"), strictNote(strict, errs))
		return exitContent
	}
	fmt.Fprintln(e.stdout, summary(verb, res))
	return exitOK
}

func strictNote(strict bool, errs int) string {
	if strict && errs == 0 {
		return " (--strict counts warnings as errors)"
	}
	return ""
}

func printProblems(e *env, probs diag.List) {
	for _, p := range probs {
		fmt.Fprintln(e.stderr, p.String())
	}
}

// summary is the one line a successful build prints: pages by kind, files
// written, warnings, time.
func summary(verb string, res *pipeline.Result) string {
	_, warns := res.Problems.Count()
	total := 0
	var kinds []string
	for k, n := range res.Pages {
		total += n
		kinds = append(kinds, fmt.Sprintf("%d %s", n, k))
	}
	sort.Slice(kinds, func(i, j int) bool { return kindOrder(kinds[i]) < kindOrder(kinds[j]) })
	line := fmt.Sprintf("playbook %s: %d pages (%s), %s, %s in %s", verb, total, strings.Join(kinds, ", "),
		plural(res.Files, "file"), plural(warns, "warning"), res.Elapsed.Round(time.Millisecond))
	if res.Dest != "" {
		line += " -> " + res.Dest
	}
	return line
}

// kindOrder sorts "12 guide" entries: content kinds in the order the
// README lists them, then list kinds.
func kindOrder(entry string) int {
	_, kind, _ := strings.Cut(entry, " ")
	order := append(append([]string(nil), model.ContentKinds...), "home", "section", "taxonomy", "term")
	for i, k := range order {
		if k == kind {
			return i
		}
	}
	return len(order)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
