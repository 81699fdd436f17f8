package container

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// KindContainer is the ast.NodeKind of Container.
var KindContainer = ast.NewNodeKind("Container")

// Attr is one key="value" pair of an opening line, quotes removed.
type Attr struct {
	Key, Value string
}

// Container is a fenced ::: block. Its children are Markdown blocks, except
// for a calculator, whose body is YAML and is kept as raw lines (Lines()),
// the way a fenced code block keeps its code.
type Container struct {
	ast.BaseBlock

	Name     string // lower-cased block name: "answer", "faq", ...
	Arg      string // positional argument, quotes removed: a slug, a title, "ltv"
	Attrs    []Attr // key="value" pairs in source order
	FenceLen int    // number of colons of the opening line
	Offset   int    // byte offset of the opening fence's first colon in the parsed source
	Closed   bool   // a closing line was found

	// BodyStart, CloseStart and End are byte offsets in the parsed source:
	// the start of the first body line, the start of the closing line, and
	// the end of the block (after the closing line's newline). For an
	// unclosed block CloseStart == End, the end of its last line. The
	// Markdown twin uses them to copy the body without its fences.
	BodyStart, CloseStart, End int

	direct, proof, next *ast.Paragraph
	openQuote           bool // the opening line left a quote open
	indent              int  // columns before the fence, removed from raw lines
}

// NewContainer returns a Container opened by a fence of fenceLen colons at offset.
func NewContainer(name, arg string, attrs []Attr, fenceLen, offset int) *Container {
	return &Container{Name: name, Arg: arg, Attrs: attrs, FenceLen: fenceLen, Offset: offset}
}

// Kind implements ast.Node.Kind.
func (c *Container) Kind() ast.NodeKind { return KindContainer }

// IsRaw implements ast.Node.IsRaw: a calculator's body is not Markdown.
func (c *Container) IsRaw() bool { return c.Name == NameCalculator }

// Dump implements ast.Node.Dump.
func (c *Container) Dump(source []byte, level int) {
	kv := map[string]string{
		"Name":     c.Name,
		"Arg":      c.Arg,
		"FenceLen": strconv.Itoa(c.FenceLen),
		"Closed":   strconv.FormatBool(c.Closed),
	}
	for _, a := range c.Attrs {
		kv["Attr."+a.Key] = a.Value
	}
	ast.DumpHelper(c, source, level, kv, nil)
}

// Attr returns the value of the key="value" attribute key.
func (c *Container) Attr(key string) (string, bool) {
	for _, a := range c.Attrs {
		if a.Key == key {
			return a.Value, true
		}
	}
	return "", false
}

// Title is a callout's title: the ARG, else a title="" attribute, else the
// capitalised block name ("Note").
func (c *Container) Title() string {
	if c.Arg != "" {
		return c.Arg
	}
	if t, ok := c.Attr("title"); ok && t != "" {
		return t
	}
	if c.Name == "" {
		return ""
	}
	return strings.ToUpper(c.Name[:1]) + c.Name[1:]
}

// Include returns the slug of an included answer: `::: answer SLUG` with an
// empty body. It is "" for every other block.
func (c *Container) Include() string {
	if c.Name != NameAnswer || c.HasChildren() {
		return ""
	}
	return c.Arg
}

// AnswerParts returns the paragraphs of an answer block that hold the direct
// answer, the proof cue ("Proof: ...") and the next step ("Next step: ...").
// Each is nil when absent; the transformer sets them.
func (c *Container) AnswerParts() (direct, proof, next *ast.Paragraph) {
	return c.direct, c.proof, c.next
}

// RawBody returns the body of a raw (calculator) block as it was written,
// fence indentation removed, each line ending in a newline.
func (c *Container) RawBody(source []byte) []byte {
	lines := c.Lines()
	var b []byte
	for i := range lines.Len() {
		seg := lines.At(i)
		b = append(b, seg.Value(source)...)
		if n := len(b); n == 0 || b[n-1] != '\n' {
			b = append(b, '\n')
		}
	}
	return b
}

// BodyLine returns the 1-based line, in source, of the first body line.
func (c *Container) BodyLine(source []byte) int {
	return lineOf(source, min(c.BodyStart, len(source)))
}

// lineOf counts lines up to offset; only used on error paths and once per
// calculator, so a linear scan is fine.
func lineOf(source []byte, offset int) int {
	n := 1
	for _, b := range source[:offset] {
		if b == '\n' {
			n++
		}
	}
	return n
}
