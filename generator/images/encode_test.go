package images

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/image/webp"

	"playbook/generator/config"
	"playbook/generator/markdown"
	"playbook/generator/write"
)

// TestProcessorEncodesOnceThenReuses attaches a wide JPEG, writes its
// versions, decodes each, and checks that a second processor with the
// same cache encodes nothing.
func TestProcessorEncodesOnceThenReuses(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 1000, 500))
	for y := range 500 {
		for x := range 1000 {
			src.Set(x, y, color.RGBA{uint8(x / 4), uint8(y / 2), 90, 255})
		}
	}
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, src, nil); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"static/img/wide.jpg": {Data: jpg.Bytes()}}
	cfg, _ := config.Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\nimages: {max_width: 600, widths: [300, 600]}\n"))
	cache := OpenCache(filepath.Join(t.TempDir(), "images"))
	eng := markdown.New(markdown.Options{})

	run := func() (*write.Memory, int64, int64) {
		p := New(fsys, cache)
		doc := eng.Parse([]byte("![Wide](/img/wide.jpg)\n"), false)
		if probs := p.Attach(cfg, doc, Page{File: "content/a.md", URL: "/a/"}); len(probs) > 0 {
			t.Fatal(probs)
		}
		mem := write.NewMemory()
		if err := p.Write(context.Background(), mem, true); err != nil {
			t.Fatal(err)
		}
		enc, used := p.Counts()
		return mem, enc, used
	}
	mem, enc, used := run()
	if enc != 5 || used != 0 {
		t.Errorf("first run: %d encoded, %d reused; want 5, 0", enc, used)
	}
	for name, want := range map[string]struct {
		size   image.Point
		format string
	}{
		"img/wide.w300.jpg": {image.Pt(300, 150), "jpeg"}, "img/wide.w300.webp": {image.Pt(300, 150), "webp"},
		"img/wide.w600.jpg": {image.Pt(600, 300), "jpeg"}, "img/wide.w600.webp": {image.Pt(600, 300), "webp"},
		"img/wide.webp": {image.Pt(1000, 500), "webp"},
	} {
		b, ok := mem.Get(name)
		if !ok {
			t.Errorf("%s not written", name)
			continue
		}
		var img image.Image
		var err error
		if want.format == "webp" {
			img, err = webp.Decode(bytes.NewReader(b))
		} else {
			img, err = jpeg.Decode(bytes.NewReader(b))
		}
		if err != nil || img.Bounds().Size() != want.size {
			t.Errorf("%s: %v, size %v; want %v", name, err, img, want.size)
		}
	}
	if _, enc, used := run(); enc != 0 || used != 5 {
		t.Errorf("second run: %d encoded, %d reused; want 0, 5", enc, used)
	}
}
