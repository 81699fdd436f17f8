package render

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/markdown"
	"playbook/generator/markdown/container"
	"playbook/generator/model"
	"playbook/generator/search"
	"playbook/schema"
)

// NewEngine returns the Markdown engine of a build with the default
// Markdown extensions. basePath is the path of the site's base URL,
// prefixed to root-relative links.
func NewEngine(unsafeHTML bool, basePath string) *markdown.Engine {
	return NewEngineWith(markdown.Options{Unsafe: unsafeHTML, BasePath: basePath})
}

// EngineOptions are the engine options a site config asks for: its base
// path, raw HTML and `markdown:` switches.
func EngineOptions(cfg *config.Site, unsafeHTML bool) markdown.Options {
	md := cfg.Markdown
	return markdown.Options{
		Unsafe: unsafeHTML || cfg.UnsafeHTML, BasePath: cfg.BasePath(), Typographer: md.Typographer,
		NoFootnotes: !md.Footnotes, NoDefinitionLists: !md.DefinitionLists,
		NoHighlight: !md.Highlight, NoHeadingAttributes: !md.HeadingAttributes,
	}
}

// NewEngineWith returns the Markdown engine of a build. It parses pages
// and prepares them (Prepare), leaving a hole wherever another page's
// content goes: an included answer, a calculator (whose presets come from
// the vertical pages).
func NewEngineWith(opts markdown.Options) *markdown.Engine {
	opts.IncludeAnswer = func(slug string) ([]byte, bool) { return hole(holeInclude, slug), true }
	opts.Calculator = func(w util.BufWriter, source []byte, n *container.Container) error {
		line, _ := diag.LineCol(source, n.Offset)
		_, err := w.Write(calcHole(line))
		return err
	}
	return markdown.New(opts)
}

// Prepare renders what the render stage needs from a page's syntax tree
// (HTML, Markdown twin, FAQ answers, step texts, an answer page's best
// answer) and releases the tree. The pipeline calls it right after parsing,
// on all cores, so each page is parsed once and rendered once, and a big
// site never holds every tree at the same time. A page without a body
// gives nil.
//
// Body and Twin are lent from the renderer's scratch memory: the caller
// either encodes them and calls Release (a build that spills), or calls
// Keep to own them. Most pages are written to the spill and dropped, and
// copying each into memory of its own was a twentieth of what a build
// allocated.
func Prepare(eng *markdown.Engine, p *model.Page) (*Prepared, error) {
	d := p.Doc
	if d == nil || d.Released() {
		return nil, nil
	}
	body, err := prepareBody(eng, p)
	if err != nil {
		putScratch(body)
		return nil, err
	}
	twin, err := prepareTwin(eng, d)
	if err != nil {
		putScratch(body)
		putScratch(twin)
		return nil, err
	}
	pr := &Prepared{Body: body.Bytes(), Twin: bytes.TrimSpace(twin.Bytes())}
	pr.OnRelease(func() { putScratch(body); putScratch(twin) })
	pr.FAQAnswers = faqAnswers(eng, d)
	pr.FAQTexts = faqTexts(d)
	pr.AnswerHTML, pr.AnswerTexts = answerParts(eng, d)
	pr.StepTexts = stepTexts(d)
	pr.TOC = sectionHeadings(d.Outline.Headings)
	if p.Kind == model.KindAnswer {
		pr.Answer = bestAnswer(eng, d)
	}
	pr.Search = search.Parts(d)
	d.Release()
	if p.Source != nil {
		p.Source.Body = nil
	}
	return pr, nil
}

// prepareBody renders the page's Markdown. A workflow's prompt block is
// left out: the card shows it as the interactive prompt.
func prepareBody(eng *markdown.Engine, p *model.Page) (*bytes.Buffer, error) {
	buf := getScratch()
	if p.Kind != model.KindWorkflow {
		return buf, eng.Render(buf, p.Doc)
	}
	for c := p.Doc.Root.FirstChild(); c != nil; c = c.NextSibling() {
		if isPromptBlock(c, p.Doc.Source) {
			continue
		}
		if err := eng.RenderNode(buf, p.Doc, c); err != nil {
			return buf, err
		}
	}
	return buf, nil
}

func isPromptBlock(n ast.Node, src []byte) bool {
	fc, ok := n.(*ast.FencedCodeBlock)
	return ok && string(fc.Language(src)) == "prompt"
}

