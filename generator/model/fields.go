package model

import (
	"fmt"
	"math"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/ltv"
	"playbook/generator/meta"
)

// readKind reads the front matter fields of the page's kind.
func readKind(r *meta.Reader, p *Page) {
	switch p.Kind {
	case KindWorkflow:
		p.Workflow = readWorkflow(r, p)
	case KindVertical:
		p.Vertical = readVertical(r, p)
	case KindCalculator:
		p.Calculator = readCalculator(r)
	case KindHome:
		p.Questions = readQuestions(r)
	}
	checkEmbeddedCalculators(r, p)
}

func readWorkflow(r *meta.Reader, p *Page) *Workflow {
	w := &Workflow{
		Summary:        strings.TrimSpace(r.String("summary")),
		Role:           strings.TrimSpace(r.String("role")),
		UseWhen:        r.Strings("use_when"),
		Inputs:         r.Strings("inputs"),
		ExpectedOutput: r.Strings("expected_output"),
		QAChecklist:    r.Strings("qa_checklist"),
		FollowUp:       strings.TrimSpace(r.String("follow_up")),
		Cautions:       r.Strings("cautions"),
		VerticalSlugs:  r.Strings("verticals"),
	}
	if p.Summary == "" {
		p.Summary = w.Summary
	}
	prompts := p.Doc.Outline.Prompts
	if len(prompts) == 0 {
		r.Warnf("title", "add the prompt in a fenced code block: ```prompt … ```", "the workflow has no prompt block")
		return w
	}
	w.Prompt = prompts[0].Text
	w.PromptLine = prompts[0].Line + p.Source.BodyLine
	w.Placeholders = p.Doc.Outline.Placeholders
	if len(w.Placeholders) > MaxPlaceholders {
		r.Problems.Add(diag.Errorf(p.File, w.PromptLine, 1, "ask for fewer inputs: split the workflow into several prompts",
			"the workflow prompt has %d placeholders, more than the %d a reader can fill in", len(w.Placeholders), MaxPlaceholders))
		w.Placeholders = w.Placeholders[:MaxPlaceholders]
	}
	if len(w.Placeholders) == 0 {
		r.Problems.Add(diag.Warnf(p.File, w.PromptLine, 1, "mark what the reader fills in as [UPPER CASE] tokens, such as [AOV]",
			"the workflow prompt has no placeholders"))
	}
	return w
}

// MaxPlaceholders bounds the inputs a workflow page shows: each is a
// labelled field of the page.
const MaxPlaceholders = 100

func readVertical(r *meta.Reader, p *Page) *Vertical {
	v := &Vertical{
		Industry:     strings.TrimSpace(r.String("vertical")),
		Example:      strings.TrimSpace(r.String("example")),
		WorkflowSlug: strings.TrimSpace(r.String("workflow")),
		Inputs:       strings.TrimSpace(r.String("inputs")),
		Output:       strings.TrimSpace(r.String("output")),
		Avoid:        strings.TrimSpace(r.String("avoid")),
	}
	for i, m := range r.Mappings("metrics") {
		if metric, ok := readMetric(r, fmt.Sprintf("metrics[%d]", i), m); ok {
			v.Metrics = append(v.Metrics, metric)
		}
	}
	if preset := r.Mapping("calculator"); preset != nil {
		v.Preset = readPreset(r, p, preset)
	}
	return v
}

func readMetric(r *meta.Reader, path string, m map[string]any) (Metric, bool) {
	name, _ := m["name"].(string)
	unit, _ := m["unit"].(string)
	before, okB := r.FloatAt(path+".before", m["before"])
	after, okA := r.FloatAt(path+".after", m["after"])
	if strings.TrimSpace(name) == "" || !okB || !okA {
		r.Errorf(path, `write - { name: "ARPU", before: 42, after: 58, unit: "$/mo" }`,
			"a metric needs a name and numeric before and after values")
		return Metric{}, false
	}
	metric := Metric{Name: strings.TrimSpace(name), Before: before, After: after, Unit: strings.TrimSpace(unit)}
	if before != 0 {
		metric.Change = (after - before) / math.Abs(before) * 100
		metric.HasChange = true
	}
	return metric, true
}

// readPreset checks a vertical's calculator preset with the calculator's
// own validation, so a preset can never load the calculator into an error.
func readPreset(r *meta.Reader, p *Page, m map[string]any) *ltv.Preset {
	name := p.Title
	if industry, _ := p.Params["vertical"].(string); industry != "" {
		name = industry
	}
	preset, errs := ltv.NewPreset(slugOf(p), name, m)
	for _, e := range errs {
		r.Errorf("calculator."+e.Key, "use the calculator's URL keys (mode, aov, frequency, years, margin, arpa, churn, discount, cac, attach, addon, uplift) with valid values",
			"calculator preset: %s", e.Msg)
	}
	if len(errs) > 0 {
		return nil
	}
	return &preset
}

func readCalculator(r *meta.Reader) *Calculator {
	c := &Calculator{Name: strings.TrimSpace(r.String("calculator"))}
	if c.Name == "" {
		c.Name = "ltv"
	}
	if c.Name != "ltv" {
		r.Errorf("calculator", "write calculator: ltv", "calculator %q is not known", c.Name)
	}
	defaults := r.Mapping("defaults")
	in, errs := ltv.FromMap(defaults)
	for _, e := range errs {
		r.Errorf("defaults."+e.Key, "fix the value under defaults:", "invalid calculator default: %s", e.Msg)
	}
	c.Defaults = in
	return c
}

func readQuestions(r *meta.Reader) []HomeQuestion {
	var out []HomeQuestion
	for i, m := range r.Mappings("questions") {
		q := HomeQuestion{Question: str(m["question"]), Answer: str(m["answer"]), URL: str(m["url"])}
		if q.Question == "" || q.URL == "" {
			r.Errorf(fmt.Sprintf("questions[%d]", i), `write - { question: "How do I grow LTV?", answer: "…", url: "/guides/…/" }`,
				"a home question needs a question and a url")
			continue
		}
		out = append(out, q)
	}
	return out
}

// checkEmbeddedCalculators validates the YAML of every `::: calculator`
// block at build time, with lines in the page's file.
func checkEmbeddedCalculators(r *meta.Reader, p *Page) {
	for _, c := range p.Doc.Outline.Calculators {
		line := p.Source.BodyLine + c.Line
		if c.Kind != "ltv" {
			r.Problems.Add(diag.Errorf(p.File, line, 1, "write ::: calculator ltv", "calculator %q is not known", c.Kind))
			continue
		}
		_, probs := ltv.DecodeDefaults(c.Body)
		for _, prob := range probs {
			r.Problems.Add(prob.Shift(p.File, p.Source.BodyLine+c.BodyLine-1))
		}
	}
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}
