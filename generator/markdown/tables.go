package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// focusableTables renders a GFM table as goldmark does, plus tabindex="0":
// the theme lets a wide table scroll sideways inside the text column on a
// phone, and a region that scrolls must be reachable by keyboard (WCAG
// 2.1.1) for a visitor without a mouse to read its hidden columns.
type focusableTables struct{}

// tableRenderer is registered ahead of goldmark's table renderer (a lower
// priority number wins), which still renders rows and cells.
var tableRenderer = util.Prioritized(focusableTables{}, 100)

// RegisterFuncs implements renderer.NodeRenderer.
func (focusableTables) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTable, renderFocusableTable)
}

func renderFocusableTable(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<table tabindex="0"`)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, extension.TableAttributeFilter)
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}
