package render

import (
	"bytes"
	"fmt"
	"html/template"
	"unsafe"

	"playbook/generator/ltv"
	"playbook/generator/markdown"
	"playbook/generator/model"
)

// Page renders one page: its HTML and its Markdown twin, written to the
// sink as soon as each is made.
func (r *Renderer) Page(p *model.Page) error {
	pr, err := r.prepared(p, AllParts)
	defer pr.Release()
	if err == nil && pr != nil && r.opts.Search != nil {
		err = r.opts.Search(p, pr.Search)
	}
	if err == nil {
		err = r.pageHTML(p, pr)
	}
	if err == nil {
		err = r.pageTwin(p, pr)
	}
	if err == nil {
		err = r.writeCard(p)
	}
	if err != nil {
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

func (r *Renderer) pageHTML(p *model.Page, pr *Prepared) error {
	data := r.pageData(p, pr)
	out := PageFile(p.URL)
	var err error
	if data.JSONLD, err = r.jsonLD(p, pr, out); err != nil {
		return err
	}
	return r.execute(p.Kind, data, out)
}

// execute runs a kind's templates and writes the result.
func (r *Renderer) execute(kind model.Kind, data *PageData, out string) error {
	buf := getScratch()
	defer putScratch(buf)
	if err := r.tpl.Set(kind).ExecuteTemplate(buf, layoutName, data); err != nil {
		// A mistake of the template, reported at its file and line with
		// the rest; the failed build keeps the previous output.
		r.problems.add(r.tpl.execProblem(err))
		return nil
	}
	return r.sink.Write(out, buf.Bytes())
}

// content is the page's prepared HTML with other pages' content filled
// in.
func (r *Renderer) content(p *model.Page, pr *Prepared) template.HTML {
	if pr == nil {
		return ""
	}
	body := pr.Body
	if bytes.IndexByte(body, holeMark) < 0 {
		// Most pages have no hole: hand the template the prepared bytes,
		// which nothing writes to once Prepare returns, without a copy.
		return template.HTML(unsafe.String(unsafe.SliceData(body), len(body)))
	}
	var buf bytes.Buffer
	buf.Grow(len(body) + len(body)/4)
	fillHoles(&buf, body, r.fillHTML(p))
	return template.HTML(buf.String())
}

func (r *Renderer) pageData(p *model.Page, pr *Prepared) *PageData {
	d := &PageData{Site: r.site, Config: r.site.Config, Page: p, Content: r.content(p, pr), Year: r.year,
		Search: r.opts.SearchBox, SearchShards: r.opts.SearchShards}
	if pr != nil {
		d.TOC = pr.TOC
	}
	if p.Doc != nil {
		if len(p.Doc.Outline.Calculators) > 0 {
			d.Scripts = append(d.Scripts, "/js/calculator.js")
			d.Styles = append(d.Styles, "/css/calculator.css")
		}
		if p.Doc.Outline.CodeBlocks > 0 {
			d.Scripts = append(d.Scripts, "/js/code.js") // copy buttons
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
