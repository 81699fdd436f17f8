package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"playbook/generator/markdown/container"
)

// Outline is what the model needs from a page body, gathered by one walk
// during Parse. Lines are 1-based and relative to Doc.Source.
type Outline struct {
	Title        string // text of the first # heading, if any
	Headings     []Heading
	FAQs         []QA     // from faq blocks and faq pages, in order
	Steps        []Step   // from steps blocks
	Answers      []Answer // ::: answer blocks
	Calculators  []Calc
	Links        []Link   // every link and image destination
	Placeholders []string // distinct placeholders of all prompt blocks, in order
	Prompts      []Prompt // ```prompt blocks
	CodeBlocks   int      // fenced and indented code blocks but prompts: the page gets copy buttons
	// RawHTML holds the line and column of each piece of raw HTML (HTML
	// comments aside), which is left out unless the site allows it.
	RawHTML []Link
}

// Heading is one heading of the page.
type Heading struct {
	Level    int
	Text, ID string
	Line     int
}

// QA is one question and its answer.
type QA struct {
	Question string
	Answer   ast.Node // the *container.FAQAnswer
	Line     int      // of the question heading
	ID       string   // the question heading's id
}

// Step is one step of a steps block.
type Step struct {
	Name string
	Body ast.Node // the *container.Step
	Line int
	ID   string
}

// Answer is one ::: answer block.
type Answer struct {
	Node       *container.Container
	Include    string   // slug of an included answer, or ""
	Direct     ast.Node // the direct-answer paragraph, or nil
	Proof      ast.Node // the "Proof:" paragraph, or nil
	Next       ast.Node // the "Next step:" paragraph, or nil
	DirectText string   // plain text of Direct
	Words      int      // words in DirectText
	Line       int
	Heading    string // text of the nearest heading above: the question it answers
	HeadingID  string // that heading's id, the answer's anchor
}

// Calc is one ::: calculator block.
type Calc struct {
	Node     *container.Container
	Kind     string // the block's ARG: "ltv"
	Body     []byte // the YAML body
	BodyLine int    // line of the body's first line
	Line     int
}

// Link is one link or image destination.
type Link struct {
	Dest      string
	Line, Col int
}

// Prompt is one fenced code block of language prompt.
type Prompt struct {
	Text string
	Line int // of the opening fence
}

// outliner carries the walk's state.
type outliner struct {
	d         Doc // Source only; PlainText needs a *Doc
	lines     lineIndex
	o         Outline
	blocks    []ast.Node
	heading   string          // text of the last heading seen
	headingID string          // and its id
	seen      map[string]bool // o.Placeholders as a set
}

// outline walks root once and returns the outline and, for Twin, the
// containers, steps and raw HTML in document order.
func outline(src []byte, root ast.Node) (Outline, []ast.Node) {
	w := &outliner{d: Doc{Source: src}, lines: newLineIndex(src)}
	_ = ast.Walk(root, w.visit)
	return w.o, w.blocks
}

func (w *outliner) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch x := n.(type) {
	case *ast.Text:
	case *ast.Heading:
		w.addHeading(x)
	case *container.FAQItem:
		w.addFAQ(x)
	case *container.Step:
		w.addStep(x)
	case *container.Container:
		w.addContainer(x)
	case *ast.Link:
		w.addLink(x.Destination, x.Pos())
	case *ast.Image:
		w.addLink(x.Destination, x.Pos())
	case *ast.AutoLink:
		w.addLink(x.URL(w.d.Source), x.Pos())
	case *ast.FencedCodeBlock:
		w.addPrompt(x)
	case *ast.CodeBlock:
		w.o.CodeBlocks++
	case *ast.HTMLBlock:
		if x.HTMLBlockType != ast.HTMLBlockType2 && x.Lines().Len() > 0 { // type 2 is a comment
			w.addRawHTML(x.Lines().At(0))
		}
		w.blocks = append(w.blocks, x) // the twin leaves out what the page does
	case *ast.RawHTML:
		if x.Segments.Len() > 0 {
			w.addRawHTML(x.Segments.At(0))
		}
		w.blocks = append(w.blocks, x)
	}
	return ast.WalkContinue, nil
}

