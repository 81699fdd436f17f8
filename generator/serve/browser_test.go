package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"playbook/generator/internal/browsertest"
)

// browser starts a headless Chromium for one test; a missing Chromium
// fails it: live reload is what serve is for.
func browser(t *testing.T) context.Context {
	t.Helper()
	b := browsertest.StartT(t)
	ctx, cancel := b.Tab(2 * time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// eventually evaluates a JavaScript condition in the tab until it holds.
// Errors are retried: a reload destroys the page's context mid-call.
func eventually(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
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
	t.Fatalf("%s: not within 2 minutes (last error %q); page text:\n%s", what, last, text)
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
