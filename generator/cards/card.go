package cards

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Size of a card: the 1.91:1 image Open Graph and X show large.
const (
	Width  = 1200
	Height = 630
	margin = 80
	stripe = 14 // the accent band along the left edge
)

// Card is what a card says.
type Card struct {
	Title string
	Site  string
	Label string // the page's kind or journey stage, "GUIDE · EXPANSION"
}

// Style is a site's colours, each "#rrggbb".
type Style struct {
	Background, Text, Accent string
}

// palette indexes: 0 the background, 1..textLevels the background blended
// towards the text colour, then accentLevels towards the accent. More than
// 16 colours make an 8-bit PNG, whose rows image/png copies as they are (it
// reads a 4-bit image pixel by pixel, which took most of a card's time).
const (
	textLevels   = 12
	accentLevels = 12
	accentFull   = textLevels + accentLevels
)

func (s Style) palette() color.Palette {
	bg, fg, ac := parseHex(s.Background), parseHex(s.Text), parseHex(s.Accent)
	p := color.Palette{bg}
	for i := 1; i <= textLevels; i++ {
		p = append(p, blend(bg, fg, i, textLevels))
	}
	for i := 1; i <= accentLevels; i++ {
		p = append(p, blend(bg, ac, i, accentLevels))
	}
	return p
}

func blend(a, b color.RGBA, i, n int) color.Color {
	mix := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i + n/2) / n) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

func parseHex(s string) color.RGBA {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return color.RGBA{0, 0, 0, 255}
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// Draw lays a card out: the label at the top, the title in the largest
// size at which it fits (cut with an ellipsis if it fits at none), the
// site's name at the bottom.
func Draw(c Card, s Style) *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), s.palette())
	return drawOn(img, c)
}

// drawOn draws c on img, a card-sized image filled with index 0.
func drawOn(img *image.Paletted, c Card) *image.Paletted {
	faces()
	fill(img, image.Rect(0, 0, stripe, Height), accentFull)
	textWidth := Width - 2*margin
	if label := strings.ToUpper(strings.TrimSpace(c.Label)); label != "" {
		drawLine(img, labelFace, fit(labelFace, label, textWidth), margin, margin+labelFace.ascent, accent)
	}
	top, bottom := margin+labelFace.ascent+40, Height-margin-siteFace.ascent-40
	f, lines := titleLayout(c.Title, textWidth, bottom-top)
	lh := lineHeight(f)
	for i, line := range lines {
		drawLine(img, f, line, margin, top+f.ascent+i*lh, text)
	}
	drawLine(img, siteFace, fit(siteFace, strings.TrimSpace(c.Site), textWidth), margin, Height-margin, text)
	return img
}

func lineHeight(f *face) int { return f.ascent * 13 / 10 }

// titleLayout picks the title's size and lines: the largest size whose
// wrapped lines fit the height, else the smallest with as many lines as
// fit, the last ending in an ellipsis.
func titleLayout(title string, width, height int) (*face, []string) {
	words := strings.Fields(title)
	for _, f := range titleFaces {
		lines := wrap(f, words, width)
		if len(lines)*lineHeight(f) <= height {
			return f, lines
		}
	}
	f := titleFaces[len(titleFaces)-1]
	lines := wrap(f, words, width)
	n := max(1, height/lineHeight(f))
	rest := strings.Join(lines[n-1:], " ")
	lines = append(lines[:n-1], fit(f, rest+"…", width))
	return f, lines
}

// wrap breaks words into lines no wider than width; a word wider than a
// line is broken between characters.
func wrap(f *face, words []string, width int) []string {
	var lines []string
	var cur strings.Builder
	curW, space := 0, f.glyph(' ').advance
	flush := func() {
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
	}
	for _, w := range words {
		ww := f.width(w)
		if cur.Len() > 0 && curW+space+ww <= width {
			cur.WriteByte(' ')
			cur.WriteString(w)
			curW += space + ww
			continue
		}
		flush()
		for ww > width { // a URL or a long compound: break it
			head := fitRunes(f, w, width)
			lines = append(lines, head)
			w = w[len(head):]
			ww = f.width(w)
		}
		cur.WriteString(w)
		curW = ww
	}
	flush()
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// fit is s, cut and ended with an ellipsis when it is wider than width.
func fit(f *face, s string, width int) string {
	if f.width(s) <= width {
		return s
	}
	s = strings.TrimSuffix(s, "…")
	cut := fitRunes(f, s, width-f.glyph('…').advance)
	return strings.TrimRightFunc(cut, unicode.IsSpace) + "…"
}

// fitRunes is the longest prefix of s (at least one rune) no wider than
// width.
func fitRunes(f *face, s string, width int) string {
	w := 0
	for i, r := range s {
		w += f.glyph(r).advance
		if w > width && i > 0 {
			return s[:i]
		}
	}
	return s
}

type ramp int

const (
	text ramp = iota
	accent
)

// drawLine writes s with its baseline at y, from x, in the colour ramp.
func drawLine(img *image.Paletted, f *face, s string, x, y int, r ramp) {
	for _, c := range s {
		g := f.glyph(c)
		b := g.mask.Bounds()
		for gy := b.Min.Y; gy < b.Max.Y; gy++ {
			py := y + gy
			if py < 0 || py >= Height {
				continue
			}
			row := g.mask.Pix[(gy-b.Min.Y)*g.mask.Stride:]
			for gx := b.Min.X; gx < b.Max.X; gx++ {
				px := x + gx
				a := row[gx-b.Min.X]
				if a == 0 || px < 0 || px >= Width {
					continue
				}
				i := py*img.Stride + px
				if idx := level(a, r); idx > img.Pix[i] {
					img.Pix[i] = idx
				}
			}
		}
		x += g.advance
	}
}

// level is the palette index of coverage a in a ramp.
func level(a uint8, r ramp) uint8 {
	if r == text {
		return uint8((int(a)*textLevels + 127) / 255)
	}
	if l := (int(a)*accentLevels + 127) / 255; l > 0 {
		return uint8(textLevels + l)
	}
	return 0
}

func fill(img *image.Paletted, r image.Rectangle, idx uint8) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[y*img.Stride+r.Min.X : y*img.Stride+r.Max.X]
		for i := range row {
			row[i] = idx
		}
	}
}

var encoder = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &bufferPool{}}

// canvases are card-sized pixel buffers, reused: clearing one costs less
// than the kernel's zeroing of fresh memory.
var canvases = sync.Pool{New: func() any { return make([]uint8, Width*Height) }}

// PNG draws a card and encodes it.
func PNG(c Card, s Style) ([]byte, error) {
	pix := canvases.Get().([]uint8)
	defer canvases.Put(pix)
	clear(pix)
	img := &image.Paletted{Pix: pix, Stride: Width, Rect: image.Rect(0, 0, Width, Height), Palette: s.palette()}
	var buf bytes.Buffer
	buf.Grow(48 << 10)
	if err := encoder.Encode(&buf, drawOn(img, c)); err != nil {
		return nil, fmt.Errorf("social card: %w", err)
	}
	return buf.Bytes(), nil
}

// bufferPool lets image/png reuse its compressor between cards.
type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() *png.EncoderBuffer {
	e, _ := b.p.Get().(*png.EncoderBuffer)
	return e
}

func (b *bufferPool) Put(e *png.EncoderBuffer) { b.p.Put(e) }

func alpha16to8(a uint32) uint8 { return uint8(a >> 8) }
