// Package browsertest starts Debian's Chromium, headless, for tests that
// must see what a visitor's browser does: the calculator, the workflow
// cards, live reload, the layout at phone and desktop widths. A missing
// Chromium fails the test; .ci/run installs it.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is the Debian chromium package's launcher.
const ChromiumPath = "/usr/bin/chromium"

// Browser is one running Chromium with a throwaway profile.
type Browser struct {
	ctx     context.Context
	cancel  func()
	profile string
}

// Start launches Chromium with the flags this sandbox needs: no sandbox
// (tests run as root), no GPU, and none of the background connections a
// closed network refuses.
func Start() (*Browser, error) {
	if _, err := os.Stat(ChromiumPath); err != nil {
		return nil, fmt.Errorf("browser tests need Chromium at %s (apt-get install chromium): %w", ChromiumPath, err)
	}
	profile, err := os.MkdirTemp("", "playbook-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(ChromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile),
		chromedp.WSURLReadTimeout(30*time.Second),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: ctx, profile: profile, cancel: func() { cancelCtx(); cancelAlloc() }}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		b.Close()
		return nil, fmt.Errorf("start Chromium: %w", err)
	}
	return b, nil
}

// StartT starts Chromium for test t, fails t when it cannot, and closes
// the browser when t ends.
func StartT(t testing.TB) *Browser {
	t.Helper()
	b, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// Tab opens a new tab that closes when the returned cancel is called or
// the timeout passes.
func (b *Browser) Tab(timeout time.Duration) (context.Context, context.CancelFunc) {
	tab, cancelTab := chromedp.NewContext(b.ctx)
	ctx, cancelTimeout := context.WithTimeout(tab, timeout)
	return ctx, func() { cancelTimeout(); cancelTab() }
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.profile)
}
