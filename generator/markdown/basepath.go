package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// basePathTransformer prefixes root-relative link and image destinations
// ("/guides/ltv/") with the path of the site's base URL, so a site
// published under https://example.com/docs/ links to /docs/guides/ltv/.
// Authors write links from the site's root, as the templates' relURL does.
type basePathTransformer struct {
	prefix []byte // "/docs", without the final slash
}

// Transform implements parser.ASTTransformer.
func (t basePathTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Link:
			x.Destination = t.prefixed(x.Destination)
		case *ast.Image:
			x.Destination = t.prefixed(x.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (t basePathTransformer) prefixed(dest []byte) []byte {
	if len(dest) == 0 || dest[0] != '/' || bytes.HasPrefix(dest, []byte("//")) {
		return dest
	}
	return append(append([]byte(nil), t.prefix...), dest...)
}
