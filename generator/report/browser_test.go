package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"playbook/generator/internal/browsertest"
)

// auditJS checks what axe would on this page, for want of axe in the
// repository: landmarks, heading order, names of images and regions,
// table headers, and the contrast of every piece of text (HTML and SVG)
// against the background it is drawn on (WCAG 2.2 AA: 4.5:1, 3:1 for
// large text). It returns a list of failures.
const auditJS = `(() => {
  const fails = [];
  for (const sel of ["header", "main", "footer", "h1"]) if (!document.querySelector(sel)) fails.push("no " + sel);
  let last = 0;
  for (const h of document.querySelectorAll("h1,h2,h3,h4,h5,h6")) {
    const lvl = +h.tagName[1];
    if (lvl > last + 1) fails.push("heading skips a level: " + h.textContent.trim());
    last = lvl;
  }
  for (const svg of document.querySelectorAll("svg")) {
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
    if (svg.getAttribute("role") !== "img" || ids.length === 0 || ids.some(id => !document.getElementById(id) || !document.getElementById(id).textContent.trim()))
      fails.push("svg without an accessible name");
  }
  for (const el of document.querySelectorAll("[aria-labelledby]")) {
    for (const id of el.getAttribute("aria-labelledby").split(/\s+/)) if (!document.getElementById(id)) fails.push("aria-labelledby points at missing #" + id);
  }
  for (const t of document.querySelectorAll("table")) if (!t.querySelector("caption") || !t.querySelector("th[scope=col]")) fails.push("table without caption or column headers");
  const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const bgOf = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; } return parse(getComputedStyle(document.documentElement).backgroundColor).a > 0.5 ? parse(getComputedStyle(document.documentElement).backgroundColor) : {r:255,g:255,b:255,a:1}; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || el.closest("title,desc")) continue;
    seen.add(el);
    const cs = getComputedStyle(el);
    const fg = parse(el instanceof SVGElement ? cs.fill : cs.color);
    const bg = el instanceof SVGElement ? bgOf(el.closest("svg").parentElement) : bgOf(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(cs.fontSize) * (el instanceof SVGElement ? el.closest("svg").getBoundingClientRect().width / el.closest("svg").viewBox.baseVal.width : 1);
    const large = size >= 24 || (size >= 18.66 && +cs.fontWeight >= 700);
    if (ratio < (large ? 3 : 4.5)) fails.push("contrast " + ratio.toFixed(2) + " for " + JSON.stringify(walker.currentNode.textContent.trim().slice(0, 40)));
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) fails.push("the page scrolls sideways: " + document.documentElement.scrollWidth + "px");
  return fails;
})()`

// audit opens url at a width and colour scheme and runs auditJS.
func audit(ctx context.Context, url, scheme string, width int64) (fails []string, bars int, err error) {
	if _, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
		return nil, 0, err
	}
	if err = chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(url)); err != nil {
		return nil, 0, err
	}
	if fails, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](auditJS)); err != nil {
		return nil, 0, err
	}
	bars, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart rect").length`))
	return fails, bars, err
}

func TestReportInChromium(t *testing.T) {
	r := buildReport(t)
	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b := browsertest.StartT(t)
	// The audit must be able to fail: a page with pale text, a skipped
	// heading level and an unnamed chart.
	bad := bytes.Replace(page.Bytes(), []byte("</main>"), []byte(`<h5>Deep</h5><p style="color:#ccc">pale</p><svg role="img"></svg></main>`), 1)
	badFile := filepath.Join(t.TempDir(), "bad.html")
	if err := os.WriteFile(badFile, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := b.Tab(60 * time.Second)
	fails, _, err := audit(ctx, "file://"+badFile, "light", 1280)
	cancel()
	if err != nil || len(fails) != 3 {
		t.Errorf("the audit of a broken page found %q (%v), want 3 failures", fails, err)
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{390, 1280} {
			ctx, cancel := b.Tab(60 * time.Second)
			fails, svgs, err := audit(ctx, "file://"+file, scheme, width)
			cancel()
			if err != nil {
				t.Fatalf("%s %d: %v", scheme, width, err)
			}
			if len(fails) > 0 {
				out, _ := json.MarshalIndent(fails, "", "  ")
				t.Errorf("%s, %d px: %s", scheme, width, out)
			}
			if svgs != 18 { // 6 ages, 10 word counts, 2 sections
				t.Errorf("%s, %d px: %d chart bars drawn", scheme, width, svgs)
			}
		}
	}
}
