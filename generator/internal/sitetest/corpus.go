package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// BenchPages is the size of the benchmark corpus: PLAYBOOK_RELOAD_PAGES,
// else def.
func BenchPages(tb testing.TB, def int) int {
	s := os.Getenv("PLAYBOOK_RELOAD_PAGES")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		tb.Fatalf("PLAYBOOK_RELOAD_PAGES=%q: want a page count such as 1000", s)
	}
	return n
}

// Corpus writes a synthetic site of the given size with bench/corpus (the
// generator `make bench` uses) into a temporary folder, or returns
// PLAYBOOK_BENCH_SITE when that names one already written.
func Corpus(tb testing.TB, pages int) string {
	tb.Helper()
	if dir := os.Getenv("PLAYBOOK_BENCH_SITE"); dir != "" {
		return dir
	}
	dir := filepath.Join(tb.TempDir(), "site")
	cmd := exec.Command("go", "run", "./bench/corpus", "--pages", strconv.Itoa(pages), "--seed", "1", "--out", dir)
	cmd.Dir = repoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("bench/corpus: %v\n%s", err, out)
	}
	return dir
}

// FirstContentPage is the site-relative path of a content page of a
// corpus, the one benchmarks edit.
func FirstContentPage(tb testing.TB, dir string) string {
	tb.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, m := range matches {
		if filepath.Base(m) != "_index.md" {
			rel, _ := filepath.Rel(dir, m)
			return filepath.ToSlash(rel)
		}
	}
	tb.Fatal("the corpus has no content page")
	return ""
}

// repoRoot is the repository's root folder, found from this file.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}
