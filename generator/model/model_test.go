package model

import (
	"slices"
	"testing"
	"time"

	"playbook/generator/config"
	"playbook/generator/load"
	"playbook/generator/markdown"
)

func TestUrlize(t *testing.T) {
	tests := map[string]string{
		"LTV Journey":      "ltv-journey",
		"  a  b ":          "a-b",
		"Q&A: what?":       "qa-what",
		"café":             "café",
		"--x--":            "x",
		"v1.2":             "v1.2",
		"../../etc":        "etc",
		"snake_case Title": "snake_case-title",
	}
	for in, want := range tests {
		if got := Urlize(in); got != want {
			t.Errorf("Urlize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageDir(t *testing.T) {
	tests := []struct {
		file, section, name string
		bundle, list        bool
	}{
		{"content/guides/a.md", "guides", "a", false, false},
		{"content/guides/ltv/index.md", "guides", "ltv", true, false},
		{"content/guides/_index.md", "guides", "", false, true},
		{"content/_index.md", "", "", false, true},
		{"content/calc.md", "", "calc", false, false},
		{"content/a/b/c.md", "a/b", "c", false, false},
	}
	for _, tt := range tests {
		section, name, bundle, list := pageDir(tt.file)
		if section != tt.section || name != tt.name || bundle != tt.bundle || list != tt.list {
			t.Errorf("pageDir(%q) = %q %q %v %v", tt.file, section, name, bundle, list)
		}
	}
}

func TestValidSlug(t *testing.T) {
	for slug, want := range map[string]bool{
		"ok": true, "also-ok_1": true, "": false, "..": false, "../etc": false, "/abs": false, "a/b": false, "a\\b": false, "x?y": false, "%2e": false,
	} {
		if validSlug(slug) != want {
			t.Errorf("validSlug(%q) = %v", slug, !want)
		}
	}
}

func TestSortPages(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 10, day, 0, 0, 0, 0, time.UTC) }
	pages := []*Page{
		{Title: "unweighted old", Date: d(1), URL: "/a/"},
		{Title: "weight 2", Weight: 2, URL: "/b/"},
		{Title: "unweighted new", Date: d(9), URL: "/c/"},
		{Title: "weight 1", Weight: 1, URL: "/d/"},
		{Title: "B same day", Date: d(5), URL: "/e/"},
		{Title: "a same day", Date: d(5), URL: "/f/"},
	}
	SortPages(pages)
	var got []string
	for _, p := range pages {
		got = append(got, p.Title)
	}
	want := []string{"weight 1", "weight 2", "unweighted new", "a same day", "B same day", "unweighted old"}
	if !slices.Equal(got, want) {
		t.Fatalf("order %q, want %q", got, want)
	}
}

// page builds a Page from a file's text the way the build does.
func page(t *testing.T, cfg *config.Site, eng *markdown.Engine, path, src string) *Page {
	t.Helper()
	s, probs := load.Split(path, []byte(src))
	if len(probs) > 0 {
		t.Fatalf("%s: %v", path, probs)
	}
	p, probs := NewPage(cfg, s, eng)
	if len(probs) > 0 {
		t.Fatalf("%s: %v", path, probs)
	}
	return p
}

func TestAssemble(t *testing.T) {
	cfg := &config.Site{Title: "T", BaseURL: "https://x.com/docs/", Params: map[string]any{}}
	eng := markdown.New(markdown.Options{})
	pages := []*Page{
		page(t, cfg, eng, "content/guides/b.md", "---\ntitle: B\ndescription: d\nweight: 2\ntags: [LTV, Retention]\nstage: expansion\n---\n"),
		page(t, cfg, eng, "content/guides/a.md", "---\ntitle: A\ndescription: d\nweight: 1\ntags: [ltv]\nstage: activation\n---\n"),
		page(t, cfg, eng, "content/guides/deep/c.md", "---\ntitle: C\ndescription: d\n---\n"),
		page(t, cfg, eng, "content/guides/draft.md", "---\ntitle: D\ndescription: d\ndraft: true\n---\n"),
		page(t, cfg, eng, "content/answers/what-is-ltv.md", "---\ntitle: What is LTV?\n---\n::: answer\nWords.\n:::\n"),
	}
	site, probs := Assemble(cfg, pages, Options{})
	for _, p := range probs {
		if p.Severity == 0 {
			t.Errorf("unexpected error: %v", p)
		}
	}
	guides := site.Sections["guides"]
	if got := []string{guides.Pages[0].Title, guides.Pages[1].Title}; !slices.Equal(got, []string{"A", "B"}) || len(guides.Pages) != 2 {
		t.Fatalf("guides = %v (drafts must be left out)", got)
	}
	a, b := guides.Pages[0], guides.Pages[1]
	if a.Next != b || b.Prev != a || a.Prev != nil {
		t.Error("prev/next wrong")
	}
	if b.Permalink != "https://x.com/docs/guides/b/" {
		t.Errorf("permalink %s", b.Permalink)
	}
	c := site.Lookup("/guides/deep/c/")
	if c == nil || len(c.Breadcrumbs()) != 4 || c.Breadcrumbs()[2].Name != "Deep" {
		t.Fatalf("breadcrumbs of a nested page: %+v", c)
	}
	if len(site.Taxonomies) != 2 || site.Taxonomies[0].Name != "tags" {
		t.Fatalf("taxonomies: %+v", site.Taxonomies)
	}
	ltvTerm := site.Taxonomies[0].Terms[0]
	if ltvTerm.Slug != "ltv" || len(ltvTerm.Pages) != 2 {
		t.Errorf("tag ltv: %+v", ltvTerm)
	}
	stages := site.Taxonomies[1].Terms
	if stages[0].Name != "activation" || stages[1].Name != "expansion" || stages[0].Question == "" {
		t.Errorf("stages in journey order with questions: %+v", stages)
	}
	if site.Answers["what-is-ltv"] == nil {
		t.Error("answer not indexed by slug")
	}
	if ans := site.Answers["what-is-ltv"]; ans.Description != "Words." {
		t.Errorf("description derived from the best answer: %q", ans.Description)
	}
	if _, ok := site.Sections["guides/deep"]; !ok {
		t.Error("nested folder has no section")
	}
}

func TestAssembleDrafts(t *testing.T) {
	cfg := &config.Site{Title: "T", BaseURL: "https://x.com/", Params: map[string]any{}}
	eng := markdown.New(markdown.Options{})
	p := page(t, cfg, eng, "content/a.md", "---\ntitle: A\ndescription: d\ndraft: true\n---\n")
	site, _ := Assemble(cfg, []*Page{p}, Options{Drafts: true})
	if site.Lookup("/a/") == nil {
		t.Fatal("--drafts must keep draft pages")
	}
}

func TestVerticalMetricsComputeChange(t *testing.T) {
	cfg := &config.Site{Title: "T", BaseURL: "https://x.com/", Params: map[string]any{}}
	eng := markdown.New(markdown.Options{})
	p := page(t, cfg, eng, "content/verticals/v.md", "---\ntitle: V\ndescription: d\nmetrics:\n  - {name: ARPU, before: 42, after: 58, unit: $/mo}\n  - {name: New, before: 0, after: 5}\ncalculator: {mode: churn, arpa: 58, margin: 0.35, churn: 0.08}\n---\n")
	m := p.Vertical.Metrics
	if len(m) != 2 || !m[0].HasChange || m[0].Change < 38.09 || m[0].Change > 38.1 || m[1].HasChange {
		t.Fatalf("metrics %+v", m)
	}
	if p.Vertical.Preset == nil || p.Vertical.Preset.Slug != "v" || p.Vertical.Preset.Values["arpa"] != "58" {
		t.Fatalf("preset %+v", p.Vertical.Preset)
	}
}
