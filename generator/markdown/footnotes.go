package markdown

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"playbook/generator/diag"
)

// footnotes is goldmark's footnote extension made accessible: the list is
// a labelled landmark, each back-link says what it goes back to, and a
// definition nothing refers to is reported before goldmark drops it.
type footnotes struct{}

func (footnotes) Extend(m goldmark.Markdown) {
	extension.NewFootnote(
		extension.WithFootnoteBacklinkHTML(`<span aria-hidden="true">↩︎</span><span class="sr-only">Back to reference ^^</span>`),
	).Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(unusedFootnotes{}, 998)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(footnoteListRenderer{}, 400)))
}

var footnoteProblemsKey = parser.NewContextKey()

// unusedFootnotes runs just before goldmark's footnote transformer (999),
// which removes definitions no reference uses: it records each as a
// warning at its "[^label]:" line.
type unusedFootnotes struct{}

func (unusedFootnotes) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("[^")) {
		return // no footnote: spare every page without one the walk
	}
	var probs []diag.Problem
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fn, ok := n.(*east.Footnote)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if fn.Index < 0 {
			line, col := definitionPos(src, fn)
			probs = append(probs, diag.Warnf("", line, col,
				"refer to it with [^"+string(fn.Ref)+"] in the text, or delete the definition",
				"footnote [^%s] is defined but never used", fn.Ref))
		}
		return ast.WalkSkipChildren, nil
	})
	if len(probs) > 0 {
		pc.Set(footnoteProblemsKey, probs)
	}
}

// definitionPos finds the "[^label]:" line of a definition: goldmark keeps
// no position on the Footnote node itself, only on its content.
func definitionPos(src []byte, fn *east.Footnote) (line, col int) {
	marker := []byte("[^" + string(fn.Ref) + "]:")
	from := 0
	if c := fn.FirstChild(); c != nil && c.Lines().Len() > 0 {
		from = lineStart(src, c.Lines().At(0).Start)
	}
	i := bytes.Index(src[from:], marker)
	if i < 0 {
		i = max(bytes.Index(src, marker), 0)
	} else {
		i += from
	}
	return diag.LineCol(src, i)
}

// footnoteProblems returns the footnote definitions never used (found by
// unusedFootnotes) and the references to footnotes never defined, which
// goldmark leaves as the text "[^label]".
func footnoteProblems(pc parser.Context, src []byte, root ast.Node) []diag.Problem {
	probs, _ := pc.Get(footnoteProblemsKey).([]diag.Problem)
	if bytes.Contains(src, []byte("[^")) {
		probs = append(probs, undefinedFootnotes(src, root)...)
	}
	return probs
}

// undefinedFootnotes finds "[^label]" in the text of the document: the
// parser turned every defined one into a link, so what remains in a Text
// node (not in code) refers to nothing.
func undefinedFootnotes(src []byte, root ast.Node) []diag.Problem {
	var probs []diag.Problem
	last := -1
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			// "[" and "^label]" may be two text nodes: report the
			// reference once, from whichever comes first.
			if label, off, ok := footnoteRefAt(src, x.Segment); ok && off != last {
				last = off
				line, col := diag.LineCol(src, off)
				probs = append(probs, diag.Warnf("", line, col,
					"add a definition line \"[^"+label+"]: The note.\" or remove the reference",
					"footnote [^%s] is referenced but never defined", label))
			}
		}
		return ast.WalkContinue, nil
	})
	return probs
}

// footnoteRefAt reports whether a text segment starts the "^label]" of a
// "[^label]" reference (the "[" is a text node of its own, or the
// segment's first byte) and returns the label and the offset of "[".
func footnoteRefAt(src []byte, seg text.Segment) (string, int, bool) {
	start := seg.Start
	if start < len(src) && src[start] == '[' {
		start++
	}
	if start < 1 || start >= len(src) || src[start-1] != '[' || src[start] != '^' {
		return "", 0, false
	}
	end := bytes.IndexByte(src[start:min(len(src), start+200)], ']')
	if end < 2 {
		return "", 0, false
	}
	label := src[start+1 : start+end]
	if bytes.ContainsAny(label, " \t\n[") {
		return "", 0, false
	}
	if start+end+1 < len(src) && src[start+end+1] == ':' {
		return "", 0, false // a definition that did not parse as one (inside a paragraph)
	}
	return string(label), start - 1, true
}

// sortProblems orders problems by line and column, keeping equal ones in
// their order.
func sortProblems(ps []diag.Problem) []diag.Problem {
	slices.SortStableFunc(ps, func(a, b diag.Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return ps
}

// footnoteListRenderer writes the footnote list as a labelled landmark
// (goldmark writes an unlabelled div), so screen readers name it.
type footnoteListRenderer struct{}

func (footnoteListRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteList, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"Footnotes\">\n<hr>\n<ol>\n")
		} else {
			_, _ = w.WriteString("</ol>\n</section>\n")
		}
		return ast.WalkContinue, nil
	})
}
