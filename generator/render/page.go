package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"

	"playbook/generator/ltv"
	"playbook/generator/markdown"
	"playbook/generator/model"
)

// Page renders one page: its HTML and its Markdown twin.
func (r *Renderer) Page(p *model.Page) error {
	if err := r.pageHTML(p); err != nil {
		return fmt.Errorf("%s: %w", pageName(p), err)
	}
	if err := r.pageTwin(p); err != nil {
		return fmt.Errorf("%s: %w", pageName(p), err)
	}
	return nil
}

func pageName(p *model.Page) string {
	if p.File != "" {
		return p.File
	}
	return p.URL
}

func (r *Renderer) pageHTML(p *model.Page) error {
	content, err := r.content(p)
	if err != nil {
		return err
	}
	data := r.pageData(p, content)
	if data.JSONLD, err = r.jsonLD(p); err != nil {
		return err
	}
	return r.execute(p.Kind, data, outPath(p.URL, "index.html"))
}

// execute runs a kind's templates and writes the result.
func (r *Renderer) execute(kind model.Kind, data *PageData, out string) error {
	buf := r.getBuf()
	defer r.putBuf(buf)
	if err := r.tpl.Set(kind).ExecuteTemplate(buf, layoutName, data); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	return r.sink.Write(out, buf.Bytes())
}

// content renders the page's Markdown. A workflow's prompt block is left
// out: the card shows it as the interactive prompt.
func (r *Renderer) content(p *model.Page) (template.HTML, error) {
	if p.Doc == nil {
		return "", nil
	}
	var buf bytes.Buffer
	if p.Kind != model.KindWorkflow {
		if err := r.eng.Render(&buf, p.Doc); err != nil {
			return "", err
		}
		return template.HTML(buf.String()), nil
	}
	for c := p.Doc.Root.FirstChild(); c != nil; c = c.NextSibling() {
		if isPromptBlock(c, p.Doc.Source) {
			continue
		}
		if err := r.eng.RenderNode(&buf, p.Doc, c); err != nil {
			return "", err
		}
	}
	return template.HTML(buf.String()), nil
}

func isPromptBlock(n ast.Node, src []byte) bool {
	fc, ok := n.(*ast.FencedCodeBlock)
	return ok && string(fc.Language(src)) == "prompt"
}

func (r *Renderer) pageData(p *model.Page, content template.HTML) *PageData {
	d := &PageData{Site: r.site, Config: r.site.Config, Page: p, Content: content, Year: r.year}
	if p.Doc != nil {
		d.TOC = sectionHeadings(p.Doc.Outline.Headings)
		if len(p.Doc.Outline.Calculators) > 0 {
			d.Scripts = append(d.Scripts, "/js/calculator.js")
			d.Styles = append(d.Styles, "/css/calculator.css")
		}
	}
	switch p.Kind {
	case model.KindCalculator:
		w := ltv.NewWidget("ltv", p.Calculator.Defaults, r.presets, r.site.Config.Currency)
		d.Widget = &w
		d.Scripts = appendOnce(d.Scripts, "/js/calculator.js")
		d.Styles = appendOnce(d.Styles, "/css/calculator.css")
	case model.KindWorkflow:
		if p.Workflow.Prompt != "" {
			d.Prompt = &PromptView{ID: "prompt", Prompt: p.Workflow.Prompt, Placeholders: p.Workflow.Placeholders, FollowUp: p.Workflow.FollowUp}
			d.Scripts = append(d.Scripts, "/js/workflow.js")
			d.Styles = appendOnce(d.Styles, "/css/calculator.css")
		}
	case model.KindVertical:
		d.CalculatorLink = r.calculatorLink(p)
	}
	return d
}

// calculatorLink opens the site's calculator page with a vertical's preset.
func (r *Renderer) calculatorLink(p *model.Page) string {
	preset := p.Vertical.Preset
	if preset == nil {
		return ""
	}
	for _, c := range r.site.Content {
		if c.Kind == model.KindCalculator {
			return RelURL(r.basePath, c.URL) + "?" + preset.Query()
		}
	}
	return ""
}

// sectionHeadings are the h2 headings, the table of contents.
func sectionHeadings(hs []markdown.Heading) []markdown.Heading {
	var out []markdown.Heading
	for _, h := range hs {
		if h.Level == 2 && h.ID != "" {
			out = append(out, h)
		}
	}
	return out
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func templateEscape(s string) string { return template.HTMLEscapeString(s) }

var _ = strings.TrimSpace
