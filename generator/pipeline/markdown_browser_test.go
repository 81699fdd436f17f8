package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"playbook/generator/internal/browsertest"
	"playbook/generator/internal/sitetest"
)

const featureGuide = "/guides/every-feature/"

// serveFeatureSite builds testdata/markdown-features.txtar, a guide using
// footnotes, definition lists, highlighted code and heading attributes.
func serveFeatureSite(t *testing.T) string {
	t.Helper()
	archive, err := os.ReadFile("testdata/markdown-features.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return serveSite(t, sitetest.New(t, string(archive)).Dir).URL
}

// TestBrowserCodeCopy: each code block but the prompt gets a Copy button
// that works from the keyboard, puts the code on the clipboard and
// announces "Copied"; without JavaScript there is no button.
func TestBrowserCodeCopy(t *testing.T) {
	base := serveFeatureSite(t)
	b := browsertest.StartT(t)
	ctx, cancel := b.Tab(60 * time.Second)
	defer cancel()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: base,
		}); err != nil {
			t.Fatalf("grant %s: %v", name, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+featureGuide), chromedp.WaitVisible(chromedp.CSS(".code-copy"))); err != nil {
		t.Fatal(err)
	}
	// go, yaml, js and the unknown language: four; the prompt none.
	if n := evalIn[int](t, ctx, `document.querySelectorAll('.code-block > button.code-copy').length`); n != 4 {
		t.Errorf("%d copy buttons, want 4", n)
	}
	if n := evalIn[int](t, ctx, `document.querySelectorAll('code.language-prompt').length - document.querySelectorAll('.code-block code.language-prompt').length`); n != 1 {
		t.Error("the prompt block got a copy button")
	}
	if name := evalIn[string](t, ctx, `document.querySelector('.code-copy').getAttribute('aria-label')`); name != "Copy code" {
		t.Errorf("button label = %q", name)
	}
	// Keyboard: focus the first button and press Enter. The clipboard
	// needs the page in front and focused.
	if _, err := chromedp.Call(ctx, cdppage.BringToFront, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".code-copy")), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.querySelector('[data-code-status][role="status"]').textContent === 'Copied'`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("no Copied announcement: %v", err)
	}
	// The status says Copied once writeText resolved; read until the
	// clipboard holds text (bounded tries, no time limit asserted).
	var copied string
	var err error
	for try := 0; try < 20 && copied == ""; try++ {
		copied, err = chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("read clipboard: %v", err)
		}
	}
	if !strings.HasPrefix(copied, "// LTV is revenue per year") || !strings.Contains(copied, `return aov * perYear * years // "simple" form`) {
		t.Errorf("clipboard = %q", copied)
	}

	// Without JavaScript: no button, the code still shows.
	noJS, cancelNoJS := b.Tab(30 * time.Second)
	defer cancelNoJS()
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(noJS, chromedp.Navigate(base+featureGuide), chromedp.WaitVisible(chromedp.CSS("pre.chroma"))); err != nil {
		t.Fatal(err)
	}
	if n := evalIn[int](t, noJS, `document.querySelectorAll('.code-copy').length`); n != 0 {
		t.Errorf("%d copy buttons without JavaScript", n)
	}
}

// TestFeatureScreenshots loads the feature guide at phone and desktop
// widths, light and dark, fails on sideways overflow and, with
// -screenshots DIR, saves the views.
func TestFeatureScreenshots(t *testing.T) {
	base := serveFeatureSite(t)
	b := browsertest.StartT(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{390, 1280} {
			t.Run(fmt.Sprintf("%s-%d", scheme, width), func(t *testing.T) {
				ctx, cancel := b.Tab(45 * time.Second)
				defer cancel()
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
				}); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+featureGuide),
					chromedp.WaitVisible(chromedp.CSS(".code-copy"))); err != nil {
					t.Fatal(err)
				}
				if over := evalIn[int](t, ctx, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
					t.Errorf("overflows sideways by %dpx", over)
				}
				want := map[string]string{"light": "rgb(246, 248, 250)", "dark": "rgb(15, 23, 32)"}[scheme]
				if bg := evalIn[string](t, ctx, `getComputedStyle(document.querySelector('pre.chroma')).backgroundColor`); bg != want {
					t.Errorf("code background = %s, want %s", bg, want)
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
				if err := os.WriteFile(filepath.Join(*screenshots, fmt.Sprintf("features-%s-%d.png", scheme, width)), png, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// evalIn returns the value of a JavaScript expression.
func evalIn[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}
