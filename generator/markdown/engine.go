package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"playbook/generator/diag"
	"playbook/generator/markdown/container"
	"playbook/generator/markdown/highlight"
)

// Options configure an Engine.
type Options struct {
	// Unsafe lets raw HTML through; by default it is omitted, as goldmark
	// and Hugo do.
	Unsafe bool
	// IncludeAnswer returns the HTML of the answer page slug, for
	// `::: answer SLUG` blocks with an empty body.
	IncludeAnswer func(slug string) ([]byte, bool)
	// Calculator renders `::: calculator` blocks; nil writes a placeholder
	// element.
	Calculator func(w util.BufWriter, source []byte, n *container.Container) error
	// BasePath is the path of the site's base URL ("/docs/"); root-relative
	// links and images are prefixed with it. "" or "/" changes nothing.
	BasePath string
	// Typographer turns straight quotes, "--", "---" and "..." into
	// typographic ones. Off by default: it changes what the writer typed.
	Typographer bool
	// The extensions below are on unless switched off: footnotes,
	// definition lists, Chroma syntax highlighting of fenced code, and
	// heading attributes (`## Pricing {#pricing}`).
	NoFootnotes, NoDefinitionLists, NoHighlight, NoHeadingAttributes bool
}

// Engine parses and renders page bodies. It is safe for concurrent use.
type Engine struct {
	md goldmark.Markdown
	// noAutolink is md without GFM's autolinks, for sources that cannot
	// hold one (see mayAutolink). The autolink parser runs at every space
	// of every paragraph, a third of the parse time of a typical page.
	noAutolink parser.Parser
	footnotes  bool // footnote references and definitions are checked
	// unsafe is Options.Unsafe: raw HTML goes through; when it does not,
	// the twin leaves it out as the page does.
	unsafe bool
}

// Doc is one parsed page body.
type Doc struct {
	Source   []byte         // the parsed source: BOM removed, CRLF and lone CR turned into LF
	Root     ast.Node       // the goldmark document
	Problems []diag.Problem // lines relative to Source; shift with diag.Problem.Shift
	Outline  Outline

	blocks []ast.Node // containers, steps and raw HTML in document order, for Twin
}

// New builds the goldmark instance: CommonMark, GFM (tables,
// strikethrough, linkify, task lists), automatic heading ids, ::: containers
// and the optional extensions of opts (see Options).
func New(opts Options) *Engine {
	ropts := []renderer.Option{renderer.WithNodeRenderers(tableRenderer)}
	var hopts []html.Option
	if opts.Unsafe {
		ropts = append(ropts, html.WithUnsafe())
		hopts = append(hopts, html.WithUnsafe())
	}
	ropts = append(ropts, renderer.WithNodeRenderers(util.Prioritized(newImageRenderer(hopts...), 1)))
	popts := []parser.Option{parser.WithAutoHeadingID()}
	if !opts.NoHeadingAttributes {
		popts = append(popts, parser.WithHeadingAttribute())
	}
	if prefix := strings.TrimSuffix(opts.BasePath, "/"); prefix != "" {
		popts = append(popts, parser.WithASTTransformers(util.Prioritized(basePathTransformer{prefix: []byte(prefix)}, 1000)))
	}
	md := goldmark.New(
		goldmark.WithExtensions(append(extensions(opts), extension.Linkify)...),
		goldmark.WithParserOptions(popts...),
		goldmark.WithRendererOptions(ropts...),
	)
	noAutolink := goldmark.New(
		goldmark.WithExtensions(extensions(opts)...),
		goldmark.WithParserOptions(popts...),
	)
	return &Engine{md: md, noAutolink: noAutolink.Parser(), footnotes: !opts.NoFootnotes, unsafe: opts.Unsafe}
}

// extensions are the goldmark extensions of opts but GFM's autolinks,
// which New adds to one of its two parsers only (see mayAutolink).
func extensions(opts Options) []goldmark.Extender {
	var copts []container.Option
	if opts.IncludeAnswer != nil {
		copts = append(copts, container.WithAnswerIncluder(opts.IncludeAnswer))
	}
	if opts.Calculator != nil {
		copts = append(copts, container.WithCalculatorRenderer(opts.Calculator))
	}
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.TaskList, container.New(copts...)}
	if !opts.NoFootnotes {
		exts = append(exts, footnotes{})
	}
	if !opts.NoDefinitionLists {
		exts = append(exts, extension.DefinitionList)
	}
	if !opts.NoHighlight {
		exts = append(exts, highlight.Extension)
	}
	if opts.Typographer {
		exts = append(exts, extension.Typographer)
	}
	return exts
}

// autolinkStarts are what every GFM autolink begins with: an allowed
// scheme, "www.", or an email's "@" (goldmark's linkify parser matches
// nothing else, case-sensitively, in the default configuration).
// mayAutolink reports whether src holds anything GFM could turn into an
// autolink: "@", "www.", "http:", "https:" or "ftp:". When it does not,
// parsing without the autolink extension builds the same tree, faster. It
// looks only at the rarer last byte of each start ('@', '.', ':') and then
// behind it, one pass for each: searching for "www." or "http:" directly
// stops at every w and h of the text.
func mayAutolink(src []byte) bool {
	if bytes.IndexByte(src, '@') >= 0 {
		return true
	}
	return endsAnyAt(src, '.', "www") || endsAnyAt(src, ':', "http", "https", "ftp")
}

