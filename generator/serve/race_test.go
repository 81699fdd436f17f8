package serve

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestServeConcurrentRequestsDuringRebuilds hammers the server from many
// goroutines while the site is rebuilt again and again; run under -race
// (make test does). Every response must be a whole page of one build.
func TestServeConcurrentRequestsDuringRebuilds(t *testing.T) {
	r := startServe(t, copySite(t))
	ev := r.events()
	ev.waitFor("hello")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []string
	report := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(bad) < 10 {
			bad = append(bad, fmt.Sprintf(format, args...))
		}
	}
	paths := []string{"/guides/first/", "/", "/guides/", "/guides/first/index.html.md", "/sitemap.xml", "/llms-full.txt", "/missing/", "/tags/fixture/"}
	for i := range 6 {
		wg.Go(func() {
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				p := paths[(i+n)%len(paths)]
				status, body := r.get(p)
				checkWhole(p, status, body, report)
			}
		})
	}
	const rebuilds = 8
	r.rebuildVersions(ev, rebuilds)
	close(stop)
	wg.Wait()
	for _, b := range bad {
		t.Error(b)
	}
	if _, page := r.get("/guides/first/"); !strings.Contains(page, fmt.Sprintf("Version %d of the page.", rebuilds)) {
		t.Errorf("last version not served")
	}
}

// checkWhole reports a response that is not one complete file of one
// build.
func checkWhole(p string, status int, body string, report func(string, ...any)) {
	switch {
	case p == "/missing/":
		if status != 404 || !strings.Contains(body, "</html>") {
			report("%s: %d, want the whole 404 page", p, status)
		}
	case status != 200:
		report("%s: status %d", p, status)
	case strings.HasSuffix(p, "/") && !strings.HasSuffix(strings.TrimSpace(body), "</html>"):
		report("%s: page cut short: %q", p, body[max(0, len(body)-80):])
	case p == "/guides/first/" && strings.Count(body, " of the page.</p>") > 1:
		report("%s: two versions in one page", p)
	case p == "/llms-full.txt" && !strings.Contains(body, "Source: "):
		report("%s: no twins in llms-full.txt", p)
	}
}
