package evidence

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"playbook/generator/markdown"
)

// inlineQuoteRe finds a quotation inside a paragraph.
var inlineQuoteRe = regexp.MustCompile(`“([^”]+)”|"([^"]+)"`)

// attributionRe is a paragraph saying who said what it quotes.
var attributionRe = regexp.MustCompile(`(?i)\b(?:said|says|saying|wrote|writes|according to|told|tells|puts it|put it|explained|explains|recalls|recalled|noted|notes|in the words of)\b`)

// dashes open an attribution line: "— Name, Role".
const dashes = "—–―~"

// checkQuotes looks at every blockquote of the page, and at quotations
// inside the paragraphs of answers: in the rest of the prose a quoted
// sentence is as often a line to say to a customer ("Frame it around the
// result: \"…\"") as something someone said.
func checkQuotes(p *page) {
	_ = ast.Walk(p.d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindBlockquote {
			p.checkBlockquote(n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, a := range p.answerParagraphs() {
		if a.node.Parent() == nil || a.node.Parent().Kind() != ast.KindBlockquote {
			p.checkInlineQuote(a.node, a.text)
		}
	}
}

func (p *page) checkBlockquote(bq ast.Node) {
	text := markdown.PlainText(p.d, bq)
	if len(strings.Fields(text)) < minQuotationWords || strings.HasPrefix(text, "[!") {
		return
	}
	if hasSource(p.d, bq) || attributed(p.d, bq) || attributionRe.MatchString(text) {
		return
	}
	next := bq.NextSibling()
	for i := 0; i < attributionLookahead && next != nil; i++ {
		if next.Kind() == ast.KindParagraph && startsWithDash(markdown.PlainText(p.d, next)) {
			return
		}
		next = next.NextSibling()
	}
	p.add(RuleUnattributed, bq, "a quotation of %d words says nothing of who said it", len(strings.Fields(text)))
}

// attributed reports whether a paragraph or line of the blockquote starts
// with a dash.
func attributed(d *markdown.Doc, bq ast.Node) bool {
	for c := bq.FirstChild(); c != nil; c = c.NextSibling() {
		for i := 0; i < c.Lines().Len(); i++ {
			seg := c.Lines().At(i)
			if startsWithDash(string(seg.Value(d.Source))) {
				return true
			}
		}
	}
	return false
}

func startsWithDash(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "--") || (s != "" && strings.ContainsRune(dashes, []rune(s)[0]))
}

func (p *page) checkInlineQuote(para ast.Node, text string) {
	if !strings.ContainsAny(text, "\"“") {
		return
	}
	for _, m := range inlineQuoteRe.FindAllStringSubmatch(text, -1) {
		quote := m[1] + m[2]
		words := len(strings.Fields(quote))
		// A quoted question is usually what to ask, not what someone said.
		if words < minQuotationWords || strings.HasSuffix(strings.TrimSpace(quote), "?") {
			continue
		}
		if hasSource(p.d, para) || attributionRe.MatchString(text) || strings.ContainsAny(text, "—–") {
			return
		}
		p.add(RuleUnattributed, para, "a quotation of %d words (%q) says nothing of who said it", words, clip(quote))
		return
	}
}
