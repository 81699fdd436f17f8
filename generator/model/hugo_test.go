package model

import (
	"strings"
	"testing"

	"playbook/generator/config"
	"playbook/generator/load"
	"playbook/generator/markdown"
)

func TestHugoFrontMatter(t *testing.T) {
	cfg := &config.Site{Title: "T", BaseURL: "https://x.com/", Params: map[string]any{}}
	eng := markdown.New(markdown.Options{})
	pages := []*Page{
		page(t, cfg, eng, "content/docs/_index.md", "---\ndescription: d\ncascade:\n  - banner: all\n  - _target: {path: \"/docs/api/**\"}\n    kind: api\n---\n"),
		page(t, cfg, eng, "content/docs/intro.md", "---\ntitle: Intro\ndescription: d\n---\n"),
		page(t, cfg, eng, "content/docs/api/_index.md", "---\ntitle: API\ndescription: d\ncascade: {banner: api, draft: true}\n---\n"),
		page(t, cfg, eng, "content/docs/api/get.md", "---\ntitle: Get\ndescription: d\ndraft: false\n---\n"),
		page(t, cfg, eng, "content/docs/api/old.md", "---\ntitle: Old\ndescription: d\n---\n"),
		page(t, cfg, eng, "content/docs/own.md", "---\ntitle: Own\ndescription: d\nbanner: mine\n---\n"),
		page(t, cfg, eng, "content/docs/hidden.md", "---\ntitle: Hidden\ndescription: d\nbuild: {render: never}\n---\n"),
		page(t, cfg, eng, "content/docs/quiet.md", "---\ntitle: Quiet\ndescription: d\n_build: {list: false}\n---\n"),
		page(t, cfg, eng, "content/docs/odd.md", "---\ntitle: Odd\ndescription: d\nbuild:\n  render: sometimes\n---\n"),
		page(t, cfg, eng, "content/zola.md", "+++\ntitle = \"Z\"\ndescription = \"d\"\n[extra]\ntoc = true\ntitle = \"ignored\"\n[taxonomies]\ntags = [\"a\"]\n+++\n"),
	}
	site, probs := Assemble(cfg, pages, Options{})
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "content/docs/odd.md:5:3: warning: build.render sometimes is not a build option Hugo knows") {
		t.Errorf("problems = %v", probs)
	}
	params := func(url, key string) any {
		p := site.Lookup(url)
		if p == nil {
			t.Fatalf("%s not published", url)
		}
		return p.Params[key]
	}
	if site.Sections["docs"].Page.Title != "Docs" {
		t.Errorf("untitled _index.md: title %q", site.Sections["docs"].Page.Title)
	}
	for url, want := range map[string]any{"/docs/intro/": "all", "/docs/api/get/": "api", "/docs/own/": "mine", "/docs/api/": "all"} {
		if got := params(url, "banner"); got != want {
			t.Errorf("%s banner = %v, want %v (nearest cascade wins, own fields win)", url, got, want)
		}
	}
	if params("/docs/api/get/", "kind") != "api" || params("/docs/intro/", "kind") != nil {
		t.Error("a _target path limits where a cascade entry applies")
	}
	if site.Lookup("/docs/api/old/") != nil {
		t.Error("cascaded draft: true did not keep the page out")
	}
	if site.Lookup("/docs/hidden/") != nil || len(site.Hidden) != 1 {
		t.Errorf("build render never: published, hidden = %d", len(site.Hidden))
	}
	quiet := site.Lookup("/docs/quiet/")
	if quiet == nil || !quiet.NoList {
		t.Fatal("_build list false: not published, or listed")
	}
	for _, p := range site.Sections["docs"].Pages {
		if p == quiet {
			t.Error("an unlisted page is in its section's list")
		}
	}
	if params("/zola/", "toc") != true || params("/zola/", "title") != "Z" {
		t.Error("Zola [extra] fields not lifted, or one overrode the page's own")
	}
	if z := site.Lookup("/zola/"); len(z.Tags) != 1 || z.Tags[0] != "a" {
		t.Errorf("Zola taxonomies tags: %v", z.Tags)
	}
	// Assembling again after the cascade is gone leaves no stale value.
	pages[0] = page(t, cfg, eng, "content/docs/_index.md", "---\ndescription: d\n---\n")
	site, _ = Assemble(cfg, pages, Options{})
	if params("/docs/intro/", "banner") != nil {
		t.Error("a removed cascade still applies")
	}
}

func TestHugoLayoutType(t *testing.T) {
	cfg := &config.Site{Title: "T", BaseURL: "https://x.com/", Params: map[string]any{}}
	eng := markdown.New(markdown.Options{})
	s, _ := load.Split("content/faq/a.md", []byte("---\ntitle: A\ntype: docs\n---\n## Q?\nA.\n"))
	p, probs := NewPage(cfg, s, eng)
	if p.Kind != KindFAQ {
		t.Errorf("kind = %s, want the folder's faq", p.Kind)
	}
	if len(probs) != 1 || probs[0].String() != `content/faq/a.md:3:1: warning: type "docs" is not a playbook page type; the page is built as a faq — use one of: guide, faq, answer, workflow, vertical, calculator, or remove it` {
		t.Errorf("problems = %v", probs)
	}
}

func TestHugoLastmod(t *testing.T) {
	cfg := &config.Site{Title: "T", BaseURL: "https://x.com/", Params: map[string]any{}}
	eng := markdown.New(markdown.Options{})
	p := page(t, cfg, eng, "content/a.md", "---\ntitle: A\ndate: 2026-01-02\nlastmod: 2026-03-04\n---\n")
	if got := p.Updated.Format("2006-01-02"); got != "2026-03-04" {
		t.Errorf("updated = %s, want lastmod's 2026-03-04", got)
	}
	p = page(t, cfg, eng, "content/b.md", "---\ntitle: B\nupdated: 2026-05-06\nlastmod: 2026-03-04\n---\n")
	if got := p.Updated.Format("2006-01-02"); got != "2026-05-06" {
		t.Errorf("updated = %s: updated must win over lastmod", got)
	}
}
