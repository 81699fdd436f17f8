package search

import (
	"fmt"
	"strings"
	"testing"

	"playbook/generator/load"
	"playbook/generator/markdown"
	"playbook/generator/model"
)

type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// benchWords is a vocabulary like the bench corpus's: a few hundred
// words, each in many pages.
var benchWords = strings.Fields(`customer lifetime value retention churn onboarding activation expansion renewal
advocacy referral upsell cross sell cohort margin order frequency revenue profit subscription pricing trial
campaign landing page conversion funnel email newsletter webinar keyword content brand social partner sales
pipeline lead scoring attribution model experiment budget audience segment message offer signal milestone
health score playbook journey stage team dashboard report weekly quarter metric benchmark template checklist`)

// benchParts is a page of about 1,100 words in ten parts.
func benchParts(i int) []Part {
	w := func(k, n int) string {
		var b strings.Builder
		for j := range n {
			b.WriteString(benchWords[(i*7+k*13+j*j)%len(benchWords)])
			b.WriteByte(' ')
		}
		return b.String()
	}
	parts := []Part{{Kind: KindPage, Text: w(0, 100)}, {Kind: KindAnswer, Heading: "How do you " + w(1, 4), Snippet: w(1, 50), Text: w(1, 50)}}
	for k := 2; k < 7; k++ {
		parts = append(parts, Part{Kind: KindSection, Anchor: fmt.Sprint("s", k), Heading: w(k, 5), Snippet: w(k, 30), Text: w(k, 180)})
	}
	for k := 7; k < 10; k++ {
		parts = append(parts, Part{Kind: KindQuestion, Anchor: fmt.Sprint("q", k), Heading: w(k, 6) + "?", Snippet: w(k, 40), Text: w(k, 40)})
	}
	return parts
}

// BenchmarkIndexBuild is the index's cost per page in a build: tokenise
// and score each part, keep each term's best results, write the shards
// and chunks (to nowhere).
func BenchmarkIndexBuild(b *testing.B) {
	const n = 2000
	pages := make([]*model.Page, n)
	parts := make([][]Part, n)
	for i := range pages {
		pages[i] = &model.Page{Kind: model.KindGuide, Title: fmt.Sprint("Playbook ", i, " for ", benchWords[i%len(benchWords)]),
			URL: fmt.Sprint("/guides/p", i, "/"), Stage: "expansion", Params: map[string]any{}}
		parts[i] = benchParts(i)
	}
	b.ReportAllocs()
	for b.Loop() {
		bld := NewBuilder(pages, func(u string) string { return u }, discard{})
		for i, p := range pages {
			if err := bld.Add(p, parts[i]); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := bld.Finish(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/n, "µs/page")
}

// BenchmarkParts is the cost per page of finding a parsed page's results.
func BenchmarkParts(b *testing.B) {
	var src strings.Builder
	src.WriteString("---\ntitle: Bench\n---\nIntro " + strings.Repeat("words of the intro ", 30) + "\n\n")
	src.WriteString("## How do you grow LTV?\n\n::: answer\n" + strings.Repeat("Answer words here. ", 15) + "\n:::\n\n")
	for s := range 5 {
		fmt.Fprintf(&src, "## Section %d\n\n%s\n\n- a point\n- another\n\n", s, strings.Repeat("Body words of the section go on. ", 30))
	}
	src.WriteString("::: faq\n### When should I upsell?\n\nAfter a signal.\n\n### What is a cohort?\n\nCustomers who started together.\n:::\n")
	s, _ := load.Split("content/p.md", []byte(src.String()))
	d := markdown.New(markdown.Options{}).Parse(s.Body, false)
	b.ReportAllocs()
	for b.Loop() {
		if len(Parts(d)) != 9 {
			b.Fatalf("%d parts, want 9", len(Parts(d)))
		}
	}
}

// BenchmarkAppendWords is the cost of splitting a block's plain text into
// a section's words (a markdown block's text: sentences, block breaks),
// about maxPartWords of them.
func BenchmarkAppendWords(b *testing.B) {
	var raw strings.Builder
	for i := range 11 {
		fmt.Fprintf(&raw, " Most importantly, the %s will amplify the %s flow before the next quarter.  In practice, the café needs **%d** steps.", benchWords[i%len(benchWords)], benchWords[(i*7)%len(benchWords)], i)
	}
	text := []byte(raw.String())
	var dst []byte
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		dst, _ = appendWords(dst[:0], text, 0)
	}
}

// BenchmarkTerms is the tokenizer's cost on a section's text: sentences
// with capitals, punctuation and stop words, as pages have them.
func BenchmarkTerms(b *testing.B) {
	var raw strings.Builder
	for i := range 11 {
		fmt.Fprintf(&raw, "Most importantly, the %s will amplify the %s flow before the next quarter. In practice, the café's team needs %d steps. ", benchWords[i%len(benchWords)], benchWords[(i*7)%len(benchWords)], i)
	}
	text := raw.String()
	tok := newTokenizer()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tok.terms(text)
	}
}
