package config

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFaviconMustExist(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":          {Data: []byte("title: T\nbase_url: https://x.com/\nfavicon: /icon.svg\n")},
		"static/present.svg": {Data: []byte("<svg/>")},
	}
	s, probs := Load(fsys)
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), `site.yaml:3: error: favicon "/icon.svg" is not a file under static/`) || s.Favicon != "" {
		t.Errorf("got %v, favicon %q", probs, s.Favicon)
	}
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nbase_url: https://x.com/\nfavicon: present.svg\n")}
	if s, probs := Load(fsys); len(probs) != 0 || s.Favicon != "present.svg" {
		t.Errorf("got %v, favicon %q", probs, s.Favicon)
	}
}

func TestMedia(t *testing.T) {
	tests := []struct {
		name, src string
		check     func(*testing.T, *Site)
		problems  []string
	}{
		{"defaults", "", func(t *testing.T, s *Site) {
			if !s.SocialCards || s.Images.MaxWidth != 960 || !s.Images.WebP || s.Colors.Background != "#0b4a6e" || s.Favicon != "" {
				t.Errorf("got %+v %+v %v", s.Images, s.Colors, s.SocialCards)
			}
		}, nil},
		{"set", "social_cards: false\nfavicon: /icon.svg\nimages: {max_width: 0, widths: [960, 320, 320], webp: false, quality: 60, sizes: 100vw}\ncolors: {background: \"#FFFFFF\", accent: \"#000000\"}\n",
			func(t *testing.T, s *Site) {
				if s.SocialCards || s.Favicon != "/icon.svg" || s.Images.MaxWidth != 0 || !slices.Equal(s.Images.Widths, []int{320, 960}) ||
					s.Images.WebP || s.Images.Quality != 60 || s.Images.Sizes != "100vw" {
					t.Errorf("got %+v %v %q", s.Images, s.SocialCards, s.Favicon)
				}
				if s.Colors != (Colors{Background: "#ffffff", Text: "#ffffff", Accent: "#000000"}) {
					t.Errorf("colors %+v", s.Colors)
				}
			}, nil},
		{"wrong", "images: {max_width: wide, widths: 480, webp: yes please, quality: 101}\ncolors: {text: red}\n", nil, []string{
			`error: images.max_width "wide" is not a width`,
			`error: images.widths 480 is not a list of widths`,
			`error: images.webp "yes please" is not true or false`,
			`error: images.quality 101 is not between 1 and 100`,
			`error: colors.text "red" is not a #rrggbb colour`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, probs := Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\n"+tt.src))
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			slices.Sort(got)
			want := tt.problems // in the order of their positions
			if len(got) != len(want) {
				t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for i := range want {
				if !strings.Contains(got[i], want[i]) {
					t.Errorf("problem %q does not say %q", got[i], want[i])
				}
			}
			if tt.check != nil {
				tt.check(t, s)
			}
		})
	}
}
