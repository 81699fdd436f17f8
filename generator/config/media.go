package config

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/meta"
)

// Images are the `images:` settings: which raster images get smaller
// versions, in which widths, and how they are encoded.
type Images struct {
	// MaxWidth: a raster image wider than this is also written in the
	// Widths narrower than itself, and in WebP. 0 turns resizing off.
	MaxWidth int
	Widths   []int // ascending
	WebP     bool
	Quality  int // JPEG and WebP quality, 1-100
	// Sizes is the <img sizes> attribute: how wide the theme shows an
	// image of the page body.
	Sizes string
}

// Colors are the site's colours (`colors:`), for its social cards and
// default favicon: each a #rrggbb value.
type Colors struct {
	Background, Text, Accent string
}

// defaultImages match the theme: the body column is 44rem (704 px) wide.
func defaultImages() Images {
	return Images{MaxWidth: 960, Widths: []int{480, 960, 1440}, WebP: true, Quality: 80,
		Sizes: "(min-width: 48rem) 44rem, calc(100vw - 2rem)"}
}

func defaultColors() Colors {
	return Colors{Background: "#0b4a6e", Text: "#ffffff", Accent: "#9fe0c0"}
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// readMedia reads images:, colors:, social_cards: and favicon:.
func (s *Site) readMedia(r *meta.Reader, values map[string]any) {
	if _, set := values["social_cards"]; set {
		s.SocialCards = r.Bool("social_cards")
	}
	s.Favicon = r.String("favicon")
	if m := r.Mapping("images"); m != nil {
		readImages(r, m, &s.Images)
	}
	if m := r.Mapping("colors"); m != nil {
		for key, dst := range map[string]*string{"background": &s.Colors.Background, "text": &s.Colors.Text, "accent": &s.Colors.Accent} {
			v, ok := m[key]
			if !ok {
				continue
			}
			c, _ := v.(string)
			if !hexColor.MatchString(c) {
				r.Errorf("colors."+key, `write a colour as "#0b4a6e"`, "colors.%s %s is not a #rrggbb colour", key, describeValue(v))
				continue
			}
			*dst = strings.ToLower(c)
		}
	}
}

func readImages(r *meta.Reader, m map[string]any, img *Images) {
	if v, ok := m["max_width"]; ok {
		if n, ok := wholeNumber(v); ok && n >= 0 {
			img.MaxWidth = n
		} else {
			r.Errorf("images.max_width", "write a width in pixels such as 960, or 0 to turn resizing off", "images.max_width %s is not a width", describeValue(v))
		}
	}
	if v, ok := m["widths"]; ok {
		img.Widths = readWidths(r, v)
	}
	if v, ok := m["webp"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			r.Errorf("images.webp", "write webp: true or webp: false", "images.webp %s is not true or false", describeValue(v))
		}
		img.WebP = b
	}
	if v, ok := m["quality"]; ok {
		if n, ok := wholeNumber(v); ok && n >= 1 && n <= 100 {
			img.Quality = n
		} else {
			r.Errorf("images.quality", "write a quality from 1 to 100, such as 80", "images.quality %s is not between 1 and 100", describeValue(v))
		}
	}
	if v, ok := m["sizes"].(string); ok && strings.TrimSpace(v) != "" {
		img.Sizes = strings.TrimSpace(v)
	}
}

func readWidths(r *meta.Reader, v any) []int {
	list, ok := v.([]any)
	var out []int
	for _, item := range list {
		n, isNum := wholeNumber(item)
		if !isNum || n < 16 || n > 8192 {
			ok = false
			break
		}
		out = append(out, n)
	}
	if !ok || len(out) == 0 {
		r.Errorf("images.widths", "write widths in pixels such as [480, 960, 1440]", "images.widths %s is not a list of widths from 16 to 8192", describeValue(v))
		return defaultImages().Widths
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func wholeNumber(v any) (int, bool) {
	switch t := v.(type) {
	case int:
		return t, true
	case int64:
		return int(t), true
	case uint64:
		return int(t), t < 1<<31
	case float64:
		return int(t), t == float64(int(t))
	}
	return 0, false
}

func describeValue(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%v", v)
}

// checkFavicon reports a favicon that is not under static/, once, at its
// line of the config, and falls back to the theme's: every page links it,
// and a broken link on every page would say the same thing thousands of
// times.
func checkFavicon(fsys fs.FS, s *Site, src []byte) diag.List {
	if s.Favicon == "" {
		return nil
	}
	rel := "static/" + strings.TrimPrefix(s.Favicon, "/")
	if info, err := fs.Stat(fsys, rel); err == nil && info.Mode().IsRegular() {
		return nil
	}
	line := 0
	if i := bytes.Index(src, []byte("favicon")); i >= 0 {
		line = bytes.Count(src[:i], []byte("\n")) + 1
	}
	p := diag.Errorf(s.File, line, 0, "put the icon at "+rel+", or remove favicon: to use the theme's",
		"favicon %q is not a file under static/", s.Favicon)
	s.Favicon = ""
	return diag.List{p}
}
