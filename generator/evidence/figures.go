package evidence

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"playbook/generator/markdown"
)

var (
	kindTableRow    = extast.KindTableRow
	kindTableHeader = extast.KindTableHeader
)

// figureRe finds a figure a reader may take as a fact: a percentage, a
// currency amount, a multiplier ("3x", "two times more").
var figureRe = regexp.MustCompile(`(?i)` +
	`[$€£¥₹]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|billion|thousand)\b)?` +
	`|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b)` +
	`|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros|pounds)\b` +
	`|\b\d+(?:\.\d+)?\s?[x×](?:$|[\s.,;:)])` +
	`|\b(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twice)\s+times\s+(?:more|less|fewer|higher|lower|larger|smaller|faster|slower|greater|bigger|as|the|likelier|likely|better|worse|over)\b` +
	`|\btwice\s+as\b`)

// illustrationRe marks a paragraph whose figures are an example the
// writer made up, not a claim that needs a source.
var illustrationRe = regexp.MustCompile(`(?i)\b(?:for example|for instance|e\.g\.|suppose|imagine|say you|hypothetical|illustrat\w*|worked example|if you)\b`)

func checkFigures(p *page) {
	for _, a := range p.answerParagraphs() {
		// The cheap tests go first: most paragraphs state no figure, and
		// most that do cite a source.
		if !mayStateFigure(a.text) || hasSource(p.d, a.node) {
			continue
		}
		fig := figureRe.FindString(a.text)
		if fig == "" || illustrationRe.MatchString(a.text) {
			continue
		}
		p.add(RuleUnsourcedFigure, a.node, "%s states %q with no footnote or link to a source in the same paragraph", a.where, strings.TrimSpace(fig))
	}
}

// mayStateFigure reports whether text holds what every match of figureRe
// needs: a digit, a currency sign, or "twice" or "times".
func mayStateFigure(text string) bool {
	if strings.ContainsAny(text, "0123456789$€£¥₹") {
		return true
	}
	lower := strings.ToLower(text)
	return strings.Contains(lower, "twice") || strings.Contains(lower, "times")
}

// hasSource reports whether n holds a link, an autolink or a footnote
// reference ("[^1]" as text too, for an engine without footnotes).
func hasSource(d *markdown.Doc, n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := c.(type) {
		case *ast.Link, *ast.AutoLink, *extast.FootnoteLink:
			found = true
		case *ast.Text:
			found = strings.Contains(string(x.Value(d.Source)), "[^")
		}
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
