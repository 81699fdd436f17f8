package serve

import (
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"playbook/generator/internal/sitetest"
	"playbook/generator/watch"
)

// BenchmarkReload measures what a content editor waits for: the time from
// saving one page of a large site (write a temporary file, rename it over
// the page, as editors do) to the reload event reaching an open tab. It
// includes the watcher's debounce, the incremental rebuild and the event
// stream, with the watcher as `playbook serve` sets it up. The site is
// bench/corpus's, PLAYBOOK_RELOAD_PAGES pages (default 10,000; its first
// build takes a while). `make bench` runs it; the target is under 50 ms.
// Run it 40 times or more (-benchtime 40x): one reload is a poor sample on
// a shared machine.
func BenchmarkReload(b *testing.B) {
	pages := sitetest.BenchPages(b, 10000)
	dir := sitetest.Corpus(b, pages)
	page := sitetest.FirstContentPage(b, dir)
	r := startServeWatching(b, dir, watch.Options{})
	ev := r.events()
	ev.waitFor("hello")
	var took []time.Duration
	n := 0
	for b.Loop() {
		n++
		start := time.Now()
		r.edit(page, func(s string) string { return s + "\nOne more sentence, edit " + strconv.Itoa(n) + ".\n" })
		ev.waitFor("reload")
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(ms(took[len(took)/2]), "ms-p50")
	b.ReportMetric(ms(took[len(took)*95/100]), "ms-p95")
	if rebuilds := rebuildTimes(r.out.String()); len(rebuilds) > 0 {
		b.ReportMetric(ms(rebuilds[len(rebuilds)/2]), "rebuild-ms-p50")
	}
	b.ReportMetric(float64(pages), "pages")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// rebuildLine matches serve's line about a rebuild that re-rendered some
// pages, "… changed: 1 page re-rendered in 21.3ms".
var rebuildLine = regexp.MustCompile(`(?m) re-rendered(?:, \d+ warnings?)? in ([0-9.]+[µm]?s)$`)

// rebuildTimes are the rebuild times serve printed, sorted: the part of
// a reload that is not the watcher's wait or the event's way to the tab.
func rebuildTimes(log string) []time.Duration {
	var out []time.Duration
	for _, m := range rebuildLine.FindAllStringSubmatch(log, -1) {
		if d, err := time.ParseDuration(m[1]); err == nil {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}
