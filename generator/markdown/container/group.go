package container

import "github.com/yuin/goldmark/ast"

// KindFAQItem is the ast.NodeKind of FAQItem.
var KindFAQItem = ast.NewNodeKind("FAQItem")

// KindFAQAnswer is the ast.NodeKind of FAQAnswer.
var KindFAQAnswer = ast.NewNodeKind("FAQAnswer")

// KindStep is the ast.NodeKind of Step.
var KindStep = ast.NewNodeKind("Step")

// FAQItem is one question of an faq block or faq page. Its children are the
// question heading and one FAQAnswer.
type FAQItem struct{ ast.BaseBlock }

// NewFAQItem returns an empty FAQItem.
func NewFAQItem() *FAQItem { return &FAQItem{} }

// Kind implements ast.Node.Kind.
func (n *FAQItem) Kind() ast.NodeKind { return KindFAQItem }

// Dump implements ast.Node.Dump.
func (n *FAQItem) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Question returns the item's heading.
func (n *FAQItem) Question() *ast.Heading {
	h, _ := n.FirstChild().(*ast.Heading)
	return h
}

// Answer returns the item's answer.
func (n *FAQItem) Answer() *FAQAnswer {
	a, _ := n.LastChild().(*FAQAnswer)
	return a
}

// FAQAnswer holds the blocks that answer an FAQItem's question.
type FAQAnswer struct{ ast.BaseBlock }

// NewFAQAnswer returns an empty FAQAnswer.
func NewFAQAnswer() *FAQAnswer { return &FAQAnswer{} }

// Kind implements ast.Node.Kind.
func (n *FAQAnswer) Kind() ast.NodeKind { return KindFAQAnswer }

// Dump implements ast.Node.Dump.
func (n *FAQAnswer) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Step is one step of a steps block: its heading, then its body blocks.
type Step struct {
	ast.BaseBlock
	Index int // 1-based position in its steps block
}

// NewStep returns an empty Step numbered index.
func NewStep(index int) *Step { return &Step{Index: index} }

// Kind implements ast.Node.Kind.
func (n *Step) Kind() ast.NodeKind { return KindStep }

// Dump implements ast.Node.Dump.
func (n *Step) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Heading returns the step's heading.
func (n *Step) Heading() *ast.Heading {
	h, _ := n.FirstChild().(*ast.Heading)
	return h
}
