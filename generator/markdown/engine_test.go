package markdown

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark/testutil"
	"github.com/yuin/goldmark/util"

	"playbook/generator/diag"
	"playbook/generator/markdown/container"
)

func render(t *testing.T, e *Engine, d *Doc) string {
	t.Helper()
	var b bytes.Buffer
	if err := e.Render(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestParseNormalizes(t *testing.T) {
	in := []byte("\ufeff::: note\r\nBody.\r\n:::\r\n\r\n::: fqa\r\n:::\r\n")
	orig := string(in)
	e := New(Options{})
	d := e.Parse(in, false)
	if string(in) != orig {
		t.Fatal("Parse modified the caller's slice")
	}
	if bytes.ContainsAny(d.Source, "\r\ufeff") {
		t.Errorf("Source keeps CR or BOM: %q", d.Source)
	}
	want := []diag.Problem{diag.Errorf("", 5, 1, `did you mean "faq"? Else use one of: answer, calculator, faq, key, note, steps, tip, warning`, `unknown block "fqa"`)}
	if len(d.Problems) != 1 || d.Problems[0] != want[0] {
		t.Errorf("problems = %v, want %v", d.Problems, want)
	}
	if got := d.Problems[0].Shift("content/a.md", 4).String(); !strings.HasPrefix(got, "content/a.md:9:1: error: unknown block") {
		t.Errorf("shifted = %q", got)
	}
	if html := render(t, e, d); !strings.Contains(html, `<p class="callout-title">Note</p>`) {
		t.Errorf("BOM-led container not parsed:\n%s", html)
	}
}

func TestRender(t *testing.T) {
	src := "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n- [x] done\n\n## T\n\n<b>raw</b>\n"
	tests := []struct {
		name   string
		opts   Options
		want   []string
		unwant []string
	}{
		{"default", Options{}, []string{
			`<table tabindex="0">`, "<del>old</del>", `<a href="http://www.example.com">www.example.com</a>`,
			`<input checked="" disabled="" type="checkbox"`, `<h1 id="t">T</h1>`, `<h2 id="t-1">T</h2>`,
			"<!-- raw HTML omitted -->",
		}, []string{"<b>raw</b>"}},
		{"unsafe", Options{Unsafe: true}, []string{"<b>raw</b>"}, []string{"raw HTML omitted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New(tt.opts)
			html := render(t, e, e.Parse([]byte(src), false))
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("missing %q in\n%s", w, html)
				}
			}
			for _, w := range tt.unwant {
				if strings.Contains(html, w) {
					t.Errorf("unexpected %q in\n%s", w, html)
				}
			}
		})
	}
}

func TestRenderHooks(t *testing.T) {
	e := New(Options{
		IncludeAnswer: func(slug string) ([]byte, bool) { return []byte("<p>" + slug + "</p>"), slug == "ok" },
		Calculator: func(w util.BufWriter, source []byte, n *container.Container) error {
			_, err := w.WriteString(`<form data-kind="` + n.Arg + `">` + string(n.RawBody(source)) + "</form>\n")
			return err
		},
	})
	html := render(t, e, e.Parse([]byte("::: answer ok\n:::\n\n::: answer gone\n:::\n\n::: calculator ltv\naov: 2\n:::\n"), false))
	want := `<div class="answer answer-included" data-answer="ok"><p>ok</p></div>
<div class="answer answer-included" data-answer="gone"></div>
<form data-kind="ltv">aov: 2
</form>
`
	if html != want {
		t.Errorf("got\n%s\nwant\n%s", html, want)
	}
}

