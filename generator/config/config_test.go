package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, file, src string
		check           func(*testing.T, *Site)
		problems        []string
	}{
		{"yaml", "site.yaml", "title: T\nbase_url: https://x.com\norganization: {name: Org, logo: https://x.com/l.svg}\nmenu:\n  - {name: Guides, url: /guides/}\ncustom: 7\n",
			func(t *testing.T, s *Site) {
				if s.BaseURL != "https://x.com/" || s.Organization.Name != "Org" || s.Organization.URL != "https://x.com/" || len(s.Menu) != 1 {
					t.Errorf("got %+v", s)
				}
				if s.Params["custom"] == nil {
					t.Error("unknown keys must be kept in Params")
				}
			}, nil},
		{"toml", "site.toml", "title = \"T\"\nbase_url = \"https://x.com/a/\"\n",
			func(t *testing.T, s *Site) {
				if s.BaseURL != "https://x.com/a/" || s.Language != "en" {
					t.Errorf("got %+v", s)
				}
			}, nil},
		{"missing fields", "site.yaml", "language: fr\n", nil, []string{
			"site.yaml:1:1: error: the site config has no title",
			"site.yaml:1:1: error: the site config has no base_url",
		}},
		{"bad base url and menu", "site.yaml", "title: T\nbase_url: example.com\nmenu:\n  - {name: X}\n", nil, []string{
			`site.yaml:2:1: error: base_url "example.com" is not an absolute http(s) URL`,
			"site.yaml:4:5: error: menu item 1 needs a name and a url",
		}},
		{"markdown defaults", "site.yaml", "title: T\nbase_url: https://x.com\n",
			func(t *testing.T, s *Site) {
				if s.Markdown != (Markdown{Footnotes: true, DefinitionLists: true, Highlight: true, HeadingAttributes: true}) {
					t.Errorf("markdown = %+v", s.Markdown)
				}
			}, nil},
		{"markdown switches", "site.yaml", "title: T\nbase_url: https://x.com\nmarkdown:\n  typographer: true\n  highlight: false\n",
			func(t *testing.T, s *Site) {
				if !s.Markdown.Typographer || s.Markdown.Highlight || !s.Markdown.Footnotes {
					t.Errorf("markdown = %+v", s.Markdown)
				}
			}, nil},
		{"markdown mistakes", "site.yaml", "title: T\nbase_url: https://x.com\nmarkdown:\n  footnote: true\n  highlight: yes please\n", nil, []string{
			`site.yaml:4:3: error: unknown markdown option "footnote" — use one of: typographer, footnotes,`,
			"site.yaml:5:3: error: markdown.highlight must be true or false",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, probs := Parse(tt.file, []byte(tt.src))
			if len(probs) != len(tt.problems) {
				t.Fatalf("problems = %v, want %v", probs, tt.problems)
			}
			for i, w := range tt.problems {
				if !strings.HasPrefix(probs[i].String(), w) {
					t.Errorf("problem %d = %q, want prefix %q", i, probs[i], w)
				}
			}
			if tt.check != nil {
				tt.check(t, s)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, probs := Load(fstest.MapFS{})
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "no site.yaml") {
		t.Fatalf("got %v", probs)
	}
}

func TestEvidenceConfig(t *testing.T) {
	s, probs := Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\nreview_every: { guide: 6 months, answer: 1 year }\n"))
	if len(probs) > 0 || s.Evidence.ReviewEvery["guide"].String() != "6 months" || s.Evidence.ReviewEvery["answer"].String() != "1 year" || !s.Evidence.GitDates {
		t.Fatalf("got %+v %v", s.Evidence, probs)
	}
	s, _ = Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\nreview_every: 3 months\ngit_dates: false\n"))
	if len(s.Evidence.ReviewEvery) != 6 || s.Evidence.ReviewEvery["faq"].N != 3 || s.Evidence.GitDates {
		t.Fatalf("got %+v", s.Evidence)
	}
	_, probs = Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\nreview_every:\n  guides: 6 months\n  faq: often\n"))
	want := []string{
		`site.yaml:5:3: error: review_every: "often" is not a number and a unit`,
		`site.yaml:4:3: error: review_every names the unknown page kind "guides" — use one of: guide,`,
	}
	if len(probs) != 2 {
		t.Fatalf("problems: %v", probs)
	}
	probs.Sort()
	for i, w := range []string{want[1], want[0]} {
		if !strings.HasPrefix(probs[i].String(), w) {
			t.Errorf("problem %d = %q, want prefix %q", i, probs[i], w)
		}
	}
}

func TestIndexNowConfig(t *testing.T) {
	s, probs := Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\nindexnow: { key: 0123456789abcdef }\n"))
	if len(probs) > 0 || s.Evidence.IndexNow.Key != "0123456789abcdef" || s.Evidence.IndexNow.Endpoint != "https://api.indexnow.org/indexnow" {
		t.Fatalf("got %+v %v", s.Evidence.IndexNow, probs)
	}
	_, probs = Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\nindexnow:\n  key: short\n"))
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), `site.yaml:4:3: error: indexnow.key "short" is not a valid IndexNow key`) {
		t.Fatalf("problems: %v", probs)
	}
}

func TestAuthorsConfig(t *testing.T) {
	s, probs := Parse("site.yaml", []byte("title: T\nbase_url: https://x.com/\nauthors:\n  ana:\n    name: Ana Ruiz\n    job_title: Head of Growth\n    same_as: [\"https://www.linkedin.com/in/ana\"]\n  bo: { url: \"https://bo.example/\" }\n  cy: { name: Cy, same_as: \"not a url\" }\n"))
	ana := s.Evidence.Authors["ana"]
	if ana.Name != "Ana Ruiz" || ana.JobTitle != "Head of Growth" || len(ana.SameAs) != 1 {
		t.Errorf("ana = %+v", ana)
	}
	if len(probs) != 2 {
		t.Fatalf("problems: %v", probs)
	}
	probs.Sort()
	if !strings.Contains(probs[0].Msg, `author "bo" needs at least a name`) || !strings.Contains(probs[1].Msg, `author "cy": "not a url" is not an absolute`) {
		t.Errorf("problems: %v", probs)
	}
}

// TestEverySettingIsKnown: a setting the config reads is never taken for a
// misspelling of another.
func TestEverySettingIsKnown(t *testing.T) {
	src := "title: T\nbase_url: https://x.example/\nauthors:\n  ana:\n    name: Ana\nimages:\n  max_width: 960\ncolors:\n  brand: \"#0f5f8c\"\nsocial_cards: false\ngit_dates: false\nreview_every: 6 months\n"
	_, probs := Parse("site.yaml", []byte(src))
	for _, p := range probs {
		if strings.Contains(p.String(), "did you mean") {
			t.Errorf("a known setting is taken for a typo: %s", p)
		}
	}
}