func (w *outliner) addHeading(h *ast.Heading) {
	t := PlainText(&w.d, h)
	w.heading, w.headingID = t, headingID(h)
	if h.Level == 1 && w.o.Title == "" {
		w.o.Title = t
	}
	w.o.Headings = append(w.o.Headings, Heading{Level: h.Level, Text: t, ID: headingID(h), Line: w.lines.line(h.Pos())})
	if h.Attributes() != nil && attributeBlock(w.d.Source, h) != nil {
		w.blocks = append(w.blocks, h) // Twin drops the {#id .class} block
	}
}

// attributeBlock returns the " {#id .class}" that ends an ATX heading's
// line, which goldmark's heading attribute option left out of the
// heading's text; nil when the line has none.
func attributeBlock(src []byte, h *ast.Heading) []byte {
	if h.Lines().Len() == 0 {
		return nil
	}
	stop := h.Lines().At(0).Stop
	if stop > len(src) {
		return nil
	}
	rest := src[stop:lineEnd(src, stop)]
	trimmed := bytes.TrimRight(rest, " \t\n#")
	// Between the text and the block: spaces, and an ATX heading's
	// optional closing hashes ("## Tail ## {#t}").
	if i := bytes.IndexByte(trimmed, '{'); i < 0 || !bytes.HasSuffix(trimmed, []byte("}")) || len(bytes.Trim(trimmed[:i], " \t#")) > 0 {
		return nil
	}
	return rest
}

func (w *outliner) addFAQ(item *container.FAQItem) {
	h := item.Question()
	if h == nil {
		return
	}
	w.o.FAQs = append(w.o.FAQs, QA{
		Question: PlainText(&w.d, h), Answer: item.Answer(), Line: w.lines.line(h.Pos()), ID: headingID(h),
	})
}

func (w *outliner) addStep(s *container.Step) {
	w.blocks = append(w.blocks, s)
	h := s.Heading()
	if h == nil {
		return
	}
	w.o.Steps = append(w.o.Steps, Step{Name: PlainText(&w.d, h), Body: s, Line: w.lines.line(h.Pos()), ID: headingID(h)})
}

func (w *outliner) addContainer(c *container.Container) {
	w.blocks = append(w.blocks, c)
	switch c.Name {
	case container.NameAnswer:
		w.addAnswer(c)
	case container.NameCalculator:
		w.o.Calculators = append(w.o.Calculators, Calc{
			Node: c, Kind: c.Arg, Body: c.RawBody(w.d.Source),
			BodyLine: w.lines.line(c.BodyStart), Line: w.lines.line(c.Offset),
		})
	}
}

func (w *outliner) addAnswer(c *container.Container) {
	a := Answer{Node: c, Include: c.Include(), Line: w.lines.line(c.Offset), Heading: w.heading, HeadingID: w.headingID}
	direct, proof, next := c.AnswerParts()
	// Only non-nil pointers go into the interfaces, so callers can test
	// a.Proof == nil.
	if direct != nil {
		a.Direct = direct
		a.DirectText = PlainText(&w.d, direct)
		a.Words = len(strings.Fields(a.DirectText))
	}
	if proof != nil {
		a.Proof = proof
	}
	if next != nil {
		a.Next = next
	}
	w.o.Answers = append(w.o.Answers, a)
}

func (w *outliner) addLink(dest []byte, pos int) {
	line, col := w.lines.lineCol(pos)
	w.o.Links = append(w.o.Links, Link{Dest: string(dest), Line: line, Col: col})
}

func (w *outliner) addRawHTML(s text.Segment) {
	if bytes.HasPrefix(s.Value(w.d.Source), []byte("<!--")) {
		return
	}
	line, col := w.lines.lineCol(s.Start)
	w.o.RawHTML = append(w.o.RawHTML, Link{Dest: string(s.Value(w.d.Source)), Line: line, Col: col})
}

func (w *outliner) addPrompt(f *ast.FencedCodeBlock) {
	if string(f.Language(w.d.Source)) != "prompt" {
		w.o.CodeBlocks++
		return
	}
	var b strings.Builder
	writeLines(&b, w.d.Source, f)
	p := Prompt{Text: b.String(), Line: w.lines.line(f.Pos())}
	w.o.Prompts = append(w.o.Prompts, p)
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	for _, tok := range Placeholders(p.Text) {
		if !w.seen[tok] {
			w.seen[tok] = true
			w.o.Placeholders = append(w.o.Placeholders, tok)
		}
	}
}

func headingID(h *ast.Heading) string {
	if id, ok := h.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok {
			return string(b)
		}
	}
	return ""
}
