package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// ImageRef is one image of a page body, as written.
type ImageRef struct {
	Node   *ast.Image
	Dest   string // the destination, base path prefixed
	Title  string
	HasAlt bool
	Line   int // 1-based, in Source
	Col    int // 1-based, of "![" when known, else 1
	// alone is the paragraph the image is the only content of: with a
	// title it becomes a figure.
	alone *ast.Paragraph
}

// Picture is what the page knows of a local image file: the renderer
// writes it as attributes of <img>, in a <picture> when there are WebP
// versions.
type Picture struct {
	Width, Height int
	Lazy          bool   // loading="lazy" decoding="async"
	Srcset        string // versions in the image's own format ("a.w480.png 480w, a.png 1600w")
	WebPSrcset    string // the same widths in WebP, offered first
	Sizes         string
}

// Images lists the images of the document in reading order.
func (d *Doc) Images() []ImageRef {
	if !bytes.Contains(d.Source, []byte("![")) {
		return nil // most pages: no need to walk the tree
	}
	var out []ImageRef
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		ref := ImageRef{Node: img, Dest: string(img.Destination), Title: string(img.Title), HasAlt: hasText(d.Source, img)}
		ref.Line, ref.Col = imagePos(d.Source, img)
		if p, ok := img.Parent().(*ast.Paragraph); ok && p.ChildCount() == 1 {
			ref.alone = p
		}
		out = append(out, ref)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// SetPicture gives a local image what its file says; an image with a title
// that is alone in its paragraph becomes a <figure> with the title as its
// caption.
func (d *Doc) SetPicture(ref ImageRef, pic Picture) {
	n := ref.Node
	set := func(name, value string) {
		if value != "" {
			n.SetAttributeString(name, []byte(value))
		}
	}
	if pic.Width > 0 && pic.Height > 0 {
		set("width", itoa(pic.Width))
		set("height", itoa(pic.Height))
	}
	if pic.Lazy {
		set("loading", "lazy")
		set("decoding", "async")
	}
	set("srcset", pic.Srcset)
	if pic.Srcset != "" || pic.WebPSrcset != "" {
		set("sizes", pic.Sizes)
	}
	set(webpAttr, pic.WebPSrcset)
	if ref.alone != nil && ref.Title != "" {
		fig := &Figure{Caption: n.Title}
		n.Title = nil // the caption says it
		parent := ref.alone.Parent()
		parent.ReplaceChild(parent, ref.alone, fig)
		fig.AppendChild(fig, n)
	}
}

// webpAttr carries a Picture's WebP srcset to the renderer; goldmark's
// attribute filter keeps it out of the <img> itself.
const webpAttr = "pb-webp"

func hasText(src []byte, n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// imagePos is the line and column of an image: of the "![" before its alt
// text, else the first line of its paragraph holding "![" or its
// destination.
func imagePos(src []byte, img *ast.Image) (line, col int) {
	if t, ok := img.FirstChild().(*ast.Text); ok {
		start := max(0, t.Segment.Start-2)
		return lineAt(src, start), start - bytes.LastIndexByte(src[:start], '\n')
	}
	for b := img.Parent(); b != nil; b = b.Parent() {
		if b.Type() != ast.TypeBlock || b.Lines().Len() == 0 {
			continue
		}
		lines := b.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if bytes.Contains(seg.Value(src), append([]byte("]("), img.Destination...)) || bytes.Contains(seg.Value(src), []byte("![")) {
				return lineAt(src, seg.Start), 1
			}
		}
		return lineAt(src, lines.At(0).Start), 1
	}
	return 0, 0
}

func lineAt(src []byte, offset int) int {
	return bytes.Count(src[:min(offset, len(src))], []byte{'\n'}) + 1
}

// KindFigure is the NodeKind of Figure.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is an image with its caption, made of a paragraph holding only a
// titled image.
type Figure struct {
	ast.BaseBlock
	Caption []byte
}

// Kind implements ast.Node.
func (*Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (f *Figure) Dump(source []byte, level int) {
	ast.DumpHelper(f, source, level, map[string]string{"Caption": string(f.Caption)}, nil)
}

// imageRenderer writes images with their Picture: goldmark's <img>, inside
// a <picture> offering WebP when there are WebP versions, and figures.
type imageRenderer struct {
	img renderer.NodeRendererFunc // goldmark's
}

func newImageRenderer(opts ...html.Option) *imageRenderer {
	funcs := capture{}
	html.NewRenderer(opts...).RegisterFuncs(funcs)
	return &imageRenderer{img: funcs[ast.KindImage]}
}

// capture collects a NodeRenderer's functions.
type capture map[ast.NodeKind]renderer.NodeRendererFunc

func (c capture) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

// RegisterFuncs implements renderer.NodeRenderer.
func (r *imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(KindFigure, renderFigure)
}

func (r *imageRenderer) renderImage(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	webp, ok := n.AttributeString(webpAttr)
	if !entering || !ok {
		return r.img(w, source, n, entering)
	}
	_, _ = w.WriteString(`<picture><source type="image/webp" srcset="`)
	_, _ = w.Write(util.EscapeHTML(webp.([]byte)))
	if sizes, ok := n.AttributeString("sizes"); ok {
		_, _ = w.WriteString(`" sizes="`)
		_, _ = w.Write(util.EscapeHTML(sizes.([]byte)))
	}
	_, _ = w.WriteString(`">`)
	status, err := r.img(w, source, n, entering)
	_, _ = w.WriteString(`</picture>`)
	return status, err
}

func renderFigure(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<figure>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<figcaption>")
	html.DefaultWriter.Write(w, n.(*Figure).Caption)
	_, _ = w.WriteString("</figcaption></figure>\n")
	return ast.WalkContinue, nil
}
