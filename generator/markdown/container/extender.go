package container

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// ParserPriority is the block parser's priority. goldmark runs lower
// numbers first; 100 puts containers ahead of extension.DefinitionList
// (101, 102), which also triggers on ':', so a fence line is always tried as
// a container first. A spec case with both extensions pins this.
const ParserPriority = 100

type extender struct{ opts []Option }

// New returns the goldmark.Extender that adds ::: containers: the block
// parser, the transformer and the HTML renderer, configured by opts.
func New(opts ...Option) goldmark.Extender { return &extender{opts: opts} }

// Extend implements goldmark.Extender.Extend.
func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(NewContainerParser(), ParserPriority)),
		parser.WithASTTransformers(util.Prioritized(NewTransformer(), 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(NewContainerHTMLRenderer(e.opts...), 500),
	))
}
