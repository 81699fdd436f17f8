package pipeline_test

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"playbook/generator/internal/browsertest"
	"playbook/generator/pipeline"
	"playbook/generator/write"
)

var screenshots = flag.String("screenshots", "", "write PNG screenshots of the example site into this folder")

// TestScreenshots loads the example site's key pages in Chromium at phone
// and desktop widths and fails when a page overflows sideways or a
// heading is missing; with -screenshots DIR it also saves each view as a
// PNG (make screenshots).
func TestScreenshots(t *testing.T) {
	srv := serveExampleSite(t)
	browser := browsertest.StartT(t)
	pages := map[string]string{
		"home": "/", "guide": "/guides/grow-ltv-after-purchase/",
		"workflow": "/workflows/upsell-cross-sell-framework/", "calculator": "/ltv-calculator/",
	}
	for name, path := range pages {
		for _, width := range []int64{390, 1280} {
			for _, scheme := range []string{"light", "dark"} {
				t.Run(fmt.Sprintf("%s-%d-%s", name, width, scheme), func(t *testing.T) {
					shoot(t, browser, srv.URL+path, fmt.Sprintf("%s-%d-%s.png", name, width, scheme), width, scheme)
				})
			}
		}
	}
}

func shoot(t *testing.T, b *browsertest.Browser, url, file string, width int64, scheme string) {
	ctx, cancel := b.Tab(5 * time.Minute)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, 900),
		browsertest.ColorScheme(scheme),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	if err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil {
		t.Fatal(err)
	}
	if overflow > 0 {
		t.Errorf("%s at %dpx overflows sideways by %dpx", url, width, overflow)
	}
	if strings.TrimSpace(h1) == "" {
		t.Errorf("%s has an empty h1", url)
	}
	if *screenshots == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(*screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*screenshots, file), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// serveExampleSite builds the repository's site into memory and serves it
// on loopback.
func serveExampleSite(t *testing.T) *httptest.Server {
	t.Helper()
	return serveSite(t, "../..")
}

// serveSite builds the site in source into memory and serves it on
// loopback.
func serveSite(t *testing.T, source string) *httptest.Server {
	t.Helper()
	mem := write.NewMemory()
	if _, err := pipeline.Into(context.Background(), pipeline.Options{Source: source, Minify: true}, mem); err != nil {
		t.Fatal(err)
	}
	snap := mem.Snapshot()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		data, ok := snap.Get(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasSuffix(p, ".html"):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		case strings.HasSuffix(p, ".css"):
			w.Header().Set("Content-Type", "text/css")
		case strings.HasSuffix(p, ".js"):
			w.Header().Set("Content-Type", "text/javascript")
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}
