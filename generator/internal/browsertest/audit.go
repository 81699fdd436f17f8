package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// npmDir is the folder whose package-lock.json pins the audit tools; `make
// test` and .ci/run install them with npm ci.
func npmDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "npm")
}

func npmFile(rel string) (string, error) {
	p := filepath.Join(npmDir(), "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s is missing: run `npm ci --prefix %s` (make test does): %w", rel, npmDir(), err)
	}
	return p, nil
}

// AxeViolation is one axe-core rule a page breaks, with the elements that
// break it.
type AxeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v AxeViolation) String() string {
	return fmt.Sprintf("%s (%s): %s — %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
}

// WCAGTags are the axe rule sets that make up WCAG 2.2 level AA.
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// Axe runs axe-core's WCAG 2.2 AA rules on the page the tab shows,
// loading axe into the page the first time.
func Axe(ctx context.Context) ([]AxeViolation, error) {
	path, err := npmFile("axe-core/axe.min.js")
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	tags, _ := json.Marshal(WCAGTags)
	run := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]})
	  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
	    targets: v.nodes.map(n => n.target.join(" ") + (n.failureSummary ? " [" + n.failureSummary.replace(/\s+/g, " ") + "]" : ""))})))`
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "object"`))
	if err != nil {
		return nil, err
	}
	if loaded {
		src = nil
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(src)+";true")); err != nil {
		return nil, fmt.Errorf("loading axe-core: %w", err)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]AxeViolation](run, chromedp.EvalAwaitPromise))
}

// LighthouseReport is the part of a Lighthouse run the tests read: each
// category's score (0 to 1) and the audits that did not pass.
type LighthouseReport struct {
	Scores map[string]float64
	Failed map[string][]string // category -> "audit-id: title"
}

// Lighthouse audits url with Debian's Chromium and returns the scores of
// the given categories (accessibility, best-practices, seo, performance).
func Lighthouse(ctx context.Context, url string, categories ...string) (*LighthouseReport, error) {
	cli, err := npmFile("lighthouse/cli/index.js")
	if err != nil {
		return nil, err
	}
	profile, err := os.MkdirTemp("", "playbook-lighthouse-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	cmd := exec.CommandContext(ctx, "node", cli, url,
		"--only-categories="+strings.Join(categories, ","),
		"--output=json", "--quiet", "--max-wait-for-load=60000",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir="+profile,
	)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+ChromiumPath)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("lighthouse %s: %w\n%s", url, err, stderr.String())
	}
	return parseLighthouse(out)
}

func parseLighthouse(data []byte) (*LighthouseReport, error) {
	var lhr struct {
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
		Categories   map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Title string   `json:"title"`
			Score *float64 `json:"score"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(data, &lhr); err != nil {
		return nil, fmt.Errorf("reading Lighthouse's report: %w", err)
	}
	if lhr.RuntimeError != nil && lhr.RuntimeError.Code != "" && lhr.RuntimeError.Code != "NO_ERROR" {
		return nil, errors.New("lighthouse: " + lhr.RuntimeError.Code + ": " + lhr.RuntimeError.Message)
	}
	rep := &LighthouseReport{Scores: map[string]float64{}, Failed: map[string][]string{}}
	for name, c := range lhr.Categories {
		if c.Score == nil {
			return nil, fmt.Errorf("lighthouse gave category %s no score", name)
		}
		rep.Scores[name] = *c.Score
		for _, ref := range c.AuditRefs {
			a := lhr.Audits[ref.ID]
			if ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				rep.Failed[name] = append(rep.Failed[name], ref.ID+": "+a.Title)
			}
		}
		sort.Strings(rep.Failed[name])
	}
	return rep, nil
}

// ColorScheme makes the tab report prefers-color-scheme as scheme ("light"
// or "dark"), as a visitor's system setting would.
func ColorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}
