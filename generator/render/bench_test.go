package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"playbook/generator/config"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/layouts"
)

// discard is a sink that keeps nothing, so a benchmark measures the render.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// benchSite is a small site shaped like a real one: a seven-entry menu,
// guides with a date, tags, a stage, a table of contents and neighbours.
func benchSite(b testing.TB) (*model.Site, *Templates) {
	b.Helper()
	cfg, probs := config.Parse("site.yaml", []byte(`title: "Bench Playbook"
description: "Guides for growing customer lifetime value."
base_url: "https://example.com/"
menu:
  - { name: "Guides", url: "/guides/" }
  - { name: "Playbooks", url: "/playbooks/" }
  - { name: "Workflows", url: "/workflows/" }
  - { name: "Verticals", url: "/verticals/" }
  - { name: "FAQ", url: "/faq/" }
  - { name: "Answers", url: "/answers/" }
  - { name: "LTV calculator", url: "/ltv-calculator/" }
`))
	if len(probs) > 0 {
		b.Fatal(probs)
	}
	var pages []*model.Page
	for i := range 5 {
		var body strings.Builder
		for h := range 6 {
			fmt.Fprintf(&body, "## Heading %d of page %d\n\nSome text with a [link](/guides/g%d/) and **emphasis**.\n\n", h, i, (i+1)%5)
		}
		src := fmt.Sprintf("---\ntitle: \"Guide %d: retain customers\"\ndescription: \"How to keep customers buying, part %d.\"\ndate: 2026-09-0%d\nauthor: Ana\ntags: [retention, email marketing, ltv]\nstage: adoption\n---\n%s", i, i, i+1, body.String())
		s, probs := load.Split(fmt.Sprintf("content/guides/g%d.md", i), []byte(src))
		if len(probs) > 0 {
			b.Fatal(probs)
		}
		p, probs := model.NewPage(cfg, s, fuzzEngine)
		if len(probs) > 0 {
			b.Fatal(probs)
		}
		prepareForTest(b, p)
		pages = append(pages, p)
	}
	site, probs := model.Assemble(cfg, pages, model.Options{})
	if len(probs) > 0 {
		b.Fatal(probs)
	}
	tpl, probs := LoadTemplates(nil, layouts.Theme(), Funcs(cfg.BasePath()))
	if tpl == nil {
		b.Fatal(probs)
	}
	return site, tpl
}

// BenchmarkGuidePage renders one guide page (templates, JSON-LD, twin)
// without writing it: the per-page cost of the render stage.
func BenchmarkGuidePage(b *testing.B) {
	site, tpl := benchSite(b)
	r := New(site, tpl, discard{}, testOptions(Options{Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}))
	p := site.Content[2]
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Page(p); err != nil {
			b.Fatal(err)
		}
	}
}
