package evidence

import (
	"fmt"

	"github.com/yuin/goldmark/ast"

	"playbook/generator/diag"
	"playbook/generator/markdown"
)

// Finding is one thing a rule found, at a line of the parsed body.
type Finding struct {
	Rule string // Rule.ID
	Line int    // 1-based, in the body
	Msg  string
}

// Problem is the finding as a warning of file, whose body starts after
// bodyLine lines.
func (f Finding) Problem(file string, bodyLine int) diag.Problem {
	r, _ := RuleByID(f.Rule)
	return diag.Warnf(file, f.Line+bodyLine, 1, r.Fix, "%s (%s)", f.Msg, f.Rule)
}

// page is one run of the rules over a parsed page.
type page struct {
	d        *markdown.Doc
	findings []Finding
	answers  []answerPara // nil until a rule asks
}

// answerPara is one paragraph of an answer and its plain text, which two
// rules read: it is worked out once per page.
type answerPara struct {
	node  ast.Node
	where string
	text  string
}

// Check runs every rule over a parsed page, before its syntax tree is
// released.
func Check(d *markdown.Doc) []Finding {
	if d == nil || d.Root == nil {
		return nil
	}
	p := &page{d: d}
	for _, r := range Rules {
		r.check(p)
	}
	return p.findings
}

func (p *page) add(rule string, n ast.Node, format string, args ...any) {
	p.findings = append(p.findings, Finding{Rule: rule, Line: p.line(n), Msg: fmt.Sprintf(format, args...)})
}

// line is the line of n's first source line, or of its first block
// descendant's.
func (p *page) line(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			line, _ := diag.LineCol(p.d.Source, c.Lines().At(0).Start)
			return line
		}
		if c.Type() == ast.TypeInline {
			if t, ok := c.(*ast.Text); ok {
				line, _ := diag.LineCol(p.d.Source, t.Segment.Start)
				return line
			}
		}
	}
	return 0
}

// answerParagraphs are the paragraphs of the page's best answers (not
// included ones: their own page is checked) and FAQ answers, each saying
// which it is.
func (p *page) answerParagraphs() []answerPara {
	if p.answers != nil {
		return p.answers
	}
	p.answers = []answerPara{}
	add := func(n ast.Node, where string) {
		paragraphs(n, func(para ast.Node) {
			p.answers = append(p.answers, answerPara{node: para, where: where, text: markdown.PlainText(p.d, para)})
		})
	}
	for _, a := range p.d.Outline.Answers {
		if a.Include == "" && a.Node != nil {
			add(a.Node, "the best answer")
		}
	}
	for _, qa := range p.d.Outline.FAQs {
		if qa.Answer != nil {
			add(qa.Answer, fmt.Sprintf("the answer to %q", clip(qa.Question)))
		}
	}
	return p.answers
}

// paragraphs calls fn with every paragraph-like block under n: a
// paragraph, a tight list item's text, a table row.
func paragraphs(n ast.Node, fn func(ast.Node)) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, kindTableRow, kindTableHeader:
			fn(c)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// String is "line:message", for tests and debugging.
func (f Finding) String() string { return fmt.Sprintf("%d:%s", f.Line, f.Msg) }
