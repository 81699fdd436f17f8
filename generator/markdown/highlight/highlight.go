// Package highlight is a goldmark extension that colours fenced code
// blocks with Chroma (github.com/alecthomas/chroma/v2). It writes CSS
// classes only, Chroma's short token names ("k", "s", "c1"), never inline
// styles, so the theme's stylesheet decides the palette (light and dark).
//
// A block whose language Chroma does not know, has none, or is `prompt`
// (a workflow's prompt, which the page turns into a form) renders as
// goldmark renders it. Lexers are indexed once by name, alias and file
// extension, and shared: Chroma's lexers are safe for concurrent use.
package highlight

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension registers the highlighting renderer for fenced code blocks.
var Extension goldmark.Extender = extender{}

type extender struct{}

// Extend runs the renderer ahead of goldmark's own (priority 1000), which
// it replaces for fenced code.
func (extender) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 200)))
}

type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
}

func renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := string(n.Language(src))
	code := codeOf(src, n)
	lexer := Lexer(lang)
	var tokens chroma.Iterator
	if lexer != nil {
		var err error
		if tokens, err = lexer.Tokenise(nil, code); err != nil {
			lexer = nil // render plain rather than fail the page
		}
	}
	if lexer == nil {
		writePlain(w, lang, code)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<pre class="chroma"><code class="language-`)
	writeEscaped(w, lang)
	_, _ = w.WriteString(`" data-lang="`)
	writeEscaped(w, lang)
	_, _ = w.WriteString(`">`)
	for t := tokens(); t != chroma.EOF; t = tokens() {
		writeToken(w, t)
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// codeOf joins the block's lines.
func codeOf(src []byte, n *ast.FencedCodeBlock) string {
	lines := n.Lines()
	var b strings.Builder
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// writePlain is goldmark's rendering of a fenced code block.
func writePlain(w util.BufWriter, lang, code string) {
	_, _ = w.WriteString("<pre><code")
	if lang != "" {
		_, _ = w.WriteString(` class="language-`)
		writeEscaped(w, lang)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	writeEscaped(w, code)
	_, _ = w.WriteString("</code></pre>\n")
}

func writeToken(w util.BufWriter, t chroma.Token) {
	class := Class(t.Type)
	if class == "" || class == "w" { // whitespace needs no colour

		writeEscaped(w, t.Value)
		return
	}
	_, _ = w.WriteString(`<span class="`)
	_, _ = w.WriteString(class)
	_, _ = w.WriteString(`">`)
	writeEscaped(w, t.Value)
	_, _ = w.WriteString("</span>")
}

// Class is the CSS class of a token type: Chroma's short name for it or
// for the nearest type above it that has one; "" for plain text.
func Class(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if c, ok := chroma.StandardTypes[t]; ok {
			return c
		}
	}
	return ""
}

// Lexer returns the coalescing Chroma lexer for a fence's language, or nil
// when there is none to use: no language, `prompt`, plain text, or a name
// Chroma does not know.
func Lexer(lang string) chroma.Lexer {
	if lang == "" || lang == "prompt" {
		return nil
	}
	return lexerIndex()[strings.ToLower(lang)]
}

// lexerIndex maps every lexer's name, aliases and file extensions,
// lowercased, to the lexer. It takes the place of lexers.Get, whose
// fallback matches an unknown name against every lexer's file-name globs:
// 40 ms for each name it does not know, so a page of made-up fence
// languages could hold a build for minutes. A lookup here costs one map
// access whatever the page says.
var lexerIndex = sync.OnceValue(func() map[string]chroma.Lexer {
	byName := map[string]chroma.Lexer{}
	byExt := map[string]chroma.Lexer{}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		cfg := l.Config()
		if cfg.Name == "plaintext" {
			continue
		}
		c := chroma.Coalesce(l)
		for _, name := range append([]string{cfg.Name}, cfg.Aliases...) {
			if key := strings.ToLower(name); byName[key] == nil {
				byName[key] = c
			}
		}
		for _, glob := range cfg.Filenames {
			ext, ok := strings.CutPrefix(glob, "*.")
			if !ok || strings.ContainsAny(ext, "*?[\\") {
				continue
			}
			ext = strings.ToLower(ext)
			if prev := byExt[ext]; prev == nil || prevLoses(prev.Config(), cfg) {
				byExt[ext] = c
			}
		}
	}
	for ext, l := range byExt { // a name or alias wins over an extension
		if byName[ext] == nil {
			byName[ext] = l
		}
	}
	return byName
})

// prevLoses reports whether a lexer claiming an extension already taken by
// prev should have it instead: Chroma prefers the higher priority, and
// between equals this picks the first name, so the choice is stable.
func prevLoses(prev, next *chroma.Config) bool {
	if prev.Priority != next.Priority {
		return next.Priority > prev.Priority
	}
	return next.Name < prev.Name
}

var escapes = [256][]byte{'&': []byte("&amp;"), '<': []byte("&lt;"), '>': []byte("&gt;"), '"': []byte("&quot;")}

// writeEscaped writes s with HTML's special characters escaped.
func writeEscaped(w util.BufWriter, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if e := escapes[s[i]]; e != nil {
			_, _ = w.WriteString(s[start:i])
			_, _ = w.Write(e)
			start = i + 1
		}
	}
	_, _ = w.WriteString(s[start:])
}
