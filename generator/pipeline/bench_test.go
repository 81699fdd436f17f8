package pipeline_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"playbook/generator/config"
	"playbook/generator/internal/sitetest"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/pipeline"
	"playbook/generator/render"
	"playbook/generator/write"
)

// benchPage is a ~1,200-word playbook page with the shapes real pages
// have: headings, a table, lists, emphasis, links, a best answer and FAQs.
func benchPage(i, pages int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Playbook %d\"\ndescription: \"How team %d grows lifetime value after the first purchase, step by step.\"\ndate: 2026-10-%02d\ntags: [ltv, t%d]\nstage: expansion\n---\n", i, i, i%28+1, i%7)
	para := "Retention multiplies every other lever, so *measure it first* and **act on the cohorts** that drop off early. "
	fmt.Fprintf(&b, "## What is the fastest lever for page %d?\n\n::: answer\n%s\n\nProof: cohorts that reach a first win in a week renew twice as often.\n\nNext step: read [the next playbook](/guides/p%d/).\n:::\n\n", i, strings.Repeat("Lifetime value grows fastest when customers reach a first result quickly and keep using what they bought. ", 3), (i+1)%pages)
	for s := 0; s < 6; s++ {
		fmt.Fprintf(&b, "## Section %d\n\n%s\n\n%s\n\n- one point\n- another point with [a link](/guides/p%d/)\n- a third\n\n", s, strings.Repeat(para, 4), strings.Repeat(para, 3), (i+s)%pages)
	}
	b.WriteString("| Moment | Question | Next move |\n|---|---|---|\n| Activation | How do I start? | A quick win |\n| Renewal | Is it worth it? | A recap |\n\n")
	b.WriteString("::: faq\n### When should I upsell?\n\nAfter a satisfaction signal.\n\n### What is a cohort?\n\nCustomers who started together.\n:::\n")
	return b.String()
}

func benchSite(b *testing.B, pages int) *sitetest.Site {
	var files strings.Builder
	files.WriteString("-- site.yaml --\ntitle: Bench\nbase_url: https://bench.example/\n")
	for i := 0; i < pages; i++ {
		fmt.Fprintf(&files, "-- content/guides/p%d.md --\n%s", i, benchPage(i, pages))
	}
	return sitetest.New(b, files.String())
}

// BenchmarkParsePreparePage is the per-page cost of the parse stage:
// split front matter, parse Markdown, build the page, prepare its HTML,
// twin and structured-data text.
func BenchmarkParsePreparePage(b *testing.B) {
	src := []byte(benchPage(1, 10))
	cfg := &config.Site{Title: "T", BaseURL: "https://x.example/", Params: map[string]any{}}
	eng := render.NewEngine(false, "/")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		s, _ := load.Split("content/guides/p1.md", src)
		p, _ := model.NewPage(cfg, s, eng)
		if _, err := render.Prepare(eng, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSite200 is a whole run over 200 pages into memory, minified:
// parse, model, render, JSON-LD, twins, site files and the link check.
func BenchmarkSite200(b *testing.B) {
	s := benchSite(b, 200)
	opts := s.Options()
	opts.Minify = true
	b.ReportAllocs()
	for b.Loop() {
		sess, err := pipeline.NewSession(opts)
		if err != nil {
			b.Fatal(err)
		}
		pass, err := sess.Run(context.Background(), pipeline.Plan{}, write.NewMemory())
		sess.Close()
		if probs := pass.Problems(); err != nil || probs.HasErrors(false) {
			b.Fatalf("%v %v", err, probs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/200, "µs/page")
}
