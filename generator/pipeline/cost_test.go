package pipeline_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"playbook/generator/diag"
	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
)

var hostile = flag.Bool("hostile", false, "build every pathological input at full size in a child process and print time and peak memory (make hostile)")

// growth is the size ratio of the cost test's two builds; slack is how
// much more than that a cost may grow. A linear cost grows about growth
// times, a quadratic one growth squared (64 against bounds of 24 and 32):
// the margins absorb the garbage collector's share, which grows with the
// heap, and for CPU time a busy machine's noise.
const (
	growth     = 8
	allocSlack = 3
	cpuSlack   = 4
)

// TestHostileCost builds every pathological input family at two sizes
// and asserts that the larger costs at most slack*growth times the
// smaller, above the cost of a trivial site. Costs are the bytes
// allocated and the process's CPU time, never the wall time; a family
// that hangs is caught by go test's -timeout.
func TestHostileCost(t *testing.T) {
	if *hostile {
		t.Skip("-hostile runs TestHostileFull instead")
	}
	base := baseline(t)
	for _, c := range costCases() {
		t.Run(c.name, func(t *testing.T) {
			small := measure(t, c.page(c.small))
			big := measure(t, c.page(c.small*growth))
			for _, k := range []struct {
				what       string
				small, big float64
				base       float64
				slack      float64
			}{
				{"bytes allocated", float64(small.alloc), float64(big.alloc), float64(base.alloc), allocSlack},
				{"CPU time", small.cpu.Seconds(), big.cpu.Seconds(), base.cpu.Seconds(), cpuSlack},
			} {
				// Above the trivial site's cost; a refused input costs
				// about nothing more, so the smaller cost is at least base.
				grew := (k.big - k.base) / max(k.small-k.base, k.base)
				if grew > k.slack*growth {
					t.Errorf("%s grew %.1f times for %d times the input (%.3g at %d, %.3g at %d, %.3g for a trivial site)",
						k.what, grew, growth, k.small, c.small, k.big, c.small*growth, k.base)
				}
			}
		})
	}
}

type cost struct {
	alloc uint64
	cpu   time.Duration
}

// baseline is the cost of a site of one short page, the least of three.
func baseline(t *testing.T) cost {
	least := cost{alloc: ^uint64(0), cpu: time.Hour}
	for range 3 {
		c := measure(t, yamlPage("title: A\n", "Text.\n"))
		least.alloc, least.cpu = min(least.alloc, c.alloc), min(least.cpu, c.cpu)
	}
	return least
}

// measure checks (builds in memory, minified) a site whose one page is
// page, and returns what that cost the process.
func measure(t *testing.T, page string) cost {
	t.Helper()
	dir := costSite(t, page)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuTime()
	if _, err := pipeline.Check(context.Background(), pipeline.Options{Source: dir, Minify: true}); err != nil {
		t.Fatal(err)
	}
	spent := cpuTime() - cpu
	runtime.ReadMemStats(&after)
	return cost{alloc: after.TotalAlloc - before.TotalAlloc, cpu: spent}
}

func costSite(t testing.TB, page string) string {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":    "title: T\nbase_url: https://example.com/\n",
		"content/a.md": page,
		"content/b.md": "---\ntitle: B\n---\nText.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestHostileFull (make hostile) builds each family at full size, each in
// a child process of its own so its peak memory is its own, and prints a
// table of time and peak memory. A build must finish (within a generous
// minute, a hang catcher, not a speed test) with the outcome the case
// names: refused with its budget's message, or built.
func TestHostileFull(t *testing.T) {
	if name := os.Getenv("PLAYBOOK_HOSTILE_CASE"); name != "" {
		hostileChild(t, name)
		return
	}
	if !*hostile {
		t.Skip("run with -hostile (make hostile)")
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n| case | size | input | outcome | wall | CPU | peak RSS |\n|---|---:|---:|---|---:|---:|---:|\n")
	for _, c := range costCases() {
		row, err := runChild(c)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		table.WriteString(row)
	}
	t.Log(table.String())
}

func runChild(c costCase) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostileFull$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PLAYBOOK_HOSTILE_CASE="+c.name)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	outcome := childOutcome(string(out))
	shown := outcome
	if len(shown) > 80 {
		shown = shown[:80] + "…"
	}
	row := fmt.Sprintf("| %s | %d | %s | %s | %.2f s | %s | %s |\n", c.name, c.full, sizeOf(len(c.page(c.full))), shown,
		wall.Seconds(), "?", "?")
	if cmd.ProcessState != nil {
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		row = fmt.Sprintf("| %s | %d | %s | %s | %.2f s | %.2f s | %d MB |\n", c.name, c.full, sizeOf(len(c.page(c.full))), shown,
			wall.Seconds(), cpu.Seconds(), ru.Maxrss>>10)
	}
	switch {
	case err != nil:
		return row, fmt.Errorf("child failed: %v\n%s", err, out)
	case c.refused != "" && !strings.Contains(outcome, c.refused):
		return row, fmt.Errorf("want the build refused with %q, got %s", c.refused, outcome)
	case c.refused == "" && outcome != "built":
		return row, fmt.Errorf("want the page built, got %s", outcome)
	}
	return row, nil
}

func sizeOf(n int) string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	}
	return strconv.Itoa((n+1023)>>10) + " KB"
}

// childOutcome is the line the child printed: "built", or the first
// problem's message.
func childOutcome(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if s, ok := strings.CutPrefix(l, "OUTCOME: "); ok {
			return s
		}
	}
	return "no outcome"
}

// hostileChild builds one case at full size to disk (minified, as
// `playbook build` does) and prints its outcome.
func hostileChild(t *testing.T, name string) {
	for _, c := range costCases() {
		if c.name != name {
			continue
		}
		dir := costSite(t, c.page(c.full))
		res, err := pipeline.Build(context.Background(), pipeline.Options{Source: dir, Minify: true})
		if err != nil {
			t.Fatal(err)
		}
		// The outcome is the problem the case expects when there is one,
		// else the first error.
		outcome := "built"
		for _, p := range res.Problems {
			if p.Severity != diag.Error || (outcome != "built" && !strings.Contains(p.Msg, c.refused)) {
				continue
			}
			outcome = "refused: " + p.Msg
			if c.refused != "" && strings.Contains(p.Msg, c.refused) {
				break
			}
		}
		fmt.Println("OUTCOME: " + outcome)
		return
	}
	t.Fatalf("no case %q", name)
}

// TestHostileInServe: serve's engine refuses every input the budgets
// refuse, at full size, in a rebuild after a good first build, and keeps
// the good site (each rebuild is bounded by the budget, so none hangs).
func TestHostileInServe(t *testing.T) {
	for _, c := range costCases() {
		if c.refused == "" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			l := sitetest.Running(t, "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n-- content/a.md --\n---\ntitle: A\n---\nText.\n")
			l.WriteFile("content/a.md", c.page(c.full))
			up := l.Rebuild()
			found := false
			for _, p := range up.Problems {
				found = found || strings.Contains(p.Msg, c.refused)
			}
			if !found || !up.Failed(false) {
				t.Errorf("rebuild problems %v, want one saying %q", sitetest.ProblemStrings(up), c.refused)
			}
		})
	}
}
