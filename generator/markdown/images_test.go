package markdown

import (
	"bytes"
	"testing"
)

func TestImagesRender(t *testing.T) {
	lazy := Picture{Width: 800, Height: 400, Lazy: true}
	tests := []struct {
		name, src string
		pic       *Picture // nil: no picture attached
		want      string
		line, col int
		hasAlt    bool
	}{
		{"plain", "Intro.\n\n![A chart](a.png)\n", &Picture{Width: 10, Height: 20},
			"<p>Intro.</p>\n<p><img src=\"a.png\" alt=\"A chart\" width=\"10\" height=\"20\"></p>\n", 3, 1, true},
		{"lazy inline", "See ![x](a.png) here.\n", &lazy,
			"<p>See <img src=\"a.png\" alt=\"x\" width=\"800\" height=\"400\" loading=\"lazy\" decoding=\"async\"> here.</p>\n", 1, 5, true},
		{"titled inline stays an img", "See ![x](a.png \"T\") here.\n", &lazy,
			"<p>See <img src=\"a.png\" alt=\"x\" title=\"T\" width=\"800\" height=\"400\" loading=\"lazy\" decoding=\"async\"> here.</p>\n", 1, 5, true},
		{"figure", "![x](a.png \"A <b>caption</b> &amp; more\")\n", &Picture{Width: 1, Height: 1},
			"<figure><img src=\"a.png\" alt=\"x\" width=\"1\" height=\"1\"><figcaption>A &lt;b&gt;caption&lt;/b&gt; &amp; more</figcaption></figure>\n", 1, 1, true},
		{"picture", "![x](a.png)\n", &Picture{Width: 1600, Height: 800, Srcset: "a.w480.png 480w, a.png 1600w", WebPSrcset: "a.w480.webp 480w, a.webp 1600w", Sizes: "100vw"},
			"<p><picture><source type=\"image/webp\" srcset=\"a.w480.webp 480w, a.webp 1600w\" sizes=\"100vw\"><img src=\"a.png\" alt=\"x\" width=\"1600\" height=\"800\" srcset=\"a.w480.png 480w, a.png 1600w\" sizes=\"100vw\"></picture></p>\n", 1, 1, true},
		{"no alt", "text\n\n![](a.png)\n", nil, "<p>text</p>\n<p><img src=\"a.png\" alt=\"\"></p>\n", 3, 1, false},
		{"remote untouched", "![x](https://e.com/a.png)\n", nil, "<p><img src=\"https://e.com/a.png\" alt=\"x\"></p>\n", 1, 1, true},
	}
	eng := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := eng.Parse([]byte(tt.src), false)
			refs := d.Images()
			if len(refs) != 1 {
				t.Fatalf("%d images", len(refs))
			}
			if refs[0].Line != tt.line || refs[0].Col != tt.col || refs[0].HasAlt != tt.hasAlt {
				t.Errorf("at %d:%d alt %v, want %d:%d alt %v", refs[0].Line, refs[0].Col, refs[0].HasAlt, tt.line, tt.col, tt.hasAlt)
			}
			if tt.pic != nil {
				d.SetPicture(refs[0], *tt.pic)
			}
			var buf bytes.Buffer
			if err := eng.Render(&buf, d); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", buf.String(), tt.want)
			}
		})
	}
}
