package ltv

import (
	"context"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"playbook/generator/internal/browsertest"
)

// open loads the calculator page with query and waits for both scripts
// to bind.
func open(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	url := site.URL + "/calculator/" + query
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	waitFor(t, ctx, `document.querySelector('[data-calculator="ltv"][data-ltv-bound]') && document.querySelector('[data-workflow-bound]')`)
}

// waitFor polls a JavaScript predicate until it is true.
func waitFor(t *testing.T, ctx context.Context, predicate string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		t.Fatalf("waiting for %s: %v", predicate, err)
	}
}

// eval returns the value of a JavaScript expression.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// result returns data-value and text of a data-result element.
func result(t *testing.T, ctx context.Context, name string) (value, text string) {
	t.Helper()
	sel := `document.querySelector('[data-result="` + name + `"]')`
	return eval[string](t, ctx, sel+`.getAttribute('data-value')`), eval[string](t, ctx, sel+`.textContent`)
}

func wantResult(t *testing.T, ctx context.Context, name, value, text string) {
	t.Helper()
	if v, s := result(t, ctx, name); v != value || s != text {
		t.Errorf("%s = data-value %q text %q, want %q %q", name, v, s, value, text)
	}
}

// typeInto replaces an input's text by typing it, so real input events fire.
func typeInto(t *testing.T, ctx context.Context, sel, text string) {
	t.Helper()
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector(`+jsString(sel)+`).select()`),
		chromedp.KeyEvent("\b"),
		chromedp.SendKeys(chromedp.CSS(sel), text),
	); err != nil {
		t.Fatalf("type %q into %s: %v", text, sel, err)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// assertNoNaN fails when the page text shows NaN or Infinity.
func assertNoNaN(t *testing.T, ctx context.Context) {
	t.Helper()
	text := eval[string](t, ctx, `document.body.innerText + document.body.textContent`)
	for _, bad := range []string{"NaN", "Infinity", "undefined"} {
		if strings.Contains(text, bad) {
			t.Errorf("page text contains %q", bad)
		}
	}
}

func TestBrowserQueryResults(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "?aov=100&frequency=4&years=3&margin=0.5")
	wantResult(t, ctx, "revenue_ltv", "1200", "1,200")
	wantResult(t, ctx, "profit_ltv", "600", "600")
	wantResult(t, ctx, "expanded_before", "600", "600")
	wantResult(t, ctx, "discounted_ltv", "", "—")
	if got := eval[string](t, ctx, `document.querySelector('#ltv-aov').value`); got != "100" {
		t.Errorf("aov field = %q, want the query's 100", got)
	}
	if got := eval[string](t, ctx, `location.search`); got != "?aov=100&frequency=4&years=3&margin=0.5" {
		t.Errorf("loading must not rewrite the query, got %q", got)
	}
	waitFor(t, ctx, `document.querySelector('[data-ltv-live][aria-live="polite"]').textContent === 'Revenue LTV $1,200. Profit LTV $600.'`)
	assertNoNaN(t, ctx)
}

// TestDumpDOMDoneCriterion runs the issue's own check: chromium
// --headless --dump-dom on the page with the query.
func TestDumpDOMDoneCriterion(t *testing.T) {
	newTab(t) // fails the test when Chromium is missing
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	url := site.URL + "/calculator/?aov=100&frequency=4&years=3&margin=0.5"
	out, err := exec.CommandContext(ctx, browsertest.ChromiumPath, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--dump-dom", url).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	dom := string(out)
	for _, want := range []string{
		`<output data-result="revenue_ltv" data-value="1200">1,200</output>`,
		`<output data-result="profit_ltv" data-value="600">600</output>`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("dumped DOM lacks %s", want)
		}
	}
}

func TestBrowserNoJavaScriptShowsDefaults(t *testing.T) {
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/calculator/?aov=100")); err != nil {
		t.Fatal(err)
	}
	html, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS(`[data-calculator="ltv"]`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`data-value="320">320</output>`, `data-value="128">128</output>`} {
		if !strings.Contains(html, want) {
			t.Errorf("no-JS page lacks the defaults' result %s", want)
		}
	}
	if strings.Contains(html, "data-ltv-bound") {
		t.Error("scripts ran although JavaScript was disabled")
	}
}

func TestBrowserInputUpdatesResultAndURL(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "?utm_source=mail#calc")
	wantResult(t, ctx, "revenue_ltv", "320", "320")
	typeInto(t, ctx, "#ltv-aov", "150.5")
	waitFor(t, ctx, `document.querySelector('[data-result="revenue_ltv"]').getAttribute('data-value') === '602'`)
	wantResult(t, ctx, "profit_ltv", "240.8", "240.8")
	search := eval[string](t, ctx, `location.search + location.hash`)
	if want := "?utm_source=mail&mode=purchase&aov=150.5&frequency=2&years=2&margin=0.4#calc"; search != want {
		t.Errorf("location = %q, want %q", search, want)
	}
	// Optional inputs, under "More", fill the dependent figures.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".ltv-more > summary"))); err != nil {
		t.Fatal(err)
	}
	typeInto(t, ctx, "#ltv-cac", "60.2")
	waitFor(t, ctx, `document.querySelector('[data-result="ltv_cac"]').getAttribute('data-value') !== ''`)
	wantResult(t, ctx, "ltv_cac", "4", "4")
	wantResult(t, ctx, "payback_months", "6", "6") // 60.2 ÷ (150.5 × 2 × 0.4 ÷ 12)
	if note := eval[string](t, ctx, `document.querySelector('[data-note="ltv_cac"]').textContent`); note != "" {
		t.Errorf("ltv_cac note = %q, want none once CAC is set", note)
	}
	if got := eval[string](t, ctx, `location.search`); !strings.Contains(got, "cac=60.2") {
		t.Errorf("location.search %q lacks cac=60.2", got)
	}
}

func TestBrowserPreset(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "")
	eval[bool](t, ctx, `(function(){const s=document.querySelector('[data-ltv-preset]'); s.value='meal-kits';
		return s.dispatchEvent(new Event('change', {bubbles: true}));})()`)
	waitFor(t, ctx, `document.querySelector('[data-result="revenue_ltv"]').getAttribute('data-value') === '840'`)
	// 42 × 0.35 ÷ 0.05 is 293.99999999999994 in binary floating point.
	wantResult(t, ctx, "profit_ltv", "293.99999999999994", "294")
	if !eval[bool](t, ctx, `document.querySelector('input[name=mode][value=churn]').checked &&
		!document.querySelector('fieldset[data-mode=churn]').hidden && document.querySelector('fieldset[data-mode=purchase]').hidden`) {
		t.Error("the meal-kits preset should switch to the subscription model")
	}
	search := eval[string](t, ctx, `location.search`)
	for _, want := range []string{"preset=meal-kits", "mode=churn", "arpa=42", "churn=0.05", "margin=0.35"} {
		if !strings.Contains(search, want) {
			t.Errorf("location.search %q lacks %s", search, want)
		}
	}

	// A shared link: the preset applies first, explicit keys win.
	open(t, ctx, "?preset=meal-kits&arpa=50")
	wantResult(t, ctx, "revenue_ltv", "1000", "1,000")
	if got := eval[string](t, ctx, `document.querySelector('[data-ltv-preset]').value`); got != "meal-kits" {
		t.Errorf("preset select = %q", got)
	}
	// An unknown slug is ignored.
	open(t, ctx, "?preset=%3Cscript%3E")
	wantResult(t, ctx, "revenue_ltv", "320", "320")
	if got := eval[string](t, ctx, `document.querySelector('[data-ltv-preset]').value`); got != "" {
		t.Errorf("preset select = %q, want none for an unknown slug", got)
	}
}

func TestBrowserModeSwitch(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "")
	if eval[bool](t, ctx, `document.querySelector('fieldset[data-mode=purchase]').hidden`) {
		t.Fatal("purchase fields should show first")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`input[name=mode][value=churn]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector('[data-result="revenue_ltv"]').getAttribute('data-value') === '1000'`)
	wantResult(t, ctx, "profit_ltv", "400", "400")
	if !eval[bool](t, ctx, `document.querySelector('fieldset[data-mode=purchase]').hidden &&
		!document.querySelector('fieldset[data-mode=churn]').hidden &&
		!document.querySelector('li[data-mode=churn]').hidden && document.querySelector('li[data-mode=purchase]').hidden`) {
		t.Error("churn mode should show the churn fields and formulas only")
	}
	search := eval[string](t, ctx, `location.search`)
	if !strings.Contains(search, "mode=churn") || strings.Contains(search, "aov=") {
		t.Errorf("location.search = %q, want mode=churn without purchase keys", search)
	}
}

func TestBrowserInvalidInput(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "")
	typeInto(t, ctx, "#ltv-margin", "abc")
	waitFor(t, ctx, `!document.querySelector('[data-error-for="margin"]').hidden`)
	if msg := eval[string](t, ctx, `document.querySelector('[data-error-for="margin"]').textContent`); msg != "Gross margin must be a number, like 60 or 60%." {
		t.Errorf("margin message = %q", msg)
	}
	if !eval[bool](t, ctx, `document.querySelector('#ltv-margin').getAttribute('aria-invalid') === 'true' &&
		document.querySelector('#ltv-margin').getAttribute('aria-describedby').includes('ltv-margin-error') &&
		!document.querySelector('[data-ltv-status]').hidden`) {
		t.Error("invalid margin should set aria-invalid, describe the error and show the status")
	}
	wantResult(t, ctx, "revenue_ltv", "", "—")
	waitFor(t, ctx, `document.querySelector('[data-ltv-live]').textContent.startsWith('Check the inputs: Gross margin')`)
	assertNoNaN(t, ctx)

	// A shared link with an optional input opens "More" to show it.
	open(t, ctx, "?cac=0")
	if !eval[bool](t, ctx, `document.querySelector('[data-ltv-more]').open &&
		document.querySelector('[data-error-for="cac"]').textContent === '`+msgCACMin+`'`) {
		t.Error(`"More" should open on an optional input with an error`)
	}

	// Overflowing and zero-churn inputs show messages, never Infinity.
	open(t, ctx, "?aov=1e400&mode=purchase")
	if msg := eval[string](t, ctx, `document.querySelector('[data-error-for="aov"]').textContent`); msg != "Average order value must be at most 10,000,000." {
		t.Errorf("aov message = %q", msg)
	}
	assertNoNaN(t, ctx)
	open(t, ctx, "?mode=churn&churn=0&margin=0&cac=5")
	if msg := eval[string](t, ctx, `document.querySelector('[data-error-for="churn"]').textContent`); msg != msgChurnMin {
		t.Errorf("churn message = %q", msg)
	}
	assertNoNaN(t, ctx)

	// Fixing the input brings the figures back.
	typeInto(t, ctx, "#ltv-churn", "10") // percent: 10% a month
	waitFor(t, ctx, `document.querySelector('[data-error-for="churn"]').hidden`)
	wantResult(t, ctx, "revenue_ltv", "500", "500")
	wantResult(t, ctx, "payback_months", "", "—")
	if note := eval[string](t, ctx, `document.querySelector('[data-note="payback_months"]').textContent`); note != NoteNoProfit {
		t.Errorf("payback note = %q", note)
	}
	assertNoNaN(t, ctx)
}

// TestBrowserPercentagesAndGroupedNumbers: the form speaks percent and
// takes "1,000"; the URL keeps fractions and plain numbers.
func TestBrowserPercentagesAndGroupedNumbers(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "?margin=0.55")
	if got := eval[string](t, ctx, `document.querySelector('#ltv-margin').value`); got != "55" {
		t.Errorf("margin=0.55 in the link shows %q in the form, want 55", got)
	}
	if unit := eval[string](t, ctx, `document.querySelector('label[for="ltv-margin"] .ltv-unit').textContent`); unit != "(%)" {
		t.Errorf("margin unit = %q", unit)
	}
	wantResult(t, ctx, "profit_ltv", "176", "176") // 320 × 0.55
	typeInto(t, ctx, "#ltv-margin", "25%")
	waitFor(t, ctx, `document.querySelector('[data-result="profit_ltv"]').getAttribute('data-value') === '80'`)
	typeInto(t, ctx, "#ltv-aov", "1,000")
	waitFor(t, ctx, `document.querySelector('[data-result="revenue_ltv"]').getAttribute('data-value') === '4000'`)
	wantResult(t, ctx, "profit_ltv", "1000", "1,000")
	if search := eval[string](t, ctx, `location.search`); !strings.Contains(search, "aov=1000&") || !strings.Contains(search, "margin=0.25") {
		t.Errorf("location.search = %q, want aov=1000 and margin=0.25", search)
	}
	// The page's text speaks percent too.
	if text := eval[string](t, ctx, `document.querySelector('[data-calculator="ltv"]').textContent`); strings.Contains(text, "(fraction") ||
		!strings.Contains(text, "60 means 60% of revenue") {
		t.Errorf("the calculator's text still speaks of fractions:\n%s", text)
	}
	// A percent sign where no rate is expected is a message, not a guess.
	typeInto(t, ctx, "#ltv-aov", "55%")
	waitFor(t, ctx, `!document.querySelector('[data-error-for="aov"]').hidden`)
	assertNoNaN(t, ctx)
}

func TestBrowserUnknownModeInTheLink(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "?mode=yearly")
	notice := eval[string](t, ctx, `(function(){const n=document.querySelector('[data-ltv-notice]'); return n.hidden ? '' : n.textContent})()`)
	if !strings.Contains(notice, `"yearly"`) || !strings.Contains(notice, "mode=purchase or mode=churn") {
		t.Errorf("notice = %q, want it to name the unknown mode and the known ones", notice)
	}
	wantResult(t, ctx, "revenue_ltv", "320", "320") // the default model still computes
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`input[name=mode][value=churn]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector('[data-ltv-notice]').hidden`)
	open(t, ctx, "?mode=churn")
	if !eval[bool](t, ctx, `document.querySelector('[data-ltv-notice]').hidden`) {
		t.Error("a known mode shows a notice")
	}
}

// TestBrowserPhoneKeepsResultsInView: on a phone the results come after
// the inputs; a summary of the main ones stays at the bottom of the
// screen while an input is edited, and updates with it.
func TestBrowserPhoneKeepsResultsInView(t *testing.T) {
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 700)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "")
	eval[bool](t, ctx, `document.querySelector('#ltv-aov').scrollIntoView({block: 'center'}), true`)
	typeInto(t, ctx, "#ltv-aov", "100")
	waitFor(t, ctx, `document.querySelector('[data-sticky-for="profit_ltv"]').textContent === '$160'`)
	inView := `(function(){const s=document.querySelector('[data-ltv-sticky]'), r=s.getBoundingClientRect(),
		i=document.querySelector('#ltv-aov').getBoundingClientRect();
		return getComputedStyle(s).display !== 'none' && r.top >= 0 && r.bottom <= innerHeight + 1 &&
			i.top >= 0 && i.bottom <= r.top;})()`
	if !eval[bool](t, ctx, inView) {
		t.Error("at 390px the results summary is not in view below the input being edited")
	}
	if !eval[bool](t, ctx, `document.querySelector('.ltv-results').getBoundingClientRect().top > innerHeight`) {
		t.Error("the test proves nothing: the results themselves are in view")
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	if eval[string](t, ctx, `getComputedStyle(document.querySelector('[data-ltv-sticky]')).display`) != "none" {
		t.Error("the summary shows on a wide screen, where the results are beside the inputs")
	}
}

func TestBrowserWorkflowFill(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "")
	typeInto(t, ctx, "#wf-ph-0", "250")
	waitFor(t, ctx, `document.querySelector('[data-prompt]').textContent.startsWith('I have 250 customers')`)
	typeInto(t, ctx, "#wf-ph-2", "<b>12%</b> $&")
	waitFor(t, ctx, `document.querySelector('[data-prompt]').textContent.includes('Upsell is <b>12%</b> $& of')`)
	prompt := eval[string](t, ctx, `document.querySelector('[data-prompt]').textContent`)
	if want := "I have 250 customers with an average order value of [AOV]. Upsell is <b>12%</b> $& of new revenue."; prompt != want {
		t.Errorf("prompt = %q, want %q", prompt, want)
	}
	if n := eval[int](t, ctx, `document.querySelector('[data-prompt]').children.length`); n != 0 {
		t.Errorf("typed text became %d HTML elements", n)
	}
	if got := eval[string](t, ctx, `document.querySelector('label[for="wf-ph-2"]').textContent`); got != "Current %" {
		t.Errorf("label = %q", got)
	}
	// Emptying a field puts its token back.
	typeInto(t, ctx, "#wf-ph-0", "")
	waitFor(t, ctx, `document.querySelector('[data-prompt]').textContent.startsWith('I have [NUMBER] customers')`)
}

func TestBrowserCopyClipboard(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name},
			Setting:    browser.PermissionSettingGranted,
			Origin:     site.URL,
		}); err != nil {
			t.Fatalf("grant %s: %v", name, err)
		}
	}
	typeInto(t, ctx, "#wf-ph-1", "$80")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-copy="prompt"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector('[data-copy-status][role="status"]').textContent === 'Copied the prompt to the clipboard.'`)
	copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("read clipboard: %v", err)
	}
	if want := "I have [NUMBER] customers with an average order value of $80. Upsell is [CURRENT %] of new revenue."; copied != want {
		t.Errorf("clipboard = %q, want %q", copied, want)
	}
}

func TestBrowserCopyFallback(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "")
	eval[bool](t, ctx, `Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true}), true`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-copy="follow-up"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector('[data-copy-status]').textContent !== ''`)
	status := eval[string](t, ctx, `document.querySelector('[data-copy-status]').textContent`)
	ok := regexp.MustCompile(`^(Copied the follow-up prompt to the clipboard\.|Press Ctrl\+C \(⌘C on a Mac\) to copy the selected follow-up prompt\.)$`)
	if !ok.MatchString(status) {
		t.Errorf("status = %q", status)
	}
	if sel := eval[string](t, ctx, `window.getSelection().toString()`); sel != testCard.FollowUp {
		t.Errorf("selection = %q, want the follow-up prompt", sel)
	}
}
