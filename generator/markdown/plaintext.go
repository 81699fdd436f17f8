package markdown

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"

	"playbook/generator/markdown/container"
)

// PlainText returns the text of n without markup, whitespace collapsed:
// a question's name, the words of an answer. Raw HTML and calculator
// bodies are left out; code is kept as text.
func PlainText(d *Doc, n ast.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		return plainVisit(&b, d.Source, c, entering), nil
	})
	return collapseSpace(b.String())
}

// collapseSpace is strings.Join(strings.Fields(s), " ") without the slice
// of fields: every page's answers, questions and search text pass here.
func collapseSpace(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	gap := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			gap = out.Len() > 0
		} else {
			if gap {
				out.WriteByte(' ')
				gap = false
			}
			out.WriteString(s[i : i+size])
		}
		i += size
	}
	return out.String()
}

// WritePlainText writes the text of n without markup to b, as PlainText
// finds it but with whitespace not collapsed: for a caller that splits it
// into words anyway (the search index) and so need not copy it twice, in
// a buffer it reuses from one block to the next.
func WritePlainText(b *bytes.Buffer, d *Doc, n ast.Node) {
	if n == nil {
		return
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		return plainVisit(b, d.Source, c, entering), nil
	})
}

// textWriter is a strings.Builder (PlainText's) or a bytes.Buffer
// (WritePlainText's, reused by its caller).
type textWriter interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

func plainVisit(b textWriter, src []byte, n ast.Node, entering bool) ast.WalkStatus {
	if n.Type() == ast.TypeBlock {
		// Blocks are separated by a space so words of two paragraphs
		// never run together.
		b.WriteByte(' ')
	}
	if !entering {
		return ast.WalkContinue
	}
	switch x := n.(type) {
	case *ast.Text:
		writeText(b, x.Value(src), x.IsRaw())
		if x.SoftLineBreak() || x.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(x.Value)
	case *ast.AutoLink:
		b.Write(x.Label(src))
		return ast.WalkSkipChildren
	case *ast.RawHTML, *ast.HTMLBlock:
		return ast.WalkSkipChildren
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		writeLines(b, src, n)
	case *container.Container:
		if x.IsRaw() {
			return ast.WalkSkipChildren
		}
	}
	return ast.WalkContinue
}

func writeLines(b io.Writer, src []byte, n ast.Node) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
}

// writeText writes a text segment as a reader sees it: backslash escapes
// and entity references resolved exactly as the HTML renderer resolves
// them, so "AT&amp;T" and `\<b>` are not double-escaped in structured
// data. Raw segments (code spans) are literal.
func writeText(b textWriter, v []byte, raw bool) {
	// Three byte searches (vectorised) beat IndexAny's loop over v's bytes.
	if raw || bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, 0) < 0 {
		b.Write(v)
		return
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	html.DefaultWriter.Write(w, v)
	_ = w.Flush() // a bytes.Buffer never fails
	b.WriteString(stdhtml.UnescapeString(buf.String()))
}
