package model

import (
	"fmt"
	"strings"
	"testing"

	"playbook/generator/config"
	"playbook/generator/load"
	"playbook/generator/markdown"
)

// benchPages parses n pages shaped like bench/corpus's: ten sections,
// three tags of sixty, a journey stage, a best answer on some pages and
// an included answer on others. Bodies are short: Assemble reads front
// matter and outlines, not text.
func benchPages(b testing.TB, n int) []*Page {
	b.Helper()
	cfg, _ := replaceEnv()
	eng := markdown.New(markdown.Options{})
	sections := []string{"analytics", "seo", "email-marketing", "paid-ads", "conversion", "partnerships",
		"social-media", "sales-enablement", "product-marketing", "content-marketing"}
	pages := make([]*Page, 0, n+len(sections))
	for i, sec := range sections {
		src := fmt.Sprintf("---\ntitle: \"%s\"\ndescription: \"All about %s.\"\nweight: %d\n---\nIntro.\n", sec, sec, i+1)
		pages = append(pages, benchParse(b, cfg, eng, "content/"+sec+"/_index.md", src))
	}
	answer := strings.Repeat("Lifetime value grows when customers reach a first result quickly. ", 5)
	for i := range n {
		var body string
		switch i % 3 {
		case 0:
			body = "::: answer\n" + answer + "\n:::\n"
		case 1:
			body = fmt.Sprintf("::: answer p%d\n:::\n", i-1)
		default:
			body = "Text with [a link](/seo/p1/).\n"
		}
		kind := "guide"
		if i%3 == 0 {
			kind = "answer"
		}
		src := fmt.Sprintf("---\ntitle: \"Page %d\"\ndescription: \"What page %d says.\"\ndate: 2024-%02d-%02d\ntags: [t%d, t%d, t%d]\ntype: %s\nstage: %s\n---\n%s",
			i, i, i%12+1, i%28+1, i%60, (i*7)%60, (i*13)%60, kind, Stages[i%len(Stages)].Name, body)
		pages = append(pages, benchParse(b, cfg, eng, fmt.Sprintf("content/%s/p%d.md", sections[i%len(sections)], i), src))
	}
	return pages
}

func benchParse(b testing.TB, cfg *config.Site, eng *markdown.Engine, path, src string) *Page {
	s, _ := load.Split(path, []byte(src))
	p, _ := NewPage(cfg, s, eng)
	return p
}

// BenchmarkAssemble10k links 10,000 parsed pages, as every serve rebuild
// that is not a body swap does.
func BenchmarkAssemble10k(b *testing.B) {
	pages := benchPages(b, 10000)
	cfg, _ := replaceEnv()
	b.ReportAllocs()
	for b.Loop() {
		Assemble(cfg, pages, Options{})
	}
}

// BenchmarkReplace10k swaps a page of a 10,000-page site for a new parse
// of its file and back, as a serve rebuild after a body edit does.
func BenchmarkReplace10k(b *testing.B) {
	pages := benchPages(b, 10000)
	cfg, eng := replaceEnv()
	site, _ := Assemble(cfg, pages, Options{})
	cur := site.Lookup("/seo/p1/")
	src := "---\ntitle: \"Page 1\"\ndescription: \"What page 1 says.\"\ndate: 2024-02-02\ntags: [t1, t7, t13]\ntype: guide\nstage: adoption\n---\n"
	a := benchParse(b, cfg, eng, cur.File, src+"::: answer p0\n:::\nOne.\n")
	z := benchParse(b, cfg, eng, cur.File, src+"::: answer p0\n:::\nTwo.\n")
	if _, ok := site.Replace(cur, a); !ok {
		b.Fatal("Replace refused a body edit")
	}
	cur, other := a, z
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := site.Replace(cur, other); !ok {
			b.Fatal("Replace refused a body edit")
		}
		cur, other = other, cur
	}
}
