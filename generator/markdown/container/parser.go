package container

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"playbook/generator/suggest"
)

type containerParser struct{}

var defaultContainerParser = &containerParser{}

// NewContainerParser returns a parser.BlockParser for ::: blocks.
func NewContainerParser() parser.BlockParser { return defaultContainerParser }

// Trigger implements parser.BlockParser.Trigger.
func (b *containerParser) Trigger() []byte { return []byte{':'} }

// Open implements parser.BlockParser.Open. A run of three or more colons
// followed by anything opens a block; a bare run of colons does not (it is
// a closing line, or plain text when nothing is open).
func (b *containerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) || line[pos] != ':' {
		return nil, parser.NoChildren
	}
	n := colonRun(line[pos:])
	if n < 3 || util.IsBlank(line[pos+n:]) {
		return nil, parser.NoChildren
	}
	if depth(parent) >= MaxDepth {
		tooDeep(pc, reader.Source(), seg.Start-seg.Padding+pos)
		return nil, parser.NoChildren
	}
	in := parseInfo(line[pos+n:])
	c := NewContainer(in.name, in.arg, in.attrs, n, seg.Start-seg.Padding+pos)
	c.openQuote, c.indent = in.quote, pos
	c.BodyStart, c.End = seg.Stop, seg.Stop
	reader.AdvanceToEOL()
	if c.IsRaw() {
		return c, parser.NoChildren
	}
	return c, parser.HasChildren
}

// Continue implements parser.BlockParser.Continue.
func (b *containerParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	c := node.(*Container)
	line, seg := reader.PeekLine()
	if isClosing(c, line, reader.LineOffset(), pc) {
		c.Closed = true
		c.CloseStart = lineStart(reader.Source(), seg.Start)
		c.End = seg.Stop
		reader.AdvanceToEOL()
		return parser.Close
	}
	c.End = seg.Stop
	if c.IsRaw() {
		appendRawLine(c, line, seg, reader)
		return parser.Continue | parser.NoChildren
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.Close. Problems are recorded here,
// once per block, because Open may see a line more than once.
func (b *containerParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	c := node.(*Container)
	src := reader.Source()
	if !c.Closed {
		c.CloseStart = c.End
		fence := strings.Repeat(":", c.FenceLen)
		report(pc, src, c.Offset, `add a line "`+fence+`" after its last line`,
			"block %q opened here is never closed", c.Name)
	}
	switch {
	case c.Name == "":
		report(pc, src, c.Offset, `write a name after the colons, e.g. "::: note"`, "block has no name")
	case !IsKnown(c.Name):
		report(pc, src, c.Offset, suggest.Fix(c.Name, knownNames, knownFix), "unknown block %q", c.Name)
	}
	if c.openQuote {
		report(pc, src, c.Offset, "close the quote on the same line", "block %q has an unterminated quote", c.Name)
	}
	addClosed(pc, c)
}

// CanInterruptParagraph implements parser.BlockParser.CanInterruptParagraph.
func (b *containerParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.CanAcceptIndentedLine.
func (b *containerParser) CanAcceptIndentedLine() bool { return false }

// isClosing reports whether line closes c: at most three spaces of
// indentation, at least FenceLen colons, nothing else. A line that an open
// fenced code block or an inner block would take is left to them, so
// `:::` shown in a code sample and same-length nesting both work.
func isClosing(c *Container, line []byte, lineOffset int, pc parser.Context) bool {
	w, pos := util.IndentWidth(line, lineOffset)
	if w >= 4 || pos >= len(line) {
		return false
	}
	n := colonRun(line[pos:])
	if n < c.FenceLen || !util.IsBlank(line[pos+n:]) {
		return false
	}
	return !claimedInside(c, n, pc)
}

// claimedInside reports whether a block opened inside c wants a closing
// line of n colons more than c does.
func claimedInside(c *Container, n int, pc parser.Context) bool {
	blocks := pc.OpenedBlocks()
	inside := false
	for _, b := range blocks {
		if !inside {
			inside = b.Node == c
			continue
		}
		switch x := b.Node.(type) {
		case *ast.FencedCodeBlock:
			return true
		case *Container:
			if x.FenceLen <= n {
				return true
			}
		}
	}
	return false
}

// appendRawLine keeps a calculator body line like a fenced code block
// does: the opening fence's indentation is removed.
func appendRawLine(c *Container, line []byte, seg text.Segment, reader text.Reader) {
	pos, padding := util.IndentPositionPadding(line, reader.LineOffset(), seg.Padding, c.indent)
	if pos < 0 {
		pos = max(0, util.FirstNonSpacePosition(line)) - seg.Padding
		padding = 0
	}
	s := text.NewSegmentPadding(seg.Start+pos, seg.Stop, padding)
	s.ForceNewline = true
	c.Lines().Append(s)
	reader.AdvanceToEOL()
}

// MaxDepth is how deep ::: blocks may nest. Real pages nest two or three;
// without a bound, a run of unclosed openers costs time (every line is
// offered to every open block) and a twin whose lines carry one quote
// marker per level, both growing with the square of the run.
const MaxDepth = 16

// depth counts the blocks n is inside, n included.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		if _, ok := n.(*Container); ok {
			d++
		}
	}
	return d
}

// tooDeep reports the first opener past MaxDepth, once per document: the
// lines after it are read as text.
func tooDeep(pc parser.Context, src []byte, offset int) {
	if pc.Get(tooDeepKey) != nil {
		return
	}
	pc.Set(tooDeepKey, true)
	report(pc, src, offset, "close the blocks above with \":::\" lines, or nest fewer of them",
		"blocks are nested more than %d deep", MaxDepth)
}

func colonRun(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ':' {
		n++
	}
	return n
}

// lineStart returns the offset of the first byte of the line holding off.
func lineStart(src []byte, off int) int {
	off = min(off, len(src))
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}
