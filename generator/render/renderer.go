package render

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"

	"playbook/generator/diag"
	"playbook/generator/ltv"
	"playbook/generator/markdown"
	"playbook/generator/model"
	"playbook/generator/write"
)

// Options tune a render.
type Options struct {
	// UnsafeHTML lets raw HTML in Markdown through (off by default, as in
	// goldmark and Hugo).
	UnsafeHTML bool
	// Now stamps the copyright year; zero means time.Now.
	Now time.Time
	// Release drops each page's prepared HTML once the page is written:
	// a one-off build never needs it again (serve keeps it for the next
	// rebuild).
	Release bool
}

// Renderer writes the pages and site files of one build. Page may be
// called from many goroutines at once.
type Renderer struct {
	site     *model.Site
	tpl      *Templates
	sink     write.Sink
	basePath string
	year     int
	release  bool
	presets  []ltv.Preset
	answers  map[string][]byte // included answers' HTML by slug
	problems problemSink
}

// New prepares a renderer for a site whose pages were prepared (Prepare)
// when they were parsed.
func New(site *model.Site, tpl *Templates, sink write.Sink, opts Options) *Renderer {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &Renderer{site: site, tpl: tpl, sink: sink, basePath: BasePath(site.Config.BaseURL), year: now.Year(), release: opts.Release}
	tpl.bindMemo()
	for _, v := range site.Verticals {
		if v.Vertical.Preset != nil {
			r.presets = append(r.presets, *v.Vertical.Preset)
		}
	}
	r.answers = r.includedAnswers()
	return r
}

// BasePath is the path part of a base URL: "https://x.com/docs/" -> "/docs/".
func BasePath(baseURL string) string {
	rest := baseURL
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:]
	}
	return "/"
}

// includedAnswers gathers every answer page's best answer, with a link
// to its page, for `::: answer SLUG` includes.
func (r *Renderer) includedAnswers() map[string][]byte {
	out := make(map[string][]byte, len(r.site.Answers))
	for slug, p := range r.site.Answers {
		if p.Prepared == nil || p.Prepared.AnswerHTML == nil {
			continue
		}
		b := append([]byte(nil), p.Prepared.AnswerHTML...)
		b = fmt.Appendf(b, `<p class="answer-source"><a href="%s">%s</a></p>`, RelURL(r.basePath, p.URL), templateEscape(p.Title))
		out[slug] = b
	}
	return out
}

// fillHTML writes what a hole in a page's HTML stands for.
func (r *Renderer) fillHTML(p *model.Page) filler {
	return func(w *bytes.Buffer, kind byte, arg string, _ []byte) {
		switch kind {
		case holeInclude:
			w.Write(r.answers[arg])
		case holeCalc:
			if c, ok := calcIndex(p.Doc, arg); ok {
				r.embedCalculator(w, c)
			}
		}
	}
}

// embedCalculator renders a `::: calculator ltv` block with the theme's
// calculator partial; its YAML was validated when the page was built.
func (r *Renderer) embedCalculator(w *bytes.Buffer, c markdown.Calc) {
	defaults, _ := ltv.DecodeDefaults(c.Body)
	widget := ltv.NewWidget(fmt.Sprintf("calc-%d", c.Line), defaults, r.presets, r.site.Config.Currency)
	if err := r.tpl.Set(model.KindGuide).ExecuteTemplate(w, "partials/calculator.html", widget); err != nil {
		r.problems.add(diag.Errorf("layouts/partials/calculator.html", 0, 0, "fix the template", "template error: %v", err))
	}
}

// scratch buffers are where pages are prepared and rendered before the
// bytes are copied out or written; reusing them spares growing a fresh
// buffer, and clearing its memory, several times per page.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getScratch() *bytes.Buffer {
	b := scratch.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putScratch(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 { // a rare huge page does not pin its buffer
		scratch.Put(b)
	}
}

// outPath is the output file of a page URL: "/a/b/" -> "a/b/index.html".
func outPath(url, file string) string {
	return strings.TrimPrefix(url, "/") + file
}
