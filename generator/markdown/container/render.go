package container

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// ContainerHTMLRenderer is a renderer.NodeRenderer for Container, FAQItem,
// FAQAnswer and Step nodes. Its output is plain semantic HTML with stable
// class names, so themes style it and answer engines read it.
type ContainerHTMLRenderer struct {
	html.Config
	opts Options
}

// NewContainerHTMLRenderer returns a ContainerHTMLRenderer.
func NewContainerHTMLRenderer(opts ...Option) renderer.NodeRenderer {
	r := &ContainerHTMLRenderer{Config: html.NewConfig()}
	for _, o := range opts {
		o.SetContainerOption(&r.opts)
	}
	return r
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *ContainerHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindContainer, r.renderContainer)
	reg.Register(KindFAQItem, r.renderFAQItem)
	reg.Register(KindFAQAnswer, r.renderFAQAnswer)
	reg.Register(KindStep, r.renderStep)
}

func (r *ContainerHTMLRenderer) renderContainer(
	w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c := node.(*Container)
	switch {
	case c.Name == NameAnswer:
		return r.renderAnswer(w, c, entering), nil
	case c.Name == NameCalculator:
		return r.renderCalculator(w, source, c, entering)
	case c.Name == NameFAQ:
		wrap(w, entering, `<div class="faq">`, "</div>")
	case c.Name == NameSteps:
		// Step nodes open and close the list, so text before the first
		// step stays outside <ol>.
	case IsCallout(c.Name):
		r.renderCallout(w, c, entering)
	default:
		// An unknown block is an error already; keep its content visible.
		wrap(w, entering, `<div class="container container-`+escape(c.Name)+`">`, "</div>")
	}
	return ast.WalkContinue, nil
}

func (r *ContainerHTMLRenderer) renderAnswer(w util.BufWriter, c *Container, entering bool) ast.WalkStatus {
	if slug := c.Include(); slug != "" {
		if entering {
			_, _ = w.WriteString(`<div class="answer answer-included" data-answer="` + escape(slug) + `">`)
			if r.opts.IncludeAnswer != nil {
				if h, ok := r.opts.IncludeAnswer(slug); ok {
					_, _ = w.Write(h)
				}
			}
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkSkipChildren
	}
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue
	}
	_, _ = w.WriteString(`<div class="answer"`)
	if id, ok := c.AttributeString("id"); ok {
		_, _ = w.WriteString(` id="` + escape(string(id.([]byte))) + `"`)
	}
	_, _ = w.WriteString(">\n" + `<p class="answer-label">Best answer</p>` + "\n")
	return ast.WalkContinue
}

func (r *ContainerHTMLRenderer) renderCallout(w util.BufWriter, c *Container, entering bool) {
	if !entering {
		_, _ = w.WriteString("</aside>\n")
		return
	}
	_, _ = w.WriteString(`<aside class="callout callout-` + c.Name + `" role="note">` + "\n")
	_, _ = w.WriteString(`<p class="callout-title">` + escape(c.Title()) + "</p>\n")
}

func (r *ContainerHTMLRenderer) renderCalculator(
	w util.BufWriter, source []byte, c *Container, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if r.opts.RenderCalculator != nil {
		return ast.WalkSkipChildren, r.opts.RenderCalculator(w, source, c)
	}
	_, _ = w.WriteString(`<div class="calculator" data-calculator="` + escape(c.Arg) + `"></div>` + "\n")
	return ast.WalkSkipChildren, nil
}

// renderFAQItem writes a <details> per question. Items of an faq page sit
// directly in the document, so a run of them gets its own div.faq.
func (r *ContainerHTMLRenderer) renderFAQItem(
	w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	loose := !isFAQBlock(n.Parent())
	if entering {
		if _, ok := n.PreviousSibling().(*FAQItem); loose && !ok {
			_, _ = w.WriteString(`<div class="faq">` + "\n")
		}
		_, _ = w.WriteString(`<details class="faq-item">` + "\n<summary>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</details>\n")
	if _, ok := n.NextSibling().(*FAQItem); loose && !ok {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

func (r *ContainerHTMLRenderer) renderFAQAnswer(
	w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	wrap(w, entering, "</summary>\n"+`<div class="faq-answer">`, "</div>")
	return ast.WalkContinue, nil
}

func (r *ContainerHTMLRenderer) renderStep(
	w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if _, ok := n.PreviousSibling().(*Step); !ok {
			_, _ = w.WriteString(`<ol class="steps">` + "\n")
		}
		_, _ = w.WriteString(`<li class="step">` + "\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</li>\n")
	if _, ok := n.NextSibling().(*Step); !ok {
		_, _ = w.WriteString("</ol>\n")
	}
	return ast.WalkContinue, nil
}

func isFAQBlock(n ast.Node) bool {
	c, ok := n.(*Container)
	return ok && c.Name == NameFAQ
}

// wrap writes open on entering and close on leaving, each on its own line.
func wrap(w util.BufWriter, entering bool, open, close string) {
	if entering {
		_, _ = w.WriteString(open + "\n")
	} else {
		_, _ = w.WriteString(close + "\n")
	}
}

func escape(s string) string { return string(util.EscapeHTML([]byte(s))) }
