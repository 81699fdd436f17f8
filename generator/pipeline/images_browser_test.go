package pipeline_test

import (
	"context"
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

// TestImagesInChromium loads the images site's guide at phone and desktop
// widths: every image loads, none overflows the page, the figure keeps its
// 2:1 shape, and the browser picks a WebP version narrower than the
// original on a phone. With -screenshots DIR it saves each view.
func TestImagesInChromium(t *testing.T) {
	_, opts := newImagesSite(t)
	opts.Minify = true
	mem := write.NewMemory()
	res, err := pipeline.Into(context.Background(), opts, mem)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed(false) {
		t.Fatalf("build failed: %v", res.Problems)
	}
	snap := mem.Snapshot()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/docs/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		data, ok := snap.Get(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		for ext, typ := range map[string]string{".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml", ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg"} {
			if strings.HasSuffix(p, ext) {
				w.Header().Set("Content-Type", typ)
			}
		}
		w.Write(data)
	}))
	defer srv.Close()
	browser := browsertest.StartT(t)
	for _, width := range []int64{390, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			checkImages(t, browser, srv.URL+"/docs/guides/journey/", width)
		})
	}
}

type shownImage struct {
	Src      string  `json:"src"`
	Natural  int     `json:"natural"`
	Width    float64 `json:"width"`
	Height   float64 `json:"height"`
	Complete bool    `json:"complete"`
}

func checkImages(t *testing.T, b *browsertest.Browser, url string, width int64) {
	ctx, cancel := b.Tab(60 * time.Second)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, 900),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("figure img")),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Lazy images below the fold load once scrolled to.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.scrollTo(0, document.body.scrollHeight), true`)); err != nil {
		t.Fatal(err)
	}
	loaded := `[...document.images].filter(i => !i.src.startsWith("https://badges")).every(i => i.complete && i.naturalWidth > 0)`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](loaded, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the images did not load: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.scrollTo(0, 0), true`)); err != nil {
		t.Fatal(err)
	}
	imgs, err := chromedp.Run(ctx, chromedp.Evaluate[[]shownImage](`[...document.images].filter(i => !i.src.startsWith("https://badges")).map(i => ({src: i.currentSrc, natural: i.naturalWidth, width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height, complete: i.complete}))`))
	if err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow > 0 {
		t.Errorf("the page overflows sideways by %dpx", overflow)
	}
	if len(imgs) != 3 {
		t.Fatalf("%d local images shown, want 3: %+v", len(imgs), imgs)
	}
	fig := imgs[0]
	if fig.Width > float64(width) || fig.Width == 0 || fig.Height < fig.Width/2-2 || fig.Height > fig.Width/2+2 {
		t.Errorf("the figure is shown %vx%v, want 2:1 within %dpx", fig.Width, fig.Height, width)
	}
	if width == 390 && (!strings.HasSuffix(fig.Src, ".webp") || fig.Natural >= 1600) {
		t.Errorf("on a phone the figure loads %s (%dpx wide), want a smaller WebP version", fig.Src, fig.Natural)
	}
	if *screenshots != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(*screenshots, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*screenshots, fmt.Sprintf("images-%d.png", width)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
