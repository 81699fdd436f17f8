package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// Page body bounds. Padding stops at the first paragraph past a target of
// at most maxTarget, and a paragraph holds at most 6 sentences of about 22
// words, so a body ends below maxWords.
const (
	minWords    = 800
	maxWords    = 1500
	maxTarget   = maxWords - 140
	maxAttempts = 8 // < 16: the attempt lives in the low 4 bits of a stream id
)

// pageInfo says what a generated page holds, for the summary and tests.
type pageInfo struct {
	words       int
	faq, answer bool
}

// renderPage returns page i's file: YAML front matter and a Markdown body
// of minWords–maxWords words. Each attempt draws from its own PCG stream,
// so the result depends only on (seed, pages, i).
func renderPage(seed uint64, pages []pagePlan, i int) ([]byte, pageInfo) {
	for attempt := 0; ; attempt++ {
		r := rand.New(rand.NewPCG(seed, uint64(i+1)<<4|uint64(attempt)))
		info := pageInfo{faq: r.Float64() < 0.3, answer: r.Float64() < 0.3}
		body, words := buildBody(newPageWriter(r, pages, i), info)
		info.words = words
		if words >= minWords && words <= maxWords || attempt == maxAttempts-1 {
			return []byte(frontMatter(r, pages[i]) + body), info
		}
	}
}

// buildBody writes the intro, the optional best answer, five h2 sections,
// the FAQ and a closing line with links, then pads the sections with
// paragraphs up to a random word target.
func buildBody(w *pageWriter, info pageInfo) (string, int) {
	target := minWords + w.r.IntN(maxTarget-minWords+1)
	blocks := []string{w.para(3, 5, 0.2), w.para(2, 4, 0.08)}
	if info.answer {
		blocks = append(blocks, w.heading(2, w.fill(pick(w.r, answerQuestions))), w.answerBlock())
	}
	secs := w.sections()
	faq := w.faq(info.faq)
	closing := w.add("Next, read " + w.link() + " or " + w.link() + ".")
	for w.words < target {
		k := w.r.IntN(len(secs))
		secs[k] = slices.Insert(secs[k], 1+w.r.IntN(len(secs[k])), w.para(3, 6, 0.08))
	}
	for _, s := range secs {
		blocks = append(blocks, s...)
	}
	blocks = append(blocks, faq...)
	blocks = append(blocks, closing)
	return strings.Join(blocks, "\n\n") + "\n", w.words
}

// sections returns five h2 sections; the second to fifth also carry a
// bullet list, a numbered list, a table and two h3 subsections.
func (w *pageWriter) sections() [][]string {
	secs := make([][]string, 0, 5)
	for k, h := range sample(w.r, h2Templates, 5) {
		sec := []string{w.heading(2, w.fill(h)), w.para(3, 6, 0.08)}
		switch k {
		case 1:
			sec = append(sec, w.bullets())
		case 2:
			sec = append(sec, w.numbered())
		case 3:
			sec = append(sec, w.table())
		case 4:
			for _, h3 := range sample(w.r, h3Templates, 2) {
				sec = append(sec, w.heading(3, h3), w.para(2, 4, 0.08))
			}
		}
		secs = append(secs, sec)
	}
	return secs
}

// frontMatter returns the page's YAML front matter. type: guide keeps
// playbook from taking the section folder name as the page type.
func frontMatter(r *rand.Rand, p pagePlan) string {
	tagList := sample(r, tags, 2+r.IntN(3))
	date := fmt.Sprintf("%04d-%02d-%02d", 2019+r.IntN(6), 1+r.IntN(12), 1+r.IntN(28))
	return fmt.Sprintf("---\ntitle: %q\ndescription: %q\ndate: %s\ntags: [%s]\ntype: guide\nstage: %s\n---\n\n",
		p.title, titleCase(p.topic)+" for "+p.sec.title+" teams: goals, plan, benchmarks and FAQ.",
		date, quoteAll(tagList), pick(r, stages))
}

// quoteAll returns list as comma-separated double-quoted strings.
func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
