package serve

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkReload measures what a content editor waits for: the time from
// saving one page of a large site (write a temporary file, rename it over
// the page, as editors do) to the reload event reaching an open tab. It
// includes the watcher's debounce, the incremental rebuild and the event
// stream. The site is bench/corpus's, PLAYBOOK_RELOAD_PAGES pages (default
// 10,000; its first build takes a while). `make bench` runs it; the
// target is under 50 ms.
func BenchmarkReload(b *testing.B) {
	pages := 10000
	if s := os.Getenv("PLAYBOOK_RELOAD_PAGES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("PLAYBOOK_RELOAD_PAGES=%q: want a page count such as 1000", s)
		}
		pages = n
	}
	dir := corpus(b, pages)
	page := firstPage(b, dir)
	r := startServe(b, dir)
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
	b.ReportMetric(float64(pages), "pages")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// corpus writes a synthetic site with bench/corpus.
func corpus(b *testing.B, pages int) string {
	b.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "site")
	cmd := exec.Command("go", "run", "./bench/corpus", "--pages", strconv.Itoa(pages), "--seed", "1", "--out", dir)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("bench/corpus: %v\n%s", err, out)
	}
	return dir
}

// firstPage is the site-relative path of a content page to edit.
func firstPage(b *testing.B, dir string) string {
	b.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range matches {
		if filepath.Base(m) != "_index.md" {
			rel, _ := filepath.Rel(dir, m)
			return filepath.ToSlash(rel)
		}
	}
	b.Fatal("the corpus has no content page")
	return ""
}
