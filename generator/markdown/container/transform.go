package container

import (
	"cmp"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"playbook/generator/diag"
)

type transformer struct{}

var defaultTransformer = &transformer{}

// NewTransformer returns the parser.ASTTransformer that groups faq
// questions and steps into FAQItem and Step nodes and marks the parts of
// answer blocks. It visits only the containers the parser closed, and on
// faq pages the document's top-level blocks, so it never walks the tree.
func NewTransformer() parser.ASTTransformer { return defaultTransformer }

// Transform implements parser.ASTTransformer.Transform.
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	cs := closed(pc)
	// Close order is innermost first; document order gives answer ids in
	// reading order.
	slices.SortFunc(cs, func(a, b *Container) int { return cmp.Compare(a.Offset, b.Offset) })
	if isFAQPage(pc) {
		groupFAQPage(doc, src, pc, cs)
	}
	for _, c := range cs {
		switch c.Name {
		case NameFAQ:
			groupFAQ(c, src, pc)
		case NameSteps:
			groupSteps(c, src, pc)
		case NameAnswer:
			markAnswer(c, src, pc)
		}
	}
}

func groupFAQ(c *Container, src []byte, pc parser.Context) {
	hs := split(c, 3, newFAQItem)
	if len(hs) == 0 {
		report(pc, src, c.Offset, `start each question with a "### " heading inside the block`,
			"faq block has no questions")
	}
	checkAnswers(hs, src, pc, "###")
}

func groupSteps(c *Container, src []byte, pc parser.Context) {
	i := 0
	hs := split(c, 3, func(*ast.Heading) (ast.Node, ast.Node) {
		i++
		s := NewStep(i)
		return s, s
	})
	if len(hs) == 0 {
		report(pc, src, c.Offset, `start each step with a "### " heading inside the block`,
			"steps block has no steps")
	}
}

// groupFAQPage makes every top-level ## heading of an faq page a question.
func groupFAQPage(doc *ast.Document, src []byte, pc parser.Context, cs []*Container) {
	hs := split(doc, 2, newFAQItem)
	checkAnswers(hs, src, pc, "##")
	if len(hs) > 0 || slices.ContainsFunc(cs, func(c *Container) bool { return c.Name == NameFAQ }) {
		return
	}
	// No line: the whole page is at fault, so the problem names the file.
	add(pc, diag.Errorf("", 0, 0, `write each question as a "## " heading followed by its answer`,
		"faq page has no questions"))
}

func newFAQItem(*ast.Heading) (ast.Node, ast.Node) { return NewFAQItem(), NewFAQAnswer() }

// checkAnswers reports questions whose FAQAnswer holds nothing.
func checkAnswers(hs []*ast.Heading, src []byte, pc parser.Context, marks string) {
	for _, h := range hs {
		if a, ok := h.NextSibling().(*FAQAnswer); ok && !a.HasChildren() {
			report(pc, src, h.Pos(), "write the answer below the "+marks+" heading",
				"question %q has no answer", headingText(h, src))
		}
	}
}

// split groups parent's children at headings of level: each such heading
// and the blocks after it, up to the next heading of that level or a
// higher rank, go into a node made by newItem. newItem returns the item and
// the node that receives the body (the item itself, or a child it gets
// after the heading). Blocks before the first heading stay where they are.
func split(parent ast.Node, level int, newItem func(*ast.Heading) (item, body ast.Node)) []*ast.Heading {
	var hs []*ast.Heading
	var body ast.Node
	for c := parent.FirstChild(); c != nil; {
		next := c.NextSibling()
		h, isHeading := c.(*ast.Heading)
		switch {
		case isHeading && h.Level == level:
			item, b := newItem(h)
			item.SetPos(h.Pos())
			parent.InsertBefore(parent, h, item)
			item.AppendChild(item, h)
			if b != item {
				b.SetPos(h.Pos())
				item.AppendChild(item, b)
			}
			body = b
			hs = append(hs, h)
		case isHeading && h.Level < level:
			body = nil // a higher-rank heading ends the last item
		case body != nil:
			body.AppendChild(body, c)
		}
		c = next
	}
	return hs
}

// headingText is the heading's source text, for messages.
func headingText(h *ast.Heading, src []byte) string {
	var b []byte
	lines := h.Lines()
	for i := range lines.Len() {
		if i > 0 {
			b = append(b, ' ')
		}
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return string(b)
}
