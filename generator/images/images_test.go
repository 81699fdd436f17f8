package images

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"playbook/generator/config"
)

func TestLocate(t *testing.T) {
	for _, tc := range []struct {
		base, page, dest string
		out, url         string
		local            bool
	}{
		{"/", "/guides/a/", "chart.png", "guides/a/chart.png", "chart.png", true},
		{"/", "/guides/a/", "./img/chart.png", "guides/a/img/chart.png", "./img/chart.png", true},
		{"/", "/guides/a/", "../b/chart.png", "guides/b/chart.png", "../b/chart.png", true},
		{"/", "/guides/a/", "/img/chart.png", "img/chart.png", "/img/chart.png", true},
		{"/docs/", "/guides/a/", "/docs/img/chart.png", "img/chart.png", "/docs/img/chart.png", true},
		{"/", "/guides/a/", "/img/my%20chart.png?v=2#x", "img/my chart.png", "/img/my%20chart.png", true},
		{"/", "/", "../../../etc/passwd", "etc/passwd", "../../../etc/passwd", true}, // clamped to the site
		{"/", "/guides/a/", "https://cdn.example/chart.png", "", "", false},
		{"/", "/guides/a/", "//cdn.example/chart.png", "", "", false},
		{"/", "/guides/a/", "data:image/png;base64,AAAA", "", "", false},
		{"/", "/guides/a/", "", "", "", false},
		{"/", "/guides/a/", "#frag", "", "", false},
	} {
		loc, local := locate(tc.base, tc.page, tc.dest)
		if local != tc.local || loc.out != tc.out || loc.url != tc.url {
			t.Errorf("locate(%q, %q, %q) = %+v, %v; want {%s %s}, %v", tc.base, tc.page, tc.dest, loc, local, tc.out, tc.url, tc.local)
		}
	}
}

func TestPlanAndSrcsets(t *testing.T) {
	set := config.Images{MaxWidth: 960, Widths: []int{480, 960, 1440}, WebP: true, Quality: 80}
	for _, tc := range []struct {
		name       string
		info       Info
		own, webp  string
		noVersions bool
	}{
		{"narrow", Info{800, 400, "png"}, "", "", true},
		{"svg", Info{4000, 400, "svg"}, "", "", true},
		{"gif", Info{4000, 400, "gif"}, "", "", true},
		{"wide png", Info{1200, 600, "png"}, "a.w480.png 480w, a.w960.png 960w, a.png 1200w", "a.w480.webp 480w, a.w960.webp 960w, a.webp 1200w", false},
		{"wide jpeg", Info{2000, 1000, "jpeg"}, "a.w480.jpg 480w, a.w960.jpg 960w, a.w1440.jpg 1440w, a.png 2000w", "a.w480.webp 480w, a.w960.webp 960w, a.w1440.webp 1440w, a.webp 2000w", false},
		{"wide webp", Info{1000, 500, "webp"}, "a.w480.webp 480w, a.w960.webp 960w, a.png 1000w", "", false},
	} {
		v := plan(set, tc.info)
		if (len(v.widths) == 0) != tc.noVersions {
			t.Errorf("%s: widths %v", tc.name, v.widths)
			continue
		}
		if tc.noVersions {
			continue
		}
		own, webp := v.srcsets("a.png", tc.info)
		if tc.name == "wide png" {
			if o, _ := v.srcsets("my chart,1.png", tc.info); !strings.HasPrefix(o, "my%20chart%2C1.w480.png 480w, ") {
				t.Errorf("a name with a space and a comma: %q", o)
			}
		}
		if own != tc.own || webp != tc.webp {
			t.Errorf("%s:\n own %q\nwant %q\nwebp %q\nwant %q", tc.name, own, tc.own, webp, tc.webp)
		}
	}
	if v := plan(config.Images{MaxWidth: 0, Widths: []int{480}}, Info{4000, 100, "png"}); len(v.widths) != 0 {
		t.Errorf("max_width 0 still resizes: %v", v.widths)
	}
}

func TestProbe(t *testing.T) {
	var pngBytes bytes.Buffer
	_ = png.Encode(&pngBytes, image.NewGray(image.Rect(0, 0, 33, 21)))
	for _, tc := range []struct {
		name string
		data string
		want Info
	}{
		{"a.png", pngBytes.String(), Info{33, 21, "png"}},
		{"a.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="40"/>`, Info{120, 40, "svg"}},
		{"a.svg", `<?xml version="1.0"?><!-- c --><svg viewBox="0 0 64.4 32"/>`, Info{64, 32, "svg"}},
		{"a.svg", `<svg width="100%" height="50%"/>`, Info{0, 0, "svg"}},
		{"a.svg", `<svg viewBox="0,0,10,20" width="1em"/>`, Info{10, 20, "svg"}},
		{"a.svg", `not xml at all`, Info{0, 0, "svg"}},
	} {
		got, err := Probe(tc.name, []byte(tc.data))
		if err != nil || got != tc.want {
			t.Errorf("Probe(%s %.30q) = %+v, %v; want %+v", tc.name, tc.data, got, err, tc.want)
		}
	}
	if _, err := Probe("a.png", []byte("not an image")); err == nil {
		t.Error("Probe of a text file named .png succeeded")
	}
}

// FuzzProbe: reading a size never panics and never gives a negative one.
func FuzzProbe(f *testing.F) {
	f.Add("a.svg", []byte(`<svg width="10" height="20"/>`))
	f.Add("a.svg", []byte(`<svg viewBox="0 0 1e400 -5"/>`))
	f.Add("a.png", []byte("\x89PNG\r\n\x1a\n"))
	f.Add("a.gif", []byte("GIF89a"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		info, err := Probe(name, data)
		if err == nil && (info.Width < 0 || info.Height < 0) {
			t.Fatalf("negative size %+v", info)
		}
	})
}