// twinHoles leave holes in a twin where other pages' content goes.
var twinHoles = markdown.TwinOptions{
	IncludeAnswer: func(slug string) ([]byte, bool) { return hole(holeInclude, slug), true },
	Calculator:    func(c markdown.Calc) []byte { return append(calcHole(c.Line), '\n') },
}

func prepareTwin(eng *markdown.Engine, d *markdown.Doc) (*bytes.Buffer, error) {
	buf := getScratch()
	return buf, eng.Twin(buf, d, twinHoles)
}

// faqAnswers renders each FAQ answer and reduces it to the tags the
// rich-result rules allow; "" for a question without an answer (the parser
// reported it).
func faqAnswers(eng *markdown.Engine, d *markdown.Doc) []string {
	out := make([]string, len(d.Outline.FAQs))
	for i, qa := range d.Outline.FAQs {
		if qa.Answer == nil {
			continue
		}
		buf := getScratch()
		for c := qa.Answer.FirstChild(); c != nil; c = c.NextSibling() {
			_ = eng.RenderNode(buf, d, c)
		}
		out[i] = strings.TrimSpace(schema.SanitizeAnswerHTML(string(stripHoles(buf.Bytes()))))
		putScratch(buf)
	}
	return out
}

// faqTexts is the plain text of each FAQ answer.
func faqTexts(d *markdown.Doc) []string {
	out := make([]string, len(d.Outline.FAQs))
	for i, qa := range d.Outline.FAQs {
		out[i] = markdown.PlainText(d, qa.Answer)
	}
	return out
}

// answerParts renders each best answer block that is not an include:
// its HTML reduced to the tags rich results allow, and its plain text.
func answerParts(eng *markdown.Engine, d *markdown.Doc) (html, text []string) {
	answers := d.Outline.Answers
	if len(answers) == 0 {
		return nil, nil
	}
	html, text = make([]string, len(answers)), make([]string, len(answers))
	for i, a := range answers {
		if a.Include != "" || a.Node == nil {
			continue
		}
		buf := getScratch()
		for c := a.Node.FirstChild(); c != nil; c = c.NextSibling() {
			_ = eng.RenderNode(buf, d, c)
		}
		html[i] = strings.TrimSpace(schema.SanitizeAnswerHTML(string(stripHoles(buf.Bytes()))))
		putScratch(buf)
		text[i] = markdown.PlainText(d, a.Node)
	}
	return html, text
}

// stepTexts is the plain text of each step's body, without its heading.
func stepTexts(d *markdown.Doc) []string {
	out := make([]string, len(d.Outline.Steps))
	for i, s := range d.Outline.Steps {
		if s.Body == nil {
			continue
		}
		var parts []string
		for c := s.Body.FirstChild(); c != nil; c = c.NextSibling() {
			if _, isHeading := c.(*ast.Heading); isHeading {
				continue
			}
			if t := strings.TrimSpace(markdown.PlainText(d, c)); t != "" {
				parts = append(parts, t)
			}
		}
		out[i] = strings.Join(parts, " ")
	}
	return out
}

// bestAnswer renders an answer page's first answer block for includes:
// its inner HTML, and the Markdown of its body.
func bestAnswer(eng *markdown.Engine, d *markdown.Doc) *IncludedAnswer {
	answers := d.Outline.Answers
	if len(answers) == 0 || answers[0].Node == nil {
		return nil
	}
	c := answers[0].Node
	var buf bytes.Buffer
	buf.WriteString(`<p class="answer-label">Best answer</p>`)
	for n := c.FirstChild(); n != nil; n = n.NextSibling() {
		_ = eng.RenderNode(&buf, d, n)
	}
	var md bytes.Buffer
	eng.TwinBody(&md, d, c, twinHoles) // the twin's edits: no raw HTML the page leaves out
	return &IncludedAnswer{HTML: stripHoles(buf.Bytes()), Markdown: stripHoles(bytes.TrimSpace(md.Bytes()))}
}

// calcIndex finds the calculator a hole names by its line.
func calcIndex(d *markdown.Doc, arg string) (markdown.Calc, bool) {
	line, err := strconv.Atoi(arg)
	if err != nil {
		return markdown.Calc{}, false
	}
	for _, c := range d.Outline.Calculators {
		if c.Line == line {
			return c, true
		}
	}
	return markdown.Calc{}, false
}
