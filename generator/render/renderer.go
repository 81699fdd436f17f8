package render

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"

	"playbook/generator/cards"
	"playbook/generator/diag"
	"playbook/generator/ltv"
	"playbook/generator/markdown"
	"playbook/generator/model"
	"playbook/generator/search"
	"playbook/generator/write"
)

// Options tune a render.
type Options struct {
	// Prepared returns what Prepare made of each content page when it was
	// parsed; the pipeline decides where that is kept meanwhile.
	Prepared PreparedOf
	// ExpectJSONLD, when set, is told the JSON-LD each page is about to
	// carry, encoded from a graph already validated, so the output check
	// (check.Collector.Expect) need not validate it again.
	ExpectJSONLD func(path string, jsonLD []byte)
	// NoLLMSFull leaves llms-full.txt and answers.json out of SiteFiles:
	// serve keeps them as documents (LLMSFull, AnswersDoc) over what it
	// holds instead, joined only when the file is asked for.
	NoLLMSFull bool
	// Now stamps the copyright year; zero means time.Now.
	Now time.Time
	// Cards makes the pages' social cards; nil writes none (check).
	Cards *cards.Maker
	// Search, when set, is given each content page's search results
	// (Prepared.Search) as the page is rendered: the site search index.
	Search func(p *model.Page, parts []search.Part) error
	// SearchBox puts the site search's box and script on every page, and
	// writes the search page.
	SearchBox bool
	// SearchShards is the number of the search index's term shards, which
	// the search box tells the script (data-shards).
	SearchShards int
}

// Renderer writes the pages and site files of one build. Page may be
// called from many goroutines at once.
type Renderer struct {
	site     *model.Site
	tpl      *Templates
	sink     write.Sink
	opts     Options
	basePath string
	year     int
	presets  []ltv.Preset
	answers  map[string]IncludedAnswer // by slug; HTML with a link to its page
	problems problemSink
}

// New prepares a renderer for a site whose pages were prepared (Prepare)
// when they were parsed.
func New(site *model.Site, tpl *Templates, sink write.Sink, opts Options) *Renderer {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &Renderer{site: site, tpl: tpl, sink: sink, opts: opts, basePath: site.Config.BasePath(), year: now.Year()}
	tpl.bindMemo()
	for _, v := range site.Verticals {
		if v.Vertical.Preset != nil {
			r.presets = append(r.presets, *v.Vertical.Preset)
		}
	}
	r.answers = r.includedAnswers()
	return r
}

// includedAnswers gathers every answer page's best answer, with a link
// to its page, for `::: answer SLUG` includes. An answer page whose
// prepared parts cannot be had includes nothing; rendering it reports why.
func (r *Renderer) includedAnswers() map[string]IncludedAnswer {
	out := make(map[string]IncludedAnswer, len(r.site.Answers))
	for slug, p := range r.site.Answers {
		pr, err := r.prepared(p, AnswerParts)
		if err != nil || pr == nil {
			continue
		}
		answer := pr.Answer // kept in memory, not in what pr lends
		pr.Release()
		if answer == nil {
			continue
		}
		b := append([]byte(nil), answer.HTML...)
		if !p.NoRender { // a headless answer has no page to link to
			b = fmt.Appendf(b, `<p class="answer-source"><a href="%s">%s</a></p>`, RelURL(r.basePath, p.URL), templateEscape(p.Title))
		}
		out[slug] = IncludedAnswer{HTML: b, Markdown: answer.Markdown}
	}
	return out
}

// prepared returns what Prepare made of p, nil for a page without a body.
func (r *Renderer) prepared(p *model.Page, part PreparedPart) (*Prepared, error) {
	if p.Doc == nil || r.opts.Prepared == nil {
		return nil, nil
	}
	return r.opts.Prepared(p, part)
}

// fillHTML writes what a hole in a page's HTML stands for.
func (r *Renderer) fillHTML(p *model.Page) filler {
	return func(w *bytes.Buffer, kind byte, arg string, _ []byte) {
		switch kind {
		case holeInclude:
			w.Write(r.answers[arg].HTML)
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

// PageFile is the output path of the HTML page at url:
// "/a/b/" -> "a/b/index.html".
func PageFile(url string) string { return strings.TrimPrefix(url, "/") + "index.html" }

// TwinFile is the output path of the Markdown twin of the page at url:
// "/a/b/" -> "a/b/index.html.md".
func TwinFile(url string) string { return strings.TrimPrefix(url, "/") + "index.html.md" }

// ShortTwinFile is the second path of the twin, the page's URL with .md
// in place of its final slash, as hosted docs platforms publish it:
// "/a/b/" -> "a/b.md". The home page has none ("").
func ShortTwinFile(url string) string {
	u := strings.Trim(url, "/")
	if u == "" {
		return ""
	}
	return u + ".md"
}

// PageFiles are every output file of the page at url.
func PageFiles(url string) []string {
	if short := ShortTwinFile(url); short != "" {
		return []string{PageFile(url), TwinFile(url), short, CardFile(url)}
	}
	return []string{PageFile(url), TwinFile(url), CardFile(url)}
}

// PageFileDir reverses PageFiles: the URL without its leading slash of the
// page whose output file is file ("a/b/" for "a/b/index.html",
// "a/b/index.html.md", "a/b.md" and "a/b/social-card.png"; "" for the
// home page's), and whether file is the page's social card. ok is false
// when no page's file would be named file. A caller that knows the pages
// can tell whether a file will be written without a set of every page's
// four paths (a hundred megabytes at 100,000 pages).
func PageFileDir(file string) (dir string, card, ok bool) {
	for _, name := range [...]string{"index.html", "index.html.md", "social-card.png"} {
		if d, found := strings.CutSuffix(file, name); found && (d == "" || strings.HasSuffix(d, "/")) {
			return d, name == "social-card.png", true
		}
	}
	if d, found := strings.CutSuffix(file, ".md"); found && d != "" && !strings.HasSuffix(d, "/") {
		return d + "/", false, true
	}
	return "", false, false
}
