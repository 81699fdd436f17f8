package load

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadPages reads 10,000 small content files the way a build
// does, one open and read each, so the cost of confinement shows: with
// openat2 it is one call per open, with os.Root one per path element.
func BenchmarkReadPages(b *testing.B) {
	dir, pages := benchSite(b, 10_000)
	for name, open := range openers(b) {
		b.Run(name, func(b *testing.B) {
			site, err := open(dir)
			if err != nil {
				b.Fatal(err)
			}
			defer site.Close()
			var buf []byte
			for b.Loop() {
				for _, p := range pages {
					if buf, err = site.ReadFileLimitInto(buf, p, MaxPageBytes); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkWalk lists the content of a 10,000-page site.
func BenchmarkWalk(b *testing.B) {
	dir, _ := benchSite(b, 10_000)
	for name, open := range openers(b) {
		b.Run(name, func(b *testing.B) {
			site, err := open(dir)
			if err != nil {
				b.Fatal(err)
			}
			defer site.Close()
			for b.Loop() {
				if files, probs := Walk(site); len(files.Pages) != 10_000 || len(probs) > 0 {
					b.Fatal(len(files.Pages), probs)
				}
			}
		})
	}
}

// benchSite writes n pages of 2 KB in ten sections.
func benchSite(b *testing.B, n int) (string, []string) {
	b.Helper()
	dir := b.TempDir()
	body := make([]byte, 2048)
	for i := range body {
		body[i] = 'a' + byte(i%26)
	}
	pages := make([]string, n)
	for i := range pages {
		pages[i] = fmt.Sprintf("content/s%d/guides/p%d.md", i%10, i)
		p := filepath.Join(dir, filepath.FromSlash(pages[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, pages
}
