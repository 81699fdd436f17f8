package serve

import (
	"context"
	"errors"
	"fmt"
	"time"

	"playbook/generator/diag"
	"playbook/generator/incremental"
	"playbook/generator/watch"
)

// loop builds the site, then rebuilds it for every batch of changes.
type loop struct {
	live *incremental.Live
	srv  *Server
	w    *watch.Watcher
	opts Options
}

// run does the first build and then rebuilds until ctx is cancelled or the
// watcher stops.
func (l *loop) run(ctx context.Context, url string) error {
	fmt.Fprintf(l.opts.Stdout, "playbook serve: building %s…\n", l.opts.Source)
	up, err := l.live.Build(ctx)
	if err != nil {
		return ignoreCancel(err)
	}
	l.publish(up)
	l.firstReport(up, url)
	if l.opts.Ready != nil {
		l.opts.Ready(url)
	}
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(l.opts.Stdout, "playbook serve: stopped")
			return nil
		case err := <-l.w.Errors():
			fmt.Fprintf(l.opts.Stderr, "playbook serve: watching: %v\n", err)
		case b, ok := <-l.w.Batches():
			if !ok {
				return nil
			}
			if err := l.rebuildUntilSettled(ctx, drain(l.w.Batches(), b)); err != nil {
				return ignoreCancel(err)
			}
		}
	}
}

func ignoreCancel(err error) error {
	if err == context.Canceled {
		return nil
	}
	return err
}

// drain merges the batches that are already waiting into b, so a burst of
// saves costs one rebuild.
func drain(batches <-chan watch.Batch, b watch.Batch) watch.Batch {
	for {
		select {
		case more, ok := <-batches:
			if !ok {
				return b
			}
			b = watch.Merge(b, more)
		default:
			return b
		}
	}
}

// rebuildUntilSettled rebuilds for b; a change arriving meanwhile cancels
// that rebuild and starts one for both, so an edit made during a long
// rebuild (or one stuck on a huge file) is not kept waiting behind it. A
// cancelled rebuild leaves the engine to rebuild in full next time, and
// the last good site is served throughout.
func (l *loop) rebuildUntilSettled(ctx context.Context, b watch.Batch) error {
	for {
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- l.rebuild(rctx, b) }()
		if rebuildStarted != nil {
			rebuildStarted()
		}
		select {
		case err := <-done:
			cancel()
			return err
		case <-ctx.Done():
			cancel()
			<-done
			return ctx.Err()
		case more, ok := <-l.w.Batches():
			cancel()
			if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
				return err
			}
			if !ok {
				return nil
			}
			b = watch.Merge(b, drain(l.w.Batches(), more))
			fmt.Fprintf(l.opts.Stdout, "%s %s changed during the rebuild: starting again\n", time.Now().Format("15:04:05"), more)
		}
	}
}

// rebuildStarted, when set (by tests), is called once a rebuild is under way.
var rebuildStarted func()

// rebuild brings the site up to date and prints one line about it.
func (l *loop) rebuild(ctx context.Context, b watch.Batch) error {
	up, err := l.live.Rebuild(ctx, b)
	if err != nil {
		return err
	}
	ok := l.publish(up)
	fmt.Fprintf(l.opts.Stdout, "%s %s changed: %s\n", time.Now().Format("15:04:05"), b, outcome(up, ok))
	if !ok {
		printErrors(l, up.Problems)
	}
	return nil
}

// publish serves a good build, or shows a failed one's errors over the
// last good site. It reports whether the build was good.
func (l *loop) publish(up *incremental.Update) bool {
	if up.Output != nil && !up.Failed(false) {
		l.srv.Publish(up.Output)
		return true
	}
	l.srv.Fail(errorsOf(up.Problems))
	return false
}

// outcome says what a rebuild did: pages rendered and time taken, or that
// it failed.
func outcome(up *incremental.Update, ok bool) string {
	took := up.Elapsed.Round(100 * time.Microsecond)
	if !ok {
		errs, _ := up.Problems.Count()
		return fmt.Sprintf("build failed with %s in %s; still serving the last good site, the errors are shown in the browser", plural(errs, "error"), took)
	}
	what := fmt.Sprintf("%s re-rendered", plural(up.Rendered, "page"))
	if up.Full {
		what = fmt.Sprintf("all %s rendered", plural(up.Rendered, "page"))
	}
	if _, warns := up.Problems.Count(); warns > 0 {
		what += ", " + plural(warns, "warning")
	}
	return fmt.Sprintf("%s in %s", what, took)
}

// firstReport prints the first build's problems and where the site is.
func (l *loop) firstReport(up *incremental.Update, url string) {
	for _, p := range up.Problems {
		fmt.Fprintln(l.opts.Stderr, p.String())
	}
	errs, warns := up.Problems.Count()
	pages := 0
	for _, n := range up.Pages {
		pages += n
	}
	fmt.Fprintf(l.opts.Stdout, "playbook serve: %s, %s, %s, %s in %s\n", plural(pages, "page"), plural(up.Files, "file"),
		plural(errs, "error"), plural(warns, "warning"), up.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(l.opts.Stdout, "Serving %s (only on this machine unless --bind says otherwise); press Ctrl-C to stop\n", url)
}

func printErrors(l *loop, probs diag.List) {
	for _, p := range probs {
		if p.Severity == diag.Error {
			fmt.Fprintln(l.opts.Stderr, p.String())
		}
	}
}

// errorsOf keeps the errors of a failed build: warnings do not fail it and
// would crowd the overlay.
func errorsOf(probs diag.List) diag.List {
	var out diag.List
	for _, p := range probs {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
