package cards

import (
	"image"
	"image/color"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// face is one font at one size with its rasterized glyphs, shared by every
// card of the process: a site's cards use the same few dozen glyphs.
type face struct {
	mu     sync.Mutex // opentype faces are not safe for concurrent use
	face   font.Face
	glyphs sync.Map // rune -> *glyph
	ascent int
}

// glyph is a rasterized glyph: its coverage and where it sits relative to
// the pen on the baseline.
type glyph struct {
	mask    *image.Alpha // bounds are relative to the pen
	advance int          // in pixels
}

func newFace(ttf []byte, size float64) *face {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic(err) // the bundled fonts always parse
	}
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err)
	}
	return &face{face: ff, ascent: ff.Metrics().Ascent.Ceil()}
}

// glyph returns r rasterized, or the replacement glyph's shape when the
// font lacks r.
func (f *face) glyph(r rune) *glyph {
	if g, ok := f.glyphs.Load(r); ok {
		return g.(*glyph)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if g, ok := f.glyphs.Load(r); ok {
		return g.(*glyph)
	}
	dr, mask, mp, adv, ok := f.face.Glyph(fixed.P(0, 0), r)
	if !ok && r != '\uFFFD' {
		f.mu.Unlock()
		g := f.glyph('\uFFFD')
		f.mu.Lock()
		f.glyphs.Store(r, g)
		return g
	}
	g := &glyph{advance: adv.Round(), mask: image.NewAlpha(dr)}
	if mask != nil && !dr.Empty() {
		for y := dr.Min.Y; y < dr.Max.Y; y++ {
			for x := dr.Min.X; x < dr.Max.X; x++ {
				_, _, _, a := mask.At(mp.X+x-dr.Min.X, mp.Y+y-dr.Min.Y).RGBA()
				g.mask.SetAlpha(x, y, color.Alpha{A: alpha16to8(a)})
			}
		}
	}
	f.glyphs.Store(r, g)
	return g
}

func (f *face) width(s string) int {
	w := 0
	for _, r := range s {
		w += f.glyph(r).advance
	}
	return w
}

// The faces a card uses, made on first use.
var (
	facesOnce  sync.Once
	titleFaces []*face // largest first
	labelFace  *face
	siteFace   *face
)

// titleSizes are the title's font sizes, tried largest first until the
// title fits.
var titleSizes = []float64{72, 64, 56, 48, 42}

func faces() {
	facesOnce.Do(func() {
		for _, s := range titleSizes {
			titleFaces = append(titleFaces, newFace(gobold.TTF, s))
		}
		labelFace = newFace(gobold.TTF, 26)
		siteFace = newFace(goregular.TTF, 34)
	})
}
