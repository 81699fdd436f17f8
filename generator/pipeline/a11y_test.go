package pipeline_test

import (
	"context"
	"flag"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"playbook/generator/internal/browsertest"
)

// a11yPages is one page of every kind the example site has.
var a11yPages = map[string]string{
	"home":       "/",
	"guide":      "/guides/grow-ltv-after-purchase/",
	"playbook":   "/playbooks/seven-day-ltv-quick-start/",
	"faq":        "/faq/ltv-basics/",
	"answer":     "/answers/what-is-ltv/",
	"workflow":   "/workflows/upsell-cross-sell-framework/",
	"vertical":   "/verticals/medspa/",
	"calculator": "/ltv-calculator/",
	"section":    "/guides/",
	"taxonomy":   "/tags/",
	"term":       "/stages/expansion/",
	"notfound":   "/404.html",
	"search":     "/search/?q=ltv",
}

// TestAccessibility runs axe-core's WCAG 2.2 AA rules on every page kind
// of the example site, at phone and desktop widths, in light and dark:
// each page is loaded once and seen in the four ways in turn.
func TestAccessibility(t *testing.T) {
	srv := serveExampleSite(t)
	browser := browsertest.StartT(t)
	for name, path := range a11yPages {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := browser.Tab(3 * time.Minute)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			for _, width := range []int64{390, 1280} {
				for _, scheme := range []string{"light", "dark"} {
					if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), browsertest.ColorScheme(scheme)); err != nil {
						t.Fatal(err)
					}
					violations, err := browsertest.Axe(ctx)
					if err != nil {
						t.Fatal(err)
					}
					for _, v := range violations {
						t.Errorf("%s at %dpx, %s: %s", path, width, scheme, v)
					}
				}
			}
		})
	}
}

var audit = flag.Bool("audit", false, "also score performance with Lighthouse and print every score (make audit)")

// TestLighthouse scores the home page, a guide, the workflow card, the
// calculator and a vertical with Lighthouse: accessibility, best practices
// and SEO must be 100. (Performance depends on the machine's load: make
// audit prints it.)
func TestLighthouse(t *testing.T) {
	srv := serveExampleSite(t)
	for _, name := range []string{"home", "guide", "workflow", "calculator", "vertical"} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			categories := []string{"accessibility", "best-practices", "seo"}
			if *audit {
				categories = append(categories, "performance")
			}
			rep, err := browsertest.Lighthouse(ctx, srv.URL+a11yPages[name], categories...)
			if err != nil {
				t.Fatal(err)
			}
			for cat, score := range rep.Scores {
				if *audit {
					t.Logf("lighthouse %-10s %-15s %3.0f %v", name, cat, score*100, rep.Failed[cat])
				}
				if score < 1 && cat != "performance" {
					t.Errorf("%s: %s scores %.0f, want 100; failing audits: %v", a11yPages[name], cat, score*100, rep.Failed[cat])
				}
			}
		})
	}
}

// TestMobileMenu checks the header on a phone: one line, the menu behind a
// disclosure button that opens from the keyboard and marks the current
// section; and on a wide screen the row of links instead.
func TestMobileMenu(t *testing.T) {
	srv := serveExampleSite(t)
	browser := browsertest.StartT(t)
	ctx, cancel := browser.Tab(2 * time.Minute)
	defer cancel()
	visible := func(sel string) string {
		return `(() => { const e = document.querySelector(` + "`" + sel + "`" + `); return !!e && e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}); })()`
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 800),
		chromedp.Navigate(srv.URL+a11yPages["guide"]),
		chromedp.WaitVisible(chromedp.CSS(".nav-menu > summary")),
	)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what, expr string, want bool) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: got %v, want %v", what, got, want)
		}
	}
	check("phone: header is one line (brand and menu button side by side)",
		`(() => { const h = document.querySelector(".header-inner").getBoundingClientRect().height; const b = document.querySelector(".nav-menu > summary").getBoundingClientRect().height; return h < b * 2; })()`, true)
	check("phone: row of links hidden", visible(".nav-row"), false)
	check("phone: menu links hidden before opening", visible(".nav-menu ul"), false)
	err = chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".nav-menu > summary")), chromedp.KeyEvent("\r"))
	if err != nil {
		t.Fatal(err)
	}
	check("phone: menu open after Enter", `document.querySelector(".nav-menu").open`, true)
	check("phone: menu links shown", visible(".nav-menu ul"), true)
	check("phone: current section marked", visible(`.nav-menu a[aria-current="page"]`), true)
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800))
	if err != nil {
		t.Fatal(err)
	}
	check("desktop: row of links shown", visible(".nav-row"), true)
	check("desktop: menu button hidden", visible(".nav-menu > summary"), false)
}