func TestRenderNodeAndInline(t *testing.T) {
	src := "::: faq\n### What is *LTV*?\nRevenue.\n\n- over time\n:::\n\n::: steps\n### Map it\nList moments.\n:::\n"
	e := New(Options{})
	d := e.Parse([]byte(src), false)
	tests := []struct {
		name string
		fn   func(*bytes.Buffer) error
		want string
	}{
		{"faq answer", func(b *bytes.Buffer) error { return e.RenderNode(b, d, d.Outline.FAQs[0].Answer) },
			"<p>Revenue.</p>\n<ul>\n<li>over time</li>\n</ul>\n"},
		{"step body", func(b *bytes.Buffer) error { return e.RenderNode(b, d, d.Outline.Steps[0].Body) },
			"<p>List moments.</p>\n"},
		{"question inline", func(b *bytes.Buffer) error {
			return e.RenderInline(b, d, d.Outline.FAQs[0].Answer.PreviousSibling())
		}, "What is <em>LTV</em>?"},
		{"any subtree", func(b *bytes.Buffer) error { return e.RenderNode(b, d, d.Root.FirstChild()) },
			"<div class=\"faq\">\n<details class=\"faq-item\">\n<summary><h3 id=\"what-is-ltv\">What is <em>LTV</em>?</h3>\n</summary>\n" +
				"<div class=\"faq-answer\">\n<p>Revenue.</p>\n<ul>\n<li>over time</li>\n</ul>\n</div>\n</details>\n</div>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.fn(&b); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got %q\nwant %q", b.String(), tt.want)
			}
		})
	}
}

// TestConcurrentUse runs Parse, Render and Twin from many goroutines on one
// Engine; with -race it proves the Engine shares no mutable state.
func TestConcurrentUse(t *testing.T) {
	e := New(Options{})
	want := render(t, e, e.Parse([]byte(outlineSrc), false))
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for range 16 {
		wg.Go(func() {
			d := e.Parse([]byte(outlineSrc), false)
			var b bytes.Buffer
			if err := e.Render(&b, d); err != nil || b.String() != want {
				errs <- "render differs"
			}
			if err := e.Twin(&bytes.Buffer{}, d, TwinOptions{}); err != nil {
				errs <- err.Error()
			}
		})
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
}

// TestFeatureSpec runs the spec cases of the Markdown extensions playbook
// turns on (footnotes, definition lists, highlighting, heading attributes)
// on the Engine's own goldmark instance.
func TestFeatureSpec(t *testing.T) {
	testutil.DoTestCaseFile(New(Options{}).md, "testdata/spec/features.txt", t, testutil.ParseCliCaseArg()...)
}

func TestFootnoteProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"all used", "A[^1].\n\n[^1]: Note.\n", nil},
		{"undefined", "Intro.\n\nA[^x] and B.\n", []string{"3:2: warning: footnote [^x] is referenced but never defined"}},
		{"unused", "A.\n\n[^1]: Note.\n[^2]: Other.\n", []string{
			"3:1: warning: footnote [^1] is defined but never used",
			"4:1: warning: footnote [^2] is defined but never used"}},
		{"in code is not a reference", "`[^x]`\n\n```\n[^y]\n```\n", nil},
		{"inside a container", "::: note\nSee[^n].\n:::\n\n[^m]: Unused.\n", []string{
			"2:4: warning: footnote [^n] is referenced but never defined",
			"5:1: warning: footnote [^m] is defined but never used"}},
		{"off: nothing reported", "A[^x].\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New(Options{NoFootnotes: strings.HasPrefix(tt.name, "off")})
			var got []string
			for _, p := range e.Parse([]byte(tt.src), false).Problems {
				s := p.Shift("a.md", 0).String()
				got = append(got, strings.SplitN(strings.TrimPrefix(s, "a.md:"), " —", 2)[0])
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestFeatureSwitches(t *testing.T) {
	src := "\"Hi\" -- there[^1]\n\n[^1]: N.\n\nT\n: D.\n\n```go\nx\n```\n\n## H {#h}\n"
	tests := []struct {
		name         string
		opts         Options
		want, unwant []string
	}{
		{"defaults", Options{}, []string{`role="doc-endnotes"`, "<dl>", `class="chroma"`, `<h2 id="h">H</h2>`, "&quot;Hi&quot; --"}, nil},
		{"typographer", Options{Typographer: true}, []string{"&ldquo;Hi&rdquo; &ndash;"}, nil},
		{"all off", Options{NoFootnotes: true, NoDefinitionLists: true, NoHighlight: true, NoHeadingAttributes: true},
			[]string{`there<a href="N.">^1</a>`, `<pre><code class="language-go">x`, `<h2 id="h-h">H {#h}</h2>`}, []string{"<dl>", "footnotes", "chroma"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New(tt.opts)
			html := render(t, e, e.Parse([]byte(src), false))
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("missing %q in\n%s", w, html)
				}
			}
			for _, w := range tt.unwant {
				if strings.Contains(html, w) {
					t.Errorf("unexpected %q in\n%s", w, html)
				}
			}
		})
	}
}