// endsAnyAt reports whether some c in src directly follows one of the
// prefixes.
func endsAnyAt(src []byte, c byte, prefixes ...string) bool {
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], c)
		if j < 0 {
			return false
		}
		i += j
		for _, p := range prefixes {
			if bytes.HasSuffix(src[:i], []byte(p)) {
				return true
			}
		}
		i++
	}
}

// Parse parses a page body. faqPage marks an faq page, whose top-level ##
// headings are questions. Parse never fails: problems are in Doc.Problems.
func (e *Engine) Parse(src []byte, faqPage bool) *Doc {
	src = normalize(src)
	if p := checkBudget(src); p != nil {
		// Refused before goldmark sees it: the page fails with this one
		// problem, and nothing is rendered from it.
		d := &Doc{Source: src, Root: ast.NewDocument(), Problems: []diag.Problem{*p}}
		d.Outline, d.blocks = outline(src, d.Root)
		return d
	}
	pc := parser.NewContext()
	if faqPage {
		container.MarkFAQPage(pc)
	}
	p := e.md.Parser()
	if !mayAutolink(src) {
		p = e.noAutolink
	}
	root := p.Parse(text.NewReader(src), parser.WithContext(pc))
	d := &Doc{Source: src, Root: root, Problems: container.Problems(pc)}
	if e.footnotes {
		if fp := footnoteProblems(pc, src, root); len(fp) > 0 {
			d.Problems = sortProblems(append(d.Problems, fp...))
		}
	}
	d.Outline, d.blocks = outline(src, root)
	if !e.unsafe {
		d.Problems = append(d.Problems, rawHTMLLeftOut(d.Outline.RawHTML)...)
	}
	return d
}

// rawHTMLLeftOut warns, at the first piece of raw HTML of a page, that the
// page shows none of it, and how to let it through.
func rawHTMLLeftOut(raw []Link) []diag.Problem {
	if len(raw) == 0 {
		return nil
	}
	first, more := raw[0], ""
	if len(raw) > 1 {
		more = fmt.Sprintf(" (and %d more places on this page)", len(raw)-1)
	}
	return []diag.Problem{diag.Warnf("", first.Line, first.Col,
		"write it in Markdown, or set unsafe_html: true in site.yaml to let raw HTML through (only if everyone who writes content is trusted)",
		"raw HTML %s is left out of the page%s", clipHTML(first.Dest), more)}
}

// clipHTML shortens a piece of raw HTML for a message.
func clipHTML(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Quote(s)
}

// Render writes the HTML of the whole document.
func (e *Engine) Render(w io.Writer, d *Doc) error {
	return e.md.Renderer().Render(bufWriter(w), d.Source, d.Root)
}

// bufferWriter lets goldmark write straight into a bytes.Buffer. Given any
// other writer it wraps it in a new 4 KB bufio.Writer and copies every
// byte through it: per rendered node, on every page.
type bufferWriter struct{ *bytes.Buffer }

func (bufferWriter) Flush() error    { return nil }
func (w bufferWriter) Buffered() int { return w.Len() }

// bufWriter returns w as the buffered writer goldmark renders into: a
// bytes.Buffer directly, anything else through a bufio.Writer (which the
// caller, or goldmark's Render, flushes).
func bufWriter(w io.Writer) util.BufWriter {
	switch x := w.(type) {
	case *bytes.Buffer:
		return bufferWriter{x}
	case util.BufWriter:
		return x
	}
	return bufio.NewWriter(w)
}

// RenderNode writes the HTML of one subtree. The grouping nodes made for
// structured data render as their content: an FAQAnswer as its answer
// blocks, a Step as its body blocks after the heading.
func (e *Engine) RenderNode(w io.Writer, d *Doc, n ast.Node) error {
	switch x := n.(type) {
	case *container.FAQAnswer:
		return e.renderChildren(w, d, x.FirstChild())
	case *container.Step:
		first := x.FirstChild()
		if _, ok := first.(*ast.Heading); ok {
			first = first.NextSibling()
		}
		return e.renderChildren(w, d, first)
	}
	return e.md.Renderer().Render(bufWriter(w), d.Source, n)
}

// RenderInline writes the inline HTML of a heading's or paragraph's
// children, without the enclosing element.
func (e *Engine) RenderInline(w io.Writer, d *Doc, n ast.Node) error {
	return e.renderChildren(w, d, n.FirstChild())
}

// renderChildren renders c and its next siblings through one buffered
// writer, so each child does not get its own.
func (e *Engine) renderChildren(w io.Writer, d *Doc, c ast.Node) error {
	bw := bufWriter(w)
	for ; c != nil; c = c.NextSibling() {
		if err := e.md.Renderer().Render(bw, d.Source, c); err != nil {
			return err
		}
	}
	return bw.Flush()
}

var bom = []byte("\xef\xbb\xbf")

// normalize drops a byte order mark and turns the line endings CommonMark
// knows (CRLF, and a CR alone) into LF, which is all goldmark and the twin
// handle. CRLF files keep their line numbers, so problems still point at
// the right lines. The caller's slice is never modified.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, bom)
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}
