package render

import (
	"bytes"
	"fmt"
	"strings"

	"playbook/generator/ltv"
	"playbook/generator/model"
)

// pageTwin writes the page's Markdown twin: a clean CommonMark version for
// answer engines, beside index.html (llmstxt.org) and at the page's URL
// with .md in place of its final slash (as Mintlify and GitBook publish it).
func (r *Renderer) pageTwin(p *model.Page, pr *Prepared) error {
	buf := getScratch()
	defer putScratch(buf)
	r.twin(buf, p, pr)
	if err := r.sink.Write(TwinFile(p.URL), buf.Bytes()); err != nil {
		return err
	}
	if short := ShortTwinFile(p.URL); short != "" {
		return r.sink.Write(short, buf.Bytes())
	}
	return nil
}

// twin writes a page's Markdown twin. llms-full.txt calls it again rather
// than keep 10,000 twins in memory: with the page prepared, it is cheap.
func (r *Renderer) twin(buf *bytes.Buffer, p *model.Page, pr *Prepared) {
	fmt.Fprintf(buf, "# %s\n\n", oneLine(p.Title))
	if p.Description != "" {
		fmt.Fprintf(buf, "> %s\n\n", oneLine(p.Description))
	}
	switch {
	case p.Kind == model.KindWorkflow:
		r.workflowTwin(buf, p)
	case p.Kind == model.KindVertical:
		r.verticalTwin(buf, p)
	case p.Kind == model.KindCalculator:
		buf.Write(calculatorTwin(p.Calculator.Defaults))
	}
	r.bodyTwin(buf, p, pr)
	sourcesTwin(buf, p.Sources)
	if p.IsList() {
		r.listTwin(buf, p)
	}
	buf.Truncate(len(bytes.TrimRight(buf.Bytes(), "\n")))
	buf.WriteByte('\n')
}

func (r *Renderer) bodyTwin(buf *bytes.Buffer, p *model.Page, pr *Prepared) {
	if pr == nil {
		return
	}
	fillHoles(buf, pr.Twin, func(w *bytes.Buffer, kind byte, arg string, prefix []byte) {
		switch kind {
		case holeInclude:
			if inc, ok := r.answers[arg]; ok {
				writePrefixed(w, inc.Markdown, prefix)
			}
		case holeCalc:
			if c, ok := calcIndex(p.Doc, arg); ok {
				in, _ := ltv.DecodeDefaults(c.Body)
				writePrefixed(w, calculatorTwin(in), prefix)
			}
		}
	})
	buf.WriteString("\n\n")
}

// listTwin lists what the theme's list page shows: its sections' cards,
// then its pages' (the home page shows its sections only; its own pages
// are in the menu).
func (r *Renderer) listTwin(buf *bytes.Buffer, p *model.Page) {
	if p.Section != nil {
		for _, sub := range p.Section.Subs {
			r.twinLink(buf, sub.Page)
		}
	}
	if p.Kind == model.KindHome {
		return
	}
	for _, c := range p.Pages {
		r.twinLink(buf, c)
	}
}

func (r *Renderer) twinLink(buf *bytes.Buffer, p *model.Page) {
	fmt.Fprintf(buf, "- [%s](%s)", oneLine(p.Title), r.absTwin(p))
	if p.Description != "" {
		fmt.Fprintf(buf, ": %s", oneLine(p.Description))
	}
	buf.WriteByte('\n')
}

func (r *Renderer) absTwin(p *model.Page) string {
	return r.site.Config.BaseURL + strings.TrimPrefix(p.TwinURL(), "/")
}

func (r *Renderer) workflowTwin(buf *bytes.Buffer, p *model.Page) {
	w := p.Workflow
	field(buf, "Summary", w.Summary)
	field(buf, "The AI plays", w.Role)
	list(buf, "Use it when", w.UseWhen)
	list(buf, "Inputs you need", w.Inputs)
	list(buf, "What you get back", w.ExpectedOutput)
	list(buf, "Check the output", w.QAChecklist)
	if w.FollowUp != "" {
		fmt.Fprintf(buf, "## Follow-up prompt\n\n```prompt\n%s\n```\n\n", w.FollowUp)
	}
	list(buf, "Cautions", w.Cautions)
	if len(p.Verticals) > 0 {
		buf.WriteString("## How different industries use it\n\n")
		for _, v := range p.Verticals {
			fmt.Fprintf(buf, "- [%s](%s)\n", oneLine(v.Title), r.absTwin(v))
		}
		buf.WriteByte('\n')
	}
}

func (r *Renderer) verticalTwin(buf *bytes.Buffer, p *model.Page) {
	v := p.Vertical
	field(buf, "Industry", v.Industry)
	field(buf, "The business", v.Example)
	if v.Workflow != nil {
		fmt.Fprintf(buf, "**Workflow:** [%s](%s)\n\n", oneLine(v.Workflow.Title), r.absTwin(v.Workflow))
	}
	field(buf, "What they fed the workflow", v.Inputs)
	field(buf, "What came out", v.Output)
	field(buf, "What they chose not to do", v.Avoid)
	if len(v.Metrics) > 0 {
		buf.WriteString("| Metric | Before | After | Change |\n|---|---|---|---|\n")
		for _, m := range v.Metrics {
			change := "—"
			if m.HasChange {
				change = signedPercent(m.Change)
			}
			unit := ""
			if m.Unit != "" {
				unit = " " + m.Unit
			}
			fmt.Fprintf(buf, "| %s | %s%s | %s%s | %s |\n", cell(m.Name), ltv.Format(m.Before), cell(unit), ltv.Format(m.After), cell(unit), change)
		}
		buf.WriteByte('\n')
	}
}

// calculatorTwin states a calculator's defaults and results as a table,
// since a Markdown reader cannot run the widget.
func calculatorTwin(in ltv.Inputs) []byte {
	var buf bytes.Buffer
	w := ltv.NewWidget("ltv", in, nil, "")
	buf.WriteString("**LTV calculator** (interactive on the HTML page). With its default inputs:\n\n| Figure | Value |\n|---|---|\n")
	for _, group := range []string{"main", "expansion"} {
		for _, f := range w.Figures(group) {
			value := f.Text
			if f.Value != "" {
				value = f.Prefix + f.Text + f.Suffix
			} else if f.Note != "" {
				value = f.Note
			}
			fmt.Fprintf(&buf, "| %s | %s |\n", cell(f.Label), cell(value))
		}
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

func field(buf *bytes.Buffer, name, value string) {
	if value != "" {
		fmt.Fprintf(buf, "**%s:** %s\n\n", name, oneLine(value))
	}
}

func list(buf *bytes.Buffer, name string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(buf, "## %s\n\n", name)
	for _, it := range items {
		fmt.Fprintf(buf, "- %s\n", oneLine(it))
	}
	buf.WriteByte('\n')
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }
