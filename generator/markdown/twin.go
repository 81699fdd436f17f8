package markdown

import (
	"bytes"
	"io"

	"github.com/yuin/goldmark/ast"

	"playbook/generator/markdown/container"
)

// TwinOptions supply what a Markdown twin cannot take from its own page.
type TwinOptions struct {
	// IncludeAnswer returns the Markdown of the answer page slug, for
	// `::: answer SLUG` blocks with an empty body.
	IncludeAnswer func(slug string) ([]byte, bool)
	// Calculator returns Markdown standing in for a calculator block; nil
	// writes a one-line note.
	Calculator func(c Calc) []byte
}

// Twin writes the page's Markdown twin: clean CommonMark for answer
// engines. Everything is copied byte for byte from Doc.Source except the
// ::: blocks, located by their node positions: fence lines are dropped,
// an answer becomes a "> **Answer:**" blockquote, a callout a
// "> **Title:**" blockquote, a step heading "### Step N: name", an
// included answer and a calculator are replaced by opts' Markdown. Raw
// HTML the page leaves out (all of it unless the engine is Unsafe, HTML
// comments always) is left out too: a twin says what its page shows.
func (e *Engine) Twin(w io.Writer, d *Doc, opts TwinOptions) error {
	t := &twin{src: d.Source, opts: opts, calcs: d.Outline.Calculators, unsafe: e.unsafe}
	b, inPlace := w.(*bytes.Buffer) // emit into the caller's buffer when it is one
	if !inPlace {
		b = new(bytes.Buffer)
	}
	b.Grow(len(d.Source) + len(d.Source)/8)
	t.emit(b, 0, len(d.Source), t.edits(d.blocks))
	if inPlace {
		return nil
	}
	_, err := w.Write(b.Bytes())
	return err
}

// TwinBody writes the twin of a container's body alone, with the edits
// Twin makes inside it: an answer page's best answer, which other pages'
// twins include.
func (e *Engine) TwinBody(w *bytes.Buffer, d *Doc, c *container.Container, opts TwinOptions) {
	t := &twin{src: d.Source, opts: opts, calcs: d.Outline.Calculators, unsafe: e.unsafe}
	if c.BodyStart < 0 || c.CloseStart > len(d.Source) || c.BodyStart >= c.CloseStart {
		return
	}
	var inner []edit
	for _, ed := range t.edits(d.blocks) {
		if ed.start >= c.BodyStart && ed.end <= c.CloseStart {
			inner = append(inner, ed)
		}
	}
	t.emit(w, c.BodyStart, c.CloseStart, inner)
}

// edit replaces src[start:end]. A container edit rewrites its block; a
// step edit (c == nil) rewrites the step's heading line; a drop edit
// removes raw HTML.
type edit struct {
	start, end int
	c          *container.Container
	step       *container.Step
	heading    bool   // a heading's attribute block: dropped
	prefix     []byte // line prefix of the block's lines: list indent, "> "
	inline     bool   // start is mid-line: the first output line takes no prefix
	drop       bool   // raw HTML: written as nothing
	dropInline bool   // inline raw HTML: the text around it is kept as it is
}

type twin struct {
	src    []byte
	opts   TwinOptions
	calcs  []Calc
	unsafe bool // the page shows raw HTML other than comments
}

