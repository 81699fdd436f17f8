package incremental_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/incremental"
	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
	"playbook/generator/watch"
)

// BenchmarkReloadRebuild is the rebuild part of a serve reload: one page of
// a bench/corpus site (PLAYBOOK_RELOAD_PAGES pages, default 10,000) gets a
// new sentence and Live.Rebuild brings the in-memory site up to date.
// PLAYBOOK_BENCH_SITE names an existing corpus folder to skip generating
// one (profiling runs). It reports the median and 95th percentile.
func BenchmarkReloadRebuild(b *testing.B) {
	dir := sitetest.Corpus(b, sitetest.BenchPages(b, 10000))
	rel := sitetest.FirstContentPage(b, dir)
	live, err := incremental.NewLive(pipeline.Options{Source: dir, BaseURL: "http://127.0.0.1:1313/"})
	if err != nil {
		b.Fatal(err)
	}
	defer live.Close()
	ctx := context.Background()
	if _, err := live.Build(ctx); err != nil {
		b.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), orig, 0o644)
	var took []time.Duration
	var cpu time.Duration
	n := 0
	for b.Loop() {
		n++
		body := string(orig) + "\nOne more sentence, edit " + strconv.Itoa(n) + ".\n"
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
		start, startCPU := time.Now(), cpuTime()
		up, err := live.Rebuild(ctx, watch.Batch{{Path: rel, Kind: watch.Content, Op: fsnotify.Write}})
		if err != nil || up.Output == nil || up.Full {
			b.Fatalf("rebuild: %v (output %v, full %v)", err, up != nil && up.Output != nil, up != nil && up.Full)
		}
		took = append(took, time.Since(start))
		cpu += cpuTime() - startCPU
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "ms-p95")
	// CPU time varies less than wall time on a shared machine.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "cpu-ms/op")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
