package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// stopGrace is how long a run may take to wind down after Ctrl-C or
// SIGTERM. A build stops at its next check of the context, and its staging
// folder is removed at once; a parser deep in one file does not look at
// the context, so past the grace the process exits anyway (half a second,
// so that the whole stop takes under one). The output folder is as it was;
// a staging folder left behind is removed by the next build, which says so.
const stopGrace = 500 * time.Millisecond

// stopOnSignal cancels the run at the first signal, then calls exit(130)
// when the run has not ended after grace, or at once on a second signal.
// done is closed when the run ends on its own.
func stopOnSignal(sigs <-chan os.Signal, cancel func(), done <-chan struct{}, grace time.Duration, stderr io.Writer, exit func(int)) {
	select {
	case <-sigs:
	case <-done:
		return
	}
	cancel()
	select {
	case <-done:
		return
	case <-sigs:
		fmt.Fprintln(stderr, "playbook: stopped at once (second signal)")
	case <-time.After(grace):
		fmt.Fprintln(stderr, "playbook: stopped (the run did not wind down in time)")
	}
	exit(130)
}