// edits turns the containers, steps and raw HTML, in document order, into
// edits sorted by start offset.
func (t *twin) edits(blocks []ast.Node) []edit {
	out := make([]edit, 0, len(blocks))
	for _, n := range blocks {
		var e edit
		var ok bool
		switch x := n.(type) {
		case *container.Container:
			e, ok = t.containerEdit(x)
		case *container.Step:
			e, ok = t.stepEdit(x)
		case *ast.Heading:
			e, ok = t.attributeEdit(x)
		case *ast.HTMLBlock:
			e, ok = t.htmlBlockEdit(x)
		case *ast.RawHTML:
			out = t.rawHTMLEdits(out, x)
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// htmlBlockEdit drops an HTML block's lines when the page leaves the block
// out: always unless raw HTML is allowed, and a comment even then.
func (t *twin) htmlBlockEdit(h *ast.HTMLBlock) (edit, bool) {
	lines := h.Lines()
	if lines.Len() == 0 || t.unsafe && h.HTMLBlockType != ast.HTMLBlockType2 {
		return edit{}, false
	}
	start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if h.HasClosure() {
		end = max(end, h.ClosureLine.Stop)
	}
	if start < 0 || end > len(t.src) || end <= start {
		return edit{}, false
	}
	end = lineEnd(t.src, end-1)
	e := edit{start: start, end: end, drop: true}
	if ls := lineStart(t.src, start); isBlankQuoted(t.src[ls:start]) {
		e.start = ls
	} else {
		e.inline, e.prefix = true, linePrefix(t.src[ls:start]) // after a list marker, which stays
	}
	return e, true
}

// rawHTMLEdits drops inline raw HTML tag by tag, as the page does: the
// text between an omitted <span> and </span> stays in both.
func (t *twin) rawHTMLEdits(out []edit, r *ast.RawHTML) []edit {
	segs := r.Segments
	if segs.Len() == 0 {
		return out
	}
	if t.unsafe && !isComment(t.src, segs.At(0).Start) {
		return out
	}
	for i := range segs.Len() {
		s := segs.At(i)
		if s.Start >= 0 && s.Start < s.Stop && s.Stop <= len(t.src) {
			out = append(out, edit{start: s.Start, end: s.Stop, dropInline: true})
		}
	}
	return out
}

func (t *twin) containerEdit(c *container.Container) (edit, bool) {
	n := len(t.src)
	if c.Offset < 0 || c.Offset >= n || t.src[c.Offset] != ':' || c.End > n || c.End < c.Offset {
		return edit{}, false
	}
	ls := lineStart(t.src, c.Offset)
	e := edit{start: c.Offset, end: c.End, c: c, prefix: linePrefix(t.src[ls:c.Offset])}
	if isBlankQuoted(t.src[ls:c.Offset]) {
		e.start = ls // only indentation or quote markers: the whole line goes
	} else {
		e.inline = true // after a list marker: keep it, the block continues its line
	}
	return e, true
}

// attributeEdit drops a heading's attribute block ("## Pricing {#pricing}"
// becomes "## Pricing"): plain CommonMark readers would show it as text.
func (t *twin) attributeEdit(h *ast.Heading) (edit, bool) {
	rest := attributeBlock(t.src, h)
	if rest == nil {
		return edit{}, false
	}
	start := h.Lines().At(0).Stop
	end := start + len(bytes.TrimRight(rest, "\n"))
	return edit{start: start, end: end, heading: true}, true
}

// stepEdit rewrites a step heading "### Name" as "### Step N: Name",
// unless the writer numbered it already.
func (t *twin) stepEdit(s *container.Step) (edit, bool) {
	h := s.Heading()
	if h == nil || h.Lines().Len() == 0 || h.Pos() < 0 || h.Pos() >= len(t.src) {
		return edit{}, false
	}
	ls := lineStart(t.src, h.Pos())
	le := lineEnd(t.src, h.Pos())
	hash := bytes.IndexByte(t.src[ls:le], '#')
	seg := h.Lines().At(0)
	name := seg.Value(t.src)
	if hash < 0 || numbered(name) {
		return edit{}, false
	}
	return edit{start: ls + hash, end: le, step: s}, true
}

// emit copies src[start:end] to w, applying the edits that fall inside.
// Edits nested in another one are applied by that one.
func (t *twin) emit(w *bytes.Buffer, start, end int, edits []edit) {
	pos := start
	for i := 0; i < len(edits); {
		e := edits[i]
		j := i + 1
		for j < len(edits) && edits[j].start < e.end {
			j++
		}
		if e.start >= pos && e.end <= end {
			w.Write(t.src[pos:e.start])
			pos = t.apply(w, e, edits[i+1:j], end)
		}
		i = j
	}
	w.Write(t.src[pos:end])
}

// apply writes the replacement of e and returns the offset copying goes
// on from: e.end, or past a blank line when the block came out empty, so
// a dropped block does not leave two blank lines behind.
func (t *twin) apply(w *bytes.Buffer, e edit, inner []edit, limit int) int {
	switch {
	case e.dropInline:
		return e.end
	case e.drop && e.inline: // an HTML block after a list marker: the item stays, empty
		w.WriteByte('\n')
		return e.end
	case e.step != nil:
		t.stepHeading(w, e, inner)
		return e.end
	}
	if e.heading {
		return e.end
	}
	block := t.block(e, inner)
	if len(block) == 0 && !e.inline {
		if endsBlank(w.Bytes()) && e.end < limit && blankNext(t.src, e.end) {
			return min(lineEnd(t.src, e.end), limit)
		}
		return e.end
	}
	// Blank lines around the block keep it from running into the text
	// before or after the dropped fence lines.
	if !e.inline && !endsBlank(w.Bytes()) {
		writeSeparator(w, e.prefix)
	}
	writePrefixed(w, block, e.prefix, e.inline)
	if !blankNext(t.src, e.end) {
		writeSeparator(w, e.prefix)
	}
	return e.end
}

// block returns the Markdown that replaces a container, without the
// prefix of its lines.
func (t *twin) block(e edit, inner []edit) []byte {
	c := e.c
	switch {
	case e.drop:
		return nil
	case c.Name == container.NameCalculator:
		return t.calculator(c)
	case c.Include() != "":
		return t.include(c.Include())
	}
	var body bytes.Buffer
	t.emit(&body, c.BodyStart, max(c.BodyStart, c.CloseStart), inner)
	b := trimBlankLines(stripPrefix(body.Bytes(), e.prefix))
	switch {
	case c.Name == container.NameAnswer:
		direct, _, _ := c.AnswerParts()
		return quote(b, "Answer", direct != nil && ast.Node(direct) == c.FirstChild())
	case container.IsCallout(c.Name):
		_, para := c.FirstChild().(*ast.Paragraph)
		return quote(b, c.Title(), para)
	}
	return b
}

func (t *twin) stepHeading(w *bytes.Buffer, e edit, inner []edit) {
	h := e.step.Heading()
	seg := h.Lines().At(0)
	w.WriteString("### Step ")
	w.WriteString(itoa(e.step.Index))
	w.WriteString(": ")
	t.emit(w, seg.Start, seg.Stop, inner)
	w.WriteByte('\n')
}

func (t *twin) calculator(c *container.Container) []byte {
	if t.opts.Calculator != nil {
		for _, calc := range t.calcs {
			if calc.Node == c {
				return ensureNewline(t.opts.Calculator(calc))
			}
		}
	}
	kind := c.Arg
	if kind == "" {
		kind = "interactive"
	}
	return []byte("*The " + kind + " calculator is interactive: use it on the HTML version of this page.*\n")
}

func (t *twin) include(slug string) []byte {
	if t.opts.IncludeAnswer == nil {
		return nil
	}
	md, ok := t.opts.IncludeAnswer(slug)
	if !ok {
		return nil // the model reports the missing answer
	}
	md = trimBlankLines(md)
	return quote(md, "Answer", startsParagraph(md))
}

// isComment reports whether the raw HTML at off is an HTML comment.
func isComment(src []byte, off int) bool {
	return off >= 0 && off <= len(src) && bytes.HasPrefix(src[off:], []byte("<!--"))
}
