package serve

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is the Debian chromium package's launcher. The browser test
// fails without it: live reload is what serve is for.
const chromiumPath = "/usr/bin/chromium"

// browser starts a headless Chromium with a fresh profile for one test.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("the live reload test needs Chromium at %s (Debian package chromium): %v", chromiumPath, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WSURLReadTimeout(30*time.Second),
	)
	bounded, cancelBound := context.WithTimeout(context.Background(), 2*time.Minute)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(bounded, opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc(); cancelBound() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// eventually evaluates a JavaScript condition in the tab until it holds.
// Errors are retried: a reload destroys the page's context mid-call.
func eventually(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if err != nil {
			last = err.Error()
		}
		time.Sleep(100 * time.Millisecond)
	}
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	t.Fatalf("%s: not within 30s (last error %q); page text:\n%s", what, last, text)
}

func TestBrowserTabReloads(t *testing.T) {
	ctx := browser(t)
	r := startServe(t, copySite(t))
	if err := chromedp.Do(ctx, chromedp.Navigate(r.url+"guides/first/")); err != nil {
		t.Fatal(err)
	}
	eventually(t, ctx, "page shown", `document.body.innerText.includes("Original paragraph")`)
	// A marker on the window: it is gone only if the tab really reloaded.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.pbMarker = 1`)); err != nil {
		t.Fatal(err)
	}
	eventually(t, ctx, "live script loaded", `!!document.querySelector('script[src="/__playbook/live.js"]')`)

	r.edit("content/guides/first.md", func(s string) string { return strings.Replace(s, "Original paragraph", "Edited paragraph", 1) })
	eventually(t, ctx, "tab reloaded with the edit", `window.pbMarker === undefined && document.body.innerText.includes("Edited paragraph")`)

	r.edit("content/guides/first.md", func(s string) string { return s + "\n::: note\nunfinished\n" })
	eventually(t, ctx, "overlay over the last good page",
		`(() => { const o = document.getElementById("playbook-overlay"); return !!o && o.innerText.includes("content/guides/first.md:") && o.innerText.includes("never closed") && document.body.innerText.includes("Edited paragraph"); })()`)

	r.edit("content/guides/first.md", func(s string) string { return strings.TrimSuffix(s, "\n::: note\nunfinished\n") })
	eventually(t, ctx, "overlay gone after the fix", `!document.getElementById("playbook-overlay") && document.body.innerText.includes("Edited paragraph")`)
}
