package render

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark/util"

	"playbook/generator/ltv"
	"playbook/generator/markdown"
	"playbook/generator/markdown/container"
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
}

// Renderer writes the pages and site files of one build. Page may be
// called from many goroutines at once.
type Renderer struct {
	site     *model.Site
	tpl      *Templates
	sink     write.Sink
	eng      *markdown.Engine
	basePath string
	year     int
	presets  []ltv.Preset
	answers  map[string][]byte // included answers' HTML by slug
	twins    twinStore
	problems problemSink
	bufs     sync.Pool
}

// New prepares a renderer for a site. The Markdown engine it renders with
// shares extensions with the one that parsed the pages, so ASTs from a
// previous parse (kept by serve) render the same.
func New(site *model.Site, tpl *Templates, sink write.Sink, opts Options) *Renderer {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &Renderer{site: site, tpl: tpl, sink: sink, basePath: BasePath(site.Config.BaseURL), year: now.Year()}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	for _, v := range site.Verticals {
		if v.Vertical.Preset != nil {
			r.presets = append(r.presets, *v.Vertical.Preset)
		}
	}
	r.eng = markdown.New(markdown.Options{
		Unsafe:        opts.UnsafeHTML,
		IncludeAnswer: r.includeAnswer,
		Calculator:    r.embedCalculator,
	})
	r.answers = r.renderAnswers()
	r.twins.init(site.Pages)
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

// renderAnswers renders the body of every answer page's best answer once,
// for `::: answer SLUG` includes.
func (r *Renderer) renderAnswers() map[string][]byte {
	out := make(map[string][]byte, len(r.site.Answers))
	for slug, p := range r.site.Answers {
		answers := p.Doc.Outline.Answers
		if len(answers) == 0 || answers[0].Node == nil {
			continue
		}
		var buf bytes.Buffer
		buf.WriteString(`<p class="answer-label">Best answer</p>`)
		for c := answers[0].Node.FirstChild(); c != nil; c = c.NextSibling() {
			_ = r.eng.RenderNode(&buf, p.Doc, c)
		}
		fmt.Fprintf(&buf, `<p class="answer-source"><a href="%s">%s</a></p>`, RelURL(r.basePath, p.URL), templateEscape(p.Title))
		out[slug] = buf.Bytes()
	}
	return out
}

func (r *Renderer) includeAnswer(slug string) ([]byte, bool) {
	b, ok := r.answers[slug]
	return b, ok
}

// embedCalculator renders a `::: calculator ltv` block with the theme's
// calculator partial; its YAML was validated when the page was built.
func (r *Renderer) embedCalculator(w util.BufWriter, source []byte, n *container.Container) error {
	defaults, _ := ltv.DecodeDefaults(n.RawBody(source))
	widget := ltv.NewWidget(fmt.Sprintf("calc-%d", n.Offset), defaults, r.presets, r.site.Config.Currency)
	return r.tpl.Set(model.KindGuide).ExecuteTemplate(w, "partials/calculator.html", widget)
}

func (r *Renderer) getBuf() *bytes.Buffer {
	b := r.bufs.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func (r *Renderer) putBuf(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 { // do not keep a huge buffer alive for every page
		r.bufs.Put(b)
	}
}

// outPath is the output file of a page URL: "/a/b/" -> "a/b/index.html".
func outPath(url, file string) string {
	return strings.TrimPrefix(url, "/") + file
}
