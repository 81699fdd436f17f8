package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"playbook/generator/pipeline"
)

// progressAfter is how long a run goes before its progress line appears:
// a quick build prints nothing but its summary.
const progressAfter = 2 * time.Second

// startProgress shows, on a terminal, one line that a long build or check
// keeps rewriting: the stage, pages done of the total, the time so far.
// It returns the Progress for the run (nil when nothing is shown: output
// that is not a terminal, or --quiet) and a func that stops and erases the
// line, called before the summary is printed.
func startProgress(w io.Writer, verb string, quiet bool) (*pipeline.Progress, func()) {
	if quiet || !isTerminal(w) {
		return nil, func() {}
	}
	p := &pipeline.Progress{}
	began := time.Now()
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-stop:
			return
		case <-time.After(progressAfter):
		}
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			stage, n, total := p.Snapshot()
			fmt.Fprint(w, "\r"+progressText(verb, stage, n, total, time.Since(began))+"\x1b[K")
			select {
			case <-stop:
				fmt.Fprint(w, "\r\x1b[K") // the summary takes the line
				return
			case <-tick.C:
			}
		}
	}()
	return p, func() { close(stop); <-done }
}

// progressText is the progress line: "playbook build: render 4,210 of
// 10,000 pages · 3.2s".
func progressText(verb, stage string, done, total int64, elapsed time.Duration) string {
	line := "playbook " + verb + ": " + stage
	if stage == "" {
		line += "starting"
	}
	if total > 0 {
		line += fmt.Sprintf(" %s of %s pages", thousands(done), thousands(total))
	}
	return line + " · " + elapsed.Round(100*time.Millisecond).String()
}

// thousands writes n with commas between groups of three digits.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// isTerminal reports whether w is a terminal, where a line can be
// rewritten in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
