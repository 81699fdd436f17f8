package cards

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var testStyle = Style{Background: "#0b4a6e", Text: "#ffffff", Accent: "#9fe0c0"}

// longTitle is 200 characters, longer than any card can show whole.
var longTitle = strings.Repeat("How to grow lifetime value ", 8)[:200]

func TestCardIsAPalettedPNGOfTheRightSize(t *testing.T) {
	for _, title := range []string{"LTV", "How to grow customer lifetime value after the first purchase", longTitle,
		strings.Repeat("x", 300), "Ünïcode — “quotes” and 日本語"} {
		b, err := PNG(Card{Title: title, Site: "Lifetime Value Playbook", Label: "Guide · Expansion"}, testStyle)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds() != image.Rect(0, 0, Width, Height) {
			t.Errorf("%q: bounds %v", title, img.Bounds())
		}
		if _, ok := img.(*image.Paletted); !ok {
			t.Errorf("%q: a %T, want a paletted PNG", title, img)
		}
	}
}

// TestLongTitleStaysInside checks that a 200-character title wraps, ends
// in an ellipsis if cut, and leaves the margins and the site name's band
// untouched.
func TestLongTitleStaysInside(t *testing.T) {
	faces()
	top, bottom := margin+labelFace.ascent+40, Height-margin-siteFace.ascent-40
	f, lines := titleLayout(longTitle, Width-2*margin, bottom-top)
	if len(lines) < 2 {
		t.Fatalf("a 200-character title on %d line(s)", len(lines))
	}
	for _, l := range lines {
		if w := f.width(l); w > Width-2*margin {
			t.Errorf("line %q is %d px wide, more than %d", l, w, Width-2*margin)
		}
	}
	if got := len(lines) * lineHeight(f); got > bottom-top {
		t.Errorf("title is %d px tall, more than the %d px it has", got, bottom-top)
	}
	img := Draw(Card{Title: longTitle, Site: "S", Label: "guide"}, testStyle)
	for y := range Height {
		for x := Width - margin + 2; x < Width; x++ {
			if img.Pix[y*img.Stride+x] != 0 {
				t.Fatalf("ink at %d,%d, inside the right margin", x, y)
			}
		}
	}
	if os.Getenv("CARD_OUT") != "" {
		var buf bytes.Buffer
		_ = png.Encode(&buf, img)
		_ = os.WriteFile(filepath.Join(os.Getenv("CARD_OUT"), "long-title.png"), buf.Bytes(), 0o644)
	}
}

func TestWrapBreaksAWordWiderThanALine(t *testing.T) {
	faces()
	f := titleFaces[0]
	lines := wrap(f, []string{strings.Repeat("w", 100)}, 400)
	if len(lines) < 2 {
		t.Fatalf("got %d lines", len(lines))
	}
	for _, l := range lines {
		if f.width(l) > 400 {
			t.Errorf("line %q wider than 400", l)
		}
	}
}

// BenchmarkCard is the cost of one card (drawn and encoded), glyphs
// cached as they are after a site's first few cards. cpu-ms/op is the
// process's CPU time per card, which a busy machine does not inflate as
// it does ns/op.
func BenchmarkCard(b *testing.B) {
	c := Card{Title: "How to grow customer lifetime value after the first purchase", Site: "Lifetime Value Playbook", Label: "Guide · Expansion"}
	if _, err := PNG(c, testStyle); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := PNG(c, testStyle); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
}
