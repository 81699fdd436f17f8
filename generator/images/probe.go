package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	_ "image/gif" // registered for DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp"
)

// Info is what an image file's header says.
type Info struct {
	Width, Height int    // 0 when an SVG gives no size
	Format        string // "png", "jpeg", "gif", "webp", "svg"
}

// Raster reports whether the image is made of pixels that can be resized.
func (i Info) Raster() bool { return i.Format != "svg" }

// Probe reads the size and format of an image from its header (an SVG
// from its root element's width and height, else its viewBox) without
// decoding the pixels.
func Probe(name string, b []byte) (Info, error) {
	if strings.EqualFold(pathExt(name), ".svg") || looksLikeSVG(b) {
		w, h := svgSize(b)
		return Info{Width: w, Height: h, Format: "svg"}, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return Info{}, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, errors.New("the image has no pixels")
	}
	return Info{Width: cfg.Width, Height: cfg.Height, Format: format}, nil
}

func pathExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 && !strings.ContainsRune(name[i:], '/') {
		return name[i:]
	}
	return ""
}

func looksLikeSVG(b []byte) bool {
	head := b[:min(len(b), 512)]
	return bytes.Contains(head, []byte("<svg"))
}

// svgSize reads width and height (in px or unitless) from the root <svg>
// element, else the size of its viewBox; 0, 0 when it gives neither.
func svgSize(b []byte) (int, int) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0
		}
		var w, h int
		var viewBox string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = svgLength(a.Value)
			case "height":
				h = svgLength(a.Value)
			case "viewBox":
				viewBox = a.Value
			}
		}
		if w > 0 && h > 0 {
			return w, h
		}
		f := strings.FieldsFunc(viewBox, func(r rune) bool { return r == ' ' || r == ',' })
		if len(f) == 4 {
			return svgLength(f[2]), svgLength(f[3])
		}
		return 0, 0
	}
}

// svgLength is a length in CSS pixels, or 0 for a relative unit (50%,
// 2em) the page cannot reserve space for.
func svgLength(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || f > 1e5 {
		return 0
	}
	return int(f + 0.5)
}
