package render

import (
	"slices"
	"testing"
)

// PageFileDir finds the page of each of its files, and of nothing else.
func TestPageFileDirReversesPageFiles(t *testing.T) {
	for _, url := range []string{"/", "/a/", "/a/b/", "/guides/ltv-basics/", "/x.y/"} {
		for _, f := range PageFiles(url) {
			dir, card, ok := PageFileDir(f)
			if !ok || "/"+dir != url || card != (f == CardFile(url)) {
				t.Errorf("PageFileDir(%q) = %q, %v, %v; want the page %q", f, dir, card, ok, url)
			}
		}
	}
	for _, f := range []string{"llms.txt", "sitemap.xml", "css/site.css", "a/b/other.html", "a/index.htm", "a/xindex.html", ".md", "a/.md", "a/b/", ""} {
		if dir, _, ok := PageFileDir(f); ok && !slices.Contains(PageFiles("/"+dir), f) {
			t.Errorf("PageFileDir(%q) = %q, a page that does not write it", f, dir)
		}
	}
}
