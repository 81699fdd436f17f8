package main

import (
	"os"
	"runtime/debug"
)

// oneRunGCPercent and oneRunMemoryLimit tune the garbage collector for
// build and check, which run once and exit. A one-off run keeps only a
// small summary of each page in memory (prepared pages wait on disk), so
// with Go's default, a collection each time the heap doubles, it collected
// every few megabytes of pages and spent a tenth of its time doing so
// (10,000 pages: 6.3-7.5 s at GOGC=100, 5.7-5.9 s at 200, on the 2-core
// reference machine). The soft limit keeps a big site's run under it
// however high the percentage would let the heap grow: 100,000 pages peak
// below 1.5 GB (the process's RSS ends a few tens of megabytes above the
// limit). There the limit, not the percentage, decides when to collect,
// so every megabyte of headroom below 1.5 GB is given to it: a collection
// marks the whole live heap (about 450 MB at 100,000 pages), and each one
// fewer is worth it. A site whose summaries alone outgrow the limit still
// builds, collecting more often.
const (
	oneRunGCPercent   = 200
	oneRunMemoryLimit = 1350 << 20
)

// tuneForOneRun applies them, unless GOGC or GOMEMLIMIT are set in the
// environment, which always win.
func tuneForOneRun() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(oneRunGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(oneRunMemoryLimit)
	}
}
