package ltv

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"playbook/generator/internal/browsertest"
)

// One browser and one test site serve every browser test in the package.
var (
	site *httptest.Server

	browserOnce sync.Once
	chrome      *browsertest.Browser
	browserErr  error
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

// runTests starts the test site, runs the tests, then stops the browser
// (if a test started it) and the site.
func runTests(m *testing.M) int {
	site = httptest.NewServer(siteHandler()) // listens on 127.0.0.1
	defer site.Close()
	defer func() {
		if chrome != nil {
			chrome.Close()
		}
	}()
	return m.Run()
}

// newTab opens a tab in the shared browser with a budget only a hang exhausts. A missing
// or broken Chromium fails the test: the browser tests are not optional.
func newTab(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(func() { chrome, browserErr = browsertest.Start() })
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	ctx, cancel := chrome.Tab(5 * time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// testWidget is the calculator of the test page. Its defaults differ from
// Defaults() so that results equal to 1,200 / 600 prove the query was read.
func testWidget() Widget {
	in := Defaults()
	in.AOV, in.Frequency, in.Years, in.Margin = 80, 2, 2, 0.4 // revenue 320, profit 128
	meal, _ := NewPreset("meal-kits", "Meal kit subscription",
		map[string]any{"mode": "churn", "arpa": 42, "churn": 0.05, "margin": 0.35})
	hvac, _ := NewPreset("hvac", "HVAC maintenance",
		map[string]any{"mode": "purchase", "aov": 180, "frequency": 2, "years": 4, "margin": 0.45})
	return NewWidget("ltv", in, []Preset{meal, hvac}, "$")
}

// testCard is the workflow prompt of the test page.
var testCard = workflowCard{
	ID:           "wf",
	Prompt:       "I have [NUMBER] customers with an average order value of [AOV]. Upsell is [CURRENT %] of new revenue.",
	Placeholders: []string{"[NUMBER]", "[AOV]", "[CURRENT %]"},
	FollowUp:     "Now make it client-ready and list the next 3 actions.",
}

// pageTemplate wraps the partials the way a site page would.
const pageTemplate = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>LTV calculator</title><link rel="stylesheet" href="/css/calculator.css"></head>
<body><main>{{template "calculator.html" .Widget}}{{template "workflow-prompt.html" .Card}}</main>
<script src="/js/calculator.js" defer></script><script src="/js/workflow.js" defer></script>
</body></html>`

// siteHandler serves /calculator/ from the partials and the theme's
// static files; nothing else of the pipeline is involved.
func siteHandler() http.Handler {
	mux := http.NewServeMux()
	static := http.FileServer(http.Dir(filepath.Join(layoutsDir, "static")))
	mux.Handle("/js/", static)
	mux.Handle("/css/", static)
	mux.HandleFunc("/calculator/", func(w http.ResponseWriter, r *http.Request) {
		tpl, err := template.New("page").Funcs(FuncMap()).ParseFiles(
			filepath.Join(layoutsDir, "partials", "calculator.html"),
			filepath.Join(layoutsDir, "partials", "workflow-prompt.html"))
		if err == nil {
			tpl, err = tpl.Parse(pageTemplate)
		}
		var b bytes.Buffer
		if err == nil {
			err = tpl.Execute(&b, map[string]any{"Widget": testWidget(), "Card": testCard})
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b.Bytes())
	})
	return mux
}
